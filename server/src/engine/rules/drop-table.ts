// drop-table: DROP TABLE of an existing table deletes its data, and application code still running
// the previous release fails on every query that touches it. On MySQL/MariaDB, CASCADE does nothing,
// and a table other tables' foreign keys reference cannot be dropped while foreign_key_checks is on
// ([ran] MariaDB 10.11: ERROR 1451 Cannot delete or update a parent row; MySQL 8.0: ERROR 3730).
import type { ObjectName } from '../model';
import { referencingForeignKeys } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';

const listed = (names: readonly ObjectName[]): string => names.map((name) => `\`${name.name}\``).join(', ');

/** What the statement does beyond deleting the rows: PostgreSQL's CASCADE, MySQL's foreign key refusal. */
function consequences(ctx: RuleContext, stmt: { readonly dialect: string; readonly cascade: boolean }, existing: readonly ObjectName[]): string {
  const them = existing.length > 1 ? 'them' : 'it';
  if (stmt.dialect === 'postgres') return stmt.cascade ? `; CASCADE also drops the views and foreign keys that depend on ${them}` : '';
  const blocking = ctx.state.foreignKeyChecksOff ? [] : referencingForeignKeys(ctx, existing);
  return blocking.length > 0 ? `; while ${blocking.join(', ')} reference${blocking.length === 1 ? 's' : ''} ${them}, the DROP fails (foreign_key_checks is on)` : '';
}

export const dropTable = defineRule({
  meta: {
    id: 'drop-table',
    title: 'Dropping a table breaks code that still uses it',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['ban-drop-table'],
    },
    fix: undefined,
    docs: {
      why: 'During a deploy the previous release keeps running until every instance is replaced, and a rollback brings it back. `DROP TABLE` deletes the data for good, and every query of the old code that touches the table fails with "relation does not exist". `CASCADE` also drops the views and foreign keys that depend on it. MySQL and MariaDB cannot roll a `DROP TABLE` back (it commits implicitly), ignore `CASCADE`, and refuse to drop a table that another table\'s foreign key references while `foreign_key_checks` is on.',
      safeWay: 'First ship a release that no longer reads or writes the table, then drop it in a later migration, once no running code knows it (keep a backup or rename it aside if you may need the data). A table created earlier in the same migration is not used by any running code, so dropping it is fine.',
      bad: 'DROP TABLE legacy_sessions;',
      good: 'CREATE TABLE import_scratch (id bigint);\nDROP TABLE import_scratch;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'drop' || stmt.objectKind !== 'table' || stmt.temporary) return;
    const existing = stmt.names.filter((name) => !ctx.isNewTable(name));
    if (existing.length === 0) return;
    const them = existing.length > 1 ? 'them' : 'it';
    ctx.report({
      range: stmt.range,
      message: `Dropping ${listed(existing)} deletes ${existing.length > 1 ? 'their' : 'its'} rows for good, and old application code still running fails on every query that touches ${them}${consequences(ctx, stmt, existing)}`,
      help: 'Ship a release that no longer uses the table first, then drop it in a later migration',
    });
  },
});
