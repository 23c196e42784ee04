// The PostgreSQL front-end: parses one split statement with libpg-query (the PostgreSQL 18 grammar)
// and lowers it. A parse error becomes a value at the parser's cursor, never an exception.
import { loadModule, parseSync, type Node } from 'libpg-query';
import type { ParseOutcome, Statement, SyntaxProblem, TextRange } from '../../model';

export type { ParseOutcome, SyntaxProblem } from '../../model';
import { byteToUtf16 } from '../../model/text';
import { shiftStatement } from '../../model/shift';
import { lowerStatementNode } from './lower';
import { LoweringContext } from './lowering-context';

/**
 * Parser results by statement text, owned by a caller that analyses the same document again and
 * again (the editor): an unchanged statement skips the WASM parser. Entries a whole analysis did
 * not use are dropped by `sweep`, so the cache holds one document's statements at most.
 */
export class ParseCache {
  private entries = new Map<string, ParsedText>();
  private used = new Map<string, ParsedText>();

  lookup(text: string): ParsedText | undefined {
    const entry = this.used.get(text) ?? this.entries.get(text);
    if (entry) this.used.set(text, entry);
    return entry;
  }

  store(text: string, entry: ParsedText): void {
    this.used.set(text, entry);
  }

  /** Keeps only what the last analysis used. */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

/** A statement's parse, and its lowering at the offset where it was last seen. */
interface ParsedText {
  readonly base: number;
  readonly outcome: ParseOutcome;
}

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
  const text = fileText.slice(range.start, range.end);
  const cached = cache?.lookup(text);
  if (cached) {
    if (cached.base === range.start) return cached.outcome;
    const outcome = shiftOutcome(cached.outcome, range.start - cached.base);
    cache?.store(text, { base: range.start, outcome });
    return outcome;
  }
  const outcome = parseAndLower(text, range);
  cache?.store(text, { base: range.start, outcome });
  return outcome;
}

function shiftOutcome(outcome: ParseOutcome, delta: number): ParseOutcome {
  return {
    statements: outcome.statements.map((statement) => shiftStatement(statement, delta)),
    syntaxError: outcome.syntaxError ? { ...outcome.syntaxError, offset: outcome.syntaxError.offset + delta } : undefined,
  };
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
