// require-lock-timeout: a statement that waits for a write-blocking lock on an existing table with
// no lock_timeout in effect. While it waits behind a running query, every later query on the table
// queues behind it. Locks the transaction already holds are not waited for again. The fix sets
// lock_timeout at the top of the unit (before BEGIN when there is one). MySQL/MariaDB DDL waits for
// the table's exclusive metadata lock the same way, bounded by lock_wait_timeout, whose default is a
// year on MySQL and a day on MariaDB ([ran] MariaDB 10.11: an INSTANT ALTER waiting behind an open
// transaction queued a plain SELECT behind it; with lock_wait_timeout = 1 it failed after a second,
// ERROR 1205; innodb_lock_wait_timeout, which bounds row locks, did not bound the wait).
import type { Dialect } from '../model';
import { lockBlocksIn, lockName, lockStrength } from '../analysis/locks';
import { fix } from './lib/edits';
import { insertBeforeUnit, labelList, lockedTableLabel, semicolonDelimited, writeBlockingLocksOnExistingTables } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

/** The setting the fix inserts, and how the message names it, per dialect. */
const settings: Readonly<Record<Dialect, { readonly statement: string; readonly variable: string; readonly unbounded: string }>> = {
  postgres: { statement: "SET lock_timeout = '5s';", variable: 'lock_timeout', unbounded: 'with no lock_timeout' },
  mysql: { statement: 'SET SESSION lock_wait_timeout = 5;', variable: 'lock_wait_timeout', unbounded: 'with no lock_wait_timeout set (the default is a year)' },
  mariadb: { statement: 'SET SESSION lock_wait_timeout = 5;', variable: 'lock_wait_timeout', unbounded: 'with no lock_wait_timeout set (the default is a day)' },
};

export const requireLockTimeout = defineRule({
  meta: {
    id: 'require-lock-timeout',
    title: 'Set lock_timeout (MySQL: lock_wait_timeout) before taking locks that block writes',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['require-timeout-settings'],
      pgfence: ['missing-lock-timeout'],
      eugene: ['E9'],
    },
    fix: 'safe',
    docs: {
      why: 'A statement that needs a lock blocking writes (SHARE or stronger: most `ALTER TABLE`, `CREATE INDEX`, `DROP INDEX`, `TRUNCATE` …) first waits for every transaction already using the table. While it waits in the lock queue, every later query that conflicts with it, reads included for ACCESS EXCLUSIVE, queues behind it: one long-running query or idle transaction turns a millisecond `ALTER` into an outage. Without `lock_timeout` the wait has no bound. MySQL and MariaDB DDL (`ALTER TABLE`, `CREATE`/`DROP INDEX`, `RENAME TABLE`, `TRUNCATE`, `DROP TABLE`), even an `INSTANT` one, first needs the table\'s exclusive metadata lock, and waits for every open transaction that touched the table; while it waits every later query on the table, plain reads included, queues behind it. `lock_wait_timeout` bounds that wait, but defaults to 31536000 seconds (a year) on MySQL and 86400 (a day) on MariaDB; `innodb_lock_wait_timeout` bounds row locks only.',
      safeWay: "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL lock_timeout` inside its transaction), so the statement gives up instead of stalling the table, and retry the migration later. The fix inserts `SET lock_timeout = '5s';` before the first statement of the migration; on MySQL and MariaDB it inserts `SET SESSION lock_wait_timeout = 5;` (seconds). Tables created earlier in the same migration are not reported.",
      bad: 'ALTER TABLE users ADD COLUMN nickname text;',
      good: "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;",
    },
  },
  check(ctx, stmt) {
    if (ctx.state.lockTimeoutSet) return;
    // A lock this transaction already holds (as strong or stronger) is granted without waiting.
    const locks = writeBlockingLocksOnExistingTables(ctx, stmt).filter(
      (lock) => !ctx.state.locksHeld.some((held) => held.tableKey === lock.tableKey && lockStrength(held.mode) >= lockStrength(lock.mode)),
    );
    if (locks.length === 0) return;
    const strongest = locks.reduce((best, lock) => (lockStrength(lock.mode) > lockStrength(best.mode) ? lock : best));
    const tables = labelList(
      locks.filter((lock) => lock.mode === strongest.mode).map((lock) => lockedTableLabel({ table: lock.table.name, tableUnknown: lock.tableUnknown })),
    );
    const dialect = stmt.dialect;
    const setting = settings[dialect];
    const postgres = dialect === 'postgres';
    const lock = postgres ? `${strongest.mode === 'ACCESS EXCLUSIVE' ? 'an' : 'a'} ${strongest.mode} lock` : lockName(strongest.mode, dialect);
    // A SET or RESET already in the unit would override an insertion at the top.
    const fixable = !ctx.state.lockTimeoutTouched && semicolonDelimited(ctx, ctx.state.firstStatementRange ?? stmt.range, dialect);
    ctx.report({
      range: stmt.range,
      message: postgres
        ? `Waits for ${lock} on ${tables} ${setting.unbounded}, and while it waits behind a running query later queries queue behind it: the lock blocks ${lockBlocksIn(strongest.mode, dialect)}`
        : `Waits for ${lock} on ${tables} ${setting.unbounded}: while it waits behind an open transaction, every later query on the table, reads included, queues behind it`,
      help: `Set ${setting.variable} at the start of the migration (e.g. ${setting.statement.slice(0, -1)}) so the statement gives up instead of stalling the table, then retry`,
      fixes: fixable ? [fix(`Set ${setting.variable} at the start of the migration`, 'safe', [insertBeforeUnit(ctx, stmt.range, setting.statement)])] : [],
    });
  },
});
