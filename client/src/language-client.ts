// Builds the language client for the sqlsight server (dist/server.js, a Node process over IPC).
// The client analyses nothing and connects to no database; it only says what to sync.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/protocol';
import { sqlDocumentSelector } from './sql-documents';

/** The client id: VS Code reads the trace level from `<id>.trace.server`, i.e. `sqlsight.trace.server`. */
const clientId = 'sqlsight';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  fileWatchers: readonly vscode.FileSystemWatcher[],
): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: sqlDocumentSelector,
    // Our own channel, so `sqlsight.showOutput` can reveal it and it survives client restarts.
    outputChannel,
    // Settings use the pull model: the server asks for section `sqlsight` (workspace/configuration)
    // and registers for workspace/didChangeConfiguration itself. Setting the deprecated
    // `synchronize.configurationSection` as well would send every change twice.
    synchronize: { fileEvents: [...fileWatchers] },
    // A function, so the restart after trust is granted sends the new value.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  return new LanguageClient(clientId, 'sqlsight', serverOptions, clientOptions);
}
