// MySQL/MariaDB through the built language server, over a workspace with a MySQL Flyway folder: the
// dialect chosen by the folder or a directive (MySQL rules, no PostgreSQL syntax errors, what the
// status bar is told), a MySQL quick fix applied, hover, definition and completion from the replayed
// MySQL migrations, a DELIMITER / stored-procedure file, and Explain of MySQL text with no MySQL
// connection (Explain on a live MariaDB connection is tested in explain.test.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, DefinitionRequest, MarkupContent, type CompletionItem, type Hover, type Position } from 'vscode-languageserver-protocol';
import type { ExplainParams, ExplainResponse, FileInfo } from '../../server/src/protocol';
import { engine } from '../support/engine';
import { actionTitled, applyWorkspaceEdit, codes, diagnosticFor, fastSettings, fileUri, LspClient, makeFolder, messageOf, positionAt } from './support';

const v1 = [
  'CREATE TABLE customers (', //                                   0
  '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,', //              1
  '  email VARCHAR(255) NOT NULL,', //                             2
  '  legacy_code CHAR(8) NULL,', //                                3
  '  PRIMARY KEY (id),', //                                        4
  '  UNIQUE KEY uq_customers_email (email)', //                    5
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;', //                   6
  'CREATE TABLE orders (', //                                      7
  '  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,', //  8
  '  customer_id BIGINT UNSIGNED NOT NULL,', //                    9
  "  status VARCHAR(20) NOT NULL DEFAULT 'new',", //               10
  '  total_cents INT NOT NULL,', //                                11
  '  KEY idx_orders_customer (customer_id)', //                    12
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;', //                   13
  '',
].join('\n');
/** Not PostgreSQL: MODIFY is MySQL's, and it copies the table. */
const v2 = 'ALTER TABLE orders MODIFY total_cents BIGINT NOT NULL;\n';
/** Runs in place on MySQL 8.0 but does not say so. */
const v3 = 'ALTER TABLE orders ADD INDEX idx_orders_status (status);\n';
/** A stored procedure between DELIMITER commands (the body's semicolons do not end it), then more DDL. */
const v4 = [
  'DELIMITER $$', //                                                                          0
  'CREATE PROCEDURE archive_orders(IN cutoff_id BIGINT)', //                                  1
  'BEGIN', //                                                                                 2
  '  DECLARE moved INT DEFAULT 0;', //                                                        3
  "  UPDATE orders SET status = 'archived' WHERE id < cutoff_id;", //                         4
  '  SET moved = ROW_COUNT();', //                                                            5
  "  IF moved > 0 THEN SELECT CONCAT('archived ', moved) AS note; END IF;", //                6
  'END$$', //                                                                                 7
  'DELIMITER ;', //                                                                           8
  'ALTER TABLE customers ADD INDEX idx_customers_legacy (legacy_code);', //                   9
  '',
].join('\n');

/** A position inside the first `needle` of `text`: on its second character, where a cursor on the name would be. */
function on(text: string, needle: string): Position {
  if (!text.includes(needle)) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  return positionAt(text, text.indexOf(needle) + 1);
}

function markdown(contents: Hover['contents'] | undefined): string {
  return MarkupContent.is(contents) ? contents.value : '';
}

/** What the status bar shows from a fileInfo answer. */
function statusOf(info: FileInfo): Pick<FileInfo, 'dialect' | 'dialectSource' | 'serverVersion'> {
  return { dialect: info.dialect, dialectSource: info.dialectSource, serverVersion: info.serverVersion };
}

/** Rule ids that apply to a dialect (a PostgreSQL-only rule firing on a MySQL file would be a bug). */
async function ruleIdsFor(dialect: 'mysql' | 'mariadb'): Promise<Set<string>> {
  const loaded = await engine();
  return new Set(loaded.rules.filter((rule) => rule.meta.dialects.includes(dialect)).map((rule) => rule.meta.id));
}

describe('MySQL in the language server', () => {
  let client: LspClient;
  let folder: string;
  let applicable: Set<string>;
  let applicableToMariadb: Set<string>;
  const path = (relative: string): string => join(folder, relative);
  const uri = (relative: string): string => fileUri(path(relative));
  const fileInfo = (relative: string): Promise<FileInfo> => client.connection.sendRequest('sqlsight/fileInfo', { uri: uri(relative) });
  let reportVersion = 0;
  const report = 'db/reports/daily.sql';

  before(async () => {
    applicable = await ruleIdsFor('mysql');
    applicableToMariadb = await ruleIdsFor('mariadb');
    folder = makeFolder({
      'db/mysql/V1__init.sql': v1,
      'db/mysql/V2__widen_total.sql': v2,
      'db/mysql/V3__index_status.sql': v3,
      'db/mysql/V4__archive_procedure.sql': v4,
    });
    client = await LspClient.start({ settings: fastSettings, workspaceFolders: [folder] });
    await client.waitFor('the MySQL migration folder to be discovered', () => client.logsMentioning(path('db/mysql'))[0]);
  });
  after(() => client.stop());

  /** The completion labels at `|` in a MySQL report file beside the migrations. */
  const complete = async (textWithCursor: string): Promise<string[]> => {
    const cursor = textWithCursor.indexOf('|');
    const text = `-- sqlsight: dialect=mysql\n${textWithCursor.replace('|', '')}`;
    const offset = cursor + '-- sqlsight: dialect=mysql\n'.length;
    reportVersion++;
    if (reportVersion === 1) await client.open(uri(report), text);
    else await client.change(uri(report), reportVersion, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uri(report) }, position: positionAt(text, offset) });
    const items: CompletionItem[] = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((item) => item.label);
  };

  it('analyses a file in a mysql folder as MySQL 8.0: MySQL findings, no PostgreSQL syntax error, the status bar told where the dialect came from', async () => {
    const published = await client.open(uri('db/mysql/V2__widen_total.sql'), v2);
    assert.ok(codes(published).includes('mysql-copy-algorithm'), JSON.stringify(codes(published)));
    const copy = diagnosticFor(published, 'mysql-copy-algorithm');
    assert.match(messageOf(copy), /^Changing `total_cents` from int to bigint copies `orders` row by row: inserts, updates and deletes wait until every row is copied/);
    assert.deepEqual(copy.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 53 } });
    assert.deepEqual(codes(published).filter((code) => !applicable.has(code)), [], 'only rules that apply to MySQL');
    assert.deepEqual(statusOf(await fileInfo('db/mysql/V2__widen_total.sql')), { dialect: 'mysql', dialectSource: 'path', serverVersion: '8.0' });

    // The same text anywhere else is PostgreSQL, where MODIFY does not parse: the folder made the difference.
    const elsewhere = await client.open(uri('db/other/V2__widen_total.sql'), v2);
    assert.deepEqual(codes(elsewhere), ['syntax-error']);
    assert.equal((await fileInfo('db/other/V2__widen_total.sql')).dialect, 'postgres');
  });

  it('analyses a file with a dialect directive as that dialect and version, wherever it is', async () => {
    const text = '-- sqlsight: dialect=mariadb\nALTER TABLE orders ADD INDEX idx_orders_status (status);\n';
    const published = await client.open(uri('scripts/adhoc.sql'), text);
    assert.deepEqual(codes(published).filter((code) => !applicableToMariadb.has(code)), [], 'only rules that apply to MariaDB');
    const pin = diagnosticFor(published, 'mysql-pin-algorithm');
    assert.match(messageOf(pin), /\(ALGORITHM=NOCOPY, LOCK=NONE\) on MariaDB 10\.11/);
    assert.deepEqual(statusOf(await fileInfo('scripts/adhoc.sql')), { dialect: 'mariadb', dialectSource: 'directive', serverVersion: '10.11' });
  });

  it('tells the status bar MySQL 8.0 for a file in a mysql folder the server has not analysed yet', async () => {
    // The status bar asks when an editor opens, which can be before the first analysis: the path decides then.
    assert.deepEqual(statusOf(await fileInfo('db/mysql/V5__not_open_yet.sql')), { dialect: 'mysql', dialectSource: 'path', serverVersion: '8.0' });
  });

  it('applies the mysql-pin-algorithm quick fix, and the finding goes', async () => {
    const file = uri('db/mysql/V3__index_status.sql');
    const published = await client.open(file, v3);
    const pin = diagnosticFor(published, 'mysql-pin-algorithm');
    assert.match(messageOf(pin), /runs in place with writes allowed \(ALGORITHM=INPLACE, LOCK=NONE\) on MySQL 8\.0 but does not say so/);
    const action = actionTitled(await client.codeActions(file, pin.range, [pin]), 'Add ALGORITHM=INPLACE, LOCK=NONE');
    assert.equal(action.isPreferred, true);
    const fixed = applyWorkspaceEdit(v3, file, action.edit);
    assert.equal(fixed, 'ALTER TABLE orders ADD INDEX idx_orders_status (status), ALGORITHM=INPLACE, LOCK=NONE;\n');
    // The finding goes, and the fix brings no other.
    const after = await client.change(file, 2, fixed);
    assert.deepEqual(codes(after), codes(published).filter((code) => code !== 'mysql-pin-algorithm'));
  });

  it('hovers a MySQL table with its columns, keys and the migrations that defined and changed it, and goes to its definition', async () => {
    const file = uri('db/mysql/V2__widen_total.sql');
    const table = markdown((await client.hover(file, on(v2, 'orders')))?.contents);
    assert.match(table, /^\*\*table\*\* `orders` · 4 columns/);
    // V1 made it an int; the migration under the cursor made it a bigint.
    assert.match(table, /\| `total_cents` \| bigint \| NOT NULL \|/);
    assert.match(table, /\| `status` \| varchar\(20\) \| NOT NULL · default `'new'` \|/);
    assert.match(table, /\*\*Primary key\*\* `PRIMARY` \(`id`\)/);
    assert.match(table, /- `idx_orders_customer` \(`customer_id`\)/);
    assert.ok(table.includes(`Defined in [V1__init.sql:8](${uri('db/mysql/V1__init.sql')}#L8) · last changed in [V2__widen_total.sql:1](${file}#L1)`), table);

    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: file }, position: on(v2, 'orders') });
    assert.deepEqual(definition, [{ uri: uri('db/mysql/V1__init.sql'), range: { start: { line: 7, character: 13 }, end: { line: 7, character: 19 } } }]);
  });

  it('hovers a column of a MySQL query with its type and definition', async () => {
    const text = '-- sqlsight: dialect=mysql\nSELECT o.total_cents FROM orders o WHERE o.status = ?;\n';
    const file = uri('db/reports/weekly.sql');
    await client.open(file, text);
    const column = markdown((await client.hover(file, on(text, 'total_cents')))?.contents);
    assert.match(column, /^\*\*column\*\* `orders\.total_cents` `bigint`\n\nNOT NULL/);
    assert.ok(column.includes(`Defined in [V1__init.sql:12](${uri('db/mysql/V1__init.sql')}#L12)`), column);
  });

  it('completes MySQL table and column names from the replayed migrations', async () => {
    assert.deepEqual(await complete('ALTER TABLE |'), ['customers', 'orders']);
    assert.deepEqual(await complete('SELECT | FROM orders'), ['id', 'customer_id', 'status', 'total_cents']);
    assert.deepEqual(await complete('SELECT o.| FROM orders o'), ['id', 'customer_id', 'status', 'total_cents']);
    assert.deepEqual(await complete('UPDATE customers SET | = NULL'), ['id', 'email', 'legacy_code']);
    assert.deepEqual(await complete('ALTER TABLE customers ADD INDEX idx_customers_email (|)'), ['id', 'email', 'legacy_code']);
    assert.deepEqual(await complete('ALTER TABLE orders DROP COLUMN |'), ['id', 'customer_id', 'status', 'total_cents']);
  });

  it('resolves backtick-quoted names and MODIFY columns, and completes at the end of an unfinished MySQL query', async () => {
    const quoted = '-- sqlsight: dialect=mysql\nALTER TABLE `orders` MODIFY `status` VARCHAR(40) NOT NULL;\n';
    const file = uri('db/reports/quoted.sql');
    await client.open(file, quoted);
    assert.match(markdown((await client.hover(file, on(quoted, 'orders')))?.contents), /^\*\*table\*\* `orders`/);
    assert.match(markdown((await client.hover(file, on(quoted, 'status')))?.contents), /^\*\*column\*\* `orders\.status`/);
    assert.deepEqual(await complete('SELECT * FROM |'), ['customers', 'orders']);
    assert.deepEqual(await complete('SELECT * FROM orders WHERE |'), ['id', 'customer_id', 'status', 'total_cents']);
    assert.deepEqual(await complete('ALTER TABLE orders MODIFY |'), ['id', 'customer_id', 'status', 'total_cents']);
  });

  it('splits a DELIMITER block with a stored procedure without false syntax errors, and checks the DDL after it', async () => {
    const file = uri('db/mysql/V4__archive_procedure.sql');
    const published = await client.open(file, v4);
    assert.ok(!codes(published).includes('syntax-error'), JSON.stringify(published.diagnostics));
    assert.deepEqual(codes(published).filter((code) => !applicable.has(code)), []);
    // The body's semicolons did not end the procedure: the outline shows it as one statement (lines
    // 2-8), then the ALTER after `DELIMITER ;`, which is judged against the folder's schema.
    const outline = (await client.documentSymbols(file)) ?? [];
    assert.match(outline[0]?.name ?? '', /^CREATE PROCEDURE /, 'a procedure is named as one');
    const symbols = outline.map((symbol) => ('range' in symbol ? symbol.range : symbol.location.range));
    assert.deepEqual(symbols.map((range) => [range.start.line, range.end.line]), [[1, 7], [9, 9]]);
    const pin = diagnosticFor(published, 'mysql-pin-algorithm');
    assert.deepEqual(pin.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 67 } });
    const inside = published.diagnostics.filter((diagnostic) => diagnostic.range.start.line >= 2 && diagnostic.range.start.line <= 8);
    assert.deepEqual(inside, [], 'nothing is reported inside the procedure body or on the DELIMITER lines');
  });

  it('refuses to explain MySQL text on the embedded PostgreSQL, and says to add a MySQL connection', async () => {
    const text = "-- sqlsight: dialect=mysql\nSELECT id, total_cents FROM orders WHERE status = 'new';\n";
    const file = uri('db/reports/explain-me.sql');
    await client.open(file, text);
    const response: ExplainResponse = await client.connection.sendRequest('sqlsight/explain', {
      uri: file,
      range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } },
      connection: undefined,
      analyze: false,
      confirmWrites: false,
    } satisfies ExplainParams);
    assert.ok(!response.ok, JSON.stringify(response));
    assert.equal(response.failure.kind, 'connection');
    assert.match(response.failure.message, /^This is MySQL SQL, and the embedded database is PostgreSQL \(PGlite\): there is no embedded MySQL\. Add a MySQL\/MariaDB connection/);
  });
});
