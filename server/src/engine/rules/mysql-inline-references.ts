// mysql-inline-references: `col INT REFERENCES t (c)` in a MySQL/MariaDB column definition, on a
// server that parses the clause and ignores it (MySQL before 9.0, MariaDB before 10.5): no foreign
// key exists. The lowering decides per dialect and version (`ColumnDefinition.ignoredReferences`);
// this rule only reports what it recorded and moves the clause to the table-level form.
import type { ColumnDefinition, Fix, ObjectName, StatementOf, TextEdit, TextRange } from '../model';
import { fix, indentationAt, insertAt, newlineOf, replace } from './lib/edits';
import { defineRule, type RuleContext } from './lib/rule';

type IgnoredReferences = NonNullable<ColumnDefinition['ignoredReferences']>;

/** The server releases that honour the clause, for messages. */
function honouredFrom(ctx: RuleContext): string {
  return ctx.settings.dialect === 'mariadb' ? 'MariaDB before 10.5' : 'MySQL before 9.0';
}

/** Deletes the clause with the spaces before it on its line (a line break stays: a `--` comment may end there). */
function removeClause(text: string, range: TextRange): TextEdit {
  let start = range.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return replace({ start, end: range.end }, '');
}

/** `FOREIGN KEY (col) REFERENCES t (c) …`: the column and the clause as written. */
function tableLevelForeignKey(text: string, column: ColumnDefinition, references: IgnoredReferences): string {
  const name = text.slice(column.nameRange.start, column.nameRange.end);
  return `FOREIGN KEY (${name}) ${text.slice(references.range.start, references.range.end)}`;
}

/** After the last element of the CREATE TABLE list, on its own line when the elements are. */
function createTableFix(ctx: RuleContext, stmt: StatementOf<'create-table'>, column: ColumnDefinition, references: IgnoredReferences): Fix | undefined {
  const elements = [...stmt.columns, ...stmt.constraints, ...(stmt.indexes ?? [])];
  const last = elements.reduce<{ range: TextRange } | undefined>((latest, element) => (!latest || element.range.end > latest.range.end ? element : latest), undefined);
  const firstColumn = stmt.columns[0];
  if (!last || !firstColumn) return undefined;
  const multiline = ctx.text.slice(firstColumn.range.start, last.range.end).includes('\n');
  const separator = multiline ? `,${newlineOf(ctx.text)}${indentationAt(ctx.text, last.range.start)}` : ', ';
  return fix('Declare the foreign key at table level', 'review', [
    removeClause(ctx.text, references.range),
    insertAt(last.range.end, `${separator}${tableLevelForeignKey(ctx.text, column, references)}`),
  ]);
}

/** `, ADD FOREIGN KEY (col) REFERENCES …` after the action; for `ADD (a …, b …)` after the statement's last clause. */
function alterTableFix(ctx: RuleContext, insertAfter: number | undefined, column: ColumnDefinition, references: IgnoredReferences): Fix | undefined {
  if (insertAfter === undefined) return undefined;
  return fix('Add the foreign key with ADD FOREIGN KEY', 'review', [
    removeClause(ctx.text, references.range),
    insertAt(insertAfter, `, ADD ${tableLevelForeignKey(ctx.text, column, references)}`),
  ]);
}

/**
 * The referenced table does not exist yet where the statement runs (the workspace model replayed
 * every earlier migration and this file so far): a real foreign key would be refused ([ran] MariaDB
 * 10.11: errno 150 "Foreign key constraint is incorrectly formed" for a table created later in the
 * file), so no fix is offered. A table referencing itself is fine.
 */
function parentMissing(ctx: RuleContext, table: ObjectName, references: IgnoredReferences): boolean {
  const parent = references.references.table;
  if (parent.name === table.name && (parent.schema ?? table.schema) === table.schema) return false;
  return ctx.state.schemaComplete && ctx.state.schema.table(parent.schema, parent.name) === undefined;
}

function report(ctx: RuleContext, table: ObjectName, column: ColumnDefinition, references: IgnoredReferences, fixed: Fix | undefined): void {
  const parent = references.references.table.name;
  const columns = references.references.columns.length > 0 ? ` (${references.references.columns.join(', ')})` : '';
  const missing = parentMissing(ctx, table, references);
  const order = missing ? `; \`${parent}\` does not exist yet at this point, so add the key once it is created` : '';
  ctx.report({
    range: references.range,
    message: `${honouredFrom(ctx)} parses this inline REFERENCES on \`${table.name}\`.\`${column.name}\` and ignores it: no foreign key is created, so rows may point at \`${parent}\` rows that do not exist`,
    help: `Declare it as a table-level FOREIGN KEY (${column.name}) REFERENCES ${parent}${columns}, which every MySQL and MariaDB version creates${order}`,
    fixes: fixed && !missing ? [fixed] : [],
  });
}

export const mysqlInlineReferences = defineRule({
  meta: {
    id: 'mysql-inline-references',
    title: 'Inline REFERENCES creates no foreign key',
    category: 'constraints',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'MySQL before 9.0 and MariaDB before 10.5 accept `col INT REFERENCES t (c)` inside a column definition and silently ignore it: the statement succeeds, but no foreign key (and no index for it) is created, so nothing stops rows that reference missing parents, and ON DELETE actions never run. MySQL 9.0 and MariaDB 10.5 create the key; the same migration then behaves differently per server.',
      safeWay: 'Declare the key at table level, `FOREIGN KEY (col) REFERENCES t (c)` in CREATE TABLE or `ADD FOREIGN KEY (col) REFERENCES t (c)` in ALTER TABLE: every version creates it. On an existing table adding it copies the table unless `foreign_key_checks` is off (see mysql-add-foreign-key).',
      bad: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id));',
      good: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, FOREIGN KEY (user_id) REFERENCES users (id));',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind === 'create-table') {
      for (const column of stmt.columns) {
        if (column.ignoredReferences) report(ctx, stmt.table, column, column.ignoredReferences, createTableFix(ctx, stmt, column, column.ignoredReferences));
      }
      return;
    }
    if (stmt.kind !== 'alter-table') return;
    // Only ADD COLUMN: REFERENCES in CHANGE/MODIFY is a syntax error (MySQL's grammar has no
    // opt_references there; [ran] MariaDB 10.11 refuses it too), so there is nothing to move.
    for (const action of stmt.actions) {
      if (action.kind !== 'add-column') continue;
      const { column } = action;
      const references = column.ignoredReferences;
      if (!references) continue;
      // `ADD (a …, b …)` gives each column's action the column's own range, inside the parentheses.
      const insideList = action.range.start === column.range.start && action.range.end === column.range.end;
      const insertAfter = insideList ? stmt.onlineDdl?.clausesInsertAt : action.range.end;
      report(ctx, stmt.table, column, references, alterTableFix(ctx, insertAfter, column, references));
    }
  },
});
