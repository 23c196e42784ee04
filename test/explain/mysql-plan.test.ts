// Reading MySQL's and MariaDB's EXPLAIN FORMAT=JSON (and MariaDB's ANALYZE FORMAT=JSON) into the
// plan model: the tree every fixture becomes, the numbers (MySQL's string costs, rows × filtered,
// per-loop costs of a nested loop's inner side, ANALYZE's r_* actuals), and documents that are not
// plans. MariaDB fixtures are captured from MariaDB 10.11; MySQL 8 ones follow the manual.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeLabel, parseMysqlJson, readMysqlPlan, withTableNames, type PlanNode } from '../../server/src/engine';
import { mysqlFixturePlan } from './fixtures';

/** The tree as the plan view lists it: relation to the parent, label, the sort/temporary flags. */
function outline(node: PlanNode, depth = 0): string[] {
  const flags = `${node.filesort ? ' [filesort]' : ''}${node.temporaryTable ? ' [temporary]' : ''}`;
  const line = `${'  '.repeat(depth)}${node.parentRelationship ? `${node.parentRelationship}: ` : ''}${nodeLabel(node)}${flags}`;
  return [line, ...node.children.flatMap((child) => outline(child, depth + 1))];
}

function nodeAt(node: PlanNode, path: readonly number[]): PlanNode {
  let current = node;
  for (const index of path) {
    const child = current.children[index];
    assert.ok(child, `no child ${index} of ${current.nodeType}`);
    current = child;
  }
  return current;
}

const trees: readonly (readonly [string, readonly string[]])[] = [
  ['mariadb1011-block-nl-join-analyze', ['Block Nested Loop', '  Outer: Full Table Scan on c', '  Inner: Full Table Scan on o']],
  ['mariadb1011-const', ['Constant Lookup using PRIMARY on orders']],
  ['mariadb1011-delete', ['Delete on orders', '  Index Range Scan using orders_customer_id on orders']],
  ['mariadb1011-derived', ['Full Table Scan on <derived2>', '  Materialized: Full Index Scan using orders_customer_id on orders']],
  ['mariadb1011-distinct-temporary', ['Temporary Table [temporary]', '  Full Table Scan on orders']],
  ['mariadb1011-full-index-scan', ['Full Index Scan using orders_customer_id on orders']],
  ['mariadb1011-full-scan-filesort', ['Sort [filesort]', '  Full Table Scan on orders']],
  ['mariadb1011-group-temporary', ['Sort [filesort]', '  Temporary Table [temporary]', '    Full Table Scan on orders']],
  ['mariadb1011-impossible-where', ['Result']],
  ['mariadb1011-index-merge', ['Index Merge on orders']],
  ['mariadb1011-join-full-scan-ref', ['Nested Loop', '  Outer: Full Table Scan on c', '  Inner: Index Lookup using orders_customer_id on o']],
  ['mariadb1011-join-range-eq-ref', ['Nested Loop', '  Outer: Index Range Scan using orders_placed_at on o', '  Inner: Unique Index Lookup using PRIMARY on c']],
  ['mariadb1011-no-tables', ['Result']],
  [
    'mariadb1011-semijoin-duplicates-removal',
    ['Nested Loop', '  Outer: Full Table Scan on c', '  Inner: Remove Duplicates [temporary]', '    Index Lookup using orders_customer_id on orders'],
  ],
  [
    'mariadb1011-semijoin-materialized-analyze',
    ['Nested Loop', '  Outer: Full Index Scan using customers_email on c', '  Inner: Unique Index Lookup using distinct_key on <subquery2>', '    Materialized: Full Table Scan on orders'],
  ],
  ['mariadb1011-subquery-expression-cache', ['Full Index Scan using customers_email on c', '  SubPlan: Index Lookup using orders_customer_id on o']],
  ['mariadb1011-union', ['Union', '  Member: Full Table Scan on orders', '  Member: Full Table Scan on customers']],
  ['mariadb1011-update', ['Update on orders', '  Full Index Scan using PRIMARY on orders']],
  ['mariadb1011-window', ['Window [filesort]', '  Temporary Table [temporary]', '    Full Table Scan on orders']],
  ['mysql8-doc-const-ref', ['Nested Loop', '  Outer: Constant Lookup using PRIMARY on c', '  Inner: Index Lookup using orders_customer_id on o']],
  ['mysql8-doc-dependent-subquery', ['Full Table Scan on c', '  SubPlan: Index Lookup using orders_customer_id on o']],
  [
    'mysql8-doc-derived',
    [
      'Sort [filesort] [temporary]',
      '  Nested Loop',
      '    Outer: Full Table Scan on co',
      '      Materialized: Sort [filesort]',
      '        Full Table Scan on country',
      '    Inner: Index Lookup using CountryCode on ci',
    ],
  ],
  ['mysql8-doc-distinct', ['Remove Duplicates [temporary]', '  Full Table Scan on orders']],
  ['mysql8-doc-full-index-scan', ['Full Index Scan using orders_customer_id on orders']],
  ['mysql8-doc-full-scan-filesort', ['Sort [filesort]', '  Full Table Scan on orders']],
  ['mysql8-doc-group-temporary-filesort', ['Sort [filesort]', '  Aggregate [temporary]', '    Full Table Scan on orders']],
  ['mysql8-doc-hash-join', ['Hash Join', '  Outer: Full Table Scan on t2', '  Inner: Full Table Scan on t1']],
  ['mysql8-doc-join-full-scan-eq-ref', ['Nested Loop', '  Outer: Full Table Scan on city', '  Inner: Unique Index Lookup using PRIMARY on country']],
  ['mysql8-doc-no-tables', ['Result']],
  // An ordering_operation that neither sorts nor buffers (rows come in index order) is no node.
  ['mysql8-doc-range-index-order', ['Index Range Scan using orders_placed_at on orders']],
  ['mysql8-doc-union', ['Union [temporary]', '  Member: Full Table Scan on orders', '  Member: Full Table Scan on customers']],
  ['mysql8-doc-update', ['Update on orders', '  Index Range Scan using orders_customer_id on orders']],
  ['mysql8-doc-window', ['Window [filesort]', '  Full Table Scan on orders']],
];

describe('readMysqlPlan: the tree of each fixture', () => {
  for (const [name, expected] of trees) {
    it(name, () => {
      const plan = mysqlFixturePlan(name);
      assert.deepEqual(outline(plan.root), expected);
      assert.equal(plan.dialect, name.startsWith('mariadb') ? 'mariadb' : 'mysql');
    });
  }
});

describe('readMysqlPlan: numbers', () => {
  it('names every access type readably and keeps the server’s word in accessType', () => {
    const accesses = trees.flatMap(([name]) => {
      const collect = (node: PlanNode): string[] => [...(node.accessType ? [`${node.accessType} → ${node.nodeType}`] : []), ...node.children.flatMap(collect)];
      return collect(mysqlFixturePlan(name).root);
    });
    assert.deepEqual([...new Set(accesses)].sort(), [
      'ALL → Full Table Scan',
      'const → Constant Lookup',
      'eq_ref → Unique Index Lookup',
      'index → Full Index Scan',
      'index_merge → Index Merge',
      'range → Index Range Scan',
      'ref → Index Lookup',
    ]);
  });

  it('reads MySQL’s string numbers: rows × filtered, the query cost at the root, the table’s read + eval cost', () => {
    const plan = mysqlFixturePlan('mysql8-doc-full-scan-filesort');
    assert.equal(plan.root.totalCost, 42279.7);
    assert.equal(plan.withoutCosts, undefined);
    const scan = nodeAt(plan.root, [0]);
    assert.equal(scan.rowsExamined, 199482);
    assert.ok(Math.abs(scan.planRows - 19948.2) < 1e-6, String(scan.planRows));
    assert.ok(Math.abs(scan.totalCost - 22331.5) < 1e-6, String(scan.totalCost));
    assert.equal(scan.filter, '(`shop`.`orders`.`status` = \'paid\')');
    assert.equal(scan.details['cost_info.data_read_per_join'], '13M');
    assert.equal(scan.details['filtered'], '10.00');
  });

  it('costs a nested loop’s inner side per loop, so the join adds up to the prefix cost', () => {
    const plan = mysqlFixturePlan('mysql8-doc-join-full-scan-eq-ref');
    const [outer, inner] = plan.root.children;
    assert.ok(outer && inner);
    assert.ok(Math.abs(outer.planRows - 403.5) < 1e-6);
    // country: read 100.87 + eval 40.35 over ~403.5 lookups.
    assert.ok(Math.abs(inner.totalCost - 141.22 / 403.5) < 1e-9, String(inner.totalCost));
    assert.ok(Math.abs(plan.root.totalCost - 550.97) < 1e-9);
    assert.deepEqual([inner.index, inner.details['ref'], inner.details['used_key_parts']], ['PRIMARY', 'world.city.CountryCode', 'Code']);
    // A hash join reads its inner table once.
    const hash = mysqlFixturePlan('mysql8-doc-hash-join');
    assert.ok(Math.abs((hash.root.children[1]?.totalCost ?? 0) - 402005.31) < 1e-6);
  });

  it('knows MariaDB before 11.0 reports no costs, and keeps index conditions, join buffers and details', () => {
    const plan = mysqlFixturePlan('mariadb1011-join-range-eq-ref');
    assert.equal(plan.withoutCosts, true);
    assert.equal(plan.analyzed, false);
    assert.equal(plan.root.children[0]?.indexCondition, "o.placed_at > '2024-01-03'");
    assert.equal(plan.root.children[0]?.details['possible_keys'], 'orders_customer_id, orders_placed_at');
    const buffered = mysqlFixturePlan('mariadb1011-block-nl-join-analyze').root;
    assert.equal(buffered.joinCondition, 'c.country = o.`status`');
    assert.deepEqual([buffered.details['join_type'], buffered.details['buffer_size']], ['BNL', '4KiB']);
    assert.equal(mysqlFixturePlan('mariadb1011-full-scan-filesort').root.sortKey?.join(), 'orders.total desc');
    assert.equal(mysqlFixturePlan('mariadb1011-impossible-where').root.details['message'], 'Impossible WHERE noticed after reading const tables');
  });

  it('reads ANALYZE FORMAT=JSON: r_rows read and r_filtered kept per loop, r_loops, times, rows the condition removed', () => {
    const plan = mysqlFixturePlan('mariadb1011-full-scan-filesort-analyze');
    assert.equal(plan.analyzed, true);
    assert.ok(plan.executionTimeMs !== undefined && plan.executionTimeMs > 0);
    assert.ok(plan.planningTimeMs !== undefined && plan.planningTimeMs > 0);
    const scan = nodeAt(plan.root, [0]);
    assert.deepEqual([scan.rowsExamined, scan.actual?.rowsExamined, scan.actual?.rows, scan.actual?.loops, scan.rowsRemovedByFilter], [5092, 5000, 1250, 1, 3750]);
    assert.ok((scan.actual?.totalTimeMs ?? 0) > 0);
    assert.deepEqual([plan.root.actual?.rows, plan.root.actual?.loops], [1250, 1]);
    // The materialised subquery's lookup ran 439 times and found a row 0.0114 times per loop.
    const lookup = nodeAt(mysqlFixturePlan('mariadb1011-semijoin-materialized-analyze').root, [1]);
    assert.deepEqual([lookup.actual?.loops, lookup.actual?.rows], [439, 0.011389522]);
    // A const table is read while planning: zero loops, no rows.
    assert.deepEqual(mysqlFixturePlan('mariadb1011-const-analyze').root.actual, { startupTimeMs: 0, totalTimeMs: 0, rows: 0, loops: 0, rowsExamined: 0 });
  });

  it('gives each access the table behind its alias, from the query’s own tables', () => {
    const plan = withTableNames(mysqlFixturePlan('mariadb1011-join-full-scan-ref'), [
      { name: 'customers', alias: 'c' },
      { name: 'orders', alias: 'O' },
    ]);
    assert.deepEqual(outline(plan.root), ['Nested Loop', '  Outer: Full Table Scan on customers c', '  Inner: Index Lookup using orders_customer_id on orders o']);
  });
});

describe('readMysqlPlan: what is not a plan', () => {
  const message = (json: unknown): string => {
    const read = readMysqlPlan(json, '', 'mysql');
    assert.equal(read.ok, false);
    return read.ok ? '' : read.message;
  };

  it('says what is wrong instead of throwing', () => {
    assert.match(message('{not json'), /not JSON/);
    assert.match(message({ plan: {} }), /no "query_block"/);
    assert.match(message({ query: '/* select#1 */ select 1', inputs: [], operation: 'Table scan on t' }), /explain_json_format_version = 2/);
    assert.match(message({ query_block: { select_id: 1, table: { table_name: 't', access_type: 'ALL', rows_examined_per_scan: 'many' } } }), /"rows_examined_per_scan" of query_block\.table is not a number/);
    assert.match(message({ query_block: { select_id: 1 } }), /holds no operation/);
    assert.match(message({ query_block: { nested_loop: [] } }), /empty list/);
  });

  it('reads MariaDB’s condition strings with SQL escapes, which are not JSON', () => {
    // What MariaDB 10.11 answers for WHERE state = 'x'' OR 1=1 -- ' (captured by the live test): `\'` is no JSON escape.
    const text = '{"query_block": {"select_id": 1, "table": {"table_name": "orders", "access_type": "ALL", "rows": 5000, "attached_condition": "orders.state = \'x\\\' OR 1=1 -- \'"}}}';
    assert.throws(() => JSON.parse(text));
    assert.deepEqual(parseMysqlJson(text), { query_block: { select_id: 1, table: { table_name: 'orders', access_type: 'ALL', rows: 5000, attached_condition: "orders.state = 'x\\' OR 1=1 -- '" } } });
    const read = readMysqlPlan(text, text, 'mariadb');
    assert.ok(read.ok);
    assert.equal(read.plan.root.filter, "orders.state = 'x\\' OR 1=1 -- '");
    assert.equal(parseMysqlJson('{"a": "tab\there", "b": "\\u00e9"}') !== undefined, true);
    assert.equal(parseMysqlJson('{not json'), undefined);
  });

  it('reads an operation it does not know as a node named after its key', () => {
    const read = readMysqlPlan({ query_block: { select_id: 1, future_operation: { flag: true, table: { table_name: 't', access_type: 'ALL', rows_examined_per_scan: 10, filtered: '100.00' } } } }, '', 'mysql');
    assert.ok(read.ok);
    assert.deepEqual(outline(read.plan.root), ['Future Operation', '  Full Table Scan on t']);
    assert.equal(read.plan.root.details['flag'], true);
  });

  it('refuses a document nested deeper than any plan', () => {
    let block: Record<string, unknown> = { table: { table_name: 't', access_type: 'ALL', rows: 1 } };
    for (let depth = 0; depth < 1100; depth++) block = { ordering_operation: { using_filesort: true, ...block } };
    assert.match(message({ query_block: block }), /nests more than 1000 levels/);
  });
});
