// "Add index": the statement that indexes a table's columns, named the way the project already
// names its indexes. Shared by the foreign-key-without-index fix and the explain index advisor.
// PostgreSQL gets CREATE INDEX [CONCURRENTLY]; MySQL and MariaDB an online ALTER TABLE.
import type { Dialect } from '../model';
import { quoteName } from '../rules/lib/locking-helpers';
import { makeObjectName } from './names';
import { qualifiedKey, type SchemaModel, type SchemaTable } from './model';
import { quoteMysqlName } from './mysql-identifiers';

/** A naming pattern: how an index name is made from its table and columns. */
interface NamingPattern {
  readonly id: string;
  name(table: string, columns: readonly string[]): string;
}

const patterns: readonly NamingPattern[] = [
  { id: 'table_cols_idx', name: (table, columns) => `${table}_${columns.join('_')}_idx` },
  { id: 'idx_table_cols', name: (table, columns) => `idx_${table}_${columns.join('_')}` },
  { id: 'table_cols_index', name: (table, columns) => `${table}_${columns.join('_')}_index` },
  { id: 'index_table_on_cols', name: (table, columns) => `index_${table}_on_${columns.join('_and_')}` },
  { id: 'ix_table_cols', name: (table, columns) => `ix_${table}_${columns.join('_')}` },
];

const defaultPattern = patterns[0] as NamingPattern;

/**
 * The pattern most of the project's own indexes follow (at least two, and more than any other),
 * judged on indexes that are not backing a key; the default `<table>_<cols>_idx` otherwise.
 */
export function projectNamingPattern(model: SchemaModel): NamingPattern {
  const counts = new Map<NamingPattern, number>();
  for (const index of model.indexes.values()) {
    if (index.constraint !== undefined) continue;
    const table = model.tables.get(index.table);
    const columns = index.elements.map((element) => element.column);
    if (!table || columns.some((column) => column === undefined)) continue;
    const pattern = patterns.find((candidate) => candidate.name(table.name, columns as string[]) === index.name);
    if (pattern) counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best && best[1] >= 2 && best[1] > (second?.[1] ?? 0) ? best[0] : defaultPattern;
}

/** PostgreSQL's NAMEDATALEN - 1; MySQL allows 64 characters, so the same limit suits both. */
const maxIdentifierBytes = 63;

/**
 * A free index name for the columns, in the project's pattern, cut to the identifier limit. On
 * PostgreSQL it must be free among the schema's indexes and tables; on MySQL and MariaDB only
 * among the table's own indexes.
 */
export function indexNameFor(model: SchemaModel, table: SchemaTable, columns: readonly string[]): string {
  const wanted = projectNamingPattern(model).name(table.name, columns);
  const fitted = new TextEncoder().encode(wanted).length <= maxIdentifierBytes ? wanted : makeObjectName(table.name, columns.join('_'), 'idx');
  const taken = (name: string): boolean =>
    model.dialect === 'postgres'
      ? model.indexes.has(qualifiedKey(table.schema, name)) || model.tables.has(qualifiedKey(table.schema, name))
      : model.indexesOn(qualifiedKey(table.schema, table.name)).some((index) => index.name.toLowerCase() === name.toLowerCase());
  let name = fitted;
  for (let suffix = 1; taken(name); suffix++) {
    name = makeObjectName(table.name, columns.join('_'), `idx${suffix}`);
  }
  return name;
}

/** `CREATE INDEX [CONCURRENTLY] name ON table (columns)` (no terminator), identifiers quoted as needed: PostgreSQL. */
export function createIndexStatement(table: { readonly schema: string | undefined; readonly name: string }, columns: readonly string[], name: string, concurrently: boolean): string {
  const keyword = concurrently ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX';
  const tableSql = table.schema && table.schema !== 'public' ? `${quoteName(table.schema)}.${quoteName(table.name)}` : quoteName(table.name);
  return `${keyword} ${quoteName(name)} ON ${tableSql} (${columns.map(quoteName).join(', ')})`;
}

/**
 * `ALTER TABLE table ADD INDEX name (columns), ALGORITHM=INPLACE, LOCK=NONE` (no terminator):
 * InnoDB builds a secondary index in place while reads and writes go on (MySQL 8 "Online DDL
 * Operations"; MariaDB KB "InnoDB Online DDL"), and the clauses make the server refuse rather
 * than silently lock the table when it cannot.
 */
export function mysqlAddIndexStatement(table: { readonly schema: string | undefined; readonly name: string }, columns: readonly string[], name: string): string {
  const tableSql = table.schema ? `${quoteMysqlName(table.schema)}.${quoteMysqlName(table.name)}` : quoteMysqlName(table.name);
  return `ALTER TABLE ${tableSql} ADD INDEX ${quoteMysqlName(name)} (${columns.map(quoteMysqlName).join(', ')}), ALGORITHM=INPLACE, LOCK=NONE`;
}

/** What undoes `onlineAddIndexStatement` (for a down migration), online too. */
export function onlineDropIndexStatement(dialect: Dialect, table: { readonly schema: string | undefined; readonly name: string }, name: string): string {
  if (dialect === 'postgres') return `DROP INDEX CONCURRENTLY IF EXISTS ${table.schema && table.schema !== 'public' ? `${quoteName(table.schema)}.` : ''}${quoteName(name)}`;
  const tableSql = table.schema ? `${quoteMysqlName(table.schema)}.${quoteMysqlName(table.name)}` : quoteMysqlName(table.name);
  return `ALTER TABLE ${tableSql} DROP INDEX ${quoteMysqlName(name)}, ALGORITHM=INPLACE, LOCK=NONE`;
}

/** The statement "Add index" writes for a suggestion: online on every dialect (CONCURRENTLY on PostgreSQL). */
export function onlineAddIndexStatement(dialect: Dialect, table: { readonly schema: string | undefined; readonly name: string }, columns: readonly string[], name: string): string {
  return dialect === 'postgres' ? createIndexStatement(table, columns, name, true) : mysqlAddIndexStatement(table, columns, name);
}
