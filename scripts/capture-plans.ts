// Captures the real EXPLAIN (FORMAT JSON) output that test/explain reads as fixtures: a PostgreSQL
// server (15 when captured) and PGlite (PostgreSQL 18). It builds a scratch schema with generated
// rows, runs each query with the settings that provoke one plan warning, writes the server's JSON
// as received, and drops the schema again. Tests never run this: they read the committed files.
//
//   node --import tsx scripts/capture-plans.ts [postgresql://postgres@127.0.0.1:5432/test]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const folder = join(import.meta.dirname, '..', 'test', 'explain', 'fixtures');
const schema = 'sqlsight_plans';

const setup = [
  `DROP SCHEMA IF EXISTS ${schema} CASCADE`,
  `CREATE SCHEMA ${schema}`,
  `SET search_path = ${schema}`,
  'CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, country text NOT NULL, created_at timestamptz NOT NULL)',
  'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), status text NOT NULL, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL, note text)',
  "INSERT INTO customers SELECT g, 'user' || g || '@example.com', (ARRAY['NL','DE','FR','US','GB'])[1 + g % 5], timestamptz '2024-01-01' + g * interval '1 minute' FROM generate_series(1, 20000) g",
  "INSERT INTO orders SELECT g, 1 + (g * 7919) % 20000, (ARRAY['new','paid','shipped','refunded'])[1 + g % 4], (g % 1000) / 7.0, timestamptz '2024-01-01' + g * interval '10 seconds', md5(g::text) FROM generate_series(1, 200000) g",
  'ANALYZE customers',
  'ANALYZE orders',
];

interface Capture {
  readonly file: string;
  /** Settings for this query only (`SET …`), undone by RESET ALL afterwards. */
  readonly settings?: readonly string[];
  readonly options: string;
  readonly query: string;
  /** Run inside a transaction that is rolled back (EXPLAIN ANALYZE of a write). */
  readonly rollback?: boolean;
}

const serial = ['SET max_parallel_workers_per_gather = 0'];

const postgresCaptures: readonly Capture[] = [
  { file: 'pg15-seq-scan-filter.json', settings: serial, options: 'FORMAT JSON', query: 'SELECT * FROM orders WHERE customer_id = 42' },
  { file: 'pg15-seq-scan-filter-analyze.json', settings: serial, options: 'ANALYZE, BUFFERS, FORMAT JSON', query: 'SELECT * FROM orders WHERE customer_id = 42' },
  {
    file: 'pg15-parallel-seq-scan-analyze.json',
    settings: ['SET parallel_setup_cost = 0', 'SET parallel_tuple_cost = 0'],
    options: 'ANALYZE, BUFFERS, FORMAT JSON',
    query: "SELECT * FROM orders WHERE status = 'refunded' AND created_at > '2024-01-10'",
  },
  // The planner guesses 0.5 % for an expression it has no statistics on; 1 row in 7 matches.
  { file: 'pg15-misestimate-analyze.json', settings: serial, options: 'ANALYZE, FORMAT JSON', query: 'SELECT count(*) FROM orders WHERE (id % 7) = 0' },
  { file: 'pg15-sort-disk-analyze.json', settings: ["SET work_mem = '64kB'"], options: 'ANALYZE, BUFFERS, FORMAT JSON', query: 'SELECT * FROM orders ORDER BY note' },
  {
    file: 'pg15-hash-batches-analyze.json',
    settings: ["SET work_mem = '64kB'", ...serial],
    options: 'ANALYZE, BUFFERS, FORMAT JSON',
    query: 'SELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id',
  },
  {
    file: 'pg15-nested-loop-analyze.json',
    settings: ['SET enable_hashjoin = off', 'SET enable_mergejoin = off', ...serial],
    options: 'ANALYZE, BUFFERS, FORMAT JSON',
    query: "SELECT c.email, o.total FROM customers c JOIN orders o ON o.id = c.id WHERE c.country = 'NL'",
  },
  {
    file: 'pg15-nested-loop.json',
    settings: ['SET enable_hashjoin = off', 'SET enable_mergejoin = off', ...serial],
    options: 'FORMAT JSON',
    query: "SELECT c.email, o.total FROM customers c JOIN orders o ON o.id = c.id WHERE c.country = 'NL'",
  },
  { file: 'pg15-index-filter-analyze.json', settings: serial, options: 'ANALYZE, BUFFERS, FORMAT JSON', query: "SELECT * FROM orders WHERE id < 50000 AND note LIKE 'ab%'" },
  { file: 'pg15-index-scan.json', options: 'FORMAT JSON', query: 'SELECT * FROM orders WHERE id = 42' },
  {
    file: 'pg15-group-limit-analyze.json',
    options: 'ANALYZE, FORMAT JSON',
    query: 'SELECT status, count(*) FROM orders GROUP BY status ORDER BY 2 DESC LIMIT 3',
  },
  { file: 'pg15-no-match-analyze.json', settings: serial, options: 'ANALYZE, FORMAT JSON', query: "SELECT * FROM orders WHERE note LIKE '%zzzz%'" },
  { file: 'pg15-update-analyze.json', options: 'ANALYZE, BUFFERS, FORMAT JSON', query: 'UPDATE orders SET total = total + 1 WHERE id < 10', rollback: true },
];

const pgliteSetup = [
  'CREATE TABLE owners (id int PRIMARY KEY, name text NOT NULL)',
  'CREATE TABLE items (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES owners (id), label text NOT NULL, payload jsonb)',
  "INSERT INTO owners SELECT g, 'owner ' || g FROM generate_series(1, 500) g",
  "INSERT INTO items SELECT g, 1 + g % 500, 'item ' || g, jsonb_build_object('n', g) FROM generate_series(1, 20000) g",
  'ANALYZE owners',
  'ANALYZE items',
];

const pgliteCaptures: readonly Capture[] = [
  { file: 'pglite-seq-scan-filter.json', options: 'FORMAT JSON', query: 'SELECT * FROM items WHERE owner_id = 3' },
  {
    file: 'pglite-join-analyze.json',
    options: 'ANALYZE, BUFFERS, FORMAT JSON',
    query: "SELECT o.name, count(*) FROM owners o JOIN items i ON i.owner_id = o.id WHERE i.label LIKE 'item 1%' GROUP BY o.name ORDER BY o.name",
  },
];

function save(file: string, plan: unknown): void {
  writeFileSync(join(folder, file), `${JSON.stringify(plan, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

async function capturePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of setup) await client.query(statement);
    for (const capture of postgresCaptures) {
      await client.query('BEGIN');
      for (const setting of capture.settings ?? []) await client.query(setting);
      const result = await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (${capture.options}) ${capture.query}`);
      await client.query(capture.rollback ? 'ROLLBACK' : 'COMMIT');
      await client.query(`RESET ALL; SET search_path = ${schema}`);
      save(capture.file, result.rows[0]?.['QUERY PLAN']);
    }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

async function capturePglite(): Promise<void> {
  const db = await PGlite.create();
  for (const statement of pgliteSetup) await db.query(statement);
  for (const capture of pgliteCaptures) {
    const result = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (${capture.options}) ${capture.query}`);
    save(capture.file, result.rows[0]?.['QUERY PLAN']);
  }
  await db.close();
}

async function main(): Promise<void> {
  await capturePostgres(process.argv[2] ?? 'postgresql://postgres@127.0.0.1:5432/test');
  await capturePglite();
}

void main();
