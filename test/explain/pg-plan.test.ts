// PostgreSQL EXPLAIN (FORMAT JSON) into the plan model: real output of PostgreSQL 15 and PGlite
// (PostgreSQL 18), with and without ANALYZE and BUFFERS, and what malformed input reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostgresPlan, readPostgresPlan } from '../../server/src/engine';
import { fixturePlan, fixtureText } from './fixtures';

describe('parsePostgresPlan', () => {
  it('reads a plain EXPLAIN: identity, costs, filter, the other fields as details', () => {
    const plan = fixturePlan('pg15-seq-scan-filter');
    assert.equal(plan.dialect, 'postgres');
    assert.equal(plan.analyzed, false);
    assert.equal(plan.planningTimeMs, undefined);
    assert.equal(plan.raw, fixtureText('pg15-seq-scan-filter'));
    assert.deepEqual(plan.root, {
      nodeType: 'Seq Scan',
      relation: 'orders',
      alias: 'orders',
      startupCost: 0,
      totalCost: 5167,
      planRows: 10,
      planWidth: 69,
      filter: '(customer_id = 42)',
      children: [],
      details: { 'Parallel Aware': false, 'Async Capable': false },
    });
  });

  it('reads ANALYZE actuals, rows removed, buffers and the statement times', () => {
    const plan = fixturePlan('pg15-seq-scan-filter-analyze');
    assert.equal(plan.analyzed, true);
    assert.ok(plan.planningTimeMs !== undefined && plan.planningTimeMs > 0);
    assert.ok(plan.executionTimeMs !== undefined && plan.executionTimeMs > 0);
    const root = plan.root;
    assert.equal(root.actual?.rows, 10);
    assert.equal(root.actual?.loops, 1);
    assert.ok((root.actual?.totalTimeMs ?? 0) >= (root.actual?.startupTimeMs ?? 0));
    assert.equal(root.rowsRemovedByFilter, 199990);
    assert.deepEqual(root.buffers, { sharedHit: 2667, sharedRead: 0, tempRead: 0, tempWritten: 0 });
    // Buffer counts the model has no field for stay in the details.
    assert.equal(root.details['Shared Dirtied Blocks'], 0);
    assert.equal(root.details['Actual Rows'], undefined, 'mapped fields are not repeated in details');
  });

  it('reads joins: join type, hash condition, parent relationships, hash batches', () => {
    const join = fixturePlan('pg15-hash-batches-analyze').root;
    assert.equal(join.nodeType, 'Hash Join');
    assert.equal(join.joinType, 'Inner');
    assert.equal(join.joinCondition, '(o.customer_id = c.id)');
    assert.deepEqual(join.children.map((child) => [child.nodeType, child.parentRelationship]), [
      ['Seq Scan', 'Outer'],
      ['Hash', 'Inner'],
    ]);
    const hash = join.children[1];
    assert.equal(hash?.hashBatches, 16);
    assert.equal(hash?.details['Original Hash Batches'], 16);
    assert.equal(hash?.details['Hash Buckets'], 2048);
    assert.equal(hash?.children[0]?.alias, 'c');
    assert.ok((join.buffers?.tempWritten ?? 0) > 0);
  });

  it('reads index scans under a nested loop with their loops', () => {
    const loop = fixturePlan('pg15-nested-loop-analyze').root;
    const inner = loop.children[1];
    assert.equal(inner?.nodeType, 'Index Scan');
    assert.equal(inner?.index, 'orders_pkey');
    assert.equal(inner?.indexCondition, '(id = c.id)');
    assert.equal(inner?.actual?.loops, 4000);
    assert.equal(loop.details['Inner Unique'], true);
  });

  it('reads sorts: key, method, space; per-worker objects stay out of details', () => {
    const gather = fixturePlan('pg15-sort-disk-analyze').root;
    assert.equal(gather.nodeType, 'Gather Merge');
    assert.equal(gather.details['Workers Planned'], 1);
    const sort = gather.children[0];
    assert.deepEqual(sort?.sortKey, ['note']);
    assert.equal(sort?.sortMethod, 'external merge');
    assert.equal(sort?.sortSpace?.type, 'Disk');
    assert.ok((sort?.sortSpace?.usedKb ?? 0) > 1000);
    assert.equal(sort?.details['Workers'], undefined);
    assert.equal(sort?.children[0]?.details['Parallel Aware'], true);
  });

  it('joins string lists such as Group Key into one detail', () => {
    const plan = fixturePlan('pg15-group-limit-analyze');
    const sort = plan.root.children[0];
    assert.deepEqual(sort?.sortKey, ['(count(*)) DESC']);
    const aggregate = sort?.children[0];
    assert.equal(aggregate?.details['Group Key'], 'status');
    assert.equal(aggregate?.details['Strategy'], 'Sorted');
    assert.equal(aggregate?.details['Partial Mode'], 'Finalize');
  });

  it('reads a write: ModifyTable with its operation', () => {
    const plan = fixturePlan('pg15-update-analyze');
    assert.equal(plan.root.nodeType, 'ModifyTable');
    assert.equal(plan.root.details['Operation'], 'Update');
    assert.equal(plan.root.relation, 'orders');
    assert.equal(plan.root.children[0]?.nodeType, 'Index Scan');
  });

  it("reads PGlite's PostgreSQL 18 output (Disabled, Planning buffers, HashAgg fields)", () => {
    const plain = fixturePlan('pglite-seq-scan-filter');
    assert.equal(plain.analyzed, false);
    assert.equal(plain.root.details['Disabled'], false);
    assert.equal(plain.root.filter, '(owner_id = 3)');
    const analyzed = fixturePlan('pglite-join-analyze');
    assert.equal(analyzed.analyzed, true);
    assert.ok(analyzed.executionTimeMs !== undefined);
    const aggregate = analyzed.root.children[0];
    assert.equal(aggregate?.details['Strategy'], 'Hashed');
    assert.equal(aggregate?.details['HashAgg Batches'], 1);
    const join = aggregate?.children[0];
    assert.equal(join?.joinCondition, '(i.owner_id = o.id)');
    assert.equal(join?.children[0]?.filter, "(label ~~ 'item 1%'::text)");
  });

  it('accepts the JSON text and the single result object as well as the array', () => {
    const raw = fixtureText('pg15-index-scan');
    const fromText = parsePostgresPlan(raw, raw);
    const fromObject = parsePostgresPlan((JSON.parse(raw) as unknown[])[0], raw);
    assert.deepEqual(fromText, fixturePlan('pg15-index-scan'));
    assert.deepEqual(fromObject, fromText);
    assert.equal(fromText.root.index, 'orders_pkey');
    assert.equal(fromText.root.indexCondition, '(id = 42)');
  });

  it('reports input that is not a plan with a message, or throws it from parsePostgresPlan', () => {
    const cases: [unknown, string][] = [
      ['EXPLAIN text output', 'the EXPLAIN output is not JSON (run EXPLAIN with FORMAT JSON)'],
      [[], 'expected one plan in the EXPLAIN output, found 0'],
      [[{}, {}], 'expected one plan in the EXPLAIN output, found 2'],
      [[{ 'Query Text': 'x' }], 'the EXPLAIN output has no "Plan" object (is it EXPLAIN (FORMAT JSON) output?)'],
      [null, 'the EXPLAIN output has no "Plan" object (is it EXPLAIN (FORMAT JSON) output?)'],
      [[{ Plan: { 'Total Cost': 1 } }], 'Plan has no "Node Type"'],
      [[{ Plan: { 'Node Type': 'Result', 'Total Cost': '1' } }], '"Total Cost" of Plan (Result) is not a number'],
      [[{ Plan: { 'Node Type': 'Append', Plans: {} } }], '"Plans" of Plan (Append) is not a list'],
      [[{ Plan: { 'Node Type': 'Append', Plans: [{ 'Node Type': 'Result' }, 7] } }], 'child 1 of Plan (Append) is not an object'],
      [[{ Plan: { 'Node Type': 'Append', Plans: [{ 'Plan Rows': 1 }] } }], 'Plan.Plans[0] has no "Node Type"'],
    ];
    for (const [input, message] of cases) {
      assert.deepEqual(readPostgresPlan(input, ''), { ok: false, message });
      assert.throws(() => parsePostgresPlan(input, ''), { message });
    }
    assert.equal(readPostgresPlan([{ Plan: { 'Node Type': 'Result' } }], '').ok, true, 'COSTS OFF output has no costs: zero');
  });
});
