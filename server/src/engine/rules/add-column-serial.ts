// add-column-serial: adding a serial or identity column to an existing table draws a sequence
// value for every existing row: a rewrite under ACCESS EXCLUSIVE.
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';
import { isSerialType } from './lib/type-helpers';


export const addColumnSerial = defineRule({
  meta: {
    id: 'add-column-serial',
    title: 'Adding a serial or identity column rewrites the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      strong_migrations: ['add_column_auto_incrementing'],
      eugene: ['E11'],
    },
    fix: undefined,
    docs: {
      why: 'A `serial`/`bigserial`/`smallserial` column has the volatile default `nextval(…)`, and an identity column (`GENERATED … AS IDENTITY`) draws from its sequence too: adding either to an existing table gives every row its own value, which rewrites the whole table under an ACCESS EXCLUSIVE lock. Every query on the table, reads included, waits until the rewrite ends.',
      safeWay: 'There is no rewrite-free way to number existing rows in one statement. Add a plain nullable `bigint` column, create a sequence and set it as the column default (new rows only), backfill existing rows in batches, then make the column NOT NULL with a validated CHECK (see `set-not-null`) and, if needed, a unique index built concurrently. Or run the statement in a maintenance window. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE events ADD COLUMN sequence_number bigserial;',
      good: 'ALTER TABLE events ADD COLUMN sequence_number bigint;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column') continue;
      const { column } = action;
      const serial = isSerialType(column.type.canonical) && !column.type.isArray;
      if (!serial && !column.identity) continue;
      ctx.report({
        range: action.range,
        message: `Adding the ${serial ? column.type.canonical : 'identity'} column \`${column.name}\` gives every existing row a sequence value, rewriting \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock held until every row is written: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: 'Add a plain nullable bigint column with a sequence default for new rows, backfill existing rows in batches, then add NOT NULL through a validated CHECK',
      });
    }
  },
});
