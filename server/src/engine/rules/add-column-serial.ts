// add-column-serial: adding a serial or identity column to an existing table draws a sequence
// value for every existing row: a rewrite under ACCESS EXCLUSIVE. On MySQL/MariaDB an AUTO_INCREMENT
// column numbers every row in a table rebuild that blocks writes: MySQL 8.0 manual, Online DDL Column
// Operations ("Concurrent DML is not permitted when adding an auto-increment column"); [ran] MariaDB
// 10.11: INSTANT and NOCOPY refused, LOCK=NONE refused ("Adding an auto-increment column requires a
// lock. Try LOCK=SHARED"), ALGORITHM=INPLACE, LOCK=SHARED runs.
import { lockBlocks } from '../analysis/locks';
import type { ColumnDefinition } from '../model';
import { defineRule, type ReportInput } from './lib/rule';
import { isSerialType } from './lib/type-helpers';

/** MySQL/MariaDB: what adding an AUTO_INCREMENT (or SERIAL) column to an existing table does. */
function autoIncrementFinding(column: ColumnDefinition, table: string): Omit<ReportInput, 'range'> {
  return {
    message: `Adding the AUTO_INCREMENT column \`${column.name}\` numbers every existing row in a rebuild of \`${table}\` that blocks inserts, updates and deletes until it ends (LOCK=NONE is refused, LOCK=SHARED is the least); reads continue`,
    help: 'Run it when the table takes few writes, or copy the table with an online schema-change tool (gh-ost, pt-online-schema-change) for a large table',
  };
}

export const addColumnSerial = defineRule({
  meta: {
    id: 'add-column-serial',
    title: 'Adding a serial, identity or AUTO_INCREMENT column rewrites the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      strong_migrations: ['add_column_auto_incrementing'],
      eugene: ['E11'],
    },
    fix: undefined,
    docs: {
      why: 'A `serial`/`bigserial`/`smallserial` column has the volatile default `nextval(…)`, and an identity column (`GENERATED … AS IDENTITY`) draws from its sequence too: adding either to an existing table gives every row its own value, which rewrites the whole table under an ACCESS EXCLUSIVE lock. Every query on the table, reads included, waits until the rewrite ends. On MySQL and MariaDB, adding an `AUTO_INCREMENT` (or `SERIAL`) column numbers every existing row in a table rebuild during which inserts, updates and deletes wait: the server refuses `LOCK=NONE` for it, and the least it needs is `ALGORITHM=INPLACE, LOCK=SHARED`.',
      safeWay: 'There is no rewrite-free way to number existing rows in one statement. Add a plain nullable `bigint` column, create a sequence and set it as the column default (new rows only), backfill existing rows in batches, then make the column NOT NULL with a validated CHECK (see `set-not-null`) and, if needed, a unique index built concurrently. Or run the statement in a maintenance window. On MySQL and MariaDB, run it when the table takes few writes, or use an online schema-change tool (gh-ost, pt-online-schema-change) that copies the table in the background. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE events ADD COLUMN sequence_number bigserial;',
      good: 'ALTER TABLE events ADD COLUMN sequence_number bigint;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column') continue;
      const { column } = action;
      if (stmt.dialect !== 'postgres') {
        if (column.autoIncrement) ctx.report({ range: action.range, ...autoIncrementFinding(column, stmt.table.name) });
        continue;
      }
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
