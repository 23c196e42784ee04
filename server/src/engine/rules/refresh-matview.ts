// refresh-matview: REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the
// view while it recomputes it, so every read of the view waits. CONCURRENTLY (EXCLUSIVE: reads go
// on) needs a unique index on the view and a populated view, which this file cannot always see.
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const refreshMatview = defineRule({
  meta: {
    id: 'refresh-matview',
    title: 'Refresh materialized views concurrently',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      pgfence: ['refresh-matview-blocking'],
    },
    fix: 'review',
    docs: {
      why: '`REFRESH MATERIALIZED VIEW` recomputes the whole view while holding an ACCESS EXCLUSIVE lock on it: every query that reads the view waits until the refresh ends, which for an expensive view means seconds to minutes of blocked reads.',
      safeWay: '`REFRESH MATERIALIZED VIEW CONCURRENTLY` builds the new contents next to the old ones and swaps in the differences under an EXCLUSIVE lock, so reads continue. It needs a unique index on the view (without a WHERE clause, on plain columns) and a view that is already populated; it is allowed inside a transaction. The fix adds CONCURRENTLY; review that the view has such an index. A view created earlier in the same migration (its first population) and `WITH NO DATA` are not reported.',
      bad: 'REFRESH MATERIALIZED VIEW daily_totals;',
      good: 'REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'refresh-materialized-view' || stmt.concurrently || stmt.withNoData || ctx.isNewTable(stmt.name)) return;
    ctx.report({
      range: stmt.range,
      message: `Refreshing \`${stmt.name.name}\` holds an ACCESS EXCLUSIVE lock on the view until the refresh ends: every query that reads the view waits`,
      help: 'Use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view and a populated view): reads continue during the refresh',
      fixes: [fix('Add CONCURRENTLY', 'review', [insertAt(stmt.viewKeywordRange.end, ' CONCURRENTLY')])],
    });
  },
});
