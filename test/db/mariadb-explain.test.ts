// Explain end to end against the real MariaDB test server (SQLSIGHT_TEST_MYSQL_URL): a MySQL
// statement from the engine, the safe EXPLAIN / ANALYZE FORMAT=JSON of the database layer, the
// plan read into the model, its warnings and summary, and the advisor's suggestion; on a scratch
// database of 5,000 orders. Also: nothing changes through explain (rows counted), a timeout is
// classified, `?` values are bound by the server, the advisor's ALTER TABLE really makes the
// next plan use the index, and `sqlsight explain --connection mysql://…` from the command line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mysql from 'mysql2/promise';
import type { SchemaModel, Statement } from '../../server/src/engine';
import { createExplainService } from '../../server/src/db/explain-service';
import { explainStatement, type ExplainStatementOutcome } from '../../server/src/db/explain-query';
import type { ExplainRunResult, ExplainService } from '../../server/src/db/explain-types';
import type { ConnectionSetting, ExplainResult } from '../../server/src/protocol';
import { makeProject, runCli } from '../cli/support';
import { analyzeFixture, engine } from '../support/engine';
import { liveMysqlUrl, noPassword, run, temporaryFolder } from './support';

const migration = [
  'CREATE TABLE customers (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100) NOT NULL, country CHAR(2) NOT NULL, UNIQUE KEY customers_email (email)) ENGINE=InnoDB',
  'CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, state VARCHAR(20) NOT NULL, code VARCHAR(20) NOT NULL, total DECIMAL(12,2) NOT NULL, note VARCHAR(50), KEY orders_customer_id (customer_id)) ENGINE=InnoDB',
  'CREATE TABLE audit (id INT) ENGINE=MyISAM',
];

function result(outcome: ExplainStatementOutcome): Omit<ExplainResult, 'statementRange'> {
  assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.failure.kind}: ${outcome.failure.message}`);
  return outcome.result;
}

function failureOf(outcome: ExplainStatementOutcome | ExplainRunResult): { kind: string; message: string } {
  assert.equal(outcome.ok, false, 'expected a failure');
  if (outcome.ok) throw new Error('unreachable');
  return outcome.failure;
}

describe('explain on MariaDB', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  const url = new URL(liveMysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
  const database = `sqlsight_mexplain_${process.pid}`;
  let admin: mysql.Connection;
  let service: ExplainService;
  let connection: ConnectionSetting;
  let model: SchemaModel;
  const target = () => ({ kind: 'connection' as const, connection, password: noPassword });
  const counts = async (): Promise<string> => {
    const [rows] = await admin.query(`SELECT (SELECT COUNT(*) FROM ${database}.orders) AS orders, (SELECT SUM(total) FROM ${database}.orders) AS total, (SELECT COUNT(*) FROM ${database}.audit) AS audit`);
    return JSON.stringify(rows);
  };
  const statementOf = async (sql: string): Promise<Statement> => {
    const [statement] = (await analyzeFixture(`-- sqlsight-test: dialect=mariadb\n${sql}`)).statements;
    assert.ok(statement, sql);
    assert.equal(statement.dialect, 'mariadb');
    return statement;
  };
  const explain = async (sql: string, options: { analyze?: boolean; parameters?: readonly string[]; statementTimeoutMs?: number } = {}): Promise<ExplainStatementOutcome> =>
    explainStatement({
      service,
      statement: await statementOf(sql),
      model,
      target: target(),
      analyze: options.analyze ?? false,
      confirmWrites: false,
      parameters: options.parameters,
      statementTimeoutMs: options.statementTimeoutMs ?? 10_000,
    });

  before(async () => {
    admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`USE ${database}`);
    for (const statement of migration) await admin.query(statement);
    await admin.query("INSERT INTO customers (email, country) SELECT CONCAT('c', seq, '@example.com'), IF(seq % 3 = 0, 'DE', 'FR') FROM seq_1_to_500");
    // state: 4 values of 1,250 rows each; code: 500 values of 10 rows each (selective enough for an index to win).
    await admin.query("INSERT INTO orders (customer_id, state, code, total, note) SELECT 1 + seq % 500, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'void'), CONCAT('k', seq % 500), seq % 1000, CONCAT('n', seq) FROM seq_1_to_5000");
    await admin.query('ANALYZE TABLE customers, orders');
    await admin.query(`CREATE FUNCTION ${database}.stamp() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO ${database}.audit VALUES (1); RETURN 1; END`);
    connection = { name: 'maria', dialect: 'mariadb', host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), database };
    service = createExplainService({ cacheDir: temporaryFolder('mariadb-explain'), log: () => undefined });
    const workspace = (await engine()).createWorkspaceSchema('mariadb');
    workspace.setMigrations([{ path: '/m/V1__init.sql', role: 'up' }], () => migration.map((statement) => `${statement};`).join('\n'));
    model = workspace.final();
  });

  after(async () => {
    await service?.dispose();
    await admin?.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.end();
  });

  it('warns about a full scan with a filesort on 5,000 rows and suggests an index, not cost-verified', async () => {
    const explained = result(await explain("SELECT * FROM orders WHERE state = 'paid' ORDER BY total DESC"));
    assert.equal(explained.plan.dialect, 'mariadb');
    assert.equal(explained.source.kind, 'connection');
    assert.match(explained.source.serverVersion, /MariaDB/);
    assert.deepEqual(
      explained.warnings.map((warning) => `${warning.kind} ${warning.message}`),
      ['filesort filesort of ~5k rows', 'full-table-scan no index on state'],
    );
    assert.equal(explained.summary, 'Full Table Scan on orders · 5k rows · filesort of ~5k rows (+1 more)');
    assert.deepEqual(
      explained.suggestions.map((suggestion) => [suggestion.statement, suggestion.verification.kind]),
      [['ALTER TABLE orders ADD INDEX orders_state_total_idx (state, total), ALGORITHM=INPLACE, LOCK=NONE', 'not-cost-verified']],
    );
    const [suggestion] = explained.suggestions;
    assert.ok(suggestion?.verification.kind === 'not-cost-verified' && /no hypothetical indexes/.test(suggestion.verification.why));
  });

  it('gives actual rows with ANALYZE FORMAT=JSON (a reading statement, rolled back)', async () => {
    const explained = result(await explain("SELECT * FROM orders WHERE state = 'paid' ORDER BY total DESC", { analyze: true }));
    assert.equal(explained.plan.analyzed, true);
    const scan = explained.plan.root.children[0];
    assert.equal(scan?.nodeType, 'Full Table Scan');
    // 1 in 4 orders is paid: 5,000 read, 1,250 kept, once.
    assert.deepEqual([scan?.actual?.rowsExamined, scan?.actual?.rows, scan?.actual?.loops, scan?.rowsRemovedByFilter], [5000, 1250, 1, 3750]);
    assert.match(explained.summary, /^Full Table Scan on orders · 1\.3k rows \(est 5k\) · [\d.]+ ms · /);
  });

  it('reports a misestimate that ANALYZE measures', async () => {
    await admin.query(`CREATE TABLE ${database}.skew (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, KEY skew_customer (customer_id)) ENGINE=InnoDB`);
    await admin.query(`INSERT INTO ${database}.skew (customer_id) SELECT IF(seq <= 4000, 1, seq) FROM seq_1_to_5000`);
    await admin.query(`ANALYZE TABLE ${database}.skew`);
    const explained = result(await explain("SELECT c.id, s.id FROM customers c JOIN skew s ON s.customer_id = c.id WHERE c.email LIKE 'c1@%'", { analyze: true }));
    assert.ok(
      explained.warnings.some((warning) => warning.kind === 'misestimate' && warning.severity === 'high'),
      JSON.stringify(explained.warnings),
    );
  });

  it('changes nothing: EXPLAIN of a write is refused by the read-only transaction, ANALYZE of a write by sqlsight, a writing function is stopped', async () => {
    const before = await counts();
    // MariaDB refuses even a plain EXPLAIN of INSERT/UPDATE/DELETE in a READ ONLY transaction (ER 1792): said, not hidden.
    for (const write of ['DELETE FROM orders WHERE customer_id = 3', "UPDATE orders SET total = 0 WHERE state = 'new'", 'INSERT INTO orders (customer_id, state, total) SELECT customer_id, state, total FROM orders']) {
      const refused = failureOf(await explain(write));
      assert.equal(refused.kind, 'not-explainable', write);
      assert.match(refused.message, /refuses even a plain EXPLAIN of (DELETE|UPDATE|INSERT) inside a read-only transaction.*explain a SELECT with the same FROM and WHERE instead/);
    }
    assert.equal(failureOf(await service.explain(run(target(), 'DELETE FROM orders', { analyze: true, confirmWrites: true }))).kind, 'not-explainable');
    assert.equal(failureOf(await service.explain(run(target(), "SELECT * FROM orders INTO OUTFILE '/tmp/sqlsight-never'", { analyze: true, confirmWrites: true }))).kind, 'not-explainable');
    // stamp() writes to a MyISAM table, which a rollback would not undo: the read-only transaction refuses it.
    const stopped = failureOf(await explain('SELECT stamp() FROM customers LIMIT 1', { analyze: true }));
    assert.match(stopped.message, /read-only transaction|READ ONLY transaction/i);
    assert.equal(await counts(), before);
  });

  it('classifies a statement stopped by max_statement_time as a timeout, and the connection still works', async () => {
    const stopped = failureOf(await explain('SELECT COUNT(*) FROM orders a, orders b, orders c WHERE a.note < b.note', { analyze: true, statementTimeoutMs: 300 }));
    assert.equal(stopped.kind, 'timeout', stopped.message);
    assert.match(stopped.message, /300 ms/);
    result(await explain('SELECT * FROM orders WHERE id = 1'));
    // The same through a prepared statement with a bound value.
    const bound = failureOf(await explain('SELECT COUNT(*) FROM orders a, orders b, orders c WHERE a.note < ?', { analyze: true, parameters: ["'n5'"], statementTimeoutMs: 300 }));
    assert.equal(bound.kind, 'timeout', bound.message);
    result(await explain('SELECT * FROM orders WHERE id = ?', { parameters: ['1'] }));
  });

  it('binds ? values on the server: a ? inside a string is no parameter, a quote in a value stays a value', async () => {
    const explained = result(await explain("SELECT * FROM orders WHERE state = ? AND note <> '?' ORDER BY id LIMIT ?", { parameters: ["'paid'", '5'] }));
    assert.match(explained.plan.raw, /"attached_condition": "orders.state = 'paid'/);
    const quoted = result(await explain('SELECT * FROM orders WHERE state = ?', { parameters: ["x' OR 1=1 -- "] }));
    assert.match(quoted.plan.raw, /orders.state = 'x\\\\' OR 1=1 -- '/);
    assert.equal(failureOf(await explain('SELECT * FROM orders WHERE state = ?')).kind, 'needs-parameters');
  });

  it('the advisor’s ALTER TABLE runs on the server and the next plan uses the index (no filesort left)', async () => {
    const query = "SELECT * FROM orders WHERE code = 'k7' ORDER BY total DESC";
    const before = result(await explain(query));
    assert.deepEqual(before.warnings.map((warning) => warning.kind), ['filesort', 'full-table-scan']);
    const [suggestion] = before.suggestions;
    assert.ok(suggestion);
    assert.equal(suggestion.statement, 'ALTER TABLE orders ADD INDEX orders_code_total_idx (code, total), ALGORITHM=INPLACE, LOCK=NONE');
    await admin.query(`USE ${database}`);
    await admin.query(suggestion.statement);
    const after = result(await explain(query));
    const access = after.plan.root;
    assert.deepEqual([access.nodeType, access.index, access.accessType], ['Index Lookup', 'orders_code_total_idx', 'ref']);
    assert.deepEqual(after.warnings, []);
    assert.equal(after.summary, 'Index Lookup using orders_code_total_idx on orders · 10 rows');
    // The suggestion's revert (the down migration) puts the plan back.
    await admin.query(suggestion.revert ?? '');
    assert.equal(result(await explain(query)).plan.root.nodeType, 'Sort');
  });

  it('sqlsight explain --connection mysql://… prints the plan summary, warnings and suggestion', async () => {
    // The migrations give the CLI the schema its index advisor reads.
    const cwd = makeProject({ 'db/migrations/V1__init.sql': `-- sqlsight: dialect=mariadb\n${migration.map((statement) => `${statement};`).join('\n')}\n` });
    const connectionUrl = new URL(url.toString());
    connectionUrl.pathname = `/${database}`;
    const cli = await runCli(['explain', '--connection', connectionUrl.toString(), '--migrations', 'db/migrations', "SELECT * FROM orders WHERE state = 'paid' ORDER BY total DESC"], { cwd });
    assert.equal(cli.status, 0, cli.stderr + cli.stdout);
    assert.match(cli.stdout, /^Full Table Scan on orders · 5k rows · filesort of ~5k rows \(\+1 more\)\n  on connection command line \(10\.\d+\.\d+-MariaDB/);
    assert.match(cli.stdout, /warning \(low\): no index on state/);
    assert.match(cli.stdout, /index suggestion: ALTER TABLE orders ADD INDEX orders_state_total_idx \(state, total\), ALGORITHM=INPLACE, LOCK=NONE;\n    for WHERE state = … ORDER BY total DESC; not cost-verified/);
    const analyzed = await runCli(['explain', '--json', '--analyze', '--connection', connectionUrl.toString(), "SELECT * FROM orders WHERE state = 'paid'"], { cwd });
    const parsed: unknown = JSON.parse(analyzed.stdout);
    assert.ok(typeof parsed === 'object' && parsed !== null && 'ok' in parsed && parsed.ok === true, analyzed.stdout);
    assert.match(analyzed.stdout, /"rowsExamined": 5000/);
  });

  it('sqlsight explain of a MySQL file without a connection says to add one, and shows no PostgreSQL plan', async () => {
    const cwd = makeProject({ 'query.sql': "-- sqlsight: dialect=mysql\nSELECT * FROM orders WHERE `status` = 'paid';\n" });
    const cli = await runCli(['explain', '--file', 'query.sql'], { cwd });
    assert.equal(cli.status, 2);
    assert.match(cli.stdout, /explain failed \(connection\): This is MySQL SQL, and the embedded database is PostgreSQL \(PGlite\): there is no embedded MySQL\. Add a MySQL\/MariaDB connection \(sqlsight: Add Database Connection in the editor, --connection mysql:\/\/… on the command line\)/);
    assert.doesNotMatch(cli.stdout + cli.stderr, /Seq Scan/);
  });
});
