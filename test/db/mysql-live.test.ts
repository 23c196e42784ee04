// The MySQL/MariaDB connection layer against the real test server (SQLSIGHT_TEST_MYSQL_URL, set by
// .ci/run), in a scratch database and with a scratch user that has a real password: EXPLAIN
// FORMAT=JSON in a read-only transaction, MariaDB's ANALYZE FORMAT=JSON, values bound by the
// server, the timeout, refusing writes under ANALYZE, and the password flow with a password the
// server really refuses. (End to end with the engine: mariadb-explain.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mysql from 'mysql2/promise';
import { createExplainService } from '../../server/src/db/explain-service';
import type { ExplainRunResult, ExplainService, PasswordSource } from '../../server/src/db/explain-types';
import type { ConnectionSetting } from '../../server/src/protocol';
import { freePort, liveMysqlUrl, noPassword, run, temporaryFolder } from './support';

function plan(result: ExplainRunResult): Record<string, unknown> {
  assert.equal(result.ok, true, result.ok ? '' : `${result.failure.kind}: ${result.failure.message}`);
  if (!result.ok || typeof result.planJson !== 'object' || result.planJson === null) throw new Error('no plan');
  return { ...result.planJson };
}

function failure(result: ExplainRunResult): { kind: string; message: string } {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) throw new Error('unreachable');
  return result.failure;
}

describe('live MySQL/MariaDB', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  const url = new URL(liveMysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
  const database = `sqlsight_explain_${process.pid}`;
  const user = `sqlsight_pw_${process.pid}`;
  let admin: mysql.Connection;
  let service: ExplainService;
  let connection: ConnectionSetting;
  const target = () => ({ kind: 'connection' as const, connection, password: noPassword });
  const count = async (): Promise<number> => {
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM ${database}.items`);
    return Array.isArray(rows) ? Number(Object.values(rows[0] ?? {})[0]) : -1;
  };

  before(async () => {
    admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`CREATE TABLE ${database}.items (id INT PRIMARY KEY, owner INT NOT NULL, INDEX items_owner (owner)) ENGINE=InnoDB`);
    await admin.query(`INSERT INTO ${database}.items VALUES (1, 1), (2, 1), (3, 2)`);
    await admin.query(`CREATE FUNCTION ${database}.bump() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO ${database}.items VALUES (100, 9); RETURN 1; END`);
    await admin.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY 'right-secret'`);
    await admin.query(`GRANT SELECT ON ${database}.* TO '${user}'@'127.0.0.1'`);
    connection = { name: 'maria', dialect: 'mariadb', host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), database };
    service = createExplainService({ cacheDir: temporaryFolder('mysql-cache'), log: () => undefined });
  });

  after(async () => {
    await service?.dispose();
    await admin?.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
    await admin?.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.end();
  });

  it('returns EXPLAIN FORMAT=JSON as parsed JSON', async () => {
    const result = await service.explain(run(target(), 'SELECT * FROM items WHERE owner = 1'));
    const planJson = plan(result);
    assert.ok('query_block' in planJson);
    assert.match(JSON.stringify(planJson), /items_owner/);
    assert.ok(result.ok && result.serverVersion.length > 0);
  });

  it('sends values for ? and :name placeholders', async () => {
    plan(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = ? AND id > ?', { parameters: ['1', '0'] })));
    plan(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = :owner OR id = :owner', { parameters: ['2'] })));
  });

  it('binds values on the server: a ? in a string is text, a whole number is a number (LIMIT ?)', async () => {
    const planJson = plan(await service.explain(run(target(), "SELECT * FROM items WHERE owner = ? AND '?' <> 'x' ORDER BY id LIMIT ?", { parameters: ['1', '2'] })));
    assert.match(JSON.stringify(planJson), /items_owner/);
    const mismatch = failure(await service.explain(run(target(), "SELECT * FROM items WHERE owner = ? AND '?' <> 'x'", { parameters: ['1', '2'] })));
    assert.equal(mismatch.kind, 'needs-parameters');
    assert.match(mismatch.message, /1 parameter \(\?1\) but 2 values were given/);
  });

  it('runs ANALYZE FORMAT=JSON on MariaDB: r_rows and r_loops, rolled back', async () => {
    const result = await service.explain(run(target(), 'SELECT * FROM items WHERE owner = 1', { analyze: true }));
    assert.equal(result.ok && result.analyzed, true);
    const text = JSON.stringify(plan(result));
    assert.match(text, /"r_loops":1/);
    assert.match(text, /"r_rows":2/);
  });

  it('asks for values: MySQL has no generic plan', async () => {
    const result = failure(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = ?')));
    assert.equal(result.kind, 'needs-parameters');
  });

  it('refuses ANALYZE of a writing statement, even confirmed: no row changes', async () => {
    const before = await count();
    assert.equal(failure(await service.explain(run(target(), 'DELETE FROM items', { analyze: true }))).kind, 'writes-need-confirmation');
    assert.equal(failure(await service.explain(run(target(), 'DELETE FROM items', { analyze: true, confirmWrites: true }))).kind, 'not-explainable');
    assert.equal(await count(), before);
  });

  it('stops a reading statement that writes through a function: the transaction is read-only', async () => {
    const before = await count();
    const result = failure(await service.explain(run(target(), 'SELECT bump()', { analyze: true })));
    assert.match(result.message, /read-only transaction|READ ONLY transaction/i);
    assert.equal(await count(), before);
  });

  it('cancels a statement that runs past the timeout', async () => {
    const started = Date.now();
    const result = await service.explain(run(target(), 'SELECT SLEEP(5) FROM items LIMIT 1', { analyze: true, statementTimeoutMs: 300 }));
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(failure(result).kind, 'timeout');
  });

  it('tests the connection, and names a closed port', async () => {
    const tested = await service.testConnection(connection, noPassword, 3000);
    assert.equal(tested.ok, true, tested.message);
    const port = await freePort();
    const closed = await service.testConnection({ ...connection, name: 'closed', port }, noPassword, 1000);
    assert.equal(closed.ok, false);
    assert.match(closed.message, new RegExp(`127\\.0\\.0\\.1:${port}.*refused`));
  });

  it('asks for a password when the login is refused, once more after a wrong one, then fails', async () => {
    const calls: boolean[] = [];
    const password: PasswordSource = async (retry) => {
      calls.push(retry);
      return retry ? 'still-wrong' : 'wrong-secret';
    };
    const result = failure(await service.explain(run({ kind: 'connection', connection: { ...connection, name: 'pw-wrong', user }, password }, 'SELECT 1')));
    assert.deepEqual(calls, [false, true]);
    assert.equal(result.kind, 'connection');
    assert.match(result.message, new RegExp(`refused the password as ${user}`));
    assert.ok(!/wrong-secret|still-wrong/.test(result.message));
  });

  it('connects with the right password on retry', async () => {
    const calls: boolean[] = [];
    const password: PasswordSource = async (retry) => {
      calls.push(retry);
      return retry ? 'right-secret' : 'wrong-secret';
    };
    plan(await service.explain(run({ kind: 'connection', connection: { ...connection, name: 'pw-right', user }, password }, 'SELECT * FROM items')));
    assert.deepEqual(calls, [false, true]);
  });
});
