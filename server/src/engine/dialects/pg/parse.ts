// The PostgreSQL front-end: parses one split statement with libpg-query (the PostgreSQL 18 grammar)
// and lowers it. A parse error becomes a value at the parser's cursor, never an exception.
import { loadModule, parseSync, type Node } from 'libpg-query';
import type { ParseOutcome, Statement, SyntaxProblem, TextRange } from '../../model';
import { ParseCache, parseThroughCache } from '../parse-cache';

export type { ParseOutcome, SyntaxProblem } from '../../model';
export { ParseCache };
import { byteToUtf16 } from '../../model/text';
import { lowerStatementNode } from './lower';
import { LoweringContext } from './lowering-context';

export interface PostgresParser {
  /** Parses the statement at `range` of `fileText` (through `cache` when given). */
  parse(fileText: string, range: TextRange, cache?: ParseCache): ParseOutcome;
  /**
   * Parses consecutive split statements in one parser call (one WASM round trip instead of one per
   * statement). Returns undefined when the run has a syntax error or the parser's statements do not
   * line up with the split: the caller then parses them one at a time for exact errors.
   */
  parseRun(fileText: string, ranges: readonly TextRange[]): ParseOutcome[] | undefined;
}

/** Loads the WASM parser once; the returned parser is synchronous. */
export async function loadPostgresParser(): Promise<PostgresParser> {
  await loadModule();
  return { parse: parseStatement, parseRun };
}

type RawStatement = NonNullable<ReturnType<typeof parseSync>['stmts']>[number];

/** Lowers one parsed statement of `text` (which starts at file offset `base`). */
function lowerRaw(text: string, toLocal: (byteOffset: number) => number, raw: RawStatement, base: number): Statement | undefined {
  const node: Node | undefined = raw.stmt;
  if (!node) return undefined;
  const start = toLocal(raw.stmt_location ?? 0);
  const end = raw.stmt_len ? toLocal((raw.stmt_location ?? 0) + raw.stmt_len) : text.length;
  const statementText = text.slice(start, end);
  // Statement ranges include the terminating semicolon when there is one.
  const terminatorEnd = text.charCodeAt(end) === 59 ? end + 1 : end;
  const leading = statementText.length - statementText.trimStart().length;
  const context = new LoweringContext(statementText, base + start, raw.stmt_location ?? 0);
  const body = lowerStatementNode(context, node, statementText.length);
  return {
    ...body,
    dialect: 'postgres',
    range: { start: base + start + leading, end: base + terminatorEnd },
    text: text.slice(start + leading, terminatorEnd),
    raw: node,
  };
}

function parseStatement(fileText: string, range: TextRange, cache?: ParseCache): ParseOutcome {
  return parseThroughCache(fileText, range, cache, parseAndLower);
}

function parseAndLower(text: string, range: TextRange): ParseOutcome {
  let result: ReturnType<typeof parseSync>;
  try {
    result = parseSync(text);
  } catch (error) {
    return { statements: [], syntaxError: syntaxProblem(error, text, range.start) };
  }
  const toLocal = byteToUtf16(text);
  const statements: Statement[] = [];
  for (const raw of result.stmts ?? []) {
    const statement = lowerRaw(text, toLocal, raw, range.start);
    if (statement) statements.push(statement);
  }
  return { statements, syntaxError: undefined };
}

function parseRun(fileText: string, ranges: readonly TextRange[]): ParseOutcome[] | undefined {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last || ranges.length < 2) return undefined;
  const text = fileText.slice(first.start, last.end);
  let result: ReturnType<typeof parseSync>;
  try {
    result = parseSync(text);
  } catch {
    return undefined;
  }
  const raws = result.stmts ?? [];
  if (raws.length !== ranges.length) return undefined;
  const toLocal = byteToUtf16(text);
  const outcomes: ParseOutcome[] = [];
  for (let index = 0; index < raws.length; index++) {
    const raw = raws[index];
    const range = ranges[index];
    if (!raw || !range) return undefined;
    const rawStart = toLocal(raw.stmt_location ?? 0);
    const rawEnd = raw.stmt_len ? toLocal((raw.stmt_location ?? 0) + raw.stmt_len) : text.length;
    const segmentStart = range.start - first.start;
    if (segmentStart < rawStart || segmentStart >= Math.max(rawEnd, rawStart + 1)) return undefined;
    const statement = lowerRaw(text, toLocal, raw, first.start);
    if (!statement) return undefined;
    // The split is authoritative for where a statement starts and ends (the parser's start includes
    // the comments before it).
    outcomes.push({ statements: [{ ...statement, range, text: fileText.slice(range.start, range.end) }], syntaxError: undefined });
  }
  return outcomes;
}

function syntaxProblem(error: unknown, text: string, base: number): SyntaxProblem {
  const details = error && typeof error === 'object' && 'sqlDetails' in error ? error.sqlDetails : undefined;
  const cursor = details && typeof details === 'object' && 'cursorPosition' in details && typeof details.cursorPosition === 'number'
    ? details.cursorPosition
    : 0;
  const message = error instanceof Error ? error.message : String(error);
  return { message, offset: base + Math.min(byteToUtf16(text)(Math.max(0, cursor)), text.length) };
}
