// Converts engine findings into LSP diagnostics. Fix edits and the statement start travel in the
// diagnostic's `data`, so code actions need no server-side table between requests.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, NewMigration, Severity, TextRange } from '../engine';

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
  readonly newMigration?: NewMigration;
}

/** What a code action needs from a diagnostic, computed when it was published. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: readonly FixData[];
  /** Start of the statement the finding belongs to, where a suppression comment goes. */
  readonly statementStart: Position;
}

function isPosition(value: unknown): value is Position {
  const candidate = value as Partial<Position> | null;
  return typeof candidate === 'object' && candidate !== null && Number.isInteger(candidate.line) && Number.isInteger(candidate.character);
}

function isTextEdit(value: unknown): value is TextEdit {
  const candidate = value as Partial<TextEdit> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.newText === 'string' && isPosition(candidate.range?.start) && isPosition(candidate.range?.end);
}

function isFixData(value: unknown): value is FixData {
  const candidate = value as Partial<FixData> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.title === 'string' &&
    (candidate.safety === 'safe' || candidate.safety === 'review') &&
    Array.isArray(candidate.edits) &&
    candidate.edits.every(isTextEdit) &&
    (candidate.newMigration === undefined || isNewMigration(candidate.newMigration))
  );
}

function isNewMigration(value: unknown): value is NewMigration {
  const candidate = value as Partial<NewMigration> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.description === 'string' &&
    typeof candidate.text === 'string' &&
    (candidate.revert === undefined || typeof candidate.revert === 'string')
  );
}

/** `data` comes back from the client: anything malformed is not ours, and yields no code action. */
export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const candidate = value as Partial<DiagnosticData> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.ruleId === 'string' &&
    Array.isArray(candidate.fixes) &&
    candidate.fixes.every(isFixData) &&
    isPosition(candidate.statementStart)
  );
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
      ...(fix.newMigration ? { newMigration: fix.newMigration } : {}),
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
