// The MySQL/MariaDB character scanner shared by the lexer and the splitter: one pass over character classes that
// finds the next token, comment or client delimiter, and runs executable comments (`/*!…*/`) the way the server
// would. It must stay pure and total: no I/O, no regex per character, never throws; it allocates nothing per token.
import { versionAtLeast, type ServerVersion } from '../../config';

export type MysqlTokenKind =
  | 'word'
  | 'quoted-identifier'
  | 'string'
  | 'number'
  | 'variable'
  | 'punctuation'
  | 'operator'
  | 'placeholder';

export type MysqlScanKind =
  | MysqlTokenKind
  | 'end'
  | 'line-comment'
  | 'block-comment'
  /** The client's active statement delimiter (`;`, or what a DELIMITER command set). */
  | 'delimiter';

export interface MysqlScanOptions {
  readonly dialect: 'mysql' | 'mariadb';
  readonly version: ServerVersion;
}

/** Scanner state for one range of a text; `scanMysqlToken` advances it. */
export interface MysqlScanner {
  readonly text: string;
  /** Where scanning started: nothing before it is looked at. */
  readonly from: number;
  /** Scanning never reads at or past this offset. */
  readonly limit: number;
  readonly options: MysqlScanOptions;
  /** The statement delimiter the mysql client is using; the splitter changes it on DELIMITER commands. */
  delimiter: string;
  /** Where the next scan starts. */
  position: number;
  /** The last token found. */
  kind: MysqlScanKind;
  start: number;
  end: number;
  /** The last token is or holds a template region: `%NAME%`, `{{ … }}`, `${name}`, `` `%TABLE_PREFIX%config` ``. */
  templated: boolean;
}

const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const AMPERSAND = 38;
const QUOTE = 39;
const STAR = 42;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const LESS = 60;
const EQUALS = 61;
const GREATER = 62;
const QUESTION = 63;
const AT = 64;
const UPPER_M = 77;
const BACKSLASH = 92;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const BOM = 0xfeff;

export function createMysqlScanner(text: string, from: number, to: number, options: MysqlScanOptions): MysqlScanner {
  const limit = Math.max(from, Math.min(to, text.length));
  return { text, from, limit, options, delimiter: ';', position: from, kind: 'end', start: from, end: from, templated: false };
}

/** Finds the next token or comment after `scanner.position`, records it in the scanner and returns its kind. */
export function scanMysqlToken(scanner: MysqlScanner): MysqlScanKind {
  const { text, limit } = scanner;
  let i = scanner.position;
  scanner.templated = false;
  // Whitespace, and the markers of executable comments the server runs: their content is plain SQL.
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c <= SPACE || c === BOM) i++;
    else if (c === SLASH && at(text, i + 1, limit) === STAR && isExecutableOpener(text, i, limit)) {
      const contentStart = executedCommentContentStart(text, i, limit, scanner.options);
      if (contentStart < 0) break;
      i = contentStart;
    } else if (c === STAR && at(text, i + 1, limit) === SLASH && at(text, i + 2, limit) !== STAR) {
      // Outside a comment `*/` can only close an executed comment (`*` then `/` is never valid SQL); `*/*` is
      // a multiplication followed by a comment.
      i += 2;
    } else break;
  }
  if (i >= limit) return finish(scanner, 'end', limit, limit);
  const c = text.charCodeAt(i);
  const delimiter = scanner.delimiter;
  if (c === delimiter.charCodeAt(0) && (delimiter.length === 1 || text.startsWith(delimiter, i))) {
    const end = Math.min(i + delimiter.length, limit);
    return finish(scanner, 'delimiter', i, end);
  }
  const next = at(text, i + 1, limit);
  if (isWordStart(c)) {
    if (c === DOLLAR && next === LBRACE) return template(scanner, i, skipTo(text, i + 2, limit, '}'));
    return scanWord(scanner, i);
  }
  if (isDigit(c)) return scanNumberOrWord(scanner, i);
  switch (c) {
    case QUOTE:
    case DQUOTE:
      // ANSI_QUOTES is off by default, so `"` quotes a string, not an identifier.
      return finish(scanner, 'string', i, skipQuoted(text, i, limit, c));
    case BACKTICK:
      return scanQuotedIdentifier(scanner, i);
    case HASH:
      return finish(scanner, 'line-comment', i, lineEnd(text, i, limit));
    case MINUS:
      // `--` starts a comment only before whitespace or a control character (MySQL manual, "Comments").
      if (next === MINUS && (i + 2 >= limit || text.charCodeAt(i + 2) <= SPACE)) {
        return finish(scanner, 'line-comment', i, lineEnd(text, i, limit));
      }
      return scanOperator(scanner, i);
    case SLASH:
      if (next === STAR) return finish(scanner, 'block-comment', i, skipTo(text, i + 2, limit, '*/'));
      return scanOperator(scanner, i);
    case DOT:
      if (isDigit(next) && !followsName(text, i, scanner.from)) return scanNumberOrWord(scanner, i);
      return finish(scanner, 'punctuation', i, i + 1);
    case AT:
      return scanVariable(scanner, i);
    case QUESTION:
      return finish(scanner, 'placeholder', i, i + 1);
    case PERCENT: {
      const end = percentPlaceholderEnd(text, i, limit);
      return end > 0 ? template(scanner, i, end) : scanOperator(scanner, i);
    }
    case LBRACE:
      if (next === LBRACE) return template(scanner, i, skipTo(text, i + 2, limit, '}}'));
      if (next === PERCENT) return template(scanner, i, skipTo(text, i + 2, limit, '%}'));
      return finish(scanner, 'punctuation', i, i + 1);
    case 40: // (
    case 41: // )
    case 44: // ,
    case 59: // ;
    case 91: // [
    case 93: // ]
    case RBRACE:
      return finish(scanner, 'punctuation', i, i + 1);
    default:
      return scanOperator(scanner, i);
  }
}

function finish(scanner: MysqlScanner, kind: MysqlScanKind, start: number, end: number): MysqlScanKind {
  scanner.kind = kind;
  scanner.start = start;
  scanner.end = end;
  scanner.position = end;
  return kind;
}

/** A template placeholder; a `?` parameter is a placeholder too, but the statement around it can be analysed. */
function template(scanner: MysqlScanner, start: number, end: number): MysqlScanKind {
  scanner.templated = true;
  return finish(scanner, 'placeholder', start, end);
}

/** `/*!` or MariaDB's `/*M!` at i (i is at the `/`). */
function isExecutableOpener(text: string, i: number, limit: number): boolean {
  const third = at(text, i + 2, limit);
  return third === BANG || (third === UPPER_M && at(text, i + 3, limit) === BANG);
}

/**
 * Where the SQL inside an executable comment starts when this server runs it, or -1 when it is a comment.
 * `/*!NNNNN` is a MySQL version `Mmmpp` (40101 = 4.1.1), six digits `MMmmpp` (100100 = 10.1.0); `/*M!` is MariaDB's
 * own form, run only by MariaDB. MariaDB 10.x is MySQL 5.5/5.6-compatible, so it runs five-digit MySQL versions
 * below 50700 and skips those of 5.7/8.0-only features.
 */
function executedCommentContentStart(text: string, i: number, limit: number, options: MysqlScanOptions): number {
  const mariadbOnly = text.charCodeAt(i + 2) === UPPER_M;
  const digitsStart = i + (mariadbOnly ? 4 : 3);
  let digits = 0;
  while (digits < 6 && isDigit(at(text, digitsStart + digits, limit))) digits++;
  if (digits < 5) digits = 0;
  const mariadb = options.dialect === 'mariadb';
  if (mariadbOnly && !mariadb) return -1;
  if (digits === 0) return digitsStart;
  const number = Number(text.slice(digitsStart, digitsStart + digits));
  const runs =
    mariadb && !mariadbOnly && digits === 5
      ? number < 50700
      : versionAtLeast(options.version, Math.floor(number / 10000), Math.floor(number / 100) % 100, number % 100);
  return runs ? digitsStart + digits : -1;
}

function scanWord(scanner: MysqlScanner, i: number): MysqlScanKind {
  const { text, limit } = scanner;
  const end = wordEnd(scanner, i + 1);
  const quote = at(text, end, limit);
  if ((quote === QUOTE || quote === DQUOTE) && isIntroducer(text, i, end, quote)) {
    return finish(scanner, 'string', i, skipQuoted(text, end, limit, quote));
  }
  return finish(scanner, 'word', i, end);
}

/**
 * Introducers glue onto their string: a character set (`_utf8mb4'x'`, `_binary"x"`), `N'x'`, and the hex and bit
 * literals `X'0A'`, `b'01'`.
 */
function isIntroducer(text: string, start: number, end: number, quote: number): boolean {
  const first = text.charCodeAt(start);
  if (first === UNDERSCORE) return end > start + 1;
  const letter = first | 0x20;
  return end === start + 1 && quote === QUOTE && (letter === 110 || letter === 120 || letter === 98);
}

/** The end of a name's characters from j, stopping where the active delimiter begins (`END$$` is `END` then `$$`). */
function wordEnd(scanner: MysqlScanner, j: number): number {
  const { text, limit, delimiter } = scanner;
  const delimiterFirst = delimiter.charCodeAt(0);
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (!isWordPart(c)) break;
    if (c === delimiterFirst && text.startsWith(delimiter, j)) break;
    j++;
  }
  return j;
}

/**
 * A number, or a name that starts with digits (MySQL allows `1a` as an identifier, "Schema Object Names"):
 * `12`, `1.5`, `.5`, `1e10`, `1.5E-3`, `0x0A`, `0b01`.
 */
function scanNumberOrWord(scanner: MysqlScanner, i: number): MysqlScanKind {
  const { text, limit } = scanner;
  let j = digitsEnd(text, i, limit);
  const c = at(text, j, limit);
  if (j === i + 1 && text.charCodeAt(i) === DIGIT_0 && (c | 0x20) === 120) {
    let k = j + 1;
    while (isHexDigit(at(text, k, limit))) k++;
    if (k > j + 1 && !isWordPart(at(text, k, limit))) return finish(scanner, 'number', i, k);
  } else if (j === i + 1 && text.charCodeAt(i) === DIGIT_0 && (c | 0x20) === 98) {
    let k = j + 1;
    while (at(text, k, limit) === DIGIT_0 || at(text, k, limit) === DIGIT_0 + 1) k++;
    if (k > j + 1 && !isWordPart(at(text, k, limit))) return finish(scanner, 'number', i, k);
  }
  if (c === DOT) j = digitsEnd(text, j + 1, limit);
  const exponent = exponentEnd(text, j, limit);
  if (exponent > 0) return finish(scanner, 'number', i, exponent);
  if (text.charCodeAt(i) !== DOT && c !== DOT && isWordPart(at(text, j, limit))) {
    return finish(scanner, 'word', i, wordEnd(scanner, j));
  }
  return finish(scanner, 'number', i, j);
}

/** The end of `e[+-]digits` at j when it ends the number there, else 0. */
function exponentEnd(text: string, j: number, limit: number): number {
  if ((at(text, j, limit) | 0x20) !== 101) return 0;
  let k = j + 1;
  const sign = at(text, k, limit);
  if (sign === 43 || sign === MINUS) k++;
  const end = digitsEnd(text, k, limit);
  return end > k && !isWordPart(at(text, end, limit)) ? end : 0;
}

function digitsEnd(text: string, j: number, limit: number): number {
  while (isDigit(at(text, j, limit))) j++;
  return j;
}

/** A `.` right after a name or quoted name qualifies it (`t.1a`), so it does not start a number. */
function followsName(text: string, i: number, from: number): boolean {
  if (i <= from) return false;
  const before = text.charCodeAt(i - 1);
  return isWordPart(before) || before === BACKTICK;
}

function scanQuotedIdentifier(scanner: MysqlScanner, i: number): MysqlScanKind {
  const { text, limit } = scanner;
  let j = i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === BACKTICK) {
      if (at(text, j + 1, limit) !== BACKTICK) return finish(scanner, 'quoted-identifier', i, j + 1);
      j += 2;
    } else {
      // Templates name tables inside backticks: `` `%TABLE_PREFIX%config` ``, `` `${schema}` ``, `` `{{ .T }}` ``.
      if ((c === PERCENT && percentPlaceholderEnd(text, j, limit) > 0) || (c === LBRACE && at(text, j + 1, limit) === LBRACE)) {
        scanner.templated = true;
      } else if (c === DOLLAR && at(text, j + 1, limit) === LBRACE) {
        scanner.templated = true;
      }
      j++;
    }
  }
  return finish(scanner, 'quoted-identifier', i, limit);
}

/**
 * `@name`, `@'name'`, `` @`name` ``, `@@name`, `@@session.name`. Right after a user name (`'root'@'localhost'`,
 * `root@localhost`) the `@` separates the host instead, as in MySQL's own lexer.
 */
function scanVariable(scanner: MysqlScanner, i: number): MysqlScanKind {
  const { text, limit } = scanner;
  const previous = scanner.kind;
  const adjacent = scanner.end === i && i > scanner.from;
  if (adjacent && (previous === 'string' || previous === 'quoted-identifier' || previous === 'word')) {
    return finish(scanner, 'punctuation', i, i + 1);
  }
  const next = at(text, i + 1, limit);
  if (next === QUOTE || next === DQUOTE) return finish(scanner, 'variable', i, skipQuoted(text, i + 1, limit, next));
  if (next === BACKTICK) return finish(scanner, 'variable', i, skipQuoted(text, i + 1, limit, BACKTICK));
  let j = next === AT ? i + 2 : i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isWordPart(c) || c === DOT) j++;
    else break;
  }
  return j > i + 1 ? finish(scanner, 'variable', i, j) : finish(scanner, 'punctuation', i, i + 1);
}

function scanOperator(scanner: MysqlScanner, i: number): MysqlScanKind {
  const { text, limit } = scanner;
  const c = text.charCodeAt(i);
  const next = at(text, i + 1, limit);
  let length = 1;
  if (c === LESS && next === EQUALS) length = at(text, i + 2, limit) === GREATER ? 3 : 2;
  else if (c === MINUS && next === GREATER) length = at(text, i + 2, limit) === GREATER ? 3 : 2;
  else if (
    (next === EQUALS && (c === COLON || c === GREATER || c === BANG)) ||
    (c === LESS && (next === GREATER || next === LESS)) ||
    (c === GREATER && next === GREATER) ||
    (c === PIPE && next === PIPE) ||
    (c === AMPERSAND && next === AMPERSAND)
  ) {
    length = 2;
  }
  return finish(scanner, 'operator', i, i + length);
}

/** At a `%`: the end of a `%NAME%` template placeholder (osTicket's `%TABLE_PREFIX%`), or 0 for the operator. */
function percentPlaceholderEnd(text: string, i: number, limit: number): number {
  let j = i + 1;
  if (!isUpper(at(text, j, limit))) return 0;
  j++;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (isUpper(c) || isDigit(c) || c === UNDERSCORE) j++;
    else break;
  }
  return at(text, j, limit) === PERCENT ? j + 1 : 0;
}

/**
 * A quoted run at i closed by `quote`: doubling the quote escapes it; in strings (not in backticks) a backslash
 * escapes the next character, since NO_BACKSLASH_ESCAPES is off by default. Unterminated: runs to the limit.
 */
export function skipQuoted(text: string, i: number, limit: number, quote: number): number {
  const backslashEscapes = quote !== BACKTICK;
  let j = i + 1;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === quote) {
      if (at(text, j + 1, limit) !== quote) return j + 1;
      j += 2;
    } else if (c === BACKSLASH && backslashEscapes) {
      j += 2;
    } else {
      j++;
    }
  }
  return limit;
}

/** The end of `close` searched from j, or the limit when it does not end before it. */
function skipTo(text: string, j: number, limit: number, close: string): number {
  const k = text.indexOf(close, j);
  return k === -1 || k + close.length > limit ? limit : k + close.length;
}

/** End of the line at i, before `\r\n` / `\n`, within the limit. */
export function lineEnd(text: string, i: number, limit: number): number {
  const newline = text.indexOf('\n', i);
  const end = newline === -1 || newline > limit ? limit : newline;
  return end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
}

/** charCodeAt with -1 at or past the limit. */
function at(text: string, k: number, limit: number): number {
  return k < limit ? text.charCodeAt(k) : -1;
}

function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

function isHexDigit(c: number): boolean {
  const folded = c | 0x20;
  return isDigit(c) || (folded >= 97 && folded <= 102);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Unquoted names start with a letter, `_`, `$` or any non-ASCII character (digits are handled apart). */
function isWordStart(c: number): boolean {
  const folded = c | 0x20;
  return (folded >= 97 && folded <= 122) || c === UNDERSCORE || c === DOLLAR || (c >= 128 && c !== BOM);
}

export function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
