// Renders one finding as a terminal excerpt: the header, the statement lines with the finding
// underlined, the help and the fixes. Shared by the text reporter and the rule test snapshots.
import { LineIndex, type Finding } from '../../engine/model';

export interface Paint {
  readonly severity: (severity: Finding['severity'], text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

export const noPaint: Paint = { severity: (_severity, text) => text, dim: (text) => text, bold: (text) => text };

const maxExcerptLines = 6;

export function renderExcerpt(path: string, text: string, lines: LineIndex, finding: Finding, paint: Paint = noPaint): string {
  const start = lines.positionAt(finding.range.start);
  const end = lines.positionAt(Math.max(finding.range.start, finding.range.end));
  const out: string[] = [];
  out.push(
    `${paint.bold(`${path}:${start.line + 1}:${start.column + 1}`)} ${paint.severity(finding.severity, `${finding.severity}[${finding.ruleId}]`)} ${finding.message}`,
  );
  // A file that could not be read has no text to show.
  const lastLine = text.length === 0 ? start.line - 1 : Math.min(end.line, start.line + maxExcerptLines - 1);
  const gutterWidth = String(lastLine + 1).length;
  for (let line = start.line; line <= lastLine; line++) {
    const content = lines.lineText(line).replaceAll('\t', ' ');
    out.push(`${paint.dim(`${String(line + 1).padStart(gutterWidth)} |`)} ${content}`);
    const from = line === start.line ? start.column : (/^\s*/.exec(content)?.[0].length ?? 0);
    const to = line === end.line ? end.column : content.length;
    const width = Math.max(1, to - from);
    if (to > from || line === start.line) {
      out.push(`${paint.dim(`${' '.repeat(gutterWidth)} |`)} ${' '.repeat(from)}${paint.severity(finding.severity, '^'.repeat(width))}`);
    }
  }
  if (text.length > 0 && end.line > lastLine) out.push(`${paint.dim(`${' '.repeat(gutterWidth)} |`)} …`);
  if (finding.help) out.push(`  ${paint.bold('help:')} ${finding.help}`);
  for (const fix of finding.fixes) out.push(`  ${paint.bold('fix:')} ${fix.title}${fix.safety === 'review' ? ' (review)' : ''}`);
  return out.join('\n');
}
