// What a MySQL/MariaDB view's query reads, for the schema model's view dependencies: the tables after
// FROM and JOIN (from tokens, with their ranges; common table expressions left out) and the column
// names the query mentions (from node-sql-parser's AST when it accepts the query, else none).
import type { ObjectName } from '../../model';
import type { MysqlParseOptions } from './lowering-options';
import { astifyStatement, nameOf, stringField, visitAst } from './sql-parser-ast';
import { identifierOf, isSymbol, type TokenCursor } from './token-cursor';

/** Words that end a FROM clause at its depth. */
const fromEndWords: ReadonlySet<string> = new Set(['WHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'FOR', 'LOCK', 'INTO', 'WITH', 'SELECT']);

/** The relations and columns the query from token `queryStart` to the end of the statement reads. */
export function viewReads(cursor: TokenCursor, queryStart: number, options: MysqlParseOptions): { relations: ObjectName[]; columns: string[] } {
  const cteNames = commonTableNames(cursor, queryStart);
  const relations = new Map<string, ObjectName>();
  // Whether the tokens at each parenthesis depth are in a FROM clause, where a comma starts a table.
  const inFrom: boolean[] = [false];
  let depth = 0;
  for (let index = queryStart; index < cursor.end; index++) {
    const token = cursor.tokens[index];
    if (isSymbol(token, '(')) inFrom[++depth] = false;
    else if (isSymbol(token, ')')) depth = Math.max(0, depth - 1);
    const keyword = token?.keyword ?? '';
    const startsTable = keyword === 'FROM' || keyword === 'JOIN' || keyword === 'STRAIGHT_JOIN' || (isSymbol(token, ',') && inFrom[depth] === true);
    if (keyword === 'FROM') inFrom[depth] = true;
    else if (fromEndWords.has(keyword)) inFrom[depth] = false;
    if (!startsTable) continue;
    cursor.index = index + 1;
    const relation = readTable(cursor);
    if (relation && !(relation.schema === undefined && cteNames.has(relation.name))) relations.set(`${relation.schema ?? ''}.${relation.name}`, relation);
  }
  return { relations: [...relations.values()], columns: queryColumns(cursor, queryStart, options) };
}

/** `t`, `db.t` after FROM, JOIN or a FROM-list comma; a subquery there is read by the outer scan. */
function readTable(cursor: TokenCursor): ObjectName | undefined {
  return cursor.atSymbol('(') ? undefined : cursor.readObjectName();
}

/** Names of `WITH [RECURSIVE] name [(…)] AS (…), …` at the start of the query. */
function commonTableNames(cursor: TokenCursor, queryStart: number): Set<string> {
  const names = new Set<string>();
  cursor.index = queryStart;
  if (!cursor.acceptWord('WITH')) return names;
  cursor.acceptWord('RECURSIVE');
  for (;;) {
    const name = identifierOf(cursor.peek());
    if (name === undefined) return names;
    names.add(name);
    cursor.index++;
    if (cursor.atSymbol('(')) cursor.skipItem();
    if (!cursor.acceptWord('AS') || !isSymbol(cursor.peek(), '(')) return names;
    cursor.skipItem();
    if (!cursor.acceptSymbol(',')) return names;
  }
}

function queryColumns(cursor: TokenCursor, queryStart: number, options: MysqlParseOptions): string[] {
  const start = cursor.at(queryStart)?.range.start;
  if (start === undefined) return [];
  const parsed = astifyStatement(cursor.fileText.slice(start, queryEnd(cursor)), options.dialect);
  if (!('ast' in parsed)) return [];
  const columns = new Set<string>();
  visitAst(parsed.ast, (node) => {
    if (stringField(node, 'type') !== 'column_ref') return;
    const column = nameOf(node.column);
    if (column !== undefined && column !== '*') columns.add(column.toLowerCase());
  });
  return [...columns];
}

/** The end of the view's query: before a trailing `WITH [CASCADED|LOCAL] CHECK OPTION`, which is the view's. */
function queryEnd(cursor: TokenCursor): number {
  const last = cursor.end - 1;
  if (cursor.tokens[last]?.keyword !== 'OPTION' || cursor.tokens[last - 1]?.keyword !== 'CHECK') return cursor.lastEnd();
  const scoped = cursor.tokens[last - 2]?.keyword === 'CASCADED' || cursor.tokens[last - 2]?.keyword === 'LOCAL';
  const withIndex = scoped ? last - 3 : last - 2;
  return cursor.tokens[withIndex]?.keyword === 'WITH' ? (cursor.tokens[withIndex - 1]?.range.end ?? cursor.lastEnd()) : cursor.lastEnd();
}
