// MySQL/MariaDB splitter: cuts a file into statements, DELIMITER client commands and template statements the way
// the mysql client would, keeps stored-program bodies whole without DELIMITER (as multi-statement tools send them),
// and finds comments and dbmate/goose sections. Pure and total: no I/O, never throws.
import type { Comment, Segment, SegmentKind, SplitResult } from '../../model/segment';
import { splitSections } from '../sections';
import { wordIs } from '../words';
import type { MysqlLexOptions } from './lexer';
import { createMysqlScanner, lineEnd, scanMysqlToken, skipQuoted, type MysqlScanner } from './scanner';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const QUOTE = 39;
const BACKTICK = 96;
const BOM = 0xfeff;

/** What the first words of the current statement say it is: only stored programs nest `;` inside BEGIN … END. */
type StatementHead = 'start' | 'create' | 'definer' | 'begin' | 'begin-not' | 'other' | 'stored-program';

interface Output {
  readonly segments: Segment[];
  readonly comments: Comment[];
}

/** The statement being read: where it starts, its head, and the compound-statement depth of a stored program. */
interface Statement {
  start: number;
  lastEnd: number;
  template: boolean;
  head: StatementHead;
  depth: number;
  /** The previous word was END: whether it closes a BEGIN/CASE depends on the word after it. */
  pendingEnd: boolean;
}

/**
 * Splits a MySQL/MariaDB file (mysql client script, or dbmate/goose migration) into segments, sections and comments.
 * Offsets are UTF-16 indices into `text`. Executable comments (`/*!…*\/`) are run or dropped per the options.
 */
export function splitMysql(text: string, options: MysqlLexOptions): SplitResult {
  const out: Output = { segments: [], comments: [] };
  const sections = splitSections(text, (from, to, section) => {
    const before = out.segments.length;
    scanSection(text, from, to, section, options, out);
    return out.segments.length > before;
  });
  return { segments: out.segments, sections, comments: out.comments };
}

/**
 * The delimiter a `DELIMITER xx` client command sets, given the command's text; undefined when the text is not one.
 * The lowering uses it to tell the delimiter token that ends each later statement.
 */
export function delimiterCommandValue(commandText: string): string | undefined {
  if (commandText.length < 10 || !wordIs(commandText, 0, 9, 'delimiter')) return undefined;
  return delimiterArgument(commandText, 9, commandText.length)?.value;
}

/** Splits text[from, to) on its own, so nothing runs past a section boundary; the delimiter starts as `;` again. */
function scanSection(
  text: string,
  from: number,
  to: number,
  section: number,
  options: MysqlLexOptions,
  out: Output,
): void {
  const scanner = createMysqlScanner(text, from, to, options);
  const statement: Statement = { start: -1, lastEnd: -1, template: false, head: 'start', depth: 0, pendingEnd: false };
  for (;;) {
    const kind = scanMysqlToken(scanner);
    if (kind === 'end') break;
    if (kind === 'line-comment' || kind === 'block-comment') {
      const style = kind === 'line-comment' ? 'line' : 'block';
      out.comments.push({ range: { start: scanner.start, end: scanner.end }, style });
      continue;
    }
    if (kind === 'word' && isDelimiterCommand(scanner, statement)) {
      endStatement(statement, statement.lastEnd, false, section, out);
      readDelimiterCommand(scanner, section, out);
      continue;
    }
    if (kind === 'delimiter') {
      if (statement.start === -1) continue;
      if (statement.pendingEnd) closeCompound(statement);
      // Inside a stored program's BEGIN … END (only `;` nests: a DELIMITER-set delimiter always ends the statement).
      if (statement.depth > 0 && scanner.delimiter === ';') {
        statement.lastEnd = scanner.end;
        continue;
      }
      endStatement(statement, scanner.end, true, section, out, scanner.delimiter);
      continue;
    }
    if (statement.start === -1) {
      statement.start = scanner.start;
      statement.template = false;
      statement.head = 'start';
      statement.depth = 0;
      statement.pendingEnd = false;
    }
    if (scanner.templated) statement.template = true;
    if (statement.head !== 'other') followHead(statement, scanner);
    statement.lastEnd = scanner.end;
  }
  endStatement(statement, statement.lastEnd, false, section, out);
}

function endStatement(statement: Statement, end: number, terminated: boolean, section: number, out: Output, delimiter = ';'): void {
  if (statement.start === -1) return;
  const kind: SegmentKind = statement.template ? 'template' : 'statement';
  out.segments.push({ kind, range: { start: statement.start, end }, terminated, section, ...(delimiter === ';' ? {} : { delimiter }) });
  statement.start = -1;
}

/**
 * The statement head after one more token: `CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] PROCEDURE | FUNCTION |
 * TRIGGER | EVENT` is a stored program, as is MariaDB's `BEGIN NOT ATOMIC`; inside one, BEGIN and CASE open a
 * compound statement and END closes it (END IF, END LOOP … close statements that never opened one).
 */
function followHead(statement: Statement, scanner: MysqlScanner): void {
  const { text, start, end } = scanner;
  const isWord = scanner.kind === 'word';
  switch (statement.head) {
    case 'start':
      if (isWord && wordIs(text, start, end, 'create')) statement.head = 'create';
      else if (isWord && wordIs(text, start, end, 'begin')) statement.head = 'begin';
      else statement.head = 'other';
      return;
    case 'create':
      if (isWord && wordIsAny(text, start, end, createModifiers)) return;
      if (isWord && wordIs(text, start, end, 'definer')) statement.head = 'definer';
      else statement.head = isWord && wordIsAny(text, start, end, storedProgramKinds) ? 'stored-program' : 'other';
      return;
    case 'definer':
      // The user is any name, string or `@`; the words that follow it decide.
      if (!isWord) return;
      if (wordIs(text, start, end, 'aggregate')) statement.head = 'create';
      else if (wordIs(text, start, end, 'view') || wordIs(text, start, end, 'sql')) statement.head = 'other';
      else if (wordIsAny(text, start, end, storedProgramKinds)) statement.head = 'stored-program';
      return;
    case 'begin':
      statement.head = isWord && wordIs(text, start, end, 'not') ? 'begin-not' : 'other';
      return;
    case 'begin-not':
      statement.head = isWord && wordIs(text, start, end, 'atomic') ? 'stored-program' : 'other';
      if (statement.head === 'stored-program') statement.depth = 1;
      return;
    default:
      if (isWord || statement.pendingEnd) followCompound(statement, isWord, text, start, end);
  }
}

const createModifiers: readonly string[] = ['or', 'replace', 'aggregate'];
const storedProgramKinds: readonly string[] = ['procedure', 'function', 'trigger', 'event'];
/** END IF, END LOOP … close statements that never opened a compound (MariaDB adds FOR loops). */
const uncountedEnds: readonly string[] = ['if', 'loop', 'while', 'repeat', 'for'];

/** Counts BEGIN/CASE against END inside a stored program (MySQL manual, "Compound Statement Syntax"). */
function followCompound(statement: Statement, isWord: boolean, text: string, start: number, end: number): void {
  if (statement.pendingEnd) {
    statement.pendingEnd = false;
    if (isWord && wordIsAny(text, start, end, uncountedEnds)) return;
    closeCompound(statement);
    // END CASE closes the CASE the END already counted.
    if (isWord && wordIs(text, start, end, 'case')) return;
  }
  if (!isWord) return;
  if (wordIs(text, start, end, 'begin') || wordIs(text, start, end, 'case')) statement.depth++;
  else if (wordIs(text, start, end, 'end')) statement.pendingEnd = true;
}

function wordIsAny(text: string, start: number, end: number, lowers: readonly string[]): boolean {
  for (const lower of lowers) {
    if (wordIs(text, start, end, lower)) return true;
  }
  return false;
}

function closeCompound(statement: Statement): void {
  statement.pendingEnd = false;
  if (statement.depth > 0) statement.depth--;
}

/**
 * `DELIMITER xx` is a mysql client command, not SQL: recognised at the start of a line (ending any statement still
 * open, as the client sends it) or where a statement would start, and only with an argument.
 */
function isDelimiterCommand(scanner: MysqlScanner, statement: Statement): boolean {
  const { text, start, end } = scanner;
  if (end - start !== 9 || !wordIs(text, start, end, 'delimiter')) return false;
  const after = end < scanner.limit ? text.charCodeAt(end) : -1;
  if (after !== SPACE && after !== TAB) return false;
  if (delimiterArgument(text, end, lineEnd(text, end, scanner.limit)) === undefined) return false;
  return statement.start === -1 || startsLine(text, start, scanner.from);
}

/** Records the DELIMITER command at the scanner's word as a meta-command through its line; its delimiter applies next. */
function readDelimiterCommand(scanner: MysqlScanner, section: number, out: Output): void {
  const { text, start, end } = scanner;
  const lineStop = lineEnd(text, end, scanner.limit);
  const argument = delimiterArgument(text, end, lineStop);
  if (argument === undefined) return;
  let commandEnd = lineStop;
  while (commandEnd > argument.end && isLineSpace(text.charCodeAt(commandEnd - 1))) commandEnd--;
  out.segments.push({ kind: 'meta-command', range: { start, end: commandEnd }, terminated: true, section });
  scanner.delimiter = argument.value;
  scanner.position = lineStop;
}

/** The first argument on text[from, to): a run without spaces, or quoted (`DELIMITER '$$'`) as the client allows. */
function delimiterArgument(text: string, from: number, to: number): { value: string; end: number } | undefined {
  let i = from;
  while (i < to && isLineSpace(text.charCodeAt(i))) i++;
  if (i >= to) return undefined;
  const c = text.charCodeAt(i);
  if (c === QUOTE || c === DQUOTE || c === BACKTICK) {
    const end = skipQuoted(text, i, to, c);
    const value = text.slice(i + 1, end - 1);
    return end - i >= 3 && text.charCodeAt(end - 1) === c ? { value, end } : undefined;
  }
  let j = i;
  while (j < to && !isLineSpace(text.charCodeAt(j))) j++;
  return { value: text.slice(i, j), end: j };
}

/** Only spaces and tabs (or a BOM) stand between the start of the line (or of the section) and i. */
function startsLine(text: string, i: number, from: number): boolean {
  let k = i - 1;
  while (k >= from) {
    const c = text.charCodeAt(k);
    if (c === LF) return true;
    if (c !== SPACE && c !== TAB && c !== CR && c !== BOM) return false;
    k--;
  }
  return true;
}

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}
