// One interface over the dialect front-ends, so the analysis pipeline and the workspace replay are
// written once: split a file, then parse each statement segment (in batched runs where the parser
// gains by it). Chosen per file by dialect and server version.
import type { Dialect, ParseOutcome, QueryShape, Segment, SplitResult, Statement } from '../model';
import type { ServerVersion } from '../config';
import type { ParseCache } from './parse-cache';
import type { PostgresParser } from './pg/parse';
import { splitPostgres } from './pg/split';
import { splitMysql } from './mysql/split';
import { parseMysqlStatement } from './mysql/parse';

export interface DialectFrontEnd {
  readonly dialect: Dialect;
  split(text: string): SplitResult;
  /** Parses a statement segment (through `cache` when given). Never throws. */
  parse(text: string, segment: Pick<Segment, 'range' | 'delimiter'>, cache?: ParseCache): ParseOutcome;
  /**
   * Outcomes of the run of statement segments starting at `from`, parsed together where one parser
   * call is cheaper than many; a statement missing from the map (or mapped to undefined) is parsed alone.
   */
  parseRunAt(text: string, segments: readonly Segment[], from: number): Map<Segment, ParseOutcome | undefined>;
}

const maxRunStatements = 500;
const maxRunCharacters = 256 * 1024;

/**
 * Parses the run of consecutive statements starting at `from` in one libpg-query call (bounded, so a
 * dump of a million statements keeps the parser's WASM memory and the lowered trees small).
 * Statements of a run that fails are left to per-statement parsing.
 */
function postgresRunAt(parser: PostgresParser, text: string, segments: readonly Segment[], from: number): Map<Segment, ParseOutcome | undefined> {
  const outcomes = new Map<Segment, ParseOutcome | undefined>();
  const run: Segment[] = [];
  const runStart = segments[from]?.range.start ?? 0;
  for (let index = from; index < segments.length; index++) {
    const segment = segments[index];
    if (!segment || segment.kind !== 'statement') break;
    run.push(segment);
    if (run.length >= maxRunStatements || segment.range.end - runStart >= maxRunCharacters) break;
  }
  const parsed = parser.parseRun(
    text,
    run.map((segment) => segment.range),
  );
  // A failed run is recorded too (as undefined), so its statements are parsed singly, not re-run.
  run.forEach((segment, index) => outcomes.set(segment, parsed?.[index]));
  return outcomes;
}

export function postgresFrontEnd(parser: PostgresParser): DialectFrontEnd {
  return {
    dialect: 'postgres',
    split: splitPostgres,
    parse: (text, segment, cache) => parser.parse(text, segment.range, cache),
    parseRunAt: (text, segments, from) => postgresRunAt(parser, text, segments, from),
  };
}

export function mysqlFrontEnd(dialect: 'mysql' | 'mariadb', version: ServerVersion): DialectFrontEnd {
  // Analysis leaves query shapes out (Explain asks for them through `queryShapeFor`).
  const options = { dialect, version, queryShapes: false };
  return {
    dialect,
    split: (text) => splitMysql(text, options),
    parse: (text, segment, cache) => parseMysqlStatement(text, segment.range, segment.delimiter ? { ...options, delimiter: segment.delimiter } : options, cache),
    // node-sql-parser and the token reader have no per-call overhead worth batching.
    parseRunAt: () => new Map(),
  };
}

export function frontEndFor(parser: PostgresParser, dialect: Dialect, version: ServerVersion): DialectFrontEnd {
  return dialect === 'postgres' ? postgresFrontEnd(parser) : mysqlFrontEnd(dialect, version);
}

/**
 * The query shape of a SELECT/INSERT/UPDATE/DELETE for Explain's index advisor: the one lowered with
 * the statement (PostgreSQL), else the MySQL statement lowered again with shapes.
 */
export function queryShapeFor(stmt: Statement, version: ServerVersion): QueryShape | undefined {
  if (stmt.kind !== 'select' && stmt.kind !== 'insert' && stmt.kind !== 'update' && stmt.kind !== 'delete') return undefined;
  if (stmt.shape || stmt.dialect === 'postgres') return stmt.shape;
  const lowered = parseMysqlStatement(stmt.text, { start: 0, end: stmt.text.length }, { dialect: stmt.dialect, version }).statements[0];
  if (!lowered || lowered.kind !== stmt.kind) return undefined;
  return lowered.kind === 'select' || lowered.kind === 'insert' || lowered.kind === 'update' || lowered.kind === 'delete' ? lowered.shape : undefined;
}
