// mysql-varchar-bucket: a VARCHAR widened past 255 bytes (counted with the column's character set)
// on an existing MySQL/MariaDB table: each value then needs a second length byte, so the table is
// copied instead of changed in place. The crossing, and MariaDB's exception for columns of at most
// 127 bytes, come from the online-DDL table (analysis/mysql-online-ddl.ts).
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, onlineSchemaChangeTools, serverText, tableText } from './lib/online-ddl';

export const mysqlVarcharBucket = defineRule({
  meta: {
    id: 'mysql-varchar-bucket',
    title: 'VARCHAR widened past 255 bytes copies the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'InnoDB stores a VARCHAR value with a one-byte length prefix while the column holds at most 255 bytes, and a two-byte prefix beyond. Widening a VARCHAR in place is only possible while the prefix stays the same, so a widening from at most 255 bytes to more (counted in the column\'s character set: 4 bytes a character in utf8mb4, 3 in utf8mb3, 1 in latin1) copies the whole table while writes wait. `varchar(63)` in utf8mb4 is 252 bytes, `varchar(64)` is 256. MariaDB 10.4 and later also widen a column of at most 127 bytes in place.',
      safeWay: 'Widen within the same side of 255 bytes (up to `varchar(63)` in utf8mb4, `varchar(85)` in utf8mb3, `varchar(255)` in latin1), or widen straight to the final size once, with an online schema-change tool (gh-ost, pt-online-schema-change) on a big table. A column already past 255 bytes widens in place to any size. A table created earlier in the same migration is not reported.',
      schema: 'CREATE TABLE products (id int NOT NULL PRIMARY KEY, name varchar(50) CHARACTER SET utf8mb4) ENGINE=InnoDB;',
      bad: 'ALTER TABLE products MODIFY name varchar(70) CHARACTER SET utf8mb4;',
      good: 'ALTER TABLE products MODIFY name varchar(60) CHARACTER SET utf8mb4;',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    if (!onlineDdl) return;
    for (const { verdict, range } of onlineDdl.actions) {
      const bytes = verdict.varcharBytes;
      if (verdict.cause !== 'varchar-bucket' || !bytes) continue;
      const widest = Math.floor(255 / bytes.bytesPerCharacter);
      ctx.report({
        range,
        message: `Widening from ${bytes.from} to ${bytes.to} bytes (${bytes.charset}) gives every value of this column a second length byte, so ${serverText(onlineDdl)} copies ${tableText(onlineDdl)}${verdict.concurrentDml ? ' (online, but row by row)' : ' while inserts, updates and deletes wait'}`,
        help: `Stay within 255 bytes (at most varchar(${widest}) in ${bytes.charset}) to widen in place, or make the change with ${onlineSchemaChangeTools} on a big table`,
      });
    }
  },
});
