// fk-type-mismatch: a foreign key column whose type differs from the referenced column's. Judged at
// the end of the unit on the model, for keys this file adds and columns it changes.
import type { TypeName } from '../model';
import { columnOf, qualifiedKey, type ColumnType, type SchemaModel, type SchemaTable } from '../schema/model';
import { fix, replace } from './lib/edits';
import { displayType } from './lib/type-helpers';
import { defineRule } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

function sameType(a: ColumnType, b: ColumnType): boolean {
  return a.canonical === b.canonical && a.isArray === b.isArray && a.modifiers.length === b.modifiers.length && a.modifiers.every((value, index) => value === b.modifiers[index]);
}

const label = (type: ColumnType): string => displayType(type);

/** Types written in this unit's column definitions, by table key and column: where a fix can rewrite them. */
const writtenTypes = unitMemory(() => new Map<string, TypeName>());

const columnKey = (table: string, column: string): string => `${table}\u0000${column}`;

interface Mismatch {
  readonly column: string;
  readonly type: ColumnType;
  readonly referenced: string;
  readonly referencedType: ColumnType;
}

function mismatches(model: SchemaModel, table: SchemaTable, columns: readonly string[], referencedKey: string, referencedColumns: readonly string[]): Mismatch[] {
  const referenced = model.tables.get(referencedKey);
  if (!referenced) return [];
  return columns.flatMap((name, index) => {
    const column = columnOf(table, name);
    const target = columnOf(referenced, referencedColumns[index] ?? '');
    return column && target && !sameType(column.type, target.type) ? [{ column: name, type: column.type, referenced: `${referenced.name}.${target.name}`, referencedType: target.type }] : [];
  });
}

export const fkTypeMismatch = defineRule({
  meta: {
    id: 'fk-type-mismatch',
    title: 'Foreign key column type differs from the referenced column',
    category: 'constraints',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {},
    fix: 'safe',
    docs: {
      why: 'A foreign key between different types works only as long as the values fit both: an `integer` column referencing a `bigint` key fails with "integer out of range" the day the parent\'s ids pass 2³¹, usually years later and in production; a `varchar(50)` referencing a `varchar(100)` rejects longer keys. Comparisons across types also need casts that can keep the planner from using an index on the join.',
      safeWay: 'Declare the referencing column with exactly the referenced column\'s type (`bigint` for a `bigint`/`bigserial`/identity key, the same varchar length). Fixing it later means `ALTER COLUMN … TYPE`, which rewrites the child table under an ACCESS EXCLUSIVE lock.',
      bad: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id integer REFERENCES accounts (id));\nCREATE INDEX invoices_account_id_idx ON invoices (account_id);',
      good: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));\nCREATE INDEX invoices_account_id_idx ON invoices (account_id);',
    },
  },
  check(ctx, stmt) {
    const written = writtenTypes(ctx);
    if (stmt.kind === 'create-table') {
      const key = qualifiedKey(stmt.table.schema, stmt.table.name);
      for (const column of stmt.columns) written.set(columnKey(key, column.name), column.type);
    } else if (stmt.kind === 'alter-table') {
      const key = qualifiedKey(stmt.table.schema, stmt.table.name);
      for (const action of stmt.actions) if (action.kind === 'add-column') written.set(columnKey(key, action.column.name), action.column.type);
    }
  },
  checkEnd(ctx) {
    if (ctx.state.reverting) return;
    const model = ctx.state.schema;
    const path = ctx.state.path;
    for (const [key, table] of model.tables) {
      for (const foreignKey of table.foreignKeys) {
        const found = mismatches(model, table, foreignKey.columns, foreignKey.referencedTable, foreignKey.referencedColumns);
        for (const mismatch of found) {
          const column = columnOf(table, mismatch.column);
          const inThisFile = foreignKey.definedAt.path === path ? foreignKey.definedAt : column?.changedAt.path === path ? column.changedAt : undefined;
          if (!inThisFile) continue;
          const typeWritten = writtenTypes(ctx).get(columnKey(key, mismatch.column));
          const wanted = label(mismatch.referencedType);
          ctx.report({
            range: inThisFile.range,
            message: `\`${table.name}.${mismatch.column}\` is ${label(mismatch.type)} but references \`${mismatch.referenced}\`, which is ${wanted}: values that fit the key may not fit the column, and joins need a cast`,
            help: `Declare \`${mismatch.column}\` as ${wanted}`,
            fixes: typeWritten ? [fix(`Declare ${mismatch.column} as ${wanted}`, 'safe', [replace(typeWritten.range, wanted)])] : [],
          });
        }
      }
    }
  },
});
