// Markdown describing a table or a column from the workspace schema model: columns with types,
// nullability and defaults, keys, indexes, foreign keys in and out, and the migrations that defined
// and last changed it (as links when the caller can place origins in files). Pure text building.
import { displayType, primaryKeyOf, type Origin, type SchemaColumn, type SchemaIndex, type SchemaModel, type SchemaTable } from '../engine';
import { type FoundColumn, type FoundTable } from './schema-context';

/** Renders an origin as a Markdown link (`[V1__init.sql:3](file:///…#L3)`), or undefined when it cannot. */
export type OriginLink = (origin: Origin, object: 'table' | 'column' | 'index') => string | undefined;

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

const kindLabels: Record<SchemaTable['kind'], string> = { table: 'table', view: 'view', 'materialized-view': 'materialized view' };

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function shorten(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function columnList(columns: readonly string[]): string {
  return columns.map(code).join(', ');
}

function indexElements(index: SchemaIndex): string {
  return index.elements.map((element) => (element.column !== undefined ? code(element.column) : code(`(${shorten(element.expression ?? '', 40)})`))).join(', ');
}

function describeIndex(index: SchemaIndex): string {
  const method = index.method && index.method !== 'btree' ? ` ${index.method.toUpperCase()}` : '';
  const unique = index.unique ? ' UNIQUE' : '';
  const predicate = index.predicate ? ` WHERE ${code(shorten(index.predicate, 50))}` : '';
  const backs = index.constraint ? ' (constraint)' : '';
  return `${code(index.name)}${unique}${method} (${indexElements(index)})${predicate}${backs}`;
}

/** NOT NULL, default, identity, generated: the column's facts after its type. */
function columnFacts(column: SchemaColumn): string[] {
  const facts: string[] = [];
  if (column.notNull) facts.push('NOT NULL');
  if (column.identity) facts.push('identity');
  if (column.generated) facts.push(`generated ${column.generated}`);
  if (column.default !== undefined) facts.push(`default ${code(shorten(column.default, 40))}`);
  return facts;
}

function origins(found: FoundTable | FoundColumn, object: 'table' | 'column', link: OriginLink | undefined): string | undefined {
  if (!link) return undefined;
  const item = 'column' in found ? found.column : found.table;
  const defined = link(item.definedAt, object);
  if (!defined) return undefined;
  // A change inside the defining statement (a constraint of CREATE TABLE) is part of the definition.
  const { definedAt, changedAt } = item;
  const laterChange = changedAt.path !== definedAt.path || changedAt.range.start < definedAt.range.start || changedAt.range.start >= definedAt.range.end;
  const changed = laterChange ? link(changedAt, object) : undefined;
  return changed ? `Defined in ${defined} · last changed in ${changed}` : `Defined in ${defined}`;
}

function referencedBy(model: SchemaModel, key: string, column?: string): string[] {
  return model
    .referencesTo(key)
    .filter(({ foreignKey }) => column === undefined || foreignKey.referencedColumns.includes(column))
    .map(({ table, foreignKey }) => `${code(table.name)} (${columnList(foreignKey.columns)}) — ${code(foreignKey.name)}`);
}

/** ` ON DELETE CASCADE`; nothing for the default (NO ACTION). */
function onDelete(action: string | undefined): string {
  return action && action.toLowerCase() !== 'no action' ? ` ON DELETE ${action.toUpperCase()}` : '';
}

function displayName(table: SchemaTable): string {
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}

/** A table, view or materialized view. Without `link`, the origins are left out (completion documentation). */
export function tableMarkdown(found: FoundTable, link?: OriginLink): string {
  const { table, model, key } = found;
  const lines: string[] = [];
  const count = table.columnsIncomplete && table.columns.length === 0 ? '' : ` · ${table.columns.length} column${table.columns.length === 1 ? '' : 's'}${table.columnsIncomplete ? ' known' : ''}`;
  lines.push(`**${kindLabels[table.kind]}** ${code(displayName(table))}${count}`);
  if (table.columns.length > 0) {
    lines.push('', '| column | type | |', '|---|---|---|');
    for (const column of table.columns.slice(0, 60)) {
      const facts = cell(columnFacts(column).join(' · '));
      lines.push(`| ${cell(code(column.name))} | ${cell(displayType(column.type))} |${facts ? ` ${facts} ` : ' '}|`);
    }
    if (table.columns.length > 60) lines.push(`| … ${table.columns.length - 60} more | | |`);
  }
  const sections: string[] = [];
  const primaryKey = primaryKeyOf(table);
  if (primaryKey) sections.push(`**Primary key** ${code(primaryKey.name)} (${columnList(primaryKey.columns)})`);
  const indexes = model.indexesOn(key);
  if (indexes.length > 0) sections.push(`**Indexes**\n${indexes.map((index) => `- ${describeIndex(index)}`).join('\n')}`);
  if (table.foreignKeys.length > 0) {
    const lines = table.foreignKeys.map(
      (foreignKey) =>
        `- (${columnList(foreignKey.columns)}) → ${code(foreignKey.referencedTable)} (${columnList(foreignKey.referencedColumns)})${onDelete(foreignKey.onDelete)} — ${code(foreignKey.name)}${foreignKey.validated ? '' : ' (NOT VALID)'}`,
    );
    sections.push(`**Foreign keys**\n${lines.join('\n')}`);
  }
  const incoming = referencedBy(model, key);
  if (incoming.length > 0) sections.push(`**Referenced by**\n${incoming.map((line) => `- ${line}`).join('\n')}`);
  if (table.kind !== 'table' && table.dependsOn.length > 0) sections.push(`**Reads** ${table.dependsOn.map(code).join(', ')}`);
  const views = model.viewsReading(key);
  if (views.length > 0) sections.push(`**Read by** ${views.map((view) => code(displayName(view))).join(', ')}`);
  if (sections.length > 0) lines.push('', sections.join('\n\n'));
  const where = origins(found, 'table', link);
  if (where) lines.push('', where);
  return lines.join('\n');
}

/** One column: type and facts, the keys and indexes that include it, foreign keys, origins. */
export function columnMarkdown(found: FoundColumn, link?: OriginLink): string {
  const { table, model, key, column } = found;
  const lines = [`**column** ${code(`${displayName(table)}.${column.name}`)} ${code(displayType(column.type))}`];
  const facts = columnFacts(column);
  if (facts.length > 0) lines.push('', facts.join(' · '));
  const sections: string[] = [];
  for (const tableKey of table.keys) {
    if (tableKey.columns.includes(column.name)) sections.push(`${tableKey.kind === 'primary-key' ? '**Primary key**' : '**Unique**'} ${code(tableKey.name)} (${columnList(tableKey.columns)})`);
  }
  const indexes = model.indexesOn(key).filter((index) => index.elements.some((element) => element.column === column.name));
  if (indexes.length > 0) sections.push(`**Indexes**\n${indexes.map((index) => `- ${describeIndex(index)}`).join('\n')}`);
  const outgoing = table.foreignKeys.filter((foreignKey) => foreignKey.columns.includes(column.name));
  for (const foreignKey of outgoing) {
    sections.push(`**References** ${code(foreignKey.referencedTable)} (${columnList(foreignKey.referencedColumns)}) — ${code(foreignKey.name)}`);
  }
  const incoming = referencedBy(model, key, column.name);
  if (incoming.length > 0) sections.push(`**Referenced by**\n${incoming.map((line) => `- ${line}`).join('\n')}`);
  if (sections.length > 0) lines.push('', sections.join('\n\n'));
  const where = origins(found, 'column', link);
  if (where) lines.push('', where);
  return lines.join('\n');
}
