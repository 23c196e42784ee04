// add-column-generated-stored: ADD COLUMN … GENERATED ALWAYS AS (…) STORED on an existing table
// computes and writes the value for every row: a rewrite under ACCESS EXCLUSIVE.
// PostgreSQL 18 adds VIRTUAL generated columns (the default there), computed on read.
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';

export const addColumnGeneratedStored = defineRule({
  meta: {
    id: 'add-column-generated-stored',
    title: 'Adding a stored generated column rewrites the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    versions: { min: 12 },
    aliases: {
      pgfence: ['add-column-stored-generated'],
      strong_migrations: ['add_column_generated_stored'],
      eugene: ['E11'],
    },
    fix: undefined,
    docs: {
      why: 'A stored generated column holds a computed value in every row, so adding one to an existing table rewrites the whole table under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until every row is rewritten.',
      safeWay: 'On PostgreSQL 18+, a `VIRTUAL` generated column (the default there) is computed when read and is added without a rewrite. Otherwise add a plain nullable column, keep it filled for new rows with a trigger (or the application), and backfill existing rows in batches outside the migration transaction. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;',
      good: 'ALTER TABLE orders ADD COLUMN total_cents bigint;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const virtualAvailable = ctx.settings.serverVersion.major >= 18;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column' || !action.column.generated?.stored) continue;
      ctx.report({
        range: action.range,
        message: `Adding the stored generated column \`${action.column.name}\` rewrites \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock held until every row is written: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: virtualAvailable
          ? 'Make it VIRTUAL (computed on read, no rewrite), or add a plain column, fill new rows with a trigger and backfill existing rows in batches'
          : 'Add a plain column, fill new rows with a trigger and backfill existing rows in batches',
      });
    }
  },
});
