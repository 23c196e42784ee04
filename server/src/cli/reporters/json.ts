// The JSON format (`--format json`): a stable, versioned document for scripts. Field names and
// meanings are a public interface: add fields, never rename or remove them without bumping `version`.
import type { AnalysisStats, Finding, Fix, LineIndex, TextRange } from '../../engine';
import { reportPosition, type FileReport, type Reporter, type ReportPosition, type RunSummary } from './reporter';

interface JsonRange {
  readonly start: ReportPosition;
  readonly end: ReportPosition;
}

interface JsonFinding {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  readonly help: string | null;
  readonly range: JsonRange;
  readonly fixes: readonly {
    readonly title: string;
    readonly safety: Fix['safety'];
    readonly edits: readonly { readonly range: JsonRange; readonly newText: string }[];
  }[];
}

interface JsonFile {
  readonly path: string;
  readonly findings: readonly JsonFinding[];
  readonly stats: AnalysisStats;
}

function jsonRange(lines: LineIndex, range: TextRange): JsonRange {
  return { start: reportPosition(lines, range.start), end: reportPosition(lines, range.end) };
}

/**
 * Streams the document: each file is written as it arrives, so memory holds one file's findings,
 * not the run's. Compact (one line, like ESLint's json formatter): the PG corpus makes 9 MB instead
 * of 24 MB pretty-printed, and `jq` pretty-prints for people. Bytes equal JSON.stringify(document).
 */
export function jsonReporter(): Reporter {
  let filesWritten = 0;
  return {
    file(report: FileReport): string {
      const file: JsonFile = {
        path: report.path,
        findings: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          message: finding.message,
          help: finding.help ?? null,
          range: jsonRange(report.lines, finding.range),
          fixes: finding.fixes.map((fix) => ({
            title: fix.title,
            safety: fix.safety,
            edits: fix.edits.map((edit) => ({ range: jsonRange(report.lines, edit.range), newText: edit.newText })),
          })),
        })),
        stats: report.stats,
      };
      const opening = filesWritten === 0 ? '{"version":1,"files":[' : ',';
      filesWritten++;
      return opening + JSON.stringify(file);
    },
    end(summary: RunSummary): string {
      const files = filesWritten === 0 ? '{"version":1,"files":[' : '';
      return `${files}],"summary":${JSON.stringify(summary)}}\n`;
    },
  };
}
