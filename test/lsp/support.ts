// A small LSP client for the language-server tests: spawns the built dist/server.js over stdio,
// answers the requests a real editor answers (workspace/configuration with settings the test
// chooses, client/registerCapability), records every publishDiagnostics and log message, and waits
// for events with clear timeout messages. Plus helpers to apply LSP edits and make throwaway folders.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type DocumentSymbol,
  type FileEvent,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type InlayHint,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RegistrationParams,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const repositoryRoot = join(import.meta.dirname, '..', '..');
export const serverPath = join(repositoryRoot, 'dist', 'server.js');
export const cliPath = join(repositoryRoot, 'dist', 'cli.js');

/** How long a test waits for one event before failing with a message naming what it waited for. */
export const eventTimeoutMs = 15_000;

export interface StartOptions {
  /** What the client answers for the `sqlsight` configuration section (mutable later via `client.settings`). */
  readonly settings?: Record<string, unknown>;
  /** Extra environment for the server process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Folders sent as the initialize request's workspace folders (the server discovers migrations there). */
  readonly workspaceFolders?: readonly string[];
  /** Whether the client says the workspace is trusted (database connections allowed); default false, as for an unknown client. */
  readonly trusted?: boolean;
}

/** Records every notification and answers server-to-client requests like an editor. */
export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: Registration[] = [];
  /** Every `workspace/configuration` request's sections, in order. */
  readonly configurationRequests: (string | undefined)[][] = [];
  /** What the client answers for section `sqlsight`; change it, then call `changeSettings()`. */
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;
  private readonly waiters = new Set<() => void>();
  private exit: string | undefined;
  private stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  /** Spawns the server, initializes it, and returns once settings were pulled and the engine is loaded. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} does not exist: run \`node esbuild.mjs\` (npm test builds it first)`);
    const child = spawn(process.execPath, [serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    if (!child.stdout || !child.stdin || !child.stderr) throw new Error('the server process has no stdio pipes');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings ?? {});
    client.listen();
    await client.initialize(options.workspaceFolders ?? [], options.trusted ?? false);
    return client;
  }

  private listen(): void {
    const { connection, child } = this;
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      this.exit = `the server exited (code ${code}, signal ${signal})${this.stderr ? `; stderr:\n${this.stderr}` : ''}`;
      this.wake();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.wake();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.wake();
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params.items.map((item) => item.section));
      this.wake();
      return params.items.map((item) => (item.section === 'sqlsight' ? structuredClone(this.settings) : null));
    });
    connection.onRequest(RegistrationRequest.method, (params: RegistrationParams) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.listen();
  }

  private async initialize(workspaceFolders: readonly string[], trusted: boolean): Promise<void> {
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      initializationOptions: { workspaceTrusted: trusted },
      workspaceFolders: workspaceFolders.length === 0 ? null : workspaceFolders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder })),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: false },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          inlayHint: {},
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: {},
          synchronization: { didSave: false },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    // The server pulls `sqlsight.*` in onInitialized, then re-analyses; a request that waits for the
    // engine (sqlsight/ruleDocumentation), sent after the configuration answer, is a barrier for both.
    await this.waitFor('the workspace/configuration request after initialized', () => (this.configurationRequests.length > 0 ? true : undefined));
    await this.connection.sendRequest('sqlsight/ruleDocumentation', { ruleId: 'require-concurrent-index' });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * Resolves with the first non-undefined value of `check`, evaluated now and after every message from
   * the server; rejects after `timeoutMs` with `description`, or when the server exits.
   */
  waitFor<T>(description: string, check: () => T | undefined, timeoutMs = eventTimeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (action: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(attempt);
        action();
      };
      const attempt = (): void => {
        if (this.exit) return finish(() => reject(new Error(`while waiting for ${description}: ${this.exit}`)));
        try {
          const value = check();
          if (value !== undefined) finish(() => resolve(value));
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      };
      const timer = setTimeout(() => {
        finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}; publishes so far: ${this.describePublishes()}`)));
      }, timeoutMs);
      this.waiters.add(attempt);
      attempt();
    });
  }

  describePublishes(): string {
    return this.published
      .slice(-10)
      .map((params) => `${params.uri.split('/').pop()}@${params.version ?? '-'}[${params.diagnostics.map((diagnostic) => diagnostic.code).join(',')}]`)
      .join(' ');
  }

  /** Index to pass as `since` so only publishes after this moment count. */
  mark(): number {
    return this.published.length;
  }

  /** The first publish for `uri` at or after index `since`, with `version` when given. */
  diagnostics(uri: string, options: { readonly version?: number; readonly since?: number } = {}): Promise<PublishDiagnosticsParams> {
    const since = options.since ?? 0;
    const label = `publishDiagnostics for ${uri}${options.version === undefined ? '' : ` version ${options.version}`}${since ? ` after publish #${since}` : ''}`;
    return this.waitFor(label, () =>
      this.published.find((params, index) => index >= since && params.uri === uri && (options.version === undefined || params.version === options.version)),
    );
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const since = this.mark();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sql', version, text } });
    return this.diagnostics(uri, { version, since });
  }

  /** Sends a didChange (whole text, or the given incremental changes) without waiting. */
  sendChange(uri: string, version: number, change: string | TextDocumentContentChangeEvent[]): Promise<void> {
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Sends a didChange and waits for the diagnostics of that version. */
  async change(uri: string, version: number, change: string | TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const since = this.mark();
    await this.sendChange(uri, version, change);
    return this.diagnostics(uri, { version, since });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes what the client answers for `sqlsight.*` and tells the server, like an editor would. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  watchedFilesChanged(...paths: string[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: paths.map((path): FileEvent => ({ uri: pathToFileURL(path).href, type: FileChangeType.Changed })),
    });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<(CodeAction | Command)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  }

  /** Log messages that contain `text`. */
  logsMentioning(text: string): LogMessageParams[] {
    return this.logs.filter((log) => log.message.includes(text));
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.exit === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Shutdown and exit like an editor; kills the process if it does not exit promptly. */
  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await withTimeout(exited, 2000, 'exit');
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Offset of an LSP position (UTF-16 code units) in `text`; a character past the line end clamps to it. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + position.character, end);
}

/** LSP position of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Applies LSP text edits, all relative to the original text, as the LSP spec says: they must not
 * overlap, and inserts at the same position keep the order of the array.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((edit, index) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start > span.end) throw new Error(`edit #${span.index} has its end before its start`);
    if (span.start < cursor) throw new Error(`edit #${span.index} overlaps an earlier edit`);
    result += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  return result + text.slice(cursor);
}

/** Applies the part of a WorkspaceEdit that targets `uri` (either `changes` or `documentChanges`). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) throw new Error('the code action has no edit');
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((candidate): candidate is TextEdit => 'range' in candidate));
  }
  const others = Object.keys(edit.changes ?? {}).filter((key) => key !== uri);
  if (others.length > 0) throw new Error(`the edit also changes ${others.join(', ')}`);
  return applyEdits(text, edits);
}

export function isCodeAction(action: CodeAction | Command): action is CodeAction {
  return typeof (action as { command?: unknown }).command !== 'string';
}

/** The code action titled `title`, failing with the titles offered. */
export function actionTitled(actions: readonly (CodeAction | Command)[] | null, title: string): CodeAction {
  const found = (actions ?? []).filter(isCodeAction).find((action) => action.title === title);
  if (!found) throw new Error(`no code action titled ${JSON.stringify(title)}; offered: ${JSON.stringify((actions ?? []).map((action) => action.title))}`);
  return found;
}

/** A temporary folder holding `files` (paths may contain folders). */
export function makeFolder(files: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-lsp-'));
  for (const [path, content] of Object.entries(files)) writeIn(root, path, content);
  return root;
}

export function writeIn(root: string, path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((diagnostic) => String(diagnostic.code));
}

/** A diagnostic's message as text (the protocol allows markup too). */
export function messageOf(diagnostic: Diagnostic | undefined): string {
  const message = diagnostic?.message ?? '';
  return typeof message === 'string' ? message : message.value;
}

export function diagnosticFor(params: PublishDiagnosticsParams, ruleId: string): Diagnostic {
  const found = params.diagnostics.find((diagnostic) => diagnostic.code === ruleId);
  if (!found) throw new Error(`no ${ruleId} diagnostic in version ${params.version}: ${JSON.stringify(codes(params))}`);
  return found;
}

/** Settings that make every test fast: no debounce. */
export const fastSettings: Record<string, unknown> = { debounceMs: 0 };

/** The position right after the first occurrence of `needle` in `text`. */
export function positionAfter(text: string, needle: string): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  return positionAt(text, index + needle.length);
}
