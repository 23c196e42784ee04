// mysql-enum-reorder: an ENUM or SET column of an existing MySQL/MariaDB table redefined with values
// removed, reordered or inserted before the end: the stored numbers change meaning, so the table is
// copied. Appending at the end is instant; the fix moves new values there when none was removed.
import { mysqlTypeText } from '../analysis/mysql-online-ddl';
import type { Fix } from '../model';
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, onlineSchemaChangeTools, tableText } from './lib/online-ddl';

function quoted(values: readonly string[]): string {
  return values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
}

/** What the redefinition does to the old values, in words. */
function changeText(from: readonly string[], to: readonly string[]): string {
  const removed = from.filter((value) => !to.includes(value));
  if (removed.length > 0) return `drops ${quoted(removed)}`;
  const kept = to.filter((value) => from.includes(value));
  if (kept.some((value, index) => value !== from[index])) return 'reorders its values';
  return `inserts ${quoted(to.filter((value) => !from.includes(value)))} before the end`;
}

export const mysqlEnumReorder = defineRule({
  meta: {
    id: 'mysql-enum-reorder',
    title: 'ENUM/SET values removed, reordered or inserted before the end',
    category: 'locks',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'MySQL and MariaDB store an ENUM as the number of its value in the list (a SET as bits). Appending values at the end changes only metadata (INSTANT), but removing, reordering or inserting a value before the end changes what the stored numbers mean, so the whole table is copied while writes wait. Appending past 255 ENUM values (or 8, 16, 24, 32 SET members) also copies, because the storage size grows; mysql-copy-algorithm reports that.',
      safeWay: 'Add new values at the end of the list, whatever their alphabetical place (the fix does that when no value is removed; the list order is also the sort order of `ORDER BY` on the column). To drop or reorder values, do it with an online schema-change tool (gh-ost, pt-online-schema-change), or move the values to a lookup table. A table created earlier in the same migration is not reported.',
      schema: "CREATE TABLE orders (id int NOT NULL PRIMARY KEY, status enum('new', 'paid')) ENGINE=InnoDB;",
      bad: "ALTER TABLE orders MODIFY status enum('new', 'cancelled', 'paid');",
      good: "ALTER TABLE orders MODIFY status enum('new', 'paid', 'cancelled');",
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    if (!onlineDdl) return;
    for (const { verdict, range, action } of onlineDdl.actions) {
      const values = verdict.enumValues;
      if (verdict.cause !== 'enum-reorder' || !values || action?.kind !== 'change-column') continue;
      const type = action.definition.type;
      const added = values.to.filter((value) => !values.from.includes(value));
      const appendable = values.from.every((value) => values.to.includes(value));
      const fixes: Fix[] = appendable
        ? [fix('Append the new values at the end', 'review', [replace(type.range, mysqlTypeText({ ...type, values: [...values.from, ...added] }))])]
        : [];
      ctx.report({
        range,
        message: `Redefining ${type.canonical.toUpperCase()} \`${action.column}\` ${changeText(values.from, values.to)}: the stored values change meaning, so ${tableText(onlineDdl)} is copied${verdict.concurrentDml ? ' (online, but row by row)' : ' while inserts, updates and deletes wait'}`,
        help: appendable
          ? 'Add the new values at the end of the list instead: appending is instant'
          : `Keep every existing value in its place and append new ones; drop values with ${onlineSchemaChangeTools} on a big table`,
        fixes,
      });
    }
  },
});
