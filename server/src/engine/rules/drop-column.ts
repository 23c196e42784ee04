// drop-column: DROP COLUMN on an existing table deletes its data, and application code still running
// the previous release fails on queries that name the column. MySQL/MariaDB differ in what goes
// with the column: an index loses the column and is dropped only when no column is left (MySQL
// manual, ALTER TABLE), foreign keys on it or referencing it make the drop fail, and views reading
// it break instead of blocking ([ran] MariaDB 10.11: ERROR 1828/1829 even with foreign_key_checks=0;
// a multi-column UNIQUE or PRIMARY KEY over it fails with ERROR 1072; a view then fails with 1356).
import type { Dialect } from '../model';
import { defineRule } from './lib/rule';
import { qualifiedKey, type SchemaModel, type SchemaTable } from '../schema/model';

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

interface MysqlDependents {
  /** Foreign keys (and, on MariaDB, multi-column keys) that make the statement fail. */
  readonly failing: readonly string[];
  /** Indexes and keys dropped because the column was their only one. */
  readonly dropped: readonly string[];
  /** Multi-column indexes that lose the column. */
  readonly narrowed: readonly string[];
  /** Views that read the column: they fail on every query afterwards. */
  readonly broken: readonly string[];
}

function keyLabel(kind: 'primary-key' | 'unique' | undefined, name: string): string {
  return kind === 'primary-key' ? 'the primary key' : `${kind === 'unique' ? 'unique key' : 'index'} \`${name}\``;
}

function foreignKeysOn(model: SchemaModel, table: SchemaTable | undefined, tableKey: string, column: string): string[] {
  const own = (table?.foreignKeys ?? []).filter((foreignKey) => foreignKey.columns.includes(column)).map((foreignKey) => `foreign key \`${foreignKey.name}\``);
  const referencing = model
    .referencesTo(tableKey)
    .filter(({ foreignKey }) => foreignKey.referencedColumns.includes(column))
    .map(({ table: other, foreignKey }) => `foreign key \`${foreignKey.name}\` of \`${other.name}\``);
  return [...own, ...referencing];
}

/** What MySQL/MariaDB do to what depends on the column, from the schema model. */
function mysqlColumnDependents(model: SchemaModel, tableKey: string, column: string, dialect: Dialect): MysqlDependents {
  const table = model.tables.get(tableKey);
  const failing = foreignKeysOn(model, table, tableKey, column);
  const dropped: string[] = [];
  const narrowed: string[] = [];
  for (const index of model.indexesOn(tableKey)) {
    // The index InnoDB made for a foreign key goes with it, and the foreign key already fails the drop.
    if (index.createdFor !== undefined || !index.elements.some((element) => element.column === column)) continue;
    const kind = table?.keys.find((key) => key.name === index.constraint)?.kind;
    const label = keyLabel(kind, index.name);
    if (index.elements.length === 1) dropped.push(label);
    else if (kind !== undefined && dialect === 'mariadb') failing.push(label);
    else narrowed.push(label);
  }
  const broken = model
    .viewsReading(tableKey)
    .filter((view) => view.dependsOnColumns.includes(column))
    .map((view) => `view \`${view.name}\``);
  return { failing, dropped, narrowed, broken };
}

function mysqlDependentsText(dependents: MysqlDependents): string {
  // A failing drop changes nothing else: say only why it fails.
  if (dependents.failing.length > 0) return `; it fails because ${dependents.failing.join(', ')} need${dependents.failing.length === 1 ? 's' : ''} the column`;
  const parts: string[] = [];
  if (dependents.dropped.length > 0) parts.push(`; it also drops ${dependents.dropped.join(', ')}`);
  if (dependents.narrowed.length > 0) parts.push(`; it removes the column from ${dependents.narrowed.join(', ')}`);
  if (dependents.broken.length > 0) parts.push(`; ${dependents.broken.join(', ')} then fail${dependents.broken.length === 1 ? 's' : ''} on every query`);
  return parts.join('');
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
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {
      squawk: ['ban-drop-column'],
      strong_migrations: ['remove_column'],
    },
    fix: undefined,
    docs: {
      why: 'During a deploy the previous release keeps running, and a rollback brings it back. Once the column is dropped, every query of the old code that names it fails with "column does not exist", and ORMs that cache the column list fail on every insert and select of the table. The data is gone for good. `CASCADE` also drops views, indexes and constraints that use the column. MySQL and MariaDB take the column out of the indexes that have it (dropping those left with no column), refuse the drop while a foreign key uses or references the column, and leave views that read it broken: they fail on every query afterwards.',
      safeWay: 'First ship a release that no longer reads or writes the column (tell the ORM to ignore it), then drop it in a later migration. The drop itself only changes the catalog, so it is quick once the lock is granted. A table created earlier in the same migration is not used by running code, so dropping its columns is fine.',
      bad: 'ALTER TABLE users DROP COLUMN legacy_token;',
      good: 'CREATE TABLE invites (id bigint, token text, code text);\nALTER TABLE invites DROP COLUMN token;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'drop-column') continue;
      const tableKey = qualifiedKey(stmt.table.schema, stmt.table.name);
      // MySQL and MariaDB accept CASCADE and ignore it.
      const consequences =
        stmt.dialect === 'postgres'
          ? `${action.cascade ? '; CASCADE also drops the views, indexes and constraints that use it' : ''}${dependentsText(columnDependents(ctx.state.schema, tableKey, action.column), action.cascade)}`
          : mysqlDependentsText(mysqlColumnDependents(ctx.state.schema, tableKey, action.column, stmt.dialect));
      ctx.report({
        range: action.range,
        message: `Dropping \`${stmt.table.name}\`.\`${action.column}\` deletes its data, and old application code still running fails on every query that names it${consequences}`,
        help: 'Ship a release that no longer reads or writes the column first (make the ORM ignore it), then drop it in a later migration',
      });
    }
  },
});
