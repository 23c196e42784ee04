// Scenario 3: "Ignore <rule> for this statement" inserts a sqlsight-ignore comment and the problem
// goes away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCodeAction, goTo, openFile, scenario, scratchCopy, waitForEditorText, waitForProblems } from './workbench';

test('"Ignore require-concurrent-index for this statement" inserts the comment and clears the problem', async () => {
  const file = scratchCopy('V3__index_invoices_by_date.sql', 'V94__e2e_ignore.sql');
  await scenario('3-ignore', async (page) => {
    await openFile(page, file);
    await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('require-concurrent-index')), 'to list require-concurrent-index');
    await goTo(page, 3, 1);
    await applyCodeAction(page, 'Ignore require-concurrent-index for this statement');
    const text = await waitForEditorText(page, (t) => /--\s*sqlsight-ignore\b.*require-concurrent-index/.test(t), 'to contain a sqlsight-ignore comment');
    assert.match(text, /sqlsight-ignore.*require-concurrent-index[^\n]*\nCREATE INDEX invoices_issued_at_idx/);
    await waitForProblems(
      page,
      file,
      (texts) => !texts.some((t) => t.includes('require-concurrent-index')) && texts.some((t) => t.includes('require-lock-timeout')),
      'to drop require-concurrent-index and keep require-lock-timeout',
    );
  });
});
