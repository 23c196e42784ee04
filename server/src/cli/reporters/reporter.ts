// The contract between the check command and the output formats: one call per file in order,
// then one for the summary; each returns text for stdout. Reporters never write, read files or
// decide the exit code.
import type { AnalysisStats, Finding, LineIndex, Rule, Severity } from '../../engine';

export interface FileReport {
  /** For people: relative to the current folder when inside it, with the platform's separators. */
  readonly path: string;
  /** For machines (SARIF, GitHub): relative to the current folder with `/`, or absolute (with `/`) outside it. */
  readonly portablePath: string;
  /** The analysed text; undefined when the file could not be decoded (its one finding sits at 0). */
  readonly text: string | undefined;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
  readonly stats: AnalysisStats;
}

export interface RunSummary {
  readonly files: number;
  readonly statements: number;
  readonly parsed: number;
  readonly syntaxErrors: number;
  readonly templates: number;
  /** Statements the dialect front-end could not analyse (`unanalyzed-statement`). */
  readonly unanalyzed: number;
  readonly findings: Readonly<Record<Severity, number>>;
}

/** Something that went wrong in the run itself (a rule threw, a path could not be read); also printed to stderr. */
export interface RunNotification {
  readonly level: 'error' | 'warning';
  readonly message: string;
  readonly ruleId?: string;
  readonly portablePath?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Reporter {
  file(report: FileReport): string;
  /** Formats that carry run problems (SARIF) keep them; the others rely on stderr. */
  notification?(notification: RunNotification): void;
  end(summary: RunSummary): string;
}

export interface ReporterContext {
  readonly rules: readonly Rule[];
  readonly color: boolean;
  readonly quiet: boolean;
  /** The folder relative paths start from (SARIF's %SRCROOT%). */
  readonly cwd: string;
}

/** 1-based line and UTF-16 column, plus the 0-based UTF-16 offset and UTF-8 byte offset. */
export interface ReportPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly byteOffset: number;
}

export function reportPosition(lines: LineIndex, offset: number): ReportPosition {
  const position = lines.positionAt(offset);
  return { line: position.line + 1, column: position.column + 1, offset, byteOffset: lines.byteOffsetAt(offset) };
}

export const severityOrder: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

