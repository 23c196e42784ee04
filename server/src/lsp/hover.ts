// Hover on a statement: the locks it takes, on which tables, what each blocks, and for every
// finding on the statement the safe way (the editor shows the finding's message itself). On a table
// or column name, the schema's description of it comes first (built by schema-features.ts).
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lockBlocksIn, lockName, type FileAnalysis, type Statement, type TextRange } from '../engine';
import { lspRange } from './diagnostics';

const kindTitles: Partial<Record<Statement['kind'], string>> = {
  'create-table': 'CREATE TABLE',
  'alter-table': 'ALTER TABLE',
  'create-index': 'CREATE INDEX',
  drop: 'DROP',
  truncate: 'TRUNCATE',
  reindex: 'REINDEX',
  'refresh-materialized-view': 'REFRESH MATERIALIZED VIEW',
  vacuum: 'VACUUM',
  cluster: 'CLUSTER',
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
  'create-trigger': 'CREATE TRIGGER',
};

export function statementAt(analysis: FileAnalysis, offset: number): Statement | undefined {
  return analysis.statements.find((statement) => statement.range.start <= offset && offset < statement.range.end);
}

/** The statement's part of a hover: its locks and the safe way of each finding; `notable` when it has either. */
function statementHover(analysis: FileAnalysis, statement: Statement): { lines: string[]; notable: boolean } {
  const lines: string[] = [];
  const locks = analysis.statementLocks.find((entry) => entry.range.start === statement.range.start)?.locks ?? [];
  const title = kindTitles[statement.kind] ?? 'This statement';
  const dialect = analysis.settings.dialect;
  if (locks.length === 0) lines.push(`**${title}** takes no table lock that blocks other sessions.`);
  for (const lock of locks) {
    const table = `\`${lock.table.name}\``;
    const newNote = lock.onNewTable ? ' The table was created earlier in this migration, so nobody waits.' : '';
    lines.push(`**${title}** takes **${lockName(lock.mode, dialect)}** on ${table}: it blocks ${lockBlocksIn(lock.mode, dialect)}.${newNote}`);
  }
  const findings = analysis.findings.filter((finding) => finding.range.start >= statement.range.start && finding.range.start < statement.range.end);
  if (findings.length > 0) lines.push('', '---');
  // The editor already shows each finding's message next to this hover; add the safe way only.
  for (const finding of findings) {
    lines.push('', finding.help ? `**${finding.ruleId}**: *safe way:* ${finding.help}` : `**${finding.ruleId}**`);
  }
  return { lines, notable: locks.length > 0 || findings.length > 0 };
}

/**
 * The hover at `offset`. On a table or column name (`schema`, from schema-features.ts) it describes
 * that object, followed by the statement's locks and findings when it has any; elsewhere in a
 * statement, the statement's part alone.
 */
export function hoverAt(document: TextDocument, analysis: FileAnalysis, offset: number, schema?: { readonly markdown: string; readonly range: TextRange }): Hover | undefined {
  const statement = statementAt(analysis, offset);
  const part = statement && statementHover(analysis, statement);
  if (schema) {
    const value = part?.notable ? `${schema.markdown}\n\n---\n\n${part.lines.join('\n')}` : schema.markdown;
    return { contents: { kind: MarkupKind.Markdown, value }, range: lspRange(document, schema.range) };
  }
  if (!statement || !part) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: part.lines.join('\n') }, range: lspRange(document, statement.range) };
}
