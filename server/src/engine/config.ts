// sqlsight.json: its shape, defaults, and per-file resolution. Pure: the io layer reads and
// validates the file (against schemas/sqlsight.schema.json) and hands the value here.
import type { Dialect, Severity } from './model';
import type { MigrationConvention } from './schema/migrations';
import { chooseDialect, type DialectSource } from './dialect-detection';

export type RuleSetting = Severity | 'off';

export interface SettingsOverride {
  readonly dialect?: Dialect;
  readonly serverVersion?: string;
  readonly assumeInTransaction?: boolean;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

export interface SqlsightConfig extends SettingsOverride {
  readonly $schema?: string;
  /** The project's migrations as one sequence, in the order listed (used by the workspace model). */
  readonly migrations?: readonly MigrationsEntry[];
  /** Globs of files never analysed. */
  readonly ignore?: readonly string[];
  /** Files larger than this are refused with one finding instead of being analysed. */
  readonly maxFileSizeMb?: number;
  /** Databases "Explain" can use (no passwords); the editor merges them with its `sqlsight.connections`. */
  readonly connections?: readonly ConnectionConfig[];
  /** Settings for files matching globs, applied in order after the top level. */
  readonly overrides?: readonly (SettingsOverride & { readonly files: readonly string[] })[];
}

/**
 * A folder or glob (convention detected), a folder with its convention and base schema dumps, or
 * files in the order they run. Paths are relative to the config file's folder.
 */
export type MigrationsEntry =
  | string
  | { readonly folder: string; readonly convention?: MigrationConvention; readonly base?: readonly string[] }
  | { readonly files: readonly string[] };

/**
 * A database connection as sqlsight.json and the `sqlsight.connections` setting describe it. TLS:
 * `true` verifies the server certificate; `{ rejectUnauthorized: false }` accepts any; `ca` is a PEM
 * file path. `urlFromEnv` names an environment variable holding a URL (which may carry the
 * password) and wins over host, port, database and user. Never a password.
 */
export interface ConnectionConfig {
  readonly name: string;
  readonly dialect: Dialect;
  readonly host?: string;
  readonly port?: number;
  readonly database?: string;
  readonly user?: string;
  readonly ssl?: boolean | { readonly rejectUnauthorized?: boolean; readonly ca?: string };
  readonly urlFromEnv?: string;
}

export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  /** MySQL behaviour changes within a minor line (INSTANT ADD COLUMN anywhere from 8.0.29). */
  readonly patch: number;
}

/** What the engine needs to analyse one file. */
export interface FileSettings {
  readonly dialect: Dialect;
  readonly serverVersion: ServerVersion;
  /** The migration tool wraps each file in a transaction (Flyway, golang-migrate with multi-statement, Prisma …). */
  readonly assumeInTransaction: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly maxFileBytes: number;
  /** Where `dialect` came from: `settings` when configured (sqlsight.json, editor, `--dialect`), else `default` until the file is read. */
  readonly dialectSource: DialectSource;
  /** The configured `serverVersion` text, when one was (the default follows the dialect). */
  readonly configuredServerVersion: string | undefined;
}

export const defaultServerVersions: Record<Dialect, string> = { postgres: '16', mysql: '8.0', mariadb: '10.11' };

export const defaultMaxFileSizeMb = 10;

export function parseServerVersion(text: string): ServerVersion | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), patch: Number(match[3] ?? 0) };
}

/**
 * Settings for one file: defaults, then the config's top level, then every matching override, then
 * explicit values from the caller (CLI flags, editor settings). `matches` tests a glob against the file.
 */
export function resolveFileSettings(
  config: SqlsightConfig,
  matches: (glob: string) => boolean,
  explicit: SettingsOverride = {},
): FileSettings {
  const layers: SettingsOverride[] = [config];
  for (const override of config.overrides ?? []) {
    if (override.files.some(matches)) layers.push(override);
  }
  layers.push(explicit);
  let dialect: Dialect | undefined;
  let serverVersion: string | undefined;
  let assumeInTransaction = false;
  const rules: Record<string, RuleSetting> = {};
  for (const layer of layers) {
    if (layer.dialect) dialect = layer.dialect;
    if (layer.serverVersion !== undefined) serverVersion = layer.serverVersion;
    if (layer.assumeInTransaction !== undefined) assumeInTransaction = layer.assumeInTransaction;
    Object.assign(rules, layer.rules);
  }
  return {
    dialect: dialect ?? 'postgres',
    dialectSource: dialect ? 'settings' : 'default',
    configuredServerVersion: serverVersion,
    serverVersion: versionFor(dialect ?? 'postgres', serverVersion),
    assumeInTransaction,
    rules,
    maxFileBytes: (config.maxFileSizeMb ?? defaultMaxFileSizeMb) * 1024 * 1024,
  };
}

function versionFor(dialect: Dialect, configured: string | undefined): ServerVersion {
  return parseServerVersion(configured ?? defaultServerVersions[dialect]) ?? { major: 16, minor: 0, patch: 0 };
}

/**
 * The settings for one file once its text is known: a dialect directive in the file, or, when no
 * dialect was configured, its path and text choose the dialect (and so the default server version).
 */
export function settingsForText(settings: FileSettings, path: string, text: string): FileSettings {
  const choice = chooseDialect(path, text, settings.dialectSource === 'settings' ? settings.dialect : undefined);
  if (choice.dialect === settings.dialect && choice.source === settings.dialectSource) return settings;
  // A configured serverVersion is a version of the configured dialect (PostgreSQL when none is): a
  // file found to be in another dialect gets that dialect's default.
  const versionDialect = settings.dialectSource === 'settings' ? settings.dialect : 'postgres';
  const configured = choice.dialect === versionDialect ? settings.configuredServerVersion : undefined;
  return { ...settings, dialect: choice.dialect, dialectSource: choice.source, serverVersion: versionFor(choice.dialect, configured) };
}

export const defaultFileSettings: FileSettings = resolveFileSettings({}, () => false);

/** `16`, `8.0`, `8.0.29`, `10.11`: PostgreSQL by its major version, MySQL and MariaDB by their minor line, a patch when given. */
export function serverVersionText(dialect: Dialect, version: ServerVersion): string {
  const { major, minor, patch } = version;
  if (patch) return `${major}.${minor}.${patch}`;
  return minor || dialect !== 'postgres' ? `${major}.${minor}` : `${major}`;
}

/** Whether `version` is at least `major.minor.patch` (MySQL features arrive in patch releases: 8.0.29, 8.0.12). */
export function versionAtLeast(version: ServerVersion, major: number, minor = 0, patch = 0): boolean {
  if (version.major !== major) return version.major > major;
  if (version.minor !== minor) return version.minor > minor;
  return version.patch >= patch;
}
