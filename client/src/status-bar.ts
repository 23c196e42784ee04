// The status bar item for SQL editors: the dialect and server version in effect for the active
// file (asked of the server with sqlsight/fileInfo). It never throws and never starts the server.
import * as vscode from 'vscode';
import { commands, fileInfoRequest, type FileInfoParams } from '../../server/src/protocol';
import { describe, type ServerSession } from './server-session';
import { isSqlDocument } from './sql-documents';
import { fileInfoView, isFileInfo, startingView, stoppedView, unavailableView, type StatusView } from './status-text';

// The client batches sqlsight.json events for 250 ms before telling the server, which then reloads
// the config; asking sooner would show the old settings.
const settleMs = 500;

function isActive(uri: vscode.Uri): boolean {
  return vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();
}

export function registerStatusBar(context: vscode.ExtensionContext, session: ServerSession, configWatcher: vscode.FileSystemWatcher): void {
  const item = vscode.window.createStatusBarItem('sqlsight.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'sqlsight';
  item.command = commands.showOutput;
  // Each refresh takes a number; an answer that arrives after a newer refresh started is dropped.
  let generation = 0;
  let settleTimer: NodeJS.Timeout | undefined;

  function show(view: StatusView): void {
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.accessibilityInformation = { label: view.tooltip };
    item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  }

  async function refresh(): Promise<void> {
    const current = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isSqlDocument(document)) {
      item.hide();
      return;
    }
    // Only a running client is asked: sendRequest on a stopped client would start it.
    const state = session.state();
    if (state !== 'running') {
      show(state === 'starting' ? startingView() : stoppedView());
      return;
    }
    const client = session.current();
    let view: StatusView;
    try {
      const params: FileInfoParams = { uri: document.uri.toString() };
      const answer: unknown = await client.sendRequest(fileInfoRequest, params);
      view = isFileInfo(answer) ? fileInfoView(answer) : unavailableView('the server sent an answer of the wrong shape');
    } catch (error) {
      // The server may have stopped between the state check and the answer (a restart).
      view = session.state() === 'running' ? unavailableView(describe(error)) : startingView();
    }
    if (current === generation && isActive(document.uri)) show(view);
  }

  function refreshNow(): void {
    void refresh().catch(() => item.hide());
  }

  function refreshSoon(): void {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(refreshNow, settleMs);
  }

  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(settleTimer) },
    vscode.window.onDidChangeActiveTextEditor(refreshNow),
    // Changing a document's language closes and reopens it; the active editor stays the same.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (isActive(document.uri)) refreshNow();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sqlsight')) refreshSoon();
    }),
    // New diagnostics mean a new analysis, which may have chosen another dialect (a directive typed).
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some(isActive)) refreshSoon();
    }),
    configWatcher.onDidCreate(refreshSoon),
    configWatcher.onDidChange(refreshSoon),
    configWatcher.onDidDelete(refreshSoon),
    session.onDidChangeState(refreshNow),
  );
  refreshNow();
}
