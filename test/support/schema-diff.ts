// Compares the schema model's JSON with a database catalog read back into the same shape
// (pg-catalog.ts) and lists every difference as one stable line, model value first:
// `table crates column created_at: default "now()" vs "CURRENT_TIMESTAMP"`. Allow-lists match these
// lines exactly, so they must not depend on object order or on anything but the two schemas.
// Compared: tables, views and materialized views (presence and kind); per table columns (type,
// modifiers, array, nullability, identity, generation, default after normalising its text),
// primary and unique keys, foreign keys, check names (never their expressions); indexes (table,
// uniqueness, method, elements, whether there is a predicate); enums and their values. For
// MySQL/MariaDB (`{ dialect: 'mysql' }`, mysql-catalog.ts) also UNSIGNED and ENUM/SET values (in
// the type), AUTO_INCREMENT, and the character sets and engines the model knows; there names are
// compared in lower case and indexes by table and name.
import type { ColumnJson, ForeignKeyJson, IndexJson, KeyJson, SchemaJson, TableJson } from '../../server/src/engine';

export interface DiffOptions {
  /** `mysql` for a MySQL or MariaDB model and catalog; PostgreSQL by default. */
  readonly dialect?: 'postgres' | 'mysql';
}

/** The settings one diff runs with. */
interface Comparison {
  readonly mysql: boolean;
}

const quoted = (value: string | null): string => (value === null ? 'none' : JSON.stringify(value));

function tableKeyOf(table: Pick<TableJson, 'schema' | 'name'>): string {
  return table.schema === 'public' ? table.name : `${table.schema}.${table.name}`;
}

/** Removes parentheses wrapping the whole text, as often as they do. */
function stripOuterParentheses(text: string): string {
  let current = text;
  while (current.startsWith('(') && current.endsWith(')')) {
    let depth = 0;
    let wrapsAll = true;
    for (let index = 0; index < current.length; index++) {
      const character = current[index];
      if (character === '(') depth++;
      else if (character === ')') depth--;
      if (depth === 0 && index < current.length - 1) {
        wrapsAll = false;
        break;
      }
    }
    if (!wrapsAll) break;
    current = current.slice(1, -1).trim();
  }
  return current;
}

// A `::type` cast as PostgreSQL deparses it (`::character varying`, `::timestamp with time zone`,
// `::text[]`, `::"char"`, `::numeric(10,2)`, `::public.status`).
const castPattern = /::\s*(?:"[^"]+"|[a-z_][\w$]*(?:\.[a-z_][\w$]*)?)(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone))*(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s*\[\s*\])*/g;

/** Applies `change` to the text outside string literals, leaving the literals as written. */
function outsideLiterals(text: string, change: (code: string) => string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : change(part)))
    .join('');
}

/**
 * A default's text as compared: lower-case, `::type` casts, whitespace and wrapping parentheses
 * removed outside string literals (enum labels and strings keep their case), a quoted number
 * unquoted (`'-1'::integer` is how PostgreSQL shows `-1`).
 */
export function normalizeDefault(text: string): string {
  const code = outsideLiterals(text.trim(), (part) => part.toLowerCase().replace(castPattern, '').replace(/\s+/g, ''));
  const result = stripOuterParentheses(code);
  const number = /^'(-?\d+(?:\.\d+)?)'$/.exec(result);
  return number?.[1] ?? result;
}

/** Boolean literals PostgreSQL accepts, as it shows them. */
const booleanWords: Readonly<Record<string, string>> = { "'t'": 'true', "'true'": 'true', "'f'": 'false', "'false'": 'false' };

/**
 * A MySQL default as MariaDB shows it: `CURRENT_TIMESTAMP`, `NOW()` and `LOCALTIMESTAMP` are
 * `current_timestamp()` (with their precision), TRUE and FALSE are 1 and 0, a double-quoted string
 * is a string, and a number is written as a number (`0.00` for a DECIMAL(10,2) default of 0).
 */
export function normalizeMysqlDefault(text: string): string {
  const trimmed = text.trim();
  const doubleQuoted = /^"((?:[^"\\]|\\.|"")*)"$/.exec(trimmed);
  const single = doubleQuoted ? `'${(doubleQuoted[1] ?? '').replaceAll('""', '"').replaceAll("'", "''")}'` : trimmed;
  const normalized = normalizeDefault(single)
    .replace(/^(?:current_timestamp|now|localtimestamp|localtime)(?:\((\d*)\))?$/, (_match, precision: string | undefined) => `current_timestamp(${precision && precision !== '0' ? precision : ''})`)
    .replace(/^true$/, '1')
    .replace(/^false$/, '0');
  return /^-?\d+(?:\.\d+)?$/.test(normalized) ? String(Number(normalized)) : normalized;
}

function comparableDefault(comparison: Comparison, column: ColumnJson): string | null {
  if (column.default === null) return null;
  if (comparison.mysql) return normalizeMysqlDefault(column.default);
  const normalized = normalizeDefault(column.default);
  return column.type === 'bool' && !column.isArray ? (booleanWords[normalized] ?? normalized) : normalized;
}

/** An index expression as compared: casts, parentheses, quotes and whitespace removed outside string literals (PostgreSQL adds casts and parentheses). */
function normalizeExpression(text: string): string {
  return outsideLiterals(text, (part) => part.toLowerCase().replace(castPattern, '').replace(/[()"\s]/g, ''));
}

function typeText(column: ColumnJson): string {
  let modifiers = column.modifiers;
  // `numeric(10)` is numeric(10,0); `char` is char(1).
  if (column.type === 'numeric' && modifiers.length === 1) modifiers = [...modifiers, 0];
  if (column.type === 'bpchar' && modifiers.length === 0) modifiers = [1];
  return `${column.type}${modifiers.length > 0 ? `(${modifiers.join(',')})` : ''}${column.isArray ? '[]' : ''}`;
}

/** MySQL types whose bare spelling has a length of 1 (MySQL manual, "String Data Types", "Bit-Value Type"). */
const mysqlLengthOne: ReadonlySet<string> = new Set(['char', 'binary', 'bit']);
/** Temporal types whose bare spelling has fractional-second precision 0. */
const mysqlFractionalSeconds: ReadonlySet<string> = new Set(['datetime', 'timestamp', 'time']);

/** A MySQL type as MariaDB shows it: `decimal` is decimal(10,0), `char` char(1), `datetime(0)` datetime; UNSIGNED and ENUM/SET values included. */
function mysqlTypeText(column: ColumnJson): string {
  let modifiers = column.modifiers;
  if (column.type === 'decimal' && modifiers.length < 2) modifiers = [modifiers[0] ?? 10, 0];
  if (mysqlLengthOne.has(column.type) && modifiers.length === 0) modifiers = [1];
  if (mysqlFractionalSeconds.has(column.type) && modifiers.length === 1 && modifiers[0] === 0) modifiers = [];
  const values = column.values ? `(${column.values.map((value) => `'${value}'`).join(',')})` : '';
  return `${column.type}${values}${modifiers.length > 0 ? `(${modifiers.join(',')})` : ''}${column.unsigned ? ' unsigned' : ''}`;
}

function compareValue(differences: string[], subject: string, what: string, model: string, catalog: string): void {
  if (model !== catalog) differences.push(`${subject}: ${what} ${model} vs ${catalog}`);
}

/** MySQL facts: AUTO_INCREMENT, and the character set where the model knows it (a column whose table's default it never saw has none). */
function compareMysqlColumn(differences: string[], where: string, column: ColumnJson, other: ColumnJson): void {
  compareValue(differences, where, 'auto_increment', String(column.autoIncrement ?? false), String(other.autoIncrement ?? false));
  if (column.charset !== null && column.charset !== undefined) compareValue(differences, where, 'charset', column.charset, other.charset ?? 'none');
}

function compareColumns(differences: string[], comparison: Comparison, subject: string, model: TableJson, catalog: TableJson): void {
  const catalogColumns = new Map(catalog.columns.map((column) => [column.name, column]));
  const modelColumns = new Set(model.columns.map((column) => column.name));
  for (const column of model.columns) {
    const other = catalogColumns.get(column.name);
    const where = `${subject} column ${column.name}`;
    if (!other) {
      differences.push(`${where}: only in model`);
      continue;
    }
    const type = comparison.mysql ? mysqlTypeText : typeText;
    compareValue(differences, where, 'type', quoted(type(column)), quoted(type(other)));
    compareValue(differences, where, 'nullability', column.notNull ? 'NOT NULL' : 'NULL', other.notNull ? 'NOT NULL' : 'NULL');
    compareValue(differences, where, 'identity', String(column.identity), String(other.identity));
    compareValue(differences, where, 'generated', String(column.generated), String(other.generated));
    if (comparableDefault(comparison, column) !== comparableDefault(comparison, other)) differences.push(`${where}: default ${quoted(column.default)} vs ${quoted(other.default)}`);
    if (comparison.mysql) compareMysqlColumn(differences, where, column, other);
  }
  // A model that knows it lacks some columns (CREATE TABLE AS, LIKE, a view) is only checked on those it has.
  if (model.columnsIncomplete) return;
  for (const column of catalog.columns) if (!modelColumns.has(column.name)) differences.push(`${subject} column ${column.name}: only in database`);
}

const keyText = (key: KeyJson | null): string => (key === null ? 'none' : `${key.name} (${key.columns.join(', ')})`);

function foreignKeyText(foreignKey: ForeignKeyJson): string {
  return `(${foreignKey.columns.join(', ')}) references ${foreignKey.referencedTable} (${foreignKey.referencedColumns.join(', ')}) on delete ${foreignKey.onDelete ?? 'no action'}`;
}

/** InnoDB enforces NO ACTION as RESTRICT, and information_schema says RESTRICT when no action was written (MySQL manual, "FOREIGN KEY Constraints"). */
function mysqlForeignKeyText(foreignKey: ForeignKeyJson): string {
  return foreignKeyText({ ...foreignKey, onDelete: foreignKey.onDelete === 'restrict' ? 'no action' : foreignKey.onDelete });
}

/** Named things on both sides: present on one side only, or different in `describe`. */
function compareNamed<T extends { readonly name: string }>(
  differences: string[],
  subject: string,
  label: string,
  model: readonly T[],
  catalog: readonly T[],
  describe: (item: T) => string,
): void {
  const catalogByName = new Map(catalog.map((item) => [item.name, item]));
  const modelNames = new Set(model.map((item) => item.name));
  for (const item of model) {
    const other = catalogByName.get(item.name);
    if (!other) differences.push(`${subject} ${label} ${item.name}: only in model`);
    else compareValue(differences, `${subject} ${label} ${item.name}`, 'is', quoted(describe(item)), quoted(describe(other)));
  }
  for (const item of catalog) if (!modelNames.has(item.name)) differences.push(`${subject} ${label} ${item.name}: only in database`);
}

function compareTable(differences: string[], comparison: Comparison, model: TableJson, catalog: TableJson): void {
  const subject = `${model.kind === 'table' ? 'table' : model.kind} ${tableKeyOf(model)}`;
  if (model.kind !== catalog.kind) {
    differences.push(`${subject}: kind ${model.kind} vs ${catalog.kind}`);
    return;
  }
  // The model does not follow views' select lists.
  if (model.kind !== 'table') return;
  compareColumns(differences, comparison, subject, model, catalog);
  compareValue(differences, subject, 'primary key', quoted(keyText(model.primaryKey)), quoted(keyText(catalog.primaryKey)));
  compareNamed(differences, subject, 'unique', model.uniqueKeys, catalog.uniqueKeys, (key) => key.columns.join(', '));
  compareNamed(differences, subject, 'foreign key', model.foreignKeys, catalog.foreignKeys, comparison.mysql ? mysqlForeignKeyText : foreignKeyText);
  compareNamed(differences, subject, 'check', model.checks, catalog.checks, () => '');
  if (!comparison.mysql) return;
  // What the migrations never set is the server's default, which the model does not guess.
  if (model.engine) compareValue(differences, subject, 'engine', model.engine, catalog.engine ?? 'none');
  if (model.charset) compareValue(differences, subject, 'charset', model.charset, catalog.charset ?? 'none');
}

/** An index's key in the comparison: its name in its schema, for MySQL within its table (`users.PRIMARY`). */
function indexKeyOf(comparison: Comparison, index: Pick<IndexJson, 'schema' | 'name' | 'table'>): string {
  if (comparison.mysql) return `${index.table}.${index.name}`;
  return index.schema === 'public' ? index.name : `${index.schema}.${index.name}`;
}

/** An element as compared: a column name as is, an expression normalised. */
function comparableElement(element: string): string {
  return element.startsWith('(') ? `(${normalizeExpression(element)})` : element;
}

function compareIndex(differences: string[], comparison: Comparison, model: IndexJson, catalog: IndexJson): void {
  const subject = `index ${indexKeyOf(comparison, model)}`;
  compareValue(differences, subject, 'table', model.table, catalog.table);
  compareValue(differences, subject, 'unique', String(model.unique), String(catalog.unique));
  compareValue(differences, subject, 'method', model.method, catalog.method);
  if (model.elements.map(comparableElement).join(', ') !== catalog.elements.map(comparableElement).join(', ')) {
    differences.push(`${subject}: elements (${model.elements.join(', ')}) vs (${catalog.elements.join(', ')})`);
  }
  compareValue(differences, subject, 'predicate', model.predicate === null ? 'none' : 'some', catalog.predicate === null ? 'none' : 'some');
}

const lower = (name: string): string => name.toLowerCase();

/**
 * MySQL names in lower case: columns, indexes and constraints are case-insensitive there, and the
 * model folds table names as the server does with lower_case_table_names=1. PRIMARY stays.
 */
function foldNames(schema: SchemaJson): SchemaJson {
  const key = (item: KeyJson): KeyJson => ({ name: item.name === 'PRIMARY' ? item.name : lower(item.name), columns: item.columns.map(lower) });
  return {
    tables: schema.tables.map((table) => ({
      ...table,
      name: lower(table.name),
      columns: table.columns.map((column) => ({ ...column, name: lower(column.name) })),
      primaryKey: table.primaryKey && key(table.primaryKey),
      uniqueKeys: table.uniqueKeys.map(key),
      foreignKeys: table.foreignKeys.map((foreignKey) => ({
        ...foreignKey,
        ...key(foreignKey),
        referencedTable: lower(foreignKey.referencedTable),
        referencedColumns: foreignKey.referencedColumns.map(lower),
      })),
      checks: table.checks.map((check) => ({ ...check, name: lower(check.name) })),
    })),
    indexes: schema.indexes.map((index) => ({
      ...index,
      name: index.name === 'PRIMARY' ? index.name : lower(index.name),
      table: lower(index.table),
      elements: index.elements.map((element) => (element.startsWith('(') ? element : lower(element))),
    })),
    enums: schema.enums,
  };
}

/** Every difference between the model's schema and the database's, as sorted, stable lines. */
export function diffSchemas(modelSchema: SchemaJson, catalogSchema: SchemaJson, options: DiffOptions = {}): string[] {
  const comparison: Comparison = { mysql: options.dialect === 'mysql' };
  const model = comparison.mysql ? foldNames(modelSchema) : modelSchema;
  const catalog = comparison.mysql ? foldNames(catalogSchema) : catalogSchema;
  const differences: string[] = [];
  const catalogTables = new Map(catalog.tables.map((table) => [tableKeyOf(table), table]));
  const modelTables = new Set(model.tables.map(tableKeyOf));
  for (const table of model.tables) {
    const other = catalogTables.get(tableKeyOf(table));
    if (other) compareTable(differences, comparison, table, other);
    else differences.push(`${table.kind === 'table' ? 'table' : table.kind} ${tableKeyOf(table)}: only in model`);
  }
  for (const table of catalog.tables) {
    if (!modelTables.has(tableKeyOf(table))) differences.push(`${table.kind === 'table' ? 'table' : table.kind} ${tableKeyOf(table)}: only in database`);
  }
  const indexKey = (index: IndexJson): string => indexKeyOf(comparison, index);
  const catalogIndexes = new Map(catalog.indexes.map((index) => [indexKey(index), index]));
  const modelIndexes = new Set(model.indexes.map(indexKey));
  for (const index of model.indexes) {
    const other = catalogIndexes.get(indexKey(index));
    if (other) compareIndex(differences, comparison, index, other);
    else differences.push(`index ${indexKey(index)}: only in model`);
  }
  for (const index of catalog.indexes) if (!modelIndexes.has(indexKey(index))) differences.push(`index ${indexKey(index)}: only in database`);
  const enumKey = (type: { schema: string; name: string }): string => (type.schema === 'public' ? type.name : `${type.schema}.${type.name}`);
  compareNamed(
    differences,
    'schema',
    'enum',
    model.enums.map((type) => ({ ...type, name: enumKey(type) })),
    catalog.enums.map((type) => ({ ...type, name: enumKey(type) })),
    (type) => type.values.join(', '),
  );
  return differences.sort();
}

/** How many tables, columns, indexes and foreign keys both sides hold (for the report). */
export function comparedCounts(modelSchema: SchemaJson, catalogSchema: SchemaJson, options: DiffOptions = {}): { tables: number; columns: number; indexes: number; foreignKeys: number } {
  const comparison: Comparison = { mysql: options.dialect === 'mysql' };
  const model = comparison.mysql ? foldNames(modelSchema) : modelSchema;
  const catalog = comparison.mysql ? foldNames(catalogSchema) : catalogSchema;
  const catalogTables = new Map(catalog.tables.map((table) => [tableKeyOf(table), table]));
  let tables = 0;
  let columns = 0;
  let foreignKeys = 0;
  for (const table of model.tables) {
    const other = catalogTables.get(tableKeyOf(table));
    if (!other || table.kind !== 'table' || other.kind !== 'table') continue;
    tables++;
    const otherColumns = new Set(other.columns.map((column) => column.name));
    columns += table.columns.filter((column) => otherColumns.has(column.name)).length;
    const otherForeignKeys = new Set(other.foreignKeys.map((foreignKey) => foreignKey.name));
    foreignKeys += table.foreignKeys.filter((foreignKey) => otherForeignKeys.has(foreignKey.name)).length;
  }
  const catalogIndexes = new Set(catalog.indexes.map((index) => indexKeyOf(comparison, index)));
  const indexes = model.indexes.filter((index) => catalogIndexes.has(indexKeyOf(comparison, index))).length;
  return { tables, columns, indexes, foreignKeys };
}
