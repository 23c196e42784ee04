// rename-table: renaming an existing table breaks application code still running the previous
// release: its queries name the old table. MySQL/MariaDB also rename with `RENAME TABLE a TO b`
// (lowered to one `rename-object` per pair) and `ALTER TABLE … RENAME [TO|AS] b`.
import type { ObjectName } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

function reportRename(ctx: RuleContext, range: { readonly start: number; readonly end: number }, table: ObjectName, to: string): void {
  ctx.report({
    range,
    message: `Renaming \`${table.name}\` to \`${to}\` makes queries from old application code still running fail: they still name \`${table.name}\``,
    help: 'Keep the old name working during the deploy (a view with the old name), or copy to a new table and switch over',
  });
}

export const renameTable = defineRule({
  meta: {
    id: 'rename-table',
    title: 'Renaming a table breaks code that still uses the old name',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['renaming-table'],
      strong_migrations: ['rename_table'],
    },
    fix: undefined,
    docs: {
      why: 'The rename is instant, but during a deploy the previous release keeps running (and a rollback brings it back): from the moment the migration commits, every query of the old code fails with "relation does not exist", and the new code fails the same way if it ships before the migration runs. On MySQL and MariaDB the same holds for `RENAME TABLE old TO new` and `ALTER TABLE old RENAME [TO|AS] new`.',
      safeWay: 'Rename the table and, in the same transaction, create a view with the old name (`CREATE VIEW old_name AS SELECT * FROM new_name`; simple views accept inserts, updates and deletes), then drop the view once no running code uses the old name. Or create the new table, write to both, backfill and switch over. A table created earlier in the same migration is not used by running code, so renaming it is fine.',
      bad: 'ALTER TABLE customers RENAME TO accounts;',
      good: 'CREATE TABLE drafts (id bigint);\nALTER TABLE drafts RENAME TO draft_documents;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind === 'rename-object') {
      if (stmt.objectKind === 'table' && !ctx.isNewTable(stmt.name)) reportRename(ctx, stmt.range, stmt.name, stmt.to);
      return;
    }
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind === 'rename-table') reportRename(ctx, action.range, stmt.table, action.to);
    }
  },
});
