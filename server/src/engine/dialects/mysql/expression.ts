// MySQL/MariaDB expressions read from tokens (DEFAULT, ON UPDATE, CHECK, generated columns, index
// parts): their extent in a column definition, and the facts rules ask of them. Token-based on
// purpose: DDL never goes to node-sql-parser. It must not guess beyond what the tokens show.
import type { Expression } from '../../model';
import type { MysqlToken } from './lexer';
import { isSymbol, type TokenCursor } from './token-cursor';

/** Functions MySQL lets a statement call without parentheses (`DEFAULT CURRENT_TIMESTAMP`). */
const niladicFunctions: ReadonlySet<string> = new Set([
  'CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIME', 'LOCALTIMESTAMP', 'UTC_TIMESTAMP', 'UTC_DATE',
  'UTC_TIME', 'CURRENT_USER', 'CURRENT_ROLE', 'SYSDATE',
]);

/** Words before `(` that are operators or clause words, not function calls. */
const notFunctions: ReadonlySet<string> = new Set([
  'IN', 'NOT', 'AND', 'OR', 'XOR', 'IS', 'LIKE', 'RLIKE', 'REGEXP', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END',
  'AS', 'ON', 'USING', 'EXISTS', 'ANY', 'ALL', 'SOME', 'DISTINCT', 'SELECT', 'FROM', 'WHERE', 'BY', 'DIV', 'INTERVAL',
  'ESCAPE', 'COLLATE', 'BINARY', 'NULL', 'SOUNDS', 'MEMBER', 'OF',
]);

/** Words in an expression that are never column references. */
const expressionWords: ReadonlySet<string> = new Set([
  ...notFunctions, ...niladicFunctions, 'TRUE', 'FALSE', 'UNKNOWN', 'MOD', 'DATE', 'TIME', 'TIMESTAMP', 'NEXT', 'VALUE',
  'FOR', 'MICROSECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'SECOND_MICROSECOND',
  'MINUTE_MICROSECOND', 'MINUTE_SECOND', 'HOUR_MICROSECOND', 'HOUR_SECOND', 'HOUR_MINUTE', 'DAY_MICROSECOND',
  'DAY_SECOND', 'DAY_MINUTE', 'DAY_HOUR', 'YEAR_MONTH', 'SIGNED', 'UNSIGNED', 'CHAR', 'CHARACTER', 'SET', 'ASC', 'DESC',
]);

/** Typed literals: `DATE '2024-01-01'`, `TIMESTAMP '…'`. */
const literalPrefixes: ReadonlySet<string> = new Set(['DATE', 'TIME', 'TIMESTAMP']);

/** The expression written by the tokens `first` … `end - 1` of the cursor's statement. */
export function expressionOf(cursor: TokenCursor, first: number, end: number): Expression {
  const tokens = cursor.tokens.slice(first, end);
  const start = tokens[0]?.range.start ?? cursor.previousEnd();
  const range = { start, end: tokens[tokens.length - 1]?.range.end ?? start };
  const bare = withoutParentheses(tokens);
  return {
    range,
    functionCalls: functionCalls(tokens),
    isConstant: isConstantTokens(bare),
    isNull: bare.length === 1 && bare[0]?.keyword === 'NULL',
    text: cursor.textOf(range),
    columns: columnReferences(tokens),
  };
}

/**
 * Reads a value where the grammar allows one operand (DEFAULT, ON UPDATE, SET DEFAULT): a literal,
 * a name or call, a parenthesised expression, joined by operators (`-1`, `'a' 'b'`, `now() + 1`).
 * Stops before the next column clause word. Returns undefined when no operand is there.
 */
export function readOperandExpression(cursor: TokenCursor): Expression | undefined {
  const first = cursor.index;
  for (;;) {
    while (isUnaryOperator(cursor.peek())) cursor.index++;
    if (!readPrimary(cursor)) break;
    if (!isBinaryOperator(cursor.peek())) break;
    cursor.index++;
  }
  if (cursor.index === first) return undefined;
  return expressionOf(cursor, first, cursor.index);
}

function readPrimary(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  if (!token || isSymbol(token, ',') || isSymbol(token, ')')) return false;
  if (isSymbol(token, '(')) return cursor.skipItem();
  if (token.kind === 'string') {
    // Adjacent strings are one literal (`'a' 'b'`).
    while (cursor.peek()?.kind === 'string') cursor.index++;
    return true;
  }
  if (token.kind === 'number' || token.kind === 'variable' || token.kind === 'placeholder') {
    cursor.index++;
    return true;
  }
  if (token.kind !== 'word' && token.kind !== 'quoted-identifier') return false;
  cursor.index++;
  if (literalPrefixes.has(token.keyword) && cursor.peek()?.kind === 'string') cursor.index++;
  else if (cursor.atWords('VALUE', 'FOR') && token.keyword === 'NEXT') {
    // MariaDB sequences: `DEFAULT NEXT VALUE FOR seq`.
    cursor.index += 2;
    cursor.readObjectName();
  } else {
    while (cursor.atSymbol('.') && cursor.peek(1) !== undefined) cursor.index += 2;
    if (cursor.atSymbol('(')) return cursor.skipItem();
  }
  return true;
}

function isUnaryOperator(token: MysqlToken | undefined): boolean {
  return token !== undefined && token.kind === 'operator' && (token.text === '-' || token.text === '+' || token.text === '~' || token.text === '!');
}

const binaryOperators: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '||', '&&', '|', '&', '^', '<<', '>>']);

function isBinaryOperator(token: MysqlToken | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'operator') return binaryOperators.has(token.text);
  return token.kind === 'word' && (token.keyword === 'DIV' || token.keyword === 'MOD');
}

function withoutParentheses(tokens: readonly MysqlToken[]): readonly MysqlToken[] {
  let inner = tokens;
  while (inner.length >= 2 && isSymbol(inner[0], '(') && isSymbol(inner[inner.length - 1], ')') && closesFirst(inner)) {
    inner = inner.slice(1, -1);
  }
  return inner;
}

/** Whether the last token closes the first one's parenthesis (not `(a) + (b)`). */
function closesFirst(tokens: readonly MysqlToken[]): boolean {
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (isSymbol(tokens[index], '(')) depth++;
    else if (isSymbol(tokens[index], ')')) {
      depth--;
      if (depth === 0) return index === tokens.length - 1;
    }
  }
  return false;
}

/** A literal, signed number, NULL, TRUE/FALSE or typed literal: evaluated once, cheap to store. */
function isConstantTokens(tokens: readonly MysqlToken[]): boolean {
  let index = 0;
  while (isUnaryOperator(tokens[index]) && tokens[index]?.text !== '!') index++;
  const token = tokens[index];
  if (!token) return false;
  const rest = tokens.length - index;
  if (token.kind === 'string') return tokens.slice(index).every((part) => part.kind === 'string');
  if (token.kind === 'number') return rest === 1;
  if (token.kind !== 'word') return false;
  if (rest === 1) return token.keyword === 'NULL' || token.keyword === 'TRUE' || token.keyword === 'FALSE';
  return rest === 2 && literalPrefixes.has(token.keyword) && tokens[index + 1]?.kind === 'string';
}

function functionCalls(tokens: readonly MysqlToken[]): string[] {
  const calls: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || token.kind !== 'word') continue;
    const called = isSymbol(tokens[index + 1], '(') && !notFunctions.has(token.keyword);
    if (called || niladicFunctions.has(token.keyword)) calls.push(token.value.toLowerCase());
  }
  return calls;
}

/** Distinct column names the expression reads: identifiers that are not calls, keywords or qualifiers. */
function columnReferences(tokens: readonly MysqlToken[]): string[] {
  const columns = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || (token.kind !== 'word' && token.kind !== 'quoted-identifier')) continue;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (isSymbol(next, '(') || isSymbol(next, '.')) continue;
    if (token.kind === 'word') {
      if (expressionWords.has(token.keyword)) continue;
      // The target type of CAST(x AS type) and the character set of CONVERT(x USING cs) or COLLATE.
      if (previous?.keyword === 'AS' || previous?.keyword === 'USING' || previous?.keyword === 'COLLATE') continue;
    }
    columns.add(token.value.toLowerCase());
  }
  return [...columns];
}
