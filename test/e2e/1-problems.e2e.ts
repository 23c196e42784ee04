// Scenario 1: opening migrations activates the extension; the Problems panel lists the rule ids of a
// dangerous migration (V3) and nothing from sqlsight for a safe one (V1).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFile, poll, problems, scenario, waitForProblems } from './workbench';

const dangerous = 'V3__index_invoices_by_date.sql';
const safe = 'V1__create_accounts.sql';

test('the Problems panel lists the findings of a dangerous migration and none for a safe one', async () => {
  await scenario('1-problems', async (page) => {
    // The safe file first: when the dangerous file's findings show, the server has analysed both.
    await openFile(page, safe);
    await openFile(page, dangerous);
    const rows = await waitForProblems(
      page,
      dangerous,
      (texts) => ['require-concurrent-index', 'require-lock-timeout', 'require-statement-timeout'].every((id) => texts.some((t) => t.includes(id))),
      'to list require-concurrent-index, require-lock-timeout and require-statement-timeout',
    );
    assert.ok(rows.every((text) => text.includes('sqlsight')), `every problem comes from sqlsight:\n${rows.join('\n')}`);

    // Back to the safe file: its editor is analysed (the status bar shows the dialect sqlsight uses)
    // and the Problems panel has no row for it.
    await openFile(page, safe);
    await page.locator('.statusbar-item', { hasText: 'PostgreSQL' }).first().waitFor();
    const all = await poll(() => problems(page), (list) => list.some((row) => row.file === dangerous), 'the dangerous file to stay listed');
    assert.deepEqual(all.filter((row) => row.file === safe), [], `no problems for ${safe}`);
  });
});
