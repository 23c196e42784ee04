// What the VS Code client and the language server share: the editor settings and the custom
// requests. The only module both sides import; it holds types and names, no logic.

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
}

export const defaultEditorSettings: EditorSettings = {
  enable: true,
  dialect: undefined,
  serverVersion: undefined,
  assumeInTransaction: undefined,
  rules: {},
  inlayHints: { enabled: true },
  debounceMs: 150,
};

/** Settings in effect for one file, for the status bar. */
export interface FileInfo {
  readonly dialect: DialectSetting;
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

/** Client command ids the server's code actions refer to. */
export const commands = {
  showRuleDocumentation: 'sqlsight.showRuleDocumentation',
  restartServer: 'sqlsight.restartServer',
  showOutput: 'sqlsight.showOutput',
} as const;

/** Commands the server executes (workspace/executeCommand); the client registers them itself, they are not contributed. */
export const serverCommands = {
  /** Opens a file in the editor (after a quick fix created it). Argument: the file URI. */
  openDocument: 'sqlsight.openDocument',
} as const;

/** Initialization options the client passes to the server. */
export interface InitializationOptions {
  /** False in an untrusted workspace: nothing may connect to a database. */
  readonly workspaceTrusted: boolean;
}
