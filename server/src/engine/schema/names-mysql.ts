// The names MySQL and MariaDB give unnamed indexes and constraints: an index (or UNIQUE key) is
// named after its first column, `_2`, `_3` … on a clash within the table; the primary key is
// `PRIMARY`; foreign keys are `<table>_ibfk_<n>` and checks `<table>_chk_<n>` (InnoDB, MySQL 8.0
// "CREATE TABLE … Constraints" and "FOREIGN KEY Constraints"). Index names are per table.
import type { TableConstraint } from '../model';
import { qualifiedKey, type SchemaModel } from './model';

export const primaryKeyName = 'PRIMARY';

/** A free index name on the table: the first column's name, then `<name>_2`, `<name>_3` … */
export function mysqlIndexName(model: SchemaModel, schema: string | undefined, table: string, base: string): string {
  let candidate = base;
  for (let suffix = 2; model.indexes.has(model.indexKey(schema, table, candidate)); suffix++) candidate = `${base}_${suffix}`;
  return candidate;
}

/** `<table>_<label>_<n>` with n one more than the highest such name the table has. */
function numberedName(names: readonly string[], table: string, label: string): string {
  const prefix = `${table}_${label}_`;
  const used = names.filter((name) => name.startsWith(prefix)).map((name) => Number(name.slice(prefix.length)));
  return `${prefix}${Math.max(0, ...used.filter(Number.isInteger)) + 1}`;
}

/** The name MySQL gives an unnamed constraint on `table`. */
export function mysqlConstraintName(model: SchemaModel, schema: string | undefined, table: string, constraint: TableConstraint): string {
  if (constraint.kind === 'primary-key') return primaryKeyName;
  if (constraint.name) return constraint.name;
  const owner = model.tables.get(qualifiedKey(schema, table));
  switch (constraint.kind) {
    case 'foreign-key':
      return numberedName(owner?.foreignKeys.map((foreignKey) => foreignKey.name) ?? [], table, 'ibfk');
    case 'check':
      return numberedName(owner?.checks.map((check) => check.name) ?? [], table, 'chk');
    default:
      return mysqlIndexName(model, schema, table, constraint.columns[0] ?? 'key');
  }
}
