// The human format (default): each finding as a source excerpt with the range underlined, files in
// order, then one summary line. Colour only when the caller decided it is wanted; no I/O here.
import { styleText } from 'node:util';
import type { Finding, Severity } from '../../engine';
import { noPaint, renderExcerpt, type Paint } from './excerpt';
import { severityOrder, type FileReport, type Reporter, type ReporterContext, type RunSummary } from './reporter';

const severityStyle: Record<Severity, Parameters<typeof styleText>[0]> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  hint: 'cyan',
};

export const colorPaint: Paint = {
  severity: (severity, text) => styleText('bold', styleText(severityStyle[severity], text)),
  dim: (text) => styleText('dim', text),
  bold: (text) => styleText('bold', text),
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `12 files checked, 340 statements: 1 error, 5 warnings; 3 statements not analysed (2 syntax errors, 1 template)`. */
export function summaryLine(summary: RunSummary): string {
  const counts = severityOrder.filter((severity) => summary.findings[severity] > 0).map((severity) => plural(summary.findings[severity], severity));
  let line = `${plural(summary.files, 'file')} checked, ${plural(summary.statements, 'statement')}: ${counts.length > 0 ? counts.join(', ') : 'no findings'}`;
  const notAnalysed = summary.syntaxErrors + summary.templates + summary.unanalyzed;
  if (notAnalysed > 0) {
    const reasons = [
      summary.syntaxErrors > 0 ? plural(summary.syntaxErrors, 'syntax error') : undefined,
      summary.templates > 0 ? plural(summary.templates, 'template') : undefined,
      summary.unanalyzed > 0 ? `${summary.unanalyzed} not understood by the parser` : undefined,
    ].filter((reason) => reason !== undefined);
    line += `; ${plural(notAnalysed, 'statement')} not analysed (${reasons.join(', ')})`;
  }
  return line;
}

/** A finding of a file that has no text (binary, not UTF-8, too large): the header and help, no excerpt. */
function renderWithoutText(path: string, finding: Finding, paint: Paint): string {
  const out = [`${paint.bold(`${path}:1:1`)} ${paint.severity(finding.severity, `${finding.severity}[${finding.ruleId}]`)} ${finding.message}`];
  if (finding.help) out.push(`  ${paint.bold('help:')} ${finding.help}`);
  return out.join('\n');
}

export function textReporter(context: ReporterContext): Reporter {
  const paint = context.color ? colorPaint : noPaint;
  return {
    file(report: FileReport): string {
      if (context.quiet || report.findings.length === 0) return '';
      const blocks = report.findings.map((finding) =>
        report.text === undefined ? renderWithoutText(report.path, finding, paint) : renderExcerpt(report.path, report.text, report.lines, finding, paint),
      );
      return `${blocks.join('\n\n')}\n\n`;
    },
    end(summary: RunSummary): string {
      return `${paint.bold(summaryLine(summary))}\n`;
    },
  };
}
