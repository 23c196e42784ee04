// Scenario 2: the preferred quick fix of require-concurrent-index rewrites the statement and the
// problem goes away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCodeAction, goTo, openFile, scenario, scratchCopy, waitForEditorText, waitForProblems } from './workbench';

test('"Add CONCURRENTLY" rewrites the index build and clears require-concurrent-index', async () => {
  const file = scratchCopy('V3__index_invoices_by_date.sql', 'V93__e2e_quick_fix.sql');
  await scenario('2-quick-fix', async (page) => {
    await openFile(page, file);
    await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('require-concurrent-index')), 'to list require-concurrent-index');
    await goTo(page, 3, 1);
    await applyCodeAction(page, 'Add CONCURRENTLY');
    const text = await waitForEditorText(page, (t) => t.includes('CREATE INDEX CONCURRENTLY invoices_issued_at_idx'), 'to contain CREATE INDEX CONCURRENTLY');
    assert.match(text, /CREATE INDEX CONCURRENTLY invoices_issued_at_idx ON invoices \(issued_at\);/);
    // CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE, so the lock-timeout findings go too.
    await waitForProblems(page, file, (texts) => !texts.some((t) => t.includes('require-concurrent-index')), 'to drop require-concurrent-index');
  });
});
