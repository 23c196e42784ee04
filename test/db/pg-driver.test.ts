// The live-connection path (the `pg` driver, the safe transaction, the password flow, the faults)
// against PGlite served over the PostgreSQL wire protocol, so it runs everywhere without a server.
// Faults a real local server cannot produce (a refused password: the test server trusts 127.0.0.1;
// a host that never answers) come from tiny fake servers on 127.0.0.1 (test/db/support.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createExplainService } from '../../server/src/db/explain-service';
import type { ExplainRunResult, ExplainService, PasswordSource } from '../../server/src/db/explain-types';
import type { ConnectionSetting } from '../../server/src/protocol';
import { freePort, noPassword, passwordServer, pgliteServer, run, silentServer, temporaryFolder } from './support';

const setup = `
  CREATE TABLE items (id int PRIMARY KEY, owner int NOT NULL, note text);
  INSERT INTO items SELECT g, g % 10, 'n' || g FROM generate_series(1, 100) g;
  CREATE FUNCTION bump() RETURNS int LANGUAGE sql AS 'INSERT INTO items VALUES (1000, 1, null) RETURNING 1';
`;

function plan(result: ExplainRunResult): Record<string, unknown> {
  assert.equal(result.ok, true, result.ok ? '' : `${result.failure.kind}: ${result.failure.message}`);
  if (!result.ok || !Array.isArray(result.planJson)) throw new Error('no plan');
  const first: unknown = result.planJson[0];
  if (typeof first !== 'object' || first === null || !('Plan' in first) || typeof first.Plan !== 'object' || first.Plan === null) throw new Error('no Plan');
  return { ...first.Plan };
}

function failure(result: ExplainRunResult): { kind: string; message: string; names?: readonly string[] } {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) throw new Error('unreachable');
  return result.failure;
}

describe('pg driver against PGlite over the wire', () => {
  let server: Awaited<ReturnType<typeof pgliteServer>>;
  let service: ExplainService;
  const logs: string[] = [];
  let connection: ConnectionSetting;
  const target = () => ({ kind: 'connection' as const, connection, password: noPassword });
  const count = async (): Promise<number> => Number((await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM items')).rows[0]?.count);

  before(async () => {
    server = await pgliteServer(setup);
    connection = { name: 'pglite', dialect: 'postgres', host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' };
    service = createExplainService({ cacheDir: temporaryFolder('cache'), log: (message) => logs.push(message) });
  });
  after(async () => {
    await service.dispose();
    await server.close();
  });

  it('explains a query and returns the JSON plan as the server gave it', async () => {
    const result = await service.explain(run(target(), 'SELECT * FROM items WHERE id = 5;'));
    assert.equal(plan(result)['Node Type'], 'Index Scan');
    assert.ok(result.ok && result.serverVersion.startsWith('18'), 'PGlite 0.5 is PostgreSQL 18');
    assert.ok(result.ok && !result.analyzed);
  });

  it('makes a generic plan for $1 without values (EXPLAIN (GENERIC_PLAN) on PostgreSQL 16+)', async () => {
    const node = plan(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = $1')));
    assert.match(String(node.Filter), /\$1/);
  });

  it('binds values for :name placeholders', async () => {
    const node = plan(await service.explain(run(target(), 'SELECT * FROM items WHERE id = :id', { parameters: ['7'] })));
    assert.equal(node['Node Type'], 'Index Scan');
  });

  it('asks for values when ANALYZE needs them, naming the parameters', async () => {
    const result = failure(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = ? AND id > ?', { analyze: true })));
    assert.equal(result.kind, 'needs-parameters');
    assert.deepEqual(result.names, ['?1', '?2']);
  });

  it('counts values against parameters', async () => {
    const result = failure(await service.explain(run(target(), 'SELECT * FROM items WHERE owner = $1', { parameters: ['1', '2'] })));
    assert.equal(result.kind, 'needs-parameters');
  });

  it('refuses EXPLAIN ANALYZE of a writing statement without confirmation, running nothing', async () => {
    const before = await count();
    const result = failure(await service.explain(run(target(), 'INSERT INTO items VALUES (500, 1, null)', { analyze: true })));
    assert.equal(result.kind, 'writes-need-confirmation');
    assert.equal(await count(), before);
  });

  it('runs a confirmed EXPLAIN ANALYZE of a writing statement and rolls it back', async () => {
    const before = await count();
    const result = await service.explain(run(target(), 'INSERT INTO items SELECT g, 1, null FROM generate_series(200, 260) g', { analyze: true, confirmWrites: true }));
    const node = plan(result);
    assert.equal(node['Actual Rows'], 0, 'ModifyTable reports its own rows as 0');
    assert.ok(result.ok && result.analyzed);
    assert.equal(await count(), before, 'rolled back');
  });

  it('stops a reading statement that writes through a function: the transaction is read-only', async () => {
    const before = await count();
    const result = failure(await service.explain(run(target(), 'SELECT bump()', { analyze: true })));
    assert.equal(result.kind, 'error');
    assert.match(result.message, /read-only/);
    assert.equal(await count(), before);
  });

  it('refuses two statements and runs neither', async () => {
    const result = failure(await service.explain(run(target(), 'SELECT 1; DROP TABLE items')));
    assert.equal(result.kind, 'not-explainable');
    assert.equal(await count() > 0, true, 'items still exists');
  });

  it('keeps user text off the simple protocol when backslashes escape in strings (standard_conforming_strings off)', async () => {
    // PGlite serves every wire connection from one backend, so this reaches the service's session too.
    await server.db.exec('SET standard_conforming_strings = off');
    try {
      const generic = await service.explain(run(target(), 'SELECT * FROM items WHERE owner = $1'));
      assert.match(String(plan(generic).Filter), /\$1/, 'PREPARE + force_generic_plan instead of GENERIC_PLAN');
      // Our lexer reads one string here; this server reads a string, then DROP TABLE.
      const hidden = failure(await service.explain(run(target(), "SELECT * FROM items WHERE note = '\\'' ; DROP TABLE items; --' AND owner = $1")));
      assert.equal(hidden.kind, 'error');
      assert.match(hidden.message, /multiple commands/);
      assert.ok((await count()) > 0, 'items still exists');
    } finally {
      await server.db.exec('SET standard_conforming_strings = on');
    }
  });

  it('reports a server error with the server named, and the connection stays usable', async () => {
    const result = failure(await service.explain(run(target(), 'SELECT * FROM missing_table')));
    assert.equal(result.kind, 'error');
    assert.match(result.message, /127\.0\.0\.1:\d+: relation "missing_table" does not exist/);
    plan(await service.explain(run(target(), 'SELECT 1')));
  });

  it('keeps one warm connection', () => {
    assert.equal(logs.filter((line) => line.startsWith('explain: connected "pglite"')).length, 1, logs.join('\n'));
  });

  it('tests a connection', async () => {
    const tested = await service.testConnection(connection, noPassword, 2000);
    assert.equal(tested.ok, true, tested.message);
    assert.match(tested.message, /PostgreSQL 18/);
  });

  it('fails TLS clearly against a server without TLS', async () => {
    const result = failure(await service.explain(run({ kind: 'connection', connection: { ...connection, name: 'tls', ssl: true }, password: noPassword }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    assert.match(result.message, /does not accept TLS/);
  });
});

describe('connection faults', () => {
  let service: ExplainService;
  const logs: string[] = [];
  before(() => {
    service = createExplainService({ cacheDir: temporaryFolder('cache'), log: (message) => logs.push(message) });
  });
  after(() => service.dispose());

  it('names host:port when the port is closed', async () => {
    const port = await freePort();
    const connection: ConnectionSetting = { name: 'closed', dialect: 'postgres', host: '127.0.0.1', port, user: 'postgres' };
    const result = failure(await service.explain(run({ kind: 'connection', connection, password: noPassword }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    assert.match(result.message, new RegExp(`127\\.0\\.0\\.1:${port}.*refused`));
  });

  it('gives up within the timeout when the server never answers', async () => {
    const silent = await silentServer();
    try {
      const connection: ConnectionSetting = { name: 'silent', dialect: 'postgres', host: '127.0.0.1', port: silent.port, user: 'postgres' };
      const started = Date.now();
      const result = failure(await service.explain(run({ kind: 'connection', connection, password: noPassword }, 'SELECT 1', { statementTimeoutMs: 300 })));
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
      assert.equal(result.kind, 'timeout');
      assert.match(result.message, /no answer within 300 ms/);
      const tested = await service.testConnection(connection, noPassword, 300);
      assert.equal(tested.ok, false);
      assert.match(tested.message, /no answer within 300 ms/);
    } finally {
      await silent.close();
    }
  });

  it('names a missing urlFromEnv variable', async () => {
    const connection: ConnectionSetting = { name: 'env', dialect: 'postgres', urlFromEnv: 'SQLSIGHT_TEST_UNSET_VARIABLE' };
    const result = failure(await service.explain(run({ kind: 'connection', connection, password: noPassword }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    assert.match(result.message, /SQLSIGHT_TEST_UNSET_VARIABLE .*is not set/);
  });

  it('names an unreadable CA file', async () => {
    const connection: ConnectionSetting = { name: 'ca', dialect: 'postgres', host: '127.0.0.1', ssl: { ca: '/nonexistent/ca.pem' } };
    const result = failure(await service.explain(run({ kind: 'connection', connection, password: noPassword }, 'SELECT 1')));
    assert.match(result.message, /CA file \/nonexistent\/ca\.pem/);
  });
});

describe('passwords', () => {
  let upstream: Awaited<ReturnType<typeof pgliteServer>>;
  let gate: Awaited<ReturnType<typeof passwordServer>>;
  let service: ExplainService;
  const logs: string[] = [];

  before(async () => {
    upstream = await pgliteServer('CREATE TABLE t (id int PRIMARY KEY)');
    gate = await passwordServer({ password: 'right-password', upstreamPort: upstream.port });
    service = createExplainService({ cacheDir: temporaryFolder('cache'), log: (message) => logs.push(message) });
  });
  after(async () => {
    await service.dispose();
    await gate.close();
    await upstream.close();
  });

  const connection = (name: string): ConnectionSetting => ({ name, dialect: 'postgres', host: '127.0.0.1', port: gate.port, user: 'app', database: 'postgres' });
  const source = (answers: Record<'first' | 'retry', string | undefined>, calls: boolean[]): PasswordSource => async (retry) => {
    calls.push(retry);
    return retry ? answers.retry : answers.first;
  };

  it('asks again once after a refused password, then fails without echoing it', async () => {
    const calls: boolean[] = [];
    gate.attempts.length = 0;
    const password = source({ first: 'stale-password', retry: 'typo-password' }, calls);
    const result = failure(await service.explain(run({ kind: 'connection', connection: connection('wrong'), password }, 'SELECT 1')));
    assert.deepEqual(calls, [false, true]);
    assert.deepEqual(gate.attempts, ['stale-password', 'typo-password']);
    assert.equal(result.kind, 'connection');
    assert.match(result.message, /refused the password as app/);
    assert.ok(!/stale-password|typo-password/.test(result.message + logs.join('\n')));
  });

  it('connects with the password given on retry, and keeps the connection warm', async () => {
    const calls: boolean[] = [];
    const password = source({ first: 'stale-password', retry: 'right-password' }, calls);
    const target = { kind: 'connection' as const, connection: connection('retry'), password };
    plan(await service.explain(run(target, 'SELECT * FROM t WHERE id = 1')));
    plan(await service.explain(run(target, 'SELECT * FROM t WHERE id = 2')));
    assert.deepEqual(calls, [false, true], 'asked once, then retried once; the warm connection needs no password');
  });

  it('stops when the user cancels the password prompt', async () => {
    const result = failure(await service.explain(run({ kind: 'connection', connection: connection('cancel'), password: async () => undefined }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    assert.match(result.message, /No password was given/);
  });

  it('uses the password in a urlFromEnv URL and never logs it', async () => {
    process.env.SQLSIGHT_TEST_PASSWORD_URL = `postgres://app:right-password@127.0.0.1:${gate.port}/postgres`;
    process.env.SQLSIGHT_TEST_WRONG_URL = `postgres://app:wrong-url-password@127.0.0.1:${gate.port}/postgres`;
    try {
      const good: ConnectionSetting = { name: 'url', dialect: 'postgres', urlFromEnv: 'SQLSIGHT_TEST_PASSWORD_URL' };
      plan(await service.explain(run({ kind: 'connection', connection: good, password: noPassword }, 'SELECT 1')));
      const bad: ConnectionSetting = { name: 'bad-url', dialect: 'postgres', urlFromEnv: 'SQLSIGHT_TEST_WRONG_URL' };
      const result = failure(await service.explain(run({ kind: 'connection', connection: bad, password: noPassword }, 'SELECT 1')));
      assert.match(result.message, /refused the password in the URL in SQLSIGHT_TEST_WRONG_URL/);
      assert.ok(!/right-password|wrong-url-password/.test(result.message + logs.join('\n')), logs.join('\n'));
    } finally {
      delete process.env.SQLSIGHT_TEST_PASSWORD_URL;
      delete process.env.SQLSIGHT_TEST_WRONG_URL;
    }
  });
});
