// MySQL/MariaDB DML lowered into the model: the target table and its range from tokens, WHERE, row
// locks and the query shape from node-sql-parser's AST. INSERT … VALUES never goes to the parser
// (slow on big lists, nothing to shape); a statement the parser rejects keeps its kind, table and
// WHERE from tokens, without a shape. Returns undefined only when no target table can be found.
import type { ObjectName, StatementBody } from '../../model';
import type { MysqlParseOptions } from './lowering-options';
import { lowerQueryShape, takesRowLocks } from './query-shape';
import { astifyStatement, type AstNode } from './sql-parser-ast';
import { identifierOf, isSymbol, type TokenCursor } from './token-cursor';

export interface LoweredDml {
  readonly body: StatementBody;
  /** node-sql-parser's AST when the statement went through it and it accepted the statement. */
  readonly raw: AstNode | undefined;
}

const dmlKeywords: ReadonlySet<string> = new Set(['SELECT', 'INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'WITH', 'TABLE', 'VALUES']);

export function isDmlStart(cursor: TokenCursor): boolean {
  return cursor.atAnyWord(dmlKeywords) || cursor.atSymbol('(');
}

/** The DML statement whose first token is at the cursor. */
export function lowerDml(cursor: TokenCursor, options: MysqlParseOptions): LoweredDml | undefined {
  const startIndex = cursor.index;
  const mainIndex = cursor.atWord('WITH') ? mainStatementIndex(cursor, startIndex + 1) : startIndex;
  const keyword = cursor.at(mainIndex)?.keyword ?? '';
  // Query shapes serve Explain; rules read only what the tokens say, so an analysis that does not
  // ask for shapes sends node-sql-parser (the slow part of this front-end) only what a rule needs.
  const shapes = options.queryShapes !== false;
  if (keyword === 'INSERT' || keyword === 'REPLACE') {
    cursor.index = mainIndex + 1;
    const target = insertTarget(cursor);
    if (!target) return undefined;
    if (!target.fromQuery) return { body: { kind: 'insert', table: target.table, fromQuery: false }, raw: undefined };
    const parsed = shapes ? astify(cursor, startIndex, options) : undefined;
    const shape = parsed ? lowerQueryShape(parsed) : undefined;
    return { body: { kind: 'insert', table: target.table, fromQuery: true, ...(shape ? { shape } : {}) }, raw: parsed };
  }
  if (keyword === 'UPDATE' || keyword === 'DELETE') {
    const whereInTokens = hasTopLevelWord(cursor, mainIndex, 'WHERE');
    // `… LIMIT n` at the top level: the usual way to backfill in batches.
    const limited = hasTopLevelWord(cursor, mainIndex, 'LIMIT');
    // Without WHERE or LIMIT, unbounded-dml asks the shape whether an inner join bounds the rows.
    const parsed = shapes || (!whereInTokens && !limited) ? astify(cursor, startIndex, options) : undefined;
    cursor.index = mainIndex + 1;
    const table = keyword === 'UPDATE' ? updateTarget(cursor) : deleteTarget(cursor);
    if (!table) return undefined;
    const hasWhere = parsed ? parsed.where !== null && parsed.where !== undefined : whereInTokens;
    const shape = parsed ? lowerQueryShape(parsed) : undefined;
    const kind = keyword === 'UPDATE' ? 'update' : 'delete';
    return { body: { kind, table, hasWhere, ...(limited ? { limited } : {}), ...(shape ? { shape } : {}) }, raw: parsed };
  }
  const parsed = shapes ? astify(cursor, startIndex, options) : undefined;
  const locks = parsed ? takesRowLocks(parsed) : selectLocksRows(cursor, mainIndex);
  const shape = parsed ? lowerQueryShape(parsed) : undefined;
  return { body: { kind: 'select', ...(shape ? { shape } : {}), ...(locks ? { writes: 'row-locks' } : {}) }, raw: parsed };
}

function astify(cursor: TokenCursor, startIndex: number, options: MysqlParseOptions): AstNode | undefined {
  const start = cursor.at(startIndex)?.range.start ?? cursor.lastEnd();
  const parsed = astifyStatement(cursor.fileText.slice(start, cursor.lastEnd()), options.dialect);
  return 'ast' in parsed ? parsed.ast : undefined;
}

/** The index of the first token from `from` at the top level (outside parentheses) that passes `test`, or -1. */
function findTopLevel(cursor: TokenCursor, from: number, test: (index: number) => boolean): number {
  let depth = 0;
  for (let index = from; index < cursor.end; index++) {
    const token = cursor.tokens[index];
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')')) depth--;
    else if (depth === 0 && test(index)) return index;
  }
  return -1;
}

const statementKeywords: ReadonlySet<string> = new Set(['SELECT', 'UPDATE', 'DELETE', 'INSERT', 'REPLACE']);

/** After `WITH …`: the index of the statement keyword at the top level, past the common table expressions. */
function mainStatementIndex(cursor: TokenCursor, from: number): number {
  const found = findTopLevel(cursor, from, (index) => statementKeywords.has(cursor.tokens[index]?.keyword ?? ''));
  return found < 0 ? from - 1 : found;
}

function hasTopLevelWord(cursor: TokenCursor, from: number, keyword: string): boolean {
  return findTopLevel(cursor, from, (index) => cursor.tokens[index]?.keyword === keyword) >= 0;
}

/** `FOR UPDATE`, `FOR SHARE`, `LOCK IN SHARE MODE` at the top level of a SELECT the parser rejected. */
function selectLocksRows(cursor: TokenCursor, from: number): boolean {
  const locking = (index: number): boolean => {
    const word = cursor.tokens[index]?.keyword;
    const next = cursor.tokens[index + 1]?.keyword;
    return (word === 'FOR' && (next === 'UPDATE' || next === 'SHARE')) || (word === 'LOCK' && next === 'IN');
  };
  return findTopLevel(cursor, from, locking) >= 0;
}

function skipWords(cursor: TokenCursor, words: readonly string[]): void {
  while (words.some((word) => cursor.atWord(word))) cursor.index++;
}

/** `INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t [PARTITION (…)] [(cols)]` and what fills it. */
function insertTarget(cursor: TokenCursor): { readonly table: ObjectName; readonly fromQuery: boolean } | undefined {
  skipWords(cursor, ['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE']);
  cursor.acceptWord('INTO');
  const table = cursor.readObjectName();
  if (!table) return undefined;
  if (cursor.acceptWord('PARTITION')) cursor.skipItem();
  const startsQuery = (ahead: number): boolean => cursor.atWord('SELECT', ahead) || cursor.atWord('WITH', ahead) || cursor.atWord('TABLE', ahead);
  if (cursor.atSymbol('(') && !startsQuery(1) && !cursor.atSymbol('(', 1)) cursor.skipItem();
  return { table, fromQuery: startsQuery(0) || cursor.atSymbol('(') };
}

function updateTarget(cursor: TokenCursor): ObjectName | undefined {
  skipWords(cursor, ['LOW_PRIORITY', 'IGNORE']);
  return cursor.readObjectName();
}

/**
 * `DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM t …`, or the multi-table `DELETE a FROM t AS a JOIN …`
 * whose first target may be an alias: then the aliased table in FROM.
 */
function deleteTarget(cursor: TokenCursor): ObjectName | undefined {
  skipWords(cursor, ['LOW_PRIORITY', 'QUICK', 'IGNORE']);
  if (cursor.acceptWord('FROM')) return cursor.readObjectName();
  const target = cursor.readObjectName();
  if (!target || target.schema !== undefined) return target;
  return aliasedTable(cursor, target.name, cursor.index) ?? target;
}

/** Words before a name that make it a table, a condition or a join word rather than a table followed by its alias. */
const notTableEnds: ReadonlySet<string> = new Set([
  'FROM', 'JOIN', 'STRAIGHT_JOIN', 'INNER', 'LEFT', 'RIGHT', 'CROSS', 'NATURAL', 'OUTER', 'ON', 'USING', 'AND', 'OR', 'NOT', 'AS',
]);

/** The table written as `t alias` or `t AS alias` after `from`, before WHERE. */
function aliasedTable(cursor: TokenCursor, alias: string, from: number): ObjectName | undefined {
  for (let index = from + 1; index < cursor.end; index++) {
    const token = cursor.tokens[index];
    if (token?.keyword === 'WHERE') return undefined;
    if (identifierOf(token) !== alias) continue;
    const nameEnd = cursor.tokens[index - 1]?.keyword === 'AS' ? index - 1 : index;
    const last = cursor.tokens[nameEnd - 1];
    if (nameEnd - 1 < from || identifierOf(last) === undefined || (last?.kind === 'word' && notTableEnds.has(last.keyword))) continue;
    cursor.index = isSymbol(cursor.tokens[nameEnd - 2], '.') ? nameEnd - 3 : nameEnd - 1;
    return cursor.readObjectName();
  }
  return undefined;
}
