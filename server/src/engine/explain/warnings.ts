// Warning signs in a plan, with the thresholds of the tools users know (REFERENCE.md §6: pev2,
// explain.depesz.com, SOAR, pghero). PostgreSQL: a sequential scan filtering a big table, row
// misestimates, sorts and hashes spilling to disk, nested loops repeating their inner side,
// filters discarding most rows. MySQL and MariaDB (mysql-warnings.ts): full table scans,
// "Using filesort", "Using temporary", rows examined ≫ rows produced, and the misestimate of
// ANALYZE's r_rows against rows. Reads the plan model only.
import type { Dialect } from '../model';
import { conditionColumns, formatKilobytes, humanNumber, nodeLabel } from './format';
import { mysqlNodeWarnings, type NodeWarning } from './mysql-warnings';
import type { Plan, PlanNode, PlanWarning } from './plan';

export interface PlanWarningOptions {
  /** A scan reading at least this many rows reads a big table (SOAR and pghero use 10,000). */
  readonly largeTableRows?: number;
}

export const defaultLargeTableRows = 10_000;

/** Row estimates off by this factor or more are reported (depesz / pev2: 10, 100, 1000). */
const misestimateFactor = 10;
/** Below this many rows (the larger of estimate and actual, over all loops) a misestimate changes no plan worth reporting. */
const misestimateMinimumRows = 100;
/** A sequential scan is worth an index when its filter keeps at most this share of the rows read (index scans win only for selective filters). */
const selectiveShare = 0.1;
/** A nested loop whose inner side runs this many times. */
const manyLoops = 1_000;
/** Rows removed by a filter: reported from this many rows (over all loops), at 50 % (medium) and 90 % (high) of the rows read (pev2). */
const removedMinimumRows = 1_000;

/**
 * PostgreSQL's default costs for a sequential scan (costsize.c cost_seqscan): seq_page_cost 1 per
 * 8 kB page, cpu_tuple_cost 0.01 per row and cpu_operator_cost 0.0025 per filter operator.
 */
const rowCost = 0.01 + 0.0025;
const pageBytes = 8192 - 24;
/** Heap tuple header (23 bytes, aligned to 24) and its 4-byte line pointer. */
const tupleOverhead = 28;

interface Walk {
  /** Child indexes from the root. */
  readonly path: readonly number[];
  /** How many times the planner expects the node to run (nested loops multiply). */
  readonly estimatedLoops: number;
  /** An ancestor may stop reading this node early (Limit, semi/anti join, merge join, EXISTS subplan), so fewer actual rows prove nothing. */
  readonly mayStopEarly: boolean;
}

/** Warnings in tree order (a node's before its children's). */
export function planWarnings(plan: Plan, options: PlanWarningOptions = {}): PlanWarning[] {
  const largeTableRows = options.largeTableRows ?? defaultLargeTableRows;
  const warnings: PlanWarning[] = [];
  const visit = (node: PlanNode, walk: Walk): void => {
    const misestimate = plan.analyzed ? misestimateWarning(node, walk, plan.dialect) : undefined;
    const found =
      plan.dialect === 'postgres'
        ? postgresNodeWarnings(node, walk, largeTableRows, misestimate)
        : [...mysqlNodeWarnings(node, { dialect: plan.dialect, estimatedLoops: walk.estimatedLoops, largeTableRows }), misestimate];
    for (const warning of found) if (warning) warnings.push({ ...warning, path: walk.path });
    node.children.forEach((child, index) => visit(child, childWalk(node, child, index, walk)));
  };
  visit(plan.root, { path: [], estimatedLoops: 1, mayStopEarly: false });
  return warnings;
}

interface Found {
  readonly severity: PlanWarning['severity'];
  readonly message: string;
  readonly detail: string;
}

function postgresNodeWarnings(node: PlanNode, walk: Walk, largeTableRows: number, misestimate: NodeWarning | undefined): (NodeWarning | undefined)[] {
  const seqScan = seqScanWarning(node, largeTableRows);
  const kinded = (kind: PlanWarning['kind'], found: Found | undefined): NodeWarning | undefined => (found ? { kind, ...found } : undefined);
  return [
    kinded('seq-scan-with-filter', seqScan),
    misestimate,
    kinded('sort-on-disk', sortWarning(node)),
    kinded('hash-spill', hashWarning(node)),
    kinded('nested-loop-many-loops', nestedLoopWarning(node, walk)),
    kinded('rows-removed-by-filter', seqScan ? undefined : removedWarning(node)),
  ];
}

function childWalk(node: PlanNode, child: PlanNode, index: number, walk: Walk): Walk {
  const inner = innerChild(node) === child;
  const outer = node.children.find((candidate) => candidate !== child && candidate.parentRelationship === 'Outer') ?? node.children[0];
  const estimatedLoops = node.nodeType === 'Nested Loop' && inner && outer ? walk.estimatedLoops * Math.max(1, outer.planRows) : walk.estimatedLoops;
  const stops =
    node.nodeType === 'Limit' ||
    node.nodeType === 'Merge Join' ||
    (inner && (node.joinType === 'Semi' || node.joinType === 'Anti')) ||
    child.parentRelationship === 'SubPlan' ||
    child.parentRelationship === 'InitPlan';
  return { path: [...walk.path, index], estimatedLoops, mayStopEarly: walk.mayStopEarly || stops };
}

/** The side a join runs once per outer row (nested loop) or builds (hash): `Parent Relationship` "Inner", else the second child. */
function innerChild(node: PlanNode): PlanNode | undefined {
  if (node.children.length < 2) return undefined;
  return node.children.find((child) => child.parentRelationship === 'Inner') ?? node.children[1];
}

const executed = (node: PlanNode): node is PlanNode & { actual: NonNullable<PlanNode['actual']> } => node.actual !== undefined && node.actual.loops > 0;

/**
 * Rows a sequential scan reads: measured (rows kept plus removed, over all loops) with ANALYZE;
 * otherwise estimated from its cost at the default cost settings, with the row width giving
 * rows per page (narrow projections overstate it a little, extra filter operators understate it).
 */
function seqScanRowsRead(node: PlanNode): { rows: number; measured: boolean } {
  if (executed(node)) return { rows: (node.actual.rows + (node.rowsRemovedByFilter ?? 0)) * node.actual.loops, measured: true };
  const rowsPerPage = Math.max(1, Math.floor(pageBytes / (node.planWidth + tupleOverhead)));
  const fromCost = (node.totalCost - node.startupCost) / (1 / rowsPerPage + rowCost);
  return { rows: Math.max(node.planRows, fromCost), measured: false };
}

function seqScanWarning(node: PlanNode, largeTableRows: number): Found | undefined {
  if (node.nodeType !== 'Seq Scan' || node.filter === undefined) return undefined;
  if (node.actual !== undefined && node.actual.loops === 0) return undefined;
  const read = seqScanRowsRead(node);
  const kept = executed(node) ? node.actual.rows * node.actual.loops : node.planRows;
  // An index beats reading every page only for a selective filter; one keeping more rows is left to rows-removed-by-filter.
  if (read.rows < largeTableRows || kept > read.rows * selectiveShare) return undefined;
  const removedShare = read.rows > 0 ? 1 - kept / read.rows : 0;
  const severity = read.rows >= largeTableRows * 100 || (read.measured && removedShare > 0.9) ? 'high' : 'medium';
  const qualifiers = new Set([node.alias, node.relation].filter((name): name is string => name !== undefined));
  const columns = conditionColumns(node.filter, qualifiers);
  const table = node.relation ?? 'the table';
  const about = read.measured ? '' : '~';
  const message =
    columns.length > 0 ? `no index on ${columns.join(', ')}` : `sequential scan keeps ${about}${humanNumber(kept)} of ${about}${humanNumber(read.rows)} rows`;
  const detail =
    `${nodeLabel(node)} reads ${about}${humanNumber(read.rows)} rows to keep ${about}${humanNumber(kept)} (Filter: ${node.filter})` +
    (columns.length > 0
      ? `; an index on ${table} (${columns.join(', ')}) would read only the matching rows`
      : '; no column is compared directly, so only an expression index matching the filter would read fewer rows');
  return { severity, message, detail };
}

function misestimateWarning(node: PlanNode, walk: Walk, dialect: Dialect): NodeWarning | undefined {
  const estimate = misestimate(node, dialect);
  if (!estimate) return undefined;
  // Fewer rows than estimated under a Limit (or a join that stops at the first match) is expected.
  // MySQL's JSON plan shows no LIMIT at all, so there only too many rows prove a misestimate.
  if (estimate.direction === 'over' && (walk.mayStopEarly || dialect !== 'postgres')) return undefined;
  // The same error carried up from a child is reported once, at the child that made it.
  const inherited = node.children.some((child) => {
    const childEstimate = misestimate(child, dialect);
    return childEstimate !== undefined && childEstimate.direction === estimate.direction && estimate.factor <= childEstimate.factor * 2;
  });
  if (inherited) return undefined;
  const factor = estimate.factor;
  const severity = factor >= 1000 ? 'high' : factor >= 100 ? 'medium' : 'low';
  const rounded = humanNumber(Math.round(factor));
  const message = `row estimate ${rounded}× too ${estimate.direction === 'under' ? 'low' : 'high'}`;
  const detail =
    dialect === 'postgres'
      ? `${nodeLabel(node)}: the planner estimated ${humanNumber(node.planRows)} rows per loop, ${humanNumber(estimate.actualRows)} came back` +
        ` (${rounded}× ${estimate.direction === 'under' ? 'under' : 'over'}-estimate); the plan above it was chosen for the wrong row count — ANALYZE the table, or add extended statistics for correlated columns`
      : `${nodeLabel(node)}: the optimizer estimated ${humanNumber(estimate.plannedRows)} rows read per scan (rows), ${humanNumber(estimate.actualRows)} were read (r_rows)` +
        ` (${rounded}× under-estimate); the join order and access were chosen for the wrong row count — run ANALYZE TABLE${dialect === 'mariadb' ? ' (… PERSISTENT FOR ALL for histograms)' : ', or add a histogram (ANALYZE TABLE … UPDATE HISTOGRAM ON …)'} for skewed columns`;
  return { kind: 'misestimate', severity, message, detail };
}

/**
 * PostgreSQL: rows returned per loop, estimated and actual. MySQL and MariaDB: a table access's
 * rows read per scan (`rows` against ANALYZE's `r_rows`), the numbers their EXPLAIN shows; the
 * other nodes' rows are derived from those, so they are not compared.
 */
function misestimate(node: PlanNode, dialect: Dialect): { factor: number; direction: 'under' | 'over'; plannedRows: number; actualRows: number } | undefined {
  if (!executed(node)) return undefined;
  const mysqlAccess = dialect !== 'postgres' && node.rowsExamined !== undefined && node.actual.rowsExamined !== undefined;
  if (dialect !== 'postgres' && !mysqlAccess) return undefined;
  const plannedRows = mysqlAccess ? (node.rowsExamined ?? 0) : node.planRows;
  const planned = Math.max(1, plannedRows);
  const actual = mysqlAccess ? (node.actual.rowsExamined ?? 0) : node.actual.rows;
  if (Math.max(planned, actual) * node.actual.loops < misestimateMinimumRows) return undefined;
  const factor = Math.max(actual, 1) / planned;
  if (factor >= misestimateFactor) return { factor, direction: 'under', plannedRows, actualRows: actual };
  if (1 / factor >= misestimateFactor) return { factor: 1 / factor, direction: 'over', plannedRows, actualRows: actual };
  return undefined;
}

function sortWarning(node: PlanNode): Found | undefined {
  const onDisk = node.sortSpace?.type === 'Disk' || (node.sortMethod !== undefined && node.sortMethod.startsWith('external'));
  if (!onDisk) return undefined;
  const used = node.sortSpace ? formatKilobytes(node.sortSpace.usedKb) : undefined;
  const severity = (node.sortSpace?.usedKb ?? 0) >= 100 * 1024 ? 'high' : 'medium';
  const key = node.sortKey && node.sortKey.length > 0 ? ` by ${node.sortKey.join(', ')}` : '';
  return {
    severity,
    message: used ? `sort spills ${used} to disk` : 'sort spills to disk',
    detail: `${nodeLabel(node)}${key} uses ${node.sortMethod ?? 'an external sort'}${used ? ` with ${used} of temporary files` : ''}: work_mem is too small for it; raise work_mem for this query, or an index on the sort key can return rows already sorted`,
  };
}

function hashWarning(node: PlanNode): Found | undefined {
  const hashAggregateBatches = node.details['HashAgg Batches'];
  const batches = node.hashBatches ?? (typeof hashAggregateBatches === 'number' ? hashAggregateBatches : undefined);
  if (batches === undefined || batches <= 1) return undefined;
  const what = node.nodeType === 'Hash' ? 'hash table' : 'hash aggregate';
  return {
    severity: batches >= 64 ? 'high' : 'medium',
    message: `hash spills to disk in ${humanNumber(batches)} batches`,
    detail: `${nodeLabel(node)}: the ${what} did not fit in work_mem and was split into ${humanNumber(batches)} batches written to temporary files; raise work_mem for this query, or reduce the rows hashed`,
  };
}

function nestedLoopWarning(node: PlanNode, walk: Walk): Found | undefined {
  if (node.nodeType !== 'Nested Loop') return undefined;
  const inner = innerChild(node);
  if (!inner) return undefined;
  const outer = node.children.find((child) => child !== inner) ?? node.children[0];
  const measured = inner.actual !== undefined;
  const loops = inner.actual ? inner.actual.loops : walk.estimatedLoops * Math.max(1, outer?.planRows ?? 1);
  if (loops < manyLoops) return undefined;
  const about = measured ? '' : '~';
  const severity = !measured ? 'low' : loops >= manyLoops * 100 ? 'high' : 'medium';
  return {
    severity,
    message: `inner side runs ${about}${humanNumber(loops)} times`,
    detail: `${nodeLabel(node)} runs ${nodeLabel(inner)} ${about}${humanNumber(loops)} times, once per row of ${outer ? nodeLabel(outer) : 'its outer side'}; with this many outer rows a hash or merge join, or a more selective outer side, is usually cheaper`,
  };
}

function removedWarning(node: PlanNode): Found | undefined {
  if (!executed(node)) return undefined;
  const joinRemoved = node.details['Rows Removed by Join Filter'];
  const candidates: { removed: number; what: string }[] = [];
  if (node.rowsRemovedByFilter !== undefined && node.filter !== undefined) candidates.push({ removed: node.rowsRemovedByFilter, what: 'filter' });
  if (typeof joinRemoved === 'number') candidates.push({ removed: joinRemoved, what: 'join filter' });
  for (const { removed, what } of candidates) {
    // EXPLAIN reports both counts per loop.
    const share = removed / (removed + node.actual.rows);
    if (removed * node.actual.loops < removedMinimumRows || share <= 0.5) continue;
    const percent = `${Math.floor(share * 100)}%`;
    return {
      severity: share > 0.9 ? 'high' : 'medium',
      message: `${what} removes ${percent} of rows read`,
      detail: `${nodeLabel(node)} reads ${humanNumber((removed + node.actual.rows) * node.actual.loops)} rows and its ${what} discards ${humanNumber(removed * node.actual.loops)} (${percent}); an index matching the ${what} would read fewer`,
    };
  }
  return undefined;
}
