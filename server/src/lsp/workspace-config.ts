// Settings per file for the language server: the nearest sqlsight.json (same loader as the CLI)
// merged over the editor settings, cached per folder. A broken sqlsight.json becomes diagnostics
// on that file and the defaults apply, so the server keeps working.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FileSettings } from '../engine';
import { fileSettingsResolver, formatConfigError, loadConfig, type ConfigError } from '../io/config-loader';
import type { EditorSettings } from '../protocol';
import { mergeUnderProjectConfig } from './settings';

export interface ResolvedFileConfig {
  readonly settings: FileSettings;
  readonly configPath: string | undefined;
  readonly configError: ConfigError | undefined;
}

interface FolderConfig {
  readonly resolve: (path: string) => FileSettings;
  readonly configPath: string | undefined;
  readonly configError: ConfigError | undefined;
}

export class WorkspaceConfig {
  private readonly folders = new Map<string, FolderConfig>();

  constructor(
    private readonly knownRuleIds: readonly string[],
    private editorSettings: (path: string) => EditorSettings,
  ) {}

  /** Forget everything (sqlsight.json or editor settings changed). */
  reset(editorSettings?: (path: string) => EditorSettings): void {
    if (editorSettings) this.editorSettings = editorSettings;
    this.folders.clear();
  }

  forFile(path: string): ResolvedFileConfig {
    const folder = dirname(path);
    let config = this.folders.get(folder);
    if (!config) {
      config = this.load(folder, path);
      this.folders.set(folder, config);
    }
    return { settings: config.resolve(path), configPath: config.configPath, configError: config.configError };
  }

  /** Every config file seen, with the problems it has (empty when fine), for publishing. */
  configFiles(): Map<string, ConfigError | undefined> {
    const files = new Map<string, ConfigError | undefined>();
    for (const config of this.folders.values()) {
      if (config.configPath) files.set(config.configPath, config.configError);
    }
    return files;
  }

  private load(folder: string, path: string): FolderConfig {
    const editor = this.editorSettings(path);
    const loaded = loadConfig({ startDir: folder, knownRuleIds: this.knownRuleIds });
    if (loaded.ok) {
      const merged = { ...loaded.value, config: mergeUnderProjectConfig(editor, loaded.value.config) };
      return { resolve: fileSettingsResolver(merged), configPath: loaded.value.configPath, configError: undefined };
    }
    const defaults = { config: mergeUnderProjectConfig(editor, {}), configPath: undefined, configDir: folder };
    return { resolve: fileSettingsResolver(defaults), configPath: loaded.error.file, configError: loaded.error };
  }
}

/** Diagnostics for a broken sqlsight.json, placed on the offending key when it can be found. */
export function configDiagnostics(error: ConfigError | undefined, configPath: string): { uri: string; diagnostics: Diagnostic[] } {
  const uri = pathToFileURL(configPath).href;
  if (!error) return { uri, diagnostics: [] };
  const at = (line: number, character: number, length: number) => ({
    start: { line, character },
    end: { line, character: character + length },
  });
  const diagnostic = (range: ReturnType<typeof at>, message: string): Diagnostic => ({
    range,
    message,
    severity: DiagnosticSeverity.Error,
    source: 'sqlsight',
    code: 'config',
  });
  switch (error.kind) {
    case 'syntax':
      return { uri, diagnostics: [diagnostic(at(error.line - 1, error.column - 1, 1), error.message)] };
    case 'invalid': {
      const text = readText(configPath);
      return {
        uri,
        diagnostics: error.problems.map((problem) =>
          diagnostic(keyRange(text, problem.unknownKeyPath ?? problem.keyPath), formatConfigError({ ...error, problems: [problem] }, () => 'sqlsight.json')[0] ?? problem.message),
        ),
      };
    }
    default:
      return { uri, diagnostics: [diagnostic(at(0, 0, 1), formatConfigError(error)[0] ?? error.message)] };
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The range of the last key of `keyPath` (`rules.foo` → `"foo"`) in the file text, or the first line. */
function keyRange(text: string, keyPath: string) {
  const key = keyPath.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? '';
  const index = key ? text.indexOf(`"${key}"`) : -1;
  if (index < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  const character = index - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + key.length + 2 } };
}
