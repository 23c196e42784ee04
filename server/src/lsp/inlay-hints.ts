// Inlay hints at the end of statements that take a write-blocking lock on an existing table
// (`ACCESS EXCLUSIVE · users`), so the danger is visible without hovering.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { blocksWrites, lockBlocksIn, lockLabel, lockName, type FileAnalysis } from '../engine';

export function inlayHints(document: TextDocument, analysis: FileAnalysis, visible: Range): InlayHint[] {
  const from = document.offsetAt(visible.start);
  const to = document.offsetAt(visible.end);
  const hints: InlayHint[] = [];
  for (const entry of analysis.statementLocks) {
    if (entry.range.end < from || entry.range.start > to) continue;
    const dangerous = entry.locks.filter((lock) => blocksWrites(lock.mode) && !lock.onNewTable);
    const strongest = dangerous[0];
    if (!strongest) continue;
    const mode = dangerous.reduce((best, lock) => (lock.mode === 'ACCESS EXCLUSIVE' ? lock : best), strongest).mode;
    const tables = [...new Set(dangerous.filter((lock) => lock.mode === mode).map((lock) => lock.table.name))].join(', ');
    hints.push({
      position: document.positionAt(entry.range.end),
      label: `${lockLabel(mode, analysis.settings.dialect)} · ${tables}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `Holds ${lockName(mode, analysis.settings.dialect)} on ${tables}: blocks ${lockBlocksIn(mode, analysis.settings.dialect)}`,
    });
  }
  return hints;
}
