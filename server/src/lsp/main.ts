// The language server: analyses open SQL documents with the engine and publishes diagnostics.
// Thin over the engine and the shared config loader, so the editor and the CLI agree.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadEngine, type Engine, type FileSettings } from '../engine';
import { fileSettingsResolver, formatConfigError, loadConfig } from '../io/config-loader';
import { toDiagnostic } from './diagnostics';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const debounceMs = 150;
const pending = new Map<string, NodeJS.Timeout>();
const settingsByFolder = new Map<string, (path: string) => FileSettings>();
const reportedFailures = new Set<string>();
let enginePromise: Promise<Engine> | undefined;

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function settingsFor(engine: Engine, path: string): FileSettings {
  const folder = dirname(path);
  let resolver = settingsByFolder.get(folder);
  if (!resolver) {
    const loaded = loadConfig({ startDir: folder, knownRuleIds: engine.rules.map((rule) => rule.meta.id) });
    if (loaded.ok) resolver = fileSettingsResolver(loaded.value);
    else {
      // A broken sqlsight.json must not stop analysis: say so and use the defaults.
      connection.console.error(`sqlsight: ${formatConfigError(loaded.error).join('\n')} (using default settings)`);
      resolver = fileSettingsResolver({ config: {}, configPath: undefined, configDir: folder });
    }
    settingsByFolder.set(folder, resolver);
  }
  return resolver(path);
}

async function analyse(document: TextDocument): Promise<void> {
  const engine = await (enginePromise ??= loadEngine());
  const version = document.version;
  const path = pathOf(document.uri);
  try {
    const analysis = engine.analyze({ path, text: document.getText(), settings: settingsFor(engine, path) });
    for (const failure of analysis.ruleFailures) {
      const key = `${failure.ruleId}:${failure.message}`;
      if (reportedFailures.has(key)) continue;
      reportedFailures.add(key);
      connection.console.error(`sqlsight: rule ${failure.ruleId} failed on ${path}: ${failure.message}`);
    }
    // A newer edit arrived while analysing: its own run will publish.
    if (documents.get(document.uri)?.version !== version) return;
    const diagnostics = analysis.findings.map((finding) => toDiagnostic(document, finding, undefined));
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  } catch (error) {
    connection.console.error(`sqlsight: analysing ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function schedule(document: TextDocument): void {
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) void analyse(current);
    }, debounceMs),
  );
}

connection.onInitialize(() => {
  enginePromise ??= loadEngine();
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } };
});

connection.onDidChangeWatchedFiles(() => {
  settingsByFolder.clear();
  for (const document of documents.all()) schedule(document);
});

documents.onDidChangeContent((change) => schedule(change.document));
documents.onDidClose((event) => {
  clearTimeout(pending.get(event.document.uri));
  pending.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
