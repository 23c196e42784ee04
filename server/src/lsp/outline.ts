// Document symbols (one per statement, created tables with their columns) and folding ranges
// (multi-line statements, which include DO and function bodies, and migration-tool sections).
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, Statement } from '../engine';
import { lspRange } from './diagnostics';

function describe(statement: Statement): { name: string; kind: SymbolKind } {
  switch (statement.kind) {
    case 'create-table':
      return { name: `CREATE TABLE ${statement.table.name}`, kind: SymbolKind.Struct };
    case 'alter-table':
      return { name: `ALTER TABLE ${statement.table.name}`, kind: SymbolKind.Method };
    case 'create-index':
      return { name: `CREATE INDEX ${statement.name?.name ?? ''} ON ${statement.table.name}`.replace('  ', ' '), kind: SymbolKind.Key };
    case 'drop':
      return { name: `DROP ${statement.objectKind.toUpperCase()} ${statement.names.map((name) => name.name).join(', ')}`, kind: SymbolKind.Event };
    case 'create-other':
      return { name: `CREATE ${statement.keyword ?? statement.objectKind.toUpperCase()} ${statement.name?.name ?? ''}`.trim(), kind: SymbolKind.Object };
    case 'transaction':
      return { name: statement.action.toUpperCase(), kind: SymbolKind.Event };
    case 'set':
      return { name: `SET ${statement.name}`, kind: SymbolKind.Property };
    case 'insert':
    case 'update':
    case 'delete':
      return { name: `${statement.kind.toUpperCase()} ${statement.table.name}`, kind: SymbolKind.Function };
    default: {
      const firstLine = statement.text.split('\n', 1)[0] ?? '';
      return { name: firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine, kind: SymbolKind.Function };
    }
  }
}

export function documentSymbols(document: TextDocument, analysis: FileAnalysis): DocumentSymbol[] {
  return analysis.statements.map((statement) => {
    const { name, kind } = describe(statement);
    const range = lspRange(document, statement.range);
    const children =
      statement.kind === 'create-table'
        ? statement.columns.map((column) => ({
            name: column.name,
            detail: document.getText(lspRange(document, column.type.range)),
            kind: SymbolKind.Field,
            range: lspRange(document, column.range),
            selectionRange: lspRange(document, column.nameRange),
          }))
        : undefined;
    const selection = statement.kind === 'create-table' || statement.kind === 'alter-table' ? lspRange(document, statement.table.range) : range;
    return { name: name || '(statement)', kind, range, selectionRange: selection, ...(children ? { children } : {}) };
  });
}

export function foldingRanges(document: TextDocument, analysis: FileAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const statement of analysis.statements) {
    const start = document.positionAt(statement.range.start).line;
    const end = document.positionAt(statement.range.end).line;
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  for (const { range: section } of analysis.sections) {
    const start = document.positionAt(section.start).line;
    const end = document.positionAt(Math.max(section.start, section.end - 1)).line;
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
