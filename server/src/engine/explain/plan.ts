// The explain plan, one model for every database: what the plan view, the inline summary, the
// warnings and the index advisor read. Front-ends (pg-plan.ts, mysql-plan.ts) normalise a server's
// EXPLAIN output into it; nothing here talks to a database.
import type { Dialect } from '../model';

export interface PlanActuals {
  readonly startupTimeMs: number;
  readonly totalTimeMs: number;
  readonly rows: number;
  readonly loops: number;
  /** MySQL/MariaDB table access: rows read per loop before the attached condition (MariaDB's `r_rows`). */
  readonly rowsExamined?: number;
}

export interface PlanBuffers {
  readonly sharedHit: number;
  readonly sharedRead: number;
  readonly tempRead: number;
  readonly tempWritten: number;
}

export interface PlanNode {
  /** `Seq Scan`, `Index Scan`, `Hash Join` … (MySQL: the access type, e.g. `ALL`, mapped to a readable name). */
  readonly nodeType: string;
  readonly relation?: string;
  readonly schema?: string;
  readonly alias?: string;
  readonly index?: string;
  readonly joinType?: string;
  readonly parentRelationship?: string;
  readonly startupCost: number;
  readonly totalCost: number;
  /** Estimated rows per loop. */
  readonly planRows: number;
  /** MySQL/MariaDB table access: estimated rows read per loop before the attached condition (`rows`, `rows_examined_per_scan`). */
  readonly rowsExamined?: number;
  readonly planWidth: number;
  /** With ANALYZE: what really happened. */
  readonly actual?: PlanActuals;
  readonly filter?: string;
  readonly rowsRemovedByFilter?: number;
  readonly indexCondition?: string;
  readonly joinCondition?: string;
  readonly sortKey?: readonly string[];
  readonly sortMethod?: string;
  readonly sortSpace?: { readonly type: 'Memory' | 'Disk'; readonly usedKb: number };
  readonly hashBatches?: number;
  readonly heapFetches?: number;
  readonly buffers?: PlanBuffers;
  /** MySQL/MariaDB: the access type as the server names it (`ALL`, `ref`, `range` …); `nodeType` is its readable name. */
  readonly accessType?: string;
  /** MySQL/MariaDB: the operation sorts rows itself ("Using filesort"). */
  readonly filesort?: boolean;
  /** MySQL/MariaDB: the operation writes rows into an internal temporary table ("Using temporary"). */
  readonly temporaryTable?: boolean;
  readonly children: readonly PlanNode[];
  /** Every other field the server reported, for the detail view. */
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export type PlanWarningKind =
  | 'seq-scan-with-filter'
  | 'misestimate'
  | 'sort-on-disk'
  | 'hash-spill'
  | 'nested-loop-many-loops'
  | 'rows-removed-by-filter'
  | 'full-table-scan'
  | 'filesort'
  | 'temporary-table';

export interface PlanWarning {
  readonly kind: PlanWarningKind;
  readonly severity: 'low' | 'medium' | 'high';
  /** Child indexes from the root to the node (`[]` is the root). */
  readonly path: readonly number[];
  /** One sentence for the plan view and the inline summary (`no index on customer_id`). */
  readonly message: string;
  /** A longer sentence for the plan view: the numbers behind the warning and what to do. */
  readonly detail?: string;
}

export interface Plan {
  readonly dialect: Dialect;
  readonly root: PlanNode;
  /** EXPLAIN ANALYZE ran the statement (actual rows and times are present). */
  readonly analyzed: boolean;
  /** The server reports no costs (MariaDB before 11.0): every cost is 0 and means nothing. */
  readonly withoutCosts?: boolean;
  readonly planningTimeMs?: number;
  readonly executionTimeMs?: number;
  /** The server's output as received (JSON text), for the raw view. */
  readonly raw: string;
}
