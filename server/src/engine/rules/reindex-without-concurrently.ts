// reindex-without-concurrently: REINDEX without CONCURRENTLY (available since PostgreSQL 12) blocks
// writes to the table and reads that use the index for the whole rebuild.
// Source: PostgreSQL docs, REINDEX: "locks out writes but not reads of the index's parent table.
// It also takes an ACCESS EXCLUSIVE lock on the specific index being processed".
import { tableLocks } from '../analysis/state';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const reindexWithoutConcurrently = defineRule({
  meta: {
    id: 'reindex-without-concurrently',
    title: 'Rebuild indexes concurrently',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    versions: { min: 12 },
    aliases: {
      squawk: ['require-concurrent-reindex'],
      pgfence: ['reindex-non-concurrent'],
    },
    fix: 'safe',
    docs: {
      why: 'A plain `REINDEX` takes a SHARE lock on the table (inserts, updates and deletes wait) and an ACCESS EXCLUSIVE lock on each index it rebuilds (queries that would use the index wait too) for the whole rebuild. `REINDEX SCHEMA` and `REINDEX DATABASE` do this table after table.',
      safeWay: '`REINDEX … CONCURRENTLY` (PostgreSQL 12+) builds a new copy of each index next to the old one and swaps them, with reads and writes continuing. It cannot run inside a transaction block, and a failed run leaves an invalid `_ccnew` index to drop. `REINDEX SYSTEM` has no concurrent form and is not reported; neither are tables created earlier in the same migration.',
      bad: 'REINDEX INDEX users_email_idx;',
      good: 'REINDEX INDEX CONCURRENTLY users_email_idx;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'reindex' || stmt.concurrently || stmt.target === 'system') return;
    const locks = tableLocks(ctx.state, stmt);
    if (locks.length > 0 && locks.every((lock) => lock.onNewTable)) return;
    const name = stmt.name?.name;
    const table = locks.find((lock) => !lock.tableUnknown)?.table.name;
    let message: string;
    if (stmt.target === 'index') {
      const where = table ? `\`${table}\`` : 'its table';
      message = `Rebuilding ${name ? `\`${name}\`` : 'this index'} takes a SHARE lock on ${where} and an ACCESS EXCLUSIVE lock on the index until it ends: it blocks inserts, updates and deletes, and reads that use the index`;
    } else if (stmt.target === 'table') {
      message = `Rebuilding every index of ${name ? `\`${name}\`` : 'the table'} takes a SHARE lock on the table and an ACCESS EXCLUSIVE lock on each index until it ends: it blocks inserts, updates and deletes, and reads that use an index being rebuilt`;
    } else {
      message = `Rebuilding every index in the ${stmt.target}${name ? ` \`${name}\`` : ''} locks each table in turn (SHARE on the table, ACCESS EXCLUSIVE on its indexes): it blocks inserts, updates and deletes, and reads that use an index being rebuilt`;
    }
    ctx.report({
      range: stmt.range,
      message,
      help: ctx.state.inTransaction
        ? 'Use REINDEX … CONCURRENTLY in a migration that does not run in a transaction'
        : 'Use REINDEX … CONCURRENTLY: reads and writes continue while the indexes are rebuilt',
      fixes: ctx.state.inTransaction ? [] : [fix('Add CONCURRENTLY', 'safe', [insertAt(stmt.reindexKeywordRange.end, ' CONCURRENTLY')])],
    });
  },
});
