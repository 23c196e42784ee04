// `sqlsight explain`: one query's plan, warnings and index suggestions, on a connection given as a
// URL or on the embedded database built from the project's migrations.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { decodeSource, settingsForText, type Dialect, type Engine, type FileSettings, type Statement } from '../engine';
import { createExplainService } from '../db/explain-service';
import { explainStatement, type ExplainStatementOutcome } from '../db/explain-query';
import type { ExplainTargetSpec } from '../db/explain-types';
import { readFileBytes } from '../io/files';
import { formatConfigError, fileSettingsResolver, loadConfig } from '../io/config-loader';
import { discoverForPaths, MigrationWorkspaces, readMigrationText } from '../io/migration-workspaces';
import type { ExplainCommand } from './args';
import { exitCodes, type Terminal } from './check';

/** The environment variable the command line's `--connection` URL is handed over in (never printed). */
const urlVariable = 'SQLSIGHT_CONNECTION_URL';

const queryKinds = new Set<Statement['kind']>(['select', 'insert', 'update', 'delete']);

function dialectOfUrl(url: string): Dialect | undefined {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^mysql:\/\//i.test(url)) return 'mysql';
  if (/^mariadb:\/\//i.test(url)) return 'mariadb';
  return undefined;
}

/**
 * A query given on the command line often says nothing of its dialect (no directive, path or
 * MySQL-only syntax): then a mysql:// or mariadb:// connection says it is MySQL, so it is parsed
 * as the server will read it.
 */
function withConnectionDialect(settings: FileSettings, path: string, text: string, dialect: Dialect | undefined, resolveWith: (dialect: Dialect) => FileSettings): FileSettings {
  if (dialect === undefined || dialect === 'postgres' || settingsForText(settings, path, text).dialectSource !== 'default') return settings;
  return resolveWith(dialect);
}

export async function runExplain(command: ExplainCommand, terminal: Terminal, engine: Engine): Promise<number> {
  const fail = (message: string): number => {
    terminal.writeStderr(`sqlsight: ${message}\n`);
    return exitCodes.failure;
  };
  const cwd = terminal.cwd;
  const file = command.file === undefined ? undefined : resolve(cwd, command.file);
  let text = command.query ?? '';
  if (file) {
    const read = readFileBytes(file);
    if (!read.ok) return fail(read.message);
    const decoded = decodeSource(read.bytes, Number.POSITIVE_INFINITY);
    if (!decoded.ok) return fail(`${command.file ?? file}: ${decoded.message}`);
    text = decoded.text;
  }
  const loaded = loadConfig({ explicitPath: command.configPath, startDir: file ? dirname(file) : cwd, knownRuleIds: engine.rules.map((rule) => rule.meta.id) });
  if (!loaded.ok) {
    for (const line of formatConfigError(loaded.error)) terminal.writeStderr(`${line}\n`);
    return exitCodes.failure;
  }
  const connectionVariable = command.connection === undefined ? undefined : 'env' in command.connection ? command.connection.env : urlVariable;
  const url = command.connection === undefined ? undefined : 'env' in command.connection ? terminal.env[command.connection.env] : command.connection.url;
  if (command.connection && (url === undefined || url === '')) return fail(`the environment variable ${connectionVariable ?? ''} is not set`);
  const connectionDialect = url === undefined ? undefined : dialectOfUrl(url);
  if (url !== undefined && !connectionDialect) return fail('--connection needs a postgres://, postgresql://, mysql:// or mariadb:// URL');
  const settingsPath = file ?? join(cwd, 'query.sql');
  const settings = withConnectionDialect(fileSettingsResolver(loaded.value)(settingsPath), file ?? 'query.sql', text, connectionDialect, (dialect) => fileSettingsResolver(loaded.value, { dialect })(settingsPath));
  const statements = engine.analyze({ path: file ?? 'query.sql', text, settings }).statements;
  const statement = pickStatement(statements, text, command.line);
  if (!statement) return fail(command.line ? `no query at line ${command.line} of ${command.file ?? ''}` : 'no query to explain (SELECT, INSERT, UPDATE or DELETE)');

  const discovery = await discoverForPaths([resolve(cwd, command.migrations ?? (file ? dirname(file) : '.'))], loaded.value.config, loaded.value.configDir);
  const workspaces = new MigrationWorkspaces(engine);
  workspaces.setSets(discovery.sets);
  const set = (file ? workspaces.setOf(file) : undefined) ?? discovery.sets[0];
  const model = set ? workspaces.workspaceFor(set.files[0]?.path ?? set.folder)?.final() : undefined;

  let target: ExplainTargetSpec;
  if (url !== undefined && connectionVariable !== undefined && connectionDialect !== undefined) {
    // The URL reaches the driver through the environment, the one way connections read URLs.
    process.env[connectionVariable] = url;
    target = { kind: 'connection', connection: { name: 'command line', dialect: connectionDialect, urlFromEnv: connectionVariable }, password: async () => undefined };
  } else {
    const migrations = (set?.files ?? []).filter((entry) => entry.role !== 'down');
    const missing = migrations.length === 0 ? ' (no migrations found: the query runs against an empty database; use --migrations)' : '';
    // A MySQL statement is refused on the embedded (PostgreSQL) database; the note would not help.
    if (missing && statement.dialect === 'postgres') terminal.writeStderr(`sqlsight: note${missing}\n`);
    target = {
      kind: 'embedded',
      schema: { key: set?.folder ?? 'no-migrations', migrations: migrations.map((entry) => ({ path: entry.path, text: readMigrationText(entry.path) })), seedRows: command.seedRows },
    };
  }

  const service = createExplainService({
    cacheDir: join(terminal.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'sqlsight', 'embedded'),
    log: () => undefined,
  });
  try {
    const outcome = await explainStatement({
      service,
      statement,
      model,
      target,
      analyze: command.analyze,
      confirmWrites: command.allowWrites,
      parameters: command.parameters.length > 0 ? command.parameters : undefined,
      statementTimeoutMs: command.timeoutMs,
    });
    terminal.writeStdout(command.format === 'json' ? `${JSON.stringify(outcome, null, 2)}\n` : renderText(outcome));
    return outcome.ok ? exitCodes.clean : exitCodes.failure;
  } finally {
    await service.dispose();
  }
}

/** The query at the line (1-based), or the first query. */
function pickStatement(statements: readonly Statement[], text: string, line: number | undefined): Statement | undefined {
  const queries = statements.filter((statement) => queryKinds.has(statement.kind));
  if (line === undefined) return queries[0];
  let offset = 0;
  for (let current = 1; current < line && offset >= 0; current++) offset = text.indexOf('\n', offset) + 1 || -1;
  if (offset < 0) return undefined;
  const lineEnd = text.indexOf('\n', offset);
  return queries.find((statement) => statement.range.start <= (lineEnd < 0 ? text.length : lineEnd) && statement.range.end >= offset);
}

function formatCost(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(1)}k` : value.toFixed(2);
}

function renderText(outcome: ExplainStatementOutcome): string {
  if (!outcome.ok) return `explain failed (${outcome.failure.kind}): ${outcome.failure.message}\n`;
  const { result } = outcome;
  const source =
    result.source.kind === 'connection'
      ? `connection ${result.source.name} (${result.source.serverVersion})`
      : `embedded database (${result.source.serverVersion}${result.source.seededRows > 0 ? `, ${result.source.seededRows} rows per table` : ', empty tables: relative costs only'})`;
  const lines = [result.summary, `  on ${source}${result.plan.analyzed ? ', with ANALYZE (rolled back)' : ''}`];
  for (const warning of result.warnings) lines.push(`  warning (${warning.severity}): ${warning.message}`);
  for (const suggestion of result.suggestions) {
    const verification = suggestion.verification;
    const measured =
      verification.kind === 'not-cost-verified'
        ? `not cost-verified: ${verification.why}`
        : `cost ${formatCost(verification.costBefore)} → ${formatCost(verification.costAfter)} (${verification.kind === 'hypothetical-index' ? 'hypothetical index' : 'built and rolled back'})`;
    lines.push(`  index suggestion: ${suggestion.statement};`, `    for ${suggestion.reason}; ${measured}`);
  }
  return `${lines.join('\n')}\n`;
}
