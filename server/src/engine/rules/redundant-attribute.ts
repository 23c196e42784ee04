// redundant-attribute: a column this file added copies an attribute of a row the table already
// references (`orders.customer_name` next to `orders.customer_id → customers.name`), a transitive
// dependency third normal form removes. Judged on the final model's foreign keys.
import { columnOf, type SchemaColumn, type SchemaTable } from '../schema/model';
import { normalizedName, referenceStem, tablesWithColumnsAddedHere, typeFamily } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** Attributes whose copies are not redundant: the key itself, and bookkeeping every table has. */
const ignoredAttributes = new Set(['id', 'createdat', 'updatedat', 'deletedat', 'version']);

interface Copy {
  readonly column: SchemaColumn;
  readonly reference: SchemaColumn;
  readonly target: SchemaTable;
  readonly attribute: SchemaColumn;
}

/** Columns of `table` named `<stem>_<attribute>` / `<stem><Attribute>` for a foreign key column `<stem>_id`, with `<attribute>` in the referenced table. */
function copies(table: SchemaTable, tables: ReadonlyMap<string, SchemaTable>): Copy[] {
  const found: Copy[] = [];
  for (const foreignKey of table.foreignKeys) {
    const referenceName = foreignKey.columns.length === 1 ? foreignKey.columns[0] : undefined;
    const reference = referenceName === undefined ? undefined : columnOf(table, referenceName);
    const stem = reference === undefined ? undefined : referenceStem(reference.name);
    const target = tables.get(foreignKey.referencedTable);
    if (!reference || stem === undefined || !target || target.kind !== 'table') continue;
    for (const column of table.columns) {
      if (column === reference || !column.name.toLowerCase().startsWith(stem.toLowerCase())) continue;
      // `<stem>_<attribute>` in snake case, `<stem><Attribute>` in camelCase: the stem ends at a word boundary.
      const rest = column.name.slice(stem.length);
      if (!/^(_[A-Za-z0-9]|[A-Z])/.test(rest)) continue;
      const attributeName = normalizedName(rest);
      if (ignoredAttributes.has(attributeName) || referenceStem(column.name) !== undefined) continue;
      const attribute = target.columns.find((candidate) => normalizedName(candidate.name) === attributeName);
      if (!attribute || typeFamily(attribute.type) !== typeFamily(column.type)) continue;
      found.push({ column, reference, target, attribute });
    }
  }
  return found;
}

export const redundantAttribute = defineRule({
  meta: {
    id: 'redundant-attribute',
    title: 'Do not copy attributes of referenced rows',
    category: 'design',
    severity: 'hint',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A column such as `orders.customer_name` next to `orders.customer_id → customers` holds a fact that belongs to the customer, a transitive dependency that third normal form removes. When the customer is renamed, every copy must be updated too, or the two disagree; nothing in the database keeps them in step.',
      safeWay: 'Read the attribute through the reference (`JOIN customers ON customers.id = orders.customer_id`), in a view if it is needed often. When the copy is deliberate, a snapshot of the value at the time the row was written (the name printed on an invoice), a name saying so, such as `customer_name_at_order`, documents the intent. The rule reports columns named `<x>_<attribute>` (or `<x><Attribute>`) in a table whose `<x>_id` column has a foreign key to a table with an `<attribute>` column of the same kind of type.',
      bad: 'CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), customer_name text NOT NULL);',
      good: 'CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));',
    },
  },
  check() {
    // Judged at the end of the unit, when every foreign key of the file is in the model.
  },
  checkEnd(ctx) {
    const tables = ctx.state.schema.tables;
    for (const { table, columns } of tablesWithColumnsAddedHere(ctx.state)) {
      if (table.foreignKeys.length === 0) continue;
      const addedHere = new Set(columns);
      const reported = new Set<SchemaColumn>();
      for (const copy of copies(table, tables)) {
        if (!addedHere.has(copy.column) || reported.has(copy.column)) continue;
        reported.add(copy.column);
        const camel = !copy.column.name.includes('_') && /[A-Z]/.test(copy.column.name);
        const snapshot = camel ? `${copy.column.name}Snapshot` : `${copy.column.name}_snapshot`;
        ctx.report({
          range: copy.column.definedAt.range,
          message: `\`${table.name}\`.\`${copy.column.name}\` repeats \`${copy.target.name}\`.\`${copy.attribute.name}\` of the row \`${copy.reference.name}\` references: when that changes, this copy goes stale unless every writer updates both`,
          help: `Read \`${copy.attribute.name}\` through \`${copy.reference.name}\` with a join (or a view); if the copy is a deliberate snapshot, a name such as \`${snapshot}\` says so`,
        });
      }
    }
  },
});
