// missing-foreign-key: a column this file added is named like a reference (`user_id`, `authorId`)
// to a table the model holds, yet no foreign key covers it when the file ends. Judged on the final
// model, so a FOREIGN KEY added by a later ALTER TABLE in the file counts. Quiet when the target
// table is unknown, has no single-column primary key, or keys a type the column cannot reference.
import type { AnalysisState } from '../analysis/state';
import type { Fix } from '../model';
import { columnOf, primaryKeyOf, qualifiedKey, type Origin, type SchemaColumn, type SchemaModel, type SchemaTable } from '../schema/model';
import { fix, insertAt, qualifiedIdentifier, qualifiedIdentifierIn, quoteIdentifier, quoteIdentifierIn } from './lib/edits';
import {
  appendedElement,
  enforcesForeignKeys,
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
import { defineRule, type RuleContext } from './lib/rule';
import { mysqlForeignKeyConflict } from './lib/type-helpers';
import { unitMemory } from './lib/unit-memory';

/** This unit's MySQL CREATE TABLEs: where a table-level FOREIGN KEY goes, by table key. */
const createTableEnds = unitMemory(() => new Map<string, { readonly insertAt: number; readonly separator: string }>());

/** Columns whose inline REFERENCES MySQL ignored (mysql-inline-references reports them), by table key and column. */
const ignoredReferences = unitMemory(() => new Set<string>());

const columnKey = (table: string, column: string): string => `${table}\u0000${column}`;

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

/**
 * The foreign key to add, as help and (where the column is defined in this file) a fix. PostgreSQL
 * takes `REFERENCES` on the column; MySQL before 9.0 ignores that form (MariaDB honours it from
 * 10.5), so there the fix adds a table-level FOREIGN KEY after the CREATE TABLE's last element.
 */
function foreignKeySuggestion(ctx: RuleContext, key: string, column: SchemaColumn, target: SchemaTable, referenced: SchemaColumn, canFix: boolean): { readonly help: string; readonly fixes: Fix[] } {
  const model: SchemaModel = ctx.state.schema;
  if (model.dialect === 'postgres') {
    const reference = ` REFERENCES ${qualifiedIdentifier(target)} (${quoteIdentifier(referenced.name)})`;
    return {
      help: `Add a foreign key (${reference.trim()}); on a table that already holds rows, add it NOT VALID and VALIDATE it in a later transaction`,
      fixes: canFix ? [fix(`Add${reference}`, 'review', [insertAt(column.definedAt.range.end, reference)])] : [],
    };
  }
  const quote = (name: string): string => quoteIdentifierIn(model.dialect, name);
  const clause = `FOREIGN KEY (${quote(column.name)}) REFERENCES ${qualifiedIdentifierIn(model.dialect, target)} (${quote(referenced.name)})`;
  const end = createTableEnds(ctx).get(key);
  // A foreign key between an INT and a BIGINT, or across character sets, is refused: no fix adds one.
  const compatible = mysqlForeignKeyConflict(column, referenced) === undefined;
  return {
    help: `Add a foreign key (${clause}); on a table that already holds rows, MySQL copies the table to add it unless foreign_key_checks is off, which skips checking the existing rows`,
    fixes: canFix && end && compatible ? [fix(`Add ${clause}`, 'review', [insertAt(end.insertAt, `${end.separator}${clause}`)])] : [],
  };
}

export const missingForeignKey = defineRule({
  meta: {
    id: 'missing-foreign-key',
    title: 'Back reference columns with a foreign key',
    category: 'design',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A column named `user_id` next to a `users` table reads as a reference, but without a foreign key the database does not check it: rows can point at users that never existed, and deleting a user leaves orphans behind that joins silently drop. Application checks race with concurrent deletes; only the constraint closes the gap.',
      safeWay: 'Declare the foreign key (`REFERENCES users (id)`), choosing ON DELETE deliberately, and index the column if the referenced rows are deleted or joined often. On a table that already holds rows, add it `NOT VALID` and `VALIDATE CONSTRAINT` in a later transaction. The rule matches `<table>_id` and camelCase `<table>Id` columns against singular and plural table names of the schema model, judges the file\'s final state (a foreign key added later in the file counts), and stays quiet for a table\'s own single-column primary key and when the referenced table is not known. The fix adds `REFERENCES` to a column of a table created in the file when the referenced table and key exist by then. If a column is deliberately not a reference (an id in another system), a name such as `stripe_customer_ref` avoids the confusion.',
      bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);',
      good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));',
    },
  },
  check(ctx, stmt) {
    // Judged at the end of the unit, when every foreign key of the file is in the model; MySQL
    // CREATE TABLEs are remembered for the fix and the inline REFERENCES the server ignores.
    if (stmt.dialect === 'postgres') return;
    const key = stmt.kind === 'create-table' || stmt.kind === 'alter-table' ? qualifiedKey(stmt.table.schema, stmt.table.name) : undefined;
    if (stmt.kind === 'create-table' && key) {
      const end = appendedElement(ctx.text, stmt);
      if (end) createTableEnds(ctx).set(key, end);
    }
    const columns = stmt.kind === 'create-table' ? stmt.columns : stmt.kind === 'alter-table' ? stmt.actions.flatMap((action) => (action.kind === 'add-column' ? [action.column] : action.kind === 'change-column' ? [action.definition] : [])) : [];
    for (const column of columns) if (key && column.ignoredReferences) ignoredReferences(ctx).add(columnKey(key, column.name));
  },
  checkEnd(ctx) {
    const state = ctx.state;
    let index: Map<string, TableEntry[]> | undefined;
    for (const { key, table, columns, createdHere } of tablesWithColumnsAddedHere(state)) {
      if (!enforcesForeignKeys(state.schema, table)) continue;
      for (const column of columns) {
        const stem = referenceStem(column.name);
        if (stem === undefined || column.type.isArray || column.generated !== undefined) continue;
        if (hasForeignKeyOn(table, column.name) || isSolePrimaryKey(table, column.name) || ignoredReferences(ctx).has(columnKey(key, column.name))) continue;
        const later = tableAfterWorkspace(state, key);
        if (later && hasForeignKeyOn(later, column.name)) continue;
        index ??= tablesByName(state.schema);
        const target = tableNamedBy(index, stem, table.schema);
        // A column named after its own table is its identifier, not a reference.
        if (!target || target.key === key) continue;
        // A table a later migration drops (moved to another store) can no longer be referenced.
        if (state.laterSchema && !tableAfterWorkspace(state, target.key)) continue;
        const referenced = keyColumn(target.table);
        if (!referenced || typeFamily(referenced.type) !== typeFamily(column.type) || !enforcesForeignKeys(state.schema, target.table)) continue;
        const targetKey = primaryKeyOf(target.table);
        const canFix =
          createdHere &&
          targetKey !== undefined &&
          existsBefore(state, target.table.definedAt, column.definedAt.range.start) &&
          existsBefore(state, targetKey.definedAt, column.definedAt.range.start);
        const suggestion = foreignKeySuggestion(ctx, key, column, target.table, referenced, canFix);
        ctx.report({
          range: column.definedAt.range,
          message: `\`${table.name}\`.\`${column.name}\` looks like a reference to \`${target.table.name}\`.\`${referenced.name}\`, but no foreign key links them: it can hold ids of rows that do not exist or were deleted`,
          help: suggestion.help,
          fixes: suggestion.fixes,
        });
      }
    }
  },
});
