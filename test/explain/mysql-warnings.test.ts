// Warnings and the inline summary for MySQL and MariaDB plans: full table scans (type=ALL),
// "Using filesort", "Using temporary", rows examined ≫ rows produced, and ANALYZE's misestimate
// (rows against r_rows), on the fixtures and on small hand-written plans for the edges; and the
// column names read out of MySQL's and MariaDB's condition text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionColumns, parseMysqlPlan, planSummary, planWarnings, type Plan, type PlanWarning } from '../../server/src/engine';
import { mysqlFixturePlan } from './fixtures';

const brief = (warnings: readonly PlanWarning[]): string[] =>
  warnings.map((warning) => `${warning.kind} ${warning.severity} [${warning.path.join(',')}] ${warning.message}`);

const warningsOf = (name: string, largeTableRows?: number): string[] => brief(planWarnings(mysqlFixturePlan(name), largeTableRows === undefined ? {} : { largeTableRows }));

function summaryOf(name: string): string {
  const plan = mysqlFixturePlan(name);
  return planSummary(plan, planWarnings(plan));
}

/** A MariaDB ANALYZE plan of one table access. */
function analyzedAccess(table: Record<string, unknown>): Plan {
  return parseMysqlPlan({ query_block: { select_id: 1, r_loops: 1, r_total_time_ms: 2, table: { table_name: 't', r_loops: 1, r_table_time_ms: 1, r_other_time_ms: 1, ...table } } }, '', 'mariadb');
}

describe('planWarnings on MySQL and MariaDB plans', () => {
  it('warns about a full scan with an attached condition and the filesort after it, on a table of a few thousand rows', () => {
    assert.deepEqual(warningsOf('mariadb1011-full-scan-filesort'), ['filesort low [] filesort of ~5.1k rows', 'full-table-scan low [0] no index on status']);
    const [, scan] = planWarnings(mysqlFixturePlan('mariadb1011-full-scan-filesort-analyze'));
    assert.equal(
      scan?.detail,
      "Full Table Scan on orders (type ALL) reads 5k rows to keep 1.3k (attached condition: orders.`status` = 'paid'); an index on orders (status) would read only the matching rows",
    );
  });

  it('grades a full scan by the table’s size and what the condition keeps', () => {
    // 199k rows, ~10% kept (an estimate): medium; the same sort sorts ~19.9k rows: medium.
    assert.deepEqual(warningsOf('mysql8-doc-full-scan-filesort'), ['filesort medium [] filesort of ~19.9k rows', 'full-table-scan medium [0] no index on status']);
    // 5k rows is a large table when the threshold is 1,000; a measured 25% kept is not selective.
    assert.deepEqual(warningsOf('mariadb1011-full-scan-filesort-analyze', 1000), ['filesort medium [] filesort of 1.3k rows', 'full-table-scan medium [0] no index on status']);
    // Measured: 45 of 5,000 rows kept (selective) on a large table: high.
    assert.deepEqual(warningsOf('mariadb1011-semijoin-materialized-analyze', 1000), ['full-table-scan high [1,0] no index on total']);
    // A large scan with no condition reads what it returns: named, not blamed on a column.
    assert.deepEqual(warningsOf('mysql8-doc-distinct'), ['temporary-table medium [] temporary table for ~199k rows', 'full-table-scan medium [0] full table scan reads all ~199k rows of orders']);
  });

  it('leaves alone a small table read whole, a full index scan without a condition and a derived table', () => {
    assert.deepEqual(warningsOf('mariadb1011-full-index-scan'), []);
    assert.deepEqual(warningsOf('mysql8-doc-full-index-scan'), []);
    assert.deepEqual(warningsOf('mariadb1011-derived'), []);
    assert.deepEqual(warningsOf('mysql8-doc-range-index-order'), []);
    assert.deepEqual(warningsOf('mysql8-doc-const-ref'), []);
  });

  it('warns about "Using temporary" for GROUP BY, DISTINCT, UNION and windows, with what avoids it', () => {
    assert.deepEqual(warningsOf('mariadb1011-group-temporary'), ['filesort low [] filesort of ~5.1k rows', 'temporary-table low [0] temporary table for ~5.1k rows']);
    assert.deepEqual(warningsOf('mysql8-doc-group-temporary-filesort'), [
      'filesort medium [] filesort of ~66.5k rows',
      'temporary-table medium [0] temporary table for ~66.5k rows',
      'full-table-scan medium [0,0] no index on placed_at',
    ]);
    const union = planWarnings(mysqlFixturePlan('mysql8-doc-union'));
    assert.deepEqual(brief(union), ['temporary-table medium [] temporary table for ~21.9k rows', 'full-table-scan medium [0] no index on status', 'full-table-scan medium [1] no index on country']);
    assert.match(union[0]?.detail ?? '', /UNION ALL/);
    assert.deepEqual(warningsOf('mariadb1011-window'), ['filesort low [] filesort of ~5.1k rows', 'temporary-table low [0] temporary table for ~5.1k rows']);
  });

  it('reports ANALYZE’s misestimate of rows read against r_rows, once, and never an over-estimate (MySQL plans show no LIMIT)', () => {
    const warnings = planWarnings(mysqlFixturePlan('mariadb1011-misestimate-analyze'));
    assert.deepEqual(brief(warnings), ['misestimate high [1] row estimate 2k× too low']);
    assert.match(warnings[0]?.detail ?? '', /estimated 2 rows read per scan \(rows\), 4k were read \(r_rows\).*ANALYZE TABLE \(… PERSISTENT FOR ALL/);
    // customers: 500 estimated, 439 read under ORDER BY … LIMIT 5; not a warning.
    assert.ok(!brief(planWarnings(mysqlFixturePlan('mariadb1011-semijoin-materialized-analyze'))).some((line) => line.startsWith('misestimate')));
    const over = analyzedAccess({ access_type: 'index', key: 'PRIMARY', rows: 50000, r_rows: 10, filtered: 100, r_filtered: 100 });
    assert.deepEqual(brief(planWarnings(over)), []);
  });

  it('warns when an access reads far more rows than its condition keeps: measured, or one severity lower from filtered', () => {
    const measured = analyzedAccess({ access_type: 'ref', key: 'orders_customer_id', rows: 4000, r_rows: 4000, filtered: 100, r_filtered: 1, attached_condition: "t.note = 'x'" });
    assert.deepEqual(brief(planWarnings(measured)), ['rows-removed-by-filter high [] attached condition discards 99% of rows read']);
    assert.match(planWarnings(measured)[0]?.detail ?? '', /reads 4k rows and its attached condition keeps 40 .*an index that also covers note/);
    const estimated = parseMysqlPlan(
      { query_block: { select_id: 1, table: { table_name: 't', access_type: 'range', key: 'k', rows_examined_per_scan: 4000, filtered: '5.00', attached_condition: '(`d`.`t`.`kind` = 3)' } } },
      '',
      'mysql',
    );
    assert.deepEqual(brief(planWarnings(estimated)), ['rows-removed-by-filter medium [] attached condition discards ~95% of rows read']);
    // Below 1,000 rows read, or keeping half, it is not worth a warning.
    assert.deepEqual(brief(planWarnings(analyzedAccess({ access_type: 'ref', key: 'k', rows: 900, r_rows: 900, r_filtered: 1, attached_condition: 't.a = 1' }))), []);
    assert.deepEqual(brief(planWarnings(analyzedAccess({ access_type: 'ref', key: 'k', rows: 9000, r_rows: 9000, r_filtered: 60, attached_condition: 't.a = 1' }))), []);
  });

  it('counts a full scan inside a plain nested loop once per outer row', () => {
    const plan = parseMysqlPlan(
      {
        query_block: {
          select_id: 1,
          nested_loop: [
            { table: { table_name: 'a', access_type: 'ALL', rows: 200, filtered: 100 } },
            { table: { table_name: 'b', access_type: 'ALL', rows: 8000, filtered: 1, attached_condition: 'b.a_id = a.id' } },
          ],
        },
      },
      '',
      'mariadb',
    );
    const [warning] = planWarnings(plan);
    assert.equal(brief([warning].filter((entry): entry is PlanWarning => entry !== undefined))[0], 'full-table-scan low [1] no index on a_id');
    assert.match(warning?.detail ?? '', /reads ~8k rows, ~200 times/);
    // 1.6M rows read in all: high, once the table counts as large.
    assert.deepEqual(brief(planWarnings(plan, { largeTableRows: 5000 })), ['full-table-scan high [1] no index on a_id']);
  });
});

describe('planSummary on MySQL and MariaDB plans', () => {
  it('names the access reading most, its rows, the cost when the server gives one, and the worst warning', () => {
    // The scan's own cost (22.3k) outweighs the sort's (19.9k).
    assert.equal(summaryOf('mysql8-doc-full-scan-filesort'), 'Full Table Scan on orders · 19.9k rows · cost 42.3k · filesort of ~19.9k rows (+1 more)');
    assert.equal(summaryOf('mysql8-doc-derived'), 'Sort · 180 rows · cost 247 · filesort of ~180 rows (+3 more)');
    assert.equal(summaryOf('mysql8-doc-join-full-scan-eq-ref'), 'Full Table Scan on city · 404 rows · cost 551 · no index on Name');
    // MariaDB 10.11 has no costs: the table read most wins, and no "cost 0" is shown.
    assert.equal(summaryOf('mariadb1011-join-full-scan-ref'), 'Index Lookup using orders_customer_id on o · 2.5k rows · no index on country');
    assert.equal(summaryOf('mariadb1011-full-scan-filesort-analyze'), 'Full Table Scan on orders · 1.3k rows (est 5.1k) · 1.71 ms · filesort of 1.3k rows (+1 more)');
    assert.equal(summaryOf('mariadb1011-misestimate-analyze'), 'Index Lookup using skew_customer on s · 4k rows (est 2) · 1.14 ms · row estimate 2k× too low');
    assert.equal(summaryOf('mariadb1011-no-tables'), 'Result · 1 row');
  });
});

describe('conditionColumns on MySQL and MariaDB conditions', () => {
  it('reads backticks, three-part names, between, like, in, <=> and leaves markers, subqueries and comments out', () => {
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ["orders.`status` = 'paid'", ['status']],
      ["((`shop`.`o`.`status` = 'paid') and (`shop`.`o`.`customer_id` = 42))", ['status', 'customer_id']],
      ['orders.customer_id between 1 and 300 and orders.placed_at > \'2024-01-02\'', ['customer_id', 'placed_at']],
      ["c.email like 'c1%'", ['email']],
      ["c.email like '%c1'", []],
      ['`t`.`kind` in (1,2,3)', ['kind']],
      ['(`t`.`deleted_at` <=> NULL)', ['deleted_at']],
      ["orders.`status` = 'it\\'s' and orders.total > 5", ['status', 'total']],
      ['<in_optimizer>(`t`.`a`,<exists>(select 1))', []],
      ['(`c`.`limit` < (/* select#2 */ select sum(`o`.`total`) from `orders` `o` where (`o`.`customer_id` = `c`.`id`)))', ['limit']],
    ];
    for (const [condition, columns] of cases) assert.deepEqual(conditionColumns(condition, undefined, 'mysql'), columns, condition);
    assert.deepEqual(conditionColumns('(`shop`.`o`.`a` = 1) and (`shop`.`c`.`b` = 2)', new Set(['o']), 'mariadb'), ['a']);
  });
});
