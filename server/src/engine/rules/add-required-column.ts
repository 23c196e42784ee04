// add-required-column: ADD COLUMN … NOT NULL without a default on an existing table fails as soon as
// the table holds one row, because every existing row would get NULL.
import { isSerialType } from './lib/type-helpers';
import { defineRule } from './lib/rule';

export const addRequiredColumn = defineRule({
  meta: {
    id: 'add-required-column',
    title: 'Give new NOT NULL columns a default',
    category: 'constraints',
    severity: 'error',
    dialects: ['postgres'],
    aliases: {
      squawk: ['adding-required-field'],
    },
    fix: undefined,
    docs: {
      why: 'A column added to a table starts out NULL in every existing row unless it has a default. With `NOT NULL` and no default, PostgreSQL rejects the `ALTER TABLE` as soon as the table holds a single row, so the migration passes on an empty development database and fails in production. Identity, serial and generated columns fill existing rows themselves and are fine.',
      safeWay: 'Add the column with a constant default (`DEFAULT 0`, `DEFAULT \'\'`): since PostgreSQL 11 a non-volatile default is stored in the catalog and no row is rewritten (before 11 any default rewrites the table). Or add it nullable, backfill it in batches, and set NOT NULL afterwards with a validated CHECK. A table created earlier in the same migration is empty, so a required column is fine there.',
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
