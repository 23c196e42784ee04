// What a statement needs before it can be explained: its parameters (`$1`, `?`, `:name`), found by
// a scan that skips strings, quoted identifiers, comments, `::` casts and dollar-quoted bodies; and
// whether running it (EXPLAIN ANALYZE) would change anything.
import type { Statement, StatementKind } from '../model';

export interface StatementParameters {
  /** `dollar`: `$1 … $n`; `question`: `?` placeholders (JDBC, ODBC, MySQL); `named`: `:name` (psql, ORMs). */
  readonly style: 'dollar' | 'question' | 'named' | 'none';
  /**
   * One entry per value to supply, in order: `$1 … $n` up to the highest number used; `?1 … ?k`
   * numbering the question marks by position; the distinct `:name`s in order of first use.
   */
  readonly names: string[];
}

/** Keywords after which a `?` is a value, not PostgreSQL's jsonb/geometric `?` operator. */
const valueKeywords = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'SET', 'VALUES', 'LIMIT', 'OFFSET', 'BETWEEN', 'IN', 'IS', 'LIKE', 'ILIKE',
  'THEN', 'ELSE', 'WHEN', 'CASE', 'RETURNING', 'BY', 'HAVING', 'FETCH', 'FIRST', 'NEXT', 'DISTINCT', 'FROM', 'AS', 'ANY', 'ALL',
  'SOME', 'ARRAY', 'INTERVAL', 'USING',
]);

const isWordPart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 128;
const isWordStart = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 128;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const operatorCharacters = new Set([...'+-*/<>=~!@#%^&|`?']);

/**
 * The statement's parameters. When styles are mixed, `$n` wins over `?`, and `?` over `:name`
 * (a statement mixing them cannot be sent as one anyway).
 */
export function statementParameters(text: string): StatementParameters {
  let highestDollar = 0;
  let questionMarks = 0;
  const named: string[] = [];
  /** The last significant token: a word (upper-cased), or the punctuation character. */
  let previous = '';
  let previousIsWord = false;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const character = text[index] ?? '';
    if (code <= 32) {
      index++;
      continue;
    }
    if (character === '-' && text[index + 1] === '-') {
      while (index < text.length && text[index] !== '\n') index++;
      continue;
    }
    if (character === '/' && text[index + 1] === '*') {
      index = blockCommentEnd(text, index);
      continue;
    }
    if (character === "'") {
      // E'…' strings take backslash escapes; the word before the quote was read as a word token.
      index = stringEnd(text, index, previousIsWord && /^E$/i.test(previous) && text[index - 1]?.toUpperCase() === 'E');
      setPrevious("'", false);
      continue;
    }
    if (character === '"') {
      index = quotedEnd(text, index, '"');
      setPrevious('"', true);
      continue;
    }
    if (character === '$') {
      if (isDigit(text.charCodeAt(index + 1))) {
        let end = index + 1;
        while (isDigit(text.charCodeAt(end))) end++;
        highestDollar = Math.max(highestDollar, Number(text.slice(index + 1, end)));
        index = end;
        setPrevious('$n', true);
        continue;
      }
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(index, index + 64));
      if (tag) {
        const close = text.indexOf(tag[0], index + tag[0].length);
        index = close < 0 ? text.length : close + tag[0].length;
        setPrevious("'", false);
        continue;
      }
      index++;
      continue;
    }
    if (isWordStart(code)) {
      let end = index + 1;
      while (end < text.length && isWordPart(text.charCodeAt(end))) end++;
      setPrevious(text.slice(index, end).toUpperCase(), true);
      index = end;
      continue;
    }
    if (isDigit(code)) {
      while (index < text.length && (isDigit(text.charCodeAt(index)) || text[index] === '.')) index++;
      setPrevious('0', true);
      continue;
    }
    if (character === ':') {
      if (text[index + 1] === ':') {
        // A cast: the type name after it is not a parameter.
        index += 2;
        setPrevious('::', false);
        continue;
      }
      // `:name`, unless it is an array slice bound (`a[lo:hi]`) or part of `:=`.
      if (!followsValue() && isWordStart(text.charCodeAt(index + 1))) {
        let end = index + 2;
        while (end < text.length && isWordPart(text.charCodeAt(end))) end++;
        const name = text.slice(index, end);
        if (!named.includes(name)) named.push(name);
        index = end;
        setPrevious(':name', true);
        continue;
      }
      index++;
      setPrevious(':', false);
      continue;
    }
    if (character === '?') {
      const next = text[index + 1] ?? '';
      const before = text[index - 1] ?? '';
      // `?|`, `?&`, `?-`, `?#`: operators; so is `jsonb ? 'key'`, a `?` after a value.
      const partOfOperator = operatorCharacters.has(next) || (operatorCharacters.has(before) && before !== '=' && before !== '<' && before !== '>');
      if (!partOfOperator && !followsValue()) {
        questionMarks++;
        setPrevious('?', true);
      } else setPrevious('?', false);
      index++;
      continue;
    }
    setPrevious(character, false);
    index++;
  }
  if (highestDollar > 0) return { style: 'dollar', names: Array.from({ length: highestDollar }, (_, position) => `$${position + 1}`) };
  if (questionMarks > 0) return { style: 'question', names: Array.from({ length: questionMarks }, (_, position) => `?${position + 1}`) };
  if (named.length > 0) return { style: 'named', names: named };
  return { style: 'none', names: [] };

  /** Whether the previous token ends a value (a column, a literal, a closing bracket): then `?` and `:x` are operators or slices. */
  function followsValue(): boolean {
    return previousIsWord ? !valueKeywords.has(previous) : previous === ')' || previous === ']' || previous === "'";
  }

  function setPrevious(token: string, isWord: boolean): void {
    previous = token;
    previousIsWord = isWord;
  }
}

function blockCommentEnd(text: string, start: number): number {
  // PostgreSQL block comments nest.
  let depth = 0;
  let index = start;
  while (index < text.length) {
    if (text[index] === '/' && text[index + 1] === '*') {
      depth++;
      index += 2;
    } else if (text[index] === '*' && text[index + 1] === '/') {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else index++;
  }
  return text.length;
}

function stringEnd(text: string, start: number, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (backslashEscapes && character === '\\') index += 2;
    else if (character === "'" && text[index + 1] === "'") index += 2;
    else if (character === "'") return index + 1;
    else index++;
  }
  return text.length;
}

function quotedEnd(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === quote && text[index + 1] === quote) index += 2;
    else if (text[index] === quote) return index + 1;
    else index++;
  }
  return text.length;
}

/** Kinds that never change data or schema. */
const readOnlyKinds: ReadonlySet<StatementKind> = new Set(['set', 'reset', 'transaction']);
/** `other` statements known to change nothing (SHOW, LISTEN, DEALLOCATE, DISCARD); every other unknown kind counts as writing. */
const readOnlyOther = new Set(['VariableShowStmt', 'ListenStmt', 'UnlistenStmt', 'DeallocateStmt', 'DiscardStmt']);

/**
 * Whether running the statement (EXPLAIN ANALYZE does) changes data, schema or row locks: INSERT,
 * UPDATE, DELETE, MERGE, DDL, and a SELECT with FOR UPDATE/SHARE, a data-modifying CTE or INTO.
 * A plain SELECT is false even when it calls a function: whether a function writes
 * (`nextval`, a user function) cannot be known from the text, so the caller's read-only
 * transaction is the guard. Unrecognised statements count as writing.
 */
export function isWritingStatement(stmt: Statement): boolean {
  if (stmt.kind === 'select') return stmt.writes !== undefined;
  if (readOnlyKinds.has(stmt.kind)) return false;
  if (stmt.kind === 'other') return !readOnlyOther.has(stmt.nodeType);
  return true;
}
