// The live PostgreSQL path against the real test server (SQLSIGHT_TEST_PG_URL, set by .ci/run), in a
// scratch database created and dropped by this file: plans, the PostgreSQL 15 generic-plan method,
// timeouts, the read-only and rolled-back transaction (rows counted before and after), reconnecting
// a dropped connection, and the index advisor's proof with hypopg on 200,000 rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createExplainService } from '../../server/src/db/explain-service';
import type { ExplainRunResult, ExplainService } from '../../server/src/db/explain-types';
import type { ConnectionSetting } from '../../server/src/protocol';
import { connectionFromUrl, livePostgresUrl, noPassword, run, scratchDatabase, temporaryFolder, withClient } from './support';

function planNode(result: ExplainRunResult): Record<string, unknown> {
  assert.equal(result.ok, true, result.ok ? '' : `${result.failure.kind}: ${result.failure.message}`);
  if (!result.ok || !Array.isArray(result.planJson)) throw new Error('no plan');
  const first: unknown = result.planJson[0];
  if (typeof first !== 'object' || first === null || !('Plan' in first) || typeof first.Plan !== 'object' || first.Plan === null) throw new Error('no Plan');
  return { ...first.Plan };
}

function failure(result: ExplainRunResult): { kind: string; message: string } {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) throw new Error('unreachable');
  return result.failure;
}

describe('live PostgreSQL', { skip: livePostgresUrl === undefined ? 'SQLSIGHT_TEST_PG_URL is not set (.ci/run sets it)' : false }, () => {
  const url = livePostgresUrl ?? '';
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let service: ExplainService;
  let connection: ConnectionSetting;
  let hypopgAvailable = false;
  const logs: string[] = [];
  const target = () => ({ kind: 'connection' as const, connection, password: noPassword });
  const count = (table: string): Promise<number> => withClient(scratch.url, async (client) => Number((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n));

  before(async () => {
    scratch = await scratchDatabase(url, 'explain');
    await withClient(scratch.url, async (client) => {
      await client.query(`
        CREATE TABLE events (id bigserial PRIMARY KEY, account_id bigint NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL);
        INSERT INTO events (account_id, kind, created_at)
          SELECT 1 + abs(hashint8(g)) % 20000, 'k' || (g % 50), timestamp '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 200000) g;
        ANALYZE events;
        CREATE FUNCTION bump() RETURNS int LANGUAGE sql AS 'INSERT INTO events (account_id, kind, created_at) VALUES (1, $$x$$, now()) RETURNING 1';
      `);
      const available = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'");
      hypopgAvailable = available.rows.length > 0;
      if (hypopgAvailable) await client.query('CREATE EXTENSION hypopg');
    });
    connection = connectionFromUrl('live', url, scratch.name);
    service = createExplainService({ cacheDir: temporaryFolder('live-cache'), log: (message) => logs.push(message) });
  });

  after(async () => {
    await service?.dispose();
    await scratch?.drop();
  });

  it('explains against PostgreSQL 15', async () => {
    const result = await service.explain(run(target(), 'SELECT * FROM events WHERE id = 42'));
    assert.equal(planNode(result)['Node Type'], 'Index Scan');
    assert.ok(result.ok && result.serverVersion.startsWith('15'), result.ok ? result.serverVersion : '');
  });

  it('makes a generic plan on PostgreSQL 15 with PREPARE, and leaves no prepared statement behind', async () => {
    const result = await service.explain(run(target(), 'SELECT * FROM events WHERE account_id = $1 AND kind = $2'));
    planNode(result);
    assert.match(JSON.stringify(result.ok ? result.planJson : null), /"Filter":"\(\(account_id = \$1\) AND \(kind = \$2\)\)"/);
    // The same warm session, asked what it holds prepared: nothing.
    const prepared = planNode(await service.explain(run(target(), 'SELECT * FROM pg_prepared_statements', { analyze: true })));
    assert.equal(prepared['Actual Rows'], 0);
  });

  it('binds values', async () => {
    const node = planNode(await service.explain(run(target(), 'SELECT * FROM events WHERE id = :id', { parameters: ['7'] })));
    assert.equal(node['Node Type'], 'Index Scan');
  });

  it('cancels a statement that runs past the timeout, naming the limit, and keeps the connection', async () => {
    const started = Date.now();
    const result = failure(await service.explain(run(target(), 'SELECT pg_sleep(5)', { analyze: true, statementTimeoutMs: 200 })));
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(result.kind, 'timeout');
    assert.match(result.message, /200 ms/);
    planNode(await service.explain(run(target(), 'SELECT 1')));
    assert.equal(logs.filter((line) => line.startsWith('explain: connected "live"')).length, 1, logs.join('\n'));
  });

  it('refuses ANALYZE of a writing statement without confirmation: no row changes', async () => {
    const before = await count('events');
    const result = failure(await service.explain(run(target(), 'DELETE FROM events WHERE id < 1000', { analyze: true })));
    assert.equal(result.kind, 'writes-need-confirmation');
    assert.equal(await count('events'), before);
  });

  it('runs a confirmed ANALYZE of a writing statement and rolls it back: no row changes', async () => {
    const before = await count('events');
    const node = planNode(await service.explain(run(target(), 'DELETE FROM events WHERE id < 1000', { analyze: true, confirmWrites: true })));
    assert.equal(node['Operation'], 'Delete');
    assert.equal(await count('events'), before);
  });

  it('stops a reading statement that writes through a function (read-only transaction)', async () => {
    const before = await count('events');
    const result = failure(await service.explain(run(target(), 'SELECT bump()', { analyze: true })));
    assert.match(result.message, /read-only transaction/);
    assert.equal(await count('events'), before);
  });

  it('proves an index with hypopg: the cost with the hypothetical index is far lower, and nothing is left behind', async (context) => {
    if (!hypopgAvailable) {
      context.skip('hypopg is not in pg_available_extensions on this server (apt-get install postgresql-15-hypopg)');
      return;
    }
    const candidate = { schema: 'public', table: 'events', columns: ['account_id'] };
    const result = await service.explain(run(target(), 'SELECT * FROM events WHERE account_id = 42', { candidates: [candidate] }));
    assert.equal(planNode(result)['Node Type'], 'Seq Scan');
    assert.ok(result.ok);
    const verified = result.verified[0];
    assert.equal(verified?.method, 'hypothetical-index');
    assert.ok(verified && verified.costBefore > 1000 && verified.costAfter < verified.costBefore * 0.05, `${verified?.costBefore} → ${verified?.costAfter}`);
    assert.equal(result.verificationUnavailable, undefined);
    const again = await service.explain(run(target(), 'SELECT * FROM events WHERE account_id = 42'));
    assert.equal(planNode(again)['Node Type'], 'Seq Scan', 'hypothetical indexes were reset');
    const real = await withClient(scratch.url, async (client) => (await client.query("SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'events'")).rows[0].n);
    assert.equal(real, 1, 'only the primary key exists');
  });

  it('measures with hypopg under a generic plan too', async (context) => {
    if (!hypopgAvailable) {
      context.skip('hypopg is not in pg_available_extensions on this server');
      return;
    }
    const candidate = { schema: undefined, table: 'events', columns: ['account_id'] };
    const result = await service.explain(run(target(), 'SELECT * FROM events WHERE account_id = $1', { candidates: [candidate] }));
    assert.ok(result.ok);
    const verified = result.verified[0];
    assert.ok(verified && verified.costAfter < verified.costBefore * 0.05, `${verified?.costBefore} → ${verified?.costAfter}`);
  });

  it('says so when hypopg is not installed in the database (and does not install it)', async () => {
    await withClient(scratch.url, (client) => client.query('DROP EXTENSION IF EXISTS hypopg'));
    const result = await service.explain(run(target(), 'SELECT * FROM events WHERE account_id = 42', { candidates: [{ schema: undefined, table: 'events', columns: ['account_id'] }] }));
    assert.ok(result.ok);
    assert.deepEqual(result.verified, []);
    assert.match(result.verificationUnavailable ?? '', hypopgAvailable ? /hypopg is not installed in this database/ : /hypopg is not available on this server/);
    const installed = await withClient(scratch.url, async (client) => (await client.query("SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'hypopg'")).rows[0].n);
    assert.equal(installed, 0);
  });

  it('connects again when the warm connection was dropped', async () => {
    await withClient(url, (client) => client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sqlsight' AND datname = $1", [scratch.name]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    planNode(await service.explain(run(target(), 'SELECT 1')));
    assert.equal(logs.filter((line) => line.startsWith('explain: connected "live"')).length, 2, logs.join('\n'));
  });

  it('tests the connection, from a urlFromEnv URL', async () => {
    process.env.SQLSIGHT_TEST_LIVE_URL = scratch.url;
    try {
      const tested = await service.testConnection({ name: 'env', dialect: 'postgres', urlFromEnv: 'SQLSIGHT_TEST_LIVE_URL' }, noPassword, 3000);
      assert.equal(tested.ok, true, tested.message);
      assert.match(tested.message, /PostgreSQL 15/);
    } finally {
      delete process.env.SQLSIGHT_TEST_LIVE_URL;
    }
  });

  it('names a database that does not exist', async () => {
    const result = failure(await service.explain(run({ kind: 'connection', connection: { ...connection, name: 'nodb', database: 'sqlsight_no_such_database' }, password: noPassword }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    assert.match(result.message, /"sqlsight_no_such_database" does not exist/);
  });

  it('fails TLS clearly when the server does not offer it', async (context) => {
    const ssl = await withClient(url, async (client) => String((await client.query('SHOW ssl')).rows[0].ssl));
    const result = failure(await service.explain(run({ kind: 'connection', connection: { ...connection, name: 'tls', ssl: true }, password: noPassword }, 'SELECT 1')));
    assert.equal(result.kind, 'connection');
    if (ssl === 'on') {
      // A server with its own (snakeoil) certificate: verification must fail, not pass silently.
      assert.match(result.message, /TLS/);
      context.diagnostic('the server offers TLS with a certificate this machine does not trust');
    } else {
      assert.match(result.message, /does not accept TLS/);
    }
  });
});
