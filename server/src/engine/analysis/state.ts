// The analysis context within one unit (a file, or a migration-tool section): transaction state,
// timeouts set so far, tables, columns and indexes created so far, locks held. Rebuilt by folding
// statements; a later schema model seeds it through `SchemaBefore` with what existed before the file.
// Pure data and pure functions: no rule logic here, only facts several rules read.
import type { ColumnDefinition, Dialect, ObjectName, Statement, TextRange, TypeName } from '../model';
import { blocksWrites, locksTaken, lockStrength, type LockMode } from './locks';
import { applyStatement } from '../schema/apply';
import { SchemaModel } from '../schema/model';

/** What was true before this file, from the workspace schema model (or nothing: every other table is existing). */
export interface SchemaBefore {
  /** Tables created by earlier files of the same, not-yet-deployed change; undefined means none. */
  readonly newTables?: ReadonlySet<string>;
  /** The schema as the earlier migrations left it; the unit works on its own copy. */
  readonly schema?: SchemaModel;
  /**
   * The model replayed every earlier migration of the workspace: a table or column it does not
   * hold does not exist (`unknown-object` reports only then).
   */
  readonly complete?: boolean;
  /** The model after every migration of the workspace (computed on demand: it replays the files after this one). */
  readonly after?: () => SchemaModel;
  /** The file is a down migration: it restores an earlier schema, so design and index rules stay quiet. */
  readonly reverting?: boolean;
}

export interface StrongLock {
  readonly tableKey: string;
  readonly table: string;
  readonly mode: LockMode;
  readonly statementRange: TextRange;
  /** The table was created earlier in this unit: nobody else can be waiting for it. */
  readonly onNewTable: boolean;
  /** The statement named an index whose table is not known here: `table` is the index's name. */
  readonly tableUnknown: boolean;
}

/** A column this unit created or changed, as the unit left it. */
export interface ColumnFact {
  readonly type: TypeName;
  readonly notNull: boolean;
}

/** Why a column is known to hold no NULLs. */
export interface NotNullProof {
  /** True for a validated `CHECK (col IS NOT NULL)`; false when the column itself is NOT NULL. */
  readonly check: boolean;
  /** The proving constraint's name, when it has one (dropping it drops the proof). */
  readonly constraint: string | undefined;
}

/** A table lock as a statement takes it, with the table resolved through indexes created in this unit. */
export interface TableLock {
  /** The table; for an index whose table is unknown here, the index's name. */
  readonly table: ObjectName;
  readonly tableKey: string;
  readonly mode: LockMode;
  readonly onNewTable: boolean;
  /** The statement names an index and its table is not known here (`table` holds the index name). */
  readonly tableUnknown: boolean;
}

export interface AnalysisState {
  /** Inside a transaction, explicit or the one the migration tool wraps the unit in. */
  readonly inTransaction: boolean;
  /** The transaction was opened by a `BEGIN` in the file (not by the tool). */
  readonly explicitTransaction: boolean;
  /** The `BEGIN` statement's range, when explicit (the one that opened the transaction, not a nested one). */
  readonly transactionStart: TextRange | undefined;
  /** True when the migration tool wraps this unit in a transaction. */
  readonly toolTransaction: boolean;
  /** A `BEGIN` issued while a transaction was already open (PostgreSQL ignores it), until that transaction ends. */
  readonly nestedBegin: TextRange | undefined;
  /** lock_timeout is in effect for the next statement (session value, or a SET LOCAL in this transaction). */
  readonly lockTimeoutSet: boolean;
  readonly statementTimeoutSet: boolean;
  /** A SET or RESET of lock_timeout / statement_timeout appeared earlier in the unit. */
  readonly lockTimeoutTouched: boolean;
  readonly statementTimeoutTouched: boolean;
  /** Session values and SET LOCAL overrides (until the transaction ends) behind `…Set`. */
  readonly sessionLockTimeout: boolean;
  readonly localLockTimeout: boolean | undefined;
  readonly sessionStatementTimeout: boolean;
  readonly localStatementTimeout: boolean | undefined;
  /** The session time zone when the unit set one (`SET TIME ZONE 'UTC'`), lower-cased. */
  readonly timeZone: string | undefined;
  /**
   * MySQL/MariaDB `SET foreign_key_checks = 0` is in effect: adding a foreign key then runs in place
   * (no table copy) and existing rows are not checked.
   */
  readonly foreignKeyChecksOff: boolean;
  /** Keys (`schema.table` lower-cased, schema omitted for unqualified) of tables, views and materialized views created so far. */
  readonly newTables: ReadonlySet<string>;
  /** Constraints added NOT VALID in the current transaction, by name. */
  readonly notValidInTransaction: ReadonlyMap<string, TextRange>;
  /** Write-blocking locks held by the current transaction: per table the first of the strongest, in order taken. */
  readonly locksHeld: readonly StrongLock[];
  /** The schema before the current statement: the workspace's model before the file plus this unit's statements so far. Updated in place. */
  readonly schema: SchemaModel;
  /** See `SchemaBefore.complete`. */
  readonly schemaComplete: boolean;
  /** See `SchemaBefore.after`; undefined outside a workspace. */
  readonly laterSchema: (() => SchemaModel) | undefined;
  /**
   * The unit undoes a migration (a down migration file, a dbmate/goose down section): it restores
   * a schema whose design was judged when it was first written, and the model before it is a best
   * guess, so rules about the schema's design and indexes skip it.
   */
  readonly reverting: boolean;
  /** The file being analysed (origins of objects it defines carry it). */
  readonly path: string;
  /** Statements analysed so far in this unit. */
  readonly statementCount: number;
  /** The unit's first statement (where a session setting goes), once one was analysed. */
  readonly firstStatementRange: TextRange | undefined;
  /** The last statement analysed in the unit. */
  readonly lastStatementRange: TextRange | undefined;
  /** The previous statement when it was an ALTER TABLE (SET/RESET in between do not count). */
  readonly previousAlterTable: { readonly tableKey: string; readonly range: TextRange } | undefined;
  /** Indexes created in this unit (key as `tableKey` of schema + index name) → their table. */
  readonly indexTables: ReadonlyMap<string, ObjectName>;
  /** Plain-column indexes created in this unit (same keys) → their columns, for `… USING INDEX`. */
  readonly indexColumns: ReadonlyMap<string, readonly string[]>;
  /** Objects dropped with `DROP … IF EXISTS` earlier in the unit, by `objectKey`: creating one again is re-runnable. */
  readonly droppedIfExists: ReadonlySet<string>;
  /** Types created in the current transaction (`tableKey` of the type name), reset when it ends. */
  readonly typesCreatedInTransaction: ReadonlySet<string>;
  /** Columns created or changed in this unit, by `columnKey`. */
  readonly columns: ReadonlyMap<string, ColumnFact>;
  /**
   * Columns added by `ADD COLUMN` in this unit, by `columnKey`, as defined, while no INSERT or UPDATE
   * wrote to their table since: existing rows hold what the definition gives them (NULL, the default).
   */
  readonly addedColumns: ReadonlyMap<string, ColumnDefinition>;
  /** Columns known to hold no NULLs, by `columnKey`. */
  readonly notNullProofs: ReadonlyMap<string, NotNullProof>;
  /** `CHECK (col IS NOT NULL) NOT VALID` constraints not validated yet, by `constraintKey` → columns. */
  readonly pendingNotNullChecks: ReadonlyMap<string, readonly string[]>;
  /** The unit's first statement that took a write-blocking lock on an existing table with no statement_timeout in effect. */
  readonly firstLockWithoutStatementTimeout:
    | {
        readonly range: TextRange;
        readonly table: string;
        readonly mode: LockMode;
        /** A SET or RESET of statement_timeout came before it (a setting inserted at the top would be overridden). */
        readonly afterTimeoutChange: boolean;
      }
    | undefined;
}

export function tableKey(name: Pick<ObjectName, 'schema' | 'name'>): string {
  return name.schema && name.schema !== 'public' ? `${name.schema}.${name.name}` : name.name;
}

/** Key of a column of a table in `AnalysisState.columns` and `notNullProofs`. */
export function columnKey(table: Pick<ObjectName, 'schema' | 'name'>, column: string): string {
  return `${tableKey(table)}\u0000${column}`;
}

/** Key of an object of a kind (`index`, `table`, `schema` …) in `AnalysisState.droppedIfExists`. */
export function objectKey(kind: string, name: Pick<ObjectName, 'schema' | 'name'>): string {
  return `${kind}\u0000${tableKey(name)}`;
}

function constraintKey(table: Pick<ObjectName, 'schema' | 'name'>, constraint: string): string {
  return `${tableKey(table)}\u0000${constraint}`;
}

/** What the earlier migrations prove NOT NULL: NOT NULL columns and validated `CHECK (col IS NOT NULL)`. */
function proofsFromModel(model: SchemaModel | undefined): Map<string, NotNullProof> {
  const proofs = new Map<string, NotNullProof>();
  for (const table of model?.tables.values() ?? []) {
    for (const check of table.checks) {
      if (!check.validated) continue;
      for (const column of check.notNullColumns) proofs.set(columnKey(table, column), { check: true, constraint: check.name });
    }
    for (const column of table.columns) if (column.notNull) proofs.set(columnKey(table, column.name), { check: false, constraint: undefined });
  }
  return proofs;
}

export function initialState(options: {
  dialect: Dialect;
  toolTransaction: boolean;
  before: SchemaBefore | undefined;
  path: string;
  downSection?: boolean;
}): AnalysisState {
  return {
    reverting: (options.before?.reverting ?? false) || (options.downSection ?? false),
    schema: options.before?.schema?.clone() ?? new SchemaModel(options.dialect),
    schemaComplete: options.before?.complete ?? false,
    laterSchema: options.before?.after,
    path: options.path,
    inTransaction: options.toolTransaction,
    explicitTransaction: false,
    transactionStart: undefined,
    toolTransaction: options.toolTransaction,
    nestedBegin: undefined,
    lockTimeoutSet: false,
    statementTimeoutSet: false,
    lockTimeoutTouched: false,
    statementTimeoutTouched: false,
    sessionLockTimeout: false,
    localLockTimeout: undefined,
    sessionStatementTimeout: false,
    localStatementTimeout: undefined,
    timeZone: undefined,
    foreignKeyChecksOff: false,
    newTables: new Set(options.before?.newTables ?? []),
    notValidInTransaction: new Map(),
    locksHeld: [],
    statementCount: 0,
    firstStatementRange: undefined,
    lastStatementRange: undefined,
    previousAlterTable: undefined,
    indexTables: new Map(),
    indexColumns: new Map(),
    droppedIfExists: new Set(),
    typesCreatedInTransaction: new Set(),
    columns: new Map(),
    addedColumns: new Map(),
    notNullProofs: proofsFromModel(options.before?.schema),
    pendingNotNullChecks: new Map(),
    firstLockWithoutStatementTimeout: undefined,
  };
}

const timeoutIsOn = (value: string | undefined): boolean =>
  value !== undefined && !/^\s*0+\s*(ms|s|min)?\s*$/i.test(value) && value.toLowerCase() !== 'default';

/** Whether a statement's lock target is an index rather than a table (MySQL's `DROP INDEX i ON t` names its table). */
function locksThroughIndex(stmt: Statement): boolean {
  if (stmt.dialect !== 'postgres') return false;
  return (
    (stmt.kind === 'drop' && stmt.objectKind === 'index') ||
    (stmt.kind === 'rename-object' && stmt.objectKind === 'index') ||
    (stmt.kind === 'reindex' && stmt.target === 'index')
  );
}

/**
 * Table locks `stmt` takes, given what the unit created before it: an index created in this unit
 * resolves to its table. REINDEX SCHEMA/DATABASE/SYSTEM lock every table in turn and name none.
 */
export function tableLocks(state: AnalysisState, stmt: Statement): TableLock[] {
  if (stmt.kind === 'reindex' && stmt.target !== 'index' && stmt.target !== 'table') return [];
  const throughIndex = locksThroughIndex(stmt);
  return locksTaken(stmt).map((lock) => {
    const resolved = throughIndex ? (state.indexTables.get(tableKey(lock.table)) ?? modelIndexTable(state, lock.table)) : lock.table;
    const table = resolved ?? lock.table;
    const key = tableKey(table);
    const onNewTable = resolved !== undefined && state.newTables.has(key);
    return { table, tableKey: key, mode: lock.mode, onNewTable, tableUnknown: resolved === undefined };
  });
}

/** The table of an index the workspace model knows (created by an earlier migration). */
function modelIndexTable(state: AnalysisState, index: ObjectName): ObjectName | undefined {
  const found = state.schema.indexes.get(tableKey(index));
  const table = found ? state.schema.tables.get(found.table) : undefined;
  return table ? { schema: table.schema, name: table.name, range: index.range } : undefined;
}

function withTimeouts(state: AnalysisState): AnalysisState {
  return {
    ...state,
    lockTimeoutSet: state.localLockTimeout ?? state.sessionLockTimeout,
    statementTimeoutSet: state.localStatementTimeout ?? state.sessionStatementTimeout,
  };
}

function endTransaction(state: AnalysisState): AnalysisState {
  return withTimeouts({
    ...state,
    inTransaction: false,
    explicitTransaction: false,
    transactionStart: undefined,
    nestedBegin: undefined,
    notValidInTransaction: new Map(),
    typesCreatedInTransaction: new Set(),
    locksHeld: [],
    localLockTimeout: undefined,
    localStatementTimeout: undefined,
  });
}

/**
 * The MySQL/MariaDB session variables that play PostgreSQL's lock_timeout and statement_timeout:
 * `lock_wait_timeout` bounds the wait for a metadata lock (`innodb_lock_wait_timeout` bounds row
 * lock waits only: an ALTER waiting for the metadata lock ignores it, seen on MariaDB 10.11);
 * `max_execution_time` (MySQL, SELECT only) and `max_statement_time` (MariaDB) bound a statement.
 */
const mysqlTimeoutNames: Readonly<Record<string, 'lock_timeout' | 'statement_timeout'>> = {
  lock_wait_timeout: 'lock_timeout',
  max_execution_time: 'statement_timeout',
  max_statement_time: 'statement_timeout',
};

function applyMysqlSet(state: AnalysisState, stmt: Extract<Statement, { kind: 'set' }>): AnalysisState {
  if (stmt.global) return state;
  if (stmt.name === 'foreign_key_checks') {
    const value = stmt.value?.trim().toLowerCase();
    return { ...state, foreignKeyChecksOff: value === '0' || value === 'off' || value === 'false' };
  }
  const timeout = mysqlTimeoutNames[stmt.name];
  return timeout ? applyTimeout(state, timeout, stmt.value, stmt.local) : state;
}

function applySet(state: AnalysisState, stmt: Extract<Statement, { kind: 'set' }>): AnalysisState {
  if (stmt.dialect !== 'postgres') return applyMysqlSet(state, stmt);
  if (stmt.name === 'lock_timeout' || stmt.name === 'statement_timeout') return applyTimeout(state, stmt.name, stmt.value, stmt.local);
  if (stmt.name === 'timezone') return { ...state, timeZone: stmt.value?.trim().toLowerCase() };
  return state;
}

/** A session (or, inside a transaction, transaction-local) lock or statement timeout set to `value`. */
function applyTimeout(state: AnalysisState, which: 'lock_timeout' | 'statement_timeout', value: string | undefined, local: boolean): AnalysisState {
  const on = timeoutIsOn(value);
  // SET LOCAL outside a transaction block has no effect (PostgreSQL only warns).
  if (local && !state.inTransaction) return state;
  if (which === 'lock_timeout') {
    return withTimeouts(
      local
        ? { ...state, lockTimeoutTouched: true, localLockTimeout: on }
        : { ...state, lockTimeoutTouched: true, sessionLockTimeout: on, localLockTimeout: undefined },
    );
  }
  return withTimeouts(
    local
      ? { ...state, statementTimeoutTouched: true, localStatementTimeout: on }
      : { ...state, statementTimeoutTouched: true, sessionStatementTimeout: on, localStatementTimeout: undefined },
  );
}

function applyReset(state: AnalysisState, name: string | undefined): AnalysisState {
  const all = name === undefined;
  let next = state;
  if (all || name === 'lock_timeout') next = { ...next, lockTimeoutTouched: true, sessionLockTimeout: false, localLockTimeout: undefined };
  if (all || name === 'statement_timeout') {
    next = { ...next, statementTimeoutTouched: true, sessionStatementTimeout: false, localStatementTimeout: undefined };
  }
  if (all || name === 'timezone') next = { ...next, timeZone: undefined };
  return withTimeouts(next);
}

/** Moves every entry of a per-table map from one table to another (ALTER TABLE … RENAME TO). */
function renameTableKeys<V>(map: ReadonlyMap<string, V>, from: string, to: string): Map<string, V> {
  const prefix = `${from}\u0000`;
  const next = new Map<string, V>();
  for (const [key, value] of map) next.set(key.startsWith(prefix) ? `${to}\u0000${key.slice(prefix.length)}` : key, value);
  return next;
}

/** Forgets every entry of a per-table map for one table (its rows were written). */
function deleteTableKeys<V>(map: Map<string, V>, table: string): void {
  const prefix = `${table}\u0000`;
  for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
}

/** Keeps `addedColumns` in step with one ALTER TABLE (after any rename-table keys were moved). */
function applyAddedColumns(added: Map<string, ColumnDefinition>, stmt: Extract<Statement, { kind: 'alter-table' }>): void {
  for (const action of stmt.actions) {
    if (action.kind === 'add-column') added.set(columnKey(stmt.table, action.column.name), action.column);
    else if (action.kind === 'drop-column' || action.kind === 'alter-column-type') added.delete(columnKey(stmt.table, action.column));
    else if (action.kind === 'rename-column') moveKey(added, columnKey(stmt.table, action.from), columnKey(stmt.table, action.to));
  }
}

function moveKey<V>(map: Map<string, V>, from: string, to: string): void {
  const value = map.get(from);
  map.delete(from);
  if (value !== undefined) map.set(to, value);
}

interface SchemaFacts {
  columns: Map<string, ColumnFact>;
  proofs: Map<string, NotNullProof>;
  pending: Map<string, readonly string[]>;
}

function markNotNull(facts: SchemaFacts, key: string, proof: NotNullProof): void {
  const column = facts.columns.get(key);
  if (column && !proof.check) facts.columns.set(key, { ...column, notNull: true });
  const existing = facts.proofs.get(key);
  // The column's own NOT NULL outlives any CHECK constraint; keep it when both apply.
  if (!existing || existing.check) facts.proofs.set(key, proof);
}

function applyAlterTableFacts(facts: SchemaFacts, stmt: Extract<Statement, { kind: 'alter-table' }>): void {
  const table = stmt.table;
  for (const action of stmt.actions) {
    switch (action.kind) {
      case 'add-column': {
        const key = columnKey(table, action.column.name);
        facts.columns.set(key, { type: action.column.type, notNull: action.column.notNull });
        facts.proofs.delete(key);
        if (action.column.notNull) facts.proofs.set(key, { check: false, constraint: undefined });
        break;
      }
      case 'alter-column-type': {
        const key = columnKey(table, action.column);
        const column = facts.columns.get(key);
        facts.columns.set(key, { type: action.type, notNull: column?.notNull ?? facts.proofs.get(key)?.check === false });
        break;
      }
      case 'set-not-null':
        markNotNull(facts, columnKey(table, action.column), { check: false, constraint: undefined });
        break;
      case 'drop-not-null': {
        const key = columnKey(table, action.column);
        const column = facts.columns.get(key);
        if (column) facts.columns.set(key, { ...column, notNull: false });
        if (facts.proofs.get(key)?.check === false) facts.proofs.delete(key);
        break;
      }
      case 'drop-column': {
        const key = columnKey(table, action.column);
        facts.columns.delete(key);
        facts.proofs.delete(key);
        break;
      }
      case 'rename-column':
        moveKey(facts.columns, columnKey(table, action.from), columnKey(table, action.to));
        moveKey(facts.proofs, columnKey(table, action.from), columnKey(table, action.to));
        break;
      case 'add-constraint': {
        const constraint = action.constraint;
        if (constraint.kind === 'primary-key') {
          for (const column of constraint.columns) markNotNull(facts, columnKey(table, column), { check: false, constraint: undefined });
        }
        const notNullColumns = constraint.kind === 'check' ? (constraint.notNullColumns ?? []) : [];
        if (notNullColumns.length === 0) break;
        if (!constraint.notValid) {
          for (const column of notNullColumns) markNotNull(facts, columnKey(table, column), { check: true, constraint: constraint.name });
        } else if (constraint.name) {
          facts.pending.set(constraintKey(table, constraint.name), notNullColumns);
        }
        break;
      }
      case 'validate-constraint': {
        const key = constraintKey(table, action.name);
        for (const column of facts.pending.get(key) ?? []) markNotNull(facts, columnKey(table, column), { check: true, constraint: action.name });
        facts.pending.delete(key);
        break;
      }
      case 'drop-constraint': {
        facts.pending.delete(constraintKey(table, action.name));
        const prefix = `${tableKey(table)}\u0000`;
        for (const [key, proof] of facts.proofs) {
          if (key.startsWith(prefix) && proof.check && proof.constraint === action.name) facts.proofs.delete(key);
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * The engine holds one state per unit and never looks back, so collections are updated in place
 * (copying every map per statement made large dumps quadratic); scalars still get a fresh object.
 */
function owned<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
  return map instanceof Map ? map : new Map(map);
}

function ownedSet<V>(set: ReadonlySet<V>): Set<V> {
  return set instanceof Set ? set : new Set(set);
}

/**
 * Adds locks to those the transaction holds, keeping one entry per table: the first of the
 * strongest. A transaction holds a lock until it ends, so a weaker or equal one adds nothing, and
 * a dump of thousands of statements in one transaction stays linear.
 */
function holdLocks(held: readonly StrongLock[], taken: readonly StrongLock[]): StrongLock[] {
  const locks = [...held];
  for (const lock of taken) {
    const index = locks.findIndex((other) => other.tableKey === lock.tableKey);
    const existing = locks[index];
    if (!existing) locks.push(lock);
    else if (lockStrength(lock.mode) > lockStrength(existing.mode)) locks[index] = lock;
  }
  return locks;
}

/** Statement kinds MySQL and MariaDB commit around (Reference Manual, "Statements That Cause an Implicit Commit"). */
const implicitCommitKinds = new Set<Statement['kind']>(['create-table', 'alter-table', 'create-index', 'drop', 'rename-object', 'truncate', 'create-other', 'create-trigger']);

/** A MySQL/MariaDB DDL statement ends the open transaction: nothing before it can be rolled back. */
function causesImplicitCommit(stmt: Statement): boolean {
  if (stmt.dialect === 'postgres' || !implicitCommitKinds.has(stmt.kind)) return false;
  // CREATE TEMPORARY TABLE and DROP TEMPORARY TABLE do not commit.
  return !(stmt.kind === 'create-table' && stmt.temporary);
}

/** The state after `stmt` ran. The previous state value must not be used afterwards. */
export function advanceState(state: AnalysisState, stmt: Statement): AnalysisState {
  // Locks are resolved against the state before the statement: its own CREATE/DROP does not count.
  const strong = tableLocks(state, stmt)
    .filter((lock) => blocksWrites(lock.mode))
    .map((lock) => ({
      tableKey: lock.tableKey,
      table: lock.table.name,
      mode: lock.mode,
      statementRange: stmt.range,
      onNewTable: lock.onNewTable,
      tableUnknown: lock.tableUnknown,
    }));
  applyStatement(state.schema, stmt, state.path);
  const statementTimeoutWasSet = state.statementTimeoutSet;
  const statementTimeoutWasTouched = state.statementTimeoutTouched;
  let next: AnalysisState = {
    ...state,
    statementCount: state.statementCount + 1,
    firstStatementRange: state.firstStatementRange ?? stmt.range,
    lastStatementRange: stmt.range,
    previousAlterTable: stmt.kind === 'set' || stmt.kind === 'reset' ? state.previousAlterTable : undefined,
  };
  switch (stmt.kind) {
    case 'transaction':
      if (stmt.action === 'begin') {
        // A BEGIN inside an open transaction only raises a warning: the outer transaction goes on.
        if (next.inTransaction) return { ...next, nestedBegin: next.nestedBegin ?? stmt.range };
        return {
          ...next,
          inTransaction: true,
          explicitTransaction: true,
          transactionStart: stmt.range,
          notValidInTransaction: new Map(),
          typesCreatedInTransaction: new Set(),
          locksHeld: [],
        };
      }
      if (stmt.action === 'commit' || stmt.action === 'rollback' || stmt.action === 'prepare') {
        return next.inTransaction ? endTransaction(next) : next;
      }
      return next;
    case 'set':
      return applySet(next, stmt);
    case 'reset':
      return applyReset(next, stmt.name);
    case 'create-table': {
      const columns = owned(next.columns);
      const proofs = owned(next.notNullProofs);
      const primaryKey = new Set(stmt.constraints.filter((constraint) => constraint.kind === 'primary-key').flatMap((constraint) => constraint.columns));
      for (const column of stmt.columns) {
        const notNull = column.notNull || primaryKey.has(column.name);
        const key = columnKey(stmt.table, column.name);
        columns.set(key, { type: column.type, notNull });
        if (notNull) proofs.set(key, { check: false, constraint: undefined });
        else proofs.delete(key);
      }
      const newTables = ownedSet(next.newTables);
      newTables.add(tableKey(stmt.table));
      next = { ...next, newTables, columns, notNullProofs: proofs };
      break;
    }
    case 'create-other':
      // A view or materialized view created in this unit is as new as a table: nobody reads it yet.
      if ((stmt.objectKind === 'view' || stmt.objectKind === 'materialized-view') && stmt.name) {
        const newTables = ownedSet(next.newTables);
        newTables.add(tableKey(stmt.name));
        next = { ...next, newTables };
      }
      if (stmt.objectKind === 'type' && stmt.name && next.inTransaction) {
        const types = ownedSet(next.typesCreatedInTransaction);
        types.add(tableKey(stmt.name));
        next = { ...next, typesCreatedInTransaction: types };
      }
      break;
    case 'create-index':
      if (stmt.name) {
        const key = tableKey({ schema: stmt.table.schema, name: stmt.name.name });
        const indexTables = owned(next.indexTables);
        const indexColumns = owned(next.indexColumns);
        indexTables.set(key, stmt.table);
        const columns = stmt.elements.map((element) => element.column);
        if (columns.every((column) => column !== undefined)) indexColumns.set(key, columns);
        else indexColumns.delete(key);
        next = { ...next, indexTables, indexColumns };
      }
      break;
    case 'drop':
      if (stmt.ifExists) {
        const dropped = ownedSet(next.droppedIfExists);
        for (const name of stmt.names) dropped.add(objectKey(stmt.objectKind, name));
        next = { ...next, droppedIfExists: dropped };
      }
      if (stmt.objectKind === 'index') {
        const indexTables = owned(next.indexTables);
        const indexColumns = owned(next.indexColumns);
        for (const name of stmt.names) {
          indexTables.delete(tableKey(name));
          indexColumns.delete(tableKey(name));
        }
        next = { ...next, indexTables, indexColumns };
      }
      break;
    case 'rename-object':
      // MySQL's RENAME TABLE of a table created in this unit: the new name is as new.
      if (stmt.objectKind === 'table' && next.newTables.has(tableKey(stmt.name))) {
        const newTables = ownedSet(next.newTables);
        newTables.add(tableKey({ schema: stmt.name.schema, name: stmt.to }));
        next = { ...next, newTables };
      }
      if (stmt.objectKind === 'index') {
        const indexTables = owned(next.indexTables);
        const indexColumns = owned(next.indexColumns);
        const to = tableKey({ schema: stmt.name.schema, name: stmt.to });
        moveKey(indexTables, tableKey(stmt.name), to);
        moveKey(indexColumns, tableKey(stmt.name), to);
        next = { ...next, indexTables, indexColumns };
      }
      break;
    case 'alter-table': {
      const notValid = owned(next.notValidInTransaction);
      const newTables = ownedSet(next.newTables);
      const facts: SchemaFacts = { columns: owned(next.columns), proofs: owned(next.notNullProofs), pending: owned(next.pendingNotNullChecks) };
      let added = owned(next.addedColumns);
      for (const action of stmt.actions) {
        // Outside a transaction the constraint commits at once: it is not pending in any transaction.
        if (next.inTransaction && action.kind === 'add-constraint' && action.constraint.notValid && action.constraint.name) {
          notValid.set(action.constraint.name, action.range);
        }
        if (action.kind === 'rename-table') {
          const from = tableKey(stmt.table);
          const to = tableKey({ schema: stmt.table.schema, name: action.to });
          if (newTables.has(from)) newTables.add(to);
          facts.columns = renameTableKeys(facts.columns, from, to);
          facts.proofs = renameTableKeys(facts.proofs, from, to);
          facts.pending = renameTableKeys(facts.pending, from, to);
          added = renameTableKeys(added, from, to);
        }
      }
      applyAlterTableFacts(facts, stmt);
      applyAddedColumns(added, stmt);
      next = {
        ...next,
        notValidInTransaction: notValid,
        newTables,
        columns: facts.columns,
        notNullProofs: facts.proofs,
        pendingNotNullChecks: facts.pending,
        addedColumns: added,
        previousAlterTable: { tableKey: tableKey(stmt.table), range: stmt.range },
      };
      break;
    }
    case 'insert':
    case 'update':
      if (next.addedColumns.size > 0) {
        const added = owned(next.addedColumns);
        deleteTableKeys(added, tableKey(stmt.table));
        next = { ...next, addedColumns: added };
      }
      break;
    default:
      break;
  }
  if (next.inTransaction && strong.length > 0) next = { ...next, locksHeld: holdLocks(next.locksHeld, strong) };
  if (next.inTransaction && causesImplicitCommit(stmt)) next = endTransaction(next);
  const unbounded = statementTimeoutWasSet ? undefined : strong.find((lock) => !lock.onNewTable);
  if (unbounded && !next.firstLockWithoutStatementTimeout) {
    next = {
      ...next,
      firstLockWithoutStatementTimeout: { range: stmt.range, table: unbounded.table, mode: unbounded.mode, afterTimeoutChange: statementTimeoutWasTouched },
    };
  }
  return next;
}
