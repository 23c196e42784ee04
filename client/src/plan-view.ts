// The plan view: one webview panel, reused for every explain. Shows the page plan-html.ts renders
// (the previous explain of the same statement beside the new one) and answers the page's buttons:
// "Add index" runs the server's add-index command, "Go to statement" reveals it. The page loads only
// client/media, and its script runs by nonce.
import * as vscode from 'vscode';
import { serverCommands, type AddIndexArguments } from '../../server/src/protocol';
import { isSameStatement, type ShownExplain } from './explain-text';
import { renderPlanPage } from './plan-html';
import { describe } from './server-session';

export interface PlanView extends vscode.Disposable {
  /** Shows an explain; the previous one stays beside it when it is the same statement. */
  show(explain: ShownExplain): void;
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

function oneLine(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

type PageMessage = { readonly type: 'addIndex'; readonly renderId: number; readonly index: number } | { readonly type: 'reveal'; readonly renderId: number };

function readMessage(value: unknown): PageMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message: Record<string, unknown> = { ...value };
  if (typeof message.renderId !== 'number') return undefined;
  if (message.type === 'addIndex' && typeof message.index === 'number' && Number.isInteger(message.index)) {
    return { type: 'addIndex', renderId: message.renderId, index: message.index };
  }
  return message.type === 'reveal' ? { type: 'reveal', renderId: message.renderId } : undefined;
}

export function createPlanView(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): PlanView {
  const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
  let panel: vscode.WebviewPanel | undefined;
  let current: ShownExplain | undefined;
  let previous: ShownExplain | undefined;
  let renderId = 0;

  function render(target: vscode.WebviewPanel): void {
    if (!current) return;
    renderId += 1;
    const webview = target.webview;
    target.title = `Plan: ${oneLine(current.result.statement, 40)}`;
    webview.html = renderPlanPage(
      { current: current.result, previous: previous?.result, renderId },
      {
        nonce: nonce(),
        cspSource: webview.cspSource,
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'plan-view.css')).toString(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'plan-view.js')).toString(),
      },
    );
  }

  async function addIndex(index: number): Promise<void> {
    const suggestion = current?.result.suggestions[index];
    if (!current || !suggestion) return;
    const argument: AddIndexArguments = { uri: current.uri, suggestion };
    try {
      await vscode.commands.executeCommand(serverCommands.addIndex, argument);
    } catch (error) {
      outputChannel.error(`Adding the index failed: ${describe(error)}`);
      const choice = await vscode.window.showErrorMessage(`sqlsight: the index could not be added: ${describe(error)}`, 'Show Output');
      if (choice) outputChannel.show(true);
    }
  }

  async function reveal(): Promise<void> {
    if (!current) return;
    const { start, end } = current.result.statementRange;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(current.uri));
      const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void vscode.window.showErrorMessage(`sqlsight: the statement's file could not be opened: ${describe(error)}`);
    }
  }

  function createPanel(): vscode.WebviewPanel {
    const created = vscode.window.createWebviewPanel(
      'sqlsight.plan',
      'Plan',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [media], retainContextWhenHidden: false },
    );
    created.onDidDispose(() => {
      panel = undefined;
      current = undefined;
      previous = undefined;
    });
    created.webview.onDidReceiveMessage((value: unknown) => {
      const message = readMessage(value);
      // A message from a page that has been replaced since refers to other suggestions.
      if (!message || message.renderId !== renderId) return;
      if (message.type === 'addIndex') void addIndex(message.index);
      else void reveal();
    });
    return created;
  }

  return {
    show(explain) {
      previous = current && isSameStatement(current, explain) ? current : undefined;
      current = explain;
      if (panel) {
        render(panel);
        panel.reveal(undefined, true);
      } else {
        panel = createPanel();
        render(panel);
      }
    },
    dispose() {
      panel?.dispose();
    },
  };
}
