// The analysis context within one unit (a file, or a migration-tool section): transaction state,
// timeouts set so far, tables created so far. Rebuilt by folding statements; a later schema model
// seeds it through `SchemaBefore` with what existed before the file.
import type { ObjectName, Statement, TextRange } from '../model';
import { blocksWrites, locksTaken, type LockMode } from './locks';

/** What was true before this file, from the workspace schema model (or nothing: every other table is existing). */
export interface SchemaBefore {
  /** Tables created by earlier files of the same, not-yet-deployed change; undefined means none. */
  readonly newTables?: ReadonlySet<string>;
}

export interface StrongLock {
  readonly tableKey: string;
  readonly table: string;
  readonly mode: LockMode;
  readonly statementRange: TextRange;
}

export interface AnalysisState {
  /** Inside a transaction, explicit or the one the migration tool wraps the unit in. */
  readonly inTransaction: boolean;
  /** The transaction was opened by a `BEGIN` in the file (not by the tool). */
  readonly explicitTransaction: boolean;
  /** The `BEGIN` statement's range, when explicit. */
  readonly transactionStart: TextRange | undefined;
  /** True when the migration tool wraps this unit in a transaction. */
  readonly toolTransaction: boolean;
  readonly lockTimeoutSet: boolean;
  readonly statementTimeoutSet: boolean;
  /** Keys (`schema.table` lower-cased, schema omitted for unqualified) of tables created so far. */
  readonly newTables: ReadonlySet<string>;
  /** Constraints added NOT VALID in the current transaction, by name. */
  readonly notValidInTransaction: ReadonlyMap<string, TextRange>;
  /** Write-blocking locks held by the current transaction, in order taken. */
  readonly locksHeld: readonly StrongLock[];
  /** Statements analysed so far in this unit. */
  readonly statementCount: number;
}

export function tableKey(name: Pick<ObjectName, 'schema' | 'name'>): string {
  return name.schema && name.schema !== 'public' ? `${name.schema}.${name.name}` : name.name;
}

export function initialState(options: { toolTransaction: boolean; before: SchemaBefore | undefined }): AnalysisState {
  return {
    inTransaction: options.toolTransaction,
    explicitTransaction: false,
    transactionStart: undefined,
    toolTransaction: options.toolTransaction,
    lockTimeoutSet: false,
    statementTimeoutSet: false,
    newTables: new Set(options.before?.newTables ?? []),
    notValidInTransaction: new Map(),
    locksHeld: [],
    statementCount: 0,
  };
}

const timeoutIsOn = (value: string | undefined): boolean =>
  value !== undefined && !/^\s*0+\s*(ms|s|min)?\s*$/i.test(value) && value.toLowerCase() !== 'default';

/** The state after `stmt` ran. */
export function advanceState(state: AnalysisState, stmt: Statement): AnalysisState {
  let next: AnalysisState = { ...state, statementCount: state.statementCount + 1 };
  switch (stmt.kind) {
    case 'transaction':
      if (stmt.action === 'begin') {
        next = { ...next, inTransaction: true, explicitTransaction: true, transactionStart: stmt.range };
      } else if (stmt.action === 'commit' || stmt.action === 'rollback' || stmt.action === 'prepare') {
        next = {
          ...next,
          inTransaction: false,
          explicitTransaction: false,
          transactionStart: undefined,
          notValidInTransaction: new Map(),
          locksHeld: [],
        };
      }
      return next;
    case 'set':
      if (stmt.name === 'lock_timeout') next = { ...next, lockTimeoutSet: timeoutIsOn(stmt.value) };
      if (stmt.name === 'statement_timeout') next = { ...next, statementTimeoutSet: timeoutIsOn(stmt.value) };
      return next;
    case 'reset':
      if (stmt.name === undefined) return { ...next, lockTimeoutSet: false, statementTimeoutSet: false };
      if (stmt.name === 'lock_timeout') next = { ...next, lockTimeoutSet: false };
      if (stmt.name === 'statement_timeout') next = { ...next, statementTimeoutSet: false };
      return next;
    case 'create-table':
      next = { ...next, newTables: new Set([...next.newTables, tableKey(stmt.table)]) };
      break;
    case 'alter-table': {
      const notValid = new Map(next.notValidInTransaction);
      let newTables = next.newTables;
      for (const action of stmt.actions) {
        if (action.kind === 'add-constraint' && action.constraint.notValid && action.constraint.name) {
          notValid.set(action.constraint.name, action.range);
        }
        if (action.kind === 'rename-table' && newTables.has(tableKey(stmt.table))) {
          newTables = new Set([...newTables, tableKey({ schema: stmt.table.schema, name: action.to })]);
        }
      }
      next = { ...next, notValidInTransaction: notValid, newTables };
      break;
    }
    default:
      break;
  }
  if (next.inTransaction) {
    const strong = locksTaken(stmt)
      .filter((lock) => blocksWrites(lock.mode))
      .map((lock) => ({ tableKey: tableKey(lock.table), table: lock.table.name, mode: lock.mode, statementRange: stmt.range }));
    if (strong.length > 0) next = { ...next, locksHeld: [...next.locksHeld, ...strong] };
  }
  return next;
}
