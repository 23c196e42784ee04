// Compares the schema model's JSON with a database catalog read back into the same shape
// (pg-catalog.ts) and lists every difference as one stable line, model value first:
// `table crates column created_at: default "now()" vs "CURRENT_TIMESTAMP"`. Allow-lists match these
// lines exactly, so they must not depend on object order or on anything but the two schemas.
// Compared: tables, views and materialized views (presence and kind); per table columns (type,
// modifiers, array, nullability, identity, generation, default after normalising its text),
// primary and unique keys, foreign keys, check names (never their expressions); indexes (table,
// uniqueness, method, elements, whether there is a predicate); enums and their values.
import type { ColumnJson, ForeignKeyJson, IndexJson, KeyJson, SchemaJson, TableJson } from '../../server/src/engine';

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

function comparableDefault(column: ColumnJson): string | null {
  if (column.default === null) return null;
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

function compareValue(differences: string[], subject: string, what: string, model: string, catalog: string): void {
  if (model !== catalog) differences.push(`${subject}: ${what} ${model} vs ${catalog}`);
}

function compareColumns(differences: string[], subject: string, model: TableJson, catalog: TableJson): void {
  const catalogColumns = new Map(catalog.columns.map((column) => [column.name, column]));
  const modelColumns = new Set(model.columns.map((column) => column.name));
  for (const column of model.columns) {
    const other = catalogColumns.get(column.name);
    const where = `${subject} column ${column.name}`;
    if (!other) {
      differences.push(`${where}: only in model`);
      continue;
    }
    compareValue(differences, where, 'type', quoted(typeText(column)), quoted(typeText(other)));
    compareValue(differences, where, 'nullability', column.notNull ? 'NOT NULL' : 'NULL', other.notNull ? 'NOT NULL' : 'NULL');
    compareValue(differences, where, 'identity', String(column.identity), String(other.identity));
    compareValue(differences, where, 'generated', String(column.generated), String(other.generated));
    if (comparableDefault(column) !== comparableDefault(other)) differences.push(`${where}: default ${quoted(column.default)} vs ${quoted(other.default)}`);
  }
  // A model that knows it lacks some columns (CREATE TABLE AS, LIKE, a view) is only checked on those it has.
  if (model.columnsIncomplete) return;
  for (const column of catalog.columns) if (!modelColumns.has(column.name)) differences.push(`${subject} column ${column.name}: only in database`);
}

const keyText = (key: KeyJson | null): string => (key === null ? 'none' : `${key.name} (${key.columns.join(', ')})`);

function foreignKeyText(foreignKey: ForeignKeyJson): string {
  return `(${foreignKey.columns.join(', ')}) references ${foreignKey.referencedTable} (${foreignKey.referencedColumns.join(', ')}) on delete ${foreignKey.onDelete ?? 'no action'}`;
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

function compareTable(differences: string[], model: TableJson, catalog: TableJson): void {
  const subject = `${model.kind === 'table' ? 'table' : model.kind} ${tableKeyOf(model)}`;
  if (model.kind !== catalog.kind) {
    differences.push(`${subject}: kind ${model.kind} vs ${catalog.kind}`);
    return;
  }
  // The model does not follow views' select lists.
  if (model.kind !== 'table') return;
  compareColumns(differences, subject, model, catalog);
  compareValue(differences, subject, 'primary key', quoted(keyText(model.primaryKey)), quoted(keyText(catalog.primaryKey)));
  compareNamed(differences, subject, 'unique', model.uniqueKeys, catalog.uniqueKeys, (key) => key.columns.join(', '));
  compareNamed(differences, subject, 'foreign key', model.foreignKeys, catalog.foreignKeys, foreignKeyText);
  compareNamed(differences, subject, 'check', model.checks, catalog.checks, () => '');
}

function indexKeyOf(index: Pick<IndexJson, 'schema' | 'name'>): string {
  return index.schema === 'public' ? index.name : `${index.schema}.${index.name}`;
}

/** An element as compared: a column name as is, an expression normalised. */
function comparableElement(element: string): string {
  return element.startsWith('(') ? `(${normalizeExpression(element)})` : element;
}

function compareIndex(differences: string[], model: IndexJson, catalog: IndexJson): void {
  const subject = `index ${indexKeyOf(model)}`;
  compareValue(differences, subject, 'table', model.table, catalog.table);
  compareValue(differences, subject, 'unique', String(model.unique), String(catalog.unique));
  compareValue(differences, subject, 'method', model.method, catalog.method);
  if (model.elements.map(comparableElement).join(', ') !== catalog.elements.map(comparableElement).join(', ')) {
    differences.push(`${subject}: elements (${model.elements.join(', ')}) vs (${catalog.elements.join(', ')})`);
  }
  compareValue(differences, subject, 'predicate', model.predicate === null ? 'none' : 'some', catalog.predicate === null ? 'none' : 'some');
}

/** Every difference between the model's schema and the database's, as sorted, stable lines. */
export function diffSchemas(model: SchemaJson, catalog: SchemaJson): string[] {
  const differences: string[] = [];
  const catalogTables = new Map(catalog.tables.map((table) => [tableKeyOf(table), table]));
  const modelTables = new Set(model.tables.map(tableKeyOf));
  for (const table of model.tables) {
    const other = catalogTables.get(tableKeyOf(table));
    if (other) compareTable(differences, table, other);
    else differences.push(`${table.kind === 'table' ? 'table' : table.kind} ${tableKeyOf(table)}: only in model`);
  }
  for (const table of catalog.tables) {
    if (!modelTables.has(tableKeyOf(table))) differences.push(`${table.kind === 'table' ? 'table' : table.kind} ${tableKeyOf(table)}: only in database`);
  }
  const catalogIndexes = new Map(catalog.indexes.map((index) => [indexKeyOf(index), index]));
  const modelIndexes = new Set(model.indexes.map(indexKeyOf));
  for (const index of model.indexes) {
    const other = catalogIndexes.get(indexKeyOf(index));
    if (other) compareIndex(differences, index, other);
    else differences.push(`index ${indexKeyOf(index)}: only in model`);
  }
  for (const index of catalog.indexes) if (!modelIndexes.has(indexKeyOf(index))) differences.push(`index ${indexKeyOf(index)}: only in database`);
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
export function comparedCounts(model: SchemaJson, catalog: SchemaJson): { tables: number; columns: number; indexes: number; foreignKeys: number } {
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
  const catalogIndexes = new Set(catalog.indexes.map(indexKeyOf));
  const indexes = model.indexes.filter((index) => catalogIndexes.has(indexKeyOf(index))).length;
  return { tables, columns, indexes, foreignKeys };
}
