// The explain plan, one model for every database: what the plan view, the inline summary, the
// warnings and the index advisor read. Front-ends (pg-plan.ts; MySQL later) normalise a server's
// EXPLAIN output into it; nothing here talks to a database.
import type { Dialect } from '../model';

export interface PlanActuals {
  readonly startupTimeMs: number;
  readonly totalTimeMs: number;
  readonly rows: number;
  readonly loops: number;
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
  readonly planningTimeMs?: number;
  readonly executionTimeMs?: number;
  /** The server's output as received (JSON text), for the raw view. */
  readonly raw: string;
}
