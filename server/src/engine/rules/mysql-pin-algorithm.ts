// mysql-pin-algorithm: an ALTER TABLE / CREATE INDEX / DROP INDEX on an existing MySQL/MariaDB table
// that can run INSTANT, or in place with writes allowed, but names no ALGORITHM: where the server
// cannot (another version, a table unlike the migrations), it silently picks a slower, blocking
// algorithm instead of refusing. The fix pins what the online-DDL table says the statement takes.
import { pinClauseText } from '../analysis/mysql-online-ddl';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, serverText, tableText } from './lib/online-ddl';

export const mysqlPinAlgorithm = defineRule({
  meta: {
    id: 'mysql-pin-algorithm',
    title: 'Say ALGORITHM= so the server refuses instead of silently copying',
    category: 'locks',
    severity: 'info',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'safe',
    docs: {
      why: 'Without an `ALGORITHM` clause MySQL and MariaDB pick the best algorithm they can, and fall back without a word: an `ADD COLUMN` that is instant on the version the migration was written for becomes a table rebuild on an older server or on a table with a FULLTEXT index, and an index build that lets writes through becomes a blocking copy when combined with the wrong action. The migration still succeeds, after holding the table for minutes.',
      safeWay: 'Name the algorithm the statement is meant to take — `ALGORITHM=INSTANT`, or `ALGORITHM=INPLACE, LOCK=NONE` (MariaDB: `ALGORITHM=NOCOPY, LOCK=NONE` when no rebuild is needed) — so the server refuses the statement with an error instead of running it a slower way. The fix adds the clause sqlsight computes for the dialect and version (see docs/mysql-online-ddl.md). Statements that can only copy are reported by mysql-copy-algorithm instead; a table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE orders ADD COLUMN note varchar(200);',
      good: 'ALTER TABLE orders ADD COLUMN note varchar(200), ALGORITHM=INSTANT;',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    const clauses = onlineDdl?.clauses;
    if (!onlineDdl || !clauses || !onlineDdl.acceptsAppendedClauses || clauses.algorithm) return;
    const lock = clauses.lock?.value;
    // A written LOCK=SHARED/EXCLUSIVE is mysql-explicit-blocking's finding; INSTANT takes no LOCK on MySQL.
    if (lock === 'SHARED' || lock === 'EXCLUSIVE') return;
    const { cost } = onlineDdl;
    const instant = cost.algorithm === 'instant';
    if (cost.algorithm === 'copy' || (!instant && !cost.concurrentDml)) return;
    const addLock = !instant && lock !== 'NONE';
    const clause = pinClauseText(stmt, cost.algorithm, addLock).replace(/^[ ,]+/, '');
    const how = instant ? 'runs INSTANT' : `runs in place with writes allowed (${clause})`;
    ctx.report({
      range: stmt.range,
      message: `This statement on ${tableText(onlineDdl)} ${how} on ${serverText(onlineDdl)} but does not say so: where it cannot, the server silently falls back to a slower algorithm that may copy the table and block writes`,
      help: `Add ${clause}: the server then refuses the statement instead of running it a slower way`,
      fixes: [fix(`Add ${clause}`, 'safe', [insertAt(clauses.clausesInsertAt, pinClauseText(stmt, cost.algorithm, addLock))])],
    });
  },
});
