// mysql-copy-algorithm: an ALTER TABLE action on an existing MySQL/MariaDB table that only
// ALGORITHM=COPY can run: the table is copied row by row while writes wait. The verdict comes
// from the online-DDL table (analysis/mysql-online-ddl.ts); VARCHAR length-byte crossings, ENUM
// reorders, foreign keys added with checks on, stored generated and auto-increment columns are left
// to mysql-varchar-bucket, mysql-enum-reorder, mysql-add-foreign-key, add-column-generated-stored
// and add-column-serial, which give their own advice.
import type { OnlineDdlCause, OnlineDdlVerdict } from '../analysis/mysql-online-ddl';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, onlineSchemaChangeTools, sentenceStart, tableText } from './lib/online-ddl';

/** Causes another section G rule reports with its own advice. */
const reportedElsewhere = new Set<OnlineDdlCause>(['varchar-bucket', 'enum-reorder', 'foreign-key-checked', 'stored-generated-column', 'auto-increment-column']);

const toolHelp = `On a big table, run it with ${onlineSchemaChangeTools}, which copy in the background and swap at the end`;

const helpByCause: Partial<Record<OnlineDdlCause, string>> = {
  'type-change': `${toolHelp}; or add a column of the new type, backfill it in batches and switch reads and writes to it`,
  'charset-change': `${toolHelp}; or add a column in the new character set, backfill it in batches and switch to it`,
  'varchar-narrowing': `${toolHelp}; a narrower VARCHAR rarely saves space: InnoDB stores only the bytes used`,
  'enum-storage': `${toolHelp}; or move the values to a lookup table`,
  'primary-key-drop': `Drop the primary key and add its replacement in one ALTER TABLE (in place, writes continue), or use ${onlineSchemaChangeTools}`,
  'check-add': `Check the rows with a query first, then add the constraint with ${onlineSchemaChangeTools} or in a quiet window`,
  'charset-conversion': `${toolHelp}; or convert one column at a time in quiet windows`,
  'engine-change': toolHelp,
  partitioning: `${toolHelp}; or build a partitioned copy and swap it in with RENAME TABLE`,
};

function message(verdict: OnlineDdlVerdict, table: string, pinned: string | undefined): string {
  const subject = sentenceStart(verdict.subject);
  if (verdict.unknown) return `${subject} copies ${table} while writes wait if it changes anything a copy is needed for: sqlsight does not know ${verdict.unknown}`;
  if (pinned) return `${subject} needs ALGORITHM=COPY, so the server refuses this statement's ALGORITHM=${pinned}`;
  if (verdict.concurrentDml) return `${subject} copies ${table} row by row: writes continue (an online copy), but it takes as long as the table is big and needs room for a second copy`;
  return `${subject} copies ${table} row by row: inserts, updates and deletes wait until every row is copied`;
}

export const mysqlCopyAlgorithm = defineRule({
  meta: {
    id: 'mysql-copy-algorithm',
    title: 'ALTER TABLE actions that copy the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: { strong_migrations: ['change_column'] },
    fix: undefined,
    docs: {
      why: 'An action InnoDB cannot run instantly or in place makes MySQL and MariaDB copy the table: a new table is filled row by row and swapped in. Inserts, updates and deletes wait for the whole copy (MariaDB 11.4 and later copy online, but the copy still takes as long as the table is big), the server needs room for a second copy, and replicas apply the change only after it. Copying actions: changing a column type (except widening a VARCHAR within its length-byte range or appending ENUM values), changing a column character set, dropping the primary key without adding another, `CONVERT TO CHARACTER SET`, adding a stored generated column, a CHECK constraint or a foreign key while `foreign_key_checks` is on, changing the engine, and repartitioning. See docs/mysql-online-ddl.md for every action and version.',
      safeWay: 'On a big table, run the change with an online schema-change tool (gh-ost, pt-online-schema-change), or reach the same end with steps that run in place: a VIRTUAL instead of a STORED generated column, a new column backfilled in batches instead of a type change, `SET foreign_key_checks = 0` around an `ADD FOREIGN KEY` once the rows are checked. VARCHAR widening past 255 bytes, ENUM reorders, foreign keys, stored generated and auto-increment columns are reported by mysql-varchar-bucket, mysql-enum-reorder, mysql-add-foreign-key, add-column-generated-stored and add-column-serial; a table created earlier in the same migration is not reported.',
      schema: 'CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, price_cents int NOT NULL) ENGINE=InnoDB;',
      bad: 'ALTER TABLE orders MODIFY price_cents bigint NOT NULL;',
      good: 'ALTER TABLE orders ADD COLUMN price_cents_wide bigint NULL;',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    if (!onlineDdl) return;
    const written = onlineDdl.clauses?.algorithm?.value;
    const pinned = written === 'INSTANT' || written === 'NOCOPY' || written === 'INPLACE' ? written : undefined;
    for (const { verdict, range } of onlineDdl.actions) {
      // An action the table does not list is not claimed to copy.
      if (verdict.algorithm !== 'copy' || verdict.cause === 'unknown' || reportedElsewhere.has(verdict.cause)) continue;
      ctx.report({
        range,
        // Without the current definition the copy is likely, not certain.
        severity: verdict.unknown ? 'info' : undefined,
        message: message(verdict, tableText(onlineDdl), pinned),
        help: helpByCause[verdict.cause] ?? toolHelp,
      });
    }
  },
});
