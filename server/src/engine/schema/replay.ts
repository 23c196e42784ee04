// What a migration file contributes to the workspace model: its statements lowered, without rules
// and without the parser's AST (a workspace holds thousands of files). Only what runs going up is
// kept: a dbmate/goose down section is linted, never replayed.
import type { Dialect, ParseOutcome, Segment, Statement } from '../model';
import type { DialectFrontEnd } from '../dialects/front-end';

/** A statement standing for a template, a syntax error or an unanalysed statement: the model cannot follow it. */
function unparsed(text: string, segment: Segment, dialect: Dialect): Statement {
  const slice = text.slice(segment.range.start, segment.range.end);
  return { kind: 'other', nodeType: 'Unparsed', dialect, range: segment.range, text: slice, raw: undefined };
}

export function replayStatements(frontEnd: DialectFrontEnd, text: string): Statement[] {
  const split = frontEnd.split(text);
  const statements: Statement[] = [];
  const replayed = split.segments.filter((segment) => split.sections[segment.section]?.kind !== 'down');
  let parsedRun = new Map<Segment, ParseOutcome | undefined>();
  for (const [index, segment] of replayed.entries()) {
    if (segment.kind === 'template') statements.push(unparsed(text, segment, frontEnd.dialect));
    if (segment.kind !== 'statement') continue;
    if (!parsedRun.has(segment)) parsedRun = frontEnd.parseRunAt(text, replayed, index);
    const outcome = parsedRun.get(segment) ?? frontEnd.parse(text, segment);
    if (outcome.syntaxError || outcome.unanalyzed) statements.push(unparsed(text, segment, frontEnd.dialect));
    for (const statement of outcome.statements) statements.push({ ...statement, raw: undefined });
  }
  return statements;
}
