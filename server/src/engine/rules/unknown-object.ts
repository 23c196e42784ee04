// unknown-object: a DDL statement naming a table or column that does not exist at that point of the
// workspace's migrations. Only with a complete workspace model (every earlier migration replayed),
// never for a schema the migrations do not manage, and never for a name that a statement the model
// cannot follow (a DO block, a function, a template) mentions: that statement may have created it.
import { closestMatch } from '../did-you-mean';
import type { ObjectName, Statement, TextRange } from '../model';
import { qualifiedKey, type SchemaModel, type SchemaTable } from '../schema/model';
import { quoteMysqlName } from '../schema/mysql-identifiers';
import { fix, replace } from './lib/edits';
import { quoteName } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

/** Temporary tables of the unit: real for its session, never part of the model. */
const temporaryTables = unitMemory(() => new Set<string>());

/** Whether the migrations manage the name's schema: created it, or hold a table in it. */
function managedSchema(model: SchemaModel, schema: string | undefined): boolean {
  if (schema === undefined || schema === 'public' || model.schemas.has(schema)) return true;
  for (const table of model.tables.values()) if (table.schema === schema) return true;
  return false;
}

function tableNames(model: SchemaModel, schema: string | undefined): string[] {
  const names: string[] = [];
  for (const table of model.tables.values()) if ((table.schema ?? 'public') === (schema ?? 'public')) names.push(table.name);
  return names;
}

/** The table, or undefined after reporting it unknown (or when it cannot be judged). */
function knownTable(ctx: RuleContext, name: ObjectName, what = 'table'): SchemaTable | undefined {
  const model = ctx.state.schema;
  const table = model.tables.get(qualifiedKey(name.schema, name.name));
  if (table) return table;
  if (temporaryTables(ctx).has(qualifiedKey(name.schema, name.name)) || !managedSchema(model, name.schema) || model.mentionedOpaquely(name.name)) return undefined;
  const suggestion = closestMatch(name.name, tableNames(model, name.schema));
  const quote = model.dialect === 'postgres' ? quoteName : quoteMysqlName;
  const schemaPrefix = name.schema && name.schema !== 'public' ? `${quote(name.schema)}.` : '';
  ctx.report({
    range: name.range,
    message: `No ${what} \`${name.name}\` exists at this point of the migrations${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
    help: suggestion ? `Name \`${suggestion}\`, or create \`${name.name}\` in an earlier migration` : `Create \`${name.name}\` in an earlier migration, or fix the name`,
    fixes: suggestion ? [fix(`Change to ${suggestion}`, 'review', [replace(name.range, `${schemaPrefix}${quote(suggestion)}`)])] : [],
  });
  return undefined;
}

function checkColumn(ctx: RuleContext, table: SchemaTable, column: string, range: TextRange): void {
  if (table.columnsIncomplete || table.columns.some((existing) => existing.name === column) || ctx.state.schema.mentionedOpaquely(column)) return;
  const suggestion = closestMatch(column, table.columns.map((existing) => existing.name));
  ctx.report({
    range,
    message: `\`${table.name}\` has no column \`${column}\` at this point of the migrations${suggestion ? `: did you mean \`${suggestion}\`?` : ''}`,
    help: suggestion ? `Name \`${suggestion}\`, or add \`${column}\` in an earlier migration` : `Add \`${column}\` in an earlier migration, or fix the name`,
  });
}

/** A placeholder column for a name the statement adds (only its name is read). */
function columnDefinitionOf(table: SchemaTable, name: string): SchemaTable['columns'][number] {
  const origin = table.changedAt;
  return { name, type: { canonical: 'unknown', modifiers: [], isArray: false }, notNull: false, default: undefined, identity: false, generated: undefined, definedAt: origin, changedAt: origin };
}

function checkAlterTable(ctx: RuleContext, stmt: Extract<Statement, { kind: 'alter-table' }>): void {
  if (stmt.ifExists) return;
  const known = knownTable(ctx, stmt.table);
  if (!known) return;
  // Columns added by this same statement exist for its later actions.
  const added = stmt.actions.flatMap((other) => (other.kind === 'add-column' ? [columnDefinitionOf(known, other.column.name)] : []));
  const table: SchemaTable = added.length === 0 ? known : { ...known, columns: [...known.columns, ...added] };
  for (const action of stmt.actions) {
    switch (action.kind) {
      case 'drop-column':
        if (!action.ifExists) checkColumn(ctx, table, action.column, action.range);
        break;
      case 'alter-column-type':
      case 'set-not-null':
      case 'drop-not-null':
      case 'set-default':
      case 'drop-default':
        checkColumn(ctx, table, action.column, action.range);
        break;
      case 'rename-column':
        checkColumn(ctx, table, action.from, action.range);
        break;
      // MySQL/MariaDB CHANGE / MODIFY redefine a column that must exist; ADD INDEX names columns.
      case 'change-column':
        checkColumn(ctx, table, action.column, action.range);
        break;
      case 'add-index':
        for (const element of action.index.elements) if (element.column !== undefined) checkColumn(ctx, table, element.column, action.range);
        break;
      case 'add-constraint': {
        const { constraint } = action;
        for (const column of constraint.columns) checkColumn(ctx, table, column, action.range);
        if (constraint.references) checkReference(ctx, constraint.references.table, constraint.references.columns, stmt.table, action.range);
        break;
      }
      default:
        break;
    }
  }
}

function checkReference(ctx: RuleContext, target: ObjectName, columns: readonly string[], self: ObjectName, range: TextRange): void {
  if (qualifiedKey(target.schema, target.name) === qualifiedKey(self.schema, self.name)) return;
  const table = knownTable(ctx, target);
  if (table) for (const column of columns) checkColumn(ctx, table, column, range);
}

export const unknownObject = defineRule({
  meta: {
    id: 'unknown-object',
    title: 'DDL names a table or column that does not exist',
    category: 'parsing',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A migration that alters, indexes or references a table or column that the earlier migrations never created fails when it runs — in CI at best, during a deploy at worst — and a typo in a name is the usual cause. sqlsight replays the workspace\'s migrations in order, so it knows what exists before each file. It stays quiet for schemas the migrations do not manage (an `auth` schema the platform creates) and for names that a DO block, a function or a template mentions, since those may create objects it cannot follow. Outside a workspace (a single file) the rule is off.',
      safeWay: 'Name an object an earlier migration created (the message suggests the closest name), or create it first.',
      bad: 'CREATE TABLE customers (id bigint PRIMARY KEY, email text);\nCREATE INDEX customers_email_idx ON customer (email);',
      good: 'CREATE TABLE customers (id bigint PRIMARY KEY, email text);\nCREATE INDEX customers_email_idx ON customers (email);',
    },
  },
  check(ctx, stmt) {
    if (!ctx.state.schemaComplete || ctx.state.reverting) return;
    switch (stmt.kind) {
      case 'alter-table':
        checkAlterTable(ctx, stmt);
        return;
      case 'create-index': {
        const table = knownTable(ctx, stmt.table);
        if (table) for (const element of stmt.elements) if (element.column !== undefined) checkColumn(ctx, table, element.column, stmt.range);
        return;
      }
      case 'create-table':
        if (stmt.temporary) temporaryTables(ctx).add(qualifiedKey(stmt.table.schema, stmt.table.name));
        for (const constraint of [...stmt.constraints, ...stmt.columns.flatMap((column) => column.constraints)]) {
          if (constraint.references) checkReference(ctx, constraint.references.table, constraint.references.columns, stmt.table, constraint.range);
        }
        return;
      case 'drop':
        if (stmt.ifExists || (stmt.objectKind !== 'table' && stmt.objectKind !== 'view' && stmt.objectKind !== 'materialized-view')) return;
        for (const name of stmt.names) knownTable(ctx, name, stmt.objectKind.replace('-', ' '));
        return;
      default:
        return;
    }
  },
});
