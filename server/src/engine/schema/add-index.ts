// "Add index": the statement that indexes a table's columns, named the way the project already
// names its indexes. Shared by the foreign-key-without-index fix and the explain index advisor.
import { quoteName } from '../rules/lib/locking-helpers';
import { makeObjectName } from './names';
import { qualifiedKey, type SchemaModel, type SchemaTable } from './model';

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

const maxIdentifierBytes = 63;

/** A free index name for the columns, in the project's pattern, cut to the identifier limit. */
export function indexNameFor(model: SchemaModel, table: SchemaTable, columns: readonly string[]): string {
  const wanted = projectNamingPattern(model).name(table.name, columns);
  const fitted = new TextEncoder().encode(wanted).length <= maxIdentifierBytes ? wanted : makeObjectName(table.name, columns.join('_'), 'idx');
  let name = fitted;
  for (let suffix = 1; model.indexes.has(qualifiedKey(table.schema, name)) || model.tables.has(qualifiedKey(table.schema, name)); suffix++) {
    name = makeObjectName(table.name, columns.join('_'), `idx${suffix}`);
  }
  return name;
}

/** `CREATE INDEX [CONCURRENTLY] name ON table (columns)` (no terminator), identifiers quoted as needed. */
export function createIndexStatement(table: { readonly schema: string | undefined; readonly name: string }, columns: readonly string[], name: string, concurrently: boolean): string {
  const keyword = concurrently ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX';
  const tableSql = table.schema && table.schema !== 'public' ? `${quoteName(table.schema)}.${quoteName(table.name)}` : quoteName(table.name);
  return `${keyword} ${quoteName(name)} ON ${tableSql} (${columns.map(quoteName).join(', ')})`;
}
