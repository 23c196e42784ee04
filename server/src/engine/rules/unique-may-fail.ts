// unique-may-fail: a UNIQUE index or constraint, or a PRIMARY KEY, added to an existing table fails
// when existing rows already hold duplicates (or, for a primary key, NULLs): the migration passes on
// a development database and stops in production. A failed CREATE UNIQUE INDEX CONCURRENTLY also
// leaves an INVALID index behind. Keys over a column this migration adds are judged by what the
// column gives existing rows: NULL never conflicts, a constant default gives every row the same key.
// MySQL/MariaDB also: CHANGE/MODIFY … UNIQUE, a key an existing unique index already proves is not
// reported, a new NOT NULL column without a default gives every row the same implicit value, and
// CHANGE/MODIFY … NOT NULL over a column that may hold NULLs fails in strict sql_mode and silently
// turns the NULLs into the implicit value without it ([ran] MariaDB 10.11: ERROR 1062 Duplicate
// entry; ERROR 1265 Data truncated … at row 1; with sql_mode='' the NULLs became 0 and '0000-00-00').
import { columnKey } from '../analysis/state';
import type { ColumnDefinition, Dialect, ObjectName, Statement, StatementOf, TableConstraint, TextRange } from '../model';
import { columnOf, qualifiedKey } from '../schema/model';
import { qualifiedIdentifierIn, quoteIdentifierIn } from './lib/edits';
import { mysqlImplicitValue } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';
import { isSerialType } from './lib/type-helpers';
import { unitMemory } from './lib/unit-memory';

/**
 * What existing rows hold in one key column: data already there (`existing`), values derived from
 * it (`derived`: an expression, a generated column), one value per row (`distinct`: identity,
 * serial, a per-row default), the same value in every row (`same`), or NULL.
 */
type KeyValues = 'existing' | 'derived' | 'distinct' | 'same' | 'null';

/** Functions evaluated once per statement (STABLE): as a default they give every row the same value. */
const stableFunctions = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_timestamp',
  'current_timestamp_n',
  'current_date',
  'current_time',
  'current_time_n',
  'localtimestamp',
  'localtimestamp_n',
  'localtime',
  'localtime_n',
  'current_user',
  'current_role',
  'session_user',
  'user',
  'current_schema',
  'current_catalog',
]);

/** What existing rows get in a column added by this migration. */
function addedColumnValues(column: ColumnDefinition, dialect: Dialect): KeyValues {
  if (column.identity || column.autoIncrement || isSerialType(column.type.canonical)) return 'distinct';
  if (column.generated) return 'derived';
  const value = column.default;
  // MySQL/MariaDB give a NOT NULL column without a default the type's implicit value (0, '' …) in every row.
  if (!value && column.notNull && dialect !== 'postgres') return 'same';
  if (!value || value.isNull) return 'null';
  if (value.isConstant) return 'same';
  // gen_random_uuid(), nextval() … give each row its own value; a default of stable functions does not.
  return value.functionCalls.length > 0 && value.functionCalls.every((name) => stableFunctions.has(name)) ? 'same' : 'distinct';
}

interface KeyColumn {
  /** The column name, or the expression text of an index element. */
  readonly sql: string;
  readonly values: KeyValues;
}

type Verdict = 'may-fail' | 'same-key' | undefined;

/** Whether the key can fail on existing rows, and how. */
function verdict(columns: readonly KeyColumn[], kind: 'unique' | 'primary-key', nullsNotDistinct: boolean): Verdict {
  const values = columns.map((column) => column.values);
  if (values.length === 0 || values.includes('distinct')) return undefined;
  // A NULL key never conflicts in a unique index; a primary key over a NULL column fails on the NULLs
  // (add-required-column reports a new NOT NULL column without a default).
  if (values.includes('null') && (kind === 'primary-key' || !nullsNotDistinct)) return undefined;
  if (values.every((value) => value === 'same' || value === 'null')) return 'same-key';
  return 'may-fail';
}

/** A query that lists the keys existing rows would violate. */
function duplicateQuery(
  dialect: Dialect,
  table: ObjectName,
  columns: readonly KeyColumn[],
  kind: 'unique' | 'primary-key',
  nullsNotDistinct: boolean,
  where: string | undefined,
): string {
  const keys = columns.map((column) => column.sql).join(', ');
  const filters: string[] = [];
  if (where) filters.push(`(${where})`);
  // Rows with a NULL in the key never conflict in a unique index (unless NULLS NOT DISTINCT).
  if (kind === 'unique' && !nullsNotDistinct) filters.push(...columns.map((column) => `${column.sql} IS NOT NULL`));
  const filter = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
  const having = kind === 'primary-key' ? ['count(*) > 1', ...columns.map((column) => `${column.sql} IS NULL`)].join(' OR ') : 'count(*) > 1';
  return `SELECT ${keys}, count(*) FROM ${qualifiedIdentifierIn(dialect, table)}${filter} GROUP BY ${keys} HAVING ${having}`;
}

interface KeyReport {
  readonly dialect: Dialect;
  readonly range: TextRange;
  readonly table: ObjectName;
  readonly columns: readonly KeyColumn[];
  readonly kind: 'unique' | 'primary-key';
  readonly nullsNotDistinct: boolean;
  /** `unique index \`x\``, `this UNIQUE constraint`, `this primary key`. */
  readonly what: string;
  readonly verb: 'Building' | 'Adding';
  readonly concurrently: boolean;
  readonly where: string | undefined;
  /** MySQL/MariaDB primary key over columns already proven unique: only NULLs can fail it. */
  readonly nullsOnly?: boolean;
}

function reportKey(ctx: RuleContext, key: KeyReport): void {
  const found = verdict(key.columns, key.kind, key.nullsNotDistinct);
  if (!found) return;
  const keyText = `(${key.columns.map((column) => column.sql).join(', ')})`;
  const table = `\`${key.table.name}\``;
  if (found === 'same-key') {
    ctx.report({
      range: key.range,
      message: `Every existing row of ${table} gets the same ${keyText}: ${key.verb.toLowerCase()} ${key.what} fails as soon as the table holds two rows`,
      help: key.columns.some((column) => column.values === 'null')
        ? 'Under NULLS NOT DISTINCT the NULLs of the new column conflict: backfill distinct values first, then add the key'
        : key.dialect === 'postgres'
          ? 'Add the column without a default (NULLs never conflict) or with a per-row default, backfill distinct values, then add the key'
          : 'Add the column nullable and without a default (NULLs never conflict), backfill distinct values, then add the key',
    });
    return;
  }
  const condition = key.nullsOnly ? `any holds a NULL in ${keyText}` : key.kind === 'primary-key' ? `any holds a NULL or two hold the same ${keyText}` : `two hold the same ${keyText}`;
  const outcome = key.concurrently ? 'the build fails and leaves an INVALID index behind that every write still maintains' : 'the migration fails';
  ctx.report({
    range: key.range,
    message: `${key.verb} ${key.what} checks the existing rows of ${table}: if ${condition}, ${outcome}`,
    help: `Check for duplicates first: ${duplicateQuery(key.dialect, key.table, key.columns, key.kind, key.nullsNotDistinct, key.where)}${
      key.concurrently ? '; after a failed build, DROP INDEX CONCURRENTLY the invalid index before retrying' : ''
    }`,
  });
}

/**
 * MySQL/MariaDB: unique keys this unit dropped, by table key, with their columns: rows were unique on
 * them until then (`DROP PRIMARY KEY; ADD PRIMARY KEY (id, tenant_id)` widens a key, it cannot fail on duplicates).
 */
const droppedKeys = unitMemory(() => new Map<string, (readonly string[])[]>());

/** Remembers the unique keys (by the model before the statement) an ALTER TABLE or DROP INDEX removes. */
function rememberDroppedKeys(ctx: RuleContext, table: ObjectName, names: readonly string[]): void {
  const key = qualifiedKey(table.schema, table.name);
  const existing = ctx.state.schema.tables.get(key);
  const columns = (existing?.keys ?? []).filter((tableKey) => names.includes(tableKey.name)).map((tableKey) => tableKey.columns);
  if (columns.length > 0) droppedKeys(ctx).set(key, [...(droppedKeys(ctx).get(key) ?? []), ...columns]);
}

/** MySQL/MariaDB `DROP PRIMARY KEY`, `DROP INDEX|KEY k`, `DROP INDEX k ON t`: keys the statement removes. */
function rememberDrops(ctx: RuleContext, stmt: Statement): void {
  if (stmt.kind === 'drop' && stmt.objectKind === 'index' && stmt.onTable) rememberDroppedKeys(ctx, stmt.onTable, stmt.names.map((name) => name.name));
  if (stmt.kind !== 'alter-table') return;
  const names = stmt.actions.flatMap((action) => (action.kind === 'drop-constraint' || action.kind === 'drop-index' ? [action.name] : []));
  if (names.length > 0) rememberDroppedKeys(ctx, stmt.table, names);
}

/**
 * MySQL/MariaDB: a unique index the model already has over some of the key's columns (or a unique key
 * this unit dropped) proves the key unique on existing rows; a primary key also needs every column
 * NOT NULL. A prefix index proves nothing about whole values.
 */
function provenUnique(ctx: RuleContext, table: ObjectName, columns: readonly string[], kind: 'unique' | 'primary-key'): boolean {
  const key = qualifiedKey(table.schema, table.name);
  const covers = (keyColumns: readonly (string | undefined)[]): boolean => keyColumns.length > 0 && keyColumns.every((column) => column !== undefined && columns.includes(column));
  const unique =
    ctx.state.schema
      .indexesOn(key)
      .some((index) => index.unique && covers(index.elements.map((element) => (element.prefixLength === undefined ? element.column : undefined)))) ||
    (droppedKeys(ctx).get(key) ?? []).some(covers);
  if (!unique || kind === 'unique') return unique;
  const existing = ctx.state.schema.tables.get(key);
  return columns.every((name) => (existing ? columnOf(existing, name)?.notNull : undefined) === true);
}

/** A key column's SQL in the help query: MySQL's prefix index element `col(10)` compares `LEFT(col, 10)`. */
function elementSql(dialect: Dialect, column: string, prefixLength: number | undefined): string {
  const quoted = quoteIdentifierIn(dialect, column);
  return prefixLength === undefined ? quoted : `LEFT(${quoted}, ${prefixLength})`;
}

function checkCreateIndex(ctx: RuleContext, stmt: StatementOf<'create-index'>): void {
  if (!stmt.unique || ctx.isNewTable(stmt.table)) return;
  const dialect = stmt.dialect;
  const plain = stmt.elements.flatMap((element) => (element.column !== undefined && element.prefixLength === undefined ? [element.column] : []));
  if (dialect !== 'postgres' && plain.length === stmt.elements.length && provenUnique(ctx, stmt.table, plain, 'unique')) return;
  const columns = stmt.elements.map((element): KeyColumn => {
    if (element.column === undefined) return { sql: element.expression?.text ?? '?', values: 'derived' };
    const added = ctx.state.addedColumns.get(columnKey(stmt.table, element.column));
    return { sql: elementSql(dialect, element.column, element.prefixLength), values: added ? addedColumnValues(added, dialect) : 'existing' };
  });
  reportKey(ctx, {
    dialect,
    range: stmt.range,
    table: stmt.table,
    columns,
    kind: 'unique',
    nullsNotDistinct: false,
    what: stmt.name ? `unique index \`${stmt.name.name}\`` : 'this unique index',
    verb: 'Building',
    concurrently: stmt.concurrently,
    where: stmt.where?.text,
  });
}

/**
 * MySQL/MariaDB `CHANGE`/`MODIFY … NOT NULL` over a column the model knows as nullable (or one this
 * migration added without a default): existing NULLs fail the ALTER in strict sql_mode, the default.
 */
function checkNotNull(ctx: RuleContext, stmt: StatementOf<'alter-table'>, action: Extract<StatementOf<'alter-table'>['actions'][number], { kind: 'change-column' }>): void {
  const definition = action.definition;
  if (!(definition.notNull || definition.primaryKey) || definition.autoIncrement || definition.generated) return;
  const added = ctx.state.addedColumns.get(columnKey(stmt.table, action.column));
  const existing = ctx.state.schema.table(stmt.table.schema, stmt.table.name);
  const before = existing ? columnOf(existing, action.column) : undefined;
  const allNull = added !== undefined && !added.notNull && (!added.default || added.default.isNull);
  if (added ? !allNull : !before || before.notNull) return;
  const table = `\`${stmt.table.name}\``;
  const column = quoteIdentifierIn(stmt.dialect, action.column);
  const value = mysqlImplicitValue(definition.type, stmt.dialect);
  const nonStrict = `without strict mode ${allNull ? 'every row silently gets' : 'the NULLs silently become'} ${value ?? "the type's implicit default"}`;
  ctx.report({
    range: action.range,
    message: allNull
      ? `Every existing row of ${table} holds NULL in \`${action.column}\`, which this migration added without a default: making it NOT NULL fails as soon as the table holds a row in strict sql_mode (the default), and ${nonStrict}`
      : `Making \`${action.column}\` NOT NULL checks the existing rows of ${table}: in strict sql_mode (the default) the ALTER fails if any holds NULL, and ${nonStrict}`,
    help: `Find and backfill the NULLs first (SELECT count(*) FROM ${qualifiedIdentifierIn(stmt.dialect, stmt.table)} WHERE ${column} IS NULL), then make the column NOT NULL`,
  });
}

function checkAlterTable(ctx: RuleContext, stmt: StatementOf<'alter-table'>): void {
  const dialect = stmt.dialect;
  // Columns this statement adds, for constraints over them.
  const addedHere = new Map<string, ColumnDefinition>();
  for (const action of stmt.actions) if (action.kind === 'add-column') addedHere.set(action.column.name, action.column);
  const keyColumns = (constraint: TableConstraint): KeyColumn[] =>
    constraint.columns.map((name) => {
      const added = addedHere.get(name) ?? ctx.state.addedColumns.get(columnKey(stmt.table, name));
      return { sql: quoteIdentifierIn(dialect, name), values: added ? addedColumnValues(added, dialect) : 'existing' };
    });
  const check = (constraint: TableConstraint, range: TextRange): void => {
    if ((constraint.kind !== 'unique' && constraint.kind !== 'primary-key') || constraint.usingIndex !== undefined) return;
    if (dialect !== 'postgres' && provenUnique(ctx, stmt.table, constraint.columns, constraint.kind)) return;
    const nullsOnly = dialect !== 'postgres' && constraint.kind === 'primary-key' && provenUnique(ctx, stmt.table, constraint.columns, 'unique');
    reportKey(ctx, {
      dialect,
      range,
      table: stmt.table,
      columns: keyColumns(constraint),
      kind: constraint.kind,
      nullsNotDistinct: constraint.indexOptions?.nullsNotDistinct ?? false,
      what: constraint.kind === 'unique' ? 'this UNIQUE constraint' : 'this primary key',
      verb: 'Adding',
      concurrently: false,
      where: undefined,
      nullsOnly,
    });
  };
  for (const action of stmt.actions) {
    if (action.kind === 'add-constraint') check(action.constraint, action.range);
    else if (action.kind === 'add-column') for (const constraint of action.column.constraints) check(constraint, constraint.range);
    else if (action.kind === 'change-column') {
      // The key is over the column's existing values, under its new name.
      const renamed = (constraint: TableConstraint): TableConstraint => ({ ...constraint, columns: constraint.columns.map((name) => (name === action.definition.name ? action.column : name)) });
      for (const constraint of action.definition.constraints) check(renamed(constraint), constraint.range);
      checkNotNull(ctx, stmt, action);
    }
  }
}

export const uniqueMayFail = defineRule({
  meta: {
    id: 'unique-may-fail',
    title: 'Unique keys (and MySQL NOT NULL) added to existing tables fail on rows that break them',
    category: 'constraints',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A UNIQUE index or constraint, or a PRIMARY KEY, added to a table that already holds rows is checked against all of them: one pair of duplicates (or, for a primary key, one NULL) and the statement fails. The migration passes on a development database with clean data and stops in production. A failed `CREATE UNIQUE INDEX CONCURRENTLY` is worse: it leaves an INVALID index that is never used by queries but still maintained on every write, until someone drops it. A column added by the same migration gives existing rows NULL (which never conflicts in a unique key) or its default: a constant default, or one such as `now()`, gives every row the same value, so the key fails as soon as the table holds two rows and is reported; identity, serial and per-row defaults (`gen_random_uuid()`) are not. `ADD CONSTRAINT … USING INDEX` is not reported (the index already proved the data unique), nor are tables created earlier in the same migration. On MySQL and MariaDB the same holds for `ADD UNIQUE`, `ADD PRIMARY KEY`, `CREATE UNIQUE INDEX` and `CHANGE`/`MODIFY … UNIQUE` (a key an existing unique index already proves is not reported), a new `NOT NULL` column without a default gives every existing row the same implicit value (`0`, `\'\'`), and `CHANGE`/`MODIFY … NOT NULL` over a column that may hold NULLs fails in strict sql_mode (the default) and, without it, silently turns the NULLs into that implicit value.',
      safeWay: 'Before the migration, look for rows the key would reject with `SELECT cols, count(*) FROM t GROUP BY cols HAVING count(*) > 1` (the help gives the exact query), and clean them up, or deduplicate in an earlier migration. Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` and check it succeeded; if it failed, drop the invalid index before retrying. Before making a column NOT NULL, find and backfill its NULLs (`SELECT count(*) FROM t WHERE col IS NULL`).',
      bad: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
      good: '-- users_email_key was built, and checked valid, by an earlier migration\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind === 'create-index') {
      checkCreateIndex(ctx, stmt);
      return;
    }
    if (stmt.dialect !== 'postgres') rememberDrops(ctx, stmt);
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    checkAlterTable(ctx, stmt);
  },
});
