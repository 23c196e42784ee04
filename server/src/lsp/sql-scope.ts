// Which tables a statement names and where (FROM, JOIN, UPDATE, INTO, ALTER/CREATE/DROP TABLE,
// REFERENCES, CREATE INDEX … ON, TRUNCATE …), with their aliases and the parenthesised column lists
// bound to one table, found by a lexical scan; and what an identifier in the statement stands for: a
// table, or a column of one of those tables. Works on incomplete statements too (completion), and
// asks a `NameCatalog` (a schema model, or the references walk's state) which columns exist. Text
// only: no LSP types and no parser, so it is cheap per keystroke.
import { qualifiedKey, type Dialect, type Statement, type TextRange } from '../engine';
import { isName, tokenize, type Token } from './sql-tokens';

/** What the resolver asks of a schema. */
export interface NameCatalog {
  hasTable(key: string): boolean;
  hasColumn(tableKey: string, column: string): boolean;
}

export type SiteRole =
  /** The statement reads or changes the relation. */
  | 'relation'
  /** `REFERENCES t`: a foreign key's target. */
  | 'references'
  /** `CREATE TABLE t`, `CREATE VIEW v`: the statement defines the name. */
  | 'defines';

/** A relation named in a table position. */
export interface TableSite {
  readonly schema: string | undefined;
  readonly name: string;
  readonly key: string;
  /** The whole (possibly schema-qualified) name. */
  readonly range: TextRange;
  /** Indexes into `StatementScope.tokens` of the name's first and last token. */
  readonly first: number;
  readonly last: number;
  readonly alias: { readonly name: string; readonly token: number } | undefined;
  readonly role: SiteRole;
  /** Unqualified column names in the statement may belong to it. */
  readonly columnScope: boolean;
  /** The keyword before the name (`FROM`, `JOIN`, `INTO`, `TABLE` …). */
  readonly keyword: string;
}

/** A parenthesised list whose names are columns of one table: `REFERENCES t (…)`, `ON t (…)`, `INTO t (…)`, `CREATE TABLE t (…)`. */
export interface BoundGroup {
  /** Token indexes of `(` and `)` (`tokens.length` when it does not close). */
  readonly open: number;
  readonly close: number;
  readonly key: string;
  readonly kind: 'create-table' | 'references' | 'insert' | 'index';
}

export interface StatementScope {
  readonly dialect: Dialect;
  /** Tokens without comments. */
  readonly tokens: readonly Token[];
  /** Tokens with comments. */
  readonly all: readonly Token[];
  /** The statement's leading keywords: `CREATE TABLE`, `ALTER TABLE`, `CREATE INDEX`, `SELECT`, `WITH`, `INSERT` … */
  readonly lead: string;
  readonly sites: readonly TableSite[];
  readonly groups: readonly BoundGroup[];
  /** Per token: index of the innermost enclosing `(`, or -1. */
  readonly parent: readonly number[];
  /** Per `(` token index: its `)` (`tokens.length` when unclosed). */
  readonly close: ReadonlyMap<number, number>;
}

export type Resolution =
  | { readonly kind: 'table'; readonly key: string; readonly range: TextRange; readonly token: number; readonly via: 'name' | 'alias' }
  | { readonly kind: 'column'; readonly table: string; readonly column: string; readonly range: TextRange; readonly token: number };

/** Words that end a table reference instead of being its alias. */
const aliasStopWords = new Set([
  'WHERE', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'NATURAL', 'ON', 'USING', 'GROUP', 'ORDER', 'HAVING', 'LIMIT',
  'OFFSET', 'FETCH', 'FOR', 'WINDOW', 'UNION', 'INTERSECT', 'EXCEPT', 'SET', 'VALUES', 'SELECT', 'RETURNING', 'DEFAULT', 'OVERRIDING',
  'TABLESAMPLE', 'LATERAL', 'WITH', 'WHEN', 'THEN', 'AND', 'OR', 'AS', 'ONLY', 'DO', 'CASCADE', 'RESTRICT', 'RESTART', 'CONTINUE',
  'IN', 'NOWAIT', 'SKIP', 'INHERITS', 'PARTITION', 'TO', 'FROM', 'INTO', 'ADD', 'DROP', 'ALTER', 'RENAME', 'OWNER', 'ENABLE', 'DISABLE',
  'NOT', 'IS', 'LIKE', 'ILIKE', 'BETWEEN', 'MATCH', 'MATCHED',
]);

/** Words that cannot be a table name where one is expected (the name is still being typed, or a subquery follows). */
const notTableNames = new Set([
  'SELECT', 'WHERE', 'ONLY', 'LATERAL', 'IF', 'ALL', 'SCHEMA', 'SET', 'VALUES', 'DEFAULT', 'ON', 'USING', 'WITH', 'AS', 'TABLE',
  'SEQUENCE', 'FUNCTION', 'PROCEDURE', 'ROUTINE', 'TYPE', 'DOMAIN', 'DATABASE', 'JOIN', 'LEFT', 'RIGHT', 'INNER', 'GROUP', 'ORDER',
  'LIMIT', 'NOT', 'EXISTS', 'CASCADE', 'RESTRICT', 'FOR', 'RETURNING', 'MATERIALIZED', 'VIEW', 'TABLES', 'SEQUENCES', 'FUNCTIONS',
  'LARGE', 'FOREIGN', 'UNION', 'CONCURRENTLY', 'INDEX', 'TRIGGER', 'COLUMN', 'CONSTRAINT', 'DELETE', 'UPDATE', 'INSERT', 'CONFLICT',
  'COMMIT', 'ROWS', 'ROW', 'EACH', 'STATEMENT', 'EXECUTE',
]);

/** Leading words skipped to find what a CREATE/ALTER/DROP statement is about. */
const leadModifiers = new Set(['OR', 'REPLACE', 'UNIQUE', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'GLOBAL', 'LOCAL', 'MATERIALIZED', 'CONSTRAINT', 'RECURSIVE', 'FOREIGN']);

/** Statements where `ON name` names a table. */
const onTableLeads = new Set(['CREATE INDEX', 'CREATE TRIGGER', 'CREATE POLICY', 'CREATE RULE', 'DROP TRIGGER', 'DROP POLICY', 'DROP RULE', 'ALTER TRIGGER', 'ALTER POLICY', 'GRANT', 'REVOKE']);

const scopes = new WeakMap<Statement, StatementScope>();

/** The scope of a lowered statement (its text, at its file offsets); cached per statement object. */
export function statementScope(statement: Statement): StatementScope {
  let scope = scopes.get(statement);
  if (!scope) {
    const base = statement.range.start;
    const tokens = tokenize(statement.text, 0, statement.text.length, statement.dialect).map((token) => ({ ...token, start: token.start + base, end: token.end + base }));
    scope = buildScope(tokens, statement.dialect);
    scopes.set(statement, scope);
  }
  return scope;
}

export function buildScope(all: readonly Token[], dialect: Dialect): StatementScope {
  const tokens = all.filter((token) => token.kind !== 'comment');
  const parent: number[] = [];
  const close = new Map<number, number>();
  const stack: number[] = [];
  for (const [index, token] of tokens.entries()) {
    parent.push(stack.at(-1) ?? -1);
    if (token.kind !== 'punct') continue;
    if (token.keyword === '(') stack.push(index);
    else if (token.keyword === ')') {
      const open = stack.pop();
      if (open !== undefined) close.set(open, index);
    }
  }
  for (const open of stack) close.set(open, tokens.length);
  const lead = leadOf(tokens);
  const scope = { dialect, tokens, all, lead, sites: [] as TableSite[], groups: [] as BoundGroup[], parent, close };
  findSites(scope);
  return scope;
}

function word(token: Token | undefined): string {
  return token?.kind === 'word' ? token.keyword : '';
}

function leadOf(tokens: readonly Token[]): string {
  const first = word(tokens[0]);
  if (first !== 'CREATE' && first !== 'ALTER' && first !== 'DROP') return first;
  let index = 1;
  while (leadModifiers.has(word(tokens[index]))) index++;
  const object = word(tokens[index]);
  return object ? `${first} ${object}` : first;
}

interface MutableScope {
  readonly tokens: readonly Token[];
  readonly lead: string;
  readonly sites: TableSite[];
  readonly groups: BoundGroup[];
  readonly parent: readonly number[];
  readonly close: ReadonlyMap<number, number>;
}

interface ReadOptions {
  readonly role?: SiteRole;
  readonly alias?: 'any' | 'as' | 'none';
  readonly columnScope?: boolean;
  /** Words skipped before the name (`IF`, `NOT`, `EXISTS`, `ONLY`). */
  readonly skip?: readonly string[];
  /** A comma continues the list (`FROM a, b`, `DROP TABLE a, b`). */
  readonly list?: boolean;
  /** A name followed by `(` is a function call (`FROM generate_series(…)`), not a table. */
  readonly rejectCall?: boolean;
}

/** Sites whose columns unqualified names resolve against, in order: an INSERT's target after the tables its query reads. */
export function columnScopeSites(scope: StatementScope): TableSite[] {
  const sites = scope.sites.filter((site) => site.columnScope);
  return [...sites.filter((site) => site.keyword !== 'INTO'), ...sites.filter((site) => site.keyword === 'INTO')];
}

/** Reads a possibly qualified name at `index`: its parts and last token. */
function readName(tokens: readonly Token[], index: number): { schema: string | undefined; name: string; first: number; last: number } | undefined {
  const first = tokens[index];
  if (!isName(first) || (first.kind === 'word' && notTableNames.has(first.keyword))) return undefined;
  let schema: string | undefined;
  let name = first.name;
  let last = index;
  for (let next = tokens[last + 2]; tokens[last + 1]?.keyword === '.' && isName(next); next = tokens[last + 2]) {
    schema = name;
    name = next.name;
    last += 2;
  }
  return { schema, name, first: index, last };
}

/** Reads table names from `index`; returns the sites found and the index after the last one. */
function readSites(scope: MutableScope, index: number, options: ReadOptions): { found: TableSite[]; next: number } {
  const { tokens } = scope;
  const found: TableSite[] = [];
  let position = index;
  for (;;) {
    while (options.skip?.includes(word(tokens[position]))) position++;
    const name = readName(tokens, position);
    if (!name) break;
    let next = name.last + 1;
    if (options.rejectCall && tokens[next]?.keyword === '(') break;
    let alias: TableSite['alias'];
    const aliasMode = options.alias ?? 'none';
    const afterAs = tokens[next + 1];
    const bare = tokens[next];
    if (aliasMode !== 'none' && word(bare) === 'AS' && isName(afterAs)) {
      alias = { name: afterAs.name, token: next + 1 };
      next += 2;
    } else if (aliasMode === 'any' && isName(bare) && !aliasStopWords.has(word(bare))) {
      alias = { name: bare.name, token: next };
      next += 1;
    }
    const site: TableSite = {
      schema: name.schema,
      name: name.name,
      key: qualifiedKey(name.schema, name.name),
      range: { start: tokens[name.first]?.start ?? 0, end: tokens[name.last]?.end ?? 0 },
      first: name.first,
      last: name.last,
      alias,
      role: options.role ?? 'relation',
      columnScope: options.columnScope ?? true,
      keyword: word(tokens[index - 1]),
    };
    scope.sites.push(site);
    found.push(site);
    position = next;
    if (!options.list || tokens[position]?.keyword !== ',') break;
    position++;
  }
  return { found, next: position };
}

function isSubqueryParen(tokens: readonly Token[], open: number): boolean {
  const next = word(tokens[open + 1]);
  return next === 'SELECT' || next === 'WITH' || next === 'VALUES' || next === 'TABLE';
}

function bindGroup(scope: MutableScope, open: number, key: string, kind: BoundGroup['kind']): void {
  if (scope.tokens[open]?.keyword !== '(') return;
  scope.groups.push({ open, close: scope.close.get(open) ?? scope.tokens.length, key, kind });
}

function findSites(scope: MutableScope): void {
  const { tokens, lead, parent } = scope;
  let seenOn = false;
  let seenDefinition = false;
  for (let index = 0; index < tokens.length; index++) {
    const keyword = word(tokens[index]);
    if (!keyword) continue;
    const previous = word(tokens[index - 1]);
    switch (keyword) {
      case 'FROM': {
        if (lead === 'COPY' || lead === 'GRANT' || lead === 'REVOKE' || previous === 'DISTINCT') break;
        const group = parent[index] ?? -1;
        if (group >= 0 && !isSubqueryParen(tokens, group)) break;
        readSites(scope, index + 1, { alias: 'any', list: true, skip: ['ONLY'], rejectCall: true });
        break;
      }
      case 'JOIN':
        readSites(scope, index + 1, { alias: 'any', skip: ['ONLY'], rejectCall: true });
        break;
      case 'UPDATE':
        if (index === 0 || (lead === 'WITH' && tokens[index - 1]?.keyword === ')' && parent[index] === -1)) {
          readSites(scope, index + 1, { alias: 'any', skip: ['ONLY'] });
        }
        break;
      case 'INTO': {
        if (previous !== 'INSERT' && previous !== 'MERGE') break;
        const { found, next } = readSites(scope, index + 1, { alias: previous === 'MERGE' ? 'any' : 'as' });
        const site = found[0];
        if (site && previous === 'INSERT') bindGroup(scope, next, site.key, 'insert');
        break;
      }
      case 'TABLE': {
        if (tokens[index + 1]?.keyword === '(' || previous === 'RETURNS') break;
        const defines = lead === 'CREATE TABLE' && !seenDefinition;
        const { found, next } = readSites(scope, index + 1, {
          role: defines ? 'defines' : 'relation',
          skip: ['IF', 'NOT', 'EXISTS', 'ONLY'],
          list: lead.startsWith('DROP') || lead === 'TRUNCATE' || lead === 'LOCK' || lead === 'VACUUM' || lead === 'ANALYZE',
        });
        const site = found[0];
        if (defines && site) {
          seenDefinition = true;
          bindGroup(scope, next, site.key, 'create-table');
        }
        break;
      }
      case 'VIEW': {
        const defines = (lead === 'CREATE VIEW' || lead === 'CREATE MATERIALIZED') && !seenDefinition;
        if (defines) seenDefinition = true;
        readSites(scope, index + 1, { role: defines ? 'defines' : 'relation', columnScope: false, skip: ['IF', 'NOT', 'EXISTS'], list: lead.startsWith('DROP') });
        break;
      }
      case 'TRUNCATE':
        if (word(tokens[index + 1]) !== 'TABLE') readSites(scope, index + 1, { list: true, skip: ['ONLY'] });
        break;
      case 'REFERENCES': {
        const { found, next } = readSites(scope, index + 1, { role: 'references', columnScope: false });
        const site = found[0];
        if (site) bindGroup(scope, next, site.key, 'references');
        break;
      }
      case 'ON': {
        if (seenOn || !onTableLeads.has(lead) || parent[index] !== -1 || word(tokens[index + 1]) === 'TABLE') break;
        seenOn = true;
        const { found, next } = readSites(scope, index + 1, { skip: ['ONLY'] });
        const site = found[0];
        if (site && lead === 'CREATE INDEX') bindGroup(scope, word(tokens[next]) === 'USING' ? next + 2 : next, site.key, 'index');
        break;
      }
      case 'USING':
        if (lead === 'DELETE' || lead === 'MERGE') readSites(scope, index + 1, { alias: 'any', skip: ['ONLY'] });
        break;
      case 'OF':
        if (previous === 'PARTITION') readSites(scope, index + 1, { columnScope: false });
        break;
      case 'PARTITION':
        if (previous === 'ATTACH' || previous === 'DETACH') readSites(scope, index + 1, { columnScope: false });
        break;
      case 'LIKE':
        if (lead === 'CREATE TABLE' && (tokens[index - 1]?.keyword === '(' || tokens[index - 1]?.keyword === ',')) readSites(scope, index + 1, { columnScope: false });
        break;
      case 'INHERITS':
        if (tokens[index + 1]?.keyword === '(') readSites(scope, index + 2, { columnScope: false, list: true });
        break;
      case 'COPY':
      case 'LOCK':
        if (index === 0 && word(tokens[1]) !== 'TABLE') readSites(scope, 1, { list: keyword === 'LOCK', skip: ['ONLY'], rejectCall: true });
        break;
      default:
        break;
    }
  }
}

/** Index of the identifier token at the offset (the cursor touching its start or end counts). */
export function nameTokenAt(scope: StatementScope, offset: number): number | undefined {
  const { tokens } = scope;
  let touching: number | undefined;
  for (const [index, token] of tokens.entries()) {
    if (token.start > offset) break;
    if (!isName(token)) continue;
    if (offset < token.end) return index;
    if (offset === token.end) touching = index;
  }
  return touching;
}

/** The innermost bound group containing the token. */
export function boundGroupOf(scope: StatementScope, index: number): BoundGroup | undefined {
  let best: BoundGroup | undefined;
  for (const group of scope.groups) {
    if (group.open < index && index < group.close && (!best || group.open > best.open)) best = group;
  }
  return best;
}

/** The table a qualifier (`u` in `u.id`) stands for: an alias, a table named in the statement, or a known table. */
export function relationOfQualifier(scope: StatementScope, index: number, catalog: NameCatalog): string | undefined {
  const token = scope.tokens[index];
  if (!isName(token)) return undefined;
  // `s.t.c`: the qualifier is schema-qualified.
  const before = scope.tokens[index - 1]?.keyword === '.' ? scope.tokens[index - 2] : undefined;
  if (isName(before)) {
    const key = qualifiedKey(before.name, token.name);
    return catalog.hasTable(key) ? key : undefined;
  }
  const aliased = scope.sites.find((site) => site.alias?.name === token.name);
  if (aliased) return aliased.key;
  const named = scope.sites.find((site) => site.name === token.name && site.alias === undefined) ?? scope.sites.find((site) => site.name === token.name);
  if (named) return named.key;
  return catalog.hasTable(token.name) ? token.name : undefined;
}

/** What the identifier token at `index` stands for, or undefined when it is not a known table or column. */
export function resolveToken(scope: StatementScope, index: number, catalog: NameCatalog): Resolution | undefined {
  const { tokens } = scope;
  const token = tokens[index];
  if (!isName(token)) return undefined;
  const range = { start: token.start, end: token.end };
  const site = scope.sites.find((candidate) => candidate.first <= index && index <= candidate.last);
  if (site) return { kind: 'table', key: site.key, range: site.range, token: index, via: 'name' };
  const aliased = scope.sites.find((candidate) => candidate.alias?.token === index);
  if (aliased) return { kind: 'table', key: aliased.key, range, token: index, via: 'alias' };

  const qualifier = tokens[index - 1]?.keyword === '.' ? tokens[index - 2] : undefined;
  const beforeDot = tokens[index + 1]?.keyword === '.' && isName(tokens[index + 2]);
  if (isName(qualifier)) {
    const table = relationOfQualifier(scope, index - 2, catalog);
    if (table !== undefined && catalog.hasColumn(table, token.name)) return { kind: 'column', table, column: token.name, range, token: index };
    const qualifiedTable = qualifiedKey(qualifier.name, token.name);
    if (catalog.hasTable(qualifiedTable)) return { kind: 'table', key: qualifiedTable, range: { start: qualifier.start, end: token.end }, token: index, via: 'name' };
    return undefined;
  }
  if (beforeDot) {
    const table = relationOfQualifier(scope, index, catalog);
    return table === undefined ? undefined : { kind: 'table', key: table, range, token: index, via: scope.sites.some((candidate) => candidate.alias?.name === token.name) ? 'alias' : 'name' };
  }
  const group = boundGroupOf(scope, index);
  if (!columnSlot(scope, index, group)) return undefined;
  if (group) {
    return catalog.hasColumn(group.key, token.name) ? { kind: 'column', table: group.key, column: token.name, range, token: index } : undefined;
  }
  // `CAST(x AS date)`, `x::date`, `SELECT a AS name`: a type or an output name, not a column.
  if (tokens[index - 1]?.keyword === '::' || word(tokens[index - 1]) === 'AS') return undefined;
  for (const candidate of columnScopeSites(scope)) {
    if (catalog.hasColumn(candidate.key, token.name)) return { kind: 'column', table: candidate.key, column: token.name, range, token: index };
  }
  if (tokens[index + 1]?.keyword !== '(' && catalog.hasTable(token.name)) return { kind: 'table', key: token.name, range, token: index, via: 'name' };
  return undefined;
}

/** Words after which an ALTER TABLE action names a column (or, after `TO`, a new name); MySQL's MODIFY, CHANGE and AFTER too. */
const alterColumnWords = new Set(['COLUMN', 'ADD', 'RENAME', 'TO', 'USING', 'EXISTS', 'MODIFY', 'CHANGE', 'AFTER']);

/**
 * Whether a bare name at `index` can be a column by its position, so type names and keywords are
 * not taken for columns that happen to share their spelling (`created date`, `PRIMARY KEY`): in
 * `CREATE TABLE t (…)` only an element's first word is a column (nested lists and expressions are
 * free); at the top level of ALTER TABLE only the word after COLUMN, ADD, ALTER, DROP, RENAME, TO,
 * USING, IF [NOT] EXISTS, or MySQL's MODIFY, CHANGE and AFTER.
 */
function columnSlot(scope: StatementScope, index: number, group: BoundGroup | undefined): boolean {
  const { tokens, parent } = scope;
  const previous = tokens[index - 1];
  if (scope.lead === 'CREATE TABLE' && group?.kind === 'create-table' && parent[index] === group.open) {
    return index - 1 === group.open || (previous?.keyword === ',' && parent[index - 1] === group.open);
  }
  if (scope.lead === 'ALTER TABLE' && parent[index] === -1) {
    const keyword = word(previous);
    return alterColumnWords.has(keyword) || ((keyword === 'ALTER' || keyword === 'DROP') && index - 1 > 0);
  }
  return true;
}
