// MySQL/MariaDB lexer: the tokens of one split statement, with comments dropped and executable comments (`/*!…*/`)
// run or dropped as the configured server would. Pure and total: no I/O, never throws; a broken token is a value.
import type { ServerVersion } from '../../config';
import type { TextRange } from '../../model/text';
import { createMysqlScanner, scanMysqlToken, type MysqlTokenKind } from './scanner';

export interface MysqlLexOptions {
  readonly dialect: 'mysql' | 'mariadb';
  readonly version: ServerVersion;
  /**
   * The client delimiter active for the statement when a DELIMITER command changed it (`$$`, `//`): it is then one
   * `punctuation` token (so `END$$` is `END` then `$$`). Default `;`.
   */
  readonly delimiter?: string;
}

export type { MysqlTokenKind };

export interface MysqlToken {
  readonly kind: MysqlTokenKind;
  /** The source text of the token, as written. */
  readonly text: string;
  /** word: as written; quoted-identifier and string: the unescaped content; others: the text. */
  readonly value: string;
  /** word only: upper-cased, for keyword comparison; '' for other kinds. */
  readonly keyword: string;
  /** File offsets (UTF-16), half-open. */
  readonly range: TextRange;
}

/**
 * The tokens of `fileText` within `range` (one split statement): comments dropped; versioned comments per the
 * options. Strings keep their introducer in `text` (`_utf8mb4'x'`, `N'x'`, and the hex and bit literals `X'0A'`,
 * `b'01'`, whose `value` is the digits); `0x0A` and `0b01` are numbers.
 */
export function tokenizeMysql(fileText: string, range: TextRange, options: MysqlLexOptions): MysqlToken[] {
  const scanner = createMysqlScanner(fileText, range.start, range.end, options);
  if (options.delimiter !== undefined && options.delimiter !== '') scanner.delimiter = options.delimiter;
  const tokens: MysqlToken[] = [];
  for (;;) {
    const kind = scanMysqlToken(scanner);
    if (kind === 'end') return tokens;
    if (kind === 'line-comment' || kind === 'block-comment') continue;
    const text = fileText.slice(scanner.start, scanner.end);
    const tokenRange = { start: scanner.start, end: scanner.end };
    if (kind === 'word') {
      tokens.push({ kind, text, value: text, keyword: text.toUpperCase(), range: tokenRange });
    } else if (kind === 'quoted-identifier' || kind === 'string') {
      tokens.push({ kind, text, value: unquote(text), keyword: '', range: tokenRange });
    } else {
      tokens.push({ kind: kind === 'delimiter' ? 'punctuation' : kind, text, value: text, keyword: '', range: tokenRange });
    }
  }
}

const escapedCharacters: Readonly<Record<string, string>> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  // `\%` and `\_` keep their backslash, so LIKE patterns mean the same (MySQL manual, "String Literals").
  '%': '\\%',
  _: '\\_',
};

/**
 * The content of a quoted token after any introducer: doubled quotes and, in strings, backslash escapes undone.
 * An unterminated token has no closing quote to drop.
 */
function unquote(text: string): string {
  const open = firstQuote(text);
  const quote = text[open] ?? '';
  const closed = isClosed(text, open, quote);
  const body = text.slice(open + 1, closed ? text.length - 1 : text.length);
  if (quote === '`') return body.replaceAll('``', '`');
  let value = '';
  let k = 0;
  while (k < body.length) {
    const c = body[k] ?? '';
    if (c === '\\' && k + 1 < body.length) {
      const escaped = body[k + 1] ?? '';
      value += escapedCharacters[escaped] ?? escaped;
      k += 2;
    } else if (c === quote && body[k + 1] === quote) {
      value += quote;
      k += 2;
    } else {
      value += c;
      k++;
    }
  }
  return value;
}

function firstQuote(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "'" || c === '"' || c === '`') return k;
  }
  return 0;
}

/** Whether the token ends with its closing quote (not with an escaped or doubled one, when it is unterminated). */
function isClosed(text: string, open: number, quote: string): boolean {
  let k = open + 1;
  while (k < text.length) {
    const c = text[k];
    if (c === '\\' && quote !== '`') k += 2;
    else if (c === quote) {
      if (k === text.length - 1) return true;
      k += 2;
    } else k++;
  }
  return false;
}
