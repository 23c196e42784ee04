// "Explain" in the language server: the statement at a position, the connection (or the embedded
// database loaded with the workspace's migrations), the explain itself, CodeLenses above queries,
// the one-line summary shown after an explained statement, and "Add index" from a suggestion.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command, InlayHintKind, type CodeLens, type InlayHint, type Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, Statement } from '../engine';
import { createExplainService } from '../db/explain-service';
import { explainStatement } from '../db/explain-query';
import type { EmbeddedSchema, ExplainService, ExplainTargetSpec, PasswordSource } from '../db/explain-types';
import { loadConfig } from '../io/config-loader';
import { readMigrationText } from '../io/migration-workspaces';
import { commands, type ConnectionSetting, type EditorSettings, type ExplainParams, type ExplainResponse, type ExplainTarget } from '../protocol';
import type { SchemaWorkspace } from './schema-workspace';
import { readConnection } from './settings';

const queryKinds = new Set<Statement['kind']>(['select', 'insert', 'update', 'delete']);

export interface ExplainHost {
  readonly settings: () => EditorSettings;
  /** False in an untrusted workspace: no connection is opened. */
  readonly trusted: () => boolean;
  readonly schemaWorkspace: () => SchemaWorkspace | undefined;
  /** An open document's text by path (newer than the disk's). */
  readonly openText: (path: string) => string | undefined;
  readonly askPassword: (connection: string, retry: boolean) => Promise<string | undefined>;
  readonly log: (message: string) => void;
}

/** Where the embedded database keeps its initialised copies: the user's cache folder. */
function cacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'sqlsight', 'embedded');
}

export class ExplainController {
  private service: ExplainService | undefined;
  /** The last summary per document, with the statement text it belongs to (shown while the text is unchanged). */
  private readonly summaries = new Map<string, { readonly text: string; readonly summary: string }[]>();

  constructor(private readonly host: ExplainHost) {}

  private explainService(): ExplainService {
    this.service ??= createExplainService({ cacheDir: cacheFolder(), log: this.host.log });
    return this.service;
  }

  /** Connections from sqlsight.json (nearest the file) and the editor settings; the project's win by name. */
  connectionsFor(path: string | undefined): ConnectionSetting[] {
    const editor = this.host.settings().connections;
    if (!path) return [...editor];
    const loaded = loadConfig({ startDir: dirname(path), knownRuleIds: [] });
    const project = loaded.ok ? (loaded.value.config.connections ?? []).flatMap((entry) => readConnection(entry) ?? []) : [];
    return [...project, ...editor.filter((connection) => !project.some((other) => other.name === connection.name))];
  }

  async explain(params: ExplainParams, document: TextDocument, analysis: FileAnalysis, path: string): Promise<ExplainResponse> {
    const start = document.offsetAt(params.range.start);
    const statement = analysis.statements.find((candidate) => candidate.range.start <= start && start <= candidate.range.end);
    if (!statement) return { ok: false, failure: { kind: 'not-explainable', message: 'No SQL statement at the cursor' } };
    const target = this.target(params.connection, path);
    if ('failure' in target) return { ok: false, failure: target.failure };
    const outcome = await explainStatement({
      service: this.explainService(),
      statement,
      model: this.host.schemaWorkspace()?.finalModel(path),
      target,
      analyze: params.analyze,
      confirmWrites: params.confirmWrites,
      parameters: params.parameters,
      statementTimeoutMs: this.host.settings().explain.statementTimeoutMs,
    });
    if (!outcome.ok) return outcome;
    const entries = (this.summaries.get(params.uri) ?? []).filter((entry) => entry.text !== statement.text);
    this.summaries.set(params.uri, [...entries, { text: statement.text, summary: outcome.result.summary }]);
    const statementRange = { start: document.positionAt(statement.range.start), end: document.positionAt(statement.range.end) };
    return { ok: true, result: { ...outcome.result, statementRange } };
  }

  async testConnection(name: string, path: string | undefined): Promise<{ ok: boolean; message: string }> {
    if (!this.host.trusted()) return { ok: false, message: 'This workspace is not trusted: sqlsight opens no database connection in it' };
    const connection = this.connectionsFor(path).find((candidate) => candidate.name === name);
    if (!connection) return { ok: false, message: `No connection named "${name}" in sqlsight.connections or sqlsight.json` };
    return this.explainService().testConnection(connection, this.passwordFor(name), this.host.settings().explain.statementTimeoutMs);
  }

  private passwordFor(name: string): PasswordSource {
    return (retry) => this.host.askPassword(name, retry);
  }

  private target(connectionName: string | undefined, path: string): ExplainTargetSpec | { failure: { kind: 'untrusted' | 'connection'; message: string } } {
    if (connectionName === undefined) return { kind: 'embedded', schema: this.embeddedSchema(path) };
    if (!this.host.trusted()) return { failure: { kind: 'untrusted', message: 'This workspace is not trusted: sqlsight opens no database connection in it (the embedded database still works)' } };
    const connection = this.connectionsFor(path).find((candidate) => candidate.name === connectionName);
    if (!connection) return { failure: { kind: 'connection', message: `No connection named "${connectionName}" in sqlsight.connections or sqlsight.json` } };
    return { kind: 'connection', connection, password: this.passwordFor(connection.name) };
  }

  /** The migrations the file's set replays (up migrations in order; the file's own text if open), or none. */
  private embeddedSchema(path: string): EmbeddedSchema {
    const workspace = this.host.schemaWorkspace();
    const set = workspace?.setFor(path);
    const files = (set?.files ?? []).filter((file) => file.role !== 'down');
    return {
      key: set?.folder ?? 'no-migrations',
      migrations: files.map((file) => ({ path: file.path, text: this.host.openText(file.path) ?? readMigrationText(file.path) })),
      seedRows: this.host.settings().explain.seedRows,
    };
  }

  /** "Explain" above every query statement. */
  codeLenses(document: TextDocument, analysis: FileAnalysis): CodeLens[] {
    if (!this.host.settings().explain.codeLens) return [];
    return analysis.statements
      .filter((statement) => queryKinds.has(statement.kind))
      .map((statement) => {
        const position = document.positionAt(statement.range.start);
        const target: ExplainTarget = { uri: document.uri, position };
        return { range: { start: position, end: position }, command: Command.create('Explain', commands.explain, target) };
      });
  }

  /** The last explain's summary after each explained statement whose text is unchanged. */
  summaryHints(document: TextDocument, analysis: FileAnalysis, visible: LspRange): InlayHint[] {
    const entries = this.summaries.get(document.uri);
    if (!entries || entries.length === 0) return [];
    const from = document.offsetAt(visible.start);
    const to = document.offsetAt(visible.end);
    const hints: InlayHint[] = [];
    for (const statement of analysis.statements) {
      if (statement.range.end < from || statement.range.start > to) continue;
      const entry = entries.find((candidate) => candidate.text === statement.text);
      if (!entry) continue;
      hints.push({ position: document.positionAt(statement.range.end), label: entry.summary, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: 'sqlsight: the last Explain of this statement' });
    }
    return hints;
  }

  forget(uri: string): void {
    this.summaries.delete(uri);
  }

  async dispose(): Promise<void> {
    await this.service?.dispose();
  }
}
