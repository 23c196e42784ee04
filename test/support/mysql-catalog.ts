// Reads a MySQL/MariaDB database's information_schema back into the schema model's JSON shape
// (SchemaJson), so the MySQL oracle can diff what the server built from a set of migrations with
// what the model says (the MySQL twin of pg-catalog.ts, sharing its row checks). Driver-agnostic:
// it gets a `query(sql) => rows` function, sends only parameterless queries against
// information_schema for one database, and never changes anything. Names are returned as the server
// stores them; schema-diff.ts compares MySQL names without regard to case.
import type { ColumnJson, IndexJson, SchemaJson, TableJson } from '../../server/src/engine';
import { emptyTable, integer, optionalText, tableJson, tableKey, text, type CatalogQuery, type TableParts } from './catalog-rows';

/** A database name the queries can embed as a literal (the oracle's own scratch names). */
function literal(database: string): string {
  if (!/^\w+$/.test(database)) throw new Error(`unexpected database name ${database}`);
  return `'${database}'`;
}

function queries(database: string): Record<'tables' | 'columns' | 'indexes' | 'constraints' | 'keyColumns' | 'checks', string> {
  const schema = literal(database);
  return {
    tables: `SELECT t.TABLE_NAME AS name, t.TABLE_TYPE AS type, t.ENGINE AS engine, c.CHARACTER_SET_NAME AS charset
      FROM information_schema.TABLES t LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION
      WHERE t.TABLE_SCHEMA = ${schema} ORDER BY t.TABLE_NAME`,
    columns: `SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS name, DATA_TYPE AS data_type, COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable,
        COLUMN_DEFAULT AS \`default\`, EXTRA AS extra, CHARACTER_SET_NAME AS charset
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${schema} ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    indexes: `SELECT TABLE_NAME AS \`table\`, INDEX_NAME AS name, COLUMN_NAME AS \`column\`, SUB_PART AS prefix, NON_UNIQUE AS non_unique, INDEX_TYPE AS type
      FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ${schema} ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    constraints: `SELECT tc.TABLE_NAME AS \`table\`, tc.CONSTRAINT_NAME AS name, tc.CONSTRAINT_TYPE AS type, rc.DELETE_RULE AS on_delete
      FROM information_schema.TABLE_CONSTRAINTS tc
      LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc
        ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.TABLE_NAME = tc.TABLE_NAME AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ${schema} ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME`,
    keyColumns: `SELECT TABLE_NAME AS \`table\`, CONSTRAINT_NAME AS name, COLUMN_NAME AS \`column\`, REFERENCED_TABLE_SCHEMA AS referenced_schema,
        REFERENCED_TABLE_NAME AS referenced_table, REFERENCED_COLUMN_NAME AS referenced_column
      FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ${schema} AND REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
    checks: `SELECT TABLE_NAME AS \`table\`, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause, LEVEL AS level
      FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ${schema} ORDER BY TABLE_NAME, CONSTRAINT_NAME`,
  };
}

/** Integer types whose `(n)` is a display width the model drops (all but tinyint(1), MySQL's boolean). */
const displayWidthTypes: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'year']);

/** `varchar(200)` → [200], `decimal(10,2)` → [10, 2], `int(11)` → [] (a display width), `enum('a')` → []. */
export function mysqlTypeModifiers(dataType: string, columnType: string): number[] {
  if (dataType === 'enum' || dataType === 'set') return [];
  const match = /^[a-z ]+\(([\d,\s]+)\)/.exec(columnType);
  const modifiers = match?.[1]?.split(',').map((part) => Number(part.trim())) ?? [];
  if (!displayWidthTypes.has(dataType)) return modifiers;
  return dataType === 'tinyint' && modifiers.length === 1 && modifiers[0] === 1 ? [1] : [];
}

/** ENUM/SET values from `enum('a','it''s')`, in order. */
export function mysqlTypeValues(columnType: string): string[] | null {
  if (!/^(enum|set)\(/.test(columnType)) return null;
  return [...columnType.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] ?? '').replaceAll("''", "'"));
}

/**
 * The default as the model writes one: information_schema says `NULL` for "no default" on a
 * nullable column (MariaDB 10.2.7+ shows defaults as expressions, so a string default is quoted).
 */
function defaultOf(row: Record<string, unknown>): string | null {
  const value = optionalText(row, 'default');
  return value === null || value === 'NULL' ? null : value;
}

function generatedOf(extra: string): ColumnJson['generated'] {
  if (/\bSTORED GENERATED\b|\bPERSISTENT GENERATED\b/i.test(extra)) return 'stored';
  return /\bVIRTUAL GENERATED\b/i.test(extra) ? 'virtual' : null;
}

/**
 * MariaDB's JSON is LONGTEXT with a `json_valid(col)` CHECK named after the column (MariaDB KB
 * "JSON Data Type"): such a column is read back as the `json` the migration declared, without
 * that check.
 */
function isMariadbJson(row: Record<string, unknown>, checks: ReadonlyMap<string, string>): boolean {
  const name = text(row, 'name');
  const clause = checks.get(`${text(row, 'table')}\u0000${name}`);
  return text(row, 'data_type') === 'longtext' && clause !== undefined && clause.replaceAll('`', '') === `json_valid(${name})`;
}

function columnOf(row: Record<string, unknown>, json: boolean): ColumnJson {
  const dataType = json ? 'json' : text(row, 'data_type');
  const columnType = text(row, 'column_type');
  const extra = text(row, 'extra');
  const generated = generatedOf(extra);
  return {
    name: text(row, 'name'),
    type: dataType,
    modifiers: json ? [] : mysqlTypeModifiers(dataType, columnType),
    isArray: false,
    notNull: text(row, 'nullable') === 'NO',
    default: generated === null ? defaultOf(row) : null,
    identity: false,
    generated,
    unsigned: /\b(unsigned|zerofill)\b/.test(columnType),
    values: mysqlTypeValues(columnType),
    charset: optionalText(row, 'charset'),
    autoIncrement: /\bauto_increment\b/i.test(extra),
  };
}

/** REFERENTIAL_CONSTRAINTS.DELETE_RULE, spelled as the MySQL lowering spells ON DELETE actions. */
function deleteAction(rule: string | null): string | null {
  return rule === null ? null : rule.toLowerCase();
}

interface MysqlTableParts extends TableParts {
  engine: string | null;
  charset: string | null;
}

/** The database's tables, views and indexes as SchemaJson, its tables in schema `public` as the model keeps unqualified tables. */
export async function readMysqlCatalog(query: CatalogQuery, database: string): Promise<SchemaJson> {
  const sql = queries(database);
  const tables = new Map<string, MysqlTableParts>();
  for (const row of await query(sql.tables)) {
    const name = text(row, 'name');
    const kind: TableJson['kind'] = text(row, 'type') === 'VIEW' ? 'view' : 'table';
    const engine = optionalText(row, 'engine');
    tables.set(tableKey('public', name), { ...emptyTable('public', name, kind), engine: engine?.toLowerCase() ?? null, charset: optionalText(row, 'charset') });
  }
  const checkRows = await query(sql.checks);
  const checkClauses = new Map(checkRows.map((row) => [`${text(row, 'table')}\u0000${text(row, 'name')}`, text(row, 'clause')]));
  const jsonColumns = new Set<string>();
  for (const row of await query(sql.columns)) {
    const json = isMariadbJson(row, checkClauses);
    if (json) jsonColumns.add(`${text(row, 'table')}\u0000${text(row, 'name')}`);
    tables.get(text(row, 'table'))?.columns.push(columnOf(row, json));
  }
  for (const row of checkRows) {
    const key = `${text(row, 'table')}\u0000${text(row, 'name')}`;
    if (text(row, 'level') === 'Column' && jsonColumns.has(key)) continue;
    tables.get(text(row, 'table'))?.checks.push({ name: text(row, 'name'), expression: text(row, 'clause') });
  }

  const indexes = new Map<string, IndexJson & { elements: string[] }>();
  // Key columns by index, without prefix lengths (as keys list them).
  const indexColumns = new Map<string, string[]>();
  for (const row of await query(sql.indexes)) {
    const table = text(row, 'table');
    const name = text(row, 'name');
    const key = `${table}\u0000${name}`;
    const index = indexes.get(key) ?? {
      schema: 'public',
      name,
      table,
      unique: integer(row, 'non_unique') === 0,
      method: text(row, 'type').toLowerCase(),
      elements: [],
      predicate: null,
      definedIn: '',
    };
    // MySQL 8's functional key parts have no column name; MariaDB has none.
    const column = optionalText(row, 'column');
    const prefix = row.prefix === null || row.prefix === undefined ? undefined : integer(row, 'prefix');
    index.elements.push(column === null ? '(expression)' : prefix === undefined ? column : `${column}(${prefix})`);
    indexes.set(key, index);
    if (column !== null) indexColumns.set(key, [...(indexColumns.get(key) ?? []), column]);
  }

  const foreignKeyColumns = new Map<string, { columns: string[]; referencedTable: string; referencedColumns: string[] }>();
  for (const row of await query(sql.keyColumns)) {
    const key = `${text(row, 'table')}\u0000${text(row, 'name')}`;
    const referencedSchema = text(row, 'referenced_schema');
    const referencedTable = text(row, 'referenced_table');
    const entry = foreignKeyColumns.get(key) ?? { columns: [], referencedTable: referencedSchema === database ? referencedTable : `${referencedSchema}.${referencedTable}`, referencedColumns: [] };
    entry.columns.push(text(row, 'column'));
    entry.referencedColumns.push(text(row, 'referenced_column'));
    foreignKeyColumns.set(key, entry);
  }
  for (const row of await query(sql.constraints)) {
    const table = tables.get(text(row, 'table'));
    const name = text(row, 'name');
    const key = `${text(row, 'table')}\u0000${name}`;
    if (!table) continue;
    switch (text(row, 'type')) {
      case 'PRIMARY KEY':
        table.primaryKey = { name, columns: indexColumns.get(key) ?? [] };
        break;
      case 'UNIQUE':
        table.uniqueKeys.push({ name, columns: indexColumns.get(key) ?? [] });
        break;
      case 'FOREIGN KEY': {
        const columns = foreignKeyColumns.get(key);
        table.foreignKeys.push({
          name,
          columns: columns?.columns ?? [],
          referencedTable: columns?.referencedTable ?? '',
          referencedColumns: columns?.referencedColumns ?? [],
          onDelete: deleteAction(optionalText(row, 'on_delete')),
        });
        break;
      }
      default:
        // CHECK constraints come from CHECK_CONSTRAINTS, with their clauses.
        break;
    }
  }
  return {
    tables: [...tables.values()].map(tableJson),
    indexes: [...indexes.values()],
    enums: [],
  };
}
