// uncommitted-transaction: a BEGIN the unit never commits or rolls back. When the session ends,
// PostgreSQL rolls back everything since BEGIN (psql -f does so silently), so the migration seems
// to succeed and changes nothing. The fix appends COMMIT after the last statement.
import { fix, insertAt, newlineOf } from './lib/edits';
import { defineRule } from './lib/rule';

export const uncommittedTransaction = defineRule({
  meta: {
    id: 'uncommitted-transaction',
    title: 'Transaction opened and never committed',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-uncommitted-transaction'],
      pgfence: ['unclosed-transaction'],
    },
    fix: 'safe',
    docs: {
      why: 'A `BEGIN` with no `COMMIT` or `ROLLBACK` before the end of the migration leaves the transaction open. When the session ends PostgreSQL rolls it back: `psql -f` exits without an error, the migration looks applied, and none of its changes exist. Until then the transaction keeps every lock it took.',
      safeWay: 'End every explicit transaction with `COMMIT` (or `ROLLBACK`) in the same migration. The fix appends `COMMIT;` after the last statement. Migrations the tool runs in its own transaction are not reported: the tool commits whatever is open.',
      bad: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;',
      good: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;',
    },
  },
  check() {},
  checkEnd(ctx) {
    const { explicitTransaction, toolTransaction, transactionStart, lastStatementRange } = ctx.state;
    if (!explicitTransaction || toolTransaction || !transactionStart || !lastStatementRange) return;
    const terminated = ctx.text.charCodeAt(lastStatementRange.end - 1) === 59;
    ctx.report({
      range: transactionStart,
      message: 'This transaction is never committed: when the session ends PostgreSQL rolls back every statement since this BEGIN, and the migration silently loses them',
      help: 'End the transaction with COMMIT after its last statement',
      fixes: [fix('Add COMMIT at the end', 'safe', [insertAt(lastStatementRange.end, `${terminated ? '' : ';'}${newlineOf(ctx.text)}COMMIT;`)])],
    });
  },
});
