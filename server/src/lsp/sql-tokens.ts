// A small SQL lexer for the editor features that work on names under the cursor (hover, go to
// definition, references, completion): identifiers, quoted identifiers, strings (standard, E'',
// dollar-quoted; MySQL's backticks, double-quoted strings, `#` comments and backslash escapes),
// comments, numbers and punctuation, with file offsets. It never fails and never
// parses: an unterminated string or comment runs to the end and says so. Not for analysis: the
// engine's splitter and parser stay authoritative for statements.
import type { Dialect } from '../engine';

export type TokenKind = 'word' | 'quoted' | 'string' | 'comment' | 'number' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** File offsets, half-open. */
  readonly start: number;
  readonly end: number;
  /** Words: the word in upper case; punctuation: the characters; comments: `--` or `/*`; otherwise empty. */
  readonly keyword: string;
  /** Identifiers: the name as stored (unquoted words folded to lower case, quoted ones as written). */
  readonly name: string;
  /** A string, quoted identifier or block comment without its closing delimiter. */
  readonly unterminated: boolean;
}

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;
const digit = /[0-9]/;
const dollarTag = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** Tokens of `text` between `from` and `to` (file offsets), comments included, as the dialect reads them. */
export function tokenize(text: string, from = 0, to = text.length, dialect: Dialect = 'postgres'): Token[] {
  const mysql = dialect !== 'postgres';
  const tokens: Token[] = [];
  let index = from;
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Pick<Token, 'keyword' | 'name' | 'unterminated'>> = {}): void => {
    tokens.push({ kind, start, end, keyword: extra.keyword ?? '', name: extra.name ?? '', unterminated: extra.unterminated ?? false });
    index = end;
  };
  while (index < to) {
    const char = text[index] ?? '';
    const next = text[index + 1] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\f') {
      index++;
    } else if (char === '-' && next === '-') {
      const end = text.indexOf('\n', index);
      push('comment', index, end < 0 || end > to ? to : end, { keyword: '--' });
    } else if (char === '/' && next === '*') {
      const end = blockCommentEnd(text, index, to);
      push('comment', index, end ?? to, { keyword: '/*', unterminated: end === undefined });
    } else if (mysql && char === '#') {
      const end = text.indexOf('\n', index);
      push('comment', index, end < 0 || end > to ? to : end, { keyword: '--' });
    } else if (char === "'" || (mysql && char === '"')) {
      const end = stringEnd(text, index, to, mysql, char);
      push('string', index, end ?? to, { unterminated: end === undefined });
    } else if (mysql && char === '`') {
      // MySQL folds names for comparison (columns always, tables with lower_case_table_names), as the model does.
      const end = quotedEnd(text, index, to, '`');
      push('quoted', index, end ?? to, { unterminated: end === undefined, name: text.slice(index + 1, (end ?? to + 1) - 1).replaceAll('``', '`').toLowerCase() });
    } else if (char === '"') {
      const end = quotedEnd(text, index, to);
      push('quoted', index, end ?? to, { unterminated: end === undefined, name: text.slice(index + 1, (end ?? to + 1) - 1).replaceAll('""', '"') });
    } else if (char === '$' && !mysql) {
      dollarTag.lastIndex = index;
      const tag = dollarTag.exec(text);
      if (tag && tag.index === index && index + tag[0].length <= to) {
        const close = text.indexOf(tag[0], index + tag[0].length);
        const end = close < 0 || close + tag[0].length > to ? undefined : close + tag[0].length;
        push('string', index, end ?? to, { unterminated: end === undefined });
      } else if (digit.test(next)) {
        let end = index + 1;
        while (end < to && digit.test(text[end] ?? '')) end++;
        push('number', index, end);
      } else {
        push('punct', index, index + 1, { keyword: '$' });
      }
    } else if (wordStart.test(char)) {
      let end = index + 1;
      while (end < to && wordPart.test(text[end] ?? '')) end++;
      const word = text.slice(index, end);
      const upper = word.toUpperCase();
      // String prefixes: E'…' (backslash escapes), B'…', X'…', N'…', U&'…' and U&"…".
      if (end - index === 1 && text[end] === "'" && 'EBXN'.includes(upper)) {
        const close = stringEnd(text, end, to, upper === 'E' || mysql);
        push('string', index, close ?? to, { unterminated: close === undefined });
      } else if (upper === 'U' && text[end] === '&' && (text[end + 1] === "'" || text[end + 1] === '"')) {
        const quoted = text[end + 1] === '"';
        const close = quoted ? quotedEnd(text, end + 1, to) : stringEnd(text, end + 1, to, false);
        const name = quoted ? text.slice(end + 2, (close ?? to + 1) - 1) : '';
        push(quoted ? 'quoted' : 'string', index, close ?? to, { unterminated: close === undefined, name });
      } else {
        push('word', index, end, { keyword: upper, name: word.toLowerCase() });
      }
    } else if (digit.test(char) || (char === '.' && digit.test(next))) {
      let end = index + 1;
      while (end < to && /[0-9.eE]/.test(text[end] ?? '')) {
        if ((text[end] === 'e' || text[end] === 'E') && (text[end + 1] === '+' || text[end + 1] === '-')) end++;
        end++;
      }
      push('number', index, end);
    } else if (char === ':' && next === ':') {
      push('punct', index, index + 2, { keyword: '::' });
    } else {
      push('punct', index, index + 1, { keyword: char });
    }
  }
  return tokens;
}

/** End of a `/* … *\/` comment (they nest in PostgreSQL), or undefined when it does not close. */
function blockCommentEnd(text: string, start: number, to: number): number | undefined {
  let depth = 0;
  let index = start;
  while (index < to) {
    if (text[index] === '/' && text[index + 1] === '*') {
      depth++;
      index += 2;
    } else if (text[index] === '*' && text[index + 1] === '/') {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else {
      index++;
    }
  }
  return undefined;
}

/** End of a string starting at the quote `start` (the quote doubled; backslash escapes in E strings and MySQL). */
function stringEnd(text: string, start: number, to: number, backslashEscapes: boolean, quote = "'"): number | undefined {
  let index = start + 1;
  while (index < to) {
    const char = text[index];
    if (backslashEscapes && char === '\\') {
      index += 2;
    } else if (char === quote) {
      if (text[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index++;
    }
  }
  return undefined;
}

function quotedEnd(text: string, start: number, to: number, quote = '"'): number | undefined {
  let index = start + 1;
  while (index < to) {
    if (text[index] === quote) {
      if (text[index + 1] === quote) index += 2;
      else return index + 1;
    } else {
      index++;
    }
  }
  return undefined;
}

export function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

/**
 * Whether the offset is inside a string, quoted identifier or comment: after its first character and
 * before its end, or at the end of one that is unterminated or a `--` comment (which runs to the line end).
 */
export function insideLiteral(tokens: readonly Token[], offset: number): boolean {
  return tokens.some(
    (token) =>
      (token.kind === 'string' || token.kind === 'comment' || token.kind === 'quoted') &&
      token.start < offset &&
      (offset < token.end || (offset === token.end && (token.unterminated || token.keyword === '--'))),
  );
}
