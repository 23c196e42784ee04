// Suppression comments: `-- sqlsight-ignore <id>[, <id>]` silences the next statement,
// `-- sqlsight-ignore-file <id>[, <id>]` the whole file. One that silences nothing is reported.
import type { Comment, Finding, TextRange } from '../model';

export interface Suppression {
  readonly scope: 'statement' | 'file';
  readonly ruleIds: readonly string[];
  /** The comment, for the "unused" finding and its removal fix. */
  readonly commentRange: TextRange;
  /** For statement scope: the statement it applies to, once known. */
  target: TextRange | undefined;
  readonly used: Set<string>;
}

const directive = /^(?:--|\/\*)\s*sqlsight-ignore(-file)?(?:\s+([^*]*?))?\s*(?:\*\/)?\s*$/;

export function readSuppressions(text: string, comments: readonly Comment[]): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of comments) {
    const body = text.slice(comment.range.start, comment.range.end);
    if (!body.includes('sqlsight-ignore')) continue;
    const match = directive.exec(body);
    if (!match) continue;
    const ruleIds = (match[2] ?? '')
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id.length > 0 && !id.startsWith('--'));
    suppressions.push({
      scope: match[1] ? 'file' : 'statement',
      ruleIds,
      commentRange: comment.range,
      target: undefined,
      used: new Set(),
    });
  }
  return suppressions;
}

/** Points each statement suppression at the first statement that starts after its comment (or contains it). */
export function attachSuppressions(suppressions: readonly Suppression[], statementRanges: readonly TextRange[]): void {
  for (const suppression of suppressions) {
    if (suppression.scope !== 'statement') continue;
    suppression.target = statementRanges.find(
      (statement) => statement.end > suppression.commentRange.start && statement.start <= suppression.commentRange.start
    ) ?? statementRanges.find((statement) => statement.start >= suppression.commentRange.end);
  }
}

/** True (and marks the suppression used) when a suppression silences this finding. */
export function isSuppressed(suppressions: readonly Suppression[], finding: Finding): boolean {
  let suppressed = false;
  for (const suppression of suppressions) {
    if (!suppression.ruleIds.includes(finding.ruleId)) continue;
    const applies =
      suppression.scope === 'file' ||
      (suppression.target !== undefined &&
        finding.range.start >= suppression.target.start &&
        finding.range.start < Math.max(suppression.target.end, suppression.target.start + 1));
    if (applies) {
      suppression.used.add(finding.ruleId);
      suppressed = true;
    }
  }
  return suppressed;
}
