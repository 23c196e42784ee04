// Database connections in the editor: the Add / Select / Remove / Test commands, the active
// connection per workspace folder (workspaceState), the status bar item naming it, and the answer to
// the server's password request (SecretStorage, or a password box). The client never connects to a
// database itself: the server does, asking here for the password. In an untrusted workspace nothing
// here offers, stores or hands out anything for a connection.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  commands,
  passwordRequest,
  testConnectionRequest,
  type ConnectionSetting,
  type DialectSetting,
  type PasswordParams,
  type PasswordResult,
  type TestConnectionParams,
  type TestConnectionResult,
} from '../../server/src/protocol';
import {
  activeConnectionKey,
  askEveryTimeKey,
  connectionFromInputs,
  connectionIdentity,
  connectionsInProjectFile,
  connectionStatusView,
  decodeStoredPassword,
  defaultPorts,
  describeConnection,
  dialectNames,
  embeddedLabel,
  encodeStoredPassword,
  isActiveConnectionKey,
  passwordBinding,
  readConnections,
  secretKey,
  storedPasswordApplies,
  validateConnectionName,
  validateEnvironmentVariableName,
  validateHost,
  validatePort,
  withConnection,
  withoutConnection,
  type ConnectionInputs,
  type TlsChoice,
} from './connection-text';
import { describe, type ServerSession } from './server-session';
import { isSqlDocument } from './sql-documents';

const title = 'sqlsight: Add Database Connection';

/** Counts open password prompts, so a caller waiting for the server can stop its clock meanwhile. */
export interface PromptTracker {
  busy(): boolean;
  /** Fires when the last open prompt closes. */
  readonly onDidSettle: vscode.Event<void>;
}

export interface Passwords {
  /** Answers the server's password requests on this client (for every client: a restart replaces it); returns it. */
  attach(client: LanguageClient): LanguageClient;
  readonly prompts: PromptTracker;
}

export interface Connections {
  /** The connection "Explain" uses for a document; undefined: the embedded database (always, when untrusted). */
  activeConnection(uri: vscode.Uri): string | undefined;
}

function isPasswordParams(value: unknown): value is PasswordParams {
  if (typeof value !== 'object' || value === null) return false;
  const params: Record<string, unknown> = { ...value };
  return typeof params.connection === 'string' && typeof params.retry === 'boolean';
}

function isTestConnectionResult(value: unknown): value is TestConnectionResult {
  if (typeof value !== 'object' || value === null) return false;
  const result: Record<string, unknown> = { ...value };
  return typeof result.ok === 'boolean' && typeof result.message === 'string';
}

function folderOf(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
}

/** The editor's connections for a folder (the most specific settings level that has any). */
function connectionsFor(folder: vscode.WorkspaceFolder | undefined): ConnectionSetting[] {
  return readConnections(vscode.workspace.getConfiguration('sqlsight', folder?.uri).get<unknown>('connections'));
}

/** Every connection of that name the editor settings describe, at any level and in any folder. */
function settingsConnectionsNamed(name: string): ConnectionSetting[] {
  const found: ConnectionSetting[] = [];
  const scopes: (vscode.Uri | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri)];
  for (const scope of scopes) {
    const inspected = vscode.workspace.getConfiguration('sqlsight', scope).inspect<unknown>('connections');
    for (const value of [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue]) {
      found.push(...readConnections(value).filter((connection) => connection.name === name));
    }
  }
  return found;
}

/**
 * Every connection of that name the workspace describes: the editor settings and the workspace's
 * sqlsight.json files (whose entries win on the server). The server does not say which one it uses,
 * so a stored password is sent only when they all lead to the same place.
 */
async function connectionsNamed(name: string): Promise<ConnectionSetting[]> {
  const found = settingsConnectionsNamed(name);
  const files = await vscode.workspace.findFiles('**/sqlsight.json', '**/node_modules/**', 100);
  for (const file of files) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      found.push(...connectionsInProjectFile(text).filter((connection) => connection.name === name));
    } catch {
      // A file that vanished or cannot be read describes no connection.
    }
  }
  return found;
}

/** Where "Add" writes: the folder's settings in a multi-root workspace, the workspace's, or the user's without a folder. */
function settingsTarget(folder: vscode.WorkspaceFolder | undefined): { readonly target: vscode.ConfigurationTarget; readonly scope: vscode.Uri | undefined; readonly where: string } {
  if (!vscode.workspace.workspaceFolders?.length) return { target: vscode.ConfigurationTarget.Global, scope: undefined, where: 'your user settings' };
  if (vscode.workspace.workspaceFile && folder) {
    return { target: vscode.ConfigurationTarget.WorkspaceFolder, scope: folder.uri, where: `the settings of folder ${folder.name}` };
  }
  return { target: vscode.ConfigurationTarget.Workspace, scope: folder?.uri, where: 'the workspace settings' };
}

function valueAt(inspected: ReturnType<vscode.WorkspaceConfiguration['inspect']>, target: vscode.ConfigurationTarget): unknown {
  if (target === vscode.ConfigurationTarget.Global) return inspected?.globalValue;
  if (target === vscode.ConfigurationTarget.Workspace) return inspected?.workspaceValue;
  return inspected?.workspaceFolderValue;
}

/** The folder a command is about: the active editor's, else the only one, else the user's pick. */
async function commandFolder(): Promise<{ readonly folder: vscode.WorkspaceFolder | undefined } | undefined> {
  const fromEditor = folderOf(vscode.window.activeTextEditor?.document.uri);
  if (fromEditor) return { folder: fromEditor };
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return { folder: folders[0] };
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'For which folder?' });
  return picked ? { folder: picked } : undefined;
}

/**
 * The answer to the server's password requests: SecretStorage unless the server says the stored one
 * was refused, else a password box. Created before the language client, which it is attached to.
 */
export function createPasswords(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): Passwords & vscode.Disposable {
  const settled = new vscode.EventEmitter<void>();
  let openPrompts = 0;
  // One prompt per connection at a time: the server may ask twice at once (a test and an explain).
  const pendingPasswords = new Map<string, Promise<PasswordResult>>();

  const prompts: PromptTracker = { busy: () => openPrompts > 0, onDidSettle: settled.event };

  async function prompting<T>(ask: () => Thenable<T>): Promise<T> {
    openPrompts += 1;
    try {
      return await ask();
    } finally {
      openPrompts -= 1;
      if (openPrompts === 0) settled.fire();
    }
  }

  // The password request. Never throws: a failure is an answer of "no password".
  async function askForPassword(params: PasswordParams): Promise<PasswordResult> {
    const name = params.connection;
    if (!vscode.workspace.isTrusted) return { password: undefined };
    const key = secretKey(name);
    const candidates = await connectionsNamed(name);
    let notice = '';
    if (!params.retry) {
      const storedText = await context.secrets.get(key);
      if (storedText !== undefined) {
        const stored = decodeStoredPassword(storedText);
        if (storedPasswordApplies(stored, candidates)) return { password: stored.password };
        outputChannel.warn(`The password stored for connection "${name}" was entered for a connection that led elsewhere; asking for it again`);
        notice = 'The stored password was entered for another server. ';
      }
    } else {
      notice = 'The password was refused. ';
    }
    const askEveryTime = context.globalState.get<boolean>(askEveryTimeKey(name)) === true;
    const binding = passwordBinding(candidates);
    const distinct = [...new Map(candidates.map((candidate) => [connectionIdentity(candidate), candidate])).values()];
    const target =
      distinct.length === 1 && distinct[0]
        ? describeConnection(distinct[0])
        : distinct.length === 0
          ? 'Not described in the settings or a sqlsight.json of this workspace'
          : 'Described differently by the settings and sqlsight.json';
    const keeping = askEveryTime || !binding ? 'It is not stored.' : 'It is kept in VS Code\'s secret storage.';
    const password = await prompting(() =>
      vscode.window.showInputBox({
        title: `sqlsight: password for connection "${name}"`,
        prompt: `${notice}${target}. ${keeping}`,
        password: true,
        ignoreFocusOut: true,
      }),
    );
    if (password === undefined) {
      // A refused password that was not replaced would be refused again next time.
      if (params.retry) await context.secrets.delete(key);
      return { password: undefined };
    }
    if (!askEveryTime && binding) await context.secrets.store(key, encodeStoredPassword({ password, identity: binding.identity }));
    return { password };
  }

  function attach(client: LanguageClient): LanguageClient {
    client.onRequest(passwordRequest, async (params: unknown): Promise<PasswordResult> => {
      if (!isPasswordParams(params)) return { password: undefined };
      const pendingKey = `${params.connection}\u0000${params.retry}`;
      const pending = pendingPasswords.get(pendingKey);
      if (pending) return pending;
      const answer = askForPassword(params).catch((error: unknown) => {
        outputChannel.error(`Answering the password request for "${params.connection}" failed: ${describe(error)}`);
        return { password: undefined };
      });
      pendingPasswords.set(pendingKey, answer);
      try {
        return await answer;
      } finally {
        pendingPasswords.delete(pendingKey);
      }
    });
    return client;
  }

  return { attach, prompts, dispose: () => settled.dispose() };
}

/** The connection commands, the active connection per folder and its status bar item. */
export function registerConnections(context: vscode.ExtensionContext, session: ServerSession, outputChannel: vscode.LogOutputChannel): Connections {
  const changed = new vscode.EventEmitter<void>();

  function activeConnection(uri: vscode.Uri): string | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    return context.workspaceState.get<string>(activeConnectionKey(folderOf(uri)?.uri.toString()));
  }

  async function setActive(folder: vscode.WorkspaceFolder | undefined, name: string | undefined): Promise<void> {
    await context.workspaceState.update(activeConnectionKey(folder?.uri.toString()), name);
    changed.fire();
  }

  async function refuseWhenUntrusted(): Promise<boolean> {
    if (vscode.workspace.isTrusted) return false;
    const choice = await vscode.window.showWarningMessage(
      'sqlsight: database connections are off in an untrusted workspace; "Explain" runs on the embedded database. Trust the workspace to use connections.',
      'Manage Workspace Trust',
    );
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return true;
  }

  // "Add Database Connection": one question at a time; Escape anywhere cancels without writing.
  async function add(): Promise<void> {
    if (await refuseWhenUntrusted()) return;
    const chosen = await commandFolder();
    if (!chosen) return;
    const { folder } = chosen;
    const where = settingsTarget(folder);
    const configuration = vscode.workspace.getConfiguration('sqlsight', where.scope);
    const existingNames = [...connectionsFor(folder), ...readConnections(valueAt(configuration.inspect<unknown>('connections'), where.target))].map((connection) => connection.name);

    const name = await vscode.window.showInputBox({
      title,
      prompt: 'A name to pick the connection by (shown in the status bar)',
      placeHolder: 'orders-prod',
      ignoreFocusOut: true,
      validateInput: (value) => validateConnectionName(value, existingNames),
    });
    if (name === undefined) return;
    const dialects: DialectSetting[] = ['postgres', 'mysql', 'mariadb'];
    const dialectItems = dialects.map((dialect) => ({ label: dialectNames[dialect], dialect }));
    const dialect = (await vscode.window.showQuickPick(dialectItems, { title, placeHolder: 'The database', ignoreFocusOut: true }))?.dialect;
    if (!dialect) return;
    const reach = await vscode.window.showQuickPick(
      [
        { label: 'Host, port, database and user', how: 'host' as const },
        { label: 'A URL in an environment variable', detail: 'For example DATABASE_URL; the URL may carry the password', how: 'environment' as const },
      ],
      { title, placeHolder: 'How to reach the database', ignoreFocusOut: true },
    );
    if (!reach) return;

    let target: ConnectionInputs['target'];
    if (reach.how === 'environment') {
      const variable = await vscode.window.showInputBox({
        title,
        prompt: 'The name of the environment variable holding the connection URL (VS Code must have been started with it set)',
        placeHolder: 'DATABASE_URL',
        ignoreFocusOut: true,
        validateInput: validateEnvironmentVariableName,
      });
      if (variable === undefined) return;
      target = { kind: 'environment', variable };
    } else {
      const host = await vscode.window.showInputBox({ title, prompt: 'Host name or address', value: 'localhost', ignoreFocusOut: true, validateInput: validateHost });
      if (host === undefined) return;
      const port = await vscode.window.showInputBox({
        title,
        prompt: 'Port',
        value: String(defaultPorts[dialect]),
        ignoreFocusOut: true,
        validateInput: validatePort,
      });
      if (port === undefined) return;
      const database = await vscode.window.showInputBox({ title, prompt: 'Database name (empty: the server\'s default)', ignoreFocusOut: true });
      if (database === undefined) return;
      const user = await vscode.window.showInputBox({ title, prompt: 'User name (empty: the driver\'s default)', ignoreFocusOut: true });
      if (user === undefined) return;
      const tlsItems: { label: string; detail: string; tls: TlsChoice }[] = [
        { label: 'No TLS', detail: 'A local or development database', tls: 'off' },
        { label: 'TLS, verify the server certificate', detail: 'For a production database', tls: 'verify' },
        { label: 'TLS, accept any certificate', detail: 'Encrypted but not verified (self-signed development servers)', tls: 'accept-any' },
      ];
      const tls = (await vscode.window.showQuickPick(tlsItems, { title, placeHolder: 'Encryption', ignoreFocusOut: true }))?.tls;
      if (!tls) return;
      target = { kind: 'host', host, port, database, user, tls };
    }

    const built = connectionFromInputs({ name, dialect, target }, existingNames);
    if ('problem' in built) {
      void vscode.window.showErrorMessage(`sqlsight: ${built.problem}`);
      return;
    }
    const connection = built.connection;
    const passwordChoice = await vscode.window.showQuickPick(
      [
        { label: 'Ask when the server needs it, then remember it', detail: 'Kept in VS Code\'s secret storage (the system keychain), never in settings', choice: 'remember' as const },
        { label: 'Enter it now', detail: 'Kept in VS Code\'s secret storage (the system keychain), never in settings', choice: 'now' as const },
        { label: 'Ask every time', detail: 'Never stored', choice: 'every-time' as const },
      ],
      { title, placeHolder: 'The password (none is needed for trust or peer authentication, or when the URL carries it)', ignoreFocusOut: true },
    );
    if (!passwordChoice) return;
    let password: string | undefined;
    if (passwordChoice.choice === 'now') {
      password = await vscode.window.showInputBox({ title, prompt: `Password of ${describeConnection(connection)}`, password: true, ignoreFocusOut: true });
      if (password === undefined) return;
    }

    try {
      const current = valueAt(configuration.inspect<unknown>('connections'), where.target);
      await configuration.update('connections', withConnection(current, connection), where.target);
    } catch (error) {
      void vscode.window.showErrorMessage(`sqlsight: the connection could not be written to ${where.where}: ${describe(error)}`);
      return;
    }
    // A password left from an earlier connection of the same name must not outlive it.
    await context.secrets.delete(secretKey(connection.name));
    await context.globalState.update(askEveryTimeKey(connection.name), passwordChoice.choice === 'every-time' ? true : undefined);
    if (password) await context.secrets.store(secretKey(connection.name), encodeStoredPassword({ password, identity: connectionIdentity(connection) }));
    await setActive(folder, connection.name);
    const choice = await vscode.window.showInformationMessage(
      `sqlsight: connection "${connection.name}" was added to ${where.where} and is now used by "Explain"${folder ? ` in ${folder.name}` : ''}.`,
      'Test Connection',
    );
    if (choice) await test(connection.name);
  }

  async function select(): Promise<void> {
    if (await refuseWhenUntrusted()) return;
    const chosen = await commandFolder();
    if (!chosen) return;
    const { folder } = chosen;
    const active = context.workspaceState.get<string>(activeConnectionKey(folder?.uri.toString()));
    const known = connectionsFor(folder);
    type Item = vscode.QuickPickItem & { readonly action: 'embedded' | 'connection' | 'type' | 'add'; readonly name?: string };
    const mark = (selected: boolean): string => (selected ? ' (in use)' : '');
    const items: Item[] = [
      { label: `$(database) ${embeddedLabel}`, description: mark(active === undefined), detail: 'Empty tables, or the rows of sqlsight.explain.seedRows', action: 'embedded' },
      { label: 'Connections', kind: vscode.QuickPickItemKind.Separator, action: 'embedded' },
      ...known.map((connection): Item => ({ label: `$(plug) ${connection.name}`, description: `${describeConnection(connection)}${mark(connection.name === active)}`, action: 'connection', name: connection.name })),
      ...(active !== undefined && !known.some((connection) => connection.name === active)
        ? [{ label: `$(plug) ${active}`, description: `not in the settings (from sqlsight.json?)${mark(true)}`, action: 'connection' as const, name: active }]
        : []),
      { label: '', kind: vscode.QuickPickItemKind.Separator, action: 'embedded' },
      { label: '$(edit) Enter a connection name…', detail: 'A connection defined in sqlsight.json', action: 'type' },
      { label: '$(add) Add Database Connection…', action: 'add' },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: `sqlsight: Select Database Connection${folder ? ` for ${folder.name}` : ''}`,
      placeHolder: 'The database "Explain" runs on',
    });
    if (!picked) return;
    if (picked.action === 'add') return add();
    if (picked.action === 'embedded') return setActive(folder, undefined);
    if (picked.action === 'connection') return setActive(folder, picked.name);
    const typed = await vscode.window.showInputBox({
      title: 'sqlsight: Select Database Connection',
      prompt: 'The name of a connection in sqlsight.json',
      validateInput: (value) => (value.trim() === '' ? 'A connection name' : undefined),
    });
    if (typed !== undefined) await setActive(folder, typed.trim());
  }

  async function remove(): Promise<void> {
    if (await refuseWhenUntrusted()) return;
    type Entry = { readonly name: string; readonly connection: ConnectionSetting; readonly target: vscode.ConfigurationTarget; readonly scope: vscode.Uri | undefined; readonly where: string };
    const entries: Entry[] = [];
    const levels: { scope: vscode.Uri | undefined; target: vscode.ConfigurationTarget; where: string }[] = [
      { scope: undefined, target: vscode.ConfigurationTarget.Global, where: 'user settings' },
      { scope: undefined, target: vscode.ConfigurationTarget.Workspace, where: 'workspace settings' },
      ...(vscode.workspace.workspaceFile
        ? (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ scope: folder.uri, target: vscode.ConfigurationTarget.WorkspaceFolder, where: `settings of ${folder.name}` }))
        : []),
    ];
    for (const level of levels) {
      const value = valueAt(vscode.workspace.getConfiguration('sqlsight', level.scope).inspect<unknown>('connections'), level.target);
      for (const connection of readConnections(value)) entries.push({ name: connection.name, connection, ...level });
    }
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('sqlsight: the settings have no database connections (connections in sqlsight.json are edited there).');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      entries.map((entry) => ({ label: entry.name, description: describeConnection(entry.connection), detail: `In ${entry.where}`, entry })),
      { title: 'sqlsight: Remove Database Connection', placeHolder: 'The connection to remove' },
    );
    if (!picked) return;
    const { entry } = picked;
    const confirm = await vscode.window.showWarningMessage(
      `Remove the connection "${entry.name}"?`,
      { modal: true, detail: `It is removed from ${entry.where}, and its password from VS Code's secret storage.` },
      'Remove',
    );
    if (confirm !== 'Remove') return;
    const configuration = vscode.workspace.getConfiguration('sqlsight', entry.scope);
    try {
      const kept = withoutConnection(valueAt(configuration.inspect<unknown>('connections'), entry.target), entry.name);
      if (kept) await configuration.update('connections', kept.length > 0 ? kept : undefined, entry.target);
    } catch (error) {
      void vscode.window.showErrorMessage(`sqlsight: the connection could not be removed from ${entry.where}: ${describe(error)}`);
      return;
    }
    await context.secrets.delete(secretKey(entry.name));
    await context.globalState.update(askEveryTimeKey(entry.name), undefined);
    for (const key of context.workspaceState.keys()) {
      if (isActiveConnectionKey(key) && context.workspaceState.get<string>(key) === entry.name) await context.workspaceState.update(key, undefined);
    }
    changed.fire();
    void vscode.window.showInformationMessage(`sqlsight: connection "${entry.name}" removed.`);
  }

  async function test(name?: string): Promise<void> {
    if (await refuseWhenUntrusted()) return;
    const document = vscode.window.activeTextEditor?.document;
    let connection = name;
    if (connection === undefined) {
      const chosen = await commandFolder();
      if (!chosen) return;
      const active = context.workspaceState.get<string>(activeConnectionKey(chosen.folder?.uri.toString()));
      const names = [...new Set([...(active !== undefined ? [active] : []), ...connectionsFor(chosen.folder).map((known) => known.name)])];
      if (names.length === 0) {
        const choice = await vscode.window.showInformationMessage('sqlsight: there is no database connection to test.', 'Add Database Connection');
        if (choice) await add();
        return;
      }
      connection = names.length === 1 ? names[0] : (await vscode.window.showQuickPick(names, { title: 'sqlsight: Test Database Connection', placeHolder: 'Which connection?' }));
      if (connection === undefined) return;
    }
    const params: TestConnectionParams = { connection, uri: document?.uri.toString() };
    let result: TestConnectionResult;
    try {
      const answer: unknown = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `sqlsight: connecting to "${connection}"…`, cancellable: true },
        (_progress, token) => session.current().sendRequest(testConnectionRequest, params, token),
      );
      if (!isTestConnectionResult(answer)) throw new Error('the server sent an answer of the wrong shape');
      result = answer;
    } catch (error) {
      outputChannel.error(`Testing connection "${connection}" failed: ${describe(error)}`);
      result = { ok: false, message: describe(error) };
    }
    if (result.ok) {
      void vscode.window.showInformationMessage(`sqlsight: "${connection}": ${result.message}`);
      return;
    }
    outputChannel.warn(`Connection "${connection}": ${result.message}`);
    const choice = await vscode.window.showErrorMessage(`sqlsight: "${connection}": ${result.message}`, 'Show Output');
    if (choice) outputChannel.show(true);
  }

  // The status bar item: the active connection of the active SQL editor's folder.
  const item = vscode.window.createStatusBarItem('sqlsight.connection', vscode.StatusBarAlignment.Right, 99);
  item.name = 'sqlsight connection';
  item.command = commands.selectConnection;
  function refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isSqlDocument(document)) {
      item.hide();
      return;
    }
    const folder = folderOf(document.uri);
    const active = activeConnection(document.uri);
    const view = connectionStatusView(active, { trusted: vscode.workspace.isTrusted, known: connectionsFor(folder).some((connection) => connection.name === active) });
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.accessibilityInformation = { label: view.tooltip };
    // Untrusted: there is nothing to select, so the click offers trust instead.
    item.command = vscode.workspace.isTrusted ? commands.selectConnection : 'workbench.trust.manage';
    item.show();
  }

  context.subscriptions.push(
    changed,
    item,
    changed.event(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (vscode.window.activeTextEditor?.document === document) refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sqlsight.connections')) refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.commands.registerCommand(commands.addConnection, add),
    vscode.commands.registerCommand(commands.selectConnection, select),
    vscode.commands.registerCommand(commands.removeConnection, remove),
    vscode.commands.registerCommand(commands.testConnection, (argument: unknown) => test(typeof argument === 'string' ? argument : undefined)),
  );
  refresh();

  return { activeConnection };
}
