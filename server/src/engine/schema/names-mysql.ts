// The names MySQL and MariaDB give unnamed indexes and constraints, and the character sets they
// give columns. An index (or UNIQUE key) is named after its first column, `_2`, `_3` … on a clash
// within the table; the primary key is `PRIMARY`; foreign keys are `<table>_ibfk_<n>` (InnoDB).
// Checks: MySQL 8 `<table>_chk_<n>` ("CREATE TABLE … CHECK Constraints"); MariaDB names a column's
// own CHECK after the column and a table's `CONSTRAINT_<n>`, the lowest number free. Every naming
// claim here is checked on MariaDB 10.11 by test/schema/mysql-model.test.ts. Index names are per table.
import type { Dialect, TableConstraint } from '../model';
import { qualifiedKey, type SchemaModel, type SchemaTable } from './model';

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

/** MariaDB's `CONSTRAINT_<n>`: the lowest n no check of the table has (names compared without case). */
function mariadbCheckName(names: readonly string[]): string {
  const used = new Set(names.map((name) => name.toLowerCase()));
  let number = 1;
  while (used.has(`constraint_${number}`)) number++;
  return `CONSTRAINT_${number}`;
}

/**
 * The name MySQL gives an unnamed constraint on `table`. A CHECK written in a column's definition
 * has that column in `columns` (a table's CHECK has none).
 */
export function mysqlConstraintName(model: SchemaModel, schema: string | undefined, table: string, constraint: TableConstraint): string {
  if (constraint.kind === 'primary-key') return primaryKeyName;
  if (constraint.name) return constraint.name;
  const owner = model.tables.get(qualifiedKey(schema, table));
  switch (constraint.kind) {
    case 'foreign-key':
      return numberedName(owner?.foreignKeys.map((foreignKey) => foreignKey.name) ?? [], table, 'ibfk');
    case 'check': {
      const names = owner?.checks.map((check) => check.name) ?? [];
      if (model.dialect !== 'mariadb') return numberedName(names, table, 'chk');
      return constraint.columns[0] ?? mariadbCheckName(names);
    }
    default:
      return mysqlIndexName(model, schema, table, constraint.columns[0] ?? 'key');
  }
}

/**
 * Renaming a table renames the names InnoDB generated from the old one: `<old>_ibfk_<n>` becomes
 * `<new>_ibfk_<n>` (MySQL 8 likewise `<old>_chk_<n>`), whoever wrote them (MySQL manual "RENAME
 * TABLE"; MariaDB 10.11 does the same).
 */
export function renamedWithTable(dialect: Dialect, name: string, from: string, to: string): string {
  for (const label of dialect === 'mysql' ? ['ibfk', 'chk'] : ['ibfk']) {
    const prefix = `${from}_${label}_`;
    if (name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))) return `${to}_${label}_${name.slice(prefix.length)}`;
  }
  return name;
}

/** MySQL/MariaDB types that take a character set. */
const textTypes: ReadonlySet<string> = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set']);

export function takesCharset(canonical: string): boolean {
  return textTypes.has(canonical);
}

/** A character set as both servers now name it: `utf8` is utf8mb3 (MySQL 8.0, MariaDB 10.6). */
export function canonicalCharset(charset: string): string {
  return charset === 'utf8' ? 'utf8mb3' : charset;
}

/** A collation names its character set before the first underscore (`utf8mb4_bin` → utf8mb4; `binary` is binary). */
export function charsetOfCollation(collation: string | undefined): string | undefined {
  if (collation === undefined) return undefined;
  return canonicalCharset(collation === 'binary' ? 'binary' : (collation.split('_', 1)[0] ?? collation));
}

/** The character set a `CHARSET` / `COLLATE` pair names (a column's, a table's default), if either is written. */
export function writtenCharset(charset: string | undefined, collation: string | undefined): string | undefined {
  return charset !== undefined ? canonicalCharset(charset) : charsetOfCollation(collation);
}

/**
 * A column's character set when it is (re)defined: its own, else the table's default at that moment
 * (a CHANGE or MODIFY that names none takes the table's default, not the column's old one); none for
 * a type without one, or when the table's default is unknown.
 */
export function definedCharset(table: Pick<SchemaTable, 'charset'> | undefined, canonical: string, own: string | undefined): string | undefined {
  if (!takesCharset(canonical)) return undefined;
  return own ?? table?.charset;
}
