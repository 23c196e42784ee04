// Completion of table and column names where the statement expects one: tables after FROM, JOIN,
// UPDATE, INTO, ALTER/DROP/TRUNCATE TABLE, REFERENCES and CREATE INDEX … ON; columns after ALTER,
// DROP or RENAME COLUMN, in `ON t (…)`, `REFERENCES t (…)`, `INSERT INTO t (…)` and key lists, after
// `t.` or `alias.`, and in the expressions of a query that reads tables. Anywhere else, and inside
// strings and comments, the list is empty: a name list at random places is noise. Works from the
// statement's tokens and the cached schema model only (no parsing).
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { displayType, type Dialect } from '../engine';
import { type FoundTable, type SchemaLayers } from './schema-context';
import { columnScopeSites, relationOfQualifier, type BoundGroup, type StatementScope } from './sql-scope';
import { insideLiteral, isName, type Token } from './sql-tokens';

/** What resolving an item needs: the table (and column) it names. */
export interface CompletionData {
  readonly uri: string;
  readonly table: string;
  readonly column?: string;
}

/** PostgreSQL's reserved words (Appendix C, "reserved"): a name spelled like one must be quoted. */
const reservedWords = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column concurrently ' +
    'constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user default ' +
    'deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having ilike in initially inner ' +
    'intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on only or ' +
    'order outer overlaps placing primary references returning right select session_user similar some symmetric system_user table tablesample then to ' +
    'trailing true union unique user using variadic verbose when where window with'
  ).split(' '),
);

/** A name as it must be written: quoted unless it is a lower-case identifier that is not reserved. */
/** The name as the dialect quotes it when it must: `"Name"` in PostgreSQL, `` `order` `` in MySQL. */
export function quoteIdentifier(name: string, dialect: Dialect = 'postgres'): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !reservedWords.has(name)) return name;
  return dialect === 'postgres' ? `"${name.replaceAll('"', '""')}"` : `\`${name.replaceAll('`', '``')}\``;
}

function word(token: Token | undefined): string {
  return token?.kind === 'word' ? token.keyword : '';
}

function punct(token: Token | undefined): string {
  return token?.kind === 'punct' ? token.keyword : '';
}

/** Tokens after which an expression (and so a column name) may start. */
const expressionStartWords = new Set(['SELECT', 'WHERE', 'ON', 'HAVING', 'BY', 'SET', 'RETURNING', 'DISTINCT', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'CASE', 'BETWEEN', 'LIKE', 'ILIKE', 'IN', 'INCLUDE', 'KEY', 'CHECK', 'UNIQUE']);
const expressionStartPunctuation = new Set(['(', ',', '=', '<', '>', '!', '+', '-', '*', '/', '%', '|', '&', '^']);

/** Clause keywords, found walking back from the cursor to know where in a query it is. */
const clauseWords = new Set(['SELECT', 'FROM', 'WHERE', 'JOIN', 'ON', 'GROUP', 'ORDER', 'HAVING', 'SET', 'RETURNING', 'VALUES', 'TABLE', 'TRUNCATE', 'USING', 'LIMIT', 'OFFSET', 'INTO', 'WINDOW', 'UPDATE', 'DELETE', 'INSERT', 'BY']);
/** Clauses whose expressions name the query's columns. */
const columnClauses = new Set(['SELECT', 'WHERE', 'ON', 'HAVING', 'BY', 'SET', 'RETURNING']);

/** Statements where `ON name` names a table rather than a join condition. */
const onTableLeads = new Set(['CREATE INDEX', 'CREATE TRIGGER', 'CREATE POLICY', 'CREATE RULE', 'DROP TRIGGER', 'DROP POLICY', 'DROP RULE', 'ALTER TRIGGER', 'ALTER POLICY', 'GRANT', 'REVOKE']);

/** Words that start a table element other than a column definition in `CREATE TABLE t (…)`. */
const tableElementWords = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'EXCLUDE', 'LIKE']);

type RelationFilter = 'all' | 'tables' | 'views';

/** Where the cursor is: the token before the word being typed. */
interface Cursor {
  readonly scope: StatementScope;
  /** Index of the token before the word being typed (or before the cursor), -1 at the statement start. */
  readonly previous: number;
}

function openOf(scope: StatementScope, closeIndex: number): number | undefined {
  for (const [open, close] of scope.close) if (close === closeIndex) return open;
  return undefined;
}

/** The nearest clause keyword before `index`, skipping nested parentheses and leaving enclosing ones. */
function clauseBefore(scope: StatementScope, index: number): { keyword: string; index: number } | undefined {
  const { tokens } = scope;
  for (let position = index; position >= 0; position--) {
    const token = tokens[position];
    if (punct(token) === ')') {
      position = openOf(scope, position) ?? position;
      continue;
    }
    const keyword = word(token);
    if (clauseWords.has(keyword)) return { keyword, index: position };
  }
  return undefined;
}

/** Whether `FROM` at `index` starts a table list (not `EXTRACT(x FROM y)`, `IS DISTINCT FROM`, `COPY … FROM`). */
function isTableFrom(scope: StatementScope, index: number): boolean {
  if (scope.lead === 'COPY' || scope.lead === 'GRANT' || scope.lead === 'REVOKE' || word(scope.tokens[index - 1]) === 'DISTINCT') return false;
  const group = scope.parent[index] ?? -1;
  if (group < 0) return true;
  const first = word(scope.tokens[group + 1]);
  return first === 'SELECT' || first === 'WITH';
}

/** The relations expected at the cursor, or undefined when no table name goes there. */
function tablePosition(cursor: Cursor): RelationFilter | undefined {
  const { scope, previous } = cursor;
  const { tokens, lead } = scope;
  const keyword = word(tokens[previous]);
  const before = word(tokens[previous - 1]);
  switch (keyword) {
    case 'FROM':
      return isTableFrom(scope, previous) ? 'all' : undefined;
    case 'JOIN':
      return 'all';
    case 'ONLY':
      return ['FROM', 'JOIN', 'TABLE', 'ON', 'TRUNCATE', 'UPDATE', 'EXISTS'].includes(before) ? 'tables' : undefined;
    case 'UPDATE':
      return previous === 0 || (lead === 'WITH' && punct(tokens[previous - 1]) === ')' && scope.parent[previous] === -1) ? 'tables' : undefined;
    case 'INTO':
      return before === 'INSERT' || before === 'MERGE' ? 'tables' : undefined;
    case 'TABLE':
      return lead.startsWith('CREATE') || before === 'RETURNS' ? undefined : 'tables';
    case 'EXISTS':
      if (before !== 'IF') return undefined;
      if (word(tokens[previous - 2]) === 'TABLE' && (lead.startsWith('ALTER') || lead.startsWith('DROP'))) return 'tables';
      if (word(tokens[previous - 2]) === 'VIEW' && lead.startsWith('DROP')) return 'views';
      return undefined;
    case 'VIEW':
      return lead.startsWith('DROP') || lead.startsWith('ALTER') || lead === 'REFRESH' ? 'views' : undefined;
    case 'TRUNCATE':
    case 'REFERENCES':
      return 'tables';
    case 'ON':
      return onTableLeads.has(lead) && scope.parent[previous] === -1 && !tokens.slice(0, previous).some((token) => word(token) === 'ON') ? 'tables' : undefined;
    case 'USING':
      return lead === 'DELETE' || lead === 'MERGE' ? 'tables' : undefined;
    case 'OF':
      return before === 'PARTITION' ? 'tables' : undefined;
    case 'PARTITION':
      return before === 'ATTACH' || before === 'DETACH' ? 'tables' : undefined;
    case 'LOCK':
    case 'COPY':
      return previous === 0 ? 'tables' : undefined;
    default:
      break;
  }
  if (punct(tokens[previous]) === ',') {
    const clause = clauseBefore(scope, previous - 1);
    if (clause?.keyword === 'FROM' && isTableFrom(scope, clause.index) && scope.parent[clause.index] === scope.parent[previous]) return 'all';
    if ((clause?.keyword === 'TABLE' || clause?.keyword === 'TRUNCATE') && (lead.startsWith('DROP') || lead === 'TRUNCATE')) return 'tables';
  }
  return undefined;
}

function expressionStart(token: Token | undefined, before: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'word') return expressionStartWords.has(token.keyword);
  if (token.kind !== 'punct') return false;
  // `SELECT *` and `t.*` select every column: no name follows.
  if (token.keyword === '*' && (word(before) === 'SELECT' || punct(before) === ',' || punct(before) === '.' || punct(before) === '(')) return false;
  return expressionStartPunctuation.has(token.keyword);
}

/** Column names of `CREATE TABLE t (…)` written so far (the statement may not parse yet). */
function definedColumns(scope: StatementScope, open: number): string[] {
  const { tokens } = scope;
  const names: string[] = [];
  const close = scope.close.get(open) ?? tokens.length;
  let elementStart = true;
  for (let index = open + 1; index < close; index++) {
    const token = tokens[index];
    if (scope.parent[index] !== open) continue;
    if (elementStart && isName(token) && !tableElementWords.has(word(token))) names.push(token.name);
    elementStart = punct(token) === ',';
  }
  return names;
}

/** The innermost parenthesis the cursor (after token `previous`) is in, or -1. */
function enclosingParen(scope: StatementScope, previous: number): number {
  const token = scope.tokens[previous];
  if (punct(token) === '(') return previous;
  if (punct(token) === ')') return scope.parent[openOf(scope, previous) ?? previous] ?? -1;
  return scope.parent[previous] ?? -1;
}

/** The innermost bound group (`ON t (…)`, `REFERENCES t (…)` …) the cursor is in. */
function groupAtCursor(scope: StatementScope, previous: number): BoundGroup | undefined {
  let best: BoundGroup | undefined;
  for (const group of scope.groups) {
    if (group.open <= previous && previous < group.close && (!best || group.open > best.open)) best = group;
  }
  return best;
}

/** The tables whose columns go at the cursor (plus columns written so far for a table being created), or undefined. */
function columnPosition(cursor: Cursor, layers: SchemaLayers): { tables: string[]; extra?: { table: string; columns: string[] } } | undefined {
  const { scope, previous } = cursor;
  const { tokens, lead } = scope;
  const token = tokens[previous];
  const keyword = word(token);
  const startsExpression = expressionStart(token, tokens[previous - 1]);
  const group = groupAtCursor(scope, previous);
  const paren = enclosingParen(scope, previous);
  const main = scope.sites.find((site) => site.role === 'relation' || site.role === 'defines');

  if (group && (group.kind === 'references' || group.kind === 'insert')) {
    return punct(token) === '(' || punct(token) === ',' ? { tables: [group.key] } : undefined;
  }
  if (lead === 'ALTER TABLE') {
    if (!main) return undefined;
    const before = word(tokens[previous - 1]);
    if (keyword === 'COLUMN') return ['ALTER', 'DROP', 'RENAME', 'MODIFY', 'CHANGE'].includes(before) ? { tables: [main.key] } : undefined;
    // MySQL: `MODIFY c …`, `CHANGE old new …`, `… AFTER c`.
    if (keyword === 'MODIFY' || keyword === 'CHANGE' || keyword === 'AFTER') return { tables: [main.key] };
    if (keyword === 'EXISTS' && before === 'IF' && word(tokens[previous - 2]) === 'COLUMN' && word(tokens[previous - 3]) === 'DROP') return { tables: [main.key] };
    if ((keyword === 'ALTER' && previous > 0) || keyword === 'RENAME') return { tables: [main.key] };
    // Key column lists and CHECK expressions: `ADD PRIMARY KEY (`, `CHECK (a > 0 AND `.
    return paren >= 0 && startsExpression ? { tables: [main.key] } : undefined;
  }
  if (lead === 'CREATE INDEX') {
    if (!main || !startsExpression || main.last >= previous) return undefined;
    if (group || paren >= 0 || clauseBefore(scope, previous)?.keyword === 'WHERE') return { tables: [group?.key ?? main.key] };
    return undefined;
  }
  if (lead === 'CREATE TABLE' && group?.kind === 'create-table') {
    // Directly inside the table's parentheses a new column is being named: nothing to complete.
    if (paren === group.open || !startsExpression) return undefined;
    return { tables: [group.key], extra: { table: group.key, columns: definedColumns(scope, group.open) } };
  }
  if (lead === 'ALTER TABLE' || lead === 'CREATE TABLE' || lead === 'CREATE INDEX') return undefined;
  // A query: columns of the tables it reads, in the clauses that take expressions.
  const tables = columnScopeSites(scope)
    .filter((site) => site.role === 'relation' && layers.hasTable(site.key))
    .map((site) => site.key);
  if (tables.length === 0 || !startsExpression) return undefined;
  const clause = clauseBefore(scope, previous);
  if (!clause || !columnClauses.has(clause.keyword)) return undefined;
  if (clause.keyword === 'ON' && onTableLeads.has(lead)) return undefined;
  if (clause.keyword === 'SET' && lead !== 'UPDATE' && lead !== 'WITH') return undefined;
  return { tables: [...new Set(tables)] };
}

function tableItem(found: FoundTable, label: string, uri: string, dialect: Dialect): CompletionItem {
  const { table } = found;
  const data: CompletionData = { uri, table: found.key };
  return {
    label,
    kind: table.kind === 'table' ? CompletionItemKind.Struct : CompletionItemKind.Interface,
    detail: `${table.kind === 'table' ? 'table' : table.kind === 'view' ? 'view' : 'materialized view'}${table.columns.length > 0 ? ` · ${table.columns.length} column${table.columns.length === 1 ? '' : 's'}` : ''}`,
    insertText: label
      .split('.')
      .map((part) => quoteIdentifier(part, dialect))
      .join('.'),
    filterText: label,
    sortText: label,
    data,
  };
}

function tableItems(layers: SchemaLayers, filter: RelationFilter, uri: string, dialect: Dialect, schema?: string): CompletionItem[] {
  return layers
    .relations()
    .filter(({ table }) => (filter === 'all' ? true : filter === 'views' ? table.kind !== 'table' : table.kind !== 'view'))
    .filter(({ table }) => schema === undefined || (table.schema ?? 'public') === schema)
    .map((found) => tableItem(found, schema === undefined ? found.key : found.table.name, uri, dialect))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function columnItems(layers: SchemaLayers, tables: readonly string[], uri: string, dialect: Dialect, extra?: { table: string; columns: string[] }): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const [tableIndex, key] of tables.entries()) {
    const found = layers.table(key);
    const columns = found?.table.columns ?? [];
    const names = [...columns.map((column) => column.name), ...(extra?.table === key ? extra.columns : [])];
    for (const [columnIndex, name] of names.entries()) {
      if (seen.has(`${key}\u0000${name}`)) continue;
      seen.add(`${key}\u0000${name}`);
      const column = columns.find((candidate) => candidate.name === name);
      const data: CompletionData = { uri, table: key, column: name };
      items.push({
        label: name,
        kind: CompletionItemKind.Field,
        detail: column ? `${displayType(column.type)}${column.notNull ? ' NOT NULL' : ''}` : undefined,
        labelDetails: tables.length > 1 || column ? { description: found?.table.name ?? key } : undefined,
        insertText: quoteIdentifier(name, dialect),
        filterText: name,
        sortText: `${String(tableIndex).padStart(3, '0')}${String(columnIndex).padStart(5, '0')}`,
        data,
      });
    }
  }
  return items;
}

/** Completion items at `offset` in the statement `scope` covers. */
export function schemaCompletions(scope: StatementScope, offset: number, layers: SchemaLayers, uri: string): CompletionItem[] {
  if (insideLiteral(scope.all, offset)) return [];
  const { tokens } = scope;
  // The token before the word being typed (a word touching the cursor is that word).
  let previous = -1;
  for (const [index, token] of tokens.entries()) {
    if (token.end > offset || (token.end === offset && (token.kind === 'word' || token.kind === 'quoted' || token.kind === 'number') && token.start < offset)) break;
    previous = index;
  }
  // Typing a number, or right after one, completes nothing.
  const typed = tokens[previous + 1];
  if (typed && typed.start < offset && typed.kind === 'number') return [];
  if (previous < 0) return [];
  const cursor: Cursor = { scope, previous };
  if (punct(tokens[previous]) === '.') {
    const qualifier = tokens[previous - 1];
    if (!isName(qualifier)) return [];
    const table = relationOfQualifier(scope, previous - 1, layers);
    if (table !== undefined && layers.hasTable(table)) return columnItems(layers, [table], uri, scope.dialect);
    return layers.hasSchema(qualifier.name) ? tableItems(layers, 'all', uri, scope.dialect, qualifier.name) : [];
  }
  const filter = tablePosition(cursor);
  if (filter) return tableItems(layers, filter, uri, scope.dialect);
  const columns = columnPosition(cursor, layers);
  return columns ? columnItems(layers, columns.tables, uri, scope.dialect, columns.extra) : [];
}
