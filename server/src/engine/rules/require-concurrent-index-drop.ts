// require-concurrent-index-drop: DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on
// the index's table, so every query on it queues behind the drop.
import { lockBlocks } from '../analysis/locks';
import { tableLocks } from '../analysis/state';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const requireConcurrentIndexDrop = defineRule({
  meta: {
    id: 'require-concurrent-index-drop',
    title: 'Drop indexes concurrently',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['require-concurrent-index-deletion'],
      pgfence: ['drop-index-not-concurrent'],
      strong_migrations: ['remove_index'],
    },
    fix: 'safe',
    docs: {
      why: '`DROP INDEX` takes an ACCESS EXCLUSIVE lock on the table the index belongs to. It must wait for every running query on that table to finish, and while it waits every new query, reads included, queues behind it: a busy table stops answering until the drop is through.',
      safeWay: '`DROP INDEX CONCURRENTLY` waits for conflicting transactions without blocking reads or writes (it takes a SHARE UPDATE EXCLUSIVE lock). It drops one index per statement, does not support `CASCADE`, and cannot run inside a transaction block, so put it in its own non-transactional migration. An index on a table created earlier in the same migration can be dropped plainly.',
      bad: 'DROP INDEX users_email_idx;',
      good: 'DROP INDEX CONCURRENTLY users_email_idx;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'drop' || stmt.objectKind !== 'index' || stmt.concurrently) return;
    const locks = tableLocks(ctx.state, stmt);
    if (locks.length > 0 && locks.every((lock) => lock.onNewTable)) return;
    const known = locks.filter((lock) => !lock.tableUnknown).map((lock) => `\`${lock.table.name}\``);
    const several = stmt.names.length > 1;
    const where = known.length > 0 ? [...new Set(known)].join(', ') : several ? 'their tables' : "the index's table";
    // CONCURRENTLY drops a single index, without CASCADE, outside a transaction block.
    const fixable = !several && !stmt.cascade && !ctx.state.inTransaction;
    ctx.report({
      range: stmt.range,
      message: `Dropping ${several ? 'these indexes' : 'this index'} takes an ACCESS EXCLUSIVE lock on ${where} until the drop ends: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
      help: ctx.state.inTransaction
        ? 'Use DROP INDEX CONCURRENTLY in a migration that does not run in a transaction'
        : several
          ? 'Drop each index in its own DROP INDEX CONCURRENTLY statement (CONCURRENTLY takes one name)'
          : stmt.cascade
            ? 'Drop the dependent objects first, then use DROP INDEX CONCURRENTLY (it does not support CASCADE)'
            : 'Use DROP INDEX CONCURRENTLY: reads and writes continue while it waits and drops',
      fixes: fixable ? [fix('Add CONCURRENTLY', 'safe', [insertAt(stmt.kindKeywordRange.end, ' CONCURRENTLY')])] : [],
    });
  },
});
