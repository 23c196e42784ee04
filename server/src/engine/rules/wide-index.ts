// wide-index: a non-unique index over more than three columns rarely serves more queries than its
// leading columns would, and every write pays for the width. On MySQL/MariaDB also the indexes of
// CREATE TABLE and ALTER TABLE … ADD INDEX; primary key columns do not count there (InnoDB stores
// them in every secondary index anyway), nor do FULLTEXT and SPATIAL indexes (no B-tree key).
import type { Statement } from '../model';
import { indexesBuilt, primaryKeyColumns, type BuiltIndex } from './lib/index-helpers';
import { defineRule, type RuleContext } from './lib/rule';

const maxColumns = 3;

/** The key columns that widen the index: on MySQL, those besides the primary key columns InnoDB appends anyway. */
function widening(ctx: RuleContext, stmt: Statement, index: BuiltIndex): number {
  const primaryKey = new Set(primaryKeyColumns(ctx, stmt, index.tableKey));
  return index.elements.filter((element) => element.column === undefined || element.prefixLength !== undefined || !primaryKey.has(element.column)).length;
}

export const wideIndex = defineRule({
  meta: {
    id: 'wide-index',
    title: 'Non-unique index with more than three columns',
    category: 'indexes',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      strong_migrations: ['add_index_columns'],
    },
    fix: undefined,
    docs: {
      why: 'A B-tree index narrows results by its leading columns; past the first two or three, extra columns rarely make a query faster but make every insert and update write a bigger index entry, and the index takes more memory. Wide indexes are usually shaped after one query rather than the workload.',
      safeWay: 'Lead with the columns that narrow the results most and stop there; to serve index-only scans, put the remaining columns in `INCLUDE (…)`, which does not widen the search key. Unique indexes are exempt: their width is the key. MySQL and MariaDB have no INCLUDE; InnoDB already stores the primary key columns in every secondary index, so they are not counted and need not be listed, and FULLTEXT and SPATIAL indexes are not judged.',
      bad: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status, created_at, total);',
      good: 'CREATE INDEX CONCURRENTLY orders_search_idx ON orders (user_id, status) INCLUDE (created_at, total);',
    },
  },
  check(ctx, stmt) {
    for (const index of indexesBuilt(ctx, stmt)) {
      if (index.unique || index.method === 'fulltext' || index.method === 'spatial') continue;
      const columns = stmt.dialect === 'postgres' ? index.elements.length : widening(ctx, stmt, index);
      if (columns <= maxColumns) continue;
      ctx.report({
        range: index.range,
        message: `This non-unique index has ${columns} columns${columns < index.elements.length ? ' besides the primary key' : ''}: columns past the first few rarely speed up a query, but every write to \`${index.table.name}\` pays for them`,
        help:
          stmt.dialect === 'postgres'
            ? 'Keep the most selective leading columns, and move columns needed only for index-only scans to INCLUDE (…)'
            : 'Keep the most selective leading columns; InnoDB already keeps the primary key in every secondary index',
      });
    }
  },
});
