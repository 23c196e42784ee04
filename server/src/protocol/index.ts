// What the VS Code client and the language server share: the editor settings and the custom
// requests. The only module both sides import; it holds types and names, no logic.
import type { ConnectionConfig } from '../engine/config';
import type { Plan, PlanWarning } from '../engine/explain/plan';

export type { Plan, PlanNode, PlanWarning, PlanWarningKind, PlanActuals, PlanBuffers } from '../engine/explain/plan';

export type DialectSetting = 'postgres' | 'mysql' | 'mariadb';
export type RuleSeveritySetting = 'off' | 'error' | 'warning' | 'info' | 'hint';

/** `sqlsight.*` settings as the client sends them (section `sqlsight`). sqlsight.json overrides them. */
export interface EditorSettings {
  readonly enable: boolean;
  /** Used when sqlsight.json does not set `dialect`. */
  readonly dialect: DialectSetting | undefined;
  /** Used when sqlsight.json does not set `serverVersion`. */
  readonly serverVersion: string | undefined;
  readonly assumeInTransaction: boolean | undefined;
  /** Per-rule severities; sqlsight.json's `rules` win for the same id. */
  readonly rules: Readonly<Record<string, RuleSeveritySetting>>;
  readonly inlayHints: { readonly enabled: boolean };
  /** Milliseconds between the last keystroke and the analysis. */
  readonly debounceMs: number;
  /** Database connections for "Explain" (passwords are never here: SecretStorage or the URL's environment variable). */
  readonly connections: readonly ConnectionSetting[];
  readonly explain: ExplainSettings;
}

/** A database to explain against, from `sqlsight.connections` or sqlsight.json `connections` (one shape for both). */
export type ConnectionSetting = ConnectionConfig;

export interface ExplainSettings {
  /** Every explain runs with this statement_timeout (and the connection attempt with the same limit). */
  readonly statementTimeoutMs: number;
  /** The embedded database: synthetic rows per table so plans look like a populated database (0 = empty tables). */
  readonly seedRows: number;
  /** Show the Explain CodeLens above query statements. */
  readonly codeLens: boolean;
}

export const defaultEditorSettings: EditorSettings = {
  enable: true,
  dialect: undefined,
  serverVersion: undefined,
  assumeInTransaction: undefined,
  rules: {},
  inlayHints: { enabled: true },
  debounceMs: 150,
  connections: [],
  explain: { statementTimeoutMs: 10_000, seedRows: 0, codeLens: true },
};

/** Settings in effect for one file, for the status bar. */
export interface FileInfo {
  readonly dialect: DialectSetting;
  /** How the dialect was chosen: a `-- sqlsight: dialect=` directive, settings, the path, the text, or the default. */
  readonly dialectSource?: 'directive' | 'settings' | 'path' | 'text' | 'default';
  readonly serverVersion: string;
  /** Absolute path of the sqlsight.json in effect, if any. */
  readonly configPath: string | undefined;
  /** Set when sqlsight.json is broken (defaults are in use). */
  readonly configError: string | undefined;
}

export const fileInfoRequest = 'sqlsight/fileInfo';
export interface FileInfoParams {
  readonly uri: string;
}

/** A rule's documentation as Markdown (the same page as docs/rules/<id>.md). */
export const ruleDocumentationRequest = 'sqlsight/ruleDocumentation';
export interface RuleDocumentationParams {
  readonly ruleId: string;
}
export interface RuleDocumentation {
  readonly ruleId: string;
  readonly markdown: string;
}

/** Client command ids (contributed in package.json); the server's code actions and lenses refer to them. */
export const commands = {
  showRuleDocumentation: 'sqlsight.showRuleDocumentation',
  restartServer: 'sqlsight.restartServer',
  showOutput: 'sqlsight.showOutput',
  /** Explain the statement at the cursor (or, from a CodeLens, at `ExplainTarget`). */
  explain: 'sqlsight.explain',
  /** The same with EXPLAIN ANALYZE (asks first for a statement that writes). */
  explainAnalyze: 'sqlsight.explainAnalyze',
  addConnection: 'sqlsight.addConnection',
  selectConnection: 'sqlsight.selectConnection',
  removeConnection: 'sqlsight.removeConnection',
  testConnection: 'sqlsight.testConnection',
} as const;

/** Arguments of `commands.explain` from a CodeLens: the document and a position inside the statement. */
export interface ExplainTarget {
  readonly uri: string;
  readonly position: Position;
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Explain the statement containing `range` (the cursor, or a selection inside one statement). */
export const explainRequest = 'sqlsight/explain';
export interface ExplainParams {
  readonly uri: string;
  readonly range: Range;
  /** The active connection's name for the document's folder; undefined runs on the embedded database. */
  readonly connection: string | undefined;
  readonly analyze: boolean;
  /** The user confirmed running a writing statement under ANALYZE (it is still rolled back). */
  readonly confirmWrites: boolean;
  /** Values for the statement's parameters ($1…, ?, :name), in order, as SQL literals' text. */
  readonly parameters?: readonly string[];
}

export type ExplainResponse = { readonly ok: true; readonly result: ExplainResult } | { readonly ok: false; readonly failure: ExplainFailure };

export interface ExplainResult {
  readonly statement: string;
  readonly statementRange: Range;
  readonly source: ExplainSource;
  readonly plan: Plan;
  readonly warnings: readonly PlanWarning[];
  /** One line for the editor: `Seq Scan on orders · 1.2M rows · cost 25k · no index on customer_id`. */
  readonly summary: string;
  readonly suggestions: readonly IndexSuggestion[];
}

export type ExplainSource =
  | { readonly kind: 'connection'; readonly name: string; readonly serverVersion: string }
  | { readonly kind: 'embedded'; readonly seededRows: number; readonly serverVersion: string };

export interface IndexSuggestion {
  /** `schema.table` or `table`. */
  readonly table: string;
  readonly columns: readonly string[];
  /** The `CREATE INDEX CONCURRENTLY …` (MySQL/MariaDB: `ALTER TABLE … ADD INDEX …`) statement the "Add index" action writes. */
  readonly statement: string;
  /** What undoes it, for the down migration of conventions that have one. */
  readonly revert?: string;
  /** Why: the query's clause the columns come from (`WHERE customer_id = …`, `ORDER BY created_at`). */
  readonly reason: string;
  readonly verification:
    | { readonly kind: 'hypothetical-index' | 'built-and-rolled-back'; readonly costBefore: number; readonly costAfter: number }
    | { readonly kind: 'not-cost-verified'; readonly why: string };
}

export type ExplainFailure =
  | { readonly kind: 'needs-parameters'; readonly message: string; readonly names: readonly string[] }
  | { readonly kind: 'writes-need-confirmation'; readonly message: string }
  | { readonly kind: 'connection' | 'timeout' | 'untrusted' | 'not-explainable' | 'error'; readonly message: string };

/** Server → client: the password of a connection (from SecretStorage, or asked for); undefined when the user cancels. */
export const passwordRequest = 'sqlsight/password';
export interface PasswordParams {
  readonly connection: string;
  /** The stored password was refused: ask again instead of reading SecretStorage. */
  readonly retry: boolean;
}
export interface PasswordResult {
  readonly password: string | undefined;
}

/** Connects, runs `SELECT version()`, disconnects: for the "Test Connection" command. */
export const testConnectionRequest = 'sqlsight/testConnection';
export interface TestConnectionParams {
  readonly connection: string;
  readonly uri: string | undefined;
}
export interface TestConnectionResult {
  readonly ok: boolean;
  readonly message: string;
}

/** Commands the server executes (workspace/executeCommand); the client registers them itself, they are not contributed. */
export const serverCommands = {
  /** Opens a file in the editor (after a quick fix created it). Argument: the file URI. */
  openDocument: 'sqlsight.openDocument',
  /** Writes an index suggestion into a new migration (or the current one). Argument: `AddIndexArguments`. */
  addIndex: 'sqlsight.addIndex',
} as const;

export interface AddIndexArguments {
  /** The document the explained statement is in: the new migration goes into its migration folder. */
  readonly uri: string;
  readonly suggestion: IndexSuggestion;
}

/** Initialization options the client passes to the server. */
export interface InitializationOptions {
  /** False in an untrusted workspace: nothing may connect to a database. */
  readonly workspaceTrusted: boolean;
}
