// mysql-timestamp-2038: a MySQL/MariaDB TIMESTAMP column (new table, ADD, CHANGE or MODIFY COLUMN)
// can hold nothing after 2038-01-19 03:14:07 UTC: it stores seconds since 1970 in a signed 32-bit
// integer. MariaDB 11.5 reads the same 4 bytes as unsigned and reaches 2106-02-07 06:28:15 UTC on
// 64-bit platforms (MariaDB 11.5 release notes, MDEV-32188; the KB TIMESTAMP page: "MariaDB 11.4 and
// earlier, 32-bit platforms" end in 2038), so from 11.5 the rule is quiet (32-bit and Windows builds
// keep the 2038 limit, which a version number cannot tell). MySQL 9 still ends in 2038. No fix:
// DATETIME does not convert between time zones, so switching changes what clients read.
import { versionAtLeast } from '../config';
import { columnOf } from '../schema/model';
import type { ColumnDefinition, ObjectName } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

function hasTimestampLimit(ctx: RuleContext): boolean {
  return ctx.settings.dialect === 'mysql' || !versionAtLeast(ctx.settings.serverVersion, 11, 5);
}

/** CHANGE/MODIFY of a column the schema model already holds as TIMESTAMP: the migration that made it one was told. */
function alreadyTimestamp(ctx: RuleContext, table: ObjectName, column: string): boolean {
  const existing = ctx.state.schema.table(table.schema, table.name);
  return existing !== undefined && columnOf(existing, column)?.type.canonical === 'timestamp';
}

function report(ctx: RuleContext, table: ObjectName, column: ColumnDefinition): void {
  if (column.type.canonical !== 'timestamp') return;
  const mariadb = ctx.settings.dialect === 'mariadb';
  ctx.report({
    range: column.type.range,
    message: `\`${table.name}\`.\`${column.name}\` is TIMESTAMP, which cannot hold values after 2038-01-19 03:14:07 UTC: later ones, the current time included from then on, are rejected (strict mode) or stored as zero`,
    help: `Use DATETIME for values that may pass 2038 (it reaches 9999-12-31), but it stores the wall-clock value as given, without TIMESTAMP's conversion from and to the session time zone: write UTC${mariadb ? '; MariaDB 11.5 and later extend TIMESTAMP to 2106 on 64-bit platforms' : ''}`,
  });
}

export const mysqlTimestamp2038 = defineRule({
  meta: {
    id: 'mysql-timestamp-2038',
    title: 'TIMESTAMP columns end in 2038',
    category: 'types',
    severity: 'info',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: "MySQL's and MariaDB's TIMESTAMP stores seconds since 1970 in 4 bytes, so its range ends at 2038-01-19 03:14:07 UTC: a later value (an expiry date, a scheduled event, and from 2038 the current time itself) is rejected in strict mode or stored as `0000-00-00 00:00:00` without it. MariaDB 11.5 and later extend the range to 2106-02-07 on 64-bit platforms; MySQL has not.",
      safeWay: 'Use DATETIME (range up to 9999-12-31) for values that may pass 2038. It is not a drop-in replacement: TIMESTAMP converts values from the session time zone to UTC and back, DATETIME stores what it is given, so write UTC consistently (or keep the zone in another column). Changing an existing column from TIMESTAMP to DATETIME copies the table.',
      bad: 'CREATE TABLE subscriptions (id bigint PRIMARY KEY, expires_at timestamp NOT NULL);',
      good: 'CREATE TABLE subscriptions (id bigint PRIMARY KEY, expires_at datetime NOT NULL);',
    },
  },
  check(ctx, stmt) {
    if (!hasTimestampLimit(ctx)) return;
    if (stmt.kind === 'create-table') {
      for (const column of stmt.columns) report(ctx, stmt.table, column);
      return;
    }
    if (stmt.kind !== 'alter-table') return;
    for (const action of stmt.actions) {
      if (action.kind === 'add-column') report(ctx, stmt.table, action.column);
      else if (action.kind === 'change-column' && !alreadyTimestamp(ctx, stmt.table, action.column)) report(ctx, stmt.table, action.definition);
    }
  },
});
