// Static index candidates (REFERENCE.md, index advisor B.1): a query's shape against the schema
// the migrations build, with existing indexes, keys and column types taken into account.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { indexCandidates, queryShape, queryShapeOf, type IndexCandidateSuggestion, type SchemaModel } from '../../server/src/engine';
import { analyzeFixture, engine } from '../support/engine';

const migrations = [
  `CREATE SCHEMA app;
CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, country text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  status text NOT NULL,
  region text,
  total numeric NOT NULL,
  created_at timestamptz NOT NULL,
  payload jsonb,
  tags text[]
);
CREATE TABLE app.items (id bigint PRIMARY KEY, sku text NOT NULL, shelf int);`,
  `CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);
CREATE INDEX orders_region_idx ON orders (region) WHERE region IS NOT NULL;
CREATE VIEW paid_orders AS SELECT * FROM orders WHERE status = 'paid';`,
];

let model: SchemaModel;

before(async () => {
  const workspace = (await engine()).createWorkspaceSchema('postgres');
  workspace.setMigrations(
    migrations.map((_, index) => ({ path: `/m/V${index + 1}.sql`, role: 'up' as const })),
    (path) => migrations[Number(/V(\d+)/.exec(path)?.[1]) - 1] ?? '',
  );
  model = workspace.final();
});

async function candidates(sql: string): Promise<IndexCandidateSuggestion[]> {
  const [statement] = (await analyzeFixture(sql)).statements;
  assert.ok(statement);
  const shape = queryShapeOf(statement);
  assert.ok(shape, sql);
  return indexCandidates(shape, model);
}

/** `table (columns) — reason`. */
async function brief(sql: string): Promise<string[]> {
  return (await candidates(sql)).map((candidate) => `${candidate.schema ? `${candidate.schema}.` : ''}${candidate.table} (${candidate.columns.join(', ')}) — ${candidate.reason}`);
}

describe('indexCandidates', () => {
  it('puts equality columns first, then one range column, with the CREATE INDEX CONCURRENTLY statement', async () => {
    const [candidate, ...rest] = await candidates("SELECT * FROM orders WHERE customer_id = $1 AND created_at >= now() - interval '7 days' ORDER BY created_at DESC");
    assert.deepEqual(rest, []);
    assert.deepEqual(candidate, {
      schema: undefined,
      table: 'orders',
      columns: ['customer_id', 'created_at'],
      name: 'orders_customer_id_created_at_idx',
      reason: 'WHERE customer_id = … AND created_at >= …',
      statement: 'CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders (customer_id, created_at)',
      revert: 'DROP INDEX CONCURRENTLY IF EXISTS orders_customer_id_created_at_idx',
    });
  });

  it('prefers foreign-key and *_id columns among equalities, booleans last', async () => {
    assert.deepEqual(await brief("SELECT * FROM orders WHERE total = 3 AND customer_id = 7 AND status = 'x'"), [
      'orders (customer_id, total, status) — WHERE customer_id = … AND total = … AND status = …',
    ]);
    assert.deepEqual(await brief("SELECT * FROM customers WHERE active AND active = true AND country = 'NL'"), ['customers (country, active) — WHERE country = … AND active = …']);
  });

  it('serves ORDER BY after equalities when there is no range, in one direction', async () => {
    assert.deepEqual(await brief('SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20'), [
      'orders (customer_id, created_at, id) — WHERE customer_id = … ORDER BY created_at DESC, id DESC',
    ]);
    assert.deepEqual(await brief('SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC, id'), ['orders (customer_id) — WHERE customer_id = …']);
    assert.deepEqual(await brief('SELECT * FROM orders ORDER BY total DESC LIMIT 10'), ['orders (total) — ORDER BY total DESC']);
  });

  it('adds GROUP BY columns after equalities', async () => {
    assert.deepEqual(await brief('SELECT total, count(*) FROM orders WHERE customer_id = 1 GROUP BY total'), ['orders (customer_id, total) — WHERE customer_id = … GROUP BY total']);
  });

  it('skips what an existing index, primary key or unique key already serves', async () => {
    assert.deepEqual(await brief("SELECT * FROM orders WHERE status = 'paid' AND created_at > $1"), []);
    assert.deepEqual(await brief("SELECT * FROM orders WHERE status = 'paid'"), []);
    assert.deepEqual(await brief('SELECT * FROM orders WHERE id = 1'), []);
    assert.deepEqual(await brief("SELECT * FROM customers WHERE email = $1 AND country = 'NL'"), [], 'a unique column among the equalities finds one row');
    // The equality leads (status, created_at) but total does not follow it there.
    assert.deepEqual(await brief("SELECT * FROM orders WHERE status = 'paid' AND total > 10"), ['orders (status, total) — WHERE status = … AND total > …']);
  });

  it('does not count a partial index', async () => {
    assert.deepEqual(await brief("SELECT * FROM orders WHERE region = 'eu'"), ['orders (region) — WHERE region = …']);
  });

  it('indexes the join key on the side the join looks up, not the preserved side of an outer join', async () => {
    assert.deepEqual(await brief("SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.country = 'NL'"), [
      'customers (country) — WHERE country = …',
      'orders (customer_id) — JOIN ON o.customer_id = c.id',
    ]);
    assert.deepEqual(await brief('SELECT * FROM orders o LEFT JOIN customers c ON c.id = o.customer_id'), []);
    assert.deepEqual(await brief('SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id'), ['orders (customer_id) — JOIN ON o.customer_id = c.id']);
  });

  it('drops a candidate that another one on the same table starts with', async () => {
    assert.deepEqual(await brief('SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.customer_id = 5 AND o.total > 100'), [
      'orders (customer_id, total) — WHERE customer_id = … AND total > …',
    ]);
  });

  it('attributes an unqualified column through the schema', async () => {
    assert.deepEqual(await brief('SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE total > 5'), [
      'orders (total) — WHERE total > …',
      'orders (customer_id) — JOIN ON o.customer_id = c.id',
    ]);
  });

  it('never suggests json, jsonb or array columns, unknown columns, views or unknown tables', async () => {
    assert.deepEqual(await brief("SELECT * FROM orders WHERE payload = '{}' AND tags = '{a}' AND missing = 1"), []);
    assert.deepEqual(await brief('SELECT * FROM paid_orders WHERE customer_id = 1'), []);
    assert.deepEqual(await brief('SELECT * FROM ghosts WHERE owner_id = 1'), []);
  });

  it('caps a candidate at three columns and qualifies other schemas', async () => {
    assert.deepEqual(await brief("SELECT * FROM orders WHERE customer_id = 1 AND status = 'a' AND region = 'b' AND total = 2 AND created_at > now()"), [
      'orders (customer_id, status, region) — WHERE customer_id = … AND status = … AND region = …',
    ]);
    const [candidate] = await candidates("SELECT * FROM app.items WHERE sku LIKE 'AB%'");
    assert.equal(candidate?.schema, 'app');
    assert.equal(candidate?.reason, "WHERE sku LIKE '…%'");
    assert.equal(candidate?.statement, 'CREATE INDEX CONCURRENTLY items_sku_idx ON app.items (sku)');
    assert.equal(candidate?.revert, 'DROP INDEX CONCURRENTLY IF EXISTS app.items_sku_idx');
  });
});

describe('indexCandidates on MySQL/MariaDB', () => {
  const mysqlMigration = [
    'CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL, country CHAR(2) NOT NULL, UNIQUE KEY customers_email (email)) ENGINE=InnoDB;',
    'CREATE TABLE orders (id BIGINT PRIMARY KEY AUTO_INCREMENT, customer_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL, `group` INT, note TEXT, doc JSON,',
    '  total DECIMAL(12,2) NOT NULL, placed_at DATETIME NOT NULL, KEY orders_customer_id (customer_id)) ENGINE=InnoDB;',
  ].join('\n');
  let mysqlModel: SchemaModel;

  before(async () => {
    const workspace = (await engine()).createWorkspaceSchema('mysql');
    workspace.setMigrations([{ path: '/m/V1.sql', role: 'up' }], () => mysqlMigration);
    mysqlModel = workspace.final();
  });

  async function mysqlStatements(sql: string): Promise<string[]> {
    const [statement] = (await analyzeFixture(`-- sqlsight-test: dialect=mysql\n${sql}`)).statements;
    assert.ok(statement);
    // MySQL statements are analysed without a shape; Explain asks for it, as here.
    const shape = queryShape(statement);
    assert.ok(shape, sql);
    return indexCandidates(shape, mysqlModel).map((candidate) => `${candidate.statement} — ${candidate.reason}`);
  }

  async function mysqlReverts(sql: string): Promise<string[]> {
    const [statement] = (await analyzeFixture(`-- sqlsight-test: dialect=mysql\n${sql}`)).statements;
    const shape = statement && queryShape(statement);
    assert.ok(shape, sql);
    return indexCandidates(shape, mysqlModel).map((candidate) => candidate.revert);
  }

  it('writes an online ALTER TABLE … ADD INDEX, backtick-quoting what needs it', async () => {
    assert.deepEqual(await mysqlStatements("SELECT * FROM orders WHERE status = 'paid' ORDER BY total DESC"), [
      'ALTER TABLE orders ADD INDEX orders_status_total_idx (status, total), ALGORITHM=INPLACE, LOCK=NONE — WHERE status = … ORDER BY total DESC',
    ]);
    assert.deepEqual(await mysqlStatements('SELECT * FROM orders o WHERE o.`group` = 3 AND o.placed_at > NOW()'), [
      'ALTER TABLE orders ADD INDEX orders_group_placed_at_idx (`group`, placed_at), ALGORITHM=INPLACE, LOCK=NONE — WHERE group = … AND placed_at > …',
    ]);
    assert.deepEqual(await mysqlReverts('SELECT * FROM orders WHERE `group` = 3'), ['ALTER TABLE orders DROP INDEX orders_group_idx, ALGORITHM=INPLACE, LOCK=NONE']);
  });

  it('drops what an existing index serves, and TEXT and JSON columns (no plain index without a prefix length)', async () => {
    assert.deepEqual(await mysqlStatements('SELECT * FROM orders WHERE customer_id = 4'), []);
    assert.deepEqual(await mysqlStatements("SELECT * FROM orders WHERE note = 'x' AND doc = '{}'"), []);
    assert.deepEqual(await mysqlStatements("SELECT c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.country = 'DE'"), [
      'ALTER TABLE customers ADD INDEX customers_country_idx (country), ALGORITHM=INPLACE, LOCK=NONE — WHERE country = …',
    ]);
  });
});
