// foreign-key-without-index: PostgreSQL indexes the referenced key but never the referencing
// columns. Judged at the end of the unit on the schema model, so an index created later in the same
// migration counts, and one created by an earlier migration or a later one of the workspace too.
import { qualifiedKey, type SchemaForeignKey, type SchemaIndex, type SchemaTable } from '../schema/model';
import { createIndexStatement, indexNameFor } from '../schema/add-index';
import type { Fix } from '../model';
import { fix } from './lib/edits';
import { appendAfter, quoteName } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';
import { statementAt, unitMemory, type SeenStatement } from './lib/unit-memory';

/** An index serves the key's lookups when its leading columns are exactly the key's columns, in any order, and it covers every row. */
export function indexServes(index: SchemaIndex, columns: readonly string[]): boolean {
  if (index.predicate !== undefined || (index.method !== 'btree' && index.method !== 'hash') || index.elements.length < columns.length) return false;
  if (index.method === 'hash' && columns.length !== 1) return false;
  const leading = new Set(index.elements.slice(0, columns.length).map((element) => element.column));
  return columns.every((column) => leading.has(column));
}

const seenStatements = unitMemory<SeenStatement[]>(() => []);

function addIndexFixes(ctx: RuleContext, table: SchemaTable, foreignKey: SchemaForeignKey): Fix[] {
  const name = indexNameFor(ctx.state.schema, table, foreignKey.columns);
  const fixes: Fix[] = [];
  const statement = statementAt(seenStatements(ctx), foreignKey.definedAt.range.start);
  const isNew = ctx.state.newTables.has(qualifiedKey(table.schema, table.name));
  // CREATE INDEX CONCURRENTLY cannot run inside a transaction: then only a new migration can hold it.
  if (statement && (isNew || !statement.inTransaction)) {
    const sql = createIndexStatement(table, foreignKey.columns, name, !isNew);
    fixes.push(fix(`Add index ${name} after this statement`, 'safe', [appendAfter(ctx, statement, [sql])]));
  }
  const concurrent = createIndexStatement(table, foreignKey.columns, name, true);
  fixes.push({ title: `Add index ${name} in a new migration`, safety: 'safe', edits: [], newMigration: { description: `add_${name}`, text: `${concurrent};\n`, revert: `DROP INDEX CONCURRENTLY IF EXISTS ${quoteName(name)};\n` } });
  return fixes;
}

export const foreignKeyWithoutIndex = defineRule({
  meta: {
    id: 'foreign-key-without-index',
    title: 'Foreign key without an index on its columns',
    category: 'indexes',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {},
    fix: 'safe',
    docs: {
      why: 'PostgreSQL indexes the referenced key (it must be a primary key or unique) but not the referencing columns. Every DELETE of a parent row, and every UPDATE of its key, then scans the whole child table to check for references, under locks; joins from parent to child scan it too. On a large child table that turns a one-row delete into seconds of work, repeated for every row.',
      safeWay: 'Index the foreign key columns (an index whose leading columns are the key\'s columns, in any order, without a WHERE clause). On an existing table build it with `CREATE INDEX CONCURRENTLY`, outside a transaction — in a migration of its own when the tool wraps migrations in transactions; on a table created in the same migration a plain `CREATE INDEX` is fine. sqlsight judges the file as a whole, so an index created further down the same migration counts.',
      bad: 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));',
      good: 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);',
    },
  },
  check(ctx, stmt) {
    seenStatements(ctx).push({ range: stmt.range, inTransaction: ctx.state.inTransaction });
  },
  checkEnd(ctx) {
    if (ctx.state.reverting) return;
    const model = ctx.state.schema;
    for (const [key, table] of model.tables) {
      if (table.kind !== 'table') continue;
      for (const foreignKey of table.foreignKeys) {
        if (foreignKey.definedAt.path !== ctx.state.path || foreignKey.columns.length === 0) continue;
        if (model.indexesOn(key).some((index) => indexServes(index, foreignKey.columns))) continue;
        // A later migration of the workspace may add the index (the new-migration fix does).
        if (ctx.state.laterSchema?.().indexesOn(key).some((index) => indexServes(index, foreignKey.columns))) continue;
        const columns = foreignKey.columns.join(', ');
        const parent = model.tables.get(foreignKey.referencedTable)?.name ?? foreignKey.referencedTable;
        ctx.report({
          range: foreignKey.definedAt.range,
          message: `No index on \`${table.name}\` (${columns}) serves the foreign key \`${foreignKey.name}\`: every DELETE from \`${parent}\`, or change of its key, scans \`${table.name}\`, and joins between them scan it too`,
          help: `Index ${table.name} (${columns}); on a table that already holds rows, build it CONCURRENTLY outside a transaction`,
          fixes: addIndexFixes(ctx, table, foreignKey),
        });
      }
    }
  },
});
