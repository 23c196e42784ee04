// require-concurrent-index: CREATE INDEX without CONCURRENTLY on an existing table blocks writes.
import { lockBlocks } from '../analysis/locks';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const requireConcurrentIndex = defineRule({
  meta: {
    id: 'require-concurrent-index',
    title: 'Create indexes on existing tables concurrently',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['require-concurrent-index-creation'],
      pgfence: ['create-index-not-concurrent'],
      strong_migrations: ['add_index'],
      eugene: ['E6'],
    },
    fix: 'safe',
    docs: {
      why: '`CREATE INDEX` takes a SHARE lock on the table for the whole build: inserts, updates and deletes wait until the index is built, which on a large table means minutes of blocked writes.',
      safeWay: '`CREATE INDEX CONCURRENTLY` builds the index without blocking writes (it takes longer and cannot run inside a transaction block, so put it in its own migration or mark the migration non-transactional). A table created earlier in the same migration is empty, so a plain `CREATE INDEX` is fine there.',
      bad: 'CREATE INDEX users_email_idx ON users (email);',
      good: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'create-index' || stmt.concurrently || ctx.isNewTable(stmt.table)) return;
    ctx.report({
      range: stmt.range,
      message: `Building this index takes a SHARE lock on \`${stmt.table.name}\`: ${lockBlocks.SHARE} wait until the build ends`,
      help: ctx.state.inTransaction
        ? 'Use CREATE INDEX CONCURRENTLY in a migration that does not run in a transaction'
        : 'Use CREATE INDEX CONCURRENTLY: writes continue while the index builds',
      // CONCURRENTLY fails inside a transaction block, so the fix is only offered outside one.
      fixes: ctx.state.inTransaction
        ? []
        : [fix('Add CONCURRENTLY', 'safe', [insertAt(stmt.indexKeywordRange.end, ' CONCURRENTLY')])],
    });
  },
});
