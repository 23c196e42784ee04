// Scenario 6: a foreign key without an index gets "Add index … in a new migration": the quick fix
// creates the next Flyway migration with CREATE INDEX CONCURRENTLY, opens it, and the problem goes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyCodeAction, goTo, openFile, scenario, waitForEditorText, waitForProblems, workspace } from './workbench';

const file = 'V95__e2e_refunds.sql';
const migration = [
  "SET lock_timeout = '5s';",
  "SET statement_timeout = '5min';",
  'ALTER TABLE invoices ADD COLUMN refunded_by bigint;',
  'ALTER TABLE invoices ADD CONSTRAINT invoices_refunded_by_fkey FOREIGN KEY (refunded_by) REFERENCES accounts (id) NOT VALID;',
  '',
].join('\n');

test('"Add index … in a new migration" writes the next migration, opens it, and clears foreign-key-without-index', async () => {
  writeFileSync(join(workspace, 'migrations', file), migration);
  await scenario('6-add-index', async (page) => {
    await openFile(page, file);
    await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('foreign-key-without-index')), 'to list foreign-key-without-index');
    await goTo(page, 4, 40);
    await applyCodeAction(page, 'Add index invoices_refunded_by_idx in a new migration');
    // The new file opens in the editor, named after the last migration in Flyway's order.
    await page.locator('.tabs-container .tab.active', { hasText: /^V\d+__add_invoices_refunded_by_idx\.sql/ }).waitFor();
    const text = await waitForEditorText(page, (t) => t.includes('CREATE INDEX CONCURRENTLY'), 'to show the new migration');
    assert.match(text, /CREATE INDEX CONCURRENTLY invoices_refunded_by_idx ON invoices \(refunded_by\);/);
    await waitForProblems(page, file, (texts) => !texts.some((t) => t.includes('foreign-key-without-index')), 'to drop foreign-key-without-index');
  });
});
