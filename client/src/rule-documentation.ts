// "sqlsight: Show Rule Documentation": asks the server for a rule's page and shows it in the Markdown
// preview of a read-only virtual document (scheme sqlsight-docs), so nothing asks to be saved.
import * as vscode from 'vscode';
import { commands, ruleDocumentationRequest, type RuleDocumentation, type RuleDocumentationParams } from '../../server/src/protocol';
import { isRuleId, ruleIdOfDiagnosticCode } from './rule-ids';
import { describe, type ServerSession } from './server-session';

const scheme = 'sqlsight-docs';

function pageUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme, path: `/rules/${ruleId}.md` });
}

function ruleIdOfPage(uri: vscode.Uri): string | undefined {
  const match = /^\/rules\/(.+)\.md$/.exec(uri.path);
  return match?.[1] !== undefined && isRuleId(match[1]) ? match[1] : undefined;
}

function isRuleDocumentation(value: unknown): value is RuleDocumentation {
  return typeof value === 'object' && value !== null && 'ruleId' in value && typeof value.ruleId === 'string' && 'markdown' in value && typeof value.markdown === 'string';
}

async function fetchPage(session: ServerSession, ruleId: string): Promise<string> {
  const params: RuleDocumentationParams = { ruleId };
  const answer: unknown = await session.current().sendRequest(ruleDocumentationRequest, params);
  if (!isRuleDocumentation(answer)) throw new Error('the server sent an answer of the wrong shape');
  return answer.markdown;
}

/** The rule ids of sqlsight diagnostics in the active editor, those under the cursor first. */
function ruleIdsNearCursor(): { readonly atCursor: string[]; readonly inFile: string[] } {
  const editor = vscode.window.activeTextEditor;
  const atCursor = new Set<string>();
  const inFile = new Set<string>();
  if (!editor) return { atCursor: [], inFile: [] };
  for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
    const ruleId = diagnostic.source === 'sqlsight' ? ruleIdOfDiagnosticCode(diagnostic.code) : undefined;
    if (!ruleId) continue;
    inFile.add(ruleId);
    if (editor.selections.some((selection) => diagnostic.range.contains(selection.active))) atCursor.add(ruleId);
  }
  return { atCursor: [...atCursor].sort(), inFile: [...inFile].sort() };
}

async function askForRuleId(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'sqlsight: Show Rule Documentation',
    prompt: 'The rule id, as shown in the Problems panel (run `sqlsight rules` for the list)',
    placeHolder: 'require-concurrent-index',
    validateInput: (text) => (isRuleId(text.trim()) ? undefined : 'A rule id is kebab-case, like require-concurrent-index'),
  });
  return typed?.trim();
}

// The diagnostic under the cursor answers the question by itself; otherwise offer the rules this
// file reports, and a way to type any id.
async function chooseRuleId(): Promise<string | undefined> {
  const { atCursor, inFile } = ruleIdsNearCursor();
  if (atCursor.length === 1) return atCursor[0];
  const candidates = atCursor.length > 0 ? atCursor : inFile;
  if (candidates.length === 0) return askForRuleId();
  const other: vscode.QuickPickItem = { label: 'Another rule…', alwaysShow: true };
  const items: vscode.QuickPickItem[] = [
    ...candidates.map((ruleId) => ({ label: ruleId, description: atCursor.length > 0 ? 'at the cursor' : 'reported in this file' })),
    other,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'sqlsight: Show Rule Documentation', placeHolder: 'Which rule?' });
  if (!picked) return undefined;
  return picked === other ? askForRuleId() : picked.label;
}

export function registerRuleDocumentation(context: vscode.ExtensionContext, session: ServerSession, outputChannel: vscode.LogOutputChannel): void {
  const pages = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();

  // A preview restored after a reload asks for its page before any command ran: fetch it then.
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const ruleId = ruleIdOfPage(uri);
      if (!ruleId) return `# Not a sqlsight rule page\n\n\`${uri.toString()}\` names no rule.\n`;
      const cached = pages.get(ruleId);
      if (cached !== undefined) return cached;
      try {
        const markdown = await fetchPage(session, ruleId);
        pages.set(ruleId, markdown);
        return markdown;
      } catch (error) {
        return `# ${ruleId}\n\nThe documentation could not be loaded from the sqlsight server: ${describe(error)}\n`;
      }
    },
  };

  async function show(argument: unknown): Promise<void> {
    // Code actions pass the rule id; from the palette or a menu the argument is absent or a Uri.
    const ruleId = typeof argument === 'string' && isRuleId(argument) ? argument : await chooseRuleId();
    if (!ruleId) return;
    let markdown: string;
    try {
      markdown = await fetchPage(session, ruleId);
    } catch (error) {
      outputChannel.error(`Loading the documentation of ${ruleId} failed: ${describe(error)}`);
      void vscode.window.showErrorMessage(`sqlsight: the documentation of ${ruleId} could not be loaded: ${describe(error)}`);
      return;
    }
    const uri = pageUri(ruleId);
    pages.set(ruleId, markdown);
    changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // The built-in Markdown extension can be disabled: the page as text is still readable.
      await vscode.window.showTextDocument(uri, { preview: true });
    }
  }

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(scheme, provider),
    vscode.commands.registerCommand(commands.showRuleDocumentation, (argument: unknown) => show(argument)),
  );
}
