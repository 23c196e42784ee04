// The rule contract: metadata (id, docs, dialects, versions, aliases) plus a pure `check` per
// statement. Rules read the statement model and the analysis state; they never parse or do I/O.
import type { FileSettings } from '../../config';
import type { Dialect, Fix, ObjectName, RelatedInformation, Severity, Statement, TextRange } from '../../model';
import type { AnalysisState } from '../../analysis/state';

export type RuleCategory = 'locks' | 'constraints' | 'indexes' | 'types' | 'destructive' | 'transactions' | 'design' | 'parsing';

/** Other linters' ids for the same check, so users can map their suppressions. */
export type RuleAliases = Partial<Record<'squawk' | 'pgfence' | 'strong_migrations' | 'atlas' | 'eugene', readonly string[]>>;

export interface RuleMeta {
  /** kebab-case; equals the file name and the fixture folder; never renamed once shipped. */
  readonly id: string;
  readonly title: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly dialects: readonly Dialect[];
  /** Server major versions the rule applies to (inclusive bounds), when it depends on them. */
  readonly versions?: { readonly min?: number; readonly max?: number };
  readonly aliases: RuleAliases;
  /** Whether findings carry a fix, and whether it is safe to apply without reading. */
  readonly fix: 'safe' | 'review' | undefined;
  /** Off unless enabled in sqlsight.json. */
  readonly optIn?: boolean;
  readonly docs: {
    /** Why it hurts on a live database, a paragraph. */
    readonly why: string;
    /** The safe way, a paragraph. */
    readonly safeWay: string;
    /** A statement (or short migration) that raises exactly one finding of this rule. */
    readonly bad: string;
    /** The same intent written safely: no finding of this rule. */
    readonly good: string;
    /** The earlier migration the examples run after, when the rule needs the table as it was (a MySQL column's old type). */
    readonly schema?: string;
    /** The server version the examples run on, when the default version does not show the hazard (`8.0.28`). */
    readonly serverVersion?: string;
  };
}

export interface ReportInput {
  readonly range: TextRange;
  /** This finding's default severity when it differs from the rule's (a milder case); the configured severity still wins. */
  readonly severity?: Severity;
  readonly message: string;
  readonly help?: string;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedInformation[];
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}

export interface RuleContext {
  readonly settings: FileSettings;
  /** The whole file text, for fixes that insert at a line start. */
  readonly text: string;
  /** State before the current statement: transaction, timeouts, new tables. */
  readonly state: AnalysisState;
  /** True when the table was created earlier in this migration (locking rules stay quiet for it). */
  isNewTable(table: ObjectName): boolean;
  /**
   * A fact about the current statement several rules read (the MySQL online-DDL verdicts): computed
   * by the first rule that asks, shared by the others until the next statement.
   */
  statementFact<T>(fact: StatementFact<T>, stmt: Statement): T;
  report(finding: ReportInput): void;
}

/** A pure function of the context and the statement; its identity is the key it is shared under. */
export type StatementFact<T> = (ctx: RuleContext, stmt: Statement) => T;

export interface Rule {
  readonly meta: RuleMeta;
  /** Called for every analysed statement of a matching dialect, in order. */
  check(ctx: RuleContext, stmt: Statement): void;
  /** Called once at the end of each unit (file or tool section) with the final state. */
  checkEnd?(ctx: RuleContext, end: TextRange): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
