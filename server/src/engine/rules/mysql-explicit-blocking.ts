// mysql-explicit-blocking: `ALGORITHM=COPY` or `LOCK=SHARED` / `LOCK=EXCLUSIVE` written on a
// MySQL/MariaDB statement that could run without them: the clause itself makes the server copy the
// table or hold writes (EXCLUSIVE: reads too). Quiet when the statement needs the copy or the lock
// anyway (mysql-copy-algorithm and mysql-fulltext-spatial say why).
import type { StatementOnlineDdl } from '../analysis/mysql-online-ddl';
import type { Fix } from '../model';
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, serverText, tableText } from './lib/online-ddl';

function bestAlgorithmText(onlineDdl: StatementOnlineDdl): string {
  const { algorithm } = onlineDdl.cost;
  return algorithm === 'instant' ? 'INSTANT' : `in place (ALGORITHM=${algorithm.toUpperCase()})`;
}

/** MySQL takes no LOCK clause beside ALGORITHM=INSTANT, so no fix is offered there. */
function algorithmFix(onlineDdl: StatementOnlineDdl, range: { start: number; end: number }): Fix[] {
  const { algorithm } = onlineDdl.cost;
  if (algorithm === 'instant' && onlineDdl.target.dialect === 'mysql' && onlineDdl.clauses?.lock) return [];
  const clause = `ALGORITHM=${algorithm.toUpperCase()}`;
  return [fix(`Use ${clause}`, 'review', [replace(range, clause)])];
}

export const mysqlExplicitBlocking = defineRule({
  meta: {
    id: 'mysql-explicit-blocking',
    title: 'ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE written where the statement needs neither',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: '`ALGORITHM=COPY` makes MySQL and MariaDB copy the table row by row even when the change could run instantly or in place, and `LOCK=SHARED` holds every insert, update and delete (`LOCK=EXCLUSIVE` reads too) for the whole statement even when the server could let them through. Query builders write them by default (knex once wrote `ALGORITHM=COPY` on every `ALTER`), and copied migrations keep them.',
      safeWay: 'Drop the clause, or name the algorithm the statement can take (`ALGORITHM=INSTANT`, `ALGORITHM=INPLACE, LOCK=NONE`; see docs/mysql-online-ddl.md). The fix writes that algorithm, or `LOCK=NONE`. When the statement needs the copy or the lock anyway, mysql-copy-algorithm and mysql-fulltext-spatial report why; a table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE orders ADD INDEX orders_placed_at (placed_at), ALGORITHM=COPY;',
      good: 'ALTER TABLE orders ADD INDEX orders_placed_at (placed_at), ALGORITHM=INPLACE, LOCK=NONE;',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    const clauses = onlineDdl?.clauses;
    if (!onlineDdl || !clauses) return;
    const table = tableText(onlineDdl);
    const { cost } = onlineDdl;
    if (clauses.algorithm?.value === 'COPY' && cost.algorithm !== 'copy') {
      ctx.report({
        range: clauses.algorithm.range,
        message: `ALGORITHM=COPY makes the server copy ${table} row by row while writes wait, though on ${serverText(onlineDdl)} this statement runs ${bestAlgorithmText(onlineDdl)}`,
        help: 'Drop ALGORITHM=COPY or name the algorithm the statement can take, so writes go on and the table is not copied',
        fixes: algorithmFix(onlineDdl, clauses.algorithm.range),
      });
    }
    const lock = clauses.lock?.value;
    // An INSTANT statement holds its lock only for a moment; one that blocks writes anyway gains nothing from LOCK=NONE.
    if ((lock === 'SHARED' || lock === 'EXCLUSIVE') && clauses.lock && cost.concurrentDml && cost.algorithm !== 'instant') {
      ctx.report({
        range: clauses.lock.range,
        message: `LOCK=${lock} blocks ${lock === 'SHARED' ? 'inserts, updates and deletes' : 'every read and write'} on ${table} until the statement ends, though on ${serverText(onlineDdl)} it can let writes through (LOCK=NONE)`,
        help: 'Write LOCK=NONE (or drop the clause) so the table stays writable while the statement runs',
        fixes: [fix('Use LOCK=NONE', 'review', [replace(clauses.lock.range, 'LOCK=NONE')])],
      });
    }
  },
});
