// What a migration file contributes to the workspace model: its statements lowered, without rules
// and without the parser's AST (a workspace holds thousands of files). Only what runs going up is
// kept: a dbmate/goose down section is linted, never replayed.
import type { Segment, Statement } from '../model';
import { splitPostgres } from '../dialects/pg/split';
import type { ParseOutcome, PostgresParser } from '../dialects/pg/parse';
import { parseRunAt } from '../analyze';

/** A statement standing for a template or a statement with a syntax error: the model cannot follow it. */
function unparsed(text: string, segment: Segment): Statement {
  const slice = text.slice(segment.range.start, segment.range.end);
  return { kind: 'other', nodeType: 'Unparsed', dialect: 'postgres', range: segment.range, text: slice, raw: undefined };
}

export function replayStatements(parser: PostgresParser, text: string): Statement[] {
  const split = splitPostgres(text);
  const statements: Statement[] = [];
  const replayed = split.segments.filter((segment) => split.sections[segment.section]?.kind !== 'down');
  let parsedRun = new Map<Segment, ParseOutcome | undefined>();
  for (const [index, segment] of replayed.entries()) {
    if (segment.kind === 'template') statements.push(unparsed(text, segment));
    if (segment.kind !== 'statement') continue;
    if (!parsedRun.has(segment)) parsedRun = parseRunAt(parser, text, replayed, index);
    const outcome = parsedRun.get(segment) ?? parser.parse(text, segment.range);
    if (outcome.syntaxError) statements.push(unparsed(text, segment));
    for (const statement of outcome.statements) statements.push({ ...statement, raw: undefined });
  }
  return statements;
}
