// Scenario 4: typing a new hazard into a safe migration shows its diagnostic within seconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFile, problems, scenario, scratchCopy, waitForEditorText, waitForProblems } from './workbench';

test('typing SET NOT NULL into a safe migration shows set-not-null', async () => {
  const file = scratchCopy('V7__validate_invoice_total_cap.sql', 'V97__e2e_edit.sql');
  // invoices.plan_id is nullable when V97 runs (V5 added it); accounts.email would not do: V1 made it
  // NOT NULL already, so the schema model knows SET NOT NULL is a no-op there.
  const statement = 'ALTER TABLE invoices ALTER COLUMN plan_id SET NOT NULL;';
  await scenario('4-edit', async (page) => {
    await openFile(page, file);
    await page.locator('.statusbar-item', { hasText: 'PostgreSQL' }).first().waitFor();
    assert.deepEqual((await problems(page)).filter((row) => row.file === file), [], 'the safe migration starts without problems');

    await page.locator('.editor-instance .monaco-editor textarea').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(statement);
    await page.keyboard.press('Escape'); // close any suggestion list
    await waitForEditorText(page, (t) => t.includes(statement), 'to contain the typed statement');
    const typed = Date.now();
    const rows = await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('set-not-null')), 'to list set-not-null', 10_000);
    const seconds = (Date.now() - typed) / 1000;
    console.log(`set-not-null appeared ${seconds.toFixed(1)}s after typing`);
    assert.ok(rows.some((t) => /plan_id/.test(t) && /invoices/.test(t)), `the problem names the column and table:\n${rows.join('\n')}`);
  });
});
