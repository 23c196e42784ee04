// mysql-column-position: `ADD COLUMN … FIRST/AFTER` on an existing table of a server that adds a
// column instantly only at the end (MySQL 8.0.12 to 8.0.28, MariaDB before 10.4): the position
// alone turns an instant change into a rebuild of every row. The version facts live in the
// online-DDL table (analysis/mysql-online-ddl.ts).
import type { ColumnPosition } from '../model';
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { existingTableOnlineDdl, serverText, tableText } from './lib/online-ddl';

/** The position clause with the blanks before it, so deleting it leaves `ADD COLUMN c int`. */
function positionWithBlanks(text: string, position: ColumnPosition): { start: number; end: number } {
  let start = position.range.start;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
  return { start, end: position.range.end };
}

export const mysqlColumnPosition = defineRule({
  meta: {
    id: 'mysql-column-position',
    title: 'ADD COLUMN … FIRST/AFTER is not instant before MySQL 8.0.29 / MariaDB 10.4',
    category: 'locks',
    severity: 'info',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'MySQL 8.0.12 to 8.0.28 (and MariaDB 10.3) add a column instantly only as the last column; `FIRST` or `AFTER c` makes the same `ADD COLUMN` rebuild the table in place, rewriting every row and every index. Writes go on, but the rebuild takes as long as copying the table, doubles its disk use while it runs and delays replicas by as much. MySQL 8.0.29 and MariaDB 10.4 add a column instantly at any position.',
      safeWay: 'Add the column at the end (the fix removes the position; column order only matters to `SELECT *` and to `INSERT` without a column list, so check those first), or run the migration on MySQL 8.0.29+ / MariaDB 10.4+. A table created earlier in the same migration is not reported.',
      serverVersion: '8.0.28',
      bad: 'ALTER TABLE orders ADD COLUMN coupon_code varchar(20) AFTER total_cents;',
      good: 'ALTER TABLE orders ADD COLUMN coupon_code varchar(20);',
    },
  },
  check(ctx, stmt) {
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    if (!onlineDdl) return;
    for (const { verdict, action } of onlineDdl.actions) {
      if (verdict.cause !== 'column-position' || action?.kind !== 'add-column' || !action.column.position) continue;
      const { position } = action.column;
      const where = position.kind === 'first' ? 'FIRST' : `AFTER \`${position.column}\``;
      ctx.report({
        range: position.range,
        message: `Adding \`${action.column.name}\` ${where} rebuilds ${tableText(onlineDdl)} in place on ${serverText(onlineDdl)}, where only a column added last is INSTANT`,
        help: 'Add the column at the end, where it is instant, unless code depends on the column order (SELECT *, INSERT without a column list)',
        fixes: [fix(`Add \`${action.column.name}\` at the end`, 'review', [replace(positionWithBlanks(ctx.text, position), '')])],
      });
    }
  },
});
