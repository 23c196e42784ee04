// Shared facts for the design rules (RULES.md section H): which tables and columns the file being
// analysed defined, read from the unit's final schema model, and the naming conventions those rules
// match (`<t>_id` / `<t>Id` references, plural table names, type families). Reads the model only:
// it never reports, and it never looks at tables earlier files created (they were judged there).
import type { AnalysisState } from '../../analysis/state';
import type { StatementOf } from '../../model';
import { indentationAt, newlineOf } from './edits';
import { primaryKeyOf, type ColumnType, type SchemaColumn, type SchemaEnum, type SchemaModel, type SchemaTable } from '../../schema/model';

export interface TableEntry {
  /** The table's key in `SchemaModel.tables`. */
  readonly key: string;
  readonly table: SchemaTable;
}

export interface AddedColumns extends TableEntry {
  /** The table was created by this file (not only altered). */
  readonly createdHere: boolean;
  /** Columns this file added, in table order. */
  readonly columns: readonly SchemaColumn[];
}

function definedHere(state: AnalysisState, origin: { readonly path: string }): boolean {
  return origin.path === state.path;
}

/**
 * Plain tables: views have no columns of their own, and a partition takes its parent's shape (the
 * parent is judged instead).
 */
function isPlainTable(table: SchemaTable): boolean {
  return table.kind === 'table' && table.partitionOf === undefined;
}

/** Tables this file created, as the unit left them (a later ALTER TABLE in the file counts). */
export function tablesCreatedHere(state: AnalysisState): TableEntry[] {
  const found: TableEntry[] = [];
  // A down migration restores a design judged when it was first written.
  if (state.reverting) return found;
  for (const [key, table] of state.schema.tables) if (isPlainTable(table) && definedHere(state, table.definedAt)) found.push({ key, table });
  return found;
}

/** Tables with columns this file added, by CREATE TABLE or ALTER TABLE … ADD COLUMN. */
export function tablesWithColumnsAddedHere(state: AnalysisState): AddedColumns[] {
  const found: AddedColumns[] = [];
  if (state.reverting) return found;
  for (const [key, table] of state.schema.tables) {
    // Adding a column changes the table: one untouched by this file has no column from it (and costs no column scan).
    if (!isPlainTable(table) || !definedHere(state, table.changedAt)) continue;
    const columns = table.columns.filter((column) => definedHere(state, column.definedAt));
    if (columns.length > 0) found.push({ key, table, columns, createdHere: definedHere(state, table.definedAt) });
  }
  return found;
}

/** Whether a foreign key of the table includes the column. */
export function hasForeignKeyOn(table: SchemaTable, column: string): boolean {
  return table.foreignKeys.some((foreignKey) => foreignKey.columns.includes(column));
}

/** The table's primary key is this one column. */
export function isSolePrimaryKey(table: SchemaTable, column: string): boolean {
  const key = primaryKeyOf(table);
  return key !== undefined && key.columns.length === 1 && key.columns[0] === column;
}

/**
 * The referenced name in a reference-looking column name: `user` for `user_id`, `USER_ID` and the
 * camelCase `userId` / `userID` (Prisma, TypeORM). Undefined for other names and for a bare `id`.
 */
export function referenceStem(name: string): string | undefined {
  const snake = /^(.*[^_])_id$/i.exec(name);
  if (snake?.[1] !== undefined) return snake[1];
  const camel = /^(.*[a-z0-9])I[dD]$/.exec(name);
  return camel?.[1];
}

/** A name compared across naming styles: `order_items`, `OrderItems` and `orderItems` are one. */
export function normalizedName(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

const irregularPlurals: Readonly<Record<string, string>> = { person: 'people', child: 'children', man: 'men', woman: 'women' };

/** The table names a singular stem may go by, singular first: `user` → user, users; `category` → categories. */
export function tableNameForms(stem: string): string[] {
  const base = normalizedName(stem);
  const forms = [base, `${base}s`, `${base}es`];
  if (/[^aeiou]y$/.test(base)) forms.push(`${base.slice(0, -1)}ies`);
  const irregular = irregularPlurals[base];
  if (irregular) forms.push(irregular);
  return forms;
}

/** Plain tables of the model by normalized name: built once per check, so each lookup is cheap. */
export function tablesByName(model: SchemaModel): Map<string, TableEntry[]> {
  const index = new Map<string, TableEntry[]>();
  for (const [key, table] of model.tables) {
    if (!isPlainTable(table)) continue;
    const name = normalizedName(table.name);
    const list = index.get(name) ?? [];
    list.push({ key, table });
    index.set(name, list);
  }
  return index;
}

/**
 * The table a stem names: the first name form (singular, then plurals) with a table in the same
 * schema, or else a table of that form that is the only one in the whole model (a reference from
 * `public` to `auth.users`). Undefined when nothing, or nothing unambiguous, matches.
 */
export function tableNamedBy(index: ReadonlyMap<string, readonly TableEntry[]>, stem: string, schema: string | undefined): TableEntry | undefined {
  const forms = tableNameForms(stem);
  const sameSchema = (entry: TableEntry): boolean => (entry.table.schema ?? 'public') === (schema ?? 'public');
  for (const form of forms) {
    const match = index.get(form)?.find(sameSchema);
    if (match) return match;
  }
  const elsewhere = forms.flatMap((form) => index.get(form) ?? []);
  return elsewhere.length === 1 ? elsewhere[0] : undefined;
}

// PostgreSQL's canonical names, then MySQL/MariaDB's (`int`, `bigint` … with or without UNSIGNED).
const integerTypes = new Set(['int2', 'int4', 'int8', 'numeric', 'tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal']);
const textTypes = new Set(['text', 'varchar', 'bpchar', 'citext', 'name', 'char', 'tinytext', 'mediumtext', 'longtext']);

/** A coarse family: values of one family can be compared and referenced without a cast. */
export function typeFamily(type: ColumnType): string {
  const base = integerTypes.has(type.canonical) ? 'integer' : textTypes.has(type.canonical) ? 'text' : type.canonical;
  return type.isArray ? `${base}[]` : base;
}

export function isTextType(type: ColumnType): boolean {
  return !type.isArray && textTypes.has(type.canonical);
}

/** `` `a`, `b`, `c` and 2 more ``: names for a message, at most `limit` of them. */
export function nameList(names: readonly string[], limit = 3): string {
  const shown = names.slice(0, limit).map((name) => `\`${name}\``);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** The enum of the model a column type names (the canonical name is the type's unqualified name, case kept). */
export function enumOf(model: SchemaModel, type: ColumnType): SchemaEnum | undefined {
  if (type.isArray) return undefined;
  for (const value of model.enums.values()) if (value.name === type.canonical) return value;
  return undefined;
}

/** The labels of an enum column: a PostgreSQL enum type of the model, or MySQL's inline `ENUM('a', 'b')`. */
export function enumValues(model: SchemaModel, type: ColumnType): readonly string[] | undefined {
  if (model.dialect !== 'postgres') return type.canonical === 'enum' ? (type.values ?? []) : undefined;
  return enumOf(model, type)?.values;
}

export function isEnumType(model: SchemaModel, type: ColumnType): boolean {
  return enumValues(model, type) !== undefined;
}

/**
 * The table as the whole workspace leaves it, when the analysis runs in one: a key or foreign key
 * a later migration adds counts (projects that split a change over many small files add them
 * there). Undefined outside a workspace, or when a later migration renamed or dropped the table.
 */
export function tableAfterWorkspace(state: AnalysisState, key: string): SchemaTable | undefined {
  return state.laterSchema?.().tables.get(key);
}

/** InnoDB tables (MySQL's default engine) keep foreign keys; MyISAM and other engines parse and ignore them. */
export function enforcesForeignKeys(model: SchemaModel, table: SchemaTable): boolean {
  return model.dialect === 'postgres' || table.engine === undefined || table.engine === 'innodb';
}

/**
 * Where a new element (a table-level key) goes in a CREATE TABLE: after its last element, on a line
 * of its own with that element's indentation when the elements are one per line.
 */
export function appendedElement(text: string, stmt: StatementOf<'create-table'>): { readonly insertAt: number; readonly separator: string } | undefined {
  const ranges = [...stmt.columns, ...stmt.constraints, ...(stmt.indexes ?? [])].map((element) => element.range);
  const first = ranges.reduce((earliest, range) => Math.min(earliest, range.start), Number.POSITIVE_INFINITY);
  const last = ranges.reduce<{ start: number; end: number } | undefined>((latest, range) => (!latest || range.end > latest.end ? range : latest), undefined);
  if (!last) return undefined;
  const oneLineEach = text.slice(first, last.end).includes('\n');
  return { insertAt: last.end, separator: oneLineEach ? `,${newlineOf(text)}${indentationAt(text, last.start)}` : ', ' };
}

/** The column type for open-ended or list data in the model's dialect, for help texts: PostgreSQL's jsonb, MySQL's JSON. */
export function documentType(model: SchemaModel): string {
  return model.dialect === 'postgres' ? 'jsonb' : 'JSON';
}
