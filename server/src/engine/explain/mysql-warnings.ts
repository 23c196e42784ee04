// Warning signs of one node of a MySQL or MariaDB plan, with the checks SOAR runs on EXPLAIN
// (REFERENCE.md §6): a full table scan of a large table (type=ALL) or one filtering rows,
// "Using filesort", "Using temporary", and a table access that reads far more rows than its
// attached condition keeps. warnings.ts walks the tree and adds the misestimate check; this
// module reads the plan model only.
import type { Dialect } from '../model';
import { conditionColumns, humanNumber, nodeLabel } from './format';
import type { PlanNode, PlanWarning } from './plan';

/** A warning before its place in the tree is known. */
export type NodeWarning = Omit<PlanWarning, 'path'>;

export interface MysqlWarningContext {
  readonly dialect: Dialect;
  /** How many times the planner expects the node to run (a nested loop's inner side runs once per outer row). */
  readonly estimatedLoops: number;
  /** A table of at least this many rows is large (SOAR warns on type=ALL from 10,000 rows). */
  readonly largeTableRows: number;
}

/** An attached condition keeping at most this share of what a full scan reads is selective: an index would read far less. */
const selectiveShare = 0.1;
/** Reads of fewer rows (over all loops) discarding most of them are not worth a warning. */
const discardMinimumRows = 1_000;

export function mysqlNodeWarnings(node: PlanNode, context: MysqlWarningContext): NodeWarning[] {
  const scan = fullScanWarning(node, context);
  const discarded = scan ? undefined : discardWarning(node, context);
  return [scan, filesortWarning(node, context), temporaryTableWarning(node, context), discarded].filter((warning): warning is NodeWarning => warning !== undefined);
}

/** Rows a table access read and kept per scan, and how often it ran: measured with ANALYZE (MariaDB's r_rows, r_filtered, r_loops), estimated otherwise. */
function accessRows(node: PlanNode, context: MysqlWarningContext): { perScan: number; kept: number; scans: number; about: string } {
  if (node.actual?.rowsExamined !== undefined) return { perScan: node.actual.rowsExamined, kept: node.actual.rows, scans: node.actual.loops, about: '' };
  return { perScan: node.rowsExamined ?? node.planRows, kept: node.planRows, scans: context.estimatedLoops, about: '~' };
}

/** Rows an operation takes in: its children's (measured when they ran), otherwise its own estimate. */
function rowsInto(node: PlanNode, context: MysqlWarningContext): { rows: number; about: string } {
  if (node.children.length > 0 && node.children.every((child) => child.actual !== undefined)) {
    return { rows: node.children.reduce((sum, child) => sum + (child.actual ? child.actual.rows * child.actual.loops : 0), 0), about: '' };
  }
  return { rows: node.planRows * context.estimatedLoops, about: '~' };
}

/** What the access's condition qualifies its columns with: the alias it is read under (and its table's name). */
function namesOf(node: PlanNode): ReadonlySet<string> {
  return new Set([node.alias, node.relation].filter((name): name is string => name !== undefined));
}

function sizeSeverity(rows: number, context: MysqlWarningContext): PlanWarning['severity'] {
  if (rows >= context.largeTableRows * 100) return 'high';
  return rows >= context.largeTableRows ? 'medium' : 'low';
}

/**
 * type=ALL on a large table, or with an attached condition on any table (cheap today, slow once
 * the table grows); a full index scan only when it is large and filters. Temporary tables the
 * server built itself (`<derived2>`, `<subquery2>`) have no index to add.
 */
function fullScanWarning(node: PlanNode, context: MysqlWarningContext): NodeWarning | undefined {
  const fullIndex = node.accessType === 'index';
  if ((node.accessType !== 'ALL' && !fullIndex) || node.relation?.startsWith('<') || node.actual?.loops === 0) return undefined;
  const { perScan, kept, scans, about } = accessRows(node, context);
  const large = perScan >= context.largeTableRows;
  const filter = node.filter;
  if (fullIndex ? !(large && filter !== undefined) : !(large || filter !== undefined)) return undefined;
  const read = perScan * scans;
  const selective = filter !== undefined && about === '' && kept <= perScan * selectiveShare;
  const severity = fullIndex || !large ? 'low' : read >= context.largeTableRows * 100 || selective ? 'high' : 'medium';
  const table = node.relation ?? 'the table';
  const columns = filter === undefined ? [] : conditionColumns(filter, namesOf(node), context.dialect);
  const what = fullIndex ? 'full index scan' : 'full table scan';
  const message =
    columns.length > 0
      ? `no index on ${columns.join(', ')}`
      : filter !== undefined
        ? `${what} of ${table} keeps ${about}${humanNumber(kept)} of ${about}${humanNumber(perScan)} rows`
        : `${what} reads all ${about}${humanNumber(perScan)} rows of ${table}`;
  const times = scans > 1 ? `, ${about}${humanNumber(scans)} times` : '';
  const reads = `${nodeLabel(node)} (type ${node.accessType ?? 'ALL'}) reads ${about}${humanNumber(perScan)} rows${times}`;
  const advice =
    columns.length > 0
      ? `; an index on ${table} (${columns.join(', ')}) would read only the matching rows`
      : filter !== undefined
        ? '; no column is compared directly, so only an index on a generated column matching the condition would read fewer rows'
        : '; nothing limits the rows it reads: a WHERE an index serves, or a LIMIT with an ORDER BY an index serves, would read fewer';
  return {
    kind: 'full-table-scan',
    severity,
    message,
    detail: `${reads}${filter !== undefined ? ` to keep ${about}${humanNumber(kept)} (attached condition: ${filter})` : ''}${advice}`,
  };
}

/** "Using filesort": the server sorts the rows itself, in sort_buffer_size and then temporary files. */
function filesortWarning(node: PlanNode, context: MysqlWarningContext): NodeWarning | undefined {
  if (!node.filesort) return undefined;
  const { rows, about } = rowsInto(node, context);
  const by = node.sortKey && node.sortKey.length > 0 ? ` by ${node.sortKey.join(', ')}` : '';
  return {
    kind: 'filesort',
    severity: sizeSeverity(rows, context),
    message: `filesort of ${about}${humanNumber(rows)} rows`,
    detail:
      `${nodeLabel(node)}${by} sorts ${about}${humanNumber(rows)} rows itself ("Using filesort": in sort_buffer_size, then in temporary files) because no index returns them in this order;` +
      ' an index starting with the WHERE equality columns and continuing with the ORDER BY columns (in one direction) returns them sorted',
  };
}

const temporaryReasons: Readonly<Record<string, string>> = {
  Aggregate: 'an index on the GROUP BY columns lets the server group rows as it reads them',
  'Remove Duplicates': 'DISTINCT (or a semi-join) over columns no index returns in order needs it; an index on those columns avoids it',
  Union: 'UNION removes duplicates through it; UNION ALL, when duplicates cannot occur or do not matter, needs none',
};

/** "Using temporary": rows go into an internal temporary table (in memory up to tmp_table_size, then on disk). */
function temporaryTableWarning(node: PlanNode, context: MysqlWarningContext): NodeWarning | undefined {
  if (!node.temporaryTable) return undefined;
  const { rows, about } = rowsInto(node, context);
  const reason = temporaryReasons[node.nodeType] ?? 'GROUP BY, DISTINCT, a window or an ORDER BY on columns no single index returns in order needs it; an index on those columns avoids it';
  return {
    kind: 'temporary-table',
    severity: sizeSeverity(rows, context),
    message: `temporary table for ${about}${humanNumber(rows)} rows`,
    detail: `${nodeLabel(node)} writes ${about}${humanNumber(rows)} rows into an internal temporary table ("Using temporary"; in memory up to tmp_table_size, then on disk): ${reason}`,
  };
}

/**
 * Rows examined ≫ rows produced: an access (through an index or not) whose attached condition
 * throws most of what it read away. Measured with ANALYZE; otherwise from `filtered`, which is an
 * estimate (MySQL assumes 10 % for an unindexed equality), so one severity lower.
 */
function discardWarning(node: PlanNode, context: MysqlWarningContext): NodeWarning | undefined {
  if (node.rowsExamined === undefined || node.filter === undefined || node.actual?.loops === 0) return undefined;
  const { perScan, kept, scans, about } = accessRows(node, context);
  const read = perScan * scans;
  if (read < discardMinimumRows || read <= 0) return undefined;
  const share = 1 - (kept * scans) / read;
  if (share <= 0.5) return undefined;
  const high = share > 0.9;
  const severity = about === '' ? (high ? 'high' : 'medium') : high ? 'medium' : 'low';
  const percent = `${about}${Math.floor(share * 100)}%`;
  const columns = conditionColumns(node.filter, namesOf(node), context.dialect);
  return {
    kind: 'rows-removed-by-filter',
    severity,
    message: `attached condition discards ${percent} of rows read`,
    detail:
      `${nodeLabel(node)} reads ${about}${humanNumber(read)} rows and its attached condition keeps ${about}${humanNumber(kept * scans)} (${percent} discarded; ${node.filter})` +
      (columns.length > 0 ? `; an index that also covers ${columns.join(', ')} would read only the rows kept` : '; an index matching the condition would read fewer'),
  };
}
