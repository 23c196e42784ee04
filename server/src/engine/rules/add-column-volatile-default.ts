// add-column-volatile-default: ADD COLUMN with a volatile default (or, before PostgreSQL 11, any
// default) on an existing table rewrites it under ACCESS EXCLUSIVE. Since PostgreSQL 11 a
// non-volatile default is evaluated once and stored in the catalog, without a rewrite.
// Serial and identity columns are add-column-serial's; stored generated columns add-column-generated-stored's.
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';
import { isSerialType } from './lib/type-helpers';

/**
 * Built-in (and common extension) functions marked VOLATILE in pg_proc that appear in defaults.
 * now(), current_timestamp, statement_timestamp() … are STABLE: evaluated once, no rewrite.
 */
const volatileFunctions = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'gen_random_bytes',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'clock_timestamp',
  'timeofday',
  'nextval',
]);


export const addColumnVolatileDefault = defineRule({
  meta: {
    id: 'add-column-volatile-default',
    title: 'Adding a column with a volatile default rewrites the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['adding-field-with-default'],
      pgfence: ['add-column-non-constant-default', 'add-column-default-pre-pg11'],
      strong_migrations: ['add_column_default'],
    },
    fix: undefined,
    docs: {
      why: 'Adding a column whose default is volatile (`gen_random_uuid()`, `random()`, `clock_timestamp()`, `nextval(…)` …) makes PostgreSQL compute a value for every existing row: it rewrites the whole table under an ACCESS EXCLUSIVE lock, and every query on the table, reads included, waits until the rewrite ends. Before PostgreSQL 11 any non-NULL default rewrites the table; since 11 a non-volatile default (a constant, `now()`) is stored once in the catalog and the statement is instant. Only known volatile functions are reported: a user-defined function is VOLATILE unless declared otherwise, so check its declaration.',
      safeWay: 'Add the column without a default, then `ALTER COLUMN … SET DEFAULT …` in a separate statement (it applies to new rows only, no rewrite), and backfill existing rows in batches outside the migration transaction. A table created earlier in the same migration is empty and is not reported.',
      bad: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      good: 'ALTER TABLE users ADD COLUMN token uuid;\nALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const beforeEleven = ctx.settings.serverVersion.major < 11;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column') continue;
      const { column } = action;
      const value = column.default;
      if (!value || value.isNull || column.identity || column.generated || isSerialType(column.type.canonical)) continue;
      const volatile = [...new Set(value.functionCalls.filter((name) => volatileFunctions.has(name)))];
      if (volatile.length === 0 && !beforeEleven) continue;
      const waits = `held until every row is written: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`;
      ctx.report({
        range: action.range,
        message:
          volatile.length > 0
            ? `Adding \`${column.name}\` with the volatile default ${volatile.map((name) => `${name}()`).join(', ')} rewrites \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock ${waits}`
            : `Before PostgreSQL 11, adding \`${column.name}\` with a default rewrites \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock ${waits}`,
        help:
          volatile.length > 0
            ? 'Add the column without a default, SET DEFAULT in a separate statement (new rows only), then backfill existing rows in batches'
            : 'Add the column without a default, SET DEFAULT in a separate statement, then backfill existing rows in batches (PostgreSQL 11+ stores a non-volatile default without a rewrite)',
      });
    }
  },
});
