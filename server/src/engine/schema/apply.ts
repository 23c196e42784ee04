// Applies one statement's effect to the schema model, as the server would: creates, alters,
// renames and drops of tables, columns, keys, indexes, foreign keys, checks, enums, views and
// sequences. Statements the model cannot follow (DO blocks, functions) leave their words in
// `opaqueWords`. A statement naming something the model does not hold changes nothing.
import type { AlterTableAction, ColumnDefinition, IndexDefinition, IndexElement, ObjectName, Statement, StatementOf, TableConstraint, TextRange, TypeName } from '../model';
import { columnOf, indexServesForeignKey, primaryKeyOf, qualifiedKey, type ColumnType, type Origin, type SchemaColumn, type SchemaIndex, type SchemaIndexElement, type SchemaModel, type SchemaTable } from './model';
import { chooseName, columnsAddition, constraintName } from './names';
import { definedCharset, mysqlConstraintName, mysqlIndexName, primaryKeyName, renamedWithTable, takesCharset, writtenCharset } from './names-mysql';
import { quoteName } from '../rules/lib/locking-helpers';

/** Serial pseudo-types: the integer type they stand for. */
const serialTypes: Record<string, string> = { serial: 'int4', bigserial: 'int8', smallserial: 'int2' };

export function columnType(type: TypeName): ColumnType {
  return {
    canonical: serialTypes[type.canonical] ?? type.canonical,
    modifiers: type.modifiers,
    isArray: type.isArray,
    ...(type.unsigned ? { unsigned: true } : {}),
    ...(type.values ? { values: type.values } : {}),
  };
}

interface Applier {
  readonly model: SchemaModel;
  readonly path: string;
  origin(range: TextRange): Origin;
}

/**
 * Statements whose effect the model cannot follow. `Unparsed` stands for a template or a statement
 * with a syntax error; MySQL's `Call`, `Prepare` and `Execute` run a routine or dynamic SQL.
 */
const opaqueNodeTypes = new Set(['DoStmt', 'Unparsed', 'CallStmt', 'Call', 'Prepare', 'Execute']);

export function applyStatement(model: SchemaModel, stmt: Statement, path: string): void {
  const applier: Applier = { model, path, origin: (range) => ({ path, range }) };
  switch (stmt.kind) {
    case 'create-table':
      createTable(applier, stmt);
      break;
    case 'alter-table':
      alterTable(applier, stmt);
      break;
    case 'create-index':
      createIndex(applier, stmt);
      break;
    case 'drop':
      // MySQL's `DROP INDEX i ON t` names the index within its table.
      if (stmt.objectKind === 'index' && stmt.onTable && model.dialect !== 'postgres') {
        for (const name of stmt.names) dropMysqlIndex(applier, keyOf(stmt.onTable), name.name, stmt.range);
      } else for (const name of stmt.names) drop(applier, stmt.objectKind, name, stmt.cascade);
      break;
    case 'rename-object':
      renameObject(applier, stmt);
      break;
    case 'create-other':
      createOther(applier, stmt);
      break;
    case 'alter-enum-add-value':
      addEnumValue(applier, stmt);
      break;
    case 'alter-enum-rename-value':
      renameEnumValue(applier, stmt);
      break;
    case 'set-object-schema':
      moveObject(applier, stmt);
      break;
    case 'other':
      if (opaqueNodeTypes.has(stmt.nodeType)) addOpaqueWords(model, stmt);
      break;
    default:
      break;
  }
}

/** Word sets by statement: a workspace replays the same statements after every edit. */
const opaqueWordCache = new WeakMap<Statement, ReadonlySet<string>>();

/** Remembers the words of a statement the model cannot follow: anything it names may exist. */
function addOpaqueWords(model: SchemaModel, stmt: Statement): void {
  let words = opaqueWordCache.get(stmt);
  if (!words) {
    const found = new Set<string>();
    for (const match of stmt.text.matchAll(/[a-z_][\w$]*/gi)) found.add(match[0].toLowerCase());
    words = found;
    opaqueWordCache.set(stmt, words);
  }
  model.opaqueWords.push(words);
}

function keyOf(name: Pick<ObjectName, 'schema' | 'name'>): string {
  return qualifiedKey(name.schema, name.name);
}

/**
 * A column as defined; `owner` is the MySQL table it is defined in (as it is at that moment), whose
 * default character set a text column without its own takes.
 */
function newColumn(applier: Applier, table: string, schema: string | undefined, column: ColumnDefinition, owner?: Pick<SchemaTable, 'charset'>): SchemaColumn {
  const origin = applier.origin(column.range);
  const serial = serialTypes[column.type.canonical] !== undefined;
  // `DEFAULT NULL` sets no default.
  let columnDefault = column.default?.isNull ? undefined : column.default?.text;
  let sequence: string | undefined;
  if (serial || column.identity) {
    const name = chooseName(applier.model, schema, table, column.name, 'seq');
    sequence = qualifiedKey(schema, name);
    applier.model.sequences.add(sequence);
    const qualified = schema && schema !== 'public' ? `${quoteName(schema)}.${quoteName(name)}` : quoteName(name);
    if (serial) columnDefault = `nextval('${qualified.replaceAll("'", "''")}'::regclass)`;
  }
  return {
    ...(sequence ? { sequence } : {}),
    name: column.name,
    type: columnType(column.type),
    notNull: column.notNull || serial || column.identity,
    default: columnDefault,
    identity: column.identity,
    generated: column.generated ? (column.generated.stored ? 'stored' : 'virtual') : undefined,
    ...withCharset(definedCharset(owner, column.type.canonical, writtenCharset(column.charset?.value, column.collation?.value))),
    ...(column.autoIncrement ? { autoIncrement: true } : {}),
    definedAt: origin,
    changedAt: origin,
  };
}

function withCharset(charset: string | undefined): { charset?: string } {
  return charset === undefined ? {} : { charset };
}

function createTable(applier: Applier, stmt: StatementOf<'create-table'>): void {
  const { model } = applier;
  const key = keyOf(stmt.table);
  if (stmt.temporary || (stmt.ifNotExists && model.tables.has(key))) return;
  const origin = applier.origin(stmt.range);
  const { schema, name } = stmt.table;
  const parent = stmt.partitionOf ? model.tables.get(keyOf(stmt.partitionOf)) : undefined;
  const option = (option: string): string | undefined => stmt.options?.find((candidate) => candidate.name === option)?.value.value;
  const engine = option('engine');
  // `DEFAULT COLLATE=utf8mb4_bin` alone sets the default character set too.
  const charset = writtenCharset(option('charset'), option('collate'));
  const ownColumns = stmt.columns.map((column) => newColumn(applier, name, schema, column, { charset }));
  const inherited = (stmt.inherits ?? []).map((name) => model.tables.get(keyOf(name)));
  // Children inherit columns, NOT NULL and defaults, not identity (nor the sequence behind it).
  const inheritedColumns = inherited
    .flatMap((table) => table?.columns ?? [])
    .map(({ sequence: _sequence, ...column }) => ({ ...column, identity: false, definedAt: origin, changedAt: origin }));
  // A partition takes its parent's columns; its own column clauses only add constraints. An
  // INHERITS child has its parents' columns, then its own (a repeated name merges).
  const columns = parent
    ? parent.columns.map((column) => ({ ...column, definedAt: origin, changedAt: origin }))
    : [...inheritedColumns.filter((column) => !ownColumns.some((own) => own.name === column.name)), ...ownColumns];
  model.tables.set(key, {
    schema,
    name,
    kind: 'table',
    ...(engine ? { engine } : {}),
    ...withCharset(charset),
    columns,
    columnsIncomplete: stmt.fromQuery || (stmt.partitionOf !== undefined && !parent) || inherited.some((table) => table === undefined || table.columnsIncomplete),
    keys: [],
    foreignKeys: [],
    // CHECK constraints are inherited under the same names.
    checks: inherited.flatMap((table) => table?.checks ?? []).map((check) => ({ ...check, definedAt: origin })),
    dependsOn: [],
    dependsOnColumns: [],
    partitionOf: stmt.partitionOf ? keyOf(stmt.partitionOf) : undefined,
    definedAt: origin,
    changedAt: origin,
  });
  if (parent && stmt.partitionOf) inheritPartitionIndexes(applier, keyOf(stmt.partitionOf), key, origin);
  const constraints = [...stmt.columns.flatMap((column) => column.constraints), ...stmt.constraints];
  // Keys first: an inline `REFERENCES` to the table itself needs its primary key.
  const ordered = [...constraints.filter((constraint) => constraint.kind === 'primary-key'), ...constraints.filter((constraint) => constraint.kind !== 'primary-key')];
  if (model.dialect === 'postgres') {
    for (const constraint of ordered) addConstraint(applier, key, constraint, applier.origin(constraint.range));
    return;
  }
  // MySQL names unnamed keys, indexes and a foreign key's own index in the order they are written
  // (`KEY (a), UNIQUE (a)` are `a` and `a_2`), and drops a foreign key's index when a later one
  // serves the key (MariaDB 10.11).
  const elements = [...ordered.map((constraint) => ({ start: constraint.range.start, constraint, index: undefined })), ...(stmt.indexes ?? []).map((index) => ({ start: index.range.start, constraint: undefined, index }))];
  const primaryFirst = (element: (typeof elements)[number]): number => (element.constraint?.kind === 'primary-key' ? -1 : element.start);
  for (const element of elements.sort((a, b) => primaryFirst(a) - primaryFirst(b))) {
    if (element.constraint) addConstraint(applier, key, element.constraint, applier.origin(element.constraint.range));
    else if (element.index) addMysqlIndex(applier, key, element.index, false, applier.origin(element.index.range));
  }
}

/** Replaces a table with `change(table)`, recording where it changed; unknown tables stay unknown. */
function updateTable(applier: Applier, key: string, range: TextRange, change: (table: SchemaTable) => SchemaTable): SchemaTable | undefined {
  const table = applier.model.tables.get(key);
  if (!table) return undefined;
  const next = { ...change(table), changedAt: applier.origin(range) };
  applier.model.tables.set(key, next);
  return next;
}

function updateColumn(applier: Applier, key: string, column: string, range: TextRange, change: (column: SchemaColumn) => SchemaColumn): void {
  const origin = applier.origin(range);
  updateTable(applier, key, range, (table) => ({
    ...table,
    columns: table.columns.map((existing) => (existing.name === column ? { ...change(existing), changedAt: origin } : existing)),
  }));
}

function alterTable(applier: Applier, stmt: StatementOf<'alter-table'>): void {
  let key = keyOf(stmt.table);
  for (const action of stmt.actions) key = alterAction(applier, key, stmt.table.schema, action) ?? key;
}

/** Applies one ALTER TABLE action; returns the table's new key after a rename or schema move. */
function alterAction(applier: Applier, key: string, schema: string | undefined, action: AlterTableAction): string | undefined {
  const { model } = applier;
  const table = model.tables.get(key);
  if (!table) return undefined;
  const range = action.range;
  switch (action.kind) {
    case 'add-column': {
      if (table.columns.some((column) => column.name === action.column.name)) return undefined;
      const column = newColumn(applier, table.name, table.schema, action.column, table);
      updateTable(applier, key, range, (current) => ({ ...current, columns: [...current.columns, column] }));
      for (const constraint of action.column.constraints) addConstraint(applier, key, constraint, applier.origin(constraint.range));
      return undefined;
    }
    case 'drop-column':
      dropColumn(applier, key, action.column, range, action.cascade);
      return undefined;
    case 'alter-column-type':
      updateColumn(applier, key, action.column, range, (column) => ({ ...column, type: columnType(action.type) }));
      return undefined;
    case 'set-not-null':
    case 'drop-not-null':
      updateColumn(applier, key, action.column, range, (column) => ({ ...column, notNull: action.kind === 'set-not-null' }));
      return undefined;
    case 'set-default':
      updateColumn(applier, key, action.column, range, (column) => ({ ...column, default: action.default.isNull ? undefined : action.default.text }));
      return undefined;
    case 'drop-default':
      updateColumn(applier, key, action.column, range, (column) => ({ ...column, default: undefined }));
      return undefined;
    case 'add-constraint':
      addConstraint(applier, key, action.constraint, applier.origin(range));
      return undefined;
    case 'validate-constraint':
      updateTable(applier, key, range, (current) => ({
        ...current,
        foreignKeys: current.foreignKeys.map((foreignKey) => (foreignKey.name === action.name ? { ...foreignKey, validated: true } : foreignKey)),
        checks: current.checks.map((check) => (check.name === action.name ? { ...check, validated: true } : check)),
      }));
      return undefined;
    case 'drop-constraint':
      // MySQL's DROP PRIMARY KEY drops the key's index, PRIMARY, too.
      if (action.constraintKind === 'primary-key') dropMysqlIndex(applier, key, primaryKeyName, range);
      dropConstraint(applier, key, action.name, range, action.cascade ?? false);
      return undefined;
    case 'rename-column':
      renameColumn(applier, key, action.from, action.to, range);
      return undefined;
    case 'rename-constraint':
      renameConstraint(applier, key, action.from, action.to, range);
      return undefined;
    case 'rename-table':
      return moveTable(applier, key, table.schema ?? schema, action.to, range);
    case 'set-schema':
      return moveTable(applier, key, action.schema, table.name, range);
    case 'change-column':
      changeColumn(applier, key, action);
      return undefined;
    case 'add-index':
      addMysqlIndex(applier, key, action.index, false, applier.origin(range));
      return undefined;
    case 'drop-index':
      dropMysqlIndex(applier, key, action.name, range);
      return undefined;
    case 'rename-index':
      renameMysqlIndex(applier, key, action.from, action.to, range);
      return undefined;
    case 'convert-charset': {
      // Every column of a type with a character set is converted, and the table's default set.
      const charset = writtenCharset(action.charset.value, undefined);
      updateTable(applier, key, range, (current) => ({
        ...current,
        ...withCharset(charset),
        columns: current.columns.map((column) => (takesCharset(column.type.canonical) ? { ...column, ...withCharset(charset) } : column)),
      }));
      return undefined;
    }
    case 'table-option': {
      const { name, value } = action.option;
      // The table's default only: existing columns keep theirs; `COLLATE=` alone names the character set too.
      const charset = name === 'charset' ? writtenCharset(value.value, undefined) : name === 'collate' ? writtenCharset(undefined, value.value) : undefined;
      if (name === 'engine') updateTable(applier, key, range, (current) => ({ ...current, engine: value.value }));
      else if (charset !== undefined) updateTable(applier, key, range, (current) => ({ ...current, charset }));
      return undefined;
    }
    case 'other':
      if (action.description === 'AddIdentity' || action.description === 'DropIdentity') {
        const identity = action.description === 'AddIdentity';
        const column = action.column;
        if (column !== undefined) updateColumn(applier, key, column, range, (current) => ({ ...current, identity, notNull: current.notNull || identity }));
      }
      return undefined;
    default:
      return undefined;
  }
}

/** MySQL/MariaDB CHANGE / MODIFY: the column replaced by its new definition, renamed when the name changes. */
function changeColumn(applier: Applier, key: string, action: Extract<AlterTableAction, { kind: 'change-column' }>): void {
  const table = applier.model.tables.get(key);
  if (!table || !columnOf(table, action.column)) return;
  if (action.definition.name !== action.column) renameColumn(applier, key, action.column, action.definition.name, action.range);
  // The new definition is the whole column: without a character set it takes the table's default.
  const replacement = newColumn(applier, table.name, table.schema, action.definition, table);
  // A primary key column stays NOT NULL whatever the definition says (MariaDB 10.11, even for an explicit NULL).
  const inPrimaryKey = primaryKeyOf(table)?.columns.includes(action.column) ?? false;
  updateColumn(applier, key, action.definition.name, action.range, (column) => ({ ...replacement, notNull: replacement.notNull || inPrimaryKey, definedAt: column.definedAt }));
  // MariaDB keeps a column's own CHECK in its definition: a new definition without it drops it.
  updateTable(applier, key, action.range, (current) => ({ ...current, checks: current.checks.filter((check) => check.column !== action.definition.name) }));
  for (const constraint of action.definition.constraints) addConstraint(applier, key, constraint, applier.origin(constraint.range));
}

/** A MySQL/MariaDB index (KEY, UNIQUE, FULLTEXT, SPATIAL) on the table; unnamed ones are named after their first column. */
function addMysqlIndex(applier: Applier, key: string, index: IndexDefinition, unique: boolean, origin: Origin): void {
  const { model } = applier;
  const table = model.tables.get(key);
  if (!table) return;
  const elements = index.elements.map(indexElement);
  dropIndexesServedBy(model, key, { method: index.method, elements });
  const name = index.name ?? mysqlIndexName(model, table.schema, table.name, columnsAddition(elements.slice(0, 1)));
  const indexKey = model.indexKey(table.schema, table.name, name);
  if (model.indexes.has(indexKey)) return;
  model.indexes.set(indexKey, { name, table: key, unique, method: index.method, elements, predicate: undefined, valid: true, constraint: undefined, definedAt: origin });
}

/** An index part in the model: the column or the expression's text, and a MySQL prefix length. */
function indexElement(element: IndexElement): SchemaIndexElement {
  return { column: element.column, expression: element.expression?.text, ...(element.prefixLength !== undefined ? { prefixLength: element.prefixLength } : {}) };
}

/**
 * InnoDB drops an index it created for a foreign key once another index serves the key (checked on
 * MariaDB 10.11: `ADD INDEX (p)` or `(p, q)` after `FOREIGN KEY (p)` leaves only the new index).
 */
function dropIndexesServedBy(model: SchemaModel, key: string, index: Pick<SchemaIndex, 'method' | 'elements'>): void {
  if (model.dialect === 'postgres') return;
  for (const [indexKey, existing] of model.indexes) {
    if (existing.table !== key || existing.createdFor === undefined) continue;
    const columns = existing.elements.flatMap((element) => (element.column ? [element.column] : []));
    if (indexServesForeignKey(index, columns)) model.indexes.delete(indexKey);
  }
}

/** Drops a MySQL/MariaDB index by name; a UNIQUE key of that name goes with it. */
function dropMysqlIndex(applier: Applier, key: string, written: string, range: TextRange): void {
  const table = applier.model.tables.get(key);
  if (!table) return;
  const name = storedName(applier.model, key, written);
  applier.model.indexes.delete(applier.model.indexKey(table.schema, table.name, name));
  if (table.keys.some((existing) => existing.name === name)) updateTable(applier, key, range, (current) => ({ ...current, keys: current.keys.filter((existing) => existing.name !== name) }));
}

function renameMysqlIndex(applier: Applier, key: string, written: string, to: string, range: TextRange): void {
  const { model } = applier;
  const from = storedName(model, key, written);
  const table = model.tables.get(key);
  const index = table ? model.indexes.get(model.indexKey(table.schema, table.name, from)) : undefined;
  if (!table || !index) return;
  model.indexes.delete(model.indexKey(table.schema, table.name, from));
  model.indexes.set(model.indexKey(table.schema, table.name, to), { ...index, name: to, constraint: index.constraint === undefined ? undefined : to });
  updateTable(applier, key, range, (current) => ({ ...current, keys: current.keys.map((existing) => (existing.name === from ? { ...existing, name: to } : existing)) }));
}

function addConstraint(applier: Applier, key: string, constraint: TableConstraint, origin: Origin): void {
  const { model } = applier;
  const table = model.tables.get(key);
  if (!table) return;
  // An index InnoDB made for a foreign key gives way to a key that serves it before the key is named
  // (MariaDB 10.11: `user_id … REFERENCES users, UNIQUE (user_id, type)` has one index, `user_id`).
  if ((constraint.kind === 'primary-key' || constraint.kind === 'unique') && constraint.columns.length > 0) {
    dropIndexesServedBy(model, key, { method: 'btree', elements: constraint.columns.map((column) => ({ column, expression: undefined })) });
  }
  const name = (model.dialect === 'postgres' ? constraintName : mysqlConstraintName)(model, table.schema, table.name, constraint);
  switch (constraint.kind) {
    case 'primary-key':
    case 'unique': {
      if (constraint.kind === 'primary-key' && table.keys.some((existing) => existing.kind === 'primary-key')) return;
      const usingIndex = constraint.usingIndex ? model.indexes.get(model.indexKey(table.schema, table.name, constraint.usingIndex)) : undefined;
      const columns = constraint.columns.length > 0 ? constraint.columns : (usingIndex?.elements.flatMap((element) => (element.column ? [element.column] : [])) ?? []);
      updateTable(applier, key, origin.range, (current) => ({
        ...current,
        keys: [...current.keys, { kind: constraint.kind === 'primary-key' ? 'primary-key' : 'unique', name, columns, definedAt: origin }],
        columns:
          constraint.kind === 'primary-key'
            ? current.columns.map((column) => (columns.includes(column.name) ? { ...column, notNull: true } : column))
            : current.columns,
      }));
      // `… USING INDEX i` renames the index to the constraint's name.
      if (usingIndex) model.indexes.delete(model.indexKey(table.schema, table.name, usingIndex.name));
      const elements = columns.map((column) => ({ column, expression: undefined }));
      dropIndexesServedBy(model, key, { method: 'btree', elements });
      if (model.dialect !== 'postgres' && model.indexes.has(model.indexKey(table.schema, table.name, name))) return;
      model.indexes.set(model.indexKey(table.schema, table.name, name), {
        name,
        table: key,
        unique: true,
        method: 'btree',
        elements,
        predicate: undefined,
        valid: true,
        constraint: name,
        definedAt: usingIndex?.definedAt ?? origin,
      });
      return;
    }
    case 'foreign-key': {
      const reference = constraint.references;
      if (!reference) return;
      const referencedTable = keyOf(reference.table);
      const referenced = referencedTable === key ? model.tables.get(key) : model.tables.get(referencedTable);
      const referencedColumns =
        reference.columns.length > 0 ? reference.columns : (referenced?.keys.find((existing) => existing.kind === 'primary-key')?.columns ?? []);
      updateTable(applier, key, origin.range, (current) => ({
        ...current,
        foreignKeys: [
          ...current.foreignKeys,
          { name, columns: constraint.columns, referencedTable, referencedColumns, onDelete: reference.onDelete, validated: !constraint.notValid, definedAt: origin },
        ],
      }));
      if (model.dialect !== 'postgres') addForeignKeyIndex(applier, key, constraint, name, origin);
      return;
    }
    case 'check': {
      const column = model.dialect === 'mariadb' ? constraint.columns[0] : undefined;
      updateTable(applier, key, origin.range, (current) => ({
        ...current,
        checks: [
          ...current.checks,
          {
            name,
            expression: constraint.check?.text ?? '',
            notNullColumns: constraint.notNullColumns ?? [],
            validated: !constraint.notValid,
            ...(column === undefined ? {} : { column }),
            definedAt: origin,
          },
        ],
      }));
      return;
    }
    case 'exclusion':
      model.indexes.set(model.indexKey(table.schema, table.name, name), {
        name,
        table: key,
        unique: false,
        method: 'gist',
        elements: constraint.columns.map((column) => ({ column, expression: undefined })),
        predicate: constraint.where?.text,
        valid: true,
        constraint: name,
        definedAt: origin,
      });
      return;
    default:
      return;
  }
}

/**
 * InnoDB needs an index whose leading columns are the foreign key's and creates one when none exists,
 * named after the constraint (or its first column).
 */
function addForeignKeyIndex(applier: Applier, key: string, constraint: TableConstraint, foreignKey: string, origin: Origin): void {
  const { model } = applier;
  const table = model.tables.get(key);
  if (!table || constraint.columns.length === 0) return;
  // An index the server made for an earlier foreign key serves this one only when it is longer;
  // one as long or shorter gives way to the new one (MariaDB 10.11: after DROP FOREIGN KEY f1,
  // ADD CONSTRAINT f2 FOREIGN KEY on the same column renames the index f1 left to f2).
  const serves = (index: SchemaIndex): boolean =>
    indexServesForeignKey(index, constraint.columns) && (index.createdFor === undefined || index.elements.length > constraint.columns.length);
  if (model.indexesOn(key).some(serves)) return;
  const elements = constraint.columns.map((column) => ({ column, expression: undefined }));
  dropIndexesServedBy(model, key, { method: 'btree', elements });
  const name = mysqlIndexName(model, table.schema, table.name, constraint.name ?? constraint.columns[0] ?? 'fk');
  model.indexes.set(model.indexKey(table.schema, table.name, name), {
    name,
    table: key,
    unique: false,
    method: 'btree',
    elements,
    predicate: undefined,
    valid: true,
    constraint: undefined,
    createdFor: foreignKey,
    definedAt: origin,
  });
}

/**
 * MySQL names of indexes and constraints are case-insensitive, and the lowering folds them while
 * the server's own are upper case (PRIMARY, MariaDB's CONSTRAINT_1): the spelling the table holds.
 */
function storedName(model: SchemaModel, key: string, written: string): string {
  const table = model.tables.get(key);
  if (model.dialect === 'postgres' || !table) return written;
  const folded = written.toLowerCase();
  const names = [...model.indexesOn(key).map((index) => index.name), ...table.keys.map((item) => item.name), ...table.foreignKeys.map((item) => item.name), ...table.checks.map((item) => item.name)];
  return names.find((name) => name.toLowerCase() === folded) ?? written;
}

function dropConstraint(applier: Applier, key: string, written: string, range: TextRange, cascade: boolean): void {
  const table = applier.model.tables.get(key);
  if (!table) return;
  const name = storedName(applier.model, key, written);
  const key_ = table.keys.find((existing) => existing.name === name);
  // CASCADE drops the foreign keys that reference the key.
  if (key_ && cascade) dropReferencingForeignKeys(applier.model, key, key_.columns);
  updateTable(applier, key, range, (current) => ({
    ...current,
    keys: current.keys.filter((existing) => existing.name !== name),
    foreignKeys: current.foreignKeys.filter((foreignKey) => foreignKey.name !== name),
    checks: current.checks.filter((check) => check.name !== name),
  }));
  const indexKey = applier.model.indexKey(table.schema, table.name, name);
  if (key_ || applier.model.indexes.get(indexKey)?.constraint === name) applier.model.indexes.delete(indexKey);
}

function renameConstraint(applier: Applier, key: string, written: string, to: string, range: TextRange): void {
  const table = applier.model.tables.get(key);
  if (!table) return;
  const from = storedName(applier.model, key, written);
  const rename = <T extends { name: string }>(item: T): T => (item.name === from ? { ...item, name: to } : item);
  updateTable(applier, key, range, (current) => ({
    ...current,
    keys: current.keys.map(rename),
    foreignKeys: current.foreignKeys.map(rename),
    checks: current.checks.map(rename),
  }));
  const index = applier.model.indexes.get(applier.model.indexKey(table.schema, table.name, from));
  if (index?.constraint === from) {
    applier.model.indexes.delete(applier.model.indexKey(table.schema, table.name, from));
    applier.model.indexes.set(applier.model.indexKey(table.schema, table.name, to), { ...index, name: to, constraint: to });
  }
}

/** Whether an expression's text mentions the column as a word. */
function mentions(text: string | undefined, column: string): boolean {
  if (!text) return false;
  return new RegExp(`(^|[^\\w$])"?${column.replace(/[$]/g, '\\$')}"?($|[^\\w$])`, 'i').test(text);
}

/** Drops other tables' foreign keys that reference these columns of the table. */
function dropReferencingForeignKeys(model: SchemaModel, key: string, columns: readonly string[]): void {
  const references = (foreignKey: SchemaTable['foreignKeys'][number]): boolean =>
    foreignKey.referencedTable === key && foreignKey.referencedColumns.some((column) => columns.includes(column));
  for (const [otherKey, other] of model.tables) {
    if (other.foreignKeys.some(references)) model.tables.set(otherKey, { ...other, foreignKeys: other.foreignKeys.filter((foreignKey) => !references(foreignKey)) });
  }
}

function dropColumn(applier: Applier, key: string, column: string, range: TextRange, cascade: boolean): void {
  const { model } = applier;
  const owned = model.tables.get(key)?.columns.find((existing) => existing.name === column)?.sequence;
  if (owned) model.sequences.delete(owned);
  if (cascade) {
    for (const view of model.viewsReading(key)) if (view.dependsOnColumns.includes(column)) dropRelation(model, qualifiedKey(view.schema, view.name), true);
  }
  if (model.dialect !== 'postgres') shrinkMysqlKeys(applier, key, column, range);
  // PostgreSQL drops every index and constraint that uses the column, and foreign keys elsewhere that reference it.
  for (const [indexKey, index] of model.indexes) {
    if (index.table !== key) continue;
    const uses = index.elements.some((element) => element.column === column || mentions(element.expression, column)) || mentions(index.predicate, column);
    if (uses) model.indexes.delete(indexKey);
  }
  updateTable(applier, key, range, (table) => ({
    ...table,
    columns: table.columns.filter((existing) => existing.name !== column),
    keys: table.keys.filter((existing) => !existing.columns.includes(column)),
    foreignKeys: table.foreignKeys.filter((foreignKey) => !foreignKey.columns.includes(column)),
    checks: table.checks.filter((check) => !mentions(check.expression, column)),
  }));
  dropReferencingForeignKeys(model, key, [column]);
}

/**
 * MySQL takes a dropped column out of the indexes and keys it is part of, and drops those it was
 * the only column of (MySQL manual "ALTER TABLE"; MariaDB 10.11 refuses it for a key of several
 * columns that is UNIQUE or PRIMARY, so a migration that ran did not do that).
 */
function shrinkMysqlKeys(applier: Applier, key: string, column: string, range: TextRange): void {
  const { model } = applier;
  for (const [indexKey, index] of model.indexes) {
    if (index.table !== key || !index.elements.some((element) => element.column === column)) continue;
    const elements = index.elements.filter((element) => element.column !== column);
    if (elements.length === 0) model.indexes.delete(indexKey);
    else model.indexes.set(indexKey, { ...index, elements });
  }
  updateTable(applier, key, range, (table) => ({
    ...table,
    keys: table.keys.flatMap((existing) => {
      const columns = existing.columns.filter((name) => name !== column);
      return columns.length === 0 ? [] : [{ ...existing, columns }];
    }),
  }));
}

function renameColumn(applier: Applier, key: string, from: string, to: string, range: TextRange): void {
  const { model } = applier;
  const swap = (columns: readonly string[]): string[] => columns.map((column) => (column === from ? to : column));
  updateTable(applier, key, range, (table) => ({
    ...table,
    columns: table.columns.map((column) => (column.name === from ? { ...column, name: to, changedAt: applier.origin(range) } : column)),
    keys: table.keys.map((existing) => ({ ...existing, columns: swap(existing.columns) })),
    foreignKeys: table.foreignKeys.map((foreignKey) => ({
      ...foreignKey,
      columns: swap(foreignKey.columns),
      referencedColumns: foreignKey.referencedTable === key ? swap(foreignKey.referencedColumns) : foreignKey.referencedColumns,
    })),
  }));
  for (const [otherKey, other] of model.tables) {
    if (otherKey === key || !other.foreignKeys.some((foreignKey) => foreignKey.referencedTable === key)) continue;
    model.tables.set(otherKey, {
      ...other,
      foreignKeys: other.foreignKeys.map((foreignKey) =>
        foreignKey.referencedTable === key ? { ...foreignKey, referencedColumns: swap(foreignKey.referencedColumns) } : foreignKey,
      ),
    });
  }
  for (const [indexKey, index] of model.indexes) {
    if (index.table !== key) continue;
    const elements = index.elements.map((element) => ({
      ...element,
      column: element.column === from ? to : element.column,
      expression: element.expression === undefined ? undefined : renameWord(element.expression, from, to),
    }));
    const predicate = index.predicate === undefined ? undefined : renameWord(index.predicate, from, to);
    model.indexes.set(indexKey, { ...index, elements, predicate });
  }
  updateTable(applier, key, range, (table) => ({
    ...table,
    checks: table.checks.map((check) => ({ ...check, expression: renameWord(check.expression, from, to), ...(check.column === from ? { column: to } : {}) })),
  }));
}

/** An expression's text with a column name replaced where it stands as a word (quoted or not). */
function renameWord(text: string, from: string, to: string): string {
  if (!mentions(text, from)) return text;
  const escaped = from.replace(/[$]/g, '\\$');
  return text.replace(new RegExp(`(^|[^\\w$"])("?)${escaped}\\2(?=$|[^\\w$])`, 'gi'), (_match, before: string) => `${before}${quoteName(to)}`);
}

/** Renames a table or moves it to another schema: its indexes follow, references to it are updated. */
function moveTable(applier: Applier, key: string, schema: string | undefined, name: string, range: TextRange): string {
  const { model } = applier;
  const table = model.tables.get(key);
  const nextKey = qualifiedKey(schema, name);
  if (!table || nextKey === key) return key;
  const rename = (constraint: string): string => (model.dialect === 'postgres' ? constraint : renamedWithTable(model.dialect, constraint, table.name, name));
  model.tables.delete(key);
  model.tables.set(nextKey, {
    ...table,
    schema,
    name,
    foreignKeys: table.foreignKeys.map((foreignKey) => ({ ...foreignKey, name: rename(foreignKey.name) })),
    checks: table.checks.map((check) => ({ ...check, name: rename(check.name) })),
    changedAt: applier.origin(range),
  });
  retargetReferences(model, key, nextKey);
  for (const [indexKey, index] of [...model.indexes]) {
    if (index.table !== key) continue;
    model.indexes.delete(indexKey);
    model.indexes.set(model.indexKey(schema, name, index.name), { ...index, table: nextKey, ...(index.createdFor === undefined ? {} : { createdFor: rename(index.createdFor) }) });
  }
  return nextKey;
}

/** Points foreign keys and view dependencies at a relation's new key. */
function retargetReferences(model: SchemaModel, from: string, to: string): void {
  for (const [otherKey, other] of model.tables) {
    const foreign = other.foreignKeys.some((foreignKey) => foreignKey.referencedTable === from);
    const depends = other.dependsOn.includes(from);
    if (!foreign && !depends) continue;
    model.tables.set(otherKey, {
      ...other,
      foreignKeys: other.foreignKeys.map((foreignKey) => (foreignKey.referencedTable === from ? { ...foreignKey, referencedTable: to } : foreignKey)),
      dependsOn: other.dependsOn.map((dependency) => (dependency === from ? to : dependency)),
    });
  }
}

function createIndex(applier: Applier, stmt: StatementOf<'create-index'>): void {
  const { model } = applier;
  const tableKey = keyOf(stmt.table);
  const table = model.tables.get(tableKey);
  // An index on a table the model does not hold (a temporary table, one a DO block made) is not part of it.
  if (!table) return;
  const schema = table.schema;
  const elements = stmt.elements.map(indexElement);
  const nameParts = [...elements, ...(stmt.include ?? []).map((column) => ({ column, expression: undefined }))];
  const name = stmt.name?.name ?? chooseName(model, schema, stmt.table.name, columnsAddition(nameParts), 'idx');
  const key = model.indexKey(schema, table.name, name);
  if (stmt.ifNotExists && model.indexes.has(key)) return;
  dropIndexesServedBy(model, tableKey, { method: stmt.method, elements });
  // A MySQL unique index is a UNIQUE key (information_schema.TABLE_CONSTRAINTS lists it), however made.
  const uniqueKey = model.dialect !== 'postgres' && stmt.unique;
  const index: SchemaIndex = {
    name,
    table: tableKey,
    unique: stmt.unique,
    method: stmt.method,
    elements,
    predicate: stmt.where?.text,
    valid: true,
    constraint: uniqueKey ? name : undefined,
    definedAt: applier.origin(stmt.range),
  };
  model.indexes.set(key, index);
  if (uniqueKey) {
    const columns = elements.flatMap((element) => (element.column ? [element.column] : []));
    updateTable(applier, tableKey, stmt.range, (current) => ({ ...current, keys: [...current.keys, { kind: 'unique', name, columns, definedAt: index.definedAt }] }));
  }
  // An index on a partitioned table is built on each partition too, named after the partition.
  if (stmt.only) return;
  for (const [partitionKey, partition] of model.tables) {
    if (partition.partitionOf !== tableKey) continue;
    const partitionIndex = chooseName(model, partition.schema, partition.name, columnsAddition(nameParts), 'idx');
    model.indexes.set(qualifiedKey(partition.schema, partitionIndex), { ...index, name: partitionIndex, table: partitionKey });
  }
}

function drop(applier: Applier, kind: StatementOf<'drop'>['objectKind'], name: ObjectName, cascade: boolean): void {
  const { model } = applier;
  const key = keyOf(name);
  switch (kind) {
    case 'table':
    case 'view':
    case 'materialized-view':
      dropRelation(model, key, cascade);
      return;
    case 'index':
      model.indexes.delete(key);
      return;
    case 'sequence':
      model.sequences.delete(key);
      return;
    case 'type':
      model.enums.delete(key);
      return;
    case 'schema':
      dropSchema(model, name.name);
      return;
    default:
      return;
  }
}

function dropRelation(model: SchemaModel, key: string, cascade: boolean): void {
  const table = model.tables.get(key);
  if (!table || !model.tables.delete(key)) return;
  for (const column of table.columns) if (column.sequence) model.sequences.delete(column.sequence);
  for (const [indexKey, index] of model.indexes) if (index.table === key) model.indexes.delete(indexKey);
  // MySQL drops a table other tables reference only with foreign_key_checks off, and their keys stay,
  // naming it (MariaDB 10.11): they hold again once a table of that name exists.
  for (const [otherKey, other] of model.dialect === 'postgres' ? model.tables : []) {
    if (other.foreignKeys.some((foreignKey) => foreignKey.referencedTable === key)) {
      model.tables.set(otherKey, { ...other, foreignKeys: other.foreignKeys.filter((foreignKey) => foreignKey.referencedTable !== key) });
    }
  }
  if (!cascade) return;
  for (const [viewKey, view] of [...model.tables]) if (view.kind !== 'table' && view.dependsOn.includes(key)) dropRelation(model, viewKey, true);
}

function dropSchema(model: SchemaModel, schema: string): void {
  model.schemas.delete(schema);
  for (const [key, table] of [...model.tables]) if (table.schema === schema) dropRelation(model, key, true);
  const prefix = `${schema}.`;
  for (const key of [...model.enums.keys()]) if (key.startsWith(prefix)) model.enums.delete(key);
  for (const key of [...model.sequences]) if (key.startsWith(prefix)) model.sequences.delete(key);
}

function renameObject(applier: Applier, stmt: StatementOf<'rename-object'>): void {
  const { model } = applier;
  const from = keyOf(stmt.name);
  const to = qualifiedKey(stmt.name.schema, stmt.to);
  switch (stmt.objectKind) {
    case 'index': {
      const index = model.indexes.get(from);
      if (!index) return;
      model.indexes.delete(from);
      model.indexes.set(to, { ...index, name: stmt.to, constraint: index.constraint === undefined ? undefined : stmt.to });
      // Renaming a key's index renames the constraint too.
      if (index.constraint !== undefined) {
        const renamed = index.constraint;
        updateTable(applier, index.table, stmt.range, (table) => ({ ...table, keys: table.keys.map((key) => (key.name === renamed ? { ...key, name: stmt.to } : key)) }));
      }
      return;
    }
    case 'table':
    case 'view':
    case 'materialized-view': {
      const table = model.tables.get(from);
      if (table) moveTable(applier, from, table.schema, stmt.to, stmt.range);
      return;
    }
    case 'sequence': {
      if (!model.sequences.delete(from)) return;
      model.sequences.add(to);
      // Defaults name the sequence by OID: they follow the rename.
      const pattern = new RegExp(`nextval\\('(?:"?[\\w$]+"?\\.)?"?${stmt.name.name.replace(/[$]/g, '\\$')}"?'`);
      rewriteColumns(model, (column) =>
        column.default && pattern.test(column.default) ? { ...column, default: column.default.replace(pattern, `nextval('${quoteName(stmt.to)}'`), sequence: to } : column,
      );
      return;
    }
    case 'type': {
      const type = model.enums.get(from);
      if (!type) return;
      model.enums.delete(from);
      model.enums.set(to, { ...type, name: stmt.to });
      // Columns name their type by OID: they follow the rename.
      rewriteColumns(model, (column) => (column.type.canonical === type.name ? { ...column, type: { ...column.type, canonical: stmt.to } } : column));
      return;
    }
    default:
      return;
  }
}

function createOther(applier: Applier, stmt: StatementOf<'create-other'>): void {
  const { model } = applier;
  const name = stmt.name;
  if (stmt.objectKind === 'function') {
    addOpaqueWords(model, stmt);
    return;
  }
  if (!name) return;
  const key = keyOf(name);
  const origin = applier.origin(stmt.range);
  switch (stmt.objectKind) {
    case 'schema':
      model.schemas.add(name.name);
      return;
    case 'sequence':
      if (!stmt.temporary) model.sequences.add(key);
      return;
    case 'type':
      if (stmt.enumValues) model.enums.set(key, { schema: name.schema, name: name.name, values: stmt.enumValues, definedAt: origin });
      return;
    case 'view':
    case 'materialized-view':
      model.tables.set(key, {
        schema: name.schema,
        name: name.name,
        kind: stmt.objectKind,
        columns: [],
        columnsIncomplete: true,
        keys: [],
        foreignKeys: [],
        checks: [],
        dependsOn: (stmt.reads?.relations ?? []).map(keyOf),
        dependsOnColumns: stmt.reads?.columns ?? [],
        partitionOf: undefined,
        definedAt: origin,
        changedAt: origin,
      });
      return;
    default:
      return;
  }
}

function addEnumValue(applier: Applier, stmt: StatementOf<'alter-enum-add-value'>): void {
  const key = keyOf(stmt.type);
  const type = applier.model.enums.get(key);
  if (!type || type.values.includes(stmt.value)) return;
  const values = [...type.values];
  const at = stmt.neighbor ? values.indexOf(stmt.neighbor.value) : -1;
  if (at < 0 || !stmt.neighbor) values.push(stmt.value);
  else values.splice(stmt.neighbor.after ? at + 1 : at, 0, stmt.value);
  applier.model.enums.set(key, { ...type, values });
}

const quotedLiteral = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** Renames an enum label, and the label in defaults of columns of that type. */
function renameEnumValue(applier: Applier, stmt: StatementOf<'alter-enum-rename-value'>): void {
  const key = keyOf(stmt.type);
  const type = applier.model.enums.get(key);
  if (!type) return;
  applier.model.enums.set(key, { ...type, values: type.values.map((value) => (value === stmt.from ? stmt.to : value)) });
  const from = quotedLiteral(stmt.from);
  rewriteColumns(applier.model, (column) =>
    column.type.canonical === type.name && column.default?.startsWith(from) ? { ...column, default: quotedLiteral(stmt.to) + column.default.slice(from.length) } : column,
  );
}

/** Replaces columns of every table through `change` (unchanged columns keep their tables as they are). */
function rewriteColumns(model: SchemaModel, change: (column: SchemaColumn) => SchemaColumn): void {
  for (const [key, table] of model.tables) {
    const columns = table.columns.map(change);
    if (columns.some((column, index) => column !== table.columns[index])) model.tables.set(key, { ...table, columns });
  }
}

/** `ALTER TYPE|VIEW|SEQUENCE … SET SCHEMA`. */
function moveObject(applier: Applier, stmt: StatementOf<'set-object-schema'>): void {
  const { model } = applier;
  const from = keyOf(stmt.name);
  const to = qualifiedKey(stmt.schema, stmt.name.name);
  if (stmt.objectKind === 'type') {
    const type = model.enums.get(from);
    if (!type) return;
    model.enums.delete(from);
    model.enums.set(to, { ...type, schema: stmt.schema });
  } else if (stmt.objectKind === 'view' || stmt.objectKind === 'materialized-view' || stmt.objectKind === 'table') {
    if (model.tables.has(from)) moveTable(applier, from, stmt.schema, stmt.name.name, stmt.range);
  } else if (stmt.objectKind === 'sequence' && model.sequences.delete(from)) {
    model.sequences.add(to);
  }
}

/** A new partition gets its own copy of each of the partitioned table's keys and indexes, named after it. */
function inheritPartitionIndexes(applier: Applier, parentKey: string, key: string, origin: Origin): void {
  const { model } = applier;
  const partition = model.tables.get(key);
  if (!partition) return;
  const keys = [];
  for (const index of model.indexesOn(parentKey)) {
    const parentKeyConstraint = model.tables.get(parentKey)?.keys.find((candidate) => candidate.name === index.constraint);
    const label = parentKeyConstraint?.kind === 'primary-key' ? 'pkey' : parentKeyConstraint ? 'key' : 'idx';
    const addition = label === 'pkey' ? undefined : columnsAddition(index.elements);
    const name = chooseName(model, partition.schema, partition.name, addition, label);
    if (parentKeyConstraint) keys.push({ ...parentKeyConstraint, name, definedAt: origin });
    model.indexes.set(qualifiedKey(partition.schema, name), { ...index, name, table: key, constraint: parentKeyConstraint ? name : undefined, definedAt: origin });
  }
  if (keys.length > 0) model.tables.set(key, { ...partition, keys: [...partition.keys, ...keys] });
}
