// rename-column: RENAME COLUMN on an existing table breaks application code still running the
// previous release: its queries name the old column. MySQL/MariaDB also rename with
// `CHANGE [COLUMN] old new type …` (a CHANGE that keeps the name only redefines the column).
import type { AlterTableAction } from '../model';
import { defineRule } from './lib/rule';

/** The rename an action makes, if any: `RENAME COLUMN a TO b`, or MySQL's `CHANGE a b …`. */
function renameOf(action: AlterTableAction): { readonly from: string; readonly to: string } | undefined {
  if (action.kind === 'rename-column') return action;
  if (action.kind === 'change-column' && action.definition.name !== action.column) return { from: action.column, to: action.definition.name };
  return undefined;
}

export const renameColumn = defineRule({
  meta: {
    id: 'rename-column',
    title: 'Renaming a column breaks code that still uses the old name',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['renaming-column'],
      strong_migrations: ['rename_column'],
    },
    fix: undefined,
    docs: {
      why: 'The rename is instant, but during a deploy the previous release keeps running (and a rollback brings it back): from the moment the migration commits, every query of the old code that names the column fails with "column does not exist", and the new code fails the same way if it ships before the migration runs. On MySQL and MariaDB, `CHANGE old_name new_name …` renames the column as well (a `CHANGE` that repeats the name only redefines it).',
      safeWay: 'Add the new column, write to both, backfill, move reads to the new column, stop writing the old one, and drop it in a later release. Where a short compatibility window is enough, rename the table and keep a view with the old names for the old code. A table created earlier in the same migration is not used by running code, so renaming its columns is fine.',
      bad: 'ALTER TABLE users RENAME COLUMN name TO full_name;',
      good: 'ALTER TABLE users ADD COLUMN full_name text;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      const rename = renameOf(action);
      if (!rename) continue;
      ctx.report({
        range: action.range,
        message: `Renaming \`${stmt.table.name}\`.\`${rename.from}\` to \`${rename.to}\` makes queries from old application code still running fail: they still name \`${rename.from}\``,
        help: 'Add the new column, write both and backfill, move reads, then drop the old column in a later release',
      });
    }
  },
});
