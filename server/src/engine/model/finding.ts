// Findings and fixes: what rules report and what every front end (CLI, LSP) renders.
import type { TextRange } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const severityRank: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  /** `safe` fixes may be applied in bulk (fix-all); `review` fixes change behaviour a person should read. */
  readonly safety: 'safe' | 'review';
  readonly edits: readonly TextEdit[];
  /**
   * The fix is a new migration file to run after this one (its `edits` are empty): the editor
   * creates it in the file's migration folder, named by the folder's convention.
   */
  readonly newMigration?: NewMigration;
}

export interface NewMigration {
  /** Words for the file name (`add_orders_customer_id_idx`). */
  readonly description: string;
  readonly text: string;
  /** What undoes it, for tools that keep a down migration next to the up one. */
  readonly revert?: string;
}

export interface RelatedInformation {
  readonly range: TextRange;
  readonly message: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** What happens on a live database, one sentence. */
  readonly message: string;
  /** The safe way. */
  readonly help: string | undefined;
  readonly range: TextRange;
  /** Best fix first. */
  readonly fixes: readonly Fix[];
  readonly related: readonly RelatedInformation[];
  /** `unnecessary` for dead suppressions, `deprecated` for legacy types. */
  readonly tags: readonly ('unnecessary' | 'deprecated')[];
}
