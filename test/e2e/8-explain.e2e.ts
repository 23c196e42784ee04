// Scenario 8: the "Explain" CodeLens above a query opens the plan view with the plan of the
// embedded database (the workspace's migrations replayed in PGlite), and its "Add index" writes
// the suggested index into a new migration, which opens.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openFile, poll, scenario, timeout, workspace } from './workbench';

const file = 'e2e_report.sql';

test('the Explain lens opens the plan view, and "Add index" creates the migration', async () => {
  mkdirSync(join(workspace, 'queries'), { recursive: true });
  writeFileSync(join(workspace, 'queries', file), 'SELECT id, total FROM invoices WHERE total > 100 ORDER BY issued_at DESC;\n');
  await scenario('8-explain', async (page) => {
    await openFile(page, file);
    const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Explain' }).first();
    await lens.waitFor({ timeout });
    await lens.click();
    // The plan view is a webview: an iframe holding the page's own iframe.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
    const title = view.locator('.plan-tree .node-title', { hasText: 'invoices' }).first();
    await title.waitFor({ timeout: 60_000 });
    const text = (await title.textContent()) ?? '';
    assert.match(text, /Seq Scan on invoices/);
    await view.locator('button[data-action="add-index"]').first().click();
    const tab = page.locator('.tabs-container .tab', { hasText: /^V\d+__add_invoices_\w+\.sql/ });
    await poll(async () => tab.count(), (count) => count > 0, 'the new migration to open');
  });
});
