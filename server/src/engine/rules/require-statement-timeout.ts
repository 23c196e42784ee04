// require-statement-timeout: a migration that takes locks blocking writes on existing tables with no
// statement_timeout: nothing bounds how long a slow statement keeps the table locked. Reported once
// per unit, at its first such statement; the fix sets statement_timeout at the top of the unit.
// MariaDB's max_statement_time bounds DDL too ([ran] MariaDB 10.11: it interrupted ALTER TABLE with
// ALGORITHM=COPY, an INPLACE index build and rebuild, and CREATE INDEX, leaving the table as it was).
// MySQL's max_execution_time bounds read-only SELECTs only, so nothing can bound MySQL DDL: the rule
// does not apply to MySQL.
import { lockBlocks } from '../analysis/locks';
import { fix } from './lib/edits';
import { insertBeforeUnit, semicolonDelimited } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';

const statementTimeoutSetting = "SET statement_timeout = '5min';";
const maxStatementTimeSetting = 'SET SESSION max_statement_time = 300;';

type FirstLock = NonNullable<RuleContext['state']['firstLockWithoutStatementTimeout']>;

function reportMariadb(ctx: RuleContext, first: FirstLock): void {
  const fixable = !first.afterTimeoutChange && semicolonDelimited(ctx, ctx.state.firstStatementRange ?? first.range, 'mariadb');
  ctx.report({
    range: first.range,
    message: `Changes \`${first.table}\` with no max_statement_time in this migration: a table copy or index build far slower than in testing runs with nothing to stop it, and a copy blocks writes to the table for as long as it runs`,
    help: 'Set max_statement_time at the start of the migration (e.g. SET SESSION max_statement_time = 300, in seconds) so a runaway statement is interrupted and rolled back',
    fixes: fixable ? [fix('Set max_statement_time at the start of the migration', 'review', [insertBeforeUnit(ctx, first.range, maxStatementTimeSetting)])] : [],
  });
}

export const requireStatementTimeout = defineRule({
  meta: {
    id: 'require-statement-timeout',
    title: 'Set statement_timeout (MariaDB: max_statement_time) in migrations that lock tables',
    category: 'transactions',
    severity: 'info',
    dialects: ['postgres', 'mariadb'],
    aliases: {
      squawk: ['require-timeout-settings'],
      pgfence: ['missing-statement-timeout'],
    },
    fix: 'review',
    docs: {
      why: '`lock_timeout` bounds the wait for a lock, not the time a statement then holds it. A statement that rewrites or scans a large table, or an index build, keeps its lock for as long as it runs; without `statement_timeout` nothing stops a statement that turns out far slower than in testing, and the table stays blocked until someone cancels it by hand. Reported once per migration, at its first statement that takes a lock blocking writes on an existing table. MariaDB\'s `max_statement_time` interrupts a running `ALTER TABLE` or index build and rolls it back, so the same holds there. MySQL has no such bound for DDL (`max_execution_time` applies to read-only `SELECT` statements only), so the rule does not apply to MySQL.',
      safeWay: "Start the migration with `SET statement_timeout = '5min';` (pick a bound above the longest step you expect), so a runaway statement fails and releases its locks. The fix inserts that line before the first statement; review the value: a long `CREATE INDEX CONCURRENTLY` killed by the timeout leaves an INVALID index to drop and rebuild. On MariaDB the fix inserts `SET SESSION max_statement_time = 300;` (seconds).",
      bad: 'ALTER TABLE users ADD COLUMN nickname text;',
      good: "SET statement_timeout = '5min';\nALTER TABLE users ADD COLUMN nickname text;",
    },
  },
  check() {},
  checkEnd(ctx) {
    const first = ctx.state.firstLockWithoutStatementTimeout;
    if (!first) return;
    if (ctx.settings.dialect === 'mariadb') {
      reportMariadb(ctx, first);
      return;
    }
    ctx.report({
      range: first.range,
      message: `Takes ${first.mode === 'ACCESS EXCLUSIVE' ? 'an' : 'a'} ${first.mode} lock on \`${first.table}\` with no statement_timeout in this migration: a statement slower than expected keeps the lock for as long as it runs, and the lock blocks ${lockBlocks[first.mode]}`,
      help: "Set statement_timeout at the start of the migration (e.g. SET statement_timeout = '5min') so a runaway statement fails and releases its locks",
      fixes: first.afterTimeoutChange ? [] : [fix('Set statement_timeout at the start of the migration', 'review', [insertBeforeUnit(ctx, first.range, statementTimeoutSetting)])],
    });
  },
});
