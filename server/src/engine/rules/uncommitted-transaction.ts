// uncommitted-transaction: a BEGIN the unit never commits or rolls back. When the session ends,
// PostgreSQL rolls back everything since BEGIN (psql -f does so silently), so the migration seems
// to succeed and changes nothing. The fix appends COMMIT after the last statement. MySQL/MariaDB
// roll back at disconnect too ([ran] MariaDB 10.11), but DDL commits implicitly, so only statements
// after the last DDL are lost (the state ends the transaction there); a BEGIN inside an open
// transaction commits it and starts the one that is lost.
import type { Dialect } from '../model';
import { fix, insertAt, newlineOf } from './lib/edits';
import { semicolonDelimited } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

const serverNames: Readonly<Record<Dialect, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };

export const uncommittedTransaction = defineRule({
  meta: {
    id: 'uncommitted-transaction',
    title: 'Transaction opened and never committed',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['ban-uncommitted-transaction'],
      pgfence: ['unclosed-transaction'],
    },
    fix: 'safe',
    docs: {
      why: 'A `BEGIN` with no `COMMIT` or `ROLLBACK` before the end of the migration leaves the transaction open. When the session ends PostgreSQL rolls it back: `psql -f` exits without an error, the migration looks applied, and none of its changes exist. Until then the transaction keeps every lock it took. MySQL and MariaDB also roll back an open transaction when the session ends; as every DDL statement commits implicitly there, what is lost is the data changes after the last DDL statement (or after a second `BEGIN`, which commits the first).',
      safeWay: 'End every explicit transaction with `COMMIT` (or `ROLLBACK`) in the same migration. The fix appends `COMMIT;` after the last statement. Migrations the tool runs in its own transaction are not reported: the tool commits whatever is open.',
      bad: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;',
      good: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;',
    },
  },
  check() {},
  checkEnd(ctx) {
    const { explicitTransaction, toolTransaction, transactionStart, lastStatementRange, nestedBegin } = ctx.state;
    if (!explicitTransaction || toolTransaction || !transactionStart || !lastStatementRange) return;
    const dialect = ctx.settings.dialect;
    const postgres = dialect === 'postgres';
    const terminated = ctx.text.charCodeAt(lastStatementRange.end - 1) === 59;
    // MySQL: a BEGIN inside the open transaction committed it and opened the one left open.
    const start = postgres ? transactionStart : (nestedBegin ?? transactionStart);
    ctx.report({
      range: start,
      message: `This transaction is never committed: when the session ends ${serverNames[dialect]} rolls back every statement since this BEGIN, and the migration silently loses them`,
      help: 'End the transaction with COMMIT after its last statement',
      fixes: semicolonDelimited(ctx, lastStatementRange, dialect)
        ? [fix('Add COMMIT at the end', 'safe', [insertAt(lastStatementRange.end, `${terminated ? '' : ';'}${newlineOf(ctx.text)}COMMIT;`)])]
        : [],
    });
  },
});
