// truncate: TRUNCATE of an existing table deletes every row for good under ACCESS EXCLUSIVE;
// CASCADE also empties every table whose foreign keys point at it. MySQL/MariaDB TRUNCATE takes the
// exclusive metadata lock, commits implicitly, and fails on a table other tables' foreign keys
// reference while foreign_key_checks is on ([ran] MariaDB 10.11: ERROR 1701).
import type { ObjectName } from '../model';
import { lockName } from '../analysis/locks';
import { referencingForeignKeys } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';

/** MySQL/MariaDB: why the TRUNCATE of a referenced table fails, or nothing. */
function mysqlRefusal(ctx: RuleContext, tables: readonly ObjectName[]): string {
  const blocking = ctx.state.foreignKeyChecksOff ? [] : referencingForeignKeys(ctx, tables);
  return blocking.length > 0 ? `; while ${blocking.join(', ')} reference${blocking.length === 1 ? 's' : ''} it, the TRUNCATE fails (foreign_key_checks is on)` : '';
}

export const truncate = defineRule({
  meta: {
    id: 'truncate',
    title: 'TRUNCATE deletes every row for good',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['ban-truncate-cascade'],
    },
    fix: undefined,
    docs: {
      why: '`TRUNCATE` deletes every row of the table at once, bypassing row triggers, and takes an ACCESS EXCLUSIVE lock: every query on the table waits until the migration commits. Running in a migration, it empties production data that old application code is still using. `CASCADE` also truncates every table with a foreign key to it, and their referencing tables in turn, which is easy to underestimate. On MySQL and MariaDB `TRUNCATE` takes the table\'s exclusive metadata lock, commits implicitly (it cannot be rolled back), resets AUTO_INCREMENT, and fails on a table that another table\'s foreign key references while `foreign_key_checks` is on.',
      safeWay: 'Delete only the rows you mean to remove, in bounded batches (`DELETE … WHERE …`), or move the data aside first. If emptying the table is really intended, name every table to truncate instead of using `CASCADE`. A table created earlier in the same migration holds no production data, so truncating it is fine.',
      bad: 'TRUNCATE audit_log CASCADE;',
      good: "DELETE FROM audit_log WHERE created_at < now() - interval '90 days';",
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'truncate') return;
    const existing = stmt.tables.filter((table) => !ctx.isNewTable(table));
    if (existing.length === 0) return;
    const names = existing.map((table) => `\`${table.name}\``).join(', ');
    const cascade = stmt.cascade ? '; CASCADE also empties every table whose foreign keys reference it' : '';
    const postgres = stmt.dialect === 'postgres';
    const lock = postgres ? 'an ACCESS EXCLUSIVE lock' : `${lockName('ACCESS EXCLUSIVE', stmt.dialect)}, with no way to roll it back`;
    ctx.report({
      range: stmt.range,
      message: `Truncating ${names} deletes every row for good under ${lock}, so every query on ${existing.length > 1 ? 'them' : 'it'} waits meanwhile${postgres ? cascade : mysqlRefusal(ctx, existing)}`,
      help: stmt.cascade
        ? 'Name every table to empty instead of CASCADE, or delete only the rows you mean to in bounded batches'
        : 'Delete only the rows you mean to, in bounded batches, or move the data aside first',
    });
  },
});
