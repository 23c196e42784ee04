// Converts engine findings into LSP diagnostics. The only place that knows LSP positions;
// the engine's UTF-16 offsets map directly onto LSP's default UTF-16 characters.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/model';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding, docsBaseUrl: string | undefined): Diagnostic {
  return {
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    severity: severities[finding.severity],
    source: 'sqlsight',
    code: finding.ruleId,
    codeDescription: docsBaseUrl ? { href: `${docsBaseUrl}/${finding.ruleId}.md` } : undefined,
    message: finding.help ? `${finding.message}\n${finding.help}` : finding.message,
    tags: finding.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)),
    relatedInformation: finding.related.map((related) => ({
      location: {
        uri: document.uri,
        range: { start: document.positionAt(related.range.start), end: document.positionAt(related.range.end) },
      },
      message: related.message,
    })),
  };
}
