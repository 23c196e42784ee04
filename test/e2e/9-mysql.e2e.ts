// Scenario 9: MySQL in the editor. A migration of examples/mysql shows its MySQL finding in the
// Problems panel and "MySQL 8.0" in the status bar (the folder chose the dialect); the
// mysql-pin-algorithm quick fix pins the ALTER and the finding goes. With SQLSIGHT_TEST_MYSQL_URL
// (`.ci/run` sets it), a query is explained on a MariaDB connection from the workspace settings and
// the plan view shows MariaDB's plan; without it that part is reported as not run.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import mysql from 'mysql2/promise';
import type { Page } from 'playwright-core';
import { applyCodeAction, goTo, openFile, poll, scenario, timeout, waitForEditorText, waitForProblems, workspace } from './workbench';

const liveMysqlUrl = process.env.SQLSIGHT_TEST_MYSQL_URL;

/** Copies a migration of examples/mysql to a new name beside it, so the scenario edits its own file. */
function mysqlScratchCopy(example: string, name: string): string {
  const folder = join(workspace, 'mysql');
  copyFileSync(join(folder, example), join(folder, name));
  return name;
}

/** Runs a command from the Command Palette (F1) by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await input.press('Enter');
}

test('a MySQL migration shows its MySQL finding and "MySQL 8.0", and the mysql-pin-algorithm quick fix clears it', async () => {
  const file = mysqlScratchCopy('V4__index_orders_by_status.sql', 'V94__e2e_mysql_pin.sql');
  await scenario('9-mysql', async (page) => {
    // The example as it is: changing a column type copies the table.
    await openFile(page, 'V3__widen_order_total.sql');
    await waitForProblems(page, 'V3__widen_order_total.sql', (texts) => texts.some((t) => t.includes('mysql-copy-algorithm')), 'to list mysql-copy-algorithm');

    await openFile(page, file);
    const rows = await waitForProblems(page, file, (texts) => texts.some((t) => t.includes('mysql-pin-algorithm')), 'to list mysql-pin-algorithm');
    assert.ok(rows.every((text) => !text.includes('syntax-error')), `no PostgreSQL syntax error:\n${rows.join('\n')}`);
    // Back to a file the server has analysed: the status bar names the dialect the folder chose.
    // (Right after a file first opens it can still say PostgreSQL 16: the status bar asks before the
    // server knows the file and is not asked again once it does — reported, see the test/lsp FIXME.)
    await openFile(page, 'V3__widen_order_total.sql');
    await page.locator('.statusbar-item', { hasText: 'MySQL 8.0' }).first().waitFor();
    await openFile(page, file);
    await page.locator('.statusbar-item', { hasText: 'MySQL 8.0' }).first().waitFor();

    await goTo(page, 3, 1);
    await applyCodeAction(page, 'Add ALGORITHM=INPLACE, LOCK=NONE');
    const text = await waitForEditorText(page, (t) => t.includes('ALGORITHM=INPLACE'), 'to contain ALGORITHM=INPLACE');
    assert.match(text, /ALTER TABLE `orders` ADD INDEX `idx_orders_status` \(`status`\), ALGORITHM=INPLACE, LOCK=NONE;/);
    await waitForProblems(page, file, (texts) => !texts.some((t) => t.includes('mysql-pin-algorithm')), 'to drop mysql-pin-algorithm');
  });
});

test(
  'Explain on a MariaDB connection from the workspace settings shows MariaDB\'s plan',
  { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it): the MariaDB explain part was not run' : false },
  async () => {
    const url = new URL(liveMysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
    const host = url.hostname;
    const port = Number(url.port || 3306);
    const user = decodeURIComponent(url.username) || 'root';
    const database = url.pathname.slice(1) || 'test';
    const table = `sqlsight_e2e_orders_${process.pid}`;
    const admin = await mysql.createConnection({ host, port, user, password: decodeURIComponent(url.password), database });
    const settingsFolder = join(workspace, '.vscode');
    const settingsFile = join(settingsFolder, 'settings.json');
    // The workspace is a copy of examples/, which has no settings of its own to keep.
    assert.ok(!existsSync(settingsFile), `${settingsFile} already exists`);
    try {
      await admin.query(`CREATE TABLE ${table} (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, total_cents INT NOT NULL) ENGINE=InnoDB`);
      await admin.query(`INSERT INTO ${table} (customer_id, total_cents) SELECT 1 + seq % 50, seq FROM seq_1_to_2000`);
      await admin.query(`ANALYZE TABLE ${table}`);
      // A connection as "Add Database Connection" writes it: host, port, user and database, no password.
      mkdirSync(settingsFolder, { recursive: true });
      const settings = { 'sqlsight.connections': [{ name: 'mariadb-e2e', dialect: 'mariadb', host, port, user, database }] };
      writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
      mkdirSync(join(workspace, 'queries'), { recursive: true });
      const report = 'e2e_mariadb_report.sql';
      writeFileSync(join(workspace, 'queries', report), `-- sqlsight: dialect=mariadb\nSELECT id, customer_id FROM ${table} WHERE total_cents > 1900;\n`);

      await scenario('9-mysql-explain', async (page) => {
        await openFile(page, report);
        await runCommand(page, 'sqlsight: Select Database Connection');
        const input = page.locator('.quick-input-widget input');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'mariadb-e2e' }).first().waitFor();
        await input.fill('mariadb-e2e');
        await input.press('Enter');
        await page.locator('.statusbar-item', { hasText: 'mariadb-e2e' }).first().waitFor();

        const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Explain' }).first();
        await lens.waitFor({ timeout });
        await lens.click();
        const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe');
        const title = view.locator('.plan-tree .node-title', { hasText: table }).first();
        await title.waitFor({ timeout: 60_000 });
        assert.equal((await title.textContent())?.trim(), `Full Table Scan on ${table}`);
        const source = await poll(
          async () => (await view.locator('.source').first().textContent()) ?? '',
          (text) => text.includes('mariadb-e2e'),
          'the plan view to name the connection',
        );
        assert.match(source, /mariadb-e2e · .*MariaDB/);
      });
    } finally {
      await admin.query(`DROP TABLE IF EXISTS ${table}`);
      await admin.end();
      rmSync(settingsFolder, { recursive: true, force: true });
    }
  },
);
