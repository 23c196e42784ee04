// Code actions: each fix of a finding as a quick fix (the first preferred), suppression comments
// for the statement or the file, "show documentation", and source.fixAll.sqlsight for safe fixes.
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { NewMigration } from '../engine';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commands, serverCommands } from '../protocol';
import { isDiagnosticData } from './diagnostics';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.sqlsight`;

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** Adds the id to a suppression comment on the line above the statement, or inserts a new one. */
function suppressStatementEdit(document: TextDocument, ruleId: string, statementStart: Position): TextEdit {
  const line = statementStart.line;
  const before = lineText(document, line).slice(0, statementStart.character);
  if (before.trim() !== '') {
    // Another statement precedes this one on its line: a comment above the line would silence that
    // one instead, so the statement moves to a line of its own, below the comment.
    const indentation = /^\s*/.exec(before)?.[0] ?? '';
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    const start = { line, character: before.trimEnd().length };
    return { range: { start, end: statementStart }, newText: `${eol}${indentation}-- sqlsight-ignore ${ruleId}${eol}${indentation}` };
  }
  const above = line > 0 ? lineText(document, line - 1) : '';
  const existing = /^(\s*--\s*sqlsight-ignore\s+)(.*?)\s*$/.exec(above);
  if (existing && !existing[2]?.split(/[\s,]+/).includes(ruleId)) {
    const end = { line: line - 1, character: (existing[1]?.length ?? 0) + (existing[2]?.length ?? 0) };
    return { range: { start: end, end }, newText: `, ${ruleId}` };
  }
  const indentation = /^\s*/.exec(lineText(document, line))?.[0] ?? '';
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indentation}-- sqlsight-ignore ${ruleId}${eol}` };
}

function suppressFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, newText: `-- sqlsight-ignore-file ${ruleId}${eol}` };
}

/** Where a new migration after the document goes: file URIs named by its folder's convention; undefined outside a migration folder. */
export type NewMigrationTarget = (description: string) => { readonly up: string; readonly down?: string } | undefined;

/** Creates the migration file(s) with the fix's text (never over an existing file). */
export function newMigrationEdit(migration: NewMigration, target: { readonly up: string; readonly down?: string }): WorkspaceEdit {
  const create = (uri: string, text: string): WorkspaceEdit['documentChanges'] => [
    { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
    { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
  ];
  const changes = [...(create(target.up, migration.text) ?? [])];
  if (target.down && migration.revert) changes.push(...(create(target.down, migration.revert) ?? []));
  return { documentChanges: changes };
}

/** Quick fixes and suppressions for the sqlsight diagnostics the client sent with the request. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], newMigrationTarget: NewMigrationTarget = () => undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const documented = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'sqlsight' || !isDiagnosticData(diagnostic.data)) continue;
    const data = diagnostic.data;
    data.fixes.forEach((fix, index) => {
      if (fix.newMigration) {
        const target = newMigrationTarget(fix.newMigration.description);
        if (!target) return;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: newMigrationEdit(fix.newMigration, target),
          command: { title: 'Open the new migration', command: serverCommands.openDocument, arguments: [target.up] },
        });
        return;
      }
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [document.uri]: [...fix.edits] } },
      });
    });
    if (data.ruleId === 'syntax-error') continue;
    actions.push({
      title: `Ignore ${data.ruleId} for this statement`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [suppressStatementEdit(document, data.ruleId, data.statementStart)] } },
    });
    actions.push({
      title: `Ignore ${data.ruleId} in this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [suppressFileEdit(document, data.ruleId)] } },
    });
    if (!documented.has(data.ruleId)) {
      documented.add(data.ruleId);
      actions.push({
        title: `Show documentation for ${data.ruleId}`,
        kind: CodeActionKind.QuickFix,
        command: { title: `Show documentation for ${data.ruleId}`, command: commands.showRuleDocumentation, arguments: [data.ruleId] },
      });
    }
  }
  return actions;
}

/**
 * The preferred fix of every finding whose fix is safe, as one edit set: identical edits (the same
 * `SET lock_timeout` line for several statements) count once, and an edit overlapping one already
 * taken is left for a later run.
 */
export function fixAllEdits(document: TextDocument, diagnostics: readonly Diagnostic[]): TextEdit[] {
  const chosen: { start: number; end: number; edit: TextEdit }[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (!isDiagnosticData(diagnostic.data)) continue;
    const fix = diagnostic.data.fixes[0];
    if (!fix || fix.safety !== 'safe') continue;
    const spans = fix.edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), edit }));
    const keys = spans.map((span) => `${span.start}:${span.end}:${span.edit.newText}`);
    const fresh = spans.filter((_, index) => !seen.has(keys[index] ?? ''));
    const overlaps = fresh.some((span) =>
      chosen.some((taken) => span.start < taken.end && taken.start < span.end || (span.start === taken.start && span.end === taken.end)),
    );
    if (overlaps) continue;
    keys.forEach((key) => seen.add(key));
    chosen.push(...fresh);
  }
  return chosen.map((span) => span.edit);
}
