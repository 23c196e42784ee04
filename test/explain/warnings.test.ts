// Plan warnings on real plans that show each sign (captured from PostgreSQL 15 and PGlite with
// settings that provoke it), plus small hand-written plans for the thresholds' edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionColumns, parsePostgresPlan, planWarnings, type Plan, type PlanWarning } from '../../server/src/engine';
import { fixturePlan } from './fixtures';

const brief = (warnings: readonly PlanWarning[]): string[] =>
  warnings.map((warning) => `${warning.kind} ${warning.severity} [${warning.path.join(',')}] ${warning.message}`);

/** A hand-written plan: nodes in PostgreSQL's JSON field names; `analyzed` adds an execution time. */
function handPlan(root: Record<string, unknown>, analyzed = true): Plan {
  return parsePostgresPlan([{ Plan: root, ...(analyzed ? { 'Execution Time': 1 } : {}) }], '');
}

const scan = (fields: Record<string, unknown>): Record<string, unknown> => ({
  'Node Type': 'Seq Scan',
  'Relation Name': 't',
  Alias: 't',
  'Startup Cost': 0,
  'Total Cost': 100,
  'Plan Width': 8,
  ...fields,
});

describe('planWarnings on captured plans', () => {
  it('flags a sequential scan whose filter keeps few rows of a big table, naming the column', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-seq-scan-filter'))), ['seq-scan-with-filter medium [] no index on customer_id']);
    // Measured: 199,990 of 200,000 rows removed.
    const analyzed = planWarnings(fixturePlan('pg15-seq-scan-filter-analyze'));
    assert.deepEqual(brief(analyzed), ['seq-scan-with-filter high [] no index on customer_id']);
    assert.equal(
      analyzed[0]?.detail,
      'Seq Scan on orders reads 200k rows to keep 10 (Filter: (customer_id = 42)); an index on orders (customer_id) would read only the matching rows',
    );
    assert.deepEqual(brief(planWarnings(fixturePlan('pglite-seq-scan-filter'))), ['seq-scan-with-filter medium [] no index on owner_id']);
  });

  it('estimates the rows a plain EXPLAIN scan reads from its cost', () => {
    const [warning] = planWarnings(fixturePlan('pg15-seq-scan-filter'));
    // The table holds 200,000 rows; the cost model gives about 212k.
    assert.match(warning?.detail ?? '', /reads ~212k rows to keep ~10/);
  });

  it('names no column when the filter compares none directly (a LIKE with a leading wildcard)', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-no-match-analyze'))), ['seq-scan-with-filter high [] sequential scan keeps 0 of 200k rows']);
  });

  it('leaves a scan whose filter keeps many rows to rows-removed-by-filter', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-parallel-seq-scan-analyze'))), ['rows-removed-by-filter medium [0] filter removes 84% of rows read']);
  });

  it('flags a misestimate of 10× or more, with its direction', () => {
    const warnings = planWarnings(fixturePlan('pg15-misestimate-analyze'));
    assert.deepEqual(brief(warnings), ['misestimate low [0] row estimate 29× too low', 'rows-removed-by-filter medium [0] filter removes 85% of rows read']);
    assert.match(warnings[0]?.detail ?? '', /estimated 1k rows per loop, 28\.6k came back \(29× under-estimate\)/);
  });

  it('flags a sort that spills to disk', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-sort-disk-analyze'))), ['sort-on-disk medium [0] sort spills 8.4 MB to disk']);
  });

  it('flags a hash split into batches', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-hash-batches-analyze'))), ['hash-spill medium [1] hash spills to disk in 16 batches']);
  });

  it('flags a nested loop whose inner side runs 1,000 times or more (estimated without ANALYZE)', () => {
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-nested-loop-analyze'))), [
      'nested-loop-many-loops medium [] inner side runs 4k times',
      'rows-removed-by-filter medium [0] filter removes 80% of rows read',
    ]);
    assert.deepEqual(brief(planWarnings(fixturePlan('pg15-nested-loop'))), ['nested-loop-many-loops low [] inner side runs ~4k times']);
  });

  it('flags heavy rows removed by an index scan filter', () => {
    const warnings = planWarnings(fixturePlan('pg15-index-filter-analyze'));
    assert.deepEqual(brief(warnings), ['rows-removed-by-filter high [] filter removes 99% of rows read']);
  });

  it('stays quiet on healthy plans', () => {
    for (const name of ['pg15-index-scan', 'pg15-group-limit-analyze', 'pg15-update-analyze', 'pglite-join-analyze']) {
      assert.deepEqual(planWarnings(fixturePlan(name)), [], name);
    }
  });

  it('takes the big-table threshold from the options', () => {
    assert.deepEqual(planWarnings(fixturePlan('pg15-seq-scan-filter'), { largeTableRows: 1_000_000 }), []);
    assert.deepEqual(brief(planWarnings(fixturePlan('pglite-seq-scan-filter'), { largeTableRows: 100 })), ['seq-scan-with-filter high [] no index on owner_id']);
  });
});

describe('planWarnings thresholds', () => {
  it('reports a misestimate once, at the node that made it, not at the nodes that inherit it', () => {
    const plan = handPlan({
      'Node Type': 'Hash',
      'Plan Rows': 100,
      'Actual Rows': 20000,
      'Actual Loops': 1,
      Plans: [scan({ 'Plan Rows': 100, 'Actual Rows': 20000, 'Actual Loops': 1, 'Parent Relationship': 'Outer' })],
    });
    assert.deepEqual(brief(planWarnings(plan)), ['misestimate medium [0] row estimate 200× too low']);
  });

  it('ignores small misestimates, over-estimates under a Limit and nodes that never ran', () => {
    const small = handPlan(scan({ 'Plan Rows': 2, 'Actual Rows': 60, 'Actual Loops': 1 }));
    assert.deepEqual(planWarnings(small), []);
    const limited = handPlan({
      'Node Type': 'Limit',
      'Plan Rows': 10,
      'Actual Rows': 10,
      'Actual Loops': 1,
      Plans: [scan({ 'Plan Rows': 50000, 'Actual Rows': 10, 'Actual Loops': 1, 'Parent Relationship': 'Outer' })],
    });
    assert.deepEqual(planWarnings(limited), []);
    const over = handPlan(scan({ 'Plan Rows': 50000, 'Actual Rows': 10, 'Actual Loops': 1 }));
    assert.deepEqual(brief(planWarnings(over)), ['misestimate high [] row estimate 5k× too high']);
    const never = handPlan(scan({ 'Plan Rows': 50000, 'Actual Rows': 0, 'Actual Loops': 0, Filter: '(a = 1)' }));
    assert.deepEqual(planWarnings(never), []);
  });

  it('grades rows removed by filter at 50 % and 90 %, from 1,000 rows', () => {
    const removing = (kept: number, removed: number): string[] =>
      brief(planWarnings(handPlan(scan({ 'Plan Rows': kept, 'Actual Rows': kept, 'Actual Loops': 1, Filter: '(a > 1)', 'Rows Removed by Filter': removed }))));
    assert.deepEqual(removing(4000, 6000), ['rows-removed-by-filter medium [] filter removes 60% of rows read']);
    assert.deepEqual(removing(500, 9000), ['rows-removed-by-filter high [] filter removes 94% of rows read']);
    assert.deepEqual(removing(6000, 4000), []);
    assert.deepEqual(removing(10, 900), [], 'under 1,000 rows removed');
  });

  it('counts a join filter', () => {
    const plan = handPlan({
      'Node Type': 'Nested Loop',
      'Join Type': 'Inner',
      'Plan Rows': 10,
      'Actual Rows': 10,
      'Actual Loops': 1,
      'Join Filter': '(a.x < b.y)',
      'Rows Removed by Join Filter': 5000,
      Plans: [scan({ 'Plan Rows': 10, 'Actual Rows': 10, 'Actual Loops': 1 }), scan({ 'Plan Rows': 501, 'Actual Rows': 501, 'Actual Loops': 10 })],
    });
    assert.deepEqual(brief(planWarnings(plan)), ['rows-removed-by-filter high [] join filter removes 99% of rows read']);
  });

  it('grades a sort spill by its size and a hash aggregate by its batches', () => {
    const sort = handPlan({ 'Node Type': 'Sort', 'Plan Rows': 1, 'Actual Rows': 1, 'Actual Loops': 1, 'Sort Method': 'external merge', 'Sort Space Used': 204800, 'Sort Space Type': 'Disk' });
    assert.deepEqual(brief(planWarnings(sort)), ['sort-on-disk high [] sort spills 200 MB to disk']);
    const aggregate = handPlan({ 'Node Type': 'Aggregate', Strategy: 'Hashed', 'Plan Rows': 1, 'Actual Rows': 1, 'Actual Loops': 1, 'HashAgg Batches': 5 });
    assert.deepEqual(brief(planWarnings(aggregate)), ['hash-spill medium [] hash spills to disk in 5 batches']);
  });
});

describe('conditionColumns', () => {
  it('names the columns a filter compares directly, as EXPLAIN prints them', () => {
    const cases: [string, string[]][] = [
      ['(customer_id = 42)', ['customer_id']],
      ["((status)::text = 'paid'::text)", ['status']],
      ["((created_at > '2024-01-10 00:00:00+00'::timestamp with time zone) AND (status = 'refunded'::text))", ['created_at', 'status']],
      ["(o.customer_id = 42)", ['customer_id']],
      ['(42 = customer_id)', ['customer_id']],
      ["(note ~~ 'ab%'::text)", ['note']],
      ["(note ~~ '%ab'::text)", []],
      ["(lower(email) = 'a@b.c'::text)", []],
      ["((id % '7'::bigint) = 0)", []],
      ['(deleted_at IS NULL)', ['deleted_at']],
      ['(deleted_at IS NOT NULL)', []],
      ["(status <> 'x'::text)", []],
      ['(customer_id = ANY (\'{1,2}\'::bigint[]))', ['customer_id']],
      ['("Weird Name" = $1)', ['Weird Name']],
      ['(x = (InitPlan 1).col1)', ['x']],
      ["((kind = 'a'::text) OR (kind = 'b'::text))", ['kind']],
    ];
    for (const [filter, columns] of cases) assert.deepEqual(conditionColumns(filter), columns, filter);
  });

  it('leaves out columns qualified by another table', () => {
    assert.deepEqual(conditionColumns('((o.customer_id = 42) AND (c.id = 1))', new Set(['o', 'orders'])), ['customer_id']);
  });
});
