// Scenario 7: hovering a table name in a later migration shows what the earlier migrations built:
// its columns with their types, and the migration that defined it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFile, poll, scenario, waitForProblems } from './workbench';

const file = 'V6__cap_invoice_total.sql';

test('hovering a table name shows its columns and the migration that created it', async () => {
  await scenario('7-schema-hover', async (page) => {
    await openFile(page, file);
    // The server has analysed the file (with the workspace model) once the editor shows no sqlsight problem for it.
    await waitForProblems(page, file, (texts) => texts.length === 0, 'to stay clean');
    const line = page.locator('.editor-instance .view-line', { hasText: 'ADD CONSTRAINT invoices_total_cap' });
    // The lock inlay hint at the line's end comes with the server's analysis of this file.
    await poll(async () => (await line.first().textContent()) ?? '', (t) => /ACCESS\sEXCLUSIVE/.test(t), 'the inlay hint of the analysed file');
    // Only the text's token spans (`mtk…`): the inlay hint at the line's end (`ACCESS EXCLUSIVE · invoices`)
    // names the table too, and hovering it shows no schema.
    const token = line.locator('span span[class*="mtk"]', { hasText: /(^|\s)invoices(\s|$)/ }).first();
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Defined in' });
    const text = await poll(
      async () => {
        // Leave and re-enter the word each time: a hover shown before the schema was ready does not update in place.
        const box = await token.boundingBox();
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForTimeout(600);
        return (await hover.count()) > 0 ? ((await hover.first().textContent()) ?? '') : '';
      },
      (t) => t.includes('account_id'),
      'the hover to show the table',
    );
    assert.match(text, /account_id/);
    assert.match(text, /numeric\(12, 2\)/);
    assert.match(text, /V2__create_invoices\.sql/);
  });
});
