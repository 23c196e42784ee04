// drop-column: DROP COLUMN on an existing table deletes its data, and application code still running
// the previous release fails on queries that name the column.
import { defineRule } from './lib/rule';
import { qualifiedKey, type SchemaModel } from '../schema/model';

interface Dependents {
  /** Indexes and constraints on the table that PostgreSQL drops with the column. */
  readonly dropped: readonly string[];
  /** Views and other tables' foreign keys that make the drop fail without CASCADE (and vanish with it). */
  readonly blocking: readonly string[];
}

/** What depends on the column, from the schema model. */
function columnDependents(model: SchemaModel, tableKey: string, column: string): Dependents {
  const table = model.tables.get(tableKey);
  const dropped = model
    .indexesOn(tableKey)
    .filter((index) => index.constraint === undefined && index.elements.some((element) => element.column === column))
    .map((index) => `index \`${index.name}\``);
  for (const key of table?.keys ?? []) if (key.columns.includes(column)) dropped.push(`${key.kind === 'primary-key' ? 'primary key' : 'unique constraint'} \`${key.name}\``);
  for (const foreignKey of table?.foreignKeys ?? []) if (foreignKey.columns.includes(column)) dropped.push(`foreign key \`${foreignKey.name}\``);
  const blocking = model.viewsReading(tableKey).filter((view) => view.dependsOnColumns.includes(column)).map((view) => `${view.kind === 'view' ? 'view' : 'materialized view'} \`${view.name}\``);
  for (const { table: other, foreignKey } of model.referencesTo(tableKey)) {
    if (foreignKey.referencedColumns.includes(column)) blocking.push(`foreign key \`${foreignKey.name}\` of \`${other.name}\``);
  }
  return { dropped, blocking };
}

function dependentsText(dependents: Dependents, cascade: boolean): string {
  const parts: string[] = [];
  if (dependents.dropped.length > 0) parts.push(`; it also drops ${dependents.dropped.join(', ')}`);
  if (dependents.blocking.length > 0) {
    parts.push(cascade ? `; CASCADE drops ${dependents.blocking.join(', ')}` : `; without CASCADE it fails, because ${dependents.blocking.join(', ')} depend${dependents.blocking.length === 1 ? 's' : ''} on it`);
  }
  return parts.join('');
}

export const dropColumn = defineRule({
  meta: {
    id: 'drop-column',
    title: 'Dropping a column breaks code that still uses it',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-drop-column'],
      strong_migrations: ['remove_column'],
    },
    fix: undefined,
    docs: {
      why: 'During a deploy the previous release keeps running, and a rollback brings it back. Once the column is dropped, every query of the old code that names it fails with "column does not exist", and ORMs that cache the column list fail on every insert and select of the table. The data is gone for good. `CASCADE` also drops views, indexes and constraints that use the column.',
      safeWay: 'First ship a release that no longer reads or writes the column (tell the ORM to ignore it), then drop it in a later migration. The drop itself only changes the catalog, so it is quick once the lock is granted. A table created earlier in the same migration is not used by running code, so dropping its columns is fine.',
      bad: 'ALTER TABLE users DROP COLUMN legacy_token;',
      good: 'CREATE TABLE invites (id bigint, token text, code text);\nALTER TABLE invites DROP COLUMN token;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'drop-column') continue;
      const cascade = action.cascade ? '; CASCADE also drops the views, indexes and constraints that use it' : '';
      const dependents = columnDependents(ctx.state.schema, qualifiedKey(stmt.table.schema, stmt.table.name), action.column);
      ctx.report({
        range: action.range,
        message: `Dropping \`${stmt.table.name}\`.\`${action.column}\` deletes its data, and old application code still running fails on every query that names it${cascade}${dependentsText(dependents, action.cascade)}`,
        help: 'Ship a release that no longer reads or writes the column first (make the ORM ignore it), then drop it in a later migration',
      });
    }
  },
});
