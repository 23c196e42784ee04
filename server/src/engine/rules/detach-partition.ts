// detach-partition: ALTER TABLE … DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on
// the partitioned table. PostgreSQL 14 added DETACH PARTITION … CONCURRENTLY (SHARE UPDATE
// EXCLUSIVE), which cannot run in a transaction block or with a default partition.
import { lockBlocks } from '../analysis/locks';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const detachPartition = defineRule({
  meta: {
    id: 'detach-partition',
    title: 'Detach partitions concurrently',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    versions: { min: 14 },
    aliases: {
      squawk: ['require-concurrent-partition-detach'],
      pgfence: ['detach-partition'],
    },
    fix: 'review',
    docs: {
      why: '`ALTER TABLE … DETACH PARTITION` takes an ACCESS EXCLUSIVE lock on the partitioned table: it waits for every query on any partition to finish, and while it waits and runs every query on the table, reads included, queues behind it.',
      safeWay: '`DETACH PARTITION … CONCURRENTLY` (PostgreSQL 14+) takes only a SHARE UPDATE EXCLUSIVE lock on the partitioned table and waits for running queries in two steps. It cannot run inside a transaction block, cannot be combined with other ALTER TABLE actions and is refused when the table has a default partition; if it is interrupted, finish it with `DETACH PARTITION … FINALIZE`. The fix adds CONCURRENTLY when the ALTER has this single action and does not run in a transaction; review it when the table has a default partition.',
      bad: 'ALTER TABLE measurements DETACH PARTITION measurements_2020;',
      good: 'ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'detach-partition' || action.concurrently) continue;
      // The grammar allows one DETACH per ALTER TABLE; CONCURRENTLY also refuses transaction blocks.
      const fixable = stmt.actions.length === 1 && !ctx.state.inTransaction;
      ctx.report({
        range: action.range,
        message: `Detaching \`${action.partition.name}\` takes an ACCESS EXCLUSIVE lock on the partitioned table \`${stmt.table.name}\` until it ends: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: ctx.state.inTransaction
          ? 'Use DETACH PARTITION … CONCURRENTLY in a migration that does not run in a transaction'
          : 'Use DETACH PARTITION … CONCURRENTLY, alone in its ALTER TABLE (not possible while the table has a default partition)',
        fixes: fixable ? [fix('Add CONCURRENTLY', 'review', [insertAt(action.partition.range.end, ' CONCURRENTLY')])] : [],
      });
    }
  },
});
