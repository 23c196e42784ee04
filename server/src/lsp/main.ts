// The language server: a thin layer over the engine. It keeps the latest analysis per open
// document (debounced, never published for a stale version), and answers diagnostics, code
// actions, hover, inlay hints, symbols and folding from it, and the schema-aware name features
// (hover on tables and columns, definition, references, workspace symbols, completion) from it and
// the workspace schema model. Every handler is contained: a failure is logged and answered empty,
// never a dead server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadEngine, newMigrationPath, ParseCache, serverVersionText, settingsForText, type Engine, type FileAnalysis, type Rule } from '../engine';
import { formatConfigError, type ConfigError } from '../io/config-loader';
import {
  serverCommands,
  explainRequest,
  passwordRequest,
  testConnectionRequest,
  type AddIndexArguments,
  type ExplainParams,
  type ExplainResponse,
  type InitializationOptions,
  type PasswordParams,
  type PasswordResult,
  type TestConnectionParams,
  type TestConnectionResult,
  defaultEditorSettings,
  fileInfoRequest,
  ruleDocumentationRequest,
  type EditorSettings,
  type FileInfo,
  type FileInfoParams,
  type RuleDocumentation,
  type RuleDocumentationParams,
} from '../protocol';
import { fixAllEdits, fixAllKind, newMigrationEdit, quickFixes } from './code-actions';
import { configDiagnostics, WorkspaceConfig, type ResolvedFileConfig } from './workspace-config';
import { toDiagnostic } from './diagnostics';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import { ExplainController } from './explain';
import { documentSymbols, foldingRanges } from './outline';
import { readEditorSettings } from './settings';
import { SchemaWorkspace } from './schema-workspace';
import { SchemaFeatures } from './schema-features';

interface DocumentAnalysis {
  readonly version: number;
  readonly analysis: FileAnalysis;
  readonly config: ResolvedFileConfig;
}

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new Map<string, DocumentAnalysis>();
/** Per open document: parser results of unchanged statements survive the next keystroke. */
const parseCaches = new Map<string, ParseCache>();
const timers = new Map<string, NodeJS.Timeout>();
const reportedFailures = new Set<string>();
/** The problems last published per sqlsight.json (undefined: published clean). */
const publishedConfigFiles = new Map<string, ConfigError | undefined>();
let editorSettings: EditorSettings = defaultEditorSettings;
let canPullConfiguration = false;
let workspaceTrusted = false;
let engine: Engine | undefined;
let workspaceConfig: WorkspaceConfig | undefined;
let schemaWorkspace: SchemaWorkspace | undefined;
/** Workspace folders (paths), from initialize and later folder changes. */
let workspaceFolders: string[] = [];
const engineReady = loadEngine({ extraRules: faultInjectionRules() }).then((loaded) => {
  engine = loaded;
  const ruleIds = loaded.rules.map((rule) => rule.meta.id);
  workspaceConfig = new WorkspaceConfig(ruleIds, () => editorSettings);
  schemaWorkspace = new SchemaWorkspace(loaded, ruleIds, openDocumentText, (message) => connection.console.info(`sqlsight: ${message}`));
  return loaded;
});

/** Hover on names, definition, references, workspace symbols and completion, from the cached models. */
const schemaFeatures = new SchemaFeatures({
  schemaWorkspace: () => schemaWorkspace,
  analysisOf: (document) => analysisOf(document)?.analysis,
  documents: () => documents.all(),
  pathOf,
});

/** The text of an open document by path (newer than the disk's), for the schema model. */
function openDocumentText(path: string): string | undefined {
  for (const document of documents.all()) if (pathOf(document.uri) === path) return document.getText();
  return undefined;
}

const docsFolder = join(__dirname, '..', 'docs', 'rules');

function docsUri(ruleId: string): string | undefined {
  const page = join(docsFolder, `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

function pathOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

function logError(context: string, error: unknown): void {
  connection.console.error(`sqlsight: ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Runs a request handler; an exception is logged and answered with `fallback`. */
function safely<T>(context: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    logError(context, error);
    return fallback;
  }
}

/** The analysis of the document's current version, computed now if the cached one is stale. */
function analysisOf(document: TextDocument): DocumentAnalysis | undefined {
  if (!engine || !workspaceConfig) return undefined;
  const cached = analyses.get(document.uri);
  if (cached && cached.version === document.version) return cached;
  const path = pathOf(document.uri);
  const config = workspaceConfig.forFile(path);
  const text = document.getText();
  let parseCache = parseCaches.get(document.uri);
  if (!parseCache) {
    parseCache = new ParseCache();
    parseCaches.set(document.uri, parseCache);
  }
  const isMigration = schemaWorkspace?.update(path, text) ?? false;
  const before = schemaWorkspace?.before(path);
  // Only a document that may exceed the size limit pays for encoding it.
  const analysis =
    text.length * 3 > config.settings.maxFileBytes
      ? engine.analyzeBytes({ path, bytes: new TextEncoder().encode(text), settings: config.settings, parseCache, before })
      : engine.analyze({ path, text, settings: config.settings, parseCache, before });
  // Other open files see this migration's effect: they are analysed again (debounced).
  if (isMigration && cached && cached.analysis.text !== text) scheduleOthers(document);
  for (const failure of analysis.ruleFailures) {
    const key = `${failure.ruleId}\u0000${failure.message}`;
    if (reportedFailures.has(key)) continue;
    reportedFailures.add(key);
    const line = document.positionAt(failure.range.start).line + 1;
    connection.console.error(`sqlsight: rule ${failure.ruleId} failed on ${path}:${line}: ${failure.message} (its findings are missing; other rules are unaffected)`);
  }
  const entry = { version: document.version, analysis, config };
  analyses.set(document.uri, entry);
  publishConfigDiagnostics();
  return entry;
}

function publish(document: TextDocument): void {
  if (!editorSettings.enable) {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    return;
  }
  const entry = analysisOf(document);
  // A newer edit arrived: its own run publishes; results for a stale version never go out.
  if (!entry || documents.get(document.uri)?.version !== entry.version) return;
  const statements = entry.analysis.statements;
  // Statements are in file order: a binary search keeps large documents with many findings fast.
  const statementStart = (offset: number): number => {
    let low = 0;
    let high = statements.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = statements[middle]?.range;
      if (!range) break;
      if (offset < range.start) high = middle - 1;
      else if (offset >= range.end) low = middle + 1;
      else return range.start;
    }
    return offset;
  };
  const diagnostics = entry.analysis.findings.map((finding) => toDiagnostic(document, finding, statementStart(finding.range.start), docsUri));
  void connection.sendDiagnostics({ uri: document.uri, version: entry.version, diagnostics });
}

/** Re-analyses every other open document after a migration changed (their models may have). */
function scheduleOthers(changed: TextDocument): void {
  for (const document of documents.all()) if (document.uri !== changed.uri) schedule(document);
}

function schedule(document: TextDocument): void {
  clearTimeout(timers.get(document.uri));
  timers.set(
    document.uri,
    setTimeout(() => {
      timers.delete(document.uri);
      // Until the migrations are found, a file would be judged without the schema before it.
      void (schemaWorkspace?.ready() ?? Promise.resolve()).then(() => {
        const current = documents.get(document.uri);
        if (current) safely(`analysing ${current.uri}`, undefined, () => publish(current));
      });
    }, editorSettings.debounceMs),
  );
}

/**
 * Problems of every sqlsight.json in use, on that file; cleared when fixed. A config's error object
 * lives as long as its cached load, so this sends (and reads the file) only when a load changed it,
 * not on every keystroke.
 */
function publishConfigDiagnostics(): void {
  if (!workspaceConfig) return;
  for (const [path, error] of workspaceConfig.configFiles()) {
    if (publishedConfigFiles.has(path) && publishedConfigFiles.get(path) === error) continue;
    if (error || publishedConfigFiles.has(path)) void connection.sendDiagnostics(configDiagnostics(error, path));
    publishedConfigFiles.set(path, error);
  }
}

async function pullEditorSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    editorSettings = readEditorSettings(await connection.workspace.getConfiguration('sqlsight'));
  } catch (error) {
    logError('reading the sqlsight.* settings', error);
  }
}

function reanalyseAll(): void {
  workspaceConfig?.reset();
  analyses.clear();
  for (const [path, error] of publishedConfigFiles) {
    if (error) void connection.sendDiagnostics(configDiagnostics(undefined, path));
  }
  publishedConfigFiles.clear();
  for (const document of documents.all()) schedule(document);
}

connection.onInitialize((params) => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  // Only a client that says the workspace is trusted gets database connections.
  workspaceTrusted = isInitializationOptions(params.initializationOptions) && params.initializationOptions.workspaceTrusted;
  workspaceFolders = (params.workspaceFolders ?? []).map((folder) => pathOf(folder.uri));
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [pathOf(params.rootUri)];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { triggerCharacters: ['.', '(', ' '], resolveProvider: true },
      inlayHintProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      executeCommandProvider: { commands: [serverCommands.openDocument, serverCommands.addIndex] },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'sqlsight' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sqlsight' }).catch(() => undefined);
  }
  await pullEditorSettings();
  await engineReady;
  await schemaWorkspace?.rediscover(workspaceFolders);
  reanalyseAll();
});

connection.onDidChangeConfiguration(async () => {
  await pullEditorSettings();
  reanalyseAll();
});

connection.onDidChangeWatchedFiles(async () => {
  // A migration created, deleted or changed on disk, or a sqlsight.json: find the sets again.
  await schemaWorkspace?.rediscover(workspaceFolders);
  reanalyseAll();
});

documents.onDidChangeContent((change) => {
  if (engine) schedule(change.document);
  else void engineReady.then(() => schedule(change.document));
});

documents.onDidClose((event) => {
  clearTimeout(timers.get(event.document.uri));
  timers.delete(event.document.uri);
  analyses.delete(event.document.uri);
  parseCaches.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) =>
  safely('code actions', [], () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wantsFixAll = only?.some((kind) => fixAllKind.startsWith(kind) && kind.startsWith(CodeActionKind.Source)) ?? false;
    if (wantsFixAll) {
      const entry = analysisOf(document);
      if (!entry) return [];
      const diagnostics = entry.analysis.findings.map((finding) => toDiagnostic(document, finding, finding.range.start, () => undefined));
      const edits = fixAllEdits(document, diagnostics);
      return edits.length === 0 ? [] : [{ title: 'Apply all safe sqlsight fixes', kind: fixAllKind, edit: { changes: { [document.uri]: edits } } }];
    }
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    return quickFixes(document, params.context.diagnostics, (description) => newMigrationTarget(document, description));
  }),
);

/**
 * File URIs for a new migration after the document's, in its folder's naming convention. A query
 * file outside the migrations (`nearest`) gets the set it sits nearest.
 */
function newMigrationTarget(document: TextDocument, description: string, nearest = false): { up: string; down?: string } | undefined {
  const path = pathOf(document.uri);
  const set = nearest ? schemaWorkspace?.setFor(path) : schemaWorkspace?.setOf(path);
  if (!set) return undefined;
  const target = newMigrationPath(set, description, new Date());
  return { up: pathToFileURL(join(set.folder, target.up)).href, ...(target.down ? { down: pathToFileURL(join(set.folder, target.down)).href } : {}) };
}

connection.onExecuteCommand(async (params) => {
  const [argument] = params.arguments ?? [];
  if (params.command === serverCommands.addIndex && isAddIndexArguments(argument)) {
    await addIndexFromSuggestion(argument);
    return;
  }
  if (params.command !== serverCommands.openDocument || typeof argument !== 'string') return;
  await openInEditor(argument);
});

async function openInEditor(uri: string): Promise<void> {
  try {
    await connection.window.showDocument({ uri, takeFocus: true });
  } catch (error) {
    logError(`opening ${uri}`, error);
  }
}

/** "Add index" from the plan view: a new migration in the document's folder, opened. */
async function addIndexFromSuggestion({ uri, suggestion }: AddIndexArguments): Promise<void> {
  const document = documents.get(uri);
  const name = /INDEX\s+(?:CONCURRENTLY\s+)?(?:IF NOT EXISTS\s+)?("(?:[^"]|"")+"|`(?:[^`]|``)+`|[\w$]+)/i.exec(suggestion.statement)?.[1]?.replace(/^["`]|["`]$/g, '') ?? 'index';
  const migration = { description: `add_${name}`, text: `${suggestion.statement};\n`, revert: `${suggestion.revert ?? `DROP INDEX CONCURRENTLY IF EXISTS ${name}`};\n` };
  const target = document ? newMigrationTarget(document, migration.description, true) : undefined;
  if (!target) {
    void connection.window.showErrorMessage('sqlsight: no migration folder was found for this file, so there is nowhere to add the index: name it in sqlsight.json "migrations"');
    return;
  }
  const applied = await connection.workspace.applyEdit({ label: `Add index ${name}`, edit: newMigrationEdit(migration, target) });
  if (applied.applied) await openInEditor(target.up);
}

const explainController = new ExplainController({
  settings: () => editorSettings,
  trusted: () => workspaceTrusted,
  schemaWorkspace: () => schemaWorkspace,
  openText: openDocumentText,
  askPassword: async (name, retry) => {
    const result: PasswordResult = await connection.sendRequest(passwordRequest, { connection: name, retry } satisfies PasswordParams);
    return result.password;
  },
  log: (message) => connection.console.info(`sqlsight: ${message}`),
});

connection.onRequest(explainRequest, async (params: ExplainParams): Promise<ExplainResponse> => {
  await engineReady;
  await schemaWorkspace?.ready();
  const document = documents.get(params.uri);
  const entry = document && analysisOf(document);
  if (!document || !entry) return { ok: false, failure: { kind: 'not-explainable', message: 'The document is not open in the editor' } };
  try {
    return await explainController.explain(params, document, entry.analysis, pathOf(document.uri));
  } catch (error) {
    logError('explain', error);
    return { ok: false, failure: { kind: 'error', message: error instanceof Error ? error.message : String(error) } };
  } finally {
    void connection.languages.inlayHint.refresh().catch(() => undefined);
  }
});

connection.onRequest(testConnectionRequest, async (params: TestConnectionParams): Promise<TestConnectionResult> => {
  try {
    return await explainController.testConnection(params.connection, params.uri ? pathOf(params.uri) : undefined);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
});

connection.onCodeLens((params) =>
  safely('code lenses', [], () => {
    const document = documents.get(params.textDocument.uri);
    const entry = document && analysisOf(document);
    return document && entry && editorSettings.enable ? explainController.codeLenses(document, entry.analysis) : [];
  }),
);

connection.onShutdown(() => explainController.dispose());

connection.onHover((params) =>
  safely('hover', null, () => {
    const document = documents.get(params.textDocument.uri);
    const entry = document && analysisOf(document);
    if (!document || !entry) return null;
    const offset = document.offsetAt(params.position);
    // A failure describing the name leaves the statement's hover standing.
    const schema = safely('hover on a name', undefined, () => schemaFeatures.hover(document, offset));
    return hoverAt(document, entry.analysis, offset, schema) ?? null;
  }),
);

connection.onDefinition(async (params) => {
  await schemaWorkspace?.ready();
  return safely('go to definition', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? schemaFeatures.definition(document, document.offsetAt(params.position)) : [];
  });
});

connection.onReferences(async (params) => {
  await schemaWorkspace?.ready();
  return safely('find references', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? schemaFeatures.references(document, document.offsetAt(params.position), params.context.includeDeclaration) : [];
  });
});

connection.onWorkspaceSymbol(async (params) => {
  await engineReady;
  await schemaWorkspace?.ready();
  return safely('workspace symbols', [], () => schemaFeatures.workspaceSymbols(params.query));
});

connection.onCompletion((params) =>
  safely('completion', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? schemaFeatures.completion(document, document.offsetAt(params.position)) : [];
  }),
);

connection.onCompletionResolve((item) => safely('completion details', item, () => schemaFeatures.resolveCompletion(item, (uri) => documents.get(uri))));

connection.languages.inlayHint.on((params) =>
  safely('inlay hints', [], () => {
    const document = documents.get(params.textDocument.uri);
    const entry = document && analysisOf(document);
    if (!document || !entry || !editorSettings.inlayHints.enabled || !editorSettings.enable) return [];
    return [...inlayHints(document, entry.analysis, params.range), ...explainController.summaryHints(document, entry.analysis, params.range)];
  }),
);

connection.onDocumentSymbol((params) =>
  safely('document symbols', [], () => {
    const document = documents.get(params.textDocument.uri);
    const entry = document && analysisOf(document);
    return document && entry ? documentSymbols(document, entry.analysis) : [];
  }),
);

connection.onFoldingRanges((params) =>
  safely('folding ranges', [], () => {
    const document = documents.get(params.textDocument.uri);
    const entry = document && analysisOf(document);
    return document && entry ? foldingRanges(document, entry.analysis) : [];
  }),
);

connection.onRequest(fileInfoRequest, async (params: FileInfoParams): Promise<FileInfo> => {
  await engineReady;
  const config = workspaceConfig?.forFile(pathOf(params.uri));
  // The file's text and path choose its dialect when nothing configured does (a directive, a `mysql`
  // folder, MySQL syntax): the last analysis knows; before one, the same choice is made here.
  const path = pathOf(params.uri);
  const document = documents.get(params.uri);
  const settings = (document && analysisOf(document)?.analysis.settings) ?? (config ? settingsForText(config.settings, path, document?.getText() ?? '') : undefined);
  return {
    dialect: settings?.dialect ?? 'postgres',
    dialectSource: settings?.dialectSource ?? 'default',
    serverVersion: settings ? serverVersionText(settings.dialect, settings.serverVersion) : '16',
    configPath: config?.configPath,
    configError: config?.configError ? formatConfigError(config.configError).join('\n') : undefined,
  };
});

connection.onRequest(ruleDocumentationRequest, async (params: RuleDocumentationParams): Promise<RuleDocumentation> => {
  const loaded = await engineReady;
  const rule = loaded.rules.find((candidate) => candidate.meta.id === params.ruleId);
  if (!rule) return { ruleId: params.ruleId, markdown: `# ${params.ruleId}\n\nNo sqlsight rule has this id.` };
  const page = join(docsFolder, `${rule.meta.id}.md`);
  const markdown = existsSync(page)
    ? readFileSync(page, 'utf8')
    : `# ${rule.meta.id}\n\n**${rule.meta.title}**\n\n## Why\n\n${rule.meta.docs.why}\n\n## The safe way\n\n${rule.meta.docs.safeWay}\n`;
  return { ruleId: rule.meta.id, markdown };
});

/**
 * Test-only fault injection (`SQLSIGHT_FAULT_INJECTION=rule-throws`): a rule that throws on
 * statements mentioning `sqlsight_fault`, to prove a failing rule cannot take the server down.
 */
function faultInjectionRules(): Rule[] {
  if (process.env.SQLSIGHT_FAULT_INJECTION !== 'rule-throws') return [];
  return [
    {
      meta: {
        id: 'fault-injection',
        title: 'Throws on purpose (tests only)',
        category: 'parsing',
        severity: 'error',
        dialects: ['postgres', 'mysql', 'mariadb'],
        aliases: {},
        fix: undefined,
        docs: { why: '', safeWay: '', bad: '', good: '' },
      },
      check(_ctx, stmt) {
        if (stmt.text.includes('sqlsight_fault')) throw new Error('injected rule failure');
      },
    },
  ];
}

documents.listen(connection);
connection.listen();

function isInitializationOptions(value: unknown): value is InitializationOptions {
  return typeof value === 'object' && value !== null && typeof (value as Partial<InitializationOptions>).workspaceTrusted === 'boolean';
}

function isAddIndexArguments(value: unknown): value is AddIndexArguments {
  const candidate = value as Partial<AddIndexArguments> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.uri === 'string' && typeof candidate.suggestion?.statement === 'string';
}
