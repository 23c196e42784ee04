// drop-table: DROP TABLE of an existing table deletes its data, and application code still running
// the previous release fails on every query that touches it.
import type { ObjectName } from '../model';
import { defineRule } from './lib/rule';

const listed = (names: readonly ObjectName[]): string => names.map((name) => `\`${name.name}\``).join(', ');

export const dropTable = defineRule({
  meta: {
    id: 'drop-table',
    title: 'Dropping a table breaks code that still uses it',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-drop-table'],
    },
    fix: undefined,
    docs: {
      why: 'During a deploy the previous release keeps running until every instance is replaced, and a rollback brings it back. `DROP TABLE` deletes the data for good, and every query of the old code that touches the table fails with "relation does not exist". `CASCADE` also drops the views and foreign keys that depend on it.',
      safeWay: 'First ship a release that no longer reads or writes the table, then drop it in a later migration, once no running code knows it (keep a backup or rename it aside if you may need the data). A table created earlier in the same migration is not used by any running code, so dropping it is fine.',
      bad: 'DROP TABLE legacy_sessions;',
      good: 'CREATE TABLE import_scratch (id bigint);\nDROP TABLE import_scratch;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'drop' || stmt.objectKind !== 'table') return;
    const existing = stmt.names.filter((name) => !ctx.isNewTable(name));
    if (existing.length === 0) return;
    const them = existing.length > 1 ? 'them' : 'it';
    const cascade = stmt.cascade ? `; CASCADE also drops the views and foreign keys that depend on ${them}` : '';
    ctx.report({
      range: stmt.range,
      message: `Dropping ${listed(existing)} deletes ${existing.length > 1 ? 'their' : 'its'} rows for good, and old application code still running fails on every query that touches ${them}${cascade}`,
      help: 'Ship a release that no longer uses the table first, then drop it in a later migration',
    });
  },
});
