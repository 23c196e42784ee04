// Finds, reads and validates sqlsight.json, and resolves the settings of one file from it. Shared by
// the CLI and the language server, so it returns errors as values naming the file and the key, and
// never prints, exits or throws for anything a user can write.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import {
  parseServerVersion,
  resolveFileSettings,
  type FileSettings,
  type SettingsOverride,
  type SqlsightConfig,
} from '../engine';
import schema from '../../../schemas/sqlsight.schema.json';
import { closestMatch } from '../engine';
import { describeFsError, fsErrorCode } from './fs-errors';
import { compileGlob, relativeToBase, type PathMatcher } from './globs';
import { locateJsonSyntaxError } from './json-syntax';

export const configFileName = 'sqlsight.json';

export interface LoadedConfig {
  readonly config: SqlsightConfig;
  /** Absolute path of the file read; undefined when none was found (defaults apply). */
  readonly configPath: string | undefined;
  /** Globs in the config are relative to this folder (the start folder when there is no config). */
  readonly configDir: string;
}

/** One problem in a config that parsed: `keyPath` is like `rules.require-concurrent-index` or `overrides[0].files`. */
export interface ConfigProblem {
  readonly keyPath: string;
  readonly message: string;
  /** For an unknown key: the path of that key itself (`keyPath` names the object holding it). */
  readonly unknownKeyPath?: string;
}

export type ConfigError =
  | { readonly kind: 'not-found'; readonly file: string; readonly message: string }
  | { readonly kind: 'unreadable'; readonly file: string; readonly message: string }
  | { readonly kind: 'syntax'; readonly file: string; readonly line: number; readonly column: number; readonly message: string }
  | { readonly kind: 'invalid'; readonly file: string; readonly problems: readonly ConfigProblem[] };

export type ConfigResult = { readonly ok: true; readonly value: LoadedConfig } | { readonly ok: false; readonly error: ConfigError };

export interface LoadConfigOptions {
  /** A config file named by the user (`--config`, an editor setting); resolved against `startDir`. */
  readonly explicitPath?: string | undefined;
  /** Where the search for sqlsight.json starts; it goes up to the filesystem root. */
  readonly startDir: string;
  /** Every rule id the engine knows, so a misspelt id is an error instead of a silent no-op. */
  readonly knownRuleIds: readonly string[];
}

/** The nearest sqlsight.json in `startDir` or an ancestor, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, configFileName);
    if (isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function loadConfig(options: LoadConfigOptions): ConfigResult {
  const startDir = resolve(options.startDir);
  const configPath = options.explicitPath === undefined ? findConfigFile(startDir) : resolve(startDir, options.explicitPath);
  if (configPath === undefined) return { ok: true, value: { config: {}, configPath: undefined, configDir: startDir } };
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'ENOENT') return { ok: false, error: { kind: 'not-found', file: configPath, message: 'config file not found' } };
    return { ok: false, error: { kind: 'unreadable', file: configPath, message: `cannot read the config file: ${describeFsError(error)}` } };
  }
  return parseConfigText(text, configPath, options.knownRuleIds);
}

/** Validates config text (also an unsaved editor buffer) as if read from `configPath`. */
export function parseConfigText(text: string, configPath: string, knownRuleIds: readonly string[]): ConfigResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const located = locateJsonSyntaxError(body);
    const offset = located?.offset ?? body.length;
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    const message = located?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, error: { kind: 'syntax', file: configPath, line, column, message: `invalid JSON: ${message}` } };
  }
  const problems = validateConfigValue(value, knownRuleIds);
  if (!isValidConfig(value) || problems.length > 0) {
    // The schema's own words, should a check ever fail without a problem mapped above.
    const reported = problems.length > 0 ? problems : [{ keyPath: '', message: 'does not match schemas/sqlsight.schema.json' }];
    return { ok: false, error: { kind: 'invalid', file: configPath, problems: reported } };
  }
  return { ok: true, value: { config: value, configPath, configDir: dirname(configPath) } };
}

/** Lines for a person: `sqlsight.json: rules.x: unknown rule …`. `displayPath` shortens the file name. */
export function formatConfigError(error: ConfigError, displayPath: (file: string) => string = (file) => file): string[] {
  const file = displayPath(error.file);
  switch (error.kind) {
    case 'not-found':
    case 'unreadable':
      return [`${file}: ${error.message}`];
    case 'syntax':
      return [`${file}:${error.line}:${error.column}: ${error.message}`];
    case 'invalid':
      return error.problems.map((problem) => (problem.keyPath ? `${file}: ${problem.keyPath}: ${problem.message}` : `${file}: ${problem.message}`));
  }
}

// Compiling the schema costs a few milliseconds, so it happens once per process, on first use.
let compiledValidator: ReturnType<typeof compileValidator> | undefined;

function compileValidator() {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
  return ajv.compile<SqlsightConfig>(schema);
}

function isValidConfig(value: unknown): value is SqlsightConfig {
  compiledValidator ??= compileValidator();
  return compiledValidator(value);
}

/** Every problem at once, so a user fixes the file in one go: schema errors, unknown rule ids, bad versions. */
export function validateConfigValue(value: unknown, knownRuleIds: readonly string[]): ConfigProblem[] {
  compiledValidator ??= compileValidator();
  compiledValidator(value);
  const problems: ConfigProblem[] = (compiledValidator.errors ?? []).flatMap(describeSchemaError);
  if (isRecord(value)) {
    problems.push(...settingsProblems(value, '', knownRuleIds));
    const overrides = value['overrides'];
    if (Array.isArray(overrides)) {
      overrides.forEach((override: unknown, index) => {
        if (isRecord(override)) problems.push(...settingsProblems(override, `overrides[${index}].`, knownRuleIds));
      });
    }
  }
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.keyPath}\n${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function versionMessage(version: string): string {
  return `${JSON.stringify(version)} is not a server version (write it like "16" or "8.0.35")`;
}

function settingsProblems(layer: Record<string, unknown>, prefix: string, knownRuleIds: readonly string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const version = layer['serverVersion'];
  if (typeof version === 'string' && parseServerVersion(version) === undefined) {
    problems.push({ keyPath: `${prefix}serverVersion`, message: versionMessage(version) });
  }
  const rules = layer['rules'];
  if (isRecord(rules)) {
    const known = new Set(knownRuleIds);
    for (const id of Object.keys(rules)) {
      if (known.has(id)) continue;
      const suggestion = closestMatch(id, knownRuleIds);
      problems.push({ keyPath: `${prefix}rules.${id}`, message: suggestion ? `unknown rule (did you mean ${suggestion}?)` : 'unknown rule' });
    }
  }
  return problems;
}

/** `/overrides/0/rules/x` → `overrides[0].rules.x`. */
function keyPathOf(instancePath: string): string {
  let path = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  }
  return path;
}

function describeSchemaError(error: ErrorObject): ConfigProblem[] {
  const keyPath = keyPathOf(error.instancePath);
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = isRecord(error.parentSchema) && isRecord(error.parentSchema['properties']) ? Object.keys(error.parentSchema['properties']) : [];
      const suggestion = closestMatch(key, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
      return [
        {
          keyPath,
          message: `unknown key ${JSON.stringify(key)} (allowed: ${allowed.join(', ')})${hint}`,
          unknownKeyPath: keyPath ? `${keyPath}.${key}` : key,
        },
      ];
    }
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'].map(String) : [];
      return [{ keyPath, message: `must be one of ${allowed.join(', ')}` }];
    }
    case 'type': {
      const type = String(params['type']);
      const article = /^[aeiou]/.test(type) ? 'an' : 'a';
      return [{ keyPath, message: `must be ${article} ${type}` }];
    }
    case 'required':
      return [{ keyPath, message: `missing required key ${JSON.stringify(String(params['missingProperty']))}` }];
    case 'exclusiveMinimum':
      return [{ keyPath, message: `must be greater than ${String(params['limit'])}` }];
    case 'minItems':
      return [{ keyPath, message: `must list at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}` }];
    case 'minLength':
      return [{ keyPath, message: 'must not be empty' }];
    case 'pattern':
      // serverVersion: the same words as the parseServerVersion check, so the two collapse into one.
      if (keyPath.endsWith('serverVersion') && typeof error.data === 'string') return [{ keyPath, message: versionMessage(error.data) }];
      // Rule-id patterns (propertyNames) are reported as unknown rules with a suggestion instead.
      return error.schemaPath.includes('propertyNames') ? [] : [{ keyPath, message: error.message ?? 'has the wrong form' }];
    case 'propertyNames':
    // An if/then/else (a `migrations` entry) adds "must match "then" schema" after the branch's own errors.
    case 'if':
      return [];
    default:
      return [{ keyPath, message: error.message ?? `fails the ${error.keyword} check` }];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings for the files of one config plus explicit values (CLI flags, editor settings). Globs are
 * compiled once; a file outside the config's folder matches no override.
 */
export function fileSettingsResolver(loaded: LoadedConfig, explicit: SettingsOverride = {}): (filePath: string) => FileSettings {
  const matchers = new Map<string, PathMatcher>();
  const matcherFor = (glob: string): PathMatcher => {
    let matcher = matchers.get(glob);
    if (!matcher) {
      matcher = compileGlob(glob);
      matchers.set(glob, matcher);
    }
    return matcher;
  };
  // Without overrides every file gets the same settings: resolve them once.
  const shared = (loaded.config.overrides ?? []).length === 0 ? resolveFileSettings(loaded.config, () => false, explicit) : undefined;
  return (filePath) => {
    if (shared) return shared;
    const relativePath = relativeToBase(loaded.configDir, resolve(loaded.configDir, filePath));
    return resolveFileSettings(loaded.config, (glob) => relativePath !== undefined && matcherFor(glob)(relativePath), explicit);
  };
}

/** The settings of one file (paths relative to `loaded.configDir` are matched against the globs). */
export function resolveSettingsForFile(loaded: LoadedConfig, filePath: string, explicit: SettingsOverride = {}): FileSettings {
  return fileSettingsResolver(loaded, explicit)(filePath);
}
