// Captures the real MariaDB `EXPLAIN FORMAT=JSON` and `ANALYZE FORMAT=JSON` output that test/explain
// reads as fixtures (`mariadb-*.json`). It builds a scratch database with generated rows, runs each
// query (writes only inside a transaction that is rolled back), writes the server's JSON as
// received, and drops the database again. Tests never run this: they read the committed files.
// The MySQL 8 fixtures (`mysql8-doc-*.json`) are written by hand from the manual instead: there
// is no MySQL server here (fixtures/README.md).
//
//   node --import tsx scripts/capture-mariadb-plans.ts [mysql://root@127.0.0.1:3306/test]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

const folder = join(import.meta.dirname, '..', 'test', 'explain', 'fixtures');
const database = 'sqlsight_plans';

const setup = [
  `DROP DATABASE IF EXISTS ${database}`,
  `CREATE DATABASE ${database}`,
  `USE ${database}`,
  'CREATE TABLE customers (id INT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100) NOT NULL, country CHAR(2) NOT NULL, UNIQUE KEY customers_email (email)) ENGINE=InnoDB',
  'CREATE TABLE orders (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, status VARCHAR(20) NOT NULL, total DECIMAL(12,2) NOT NULL, placed_at DATETIME NOT NULL, note TEXT, INDEX orders_customer_id (customer_id), INDEX orders_placed_at (placed_at)) ENGINE=InnoDB',
  // One customer owns 4,000 of the 5,000 rows: the index statistics average it away (a misestimate).
  'CREATE TABLE skew (id INT PRIMARY KEY AUTO_INCREMENT, customer_id INT NOT NULL, INDEX skew_customer (customer_id)) ENGINE=InnoDB',
  "INSERT INTO customers (email, country) SELECT CONCAT('c', seq, '@example.com'), IF(seq % 3 = 0, 'DE', 'FR') FROM seq_1_to_500",
  "INSERT INTO orders (customer_id, status, total, placed_at, note) SELECT 1 + seq % 500, ELT(1 + seq % 4, 'new', 'paid', 'shipped', 'void'), seq % 1000, '2024-01-01' + INTERVAL seq MINUTE, REPEAT('x', seq % 50) FROM seq_1_to_5000",
  'INSERT INTO skew (customer_id) SELECT IF(seq <= 4000, 1, seq) FROM seq_1_to_5000',
  'ANALYZE TABLE customers, orders, skew',
];

interface Capture {
  readonly file: string;
  readonly analyze?: boolean;
  readonly query: string;
  /** Session settings for this query only (restored afterwards). */
  readonly settings?: string;
}

const captures: readonly Capture[] = [
  { file: 'full-scan-filesort', query: "SELECT * FROM orders WHERE status = 'paid' ORDER BY total DESC" },
  { file: 'full-scan-filesort-analyze', analyze: true, query: "SELECT * FROM orders WHERE status = 'paid' ORDER BY total DESC" },
  { file: 'join-range-eq-ref', query: "SELECT c.email, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.placed_at > '2024-01-03' ORDER BY o.placed_at LIMIT 10" },
  { file: 'join-full-scan-ref', query: "SELECT o.* FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.country = 'DE'" },
  { file: 'group-temporary', query: 'SELECT status, COUNT(*) FROM orders GROUP BY status' },
  { file: 'group-temporary-analyze', analyze: true, query: 'SELECT status, COUNT(*) FROM orders GROUP BY status' },
  { file: 'distinct-temporary', query: 'SELECT DISTINCT status FROM orders' },
  { file: 'const', query: 'SELECT * FROM orders WHERE id = 5' },
  { file: 'const-analyze', analyze: true, query: 'SELECT * FROM orders WHERE id = 5' },
  { file: 'full-index-scan', query: 'SELECT customer_id FROM orders ORDER BY customer_id' },
  { file: 'derived', query: 'SELECT * FROM (SELECT customer_id, SUM(total) AS s FROM orders GROUP BY customer_id) t WHERE s > 100' },
  { file: 'union', query: "SELECT id FROM orders WHERE status = 'new' UNION SELECT id FROM customers WHERE country = 'DE'" },
  { file: 'semijoin-materialized-analyze', analyze: true, query: 'SELECT * FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE total > 990) ORDER BY c.email LIMIT 5' },
  {
    file: 'semijoin-duplicates-removal',
    settings: "SET SESSION optimizer_switch = 'materialization=off,firstmatch=off,loosescan=off'",
    query: 'SELECT * FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE total > 990)',
  },
  { file: 'subquery-expression-cache', query: 'SELECT c.id, (SELECT MAX(total) FROM orders o WHERE o.customer_id = c.id) AS most FROM customers c' },
  { file: 'index-merge', query: "SELECT * FROM orders WHERE customer_id = 3 OR placed_at < '2024-01-01 01:00'" },
  { file: 'window', query: 'SELECT id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY total) AS n FROM orders' },
  { file: 'block-nl-join-analyze', analyze: true, query: 'SELECT o.status, c.country FROM orders o JOIN customers c ON c.country = o.status WHERE o.total > 10' },
  { file: 'misestimate-analyze', analyze: true, query: "SELECT c.id, s.id FROM customers c JOIN skew s ON s.customer_id = c.id WHERE c.email LIKE 'c1@%'" },
  { file: 'update', query: "UPDATE orders SET total = total + 1 WHERE status = 'new'" },
  { file: 'delete', query: 'DELETE FROM orders WHERE customer_id = 3' },
  { file: 'no-tables', query: 'SELECT 1' },
  { file: 'impossible-where', query: 'SELECT * FROM orders WHERE id = -1' },
];

function firstValue(rows: unknown): unknown {
  if (!Array.isArray(rows)) return undefined;
  const row: unknown = rows[0];
  return typeof row === 'object' && row !== null ? Object.values(row)[0] : undefined;
}

async function main(): Promise<void> {
  const url = new URL(process.argv[2] ?? 'mysql://root@127.0.0.1:3306/test');
  const connection = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  try {
    for (const statement of setup) await connection.query(statement);
    const [version] = await connection.query('SELECT VERSION()');
    const prefix = `mariadb${String(firstValue(version)).replace(/^(\d+)\.(\d+).*$/, '$1$2')}`;
    for (const capture of captures) {
      if (capture.settings) await connection.query(capture.settings);
      await connection.query('START TRANSACTION');
      const [rows] = await connection.query(`${capture.analyze ? 'ANALYZE' : 'EXPLAIN'} FORMAT=JSON ${capture.query}`);
      await connection.query('ROLLBACK');
      if (capture.settings) await connection.query('SET SESSION optimizer_switch = DEFAULT');
      const text = firstValue(rows);
      if (typeof text !== 'string') throw new Error(`${capture.file}: no JSON in the answer`);
      writeFileSync(join(folder, `${prefix}-${capture.file}.json`), `${text}\n`);
      console.log(`${prefix}-${capture.file}.json`);
    }
  } finally {
    await connection.query(`DROP DATABASE IF EXISTS ${database}`);
    await connection.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
