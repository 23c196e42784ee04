// MySQL/MariaDB online DDL, the one source of truth: for each action of an ALTER TABLE (and for
// CREATE INDEX / DROP INDEX) on a dialect and version, with the table as the schema model holds it,
// the strictest algorithm the server can use, whether writes go on, whether the table is rebuilt,
// and why; then the statement as a whole (INSTANT actions mixed with others fall back). The rules
// of RULES.md section G, docs/mysql-online-ddl.md and the MariaDB oracle test all read it. Pure:
// no rule logic, no messages beyond the verdicts' reasons.
import type { AlterTableAction, Dialect, ObjectName, OnlineDdlClauses, Statement, TextRange } from '../model';
import type { ServerVersion } from '../config';
import type { SchemaModel } from '../schema/model';
import { addColumnVerdict, changeColumnVerdict, defaultVerdict, dropColumnVerdict, renameColumnVerdict } from './mysql-online-ddl-columns';
import {
  addConstraintVerdict,
  convertCharsetVerdict,
  dropConstraintVerdict,
  dropIndexVerdict,
  forceRebuildVerdict,
  indexVerdict,
  indexVisibilityVerdict,
  isFirstFulltext,
  partitioningVerdict,
  renameIndexVerdict,
  renameTableVerdict,
  tableOptionVerdict,
  unknownActionVerdict,
} from './mysql-online-ddl-keys';
import { tableKeyOf, type ActionContext } from './mysql-online-ddl-table';
import { algorithmRank, weakerAlgorithm, weakestVerdict, type OnlineDdlAlgorithm, type OnlineDdlTarget, type OnlineDdlVerdict, type WithoutInstant } from './mysql-online-ddl-verdict';

export { algorithmsStrictestFirst, costPhrase, effectiveVersion, supports, type OnlineDdlAlgorithm, type OnlineDdlCause, type OnlineDdlTarget, type OnlineDdlVerdict } from './mysql-online-ddl-verdict';
export { mysqlTypeText } from './mysql-online-ddl-columns';

export interface OnlineDdlInput {
  readonly dialect: Dialect;
  readonly version: ServerVersion;
  /** The schema before the statement (`AnalysisState.schema`). */
  readonly schema: SchemaModel;
  /** `AnalysisState.foreignKeyChecksOff`. */
  readonly foreignKeyChecksOff: boolean;
}

/** What one action costs inside its statement. */
export type StatementCost = WithoutInstant;

export interface ActionOnlineDdl {
  /** Undefined for CREATE INDEX and DROP INDEX statements (the statement is the action). */
  readonly action: AlterTableAction | undefined;
  readonly range: TextRange;
  /** The action alone. */
  readonly verdict: OnlineDdlVerdict;
  /** The action within the statement: an INSTANT action may fall back because of the others. */
  readonly inStatement: StatementCost;
}

export interface StatementOnlineDdl {
  readonly target: OnlineDdlTarget;
  readonly table: ObjectName;
  /** The schema model holds the table (its columns and indexes were compared). */
  readonly tableKnown: boolean;
  readonly actions: readonly ActionOnlineDdl[];
  /** The statement as a whole: the weakest algorithm of its actions (after fallbacks), writes allowed only if every action allows them. */
  readonly cost: StatementCost;
  /** The action with the weakest verdict of its own. */
  readonly weakest: ActionOnlineDdl;
  /** Actions that are INSTANT alone and lose it in this statement. */
  readonly instantLost: readonly ActionOnlineDdl[];
  /** Running `instantLost` in a statement of their own would avoid a rebuild, a weaker algorithm or blocked writes. */
  readonly splittingHelps: boolean;
  readonly clauses: OnlineDdlClauses | undefined;
  /**
   * `, ALGORITHM=…` may be appended at `clauses.clausesInsertAt`: not for partitioning (its clause
   * comes before `PARTITION BY`, and MariaDB takes none with partition maintenance) nor MariaDB's
   * DROP INDEX (its grammar has no ALGORITHM/LOCK, [ran] 10.11).
   */
  readonly acceptsAppendedClauses: boolean;
}

export function onlineDdlTarget(dialect: Dialect, version: ServerVersion): OnlineDdlTarget | undefined {
  return dialect === 'mysql' || dialect === 'mariadb' ? { dialect, version } : undefined;
}

function actionVerdicts(context: ActionContext, action: AlterTableAction): OnlineDdlVerdict[] {
  switch (action.kind) {
    case 'add-column':
      // Inline keys and constraints (PRIMARY KEY, UNIQUE, CHECK, in `constraints`) are actions of their own for the server.
      return [addColumnVerdict(context, action.column), ...action.column.constraints.map((constraint) => addConstraintVerdict(context, constraint))];
    case 'drop-column':
      return [dropColumnVerdict(context, action.column)];
    case 'change-column':
      return [changeColumnVerdict(context, action.column, action.definition)];
    case 'rename-column':
      return [renameColumnVerdict(context, action.from, action.to)];
    case 'set-default':
    case 'drop-default':
      return [defaultVerdict(context, action.column, action.kind === 'set-default')];
    case 'add-index':
      return [indexVerdict(context, { name: action.index.name, method: action.index.method, unique: false, first: isFirstFulltext(context, action) })];
    case 'drop-index':
      return [dropIndexVerdict(context, action.name)];
    case 'rename-index':
      return [renameIndexVerdict(context, action.from, action.to)];
    case 'index-visibility':
      return [indexVisibilityVerdict(context, action.name, action.visible)];
    case 'add-constraint':
      return [addConstraintVerdict(context, action.constraint)];
    case 'drop-constraint':
      return [dropConstraintVerdict(context, action.name, action.constraintKind)];
    case 'convert-charset':
      return [convertCharsetVerdict(context, action.charset.value)];
    case 'table-option':
      return [tableOptionVerdict(context, action.option.name, action.option.value.value)];
    case 'partitioning':
      return [partitioningVerdict(context, action.description)];
    case 'rename-table':
      return [renameTableVerdict(context, action.to)];
    case 'other':
      return [action.description.toUpperCase() === 'FORCE' ? forceRebuildVerdict(context) : unknownActionVerdict(context, action.description)];
    default:
      // PostgreSQL-only actions (ALTER COLUMN TYPE, SET NOT NULL …) never come from the MySQL front-end.
      return [unknownActionVerdict(context, action.kind)];
  }
}

function ownCost(verdict: OnlineDdlVerdict): StatementCost {
  return { algorithm: verdict.algorithm, rebuildsTable: verdict.rebuildsTable, concurrentDml: verdict.concurrentDml };
}

/**
 * An INSTANT action's cost beside the others. MySQL: "A statement cannot combine the addition of a
 * column with other ALTER TABLE actions that do not support the INSTANT algorithm" (8.0 manual
 * 17.12.1 Column Operations) — every INSTANT action then runs in place. MariaDB: an instant column
 * change cannot be combined with building an index or rebuilding (ha_innobase
 * instant_alter_column_possible; [ran] 10.11: ADD COLUMN + ADD INDEX rebuilds, ADD COLUMN + DROP
 * INDEX does not).
 */
function costInStatement(target: OnlineDdlTarget, entry: { verdict: OnlineDdlVerdict }, all: readonly { verdict: OnlineDdlVerdict }[]): StatementCost {
  const { verdict } = entry;
  if (verdict.algorithm !== 'instant') return ownCost(verdict);
  const others = all.filter((other) => other !== entry);
  if (target.dialect === 'mysql') {
    if (!others.some((other) => other.verdict.algorithm !== 'instant')) return ownCost(verdict);
    return verdict.withoutInstant ?? { algorithm: 'inplace', rebuildsTable: false, concurrentDml: verdict.concurrentDml };
  }
  const blocksInstant = others.some((other) => other.verdict.buildsIndex || other.verdict.rebuildsTable);
  return blocksInstant && verdict.withoutInstant ? verdict.withoutInstant : ownCost(verdict);
}

function combinedCost(costs: readonly StatementCost[]): StatementCost {
  let algorithm: OnlineDdlAlgorithm = 'instant';
  for (const cost of costs) algorithm = weakerAlgorithm(algorithm, cost.algorithm);
  return { algorithm, rebuildsTable: costs.some((cost) => cost.rebuildsTable), concurrentDml: costs.every((cost) => cost.concurrentDml) };
}

function worseThan(cost: StatementCost, baseline: StatementCost): boolean {
  return algorithmRank(cost.algorithm) > algorithmRank(baseline.algorithm) || (cost.rebuildsTable && !baseline.rebuildsTable) || (!cost.concurrentDml && baseline.concurrentDml);
}

interface StatementTarget {
  readonly table: ObjectName;
  readonly actions: readonly AlterTableAction[];
  readonly clauses: OnlineDdlClauses | undefined;
}

function assemble(
  target: OnlineDdlTarget,
  context: ActionContext,
  statement: StatementTarget,
  verdicts: readonly { action: AlterTableAction | undefined; range: TextRange; verdict: OnlineDdlVerdict }[],
  acceptsAppendedClauses: boolean,
): StatementOnlineDdl | undefined {
  const actions = verdicts.map((entry) => ({ ...entry, inStatement: costInStatement(target, entry, verdicts) }));
  const weakest = weakestVerdict(actions);
  if (!weakest) return undefined;
  const instantLost = actions.filter((entry) => entry.verdict.algorithm === 'instant' && entry.inStatement.algorithm !== 'instant');
  const cost = combinedCost(actions.map((entry) => entry.inStatement));
  const rest = actions.filter((entry) => !instantLost.includes(entry));
  return {
    target,
    table: statement.table,
    tableKnown: context.table !== undefined,
    actions,
    cost,
    weakest,
    instantLost,
    splittingHelps: instantLost.length > 0 && rest.length > 0 && worseThan(cost, combinedCost(rest.map((entry) => entry.inStatement))),
    clauses: statement.clauses,
    acceptsAppendedClauses,
  };
}

/** The online-DDL verdicts of an ALTER TABLE, CREATE INDEX or DROP INDEX … ON; undefined for other statements and dialects. */
export function statementOnlineDdl(stmt: Statement, input: OnlineDdlInput): StatementOnlineDdl | undefined {
  const target = onlineDdlTarget(input.dialect, input.version);
  if (!target) return undefined;
  const contextFor = (table: ObjectName, actions: readonly AlterTableAction[]): ActionContext => ({
    target,
    schema: input.schema,
    table: input.schema.table(table.schema, table.name),
    tableName: table.name,
    tableKey: tableKeyOf(table),
    foreignKeyChecksOff: input.foreignKeyChecksOff,
    actions,
  });
  if (stmt.kind === 'alter-table') {
    const context = contextFor(stmt.table, stmt.actions);
    const verdicts = stmt.actions.flatMap((action) => actionVerdicts(context, action).map((verdict) => ({ action, range: action.range, verdict })));
    const acceptsClauses = !stmt.actions.some((action) => action.kind === 'partitioning');
    return assemble(target, context, { table: stmt.table, actions: stmt.actions, clauses: stmt.onlineDdl }, verdicts, acceptsClauses);
  }
  if (stmt.kind === 'create-index') {
    const context = contextFor(stmt.table, []);
    const verdict = indexVerdict(context, { name: stmt.name?.name, method: stmt.method, unique: stmt.unique, first: isFirstFulltext(context, undefined) });
    return assemble(target, context, { table: stmt.table, actions: [], clauses: stmt.onlineDdl }, [{ action: undefined, range: stmt.range, verdict }], true);
  }
  if (stmt.kind === 'drop' && stmt.objectKind === 'index' && stmt.onTable) {
    const context = contextFor(stmt.onTable, []);
    const verdicts = stmt.names.map((name) => ({ action: undefined, range: stmt.range, verdict: dropIndexVerdict(context, name.name) }));
    return assemble(target, context, { table: stmt.onTable, actions: [], clauses: stmt.onlineDdl }, verdicts, target.dialect === 'mysql');
  }
  return undefined;
}

/** The clause text a statement takes to pin `algorithm` (and LOCK=NONE): ALTER TABLE separates clauses with commas, CREATE/DROP INDEX with spaces. */
export function pinClauseText(stmt: Statement, algorithm: OnlineDdlAlgorithm, lockNone: boolean): string {
  const separator = stmt.kind === 'alter-table' ? ', ' : ' ';
  return `${separator}ALGORITHM=${algorithm.toUpperCase()}${lockNone ? `${separator}LOCK=NONE` : ''}`;
}
