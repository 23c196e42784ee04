// require-lock-timeout: a statement that waits for a write-blocking lock on an existing table with
// no lock_timeout in effect. While it waits behind a running query, every later query on the table
// queues behind it. Locks the transaction already holds are not waited for again. The fix sets
// lock_timeout at the top of the unit (before BEGIN when there is one).
import { lockBlocks, lockStrength } from '../analysis/locks';
import { fix } from './lib/edits';
import { insertBeforeUnit, labelList, lockedTableLabel, writeBlockingLocksOnExistingTables } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

const lockTimeoutSetting = "SET lock_timeout = '5s';";

export const requireLockTimeout = defineRule({
  meta: {
    id: 'require-lock-timeout',
    title: 'Set lock_timeout before taking locks that block writes',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['require-timeout-settings'],
      pgfence: ['missing-lock-timeout'],
      eugene: ['E9'],
    },
    fix: 'safe',
    docs: {
      why: 'A statement that needs a lock blocking writes (SHARE or stronger: most `ALTER TABLE`, `CREATE INDEX`, `DROP INDEX`, `TRUNCATE` …) first waits for every transaction already using the table. While it waits in the lock queue, every later query that conflicts with it, reads included for ACCESS EXCLUSIVE, queues behind it: one long-running query or idle transaction turns a millisecond `ALTER` into an outage. Without `lock_timeout` the wait has no bound.',
      safeWay: "Start the migration with `SET lock_timeout = '5s';` (or `SET LOCAL lock_timeout` inside its transaction), so the statement gives up instead of stalling the table, and retry the migration later. The fix inserts `SET lock_timeout = '5s';` before the first statement of the migration. Tables created earlier in the same migration are not reported.",
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
    ctx.report({
      range: stmt.range,
      message: `Waits for ${strongest.mode === 'ACCESS EXCLUSIVE' ? 'an' : 'a'} ${strongest.mode} lock on ${tables} with no lock_timeout, and while it waits behind a running query later queries queue behind it: the lock blocks ${lockBlocks[strongest.mode]}`,
      help: "Set lock_timeout at the start of the migration (e.g. SET lock_timeout = '5s') so the statement gives up instead of stalling the table, then retry",
      // A SET or RESET already in the unit would override an insertion at the top.
      fixes: ctx.state.lockTimeoutTouched ? [] : [fix('Set lock_timeout at the start of the migration', 'safe', [insertBeforeUnit(ctx, stmt.range, lockTimeoutSetting)])],
    });
  },
});
