// The MySQL/MariaDB front-end: lowers one split statement into the statement model. DDL and utility
// statements are read from the lexer's tokens by a small recursive-descent reader (exact ranges,
// every ALTER action, nothing rejected that the server accepts); SELECT / UPDATE / DELETE / INSERT …
// SELECT go through node-sql-parser for their query shape. Never throws on user input: a broken DDL
// statement is a syntax error at its offset, a construct nothing here understands is `unanalyzed`.
import type { ParseOutcome, Statement, StatementBody, TextRange } from '../../model';
import { parseThroughCache, type ParseCache } from '../parse-cache';
import { tokenizeMysql } from './lexer';
import { lowerAlterTable } from './lower-alter';
import { lowerCreate } from './lower-create';
import { isDmlStart, lowerDml } from './lower-dml';
import { lowerDrop, lowerRenameTables, lowerTruncate, pascalCase } from './lower-drop';
import { classifiedStatement, lowerSet, lowerTransaction } from './lower-session';
import type { MysqlParseOptions } from './lowering-options';
import { astifyStatement, stringField } from './sql-parser-ast';
import { TokenCursor } from './token-cursor';

export type { MysqlParseOptions } from './lowering-options';

/** Parses and lowers the split statement at `range` of `fileText` (through `cache` when given). Never throws. */
export function parseMysqlStatement(fileText: string, range: TextRange, options: MysqlParseOptions, cache?: ParseCache): ParseOutcome {
  return parseThroughCache(fileText, range, cache, (_text, statementRange) => parseAndLower(fileText, statementRange, options));
}

/** What one statement lowers to before the common fields are added. */
type Lowered = { readonly bodies: readonly StatementBody[]; readonly raw: unknown } | { readonly unanalyzed: string };

function parseAndLower(fileText: string, range: TextRange, options: MysqlParseOptions): ParseOutcome {
  const tokens = tokenizeMysql(fileText, range, options);
  const cursor = new TokenCursor(tokens, fileText, range, options.delimiter);
  skipToolMarkerLine(cursor);
  // Only comments, or an executable comment this server version skips: nothing to lower.
  if (cursor.atEnd()) return { statements: [], syntaxError: undefined };
  const lowered = lowerStatement(cursor, options);
  if (cursor.problem) return { statements: [], syntaxError: cursor.problem };
  if ('unanalyzed' in lowered) return { statements: [], syntaxError: undefined, unanalyzed: { message: lowered.unanalyzed } };
  const text = fileText.slice(range.start, range.end);
  // A multi-pair RENAME TABLE or multi-assignment SET lowers to several statements sharing the range.
  const statements: Statement[] = lowered.bodies.map((body) => ({ ...body, dialect: options.dialect, range, text, raw: lowered.raw }));
  return { statements, syntaxError: undefined };
}

/**
 * `--split` (ory's migration marker) and `--DROP …` at the start of a statement: the server reads
 * `--` without a space after it as two minus signs, but the tools that run these files strip such a
 * line as a comment (as node-sql-parser does), so the lowering skips the line's tokens.
 */
function skipToolMarkerLine(cursor: TokenCursor): void {
  const [first, second] = cursor.tokens;
  if (!first || !second || first.text !== '-' || second.text !== '-' || first.range.end !== second.range.start) return;
  const newline = cursor.fileText.indexOf('\n', first.range.start);
  const lineEnd = newline < 0 ? cursor.fileText.length : newline;
  while (!cursor.atEnd() && (cursor.peek()?.range.start ?? lineEnd) < lineEnd) cursor.index++;
}

function lowerStatement(cursor: TokenCursor, options: MysqlParseOptions): Lowered {
  const first = cursor.peek();
  const keyword = first?.kind === 'word' ? first.keyword : '';
  const fromTokens = (body: StatementBody | undefined): Lowered => ({ bodies: body ? [body] : [], raw: undefined });
  switch (keyword) {
    case 'CREATE':
      cursor.index++;
      return fromTokens(lowerCreate(cursor, options));
    case 'ALTER':
      cursor.index++;
      while (cursor.atWord('ONLINE') || cursor.atWord('OFFLINE') || cursor.atWord('IGNORE')) cursor.index++;
      if (cursor.acceptWord('TABLE')) return fromTokens(lowerAlterTable(cursor, options));
      return fromTokens({ kind: 'other', nodeType: `Alter${pascalCase(cursor.peek()?.keyword ?? '')}` });
    case 'DROP':
      cursor.index++;
      return fromTokens(lowerDrop(cursor));
    case 'RENAME':
      cursor.index++;
      return { bodies: lowerRenameTables(cursor) ?? [], raw: undefined };
    case 'TRUNCATE':
      cursor.index++;
      return fromTokens(lowerTruncate(cursor));
    case 'SET':
      return lowerSetStatement(cursor, options);
    case 'START':
    case 'BEGIN':
    case 'COMMIT':
    case 'ROLLBACK':
    case 'SAVEPOINT':
    case 'RELEASE':
    case 'XA': {
      const transaction = lowerTransaction(cursor);
      // `START SLAVE|REPLICA` and the like are replication control, not transactions.
      return fromTokens(transaction ?? { kind: 'other', nodeType: `${pascalCase(keyword)}${pascalCase(cursor.peek()?.keyword ?? '')}` });
    }
    default:
      break;
  }
  if (isDmlStart(cursor)) {
    const dml = lowerDml(cursor, options);
    return dml ? { bodies: [dml.body], raw: dml.raw } : { unanalyzed: `the target table of this ${keyword} statement was not found` };
  }
  const classified = classifiedStatement(keyword);
  if (classified) return fromTokens(classified);
  return lowerWithParser(cursor, options);
}

/** SET, and MariaDB's `SET STATEMENT var = value FOR statement`: the assignments, then the statement. */
function lowerSetStatement(cursor: TokenCursor, options: MysqlParseOptions): Lowered {
  cursor.index++;
  const set = lowerSet(cursor);
  if (set.innerStart === undefined) return { bodies: set.bodies, raw: undefined };
  cursor.index = set.innerStart;
  const inner = lowerStatement(cursor, options);
  if ('unanalyzed' in inner) return inner;
  return { bodies: [...set.bodies, ...inner.bodies], raw: inner.raw };
}

/** A statement no reader here knows: node-sql-parser may still classify it; otherwise it is unanalyzed. */
function lowerWithParser(cursor: TokenCursor, options: MysqlParseOptions): Lowered {
  const start = cursor.peek()?.range.start ?? cursor.lastEnd();
  const parsed = astifyStatement(cursor.fileText.slice(start, cursor.lastEnd()), options.dialect);
  if ('ast' in parsed) return { bodies: [{ kind: 'other', nodeType: pascalCase(stringField(parsed.ast, 'type')?.toUpperCase() ?? 'Unknown') }], raw: parsed.ast };
  const words = cursor.tokens.slice(cursor.index, Math.min(cursor.end, cursor.index + 3)).map((token) => token.text).join(' ');
  return { unanalyzed: `node-sql-parser does not support this statement: ${words} …` };
}
