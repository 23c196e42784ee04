// Fields of catalog rows read back from a real database (pg-catalog.ts, mysql-catalog.ts), checked
// by type guards: a row whose field has another type throws, naming the field, instead of being cast.
import type { KeyJson, ColumnJson, ForeignKeyJson, TableJson } from '../../server/src/engine';

/** Runs one parameterless catalog query and gives its rows as objects. */
export type CatalogQuery = (sql: string) => Promise<readonly Record<string, unknown>[]>;

/** The key the model uses for a table: its name, prefixed by its schema unless that is `public`. */
export function tableKey(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

export function text(row: Record<string, unknown>, field: string): string {
  const value = row[field];
  if (typeof value !== 'string') throw new Error(`catalog row: ${field} is ${typeof value}, expected a string`);
  return value;
}

export function optionalText(row: Record<string, unknown>, field: string): string | null {
  const value = row[field];
  return value === null || value === undefined ? null : text(row, field);
}

export function integer(row: Record<string, unknown>, field: string): number {
  const value = row[field];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new Error(`catalog row: ${field} is ${typeof value}, expected an integer`);
}

export function flag(row: Record<string, unknown>, field: string): boolean {
  const value = row[field];
  if (typeof value !== 'boolean') throw new Error(`catalog row: ${field} is ${typeof value}, expected a boolean`);
  return value;
}

export function textArray(row: Record<string, unknown>, field: string): string[] {
  const value = row[field];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) throw new Error(`catalog row: ${field} is not a text array`);
  return value;
}

/** A table as it is being read: mutable lists, filled query by query. */
export interface TableParts {
  schema: string;
  name: string;
  kind: TableJson['kind'];
  columns: ColumnJson[];
  primaryKey: KeyJson | null;
  uniqueKeys: KeyJson[];
  foreignKeys: ForeignKeyJson[];
  checks: { name: string; expression: string }[];
}

export function emptyTable(schema: string, name: string, kind: TableJson['kind']): TableParts {
  return { schema, name, kind, columns: [], primaryKey: null, uniqueKeys: [], foreignKeys: [], checks: [] };
}

/** A table read back, as TableJson: a catalog has no origins, and knows every column (of a view too). */
export function tableJson<T extends TableParts>(table: T): T & TableJson {
  return { ...table, columnsIncomplete: false, dependsOn: [], definedIn: '', changedIn: '' };
}
