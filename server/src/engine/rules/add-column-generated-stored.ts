// add-column-generated-stored: ADD COLUMN … GENERATED ALWAYS AS (…) STORED on an existing table
// computes and writes the value for every row: a rewrite under ACCESS EXCLUSIVE.
// PostgreSQL 18 adds VIRTUAL generated columns (the default there), computed on read. MySQL/MariaDB
// copy the table for a STORED (MariaDB: PERSISTENT) column and add a VIRTUAL one in place: MySQL 8.0
// manual, Generated Column Operations ("Adding a STORED column: In Place No"); [ran] MariaDB 10.11:
// STORED refuses ALGORITHM=INPLACE and LOCK=NONE ("COPY algorithm requires a lock. Try LOCK=SHARED"),
// VIRTUAL runs with ALGORITHM=INSTANT.
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';

/** PostgreSQL 12 added generated columns. */
const generatedColumnsMinimumVersion = 12;

export const addColumnGeneratedStored = defineRule({
  meta: {
    id: 'add-column-generated-stored',
    title: 'Adding a stored generated column rewrites the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      pgfence: ['add-column-stored-generated'],
      strong_migrations: ['add_column_generated_stored'],
      eugene: ['E11'],
    },
    fix: undefined,
    docs: {
      why: 'A stored generated column holds a computed value in every row, so adding one to an existing table rewrites the whole table under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until every row is rewritten. MySQL and MariaDB copy the whole table for a `STORED` (MariaDB also `PERSISTENT`) column: inserts, updates and deletes wait for the whole copy, as the server refuses `LOCK=NONE` for it. PostgreSQL before 12 has no generated columns.',
      safeWay: 'On PostgreSQL 18+, a `VIRTUAL` generated column (the default there) is computed when read and is added without a rewrite. On MySQL and MariaDB a `VIRTUAL` generated column (their default) is added in place, instantly. Otherwise add a plain nullable column, keep it filled for new rows with a trigger (or the application), and backfill existing rows in batches outside the migration transaction; on MySQL an online schema-change tool (gh-ost, pt-online-schema-change) can copy a large table in the background. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED;',
      good: 'ALTER TABLE orders ADD COLUMN total_cents bigint;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const postgres = stmt.dialect === 'postgres';
    if (postgres && ctx.settings.serverVersion.major < generatedColumnsMinimumVersion) return;
    const virtualAvailable = ctx.settings.serverVersion.major >= 18;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column' || !action.column.generated?.stored) continue;
      if (!postgres) {
        ctx.report({
          range: action.range,
          message: `Adding the stored generated column \`${action.column.name}\` copies \`${stmt.table.name}\` row by row (ALGORITHM=COPY), and inserts, updates and deletes wait for the whole copy (LOCK=NONE is refused); reads continue`,
          help: 'Make it VIRTUAL (computed on read, added instantly), or add a plain column and backfill it in batches; copy a large table with an online schema-change tool',
        });
        continue;
      }
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
