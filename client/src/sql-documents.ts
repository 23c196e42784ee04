// Which documents sqlsight analyses: SQL files on disk and unsaved SQL buffers. The language client
// and the status bar share this selector so they agree on what a SQL editor is.
import * as vscode from 'vscode';

interface SqlDocumentFilter {
  readonly scheme: string;
  readonly language: string;
}

// Other schemes (git diffs, remote file systems) are left out: the server reads sqlsight.json from
// disk next to the file, which only makes sense for a file path.
export const sqlDocumentSelector: SqlDocumentFilter[] = [
  { scheme: 'file', language: 'sql' },
  { scheme: 'untitled', language: 'sql' },
];

export function isSqlDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(sqlDocumentSelector, document) > 0;
}
