// unique-may-fail: a UNIQUE index or constraint, or a PRIMARY KEY, added to an existing table fails
// when existing rows already hold duplicates (or, for a primary key, NULLs): the migration passes on
// a development database and stops in production. A failed CREATE UNIQUE INDEX CONCURRENTLY also
// leaves an INVALID index behind. Keys over a column this migration adds are judged by what the
// column gives existing rows: NULL never conflicts, a constant default gives every row the same key.
import { columnKey } from '../analysis/state';
import type { ColumnDefinition, ObjectName, TableConstraint, TextRange } from '../model';
import { qualifiedIdentifier, quoteIdentifier } from './lib/edits';
import { defineRule, type RuleContext } from './lib/rule';
import { isSerialType } from './lib/type-helpers';

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
function addedColumnValues(column: ColumnDefinition): KeyValues {
  if (column.identity || column.autoIncrement || isSerialType(column.type.canonical)) return 'distinct';
  if (column.generated) return 'derived';
  const value = column.default;
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
function duplicateQuery(table: ObjectName, columns: readonly KeyColumn[], kind: 'unique' | 'primary-key', nullsNotDistinct: boolean, where: string | undefined): string {
  const keys = columns.map((column) => column.sql).join(', ');
  const filters: string[] = [];
  if (where) filters.push(`(${where})`);
  // Rows with a NULL in the key never conflict in a unique index (unless NULLS NOT DISTINCT).
  if (kind === 'unique' && !nullsNotDistinct) filters.push(...columns.map((column) => `${column.sql} IS NOT NULL`));
  const filter = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
  const having = kind === 'primary-key' ? ['count(*) > 1', ...columns.map((column) => `${column.sql} IS NULL`)].join(' OR ') : 'count(*) > 1';
  return `SELECT ${keys}, count(*) FROM ${qualifiedIdentifier(table)}${filter} GROUP BY ${keys} HAVING ${having}`;
}

interface KeyReport {
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
        : 'Add the column without a default (NULLs never conflict) or with a per-row default, backfill distinct values, then add the key',
    });
    return;
  }
  const condition = key.kind === 'primary-key' ? `any holds a NULL or two hold the same ${keyText}` : `two hold the same ${keyText}`;
  const outcome = key.concurrently ? 'the build fails and leaves an INVALID index behind that every write still maintains' : 'the migration fails';
  ctx.report({
    range: key.range,
    message: `${key.verb} ${key.what} checks the existing rows of ${table}: if ${condition}, ${outcome}`,
    help: `Check for duplicates first: ${duplicateQuery(key.table, key.columns, key.kind, key.nullsNotDistinct, key.where)}${
      key.concurrently ? '; after a failed build, DROP INDEX CONCURRENTLY the invalid index before retrying' : ''
    }`,
  });
}

export const uniqueMayFail = defineRule({
  meta: {
    id: 'unique-may-fail',
    title: 'Unique keys added to existing tables fail on duplicate rows',
    category: 'constraints',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A UNIQUE index or constraint, or a PRIMARY KEY, added to a table that already holds rows is checked against all of them: one pair of duplicates (or, for a primary key, one NULL) and the statement fails. The migration passes on a development database with clean data and stops in production. A failed `CREATE UNIQUE INDEX CONCURRENTLY` is worse: it leaves an INVALID index that is never used by queries but still maintained on every write, until someone drops it. A column added by the same migration gives existing rows NULL (which never conflicts in a unique key) or its default: a constant default, or one such as `now()`, gives every row the same value, so the key fails as soon as the table holds two rows and is reported; identity, serial and per-row defaults (`gen_random_uuid()`) are not. `ADD CONSTRAINT … USING INDEX` is not reported (the index already proved the data unique), nor are tables created earlier in the same migration.',
      safeWay: 'Before the migration, look for rows the key would reject with `SELECT cols, count(*) FROM t GROUP BY cols HAVING count(*) > 1` (the help gives the exact query), and clean them up, or deduplicate in an earlier migration. Build the index with `CREATE UNIQUE INDEX CONCURRENTLY` and check it succeeded; if it failed, drop the invalid index before retrying.',
      bad: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);',
      good: '-- users_email_key was built, and checked valid, by an earlier migration\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind === 'create-index') {
      if (!stmt.unique || ctx.isNewTable(stmt.table)) return;
      const columns = stmt.elements.map((element): KeyColumn => {
        if (element.column === undefined) return { sql: element.expression?.text ?? '?', values: 'derived' };
        const added = ctx.state.addedColumns.get(columnKey(stmt.table, element.column));
        return { sql: quoteIdentifier(element.column), values: added ? addedColumnValues(added) : 'existing' };
      });
      reportKey(ctx, {
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
      return;
    }
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    // Columns this statement adds, for constraints over them.
    const addedHere = new Map<string, ColumnDefinition>();
    for (const action of stmt.actions) if (action.kind === 'add-column') addedHere.set(action.column.name, action.column);
    const keyColumns = (constraint: TableConstraint): KeyColumn[] =>
      constraint.columns.map((name) => {
        const added = addedHere.get(name) ?? ctx.state.addedColumns.get(columnKey(stmt.table, name));
        return { sql: quoteIdentifier(name), values: added ? addedColumnValues(added) : 'existing' };
      });
    const check = (constraint: TableConstraint, range: TextRange): void => {
      if ((constraint.kind !== 'unique' && constraint.kind !== 'primary-key') || constraint.usingIndex !== undefined) return;
      reportKey(ctx, {
        range,
        table: stmt.table,
        columns: keyColumns(constraint),
        kind: constraint.kind,
        nullsNotDistinct: constraint.indexOptions?.nullsNotDistinct ?? false,
        what: constraint.kind === 'unique' ? 'this UNIQUE constraint' : 'this primary key',
        verb: 'Adding',
        concurrently: false,
        where: undefined,
      });
    };
    for (const action of stmt.actions) {
      if (action.kind === 'add-constraint') check(action.constraint, action.range);
      else if (action.kind === 'add-column') for (const constraint of action.column.constraints) check(constraint, constraint.range);
    }
  },
});
