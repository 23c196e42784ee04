// Scenario 5: hovering a dangerous statement shows the lock it takes and what that lock blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFile, poll, scenario, waitForProblems } from './workbench';

const file = 'V4__account_ref_and_name.sql';

test('hovering SET NOT NULL shows ACCESS EXCLUSIVE and what it blocks', async () => {
  await scenario('5-hover', async (page) => {
    await openFile(page, file);
    await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('set-not-null')), 'to list set-not-null');
    // Point at the ALTER of line 5 (`ALTER TABLE accounts ALTER COLUMN display_name SET NOT NULL;`).
    const token = page.locator('.editor-instance .view-line', { hasText: 'display_name SET NOT NULL' }).locator('span span').first();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'takes' });
    const text = await poll(
      async () => {
        const box = await token.boundingBox();
        if (box) await page.mouse.move(box.x + 4, box.y + box.height / 2);
        return (await hover.count()) > 0 ? ((await hover.first().textContent()) ?? '') : '';
      },
      (t) => t.includes('ACCESS EXCLUSIVE'),
      'the hover to show the lock',
    );
    assert.match(text, /takes ACCESS EXCLUSIVE on accounts: it blocks every query on the table, reads included/);
  });
});
