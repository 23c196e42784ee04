// The PostgreSQL front-end: parses one split statement with libpg-query (the PostgreSQL 18 grammar)
// and lowers it. A parse error becomes a value at the parser's cursor, never an exception.
import { loadModule, parseSync, type Node } from 'libpg-query';
import type { Statement, TextRange } from '../../model';
import { byteToUtf16 } from '../../model/text';
import { lowerStatementNode } from './lower';
import { LoweringContext } from './lowering-context';

export interface SyntaxProblem {
  readonly message: string;
  /** File offset of the parser's error cursor. */
  readonly offset: number;
}

export interface ParseOutcome {
  readonly statements: readonly Statement[];
  readonly syntaxError: SyntaxProblem | undefined;
}

export interface PostgresParser {
  /** Parses the statement at `range` of `fileText`. */
  parse(fileText: string, range: TextRange): ParseOutcome;
}

/** Loads the WASM parser once; the returned parser is synchronous. */
export async function loadPostgresParser(): Promise<PostgresParser> {
  await loadModule();
  return { parse: parseStatement };
}

function parseStatement(fileText: string, range: TextRange): ParseOutcome {
  const text = fileText.slice(range.start, range.end);
  let result: ReturnType<typeof parseSync>;
  try {
    result = parseSync(text);
  } catch (error) {
    return { statements: [], syntaxError: syntaxProblem(error, text, range.start) };
  }
  const toLocal = byteToUtf16(text);
  const statements: Statement[] = [];
  for (const raw of result.stmts ?? []) {
    const node: Node | undefined = raw.stmt;
    if (!node) continue;
    const start = toLocal(raw.stmt_location ?? 0);
    const end = raw.stmt_len ? toLocal((raw.stmt_location ?? 0) + raw.stmt_len) : text.length;
    const statementText = text.slice(start, end);
    // Statement ranges include the terminating semicolon when there is one.
    const terminatorEnd = text.charCodeAt(end) === 59 ? end + 1 : end;
    const leading = statementText.length - statementText.trimStart().length;
    const context = new LoweringContext(statementText, range.start + start);
    const body = lowerStatementNode(context, node, statementText.length);
    statements.push({
      ...body,
      dialect: 'postgres',
      range: { start: range.start + start + leading, end: range.start + terminatorEnd },
      text: text.slice(start + leading, terminatorEnd),
      raw: node,
    });
  }
  return { statements, syntaxError: undefined };
}

function syntaxProblem(error: unknown, text: string, base: number): SyntaxProblem {
  const details = error && typeof error === 'object' && 'sqlDetails' in error ? error.sqlDetails : undefined;
  const cursor = details && typeof details === 'object' && 'cursorPosition' in details && typeof details.cursorPosition === 'number'
    ? details.cursorPosition
    : 0;
  const message = error instanceof Error ? error.message : String(error);
  return { message, offset: base + Math.min(byteToUtf16(text)(Math.max(0, cursor)), text.length) };
}
