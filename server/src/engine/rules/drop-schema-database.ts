// drop-schema-database: DROP SCHEMA / DROP DATABASE in a migration deletes whole sets of tables and
// their data, which running application code still uses. MySQL/MariaDB DROP DATABASE and DROP SCHEMA
// are one statement (lowered as a `schema` drop): every table, view and routine of the database goes.
import { defineRule } from './lib/rule';

export const dropSchemaDatabase = defineRule({
  meta: {
    id: 'drop-schema-database',
    title: 'Dropping a schema or database deletes everything in it',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['ban-drop-database', 'ban-drop-schema'],
    },
    fix: undefined,
    docs: {
      why: '`DROP DATABASE` deletes a whole database and `DROP SCHEMA … CASCADE` every table, view, function and type in the schema, with their data, for good. Application code still running during the deploy fails on every query into it. A migration is rarely the place for either; without `CASCADE`, `DROP SCHEMA` fails as soon as the schema holds anything. In MySQL and MariaDB `DROP SCHEMA` is `DROP DATABASE`: it deletes every table, view and routine of the database, and cannot be rolled back.',
      safeWay: 'Drop the objects one by one once no running code uses them, after a backup, and drop databases outside migrations, by hand.',
      bad: 'DROP SCHEMA reporting CASCADE;',
      good: 'DROP VIEW reporting.daily_totals;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'drop' || (stmt.objectKind !== 'schema' && stmt.objectKind !== 'database')) return;
    const names = stmt.names.map((name) => `\`${name.name}\``).join(', ');
    const database = stmt.objectKind === 'database' || stmt.dialect !== 'postgres';
    const message =
      stmt.dialect !== 'postgres'
        ? `Dropping database ${names} deletes every table, view and routine in it with their data for good, and application code still using it fails on every query into it`
        : stmt.objectKind === 'database'
          ? `Dropping database ${names} deletes every table in it with its data for good, and application code connected to it fails`
          : stmt.cascade
            ? `Dropping schema ${names} with CASCADE deletes every table, view and function in it with their data for good, ` +
              'and application code still running fails on every query into it'
            : `Dropping schema ${names} deletes it for good (it fails if the schema still holds objects), and code that still refers to it fails`;
    ctx.report({
      range: stmt.range,
      message,
      help: database ? 'Drop databases by hand, outside migrations' : 'Drop the objects one by one once no running code uses them',
    });
  },
});
