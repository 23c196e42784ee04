// add-required-column: ADD COLUMN … NOT NULL without a default on an existing table. PostgreSQL fails
// as soon as the table holds one row, because every existing row would get NULL. MySQL and MariaDB
// give existing rows the type's implicit default instead (0, '', the first ENUM value, a zero date),
// in strict sql_mode too ([ran] MariaDB 10.11, STRICT_TRANS_TABLES and sql_mode=''), except that a
// zero date fails when sql_mode has NO_ZERO_DATE, which MySQL 5.7+ enables by default and MariaDB
// does not ([ran] MariaDB 10.11: ERROR 1292 Incorrect date value '0000-00-00' … at row 1).
import type { ColumnDefinition, Dialect, TypeName } from '../model';
import { isSerialType } from './lib/type-helpers';
import { mysqlImplicitValue, mysqlZeroDate } from './lib/locking-helpers';
import { defineRule, type ReportInput } from './lib/rule';

/**
 * Not reported on MySQL/MariaDB: TIMESTAMP's implicit default depends on explicit_defaults_for_timestamp
 * (and on being the table's first TIMESTAMP column), and spatial columns' behaviour was not verified.
 */
const unjudgedTypes = new Set(['timestamp', 'geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection']);

const blobTypes = new Set(['tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'json']);

/** The safe way; MySQL's TEXT, BLOB and JSON columns take only expression defaults (8.0.13+). */
function mysqlHelp(type: TypeName, dialect: Dialect): string {
  const rest = 'or add it nullable, backfill it, then make it NOT NULL with MODIFY';
  return dialect === 'mysql' && blobTypes.has(type.canonical)
    ? `Give it the default existing rows should get, written as an expression (DEFAULT ('…'), MySQL 8.0.13+, as TEXT, BLOB and JSON columns need), ${rest}`
    : `Give it the default existing rows should get (a constant DEFAULT), ${rest}`;
}

/** What existing rows of `table` get in the new column on MySQL/MariaDB, or undefined when not judged. */
function mysqlFinding(column: ColumnDefinition, table: string, dialect: Dialect): Omit<ReportInput, 'range'> | undefined {
  // NOT NULL DEFAULT NULL fails on an empty table too (Invalid default value); a key column's
  // implicit values collide, which unique-may-fail reports.
  if (column.default || column.primaryKey || column.unique || unjudgedTypes.has(column.type.canonical)) return undefined;
  const zeroDate = mysqlZeroDate(column.type);
  const subject = `Adding NOT NULL column \`${column.name}\` without a default`;
  if (zeroDate && dialect === 'mysql') {
    return {
      message: `${subject} fails as soon as \`${table}\` holds a row under MySQL's default sql_mode, whose NO_ZERO_DATE rejects the implicit ${zeroDate}; where sql_mode lacks NO_ZERO_DATE, existing rows silently get ${zeroDate}`,
      help: mysqlHelp(column.type, dialect),
    };
  }
  const value = mysqlImplicitValue(column.type, dialect);
  const what = value === undefined ? "the type's implicit default" : `the implicit value ${value}`;
  const caveat = zeroDate ? ' (the ALTER fails instead when sql_mode has NO_ZERO_DATE)' : ', in strict sql_mode too';
  return {
    severity: 'warning',
    message: `${subject} silently gives every existing row of \`${table}\` ${what}${caveat}: those rows then hold a value nobody wrote`,
    help: mysqlHelp(column.type, dialect),
  };
}

export const addRequiredColumn = defineRule({
  meta: {
    id: 'add-required-column',
    title: 'Give new NOT NULL columns a default',
    category: 'constraints',
    severity: 'error',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['adding-required-field'],
    },
    fix: undefined,
    docs: {
      why: "A column added to a table starts out NULL in every existing row unless it has a default. With `NOT NULL` and no default, PostgreSQL rejects the `ALTER TABLE` as soon as the table holds a single row, so the migration passes on an empty development database and fails in production. MySQL and MariaDB instead give existing rows the type's implicit default, in strict sql_mode too: `0`, `''`, the first ENUM value, `'0000-00-00'` — values nobody wrote that code cannot tell from real ones. A zero date fails when sql_mode has `NO_ZERO_DATE`, which MySQL 5.7 and later enable by default, so on MySQL a new `DATE`/`DATETIME` NOT NULL column without a default fails on the first row; MariaDB's default sql_mode lacks it and fills zero dates. Identity, serial, AUTO_INCREMENT and generated columns fill existing rows themselves and are fine.",
      safeWay: "Add the column with a constant default (`DEFAULT 0`, `DEFAULT ''`): since PostgreSQL 11 a non-volatile default is stored in the catalog and no row is rewritten (before 11 any default rewrites the table), and MySQL 8.0 and MariaDB 10.4 add it instantly. Or add it nullable, backfill it in batches, and set NOT NULL afterwards (PostgreSQL: with a validated CHECK; MySQL: `MODIFY … NOT NULL` once no row holds NULL). A table created earlier in the same migration is empty, so a required column is fine there.",
      bad: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
      good: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column') continue;
      const column = action.column;
      if (!column.notNull || column.identity || column.generated || column.autoIncrement) continue;
      if (stmt.dialect !== 'postgres') {
        const finding = mysqlFinding(column, stmt.table.name, stmt.dialect);
        if (finding) ctx.report({ range: action.range, ...finding });
        continue;
      }
      if (isSerialType(column.type.canonical)) continue;
      if (column.default && !column.default.isNull) continue;
      ctx.report({
        range: action.range,
        message: `Adding NOT NULL column \`${column.name}\` without a default fails as soon as \`${stmt.table.name}\` holds a row: existing rows would get NULL`,
        help: 'Give it a constant default (no rewrite on PostgreSQL 11+), or add it nullable, backfill, then set NOT NULL',
      });
    }
  },
});
