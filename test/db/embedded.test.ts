// The embedded database: PGlite built from a workspace's migrations (replayed for real), kept warm,
// cached on disk and reused by a new service, grown incrementally when migrations are appended,
// rebuilt when one changes; seeded rows and the index advisor's built-and-rolled-back proof.
// Which migrations ran is read from the log callback ("embedded: ran migration <path>"), not timed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createExplainService } from '../../server/src/db/explain-service';
import type { EmbeddedSchema, ExplainRunResult, ExplainService } from '../../server/src/db/explain-types';
import { run, temporaryFolder } from './support';

const migrations = [
  {
    path: 'db/001_customers.sql',
    text: `CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, kind text);
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total numeric(10, 2), note text, created_at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    path: 'db/002_search.sql',
    text: `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX CONCURRENTLY orders_note_trgm ON orders USING gin (note gin_trgm_ops);
SELECT broken FROM nowhere;
COPY customers (email) FROM stdin;
a@example.com
\\.
`,
  },
];
const appended = { path: 'db/003_status.sql', text: 'ALTER TABLE orders ADD COLUMN status text;\n' };
const appendedAgain = { path: 'db/004_index.sql', text: 'CREATE INDEX orders_status ON orders (status);\n' };

function schema(list: EmbeddedSchema['migrations'], seedRows = 0, key = '/workspace/db'): EmbeddedSchema {
  return { key, migrations: list, seedRows };
}

function planNode(result: ExplainRunResult): Record<string, unknown> {
  assert.equal(result.ok, true, result.ok ? '' : `${result.failure.kind}: ${result.failure.message}`);
  if (!result.ok || !Array.isArray(result.planJson)) throw new Error('no plan');
  const first: unknown = result.planJson[0];
  if (typeof first !== 'object' || first === null || !('Plan' in first) || typeof first.Plan !== 'object' || first.Plan === null) throw new Error('no Plan');
  return { ...first.Plan };
}

/** A service whose log lines are kept, and the migrations it ran. */
function logged(cacheDir: string): { service: ExplainService; logs: string[]; ran: () => string[] } {
  const logs: string[] = [];
  const service = createExplainService({ cacheDir, log: (message) => logs.push(message) });
  return { service, logs, ran: () => logs.filter((line) => line.startsWith('embedded: ran migration')).map((line) => line.split(' ')[3] ?? '') };
}

describe('embedded database', () => {
  const cacheDir = temporaryFolder('embedded-cache');

  it('builds from the migrations, reports failed statements, and answers warm the second time', async () => {
    // An entry unused for 40 days: removed when the cache is next written.
    const stale = join(cacheDir, '0000000000000000-000000000000000000000000-s0.tar.gz');
    writeFileSync(stale, 'old');
    writeFileSync(stale.replace('.tar.gz', '.json'), '{}');
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    utimesSync(stale, longAgo, longAgo);
    const { service, logs, ran } = logged(cacheDir);
    try {
      const first = await service.explain(run({ kind: 'embedded', schema: schema(migrations) }, 'SELECT * FROM orders WHERE customer_id = $1'));
      assert.equal(planNode(first)['Relation Name'], 'orders');
      assert.deepEqual(ran(), ['db/001_customers.sql', 'db/002_search.sql']);
      assert.ok(first.ok && first.serverVersion.startsWith('18'));
      assert.deepEqual(first.ok ? first.problems : undefined, ['db/002_search.sql:3: relation "nowhere" does not exist']);
      const linesBefore = logs.length;
      const second = await service.explain(run({ kind: 'embedded', schema: schema(migrations) }, "SELECT * FROM orders WHERE note % 'abc'"));
      assert.match(String(planNode(second)['Relation Name'] ?? ''), /orders/);
      assert.deepEqual(logs.slice(linesBefore).filter((line) => line.startsWith('embedded:') && !line.includes('cache')), [], 'warm: nothing rebuilt');
    } finally {
      await service.dispose();
    }
    assert.ok(readdirSync(cacheDir).some((file) => file.endsWith('-s0.tar.gz')), 'the built database was saved');
    assert.equal(existsSync(stale), false, 'the stale entry was cleaned up');
    assert.equal(existsSync(stale.replace('.tar.gz', '.json')), false);
  });

  it('loads a new service from the disk cache without running the migrations again', async () => {
    const { service, logs, ran } = logged(cacheDir);
    try {
      // pg_trgm's operator proves the extension is loaded again with the cached database.
      const result = await service.explain(run({ kind: 'embedded', schema: schema(migrations) }, "SELECT * FROM orders WHERE note % 'abc'"));
      planNode(result);
      assert.deepEqual(ran(), []);
      assert.ok(logs.some((line) => line.startsWith('embedded: loaded the cached database')), logs.join('\n'));
      assert.deepEqual(result.ok ? result.problems : undefined, ['db/002_search.sql:3: relation "nowhere" does not exist'], 'problems travel with the cache');
      // A migration appended at the end: only it runs, on the warm database.
      const grown = await service.explain(run({ kind: 'embedded', schema: schema([...migrations, appended]) }, "SELECT * FROM orders WHERE status = 'open'"));
      planNode(grown);
      assert.deepEqual(ran(), ['db/003_status.sql']);
    } finally {
      await service.dispose();
    }
  });

  it('starts from the longest cached prefix in a new service, and rebuilds when a migration changed', async () => {
    const { service, ran } = logged(cacheDir);
    try {
      planNode(await service.explain(run({ kind: 'embedded', schema: schema([...migrations, appended, appendedAgain]) }, "SELECT * FROM orders WHERE status = 'open'")));
      assert.deepEqual(ran(), ['db/004_index.sql']);
      const changed = [{ ...migrations[0]!, text: migrations[0]!.text.replace('kind text', 'kind text, vip boolean') }, migrations[1]!];
      planNode(await service.explain(run({ kind: 'embedded', schema: schema(changed) }, 'SELECT * FROM customers WHERE vip')));
      assert.deepEqual(ran(), ['db/004_index.sql', 'db/001_customers.sql', 'db/002_search.sql']);
    } finally {
      await service.dispose();
    }
  });

  it('explains safely like a live server: confirmation for writes, rolled back', async () => {
    const { service } = logged(cacheDir);
    try {
      const target = { kind: 'embedded' as const, schema: schema(migrations) };
      const refused = await service.explain(run(target, "INSERT INTO customers (email) VALUES ('x@example.com')", { analyze: true }));
      assert.equal(refused.ok ? 'ok' : refused.failure.kind, 'writes-need-confirmation');
      for (let round = 0; round < 2; round += 1) {
        const confirmed = await service.explain(run(target, "INSERT INTO customers (email) VALUES ('x@example.com')", { analyze: true, confirmWrites: true }));
        assert.equal(planNode(confirmed)['Operation'], 'Insert', 'the unique email would fail the second time if the first was kept');
      }
      const count = await service.explain(run(target, 'SELECT count(*) FROM customers', { analyze: true }));
      const node = planNode(count);
      assert.equal(node['Actual Rows'], 1);
      const plans = Array.isArray(node.Plans) ? node.Plans : [];
      const scan: unknown = plans[0];
      assert.equal(typeof scan === 'object' && scan !== null && 'Actual Rows' in scan ? scan['Actual Rows'] : undefined, 0, 'no customer was kept');
    } finally {
      await service.dispose();
    }
  });
});

describe('index advisor proof on the embedded database (seeded)', () => {
  const cacheDir = temporaryFolder('embedded-seed');
  const seeded = schema(
    [{ path: 'db/001_events.sql', text: 'CREATE TABLE events (id bigserial PRIMARY KEY, account_id bigint NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL);\n' }],
    200_000,
    '/workspace/seeded',
  );
  let service: ExplainService;
  before(() => {
    service = createExplainService({ cacheDir, log: () => undefined });
  });
  after(() => service.dispose());

  it('measures a candidate by building it in a rolled-back transaction: the cost drops', async () => {
    const candidate = { schema: undefined, table: 'events', columns: ['account_id'] };
    const result = await service.explain(run({ kind: 'embedded', schema: seeded }, 'SELECT * FROM events WHERE account_id = 42', { candidates: [candidate] }));
    const node = planNode(result);
    assert.equal(node['Node Type'], 'Seq Scan');
    assert.ok(Number(node['Plan Rows']) < 100, 'ANALYZE ran: ~10 rows per account_id');
    assert.ok(result.ok);
    const verified = result.verified[0];
    assert.equal(verified?.method, 'built-and-rolled-back');
    assert.ok(verified && verified.costAfter < verified.costBefore * 0.1, `${verified?.costBefore} → ${verified?.costAfter}`);
    assert.equal(result.verificationUnavailable, undefined);
    // The index was rolled back: the same query still scans the table.
    const again = await service.explain(run({ kind: 'embedded', schema: seeded }, 'SELECT * FROM events WHERE account_id = 42'));
    assert.equal(planNode(again)['Node Type'], 'Seq Scan');
  });

  it('reports a candidate it cannot build, and measures the others', async () => {
    const result = await service.explain(
      run({ kind: 'embedded', schema: seeded }, "SELECT * FROM events WHERE kind = 'x'", {
        candidates: [
          { schema: undefined, table: 'events', columns: ['no_such_column'] },
          { schema: 'public', table: 'events', columns: ['kind'] },
        ],
      }),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.verified.map((entry) => entry.candidate.columns), [['kind']]);
    assert.match(result.verificationUnavailable ?? '', /could not be built/);
  });
});
