// "Explain" through the language server, on the embedded database built from a Flyway folder:
// CodeLenses on queries, the explain request (plan, summary, index suggestion), the summary shown
// after the statement, "Add index" as a new migration, and no connection in an untrusted workspace.
// With SQLSIGHT_TEST_MYSQL_URL: a MariaDB file on a real MariaDB connection.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import mysql from 'mysql2/promise';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRequest,
  ExecuteCommandRequest,
  InlayHintRequest,
  ShowDocumentRequest,
  type ApplyWorkspaceEditParams,
  type CodeLens,
  type CreateFile,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import type { ExplainParams, ExplainResponse, ExplainTarget } from '../../server/src/protocol';
import { fastSettings, fileUri, LspClient, makeFolder, writeIn } from './support';

const init = [
  'CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);',
  'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total numeric(12, 2) NOT NULL, placed_at timestamptz NOT NULL);',
  'CREATE INDEX orders_customer_id_idx ON orders (customer_id);',
  '',
].join('\n');
const queries = ['CREATE TABLE scratch (id int);', 'SELECT id, total FROM orders WHERE total > 100 ORDER BY placed_at DESC;', ''].join('\n');

describe('explain in the language server', () => {
  let client: LspClient;
  let folder: string;
  const applied: ApplyWorkspaceEditParams[] = [];
  before(async () => {
    folder = makeFolder();
    writeIn(folder, 'db/migrations/V1__init.sql', init);
    writeIn(folder, 'db/migrations/V2__report.sql', queries);
    client = await LspClient.start({ settings: fastSettings, workspaceFolders: [folder], env: { XDG_CACHE_HOME: join(folder, '.cache') } });
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    client.connection.onRequest(ShowDocumentRequest.type, () => ({ success: true }));
  });
  after(() => client.stop());

  const uri = (): string => fileUri(join(folder, 'db/migrations/V2__report.sql'));
  const explain = (params: Partial<ExplainParams>): Promise<ExplainResponse> =>
    client.connection.sendRequest('sqlsight/explain', {
      uri: uri(),
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      connection: undefined,
      analyze: false,
      confirmWrites: false,
      ...params,
    } satisfies ExplainParams);

  it('puts an Explain lens above each query, not above DDL', async () => {
    await client.open(uri(), queries);
    const lenses: CodeLens[] = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uri() } })) ?? [];
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
      [[1, 'Explain', 'sqlsight.explain']],
    );
    assert.deepEqual(lenses[0]?.command?.arguments, [{ uri: uri(), position: { line: 1, character: 0 } } satisfies ExplainTarget]);
  });

  it('explains on the embedded database built from the migrations, with a summary and an index suggestion', async () => {
    const response = await explain({});
    assert.ok(response.ok, JSON.stringify(response));
    const { result } = response;
    assert.equal(result.source.kind, 'embedded');
    assert.match(result.statement, /^SELECT id, total FROM orders/);
    assert.deepEqual(result.statementRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 71 } });
    assert.match(JSON.stringify(result.plan.root), /"relation":"orders"/);
    assert.match(result.summary, /orders/);
    const suggestion = result.suggestions.find((candidate) => candidate.table === 'orders');
    assert.ok(suggestion, JSON.stringify(result.suggestions));
    assert.match(suggestion.statement, /^CREATE INDEX CONCURRENTLY \S+ ON orders \(/);

    // The summary now follows the statement in the editor.
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: uri() },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
    });
    assert.ok((hints ?? []).some((hint) => hint.label === result.summary), JSON.stringify(hints));

    // "Add index" writes the suggestion into the next migration of the folder.
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sqlsight.addIndex', arguments: [{ uri: uri(), suggestion }] });
    const edit = applied.at(-1)?.edit.documentChanges ?? [];
    assert.match((edit[0] as CreateFile).uri, /db\/migrations\/V3__add_\w+\.sql$/);
    assert.deepEqual((edit[1] as TextDocumentEdit).edits.map((change) => ('newText' in change ? change.newText : '')), [`${suggestion.statement};\n`]);
  });

  it('says why a statement cannot be explained', async () => {
    const response = await explain({ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } } });
    assert.deepEqual(response.ok ? 'ok' : response.failure.kind, 'not-explainable');
  });

  it('opens no connection in an untrusted workspace', async () => {
    const response = await explain({ connection: 'prod' });
    assert.equal(response.ok ? 'ok' : response.failure.kind, 'untrusted');
  });
});

const liveMysqlUrl = process.env.SQLSIGHT_TEST_MYSQL_URL;

// A MySQL/MariaDB file explained through the language server: on a MariaDB connection it gets a
// plan with warnings and an ALTER TABLE suggestion; on the embedded database (PostgreSQL) it is
// refused with how to add a connection, never planned as PostgreSQL.
describe('explain of a MariaDB file in the language server', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  const url = new URL(liveMysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
  const database = `sqlsight_lsp_explain_${process.pid}`;
  const schema = [
    '-- sqlsight: dialect=mariadb',
    'CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, state VARCHAR(20) NOT NULL, total DECIMAL(12,2) NOT NULL) ENGINE=InnoDB;',
    '',
  ].join('\n');
  const report = ['-- sqlsight: dialect=mariadb', "SELECT * FROM orders WHERE state = 'paid' ORDER BY total DESC;", ''].join('\n');
  let admin: mysql.Connection;
  let client: LspClient;
  let folder: string;
  const applied: ApplyWorkspaceEditParams[] = [];

  before(async () => {
    admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`USE ${database}`);
    await admin.query(schema.split('\n')[1] ?? '');
    await admin.query("INSERT INTO orders (customer_id, state, total) SELECT 1 + seq % 500, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'void'), seq % 1000 FROM seq_1_to_5000");
    await admin.query('ANALYZE TABLE orders');
    folder = makeFolder();
    writeIn(folder, 'db/migrations/V1__init.sql', schema);
    writeIn(folder, 'db/migrations/V2__report.sql', report);
    const connections = [{ name: 'maria', dialect: 'mariadb', host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), database }];
    client = await LspClient.start({ settings: { ...fastSettings, connections }, workspaceFolders: [folder], trusted: true, env: { XDG_CACHE_HOME: join(folder, '.cache') } });
    client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    client.connection.onRequest(ShowDocumentRequest.type, () => ({ success: true }));
    await client.open(uri(), report);
  });
  after(async () => {
    await client?.stop();
    await admin?.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.end();
  });

  const uri = (): string => fileUri(join(folder, 'db/migrations/V2__report.sql'));
  const explain = (connection: string | undefined): Promise<ExplainResponse> =>
    client.connection.sendRequest('sqlsight/explain', {
      uri: uri(),
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      connection,
      analyze: false,
      confirmWrites: false,
    } satisfies ExplainParams);

  it('returns the MariaDB plan with its warnings, summary and an ALTER TABLE suggestion that Add index writes', async () => {
    const response = await explain('maria');
    assert.ok(response.ok, JSON.stringify(response));
    const { result } = response;
    assert.equal(result.plan.dialect, 'mariadb');
    assert.deepEqual(result.source.kind === 'connection' ? result.source.name : undefined, 'maria');
    assert.deepEqual(
      result.warnings.map((warning) => `${warning.kind} ${warning.message}`),
      ['filesort filesort of ~5k rows', 'full-table-scan no index on state'],
    );
    assert.equal(result.summary, 'Full Table Scan on orders · 5k rows · filesort of ~5k rows (+1 more)');
    const [suggestion] = result.suggestions;
    assert.equal(suggestion?.statement, 'ALTER TABLE orders ADD INDEX orders_state_total_idx (state, total), ALGORITHM=INPLACE, LOCK=NONE');
    assert.equal(suggestion?.verification.kind, 'not-cost-verified');

    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'sqlsight.addIndex', arguments: [{ uri: uri(), suggestion }] });
    const edit = applied.at(-1)?.edit.documentChanges ?? [];
    assert.match((edit[0] as CreateFile).uri, /db\/migrations\/V3__add_orders_state_total_idx\.sql$/);
    assert.deepEqual((edit[1] as TextDocumentEdit).edits.map((change) => ('newText' in change ? change.newText : '')), [`${suggestion?.statement};\n`]);
  });

  it('refuses the embedded database for a MariaDB file and says how to add a connection', async () => {
    const response = await explain(undefined);
    assert.equal(response.ok, false);
    assert.ok(!response.ok);
    assert.equal(response.failure.kind, 'connection');
    assert.match(response.failure.message, /there is no embedded MySQL\. Add a MySQL\/MariaDB connection \(sqlsight: Add Database Connection in the editor/);
  });
});
