// The indexes a statement builds, in the schema model's terms, and how the index rules compare them
// with the indexes already there: same key, leading part of a key, MySQL's InnoDB facts (secondary
// indexes carry the primary key, foreign keys need an index). PostgreSQL builds indexes with CREATE
// INDEX only (as far as these rules judge); MySQL/MariaDB also with ALTER TABLE … ADD INDEX|UNIQUE
// and inside CREATE TABLE. Reads the model only, never reports.
import type { ObjectName, Statement, StatementOf, TableConstraint, TextEdit, TextRange } from '../../model';
import type { ReportInput, RuleContext } from './rule';
import { removeStatement } from './edits';
import { indexServesForeignKey, primaryKeyOf, qualifiedKey, type SchemaIndex, type SchemaIndexElement, type SchemaModel } from '../../schema/model';

/** What the rules compare of an index. */
export interface IndexShape {
  /** As written or stored; undefined when the server names it. */
  readonly name: string | undefined;
  readonly unique: boolean;
  readonly primary: boolean;
  readonly method: string;
  readonly elements: readonly SchemaIndexElement[];
  readonly predicate: string | undefined;
}

/** An index a statement builds. */
export interface BuiltIndex extends IndexShape {
  readonly table: ObjectName;
  readonly tableKey: string;
  /** Where a finding about it goes. */
  readonly range: TextRange;
  /** The start of the range the schema model records as the index's `definedAt`. */
  readonly originStart: number;
  /** An edit that takes the index out of the migration, when one can be made. */
  readonly removal: TextEdit | undefined;
  /** MySQL `SERIAL`: the UNIQUE key the type adds, not written by the user. */
  readonly fromSerial: boolean;
}

/** An index to compare with: one of the model, or one built earlier by the same statement. */
export interface ComparedIndex extends IndexShape {
  /** The PRIMARY KEY or UNIQUE constraint it backs (model indexes only). */
  readonly constraint: string | undefined;
  readonly origin: IndexOrigin;
  /** Set when the same statement builds it (a finding can then be placed on it and remove it). */
  readonly built?: BuiltIndex;
}

/** Where an index was defined: how a finding held to the unit's end finds it again. */
export interface IndexOrigin {
  readonly path: string;
  readonly start: number;
}

/** An index element as compared: the column (with a MySQL prefix length), or the expression's text without spaces and case. */
export function elementKey(element: { readonly column: string | undefined; readonly expression?: string | undefined; readonly prefixLength?: number }): string {
  if (element.column === undefined) return `e:${(element.expression ?? '').replace(/\s+/g, '').toLowerCase()}`;
  return element.prefixLength === undefined ? `c:${element.column}` : `c:${element.column}(${element.prefixLength})`;
}

export function predicateKey(predicate: string | undefined): string {
  return (predicate ?? '').replace(/\s+/g, '').toLowerCase();
}

export function keysOf(index: { readonly elements: readonly SchemaIndexElement[] }): string[] {
  return index.elements.map(elementKey);
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** `prefix` is a proper leading part of `keys`. */
export function isLeadingPrefix(prefix: readonly string[], keys: readonly string[]): boolean {
  return prefix.length < keys.length && prefix.every((key, index) => key === keys[index]);
}

const columnElements = (columns: readonly string[]): SchemaIndexElement[] => columns.map((column) => ({ column, expression: undefined }));

function elementsOf(parts: StatementOf<'create-index'>['elements']): SchemaIndexElement[] {
  return parts.map((part) => ({ column: part.column, expression: part.expression?.text, ...(part.prefixLength !== undefined ? { prefixLength: part.prefixLength } : {}) }));
}

/**
 * An edit deleting `range` from a comma-separated list whose items (all of them, `range` included)
 * are `items`: with the comma before it, or the one after it when it comes first. Offsets only.
 */
function removeListItem(items: readonly TextRange[], range: TextRange): TextEdit | undefined {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const at = sorted.findIndex((item) => item.start === range.start);
  const before = sorted[at - 1];
  const after = sorted[at + 1];
  if (at < 0 || (!before && !after)) return undefined;
  return before ? { range: { start: before.end, end: range.end }, newText: '' } : { range: { start: range.start, end: after?.start ?? range.end }, newText: '' };
}

function keyIndex(
  table: ObjectName,
  constraint: TableConstraint,
  place: { readonly range: TextRange; readonly originStart: number; readonly removal: TextEdit | undefined; readonly fromSerial?: boolean },
): BuiltIndex | undefined {
  if (constraint.kind !== 'primary-key' && constraint.kind !== 'unique') return undefined;
  return {
    table,
    tableKey: qualifiedKey(table.schema, table.name),
    name: constraint.kind === 'primary-key' ? 'PRIMARY' : constraint.name,
    unique: true,
    primary: constraint.kind === 'primary-key',
    method: 'btree',
    elements: columnElements(constraint.columns),
    predicate: undefined,
    fromSerial: place.fromSerial ?? false,
    ...place,
  };
}

/** A plain (non-key) index the statement builds at `place`. */
function plainIndex(
  table: ObjectName,
  index: { readonly name: string | undefined; readonly method: string; readonly elements: StatementOf<'create-index'>['elements'] },
  place: { readonly range: TextRange; readonly removal: TextEdit | undefined },
): BuiltIndex {
  return {
    table,
    tableKey: qualifiedKey(table.schema, table.name),
    name: index.name,
    unique: false,
    primary: false,
    method: index.method,
    elements: elementsOf(index.elements),
    predicate: undefined,
    range: place.range,
    originStart: place.range.start,
    removal: place.removal,
    fromSerial: false,
  };
}

function createIndexBuilt(ctx: RuleContext, stmt: StatementOf<'create-index'>): BuiltIndex {
  const index = plainIndex(stmt.table, { name: stmt.name?.name, method: stmt.method, elements: stmt.elements }, { range: stmt.range, removal: removeStatement(ctx.text, stmt.range) });
  return { ...index, unique: stmt.unique, predicate: stmt.where?.text };
}

/** MySQL/MariaDB: the keys and indexes of a CREATE TABLE, the primary key first (as the server builds them). */
function createTableBuilt(stmt: StatementOf<'create-table'>): BuiltIndex[] {
  const items = [...stmt.columns.map((column) => column.range), ...stmt.constraints.map((constraint) => constraint.range), ...(stmt.indexes ?? []).map((index) => index.range)];
  const built: BuiltIndex[] = [];
  for (const column of stmt.columns) {
    for (const constraint of column.constraints) {
      const fromSerial = constraint.range.start === column.type.range.start && constraint.range.end === column.type.range.end;
      // `id SERIAL PRIMARY KEY` gets the primary key alone (MariaDB 10.11 builds no UNIQUE `id` beside it).
      if (fromSerial && column.constraints.some((other) => other.kind === 'primary-key')) continue;
      const index = keyIndex(stmt.table, constraint, { range: constraint.range, originStart: constraint.range.start, removal: undefined, fromSerial });
      if (index) built.push(index);
    }
  }
  for (const constraint of stmt.constraints) {
    const index = keyIndex(stmt.table, constraint, { range: constraint.range, originStart: constraint.range.start, removal: removeListItem(items, constraint.range) });
    if (index) built.push(index);
  }
  for (const index of stmt.indexes ?? []) built.push(plainIndex(stmt.table, index, { range: index.range, removal: removeListItem(items, index.range) }));
  return [...built.filter((index) => index.primary), ...built.filter((index) => !index.primary)];
}

/** MySQL/MariaDB: ADD INDEX, ADD UNIQUE / PRIMARY KEY, and keys declared with an added or redefined column. */
function alterTableBuilt(ctx: RuleContext, stmt: StatementOf<'alter-table'>): BuiltIndex[] {
  const clauses = [stmt.onlineDdl?.algorithm?.range, stmt.onlineDdl?.lock?.range].filter((range) => range !== undefined);
  const items = [...stmt.actions.map((action) => action.range), ...clauses];
  const removal = (range: TextRange): TextEdit | undefined => (stmt.actions.length === 1 ? removeStatement(ctx.text, stmt.range) : removeListItem(items, range));
  const built: BuiltIndex[] = [];
  for (const action of stmt.actions) {
    if (action.kind === 'add-index') {
      built.push(plainIndex(stmt.table, action.index, { range: action.range, removal: removal(action.range) }));
    } else if (action.kind === 'add-constraint') {
      const index = keyIndex(stmt.table, action.constraint, { range: action.range, originStart: action.range.start, removal: removal(action.range) });
      if (index) built.push(index);
    } else if (action.kind === 'add-column' || action.kind === 'change-column') {
      const column = action.kind === 'add-column' ? action.column : action.definition;
      for (const constraint of column.constraints) {
        const index = keyIndex(stmt.table, constraint, { range: constraint.range, originStart: constraint.range.start, removal: undefined });
        if (index) built.push(index);
      }
    }
  }
  return built;
}

/** Every index the statement builds, in the order the server builds them. */
function builtIndexesOf(ctx: RuleContext, stmt: Statement): BuiltIndex[] {
  if (stmt.kind === 'create-index') return [createIndexBuilt(ctx, stmt)];
  if (stmt.dialect === 'postgres') return [];
  if (stmt.kind === 'create-table') return stmt.temporary || stmt.fromQuery ? [] : createTableBuilt(stmt);
  if (stmt.kind === 'alter-table') return alterTableBuilt(ctx, stmt);
  return [];
}

/** The indexes the statement builds, worked out once per statement for the index rules. */
export function indexesBuilt(ctx: RuleContext, stmt: Statement): readonly BuiltIndex[] {
  return ctx.statementFact(builtIndexesOf, stmt);
}

function comparedFromModel(model: SchemaModel, index: SchemaIndex): ComparedIndex {
  const table = model.tables.get(index.table);
  const primary = index.constraint !== undefined && table !== undefined && primaryKeyOf(table)?.name === index.constraint;
  return { ...index, primary, origin: { path: index.definedAt.path, start: index.definedAt.range.start } };
}

function comparedFromBuilt(ctx: RuleContext, index: BuiltIndex): ComparedIndex {
  return { ...index, constraint: index.unique ? (index.name ?? '') : undefined, origin: { path: ctx.state.path, start: index.originStart }, built: index };
}

/**
 * The indexes each built index is compared with: those on its table before the statement, then the
 * ones the statement built before it. An index InnoDB made for a foreign key is left out when the
 * new one serves the key, since the server then drops it. Undefined entries mark indexes not judged
 * (a table the model does not hold, IF NOT EXISTS over an existing name).
 */
export function indexesToCompare(ctx: RuleContext, stmt: Statement): readonly { readonly built: BuiltIndex; readonly others: readonly ComparedIndex[] }[] {
  if (!buildsIndexes(stmt)) return [];
  return ctx.statementFact(indexComparisonsOf, stmt);
}

/** Only these statements build indexes (MySQL also builds them in CREATE and ALTER TABLE). */
function buildsIndexes(stmt: Statement): boolean {
  return stmt.kind === 'create-index' || (stmt.dialect !== 'postgres' && (stmt.kind === 'create-table' || stmt.kind === 'alter-table'));
}

function indexComparisonsOf(ctx: RuleContext, stmt: Statement): { readonly built: BuiltIndex; readonly others: ComparedIndex[] }[] {
  const model = ctx.state.schema;
  const judged: { built: BuiltIndex; others: ComparedIndex[] }[] = [];
  const earlier: BuiltIndex[] = [];
  for (const built of indexesBuilt(ctx, stmt)) {
    const table = model.tables.get(built.tableKey);
    const existing = table ? model.indexesOn(built.tableKey) : [];
    const ifNotExists = stmt.kind === 'create-index' && stmt.ifNotExists && built.name !== undefined && table !== undefined && model.indexes.has(model.indexKey(table.schema, table.name, built.name));
    // CREATE TABLE over an existing table creates nothing (IF NOT EXISTS) or fails.
    const builds = stmt.kind === 'create-table' ? table === undefined : table !== undefined && !ifNotExists;
    if (builds) {
      const kept = existing.filter((index) => index.createdFor === undefined || !indexServesForeignKey(built, columnsOf(index)));
      judged.push({ built, others: [...kept.map((index) => comparedFromModel(model, index)), ...earlier.map((index) => comparedFromBuilt(ctx, index))] });
    }
    earlier.push(built);
  }
  return judged;
}

function columnsOf(index: { readonly elements: readonly SchemaIndexElement[] }): string[] {
  return index.elements.flatMap((element) => (element.column ? [element.column] : []));
}

/**
 * The table's primary key columns as the statement leaves them: InnoDB appends them to every
 * secondary index, so `(a)` holds what `(a, id)` holds. Empty for PostgreSQL and without a key.
 */
export function primaryKeyColumns(ctx: RuleContext, stmt: Statement, tableKey: string): readonly string[] {
  if (stmt.dialect === 'postgres') return [];
  const table = ctx.state.schema.tables.get(tableKey);
  const key = table ? primaryKeyOf(table)?.columns : undefined;
  return key ?? indexesBuilt(ctx, stmt).find((index) => index.primary && index.tableKey === tableKey)?.elements.flatMap((element) => (element.column ? [element.column] : [])) ?? [];
}

/** A secondary index's key as InnoDB stores it: its parts, then the primary key columns it lacks. */
export function storedKeys(index: { readonly primary: boolean; readonly elements: readonly SchemaIndexElement[] }, primaryKey: readonly string[]): string[] {
  const keys = keysOf(index);
  if (index.primary) return keys;
  const whole = new Set(index.elements.flatMap((element) => (element.column !== undefined && element.prefixLength === undefined ? [element.column] : [])));
  return [...keys, ...primaryKey.filter((column) => !whole.has(column)).map((column) => elementKey({ column }))];
}

/** How a finding names an index: `index \`x\``, the index of a constraint, or (MySQL, where it is the table) the primary key. */
export function indexLabel(stmt: Statement, index: ComparedIndex): string {
  if (index.primary && stmt.dialect !== 'postgres') return 'the primary key';
  if (index.constraint !== undefined && index.name !== undefined) return `the index of constraint \`${index.constraint}\``;
  return index.name === undefined ? 'an index this statement builds' : `index \`${index.name}\``;
}

/** A finding about two indexes, held until the unit ends: a migration that builds a replacement and then drops the old index is fine. */
export interface PendingIndexFinding {
  readonly report: ReportInput;
  /** The index the finding would take away. */
  readonly dropped: IndexOrigin;
  /** The index that stays and does the dropped one's work. */
  readonly kept: IndexOrigin;
}

function indexAt(model: SchemaModel, origin: IndexOrigin): SchemaIndex | undefined {
  for (const index of model.indexes.values()) if (index.definedAt.path === origin.path && index.definedAt.range.start === origin.start) return index;
  return undefined;
}

/**
 * Whether InnoDB lets the index go: every foreign key it serves is served by another index of the
 * table too. Otherwise MySQL refuses the DROP INDEX (MariaDB 10.11: error 1553 "needed in a foreign
 * key constraint"), or builds the index again for a key added without it.
 */
function droppable(model: SchemaModel, dropped: SchemaIndex): boolean {
  const table = model.tables.get(dropped.table);
  if (model.dialect === 'postgres' || !table) return true;
  const others = model.indexesOn(dropped.table).filter((index) => index !== dropped);
  return table.foreignKeys.every((foreignKey) => !indexServesForeignKey(dropped, foreignKey.columns) || others.some((index) => indexServesForeignKey(index, foreignKey.columns)));
}

/**
 * A statement the model cannot follow (a stored procedure call such as authelia's
 * `CALL PROC_DROP_INDEX('t', 'i')`, a DO block) names the index and its table: it may have dropped it.
 */
function maybeDroppedOpaquely(model: SchemaModel, index: SchemaIndex): boolean {
  const table = model.tables.get(index.table);
  return table !== undefined && model.mentionedOpaquely(index.name) && model.mentionedOpaquely(table.name);
}

export function reportIfIndexesRemain(ctx: RuleContext, pending: readonly PendingIndexFinding[]): void {
  const model = ctx.state.schema;
  for (const finding of pending) {
    const dropped = indexAt(model, finding.dropped);
    const kept = indexAt(model, finding.kept);
    if (!dropped || !kept || !droppable(model, dropped) || maybeDroppedOpaquely(model, dropped) || maybeDroppedOpaquely(model, kept)) continue;
    ctx.report(finding.report);
  }
}

