// The VS Code extension's entry point: wires the language client, the commands, the status bar, the
// connections, "Explain" with its plan view, and workspace trust together. Thin: all analysis (and
// every database connection) happens in the server (dist/server.js).
import * as vscode from 'vscode';
import { commands } from '../../server/src/protocol';
import { createPasswords, registerConnections } from './connections';
import { registerExplain } from './explain';
import { createLanguageClient } from './language-client';
import { createPlanView } from './plan-view';
import { registerRuleDocumentation } from './rule-documentation';
import { createServerSession, type ServerSession } from './server-session';
import { registerStatusBar } from './status-bar';

let session: ServerSession | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel('sqlsight', { log: true });
  // A sqlsight.json change reaches the server as a file event and the status bar as a refresh.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/sqlsight.json');
  // Migrations created, deleted or changed on disk change the workspace schema model.
  const migrationWatcher = vscode.workspace.createFileSystemWatcher('**/*.{sql,psql,pgsql,mysql}');
  // The server's password requests are answered on every client: a restart builds a new one.
  const passwords = createPasswords(context, outputChannel);
  const current = createServerSession(() => passwords.attach(createLanguageClient(context, outputChannel, [configWatcher, migrationWatcher])), outputChannel);
  session = current;
  const planView = createPlanView(context, outputChannel);
  context.subscriptions.push(
    outputChannel,
    configWatcher,
    migrationWatcher,
    passwords,
    current,
    vscode.commands.registerCommand(commands.restartServer, () => current.restart()),
    vscode.commands.registerCommand(commands.showOutput, () => outputChannel.show(true)),
    // The server learns about trust only at initialization; later database features need to see it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => current.restart()),
    planView,
  );
  registerRuleDocumentation(context, current, outputChannel);
  const connections = registerConnections(context, current, outputChannel);
  registerExplain(context, current, { connections, prompts: passwords.prompts, planView, outputChannel });
  // Not awaited: a slow server start must not hold up activation (and the commands with it).
  // Started before the status bar registers, so its first look finds the server starting.
  void current.start();
  registerStatusBar(context, current, configWatcher);
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
