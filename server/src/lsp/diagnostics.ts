// Converts engine findings into LSP diagnostics. Fix edits and the statement start travel in the
// diagnostic's `data`, so code actions need no server-side table between requests.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, TextRange } from '../engine';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface FixData {
  readonly title: string;
  readonly safety: 'safe' | 'review';
  readonly edits: readonly TextEdit[];
}

/** What a code action needs from a diagnostic, computed when it was published. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: readonly FixData[];
  /** Start of the statement the finding belongs to, where a suppression comment goes. */
  readonly statementStart: Position;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && 'ruleId' in value && 'fixes' in value && 'statementStart' in value;
}

export function lspRange(document: TextDocument, range: TextRange) {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  statementStart: number,
  docsUri: (ruleId: string) => string | undefined,
): Diagnostic {
  const href = docsUri(finding.ruleId);
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      safety: fix.safety,
      edits: fix.edits.map((edit) => ({ range: lspRange(document, edit.range), newText: edit.newText })),
    })),
    statementStart: document.positionAt(statementStart),
  };
  return {
    range: lspRange(document, finding.range),
    severity: severities[finding.severity],
    source: 'sqlsight',
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.help ? `${finding.message}\n${finding.help}` : finding.message,
    tags: finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: finding.related.map((related) => ({
      location: { uri: document.uri, range: lspRange(document, related.range) },
      message: related.message,
    })),
    data,
  };
}
