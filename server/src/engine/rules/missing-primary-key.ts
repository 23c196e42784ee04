// missing-primary-key: a table this file created ends the file without a primary key. Judged on
// the table's final shape (a schema dump adds keys with ALTER TABLE after every CREATE TABLE), at
// the CREATE TABLE. Partitions take their parent's key; views and CREATE TABLE … AS/LIKE (whose
// keys the model cannot see) are left out. On MySQL/MariaDB the message says what InnoDB does
// instead (a hidden row id, or the first UNIQUE NOT NULL key as the clustered index) and which tools
// and replicas then suffer.
import { columnOf, primaryKeyOf, type SchemaModel, type SchemaTable } from '../schema/model';
import { tableAfterWorkspace, tablesCreatedHere } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** A UNIQUE constraint or full unique index over NOT NULL plain columns: it identifies rows as well as a primary key would. */
function uniqueNotNullKey(model: SchemaModel, key: string, table: SchemaTable): readonly string[] | undefined {
  const notNull = (columns: readonly string[]): boolean =>
    columns.length > 0 && columns.every((name) => columnOf(table, name)?.notNull === true);
  const constraint = table.keys.find((candidate) => candidate.kind === 'unique' && notNull(candidate.columns));
  if (constraint) return constraint.columns;
  for (const index of model.indexesOn(key)) {
    if (!index.unique || index.predicate !== undefined) continue;
    const columns = index.elements.map((element) => element.column);
    if (columns.every((column) => column !== undefined) && notNull(columns)) return columns;
  }
  return undefined;
}

export const missingPrimaryKey = defineRule({
  meta: {
    id: 'missing-primary-key',
    title: 'Give every table a primary key',
    category: 'design',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'Without a primary key nothing identifies a row: duplicates creep in, ORMs and admin tools cannot update or delete one row, and replication that works row by row cannot follow the table. PostgreSQL logical replication needs a replica identity to publish UPDATE and DELETE, and a table without a primary key has none, so those statements fail on the publisher once the table is in a publication; row-based tools built on logical decoding (Debezium, pglogical, AWS DMS) have the same need. A UNIQUE key over NOT NULL columns identifies rows too, but only after `ALTER TABLE … REPLICA IDENTITY USING INDEX`, which is easy to forget. InnoDB (MySQL, MariaDB) stores every table in primary key order: without one it clusters the rows on the first UNIQUE key over NOT NULL columns, or else on a hidden 6-byte row id that the application cannot use; replicas applying row-based binary log events then have no key to find each changed row by and search the table for it, online schema change tools refuse the table (gh-ost needs a primary key or a NOT NULL unique key, pt-online-schema-change a primary key or unique index), Group Replication refuses writes to it, and servers running with `sql_require_primary_key` (MySQL 8.0.13+) or `innodb_force_primary_key` (MariaDB; a UNIQUE NOT NULL key satisfies it) refuse to create it.',
      safeWay: 'Declare a primary key when the table is created: a `bigint GENERATED ALWAYS AS IDENTITY` or `uuid` column, or the natural key (for a join table, the pair of foreign keys). The table is judged as the file leaves it, so a primary key added by a later `ALTER TABLE … ADD PRIMARY KEY` in the same file counts. Partitions take their parent\'s key and are not reported; nor are views, or tables created with `AS SELECT` or `LIKE`, whose keys the model does not see. On MySQL 8.0.30+, `sql_generate_invisible_primary_key` adds a hidden `my_row_id` key to such tables, which keeps tools working but names no real key.',
      bad: 'CREATE TABLE page_views (page_id bigint NOT NULL, viewed_at timestamptz NOT NULL);',
      good: 'CREATE TABLE page_views (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, page_id bigint NOT NULL, viewed_at timestamptz NOT NULL);',
    },
  },
  check() {
    // Judged at the end of the unit, on the tables' final shape.
  },
  checkEnd(ctx) {
    const model = ctx.state.schema;
    const mysql = model.dialect !== 'postgres';
    for (const { key, table } of tablesCreatedHere(ctx.state)) {
      if (table.columnsIncomplete || table.columns.length === 0) continue;
      if (primaryKeyOf(table) || primaryKeyOf(tableAfterWorkspace(ctx.state, key) ?? table)) continue;
      const unique = uniqueNotNullKey(model, key, table);
      const name = `\`${table.name}\``;
      if (unique) {
        const columns = unique.map((column) => `\`${column}\``).join(', ');
        ctx.report({
          range: table.definedAt.range,
          severity: 'info',
          message: mysql
            ? `Table ${name} has no primary key, only a UNIQUE key over NOT NULL ${columns}: InnoDB clusters the rows on that key only while it stays unique and NOT NULL, and tools and ORMs that look for a PRIMARY KEY do not see it`
            : `Table ${name} has no primary key, only a UNIQUE key over NOT NULL ${columns}: logical replication cannot publish its UPDATEs and DELETEs until REPLICA IDENTITY USING INDEX names that key`,
          help: mysql
            ? `Declare ${columns} as the PRIMARY KEY instead: the same index, stated where tools and ORMs look for it`
            : `Make ${columns} the primary key (ADD PRIMARY KEY USING INDEX on the unique index), which row-based replication tools and ORMs pick up without extra setup`,
        });
        continue;
      }
      ctx.report({
        range: table.definedAt.range,
        message: mysql
          ? `Table ${name} has no primary key: InnoDB clusters its rows on a hidden 6-byte row id, replicas applying row-based events must scan the table to find each changed row, and gh-ost and pt-online-schema-change refuse to alter it`
          : `Table ${name} has no primary key: nothing identifies a row, duplicates go unnoticed, and logical replication (and row-based tools such as Debezium or pglogical) cannot publish its UPDATEs and DELETEs`,
        help: mysql
          ? 'Add a primary key: a BIGINT UNSIGNED AUTO_INCREMENT column, or the natural key (for a join table, its foreign key columns)'
          : 'Add a primary key: an identity or uuid column, or the natural key (for a join table, its foreign key columns)',
      });
    }
  },
});
