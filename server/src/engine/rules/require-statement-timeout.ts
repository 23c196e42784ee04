// require-statement-timeout: a migration that takes locks blocking writes on existing tables with no
// statement_timeout: nothing bounds how long a slow statement keeps the table locked. Reported once
// per unit, at its first such statement; the fix sets statement_timeout at the top of the unit.
import { lockBlocks } from '../analysis/locks';
import { fix } from './lib/edits';
import { insertBeforeUnit } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

const statementTimeoutSetting = "SET statement_timeout = '5min';";

export const requireStatementTimeout = defineRule({
  meta: {
    id: 'require-statement-timeout',
    title: 'Set statement_timeout in migrations that lock tables',
    category: 'transactions',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {
      squawk: ['require-timeout-settings'],
      pgfence: ['missing-statement-timeout'],
    },
    fix: 'review',
    docs: {
      why: '`lock_timeout` bounds the wait for a lock, not the time a statement then holds it. A statement that rewrites or scans a large table, or an index build, keeps its lock for as long as it runs; without `statement_timeout` nothing stops a statement that turns out far slower than in testing, and the table stays blocked until someone cancels it by hand. Reported once per migration, at its first statement that takes a lock blocking writes on an existing table.',
      safeWay: "Start the migration with `SET statement_timeout = '5min';` (pick a bound above the longest step you expect), so a runaway statement fails and releases its locks. The fix inserts that line before the first statement; review the value: a long `CREATE INDEX CONCURRENTLY` killed by the timeout leaves an INVALID index to drop and rebuild.",
      bad: 'ALTER TABLE users ADD COLUMN nickname text;',
      good: "SET statement_timeout = '5min';\nALTER TABLE users ADD COLUMN nickname text;",
    },
  },
  check() {},
  checkEnd(ctx) {
    const first = ctx.state.firstLockWithoutStatementTimeout;
    if (!first) return;
    ctx.report({
      range: first.range,
      message: `Takes ${first.mode === 'ACCESS EXCLUSIVE' ? 'an' : 'a'} ${first.mode} lock on \`${first.table}\` with no statement_timeout in this migration: a statement slower than expected keeps the lock for as long as it runs, and the lock blocks ${lockBlocks[first.mode]}`,
      help: "Set statement_timeout at the start of the migration (e.g. SET statement_timeout = '5min') so a runaway statement fails and releases its locks",
      fixes: first.afterTimeoutChange ? [] : [fix('Set statement_timeout at the start of the migration', 'review', [insertBeforeUnit(ctx, first.range, statementTimeoutSetting)])],
    });
  },
});
