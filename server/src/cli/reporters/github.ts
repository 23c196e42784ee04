// The GitHub Actions format: one workflow command per finding, so findings show as annotations on
// the pull request. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// Must escape every value; an unescaped newline or `::` would end or forge a command.
import type { Severity } from '../../engine';
import { reportPosition, type FileReport, type Reporter } from './reporter';

const commandFor: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escaping of the message (data), as the Actions runner's toolkit does it. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Property values also escape `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function githubReporter(): Reporter {
  return {
    file(report: FileReport): string {
      let out = '';
      for (const finding of report.findings) {
        const start = reportPosition(report.lines, finding.range.start);
        const end = reportPosition(report.lines, finding.range.end);
        const properties = [
          `file=${escapeProperty(report.portablePath)}`,
          `line=${start.line}`,
          `col=${start.column}`,
          `endLine=${end.line}`,
          `endColumn=${end.column}`,
          `title=${escapeProperty(`sqlsight ${finding.ruleId}`)}`,
        ].join(',');
        const message = finding.help ? `${finding.message}\n${finding.help}` : finding.message;
        out += `::${commandFor[finding.severity]} ${properties}::${escapeData(message)}\n`;
      }
      return out;
    },
    end(): string {
      return '';
    },
  };
}
