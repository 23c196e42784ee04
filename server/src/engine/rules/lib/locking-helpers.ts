// Shared helpers for the locking, constraint and transaction rules: identifier quoting, type
// labels and implicit values for messages, and the text of multi-statement recipes. Text building only: never parses
// SQL and never decides whether something is a hazard (that stays in each rule).
import type { Dialect, ObjectName, Statement, TableConstraint, TextEdit, TextRange, TypeName } from '../../model';
import { tableLocks, type TableLock } from '../../analysis/state';
import { blocksWrites } from '../../analysis/locks';
import { indentationAt, insertAt, lineStart, newlineOf } from './edits';
import type { RuleContext } from './rule';
import { joinedColumns, makeObjectName } from '../../schema/names';
import { qualifiedKey } from '../../schema/model';

// Reserved (and type/function-name) keywords: as a column or index name they must be quoted.
const reservedWords = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from ' +
    'full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime ' +
    'localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning ' +
    'right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user ' +
    'using variadic verbose when where window with'
  ).split(' '),
);

const plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

/** An identifier written so PostgreSQL reads it back unchanged: quoted unless plain lower case and not reserved. */
export function quoteName(name: string): string {
  return plainIdentifier.test(name) && !reservedWords.has(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** The table's name exactly as the statement writes it (quotes and schema included). */
export function writtenName(ctx: RuleContext, name: ObjectName): string {
  const written = ctx.text.slice(name.range.start, name.range.end);
  return written.trim() === '' ? quoteName(name.name) : written;
}

/** Write-blocking locks `stmt` takes on tables that existed before this unit. */
export function writeBlockingLocksOnExistingTables(ctx: RuleContext, stmt: Statement): TableLock[] {
  return tableLocks(ctx.state, stmt).filter((lock) => blocksWrites(lock.mode) && !lock.onNewTable);
}

/** How a locked table is named in a message: `users`, or "the table of `users_email_idx`" when only its index is known. */
export function lockedTableLabel(lock: { readonly table: string; readonly tableUnknown: boolean }): string {
  return lock.tableUnknown ? `the table of \`${lock.table}\`` : `\`${lock.table}\``;
}

/** `users`, `users` and `orders`, `a`, `b` and 2 more. */
export function labelList(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? 'the table';
  if (unique.length === 2) return `${unique[0]} and ${unique[1]}`;
  return `${unique.slice(0, 2).join(', ')} and ${unique.length - 2} more`;
}

/**
 * An edit that puts a session setting (`SET lock_timeout = '5s';`) before the unit's first statement:
 * on its own line when the statement starts its line, else directly before the statement.
 */
export function insertBeforeUnit(ctx: RuleContext, current: TextRange, setting: string): TextEdit {
  const first = ctx.state.firstStatementRange ?? current;
  const start = lineStart(ctx.text, first.start);
  const newline = newlineOf(ctx.text);
  if (ctx.text.slice(start, first.start).trim() === '') return insertAt(start, `${setting}${newline}`);
  return insertAt(first.start, `${setting}${newline}`);
}

/**
 * Whether `;` ends statements where the statement at `range` is: always in PostgreSQL; in MySQL/MariaDB
 * only where no client `DELIMITER` is in effect, which shows as the statement ending in `;` (under
 * `DELIMITER $$` it ends in `$$`) or ending the text unterminated.
 */
export function semicolonDelimited(ctx: RuleContext, range: TextRange, dialect: Dialect): boolean {
  return dialect === 'postgres' || ctx.text.charCodeAt(range.end - 1) === 59 || ctx.text.slice(range.end).trim() === '';
}

/** True when the statement's text ends with its `;` terminator. */
export function isTerminated(ctx: RuleContext, stmt: Pick<Statement, 'range'>): boolean {
  return ctx.text.charCodeAt(stmt.range.end - 1) === 59;
}

/** Statements joined on separate lines with the indentation of `stmt`, each ending with `;`. */
export function recipeText(ctx: RuleContext, stmt: Pick<Statement, 'range'>, statements: readonly string[]): string {
  const newline = newlineOf(ctx.text);
  const indentation = indentationAt(ctx.text, stmt.range.start);
  return statements.map((text) => `${text};`).join(`${newline}${indentation}`);
}

/** An edit that adds statements on new lines right after `stmt` (terminating it first when needed). */
export function appendAfter(ctx: RuleContext, stmt: Pick<Statement, 'range'>, statements: readonly string[]): TextEdit {
  const newline = newlineOf(ctx.text);
  const indentation = indentationAt(ctx.text, stmt.range.start);
  return insertAt(stmt.range.end, `${isTerminated(ctx, stmt) ? '' : ';'}${newline}${indentation}${recipeText(ctx, stmt, statements)}`);
}

/**
 * The two statements that add a PRIMARY KEY or UNIQUE constraint without building its index under
 * ACCESS EXCLUSIVE: `CREATE UNIQUE INDEX CONCURRENTLY` then `ADD CONSTRAINT … USING INDEX`. Undefined
 * when the constraint has options the recipe does not carry over (storage parameters, tablespace).
 */
export function indexBackedConstraintRecipe(
  ctx: RuleContext,
  table: ObjectName,
  constraint: TableConstraint,
): { readonly name: string; readonly statements: readonly string[] } | undefined {
  const options = constraint.indexOptions;
  if (!options || options.storage || constraint.columns.length === 0) return undefined;
  const primaryKey = constraint.kind === 'primary-key';
  const name = constraint.name ?? (primaryKey ? makeObjectName(table.name, undefined, 'pkey') : makeObjectName(table.name, joinedColumns(constraint.columns), 'key'));
  const quoted = quoteName(name);
  const tableText = writtenName(ctx, table);
  const columns = constraint.columns.map(quoteName).join(', ');
  const include = options.include.length > 0 ? ` INCLUDE (${options.include.map(quoteName).join(', ')})` : '';
  const nulls = options.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
  const timing = options.deferrable ? (options.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE') : '';
  return {
    name,
    statements: [
      `CREATE UNIQUE INDEX CONCURRENTLY ${quoted} ON ${tableText} (${columns})${include}${nulls}`,
      `ALTER TABLE ${tableText} ADD CONSTRAINT ${quoted} ${primaryKey ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${quoted}${timing}`,
    ],
  };
}

/**
 * Foreign keys of other tables (not among `tables`) that reference one of `tables`, as
 * "foreign key `fk` of `child`": MySQL and MariaDB refuse to DROP or TRUNCATE such a parent while
 * foreign_key_checks is on.
 */
export function referencingForeignKeys(ctx: RuleContext, tables: readonly ObjectName[]): string[] {
  const keys = new Set(tables.map((name) => qualifiedKey(name.schema, name.name)));
  return [...keys].flatMap((key) =>
    ctx.state.schema
      .referencesTo(key)
      .filter(({ table }) => !keys.has(qualifiedKey(table.schema, table.name)))
      .map(({ table, foreignKey }) => `foreign key \`${foreignKey.name}\` of \`${table.name}\``),
  );
}

const numericTypes = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double', 'bit']);
const stringTypes = new Set(['char', 'varchar', 'binary', 'varbinary', 'tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob']);
const zeroDates: Readonly<Record<string, string>> = { date: "'0000-00-00'", datetime: "'0000-00-00 00:00:00'" };
const zeroTimes: Readonly<Record<string, string>> = { time: "'00:00:00'", year: '0000' };

/** The zero date MySQL/MariaDB would store for a DATE or DATETIME (an error under NO_ZERO_DATE). */
export function mysqlZeroDate(type: TypeName): string | undefined {
  return zeroDates[type.canonical];
}

/**
 * The value MySQL/MariaDB store in a NOT NULL column of this type where a row has none (a new column
 * without a default, a NULL under MODIFY … NOT NULL without strict mode), as SQL text; undefined when
 * not known. [ran] MariaDB 10.11: 0, '', the first ENUM value, zero dates and times.
 */
export function mysqlImplicitValue(type: TypeName, dialect: Dialect): string | undefined {
  if (numericTypes.has(type.canonical)) return '0';
  if (stringTypes.has(type.canonical) || type.canonical === 'set') return "''";
  if (type.canonical === 'enum') return type.values?.[0] === undefined ? undefined : `'${type.values[0].replaceAll("'", "''")}'`;
  // MariaDB's JSON is LONGTEXT: [ran] 10.11 fills ''.
  if (type.canonical === 'json' && dialect === 'mariadb') return "''";
  return zeroDates[type.canonical] ?? zeroTimes[type.canonical];
}
