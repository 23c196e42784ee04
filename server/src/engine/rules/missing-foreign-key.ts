// missing-foreign-key: a column this file added is named like a reference (`user_id`, `authorId`)
// to a table the model holds, yet no foreign key covers it when the file ends. Judged on the final
// model, so a FOREIGN KEY added by a later ALTER TABLE in the file counts. Quiet when the target
// table is unknown, has no single-column primary key, or keys a type the column cannot reference.
import type { AnalysisState } from '../analysis/state';
import { columnOf, primaryKeyOf, type Origin, type SchemaColumn, type SchemaTable } from '../schema/model';
import { fix, insertAt, qualifiedIdentifier, quoteIdentifier } from './lib/edits';
import {
  hasForeignKeyOn,
  isSolePrimaryKey,
  referenceStem,
  tableAfterWorkspace,
  tableNamedBy,
  tablesByName,
  tablesWithColumnsAddedHere,
  typeFamily,
  type TableEntry,
} from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** The referenced table's key column: its single-column primary key. */
function keyColumn(target: SchemaTable): SchemaColumn | undefined {
  const key = primaryKeyOf(target);
  const name = key?.columns.length === 1 ? key.columns[0] : undefined;
  return name === undefined ? undefined : columnOf(target, name);
}

/** Whether an object existed when the text at `offset` of this file runs: defined by an earlier file, or earlier in this one. */
function existsBefore(state: AnalysisState, origin: Origin, offset: number): boolean {
  return origin.path !== state.path || origin.range.end <= offset;
}

export const missingForeignKey = defineRule({
  meta: {
    id: 'missing-foreign-key',
    title: 'Back reference columns with a foreign key',
    category: 'design',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A column named `user_id` next to a `users` table reads as a reference, but without a foreign key the database does not check it: rows can point at users that never existed, and deleting a user leaves orphans behind that joins silently drop. Application checks race with concurrent deletes; only the constraint closes the gap.',
      safeWay: 'Declare the foreign key (`REFERENCES users (id)`), choosing ON DELETE deliberately, and index the column if the referenced rows are deleted or joined often. On a table that already holds rows, add it `NOT VALID` and `VALIDATE CONSTRAINT` in a later transaction. The rule matches `<table>_id` and camelCase `<table>Id` columns against singular and plural table names of the schema model, judges the file\'s final state (a foreign key added later in the file counts), and stays quiet for a table\'s own single-column primary key and when the referenced table is not known. The fix adds `REFERENCES` to a column of a table created in the file when the referenced table and key exist by then. If a column is deliberately not a reference (an id in another system), a name such as `stripe_customer_ref` avoids the confusion.',
      bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);',
      good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));',
    },
  },
  check() {
    // Judged at the end of the unit, when every foreign key of the file is in the model.
  },
  checkEnd(ctx) {
    const state = ctx.state;
    let index: Map<string, TableEntry[]> | undefined;
    for (const { key, table, columns, createdHere } of tablesWithColumnsAddedHere(state)) {
      for (const column of columns) {
        const stem = referenceStem(column.name);
        if (stem === undefined || column.type.isArray || column.generated !== undefined) continue;
        if (hasForeignKeyOn(table, column.name) || isSolePrimaryKey(table, column.name)) continue;
        const later = tableAfterWorkspace(state, key);
        if (later && hasForeignKeyOn(later, column.name)) continue;
        index ??= tablesByName(state.schema);
        const target = tableNamedBy(index, stem, table.schema);
        // A column named after its own table is its identifier, not a reference.
        if (!target || target.key === key) continue;
        // A table a later migration drops (moved to another store) can no longer be referenced.
        if (state.laterSchema && !tableAfterWorkspace(state, target.key)) continue;
        const referenced = keyColumn(target.table);
        if (!referenced || typeFamily(referenced.type) !== typeFamily(column.type)) continue;
        const targetName = qualifiedIdentifier(target.table);
        const reference = ` REFERENCES ${targetName} (${quoteIdentifier(referenced.name)})`;
        const targetKey = primaryKeyOf(target.table);
        const canFix =
          createdHere &&
          targetKey !== undefined &&
          existsBefore(state, target.table.definedAt, column.definedAt.range.start) &&
          existsBefore(state, targetKey.definedAt, column.definedAt.range.start);
        ctx.report({
          range: column.definedAt.range,
          message: `\`${table.name}\`.\`${column.name}\` looks like a reference to \`${target.table.name}\`.\`${referenced.name}\`, but no foreign key links them: it can hold ids of rows that do not exist or were deleted`,
          help: `Add a foreign key (${reference.trim()}); on a table that already holds rows, add it NOT VALID and VALIDATE it in a later transaction`,
          fixes: canFix ? [fix(`Add${reference}`, 'review', [insertAt(column.definedAt.range.end, reference)])] : [],
        });
      }
    }
  },
});
