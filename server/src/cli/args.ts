// The command line: usage text and argv → a typed command or a usage error naming the bad word.
// Pure (no I/O, no process access), so every flag is testable; flags and their meaning are a
// stable interface, so renaming one is a breaking change.
import { parseArgs } from 'node:util';
import { parseServerVersion, type Dialect, type Severity, type SettingsOverride } from '../engine';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export interface CheckCommand {
  readonly kind: 'check';
  /** As written; `-` is stdin. Empty means the current folder. */
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** CLI flags layered over sqlsight.json for every file. */
  readonly explicit: SettingsOverride;
  readonly configPath: string | undefined;
  /** Findings at or above it make the exit code 1. */
  readonly threshold: Severity;
  readonly noColor: boolean;
  readonly quiet: boolean;
  readonly stdinFilename: string | undefined;
}

export interface SchemaCommand {
  readonly kind: 'schema';
  /** The folder whose migrations are replayed; undefined means the current folder. */
  readonly folder: string | undefined;
  readonly format: 'sql' | 'json';
  readonly configPath: string | undefined;
}

export interface ExplainCommand {
  readonly kind: 'explain';
  /** The query text, or undefined with `file`. */
  readonly query: string | undefined;
  readonly file: string | undefined;
  /** 1-based line of the statement in `file`; undefined: the file's first query. */
  readonly line: number | undefined;
  /** A database URL (postgres://…, mysql://…), or the name of an environment variable holding one. */
  readonly connection: { readonly url: string } | { readonly env: string } | undefined;
  readonly migrations: string | undefined;
  readonly analyze: boolean;
  readonly allowWrites: boolean;
  readonly parameters: readonly string[];
  readonly seedRows: number;
  readonly timeoutMs: number;
  readonly format: 'text' | 'json';
  readonly configPath: string | undefined;
  readonly noColor: boolean;
}

export type Command =
  | CheckCommand
  | SchemaCommand
  | ExplainCommand
  | { readonly kind: 'rules'; readonly id: string | undefined; readonly noColor: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

export type ParsedCommandLine = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly message: string };

export const usageText = `sqlsight: what a SQL migration will do to a live database, before it runs

Usage:
  sqlsight check [options] [paths… | -]   check SQL files and folders (default: the current folder);
                                          - reads stdin
  sqlsight rules [id]                     list the rules, or show one rule's documentation
  sqlsight explain-rule <id>              show one rule's documentation
  sqlsight schema [folder]                replay the folder's migrations and print the schema
                                          sqlsight believes they build (--format sql|json, --config)
  sqlsight explain "<query>"              explain a query: its plan, warnings and index suggestions
  sqlsight explain --file <f> [--line n]  explain the statement of a file at a line

Options for explain:
  --connection <url>                     a postgres:// or mysql:// URL (default: the embedded database,
                                         the migrations replayed in PGlite)
  --connection-env <NAME>                the URL is in this environment variable (keeps the password
                                         out of the shell history)
  --migrations <folder>                  migrations for the embedded database and the index advisor
                                         (default: found under the current folder)
  --analyze                              EXPLAIN ANALYZE: runs the statement (always rolled back)
  --allow-writes                         with --analyze, run a statement that writes (rolled back)
  --param <value>                        a value for $1, $2 … (repeat in order)
  --seed <rows>                          synthetic rows per table in the embedded database
  --timeout <ms>                         statement and connection timeout (default 10000)
  --format <text|json>, --json           output format (default text)

Options for check:
  --format <text|json|sarif|github>      output format (default text)
  --dialect <postgres|mysql|mariadb>     SQL dialect (also pg, postgresql); overrides sqlsight.json
  --pg-version <N>                       PostgreSQL version of production, e.g. 16 (implies postgres)
  --server-version <X>                   server version of the dialect, e.g. 16 or 8.0.35
  --config <file>                        use this config file instead of searching for sqlsight.json
  --severity <error|warning|info|hint>   lowest severity that fails the check (default warning)
  --assume-in-transaction                the migration tool runs each file in a transaction
  --stdin-filename <name>                the name of stdin (-) in output and for config overrides
  --quiet                                print only the summary line (text format)
  --no-color                             no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)

Other options:
  -h, --help                             show this help
  --version                              print the version

Folders are searched for *.sql, *.psql, *.pgsql, *.sql.postgres and *.mysql files, skipping node_modules
and .git. sqlsight.json is read from the current folder or the nearest ancestor that has one.

Exit codes:
  0  no finding at or above the --severity threshold
  1  findings at or above the threshold
  2  usage error, configuration error, or a path that cannot be read

Environment:
  NO_COLOR, FORCE_COLOR    colour control (colour is on when stdout is a terminal)
  SQLSIGHT_JOBS=<n>        worker threads for analysis (0 = none; default: none below 4 CPUs or
                           100 files, else CPUs - 1, at most 4)
`;

const optionTable = {
  format: { type: 'string' },
  dialect: { type: 'string' },
  'pg-version': { type: 'string' },
  'server-version': { type: 'string' },
  config: { type: 'string' },
  severity: { type: 'string' },
  'assume-in-transaction': { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  quiet: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  file: { type: 'string' },
  line: { type: 'string' },
  connection: { type: 'string' },
  'connection-env': { type: 'string' },
  migrations: { type: 'string' },
  analyze: { type: 'boolean' },
  'allow-writes': { type: 'boolean' },
  param: { type: 'string' },
  seed: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type OptionName = keyof typeof optionTable;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(optionTable, name);
}

/** Options that mean something outside `check`. */
const generalOptions = new Set<OptionName>(['help', 'version', 'no-color']);

const checkOptions = new Set<OptionName>(['format', 'dialect', 'pg-version', 'server-version', 'config', 'severity', 'assume-in-transaction', 'stdin-filename', 'quiet']);
const explainOptions = new Set<OptionName>(['file', 'line', 'connection', 'connection-env', 'migrations', 'analyze', 'allow-writes', 'param', 'seed', 'timeout', 'json', 'format', 'config']);

const formats: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];
const severities: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const dialectNames: Readonly<Record<string, Dialect>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

const seeHelp = 'run sqlsight --help for usage';

function usageError(message: string): ParsedCommandLine {
  return { ok: false, message: `${message} (${seeHelp})` };
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function orList(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  // strict: false plus tokens lets this file word every error itself (parseArgs' own messages
  // suggest `--` tricks that confuse more than help).
  const { tokens } = parseArgs({ args: [...argv], options: optionTable, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values: Partial<Record<OptionName, string | boolean>> = {};
  const seenOptions: OptionName[] = [];
  const parameters: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const name = token.name;
    if (!isOptionName(name)) return usageError(`unknown option ${token.rawName}`);
    const spec = optionTable[name];
    if (spec.type === 'string') {
      if (token.value === undefined) return usageError(`option --${name} needs a value`);
      values[name] = token.value;
      if (name === 'param') parameters.push(token.value);
    } else {
      if (token.value !== undefined) return usageError(`option --${name} takes no value`);
      values[name] = true;
    }
    seenOptions.push(name);
  }

  if (values.help === true) return { ok: true, command: { kind: 'help' } };
  if (values.version === true) return { ok: true, command: { kind: 'version' } };

  const [commandName, ...rest] = positionals;
  const noColor = values['no-color'] === true;
  if (commandName === undefined) return usageError('missing command: sqlsight check [paths…]');
  if (commandName === 'help') return { ok: true, command: { kind: 'help' } };
  if (commandName === 'rules' || commandName === 'explain-rule') {
    const misplaced = seenOptions.find((name) => !generalOptions.has(name));
    if (misplaced) return usageError(`option --${misplaced} applies to sqlsight check, not ${commandName}`);
    if (rest.length > 1) return usageError(`${commandName} takes one rule id, got ${rest.length}`);
    if (commandName === 'explain-rule' && rest[0] === undefined) return usageError('explain-rule needs a rule id');
    return { ok: true, command: { kind: 'rules', id: rest[0], noColor } };
  }
  if (commandName === 'schema') return parseSchema(rest, values, seenOptions);
  if (commandName === 'explain') return parseExplain(rest, values, seenOptions, parameters);
  if (commandName !== 'check') {
    const hint = /\.(sql|psql|pgsql)$/i.test(commandName) || commandName === '.' ? `; did you mean sqlsight check ${commandName}?` : '';
    return usageError(`unknown command ${JSON.stringify(commandName)}${hint}`);
  }
  const misplaced = seenOptions.find((name) => !checkOptions.has(name) && !generalOptions.has(name));
  if (misplaced) return usageError(`option --${misplaced} applies to sqlsight explain, not check`);
  return parseCheck(rest, values, noColor);
}

function parseExplain(
  rest: readonly string[],
  values: Partial<Record<OptionName, string | boolean>>,
  seen: readonly OptionName[],
  parameters: readonly string[],
): ParsedCommandLine {
  const misplaced = seen.find((name) => !explainOptions.has(name) && !generalOptions.has(name));
  if (misplaced) return usageError(`option --${misplaced} does not apply to sqlsight explain`);
  const text = (name: OptionName): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (rest.length > 1) return usageError('explain takes one query (quote it)');
  const file = text('file');
  const query = rest[0];
  if ((query === undefined) === (file === undefined)) return usageError('explain needs a query or --file, not both');
  const lineText = text('line');
  const line = lineText === undefined ? undefined : Number(lineText);
  if (line !== undefined && (!Number.isInteger(line) || line < 1)) return usageError(`--line ${JSON.stringify(lineText)} is not a line number`);
  if (line !== undefined && file === undefined) return usageError('--line needs --file');
  const url = text('connection');
  const env = text('connection-env');
  if (url !== undefined && env !== undefined) return usageError('use --connection or --connection-env, not both');
  const numberOption = (name: OptionName, fallback: number): number | string => {
    const value = text(name);
    if (value === undefined) return fallback;
    return /^\d+$/.test(value) ? Number(value) : `--${name} ${JSON.stringify(value)} is not a whole number`;
  };
  const seedRows = numberOption('seed', 0);
  if (typeof seedRows === 'string') return usageError(seedRows);
  const timeoutMs = numberOption('timeout', 10_000);
  if (typeof timeoutMs === 'string') return usageError(timeoutMs);
  if (values['allow-writes'] === true && values.analyze !== true) return usageError('--allow-writes applies with --analyze only');
  const formatText = values.json === true ? 'json' : (text('format') ?? 'text');
  const format = oneOf(formatText.toLowerCase(), ['text', 'json'] as const);
  if (format === undefined) return usageError(`unknown format ${JSON.stringify(formatText)} for explain: expected text or json`);
  return {
    ok: true,
    command: {
      kind: 'explain',
      query,
      file,
      line,
      connection: url !== undefined ? { url } : env !== undefined ? { env } : undefined,
      migrations: text('migrations'),
      analyze: values.analyze === true,
      allowWrites: values['allow-writes'] === true,
      parameters,
      seedRows,
      timeoutMs,
      format,
      configPath: text('config'),
      noColor: values['no-color'] === true,
    },
  };
}

const schemaOptions = new Set<OptionName>(['format', 'config', 'no-color']);

function parseSchema(rest: readonly string[], values: Partial<Record<OptionName, string | boolean>>, seen: readonly OptionName[]): ParsedCommandLine {
  const misplaced = seen.find((name) => !schemaOptions.has(name) && !generalOptions.has(name));
  if (misplaced) return usageError(`option --${misplaced} applies to sqlsight check, not schema`);
  if (rest.length > 1) return usageError(`schema takes one folder, got ${rest.length}`);
  const formatText = typeof values.format === 'string' ? values.format : 'sql';
  const format = oneOf(formatText.toLowerCase(), ['sql', 'json'] as const);
  if (format === undefined) return usageError(`unknown format ${JSON.stringify(formatText)} for schema: expected sql or json`);
  const configPath = typeof values.config === 'string' ? values.config : undefined;
  if (configPath === '') return usageError('option --config needs a file name');
  return { ok: true, command: { kind: 'schema', folder: rest[0], format, configPath } };
}

function parseCheck(paths: readonly string[], values: Partial<Record<OptionName, string | boolean>>, noColor: boolean): ParsedCommandLine {
  const text = (name: OptionName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };

  const formatText = text('format');
  const format = formatText === undefined ? 'text' : oneOf(formatText.toLowerCase(), formats);
  if (format === undefined) return usageError(`unknown format ${JSON.stringify(formatText)}: expected ${orList(formats)}`);

  const severityText = text('severity');
  const threshold = severityText === undefined ? 'warning' : oneOf(severityText.toLowerCase(), severities);
  if (threshold === undefined) return usageError(`unknown severity ${JSON.stringify(severityText)}: expected ${orList(severities)}`);

  const explicit: { dialect?: Dialect; serverVersion?: string; assumeInTransaction?: boolean } = {};
  const dialectText = text('dialect');
  if (dialectText !== undefined) {
    const dialect = dialectNames[dialectText.toLowerCase()];
    if (dialect === undefined) return usageError(`unknown dialect ${JSON.stringify(dialectText)}: expected postgres, mysql or mariadb`);
    explicit.dialect = dialect;
  }
  const pgVersion = text('pg-version');
  const serverVersion = text('server-version');
  if (pgVersion !== undefined && serverVersion !== undefined) return usageError('use --pg-version or --server-version, not both');
  if (pgVersion !== undefined) {
    if (explicit.dialect !== undefined && explicit.dialect !== 'postgres') {
      return usageError(`--pg-version is for PostgreSQL; use --server-version with --dialect ${explicit.dialect}`);
    }
    explicit.dialect = 'postgres';
  }
  const version = pgVersion ?? serverVersion;
  if (version !== undefined) {
    if (parseServerVersion(version) === undefined) {
      return usageError(`--${pgVersion !== undefined ? 'pg-version' : 'server-version'} ${JSON.stringify(version)} is not a version like 16 or 8.0.35`);
    }
    explicit.serverVersion = version.trim();
  }
  if (values['assume-in-transaction'] === true) explicit.assumeInTransaction = true;

  const stdinCount = paths.filter((path) => path === '-').length;
  if (stdinCount > 1) return usageError('stdin (-) can be read only once');
  const stdinFilename = text('stdin-filename');
  if (stdinFilename !== undefined && stdinCount === 0) return usageError('--stdin-filename names stdin, so it needs - among the paths');
  const configPath = text('config');
  if (configPath === '') return usageError('option --config needs a file name');

  return {
    ok: true,
    command: {
      kind: 'check',
      paths,
      format,
      explicit,
      configPath,
      threshold,
      noColor,
      quiet: values.quiet === true,
      stdinFilename,
    },
  };
}
