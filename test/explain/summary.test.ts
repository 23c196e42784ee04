// The one-line inline summary of captured plans, and the number, duration and node-label
// formatting it is made of.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatDuration,
  formatKilobytes,
  humanNumber,
  mostSignificantNode,
  nodeLabel,
  parsePostgresPlan,
  planSummary,
  planWarnings,
  type PlanNode,
} from '../../server/src/engine';
import { fixturePlan } from './fixtures';

function summaryOf(name: string): string {
  const plan = fixturePlan(name);
  return planSummary(plan, planWarnings(plan));
}

function labels(node: PlanNode, into: string[] = []): string[] {
  into.push(nodeLabel(node));
  for (const child of node.children) labels(child, into);
  return into;
}

describe('planSummary', () => {
  it('names the hot node, its rows, the plan cost and the worst warning', () => {
    assert.equal(summaryOf('pg15-seq-scan-filter'), 'Seq Scan on orders · 10 rows · cost 5.2k · no index on customer_id');
    assert.equal(summaryOf('pglite-seq-scan-filter'), 'Seq Scan on items · 40 rows · cost 437 · no index on owner_id');
    assert.equal(summaryOf('pg15-index-scan'), 'Index Scan using orders_pkey on orders · 1 row · cost 8.44');
  });

  it('adds actual rows against the estimate and the execution time with ANALYZE', () => {
    assert.equal(summaryOf('pg15-seq-scan-filter-analyze'), 'Seq Scan on orders · 10 rows (est 10) · cost 5.2k · 9.31 ms · no index on customer_id');
    assert.equal(summaryOf('pg15-hash-batches-analyze'), 'Hash Join · 200k rows (est 200k) · cost 8k · 60.3 ms · hash spills to disk in 16 batches');
    assert.equal(summaryOf('pglite-join-analyze'), 'Hash Join · 11.1k rows (est 11.1k) · cost 565 · 13.2 ms');
    assert.equal(summaryOf('pg15-update-analyze'), 'Update on orders · 0 rows (est 0) · cost 8.62 · 0.11 ms');
  });

  it('counts the other warnings and compares parallel estimates over all workers', () => {
    assert.equal(
      summaryOf('pg15-misestimate-analyze'),
      'Seq Scan on orders · 28.6k rows (est 1k) · cost 5.7k · 10.2 ms · filter removes 85% of rows read (+1 more)',
    );
    assert.equal(summaryOf('pg15-sort-disk-analyze'), 'Sort · 200k rows (est 235k) · cost 42.8k · 129 ms · sort spills 8.4 MB to disk');
  });

  it('counts a nested loop inner side once per outer row when picking the hot node', () => {
    assert.equal(summaryOf('pg15-nested-loop'), 'Index Scan using orders_pkey on orders o · 4k rows · cost 13.5k · inner side runs ~4k times');
    const hot = mostSignificantNode(fixturePlan('pg15-nested-loop'));
    assert.equal(hot.estimatedLoops, 4000);
  });
});

describe('formatting', () => {
  it('writes numbers short', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [8.44, '8.44'],
      [0.5, '0.5'],
      [10, '10'],
      [950, '950'],
      [999.6, '1k'],
      [1234, '1.2k'],
      [25_400, '25.4k'],
      [125_400, '125k'],
      [999_960, '1M'],
      [3_400_000, '3.4M'],
      [2_100_000_000, '2.1B'],
    ];
    for (const [value, text] of cases) assert.equal(humanNumber(value), text, String(value));
  });

  it('writes durations and sizes', () => {
    assert.deepEqual([0.421, 12.34, 312.4, 1240, 150_000].map(formatDuration), ['0.42 ms', '12.3 ms', '312 ms', '1.24 s', '2.5 min']);
    assert.deepEqual([512, 8616, 2 * 1024 * 1024].map(formatKilobytes), ['512 kB', '8.4 MB', '2 GB']);
  });

  it('labels nodes as EXPLAIN text does', () => {
    assert.deepEqual(labels(fixturePlan('pg15-group-limit-analyze').root), [
      'Limit',
      'Sort',
      'Finalize GroupAggregate',
      'Gather Merge',
      'Sort',
      'Partial HashAggregate',
      'Parallel Seq Scan on orders',
    ]);
    assert.deepEqual(labels(fixturePlan('pg15-nested-loop').root), ['Nested Loop', 'Seq Scan on customers c', 'Index Scan using orders_pkey on orders o']);
    const handWritten = parsePostgresPlan(
      [
        {
          Plan: {
            'Node Type': 'Hash Join',
            'Join Type': 'Left',
            Plans: [
              { 'Node Type': 'Bitmap Heap Scan', 'Relation Name': 'a', Schema: 'app', Alias: 'a', Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'a_x_idx' }] },
              { 'Node Type': 'CTE Scan', 'CTE Name': 'recent', Alias: 'r' },
            ],
          },
        },
      ],
      '',
    );
    assert.deepEqual(labels(handWritten.root), ['Hash Left Join', 'Bitmap Heap Scan on app.a', 'Bitmap Index Scan on a_x_idx', 'CTE Scan on r']);
  });
});
