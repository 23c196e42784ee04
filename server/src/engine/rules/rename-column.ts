// rename-column: RENAME COLUMN on an existing table breaks application code still running the
// previous release: its queries name the old column.
import { defineRule } from './lib/rule';

export const renameColumn = defineRule({
  meta: {
    id: 'rename-column',
    title: 'Renaming a column breaks code that still uses the old name',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['renaming-column'],
      strong_migrations: ['rename_column'],
    },
    fix: undefined,
    docs: {
      why: 'The rename is instant, but during a deploy the previous release keeps running (and a rollback brings it back): from the moment the migration commits, every query of the old code that names the column fails with "column does not exist", and the new code fails the same way if it ships before the migration runs.',
      safeWay: 'Add the new column, write to both, backfill, move reads to the new column, stop writing the old one, and drop it in a later release. Where a short compatibility window is enough, rename the table and keep a view with the old names for the old code. A table created earlier in the same migration is not used by running code, so renaming its columns is fine.',
      bad: 'ALTER TABLE users RENAME COLUMN name TO full_name;',
      good: 'ALTER TABLE users ADD COLUMN full_name text;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'rename-column') continue;
      ctx.report({
        range: action.range,
        message: `Renaming \`${stmt.table.name}\`.\`${action.from}\` to \`${action.to}\` makes queries from old application code still running fail: they still name \`${action.from}\``,
        help: 'Add the new column, write both and backfill, move reads, then drop the old column in a later release',
      });
    }
  },
});
