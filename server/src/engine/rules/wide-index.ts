// wide-index: a non-unique index over more than three columns rarely serves more queries than its
// leading columns would, and every write pays for the width.
import { defineRule } from './lib/rule';

const maxColumns = 3;

export const wideIndex = defineRule({
  meta: {
    id: 'wide-index',
    title: 'Non-unique index with more than three columns',
    category: 'indexes',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {
      strong_migrations: ['add_index_columns'],
    },
    fix: undefined,
    docs: {
      why: 'A B-tree index narrows results by its leading columns; past the first two or three, extra columns rarely make a query faster but make every insert and update write a bigger index entry, and the index takes more memory. Wide indexes are usually shaped after one query rather than the workload.',
      safeWay: 'Lead with the columns that narrow the results most and stop there; to serve index-only scans, put the remaining columns in `INCLUDE (…)`, which does not widen the search key. Unique indexes are exempt: their width is the key.',
      bad: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status, created_at, total);',
      good: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status) INCLUDE (created_at, total);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'create-index' || stmt.unique || stmt.elements.length <= maxColumns) return;
    ctx.report({
      range: stmt.range,
      message: `This non-unique index has ${stmt.elements.length} columns: columns past the first few rarely speed up a query, but every write to \`${stmt.table.name}\` pays for them`,
      help: 'Keep the most selective leading columns, and move columns needed only for index-only scans to INCLUDE (…)',
    });
  },
});
