// Editor settings (`sqlsight.*`) pulled from the client and merged under sqlsight.json: the
// project file wins, so the editor and the CLI give the same findings for a project.
import type { SqlsightConfig } from '../engine';
import { defaultEditorSettings, type ConnectionSetting, type DialectSetting, type EditorSettings, type ExplainSettings, type RuleSeveritySetting } from '../protocol';

const dialects: readonly DialectSetting[] = ['postgres', 'mysql', 'mariadb'];
const severities: readonly RuleSeveritySetting[] = ['off', 'error', 'warning', 'info', 'hint'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

/** Reads whatever the client sent, keeping only well-formed values (a bad setting falls back to its default). */
export function readEditorSettings(raw: unknown): EditorSettings {
  const value = record(raw);
  const dialect = dialects.find((candidate) => candidate === value.dialect);
  const rules: Record<string, RuleSeveritySetting> = {};
  for (const [id, setting] of Object.entries(record(value.rules))) {
    const severity = severities.find((candidate) => candidate === setting);
    if (severity) rules[id] = severity;
  }
  const inlay = record(value.inlayHints);
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : defaultEditorSettings.enable,
    dialect,
    serverVersion: typeof value.serverVersion === 'string' && value.serverVersion.trim() ? value.serverVersion.trim() : undefined,
    assumeInTransaction: typeof value.assumeInTransaction === 'boolean' ? value.assumeInTransaction : undefined,
    rules,
    inlayHints: { enabled: typeof inlay.enabled === 'boolean' ? inlay.enabled : defaultEditorSettings.inlayHints.enabled },
    debounceMs: nonNegative(value.debounceMs) ?? defaultEditorSettings.debounceMs,
    connections: Array.isArray(value.connections) ? value.connections.flatMap((entry) => readConnection(entry) ?? []) : [],
    explain: readExplainSettings(record(value.explain)),
  };
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A connection entry, or undefined when it has no name or dialect (it cannot be chosen). */
export function readConnection(raw: unknown): ConnectionSetting | undefined {
  const value = record(raw);
  const name = optionalString(value.name);
  const dialect = dialects.find((candidate) => candidate === value.dialect);
  if (!name || !dialect) return undefined;
  const ssl = typeof value.ssl === 'boolean' ? value.ssl : readSsl(record(value.ssl));
  const port = nonNegative(value.port);
  return {
    name,
    dialect,
    ...(optionalString(value.host) ? { host: optionalString(value.host) } : {}),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
    ...(optionalString(value.database) ? { database: optionalString(value.database) } : {}),
    ...(optionalString(value.user) ? { user: optionalString(value.user) } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
    ...(optionalString(value.urlFromEnv) ? { urlFromEnv: optionalString(value.urlFromEnv) } : {}),
  };
}

function readSsl(value: Record<string, unknown>): ConnectionSetting['ssl'] {
  if (Object.keys(value).length === 0) return undefined;
  return {
    ...(typeof value.rejectUnauthorized === 'boolean' ? { rejectUnauthorized: value.rejectUnauthorized } : {}),
    ...(optionalString(value.ca) ? { ca: optionalString(value.ca) } : {}),
  };
}

function readExplainSettings(value: Record<string, unknown>): ExplainSettings {
  const defaults = defaultEditorSettings.explain;
  const seedRows = nonNegative(value.seedRows);
  return {
    statementTimeoutMs: nonNegative(value.statementTimeoutMs) ?? defaults.statementTimeoutMs,
    seedRows: seedRows !== undefined ? Math.floor(seedRows) : defaults.seedRows,
    codeLens: typeof value.codeLens === 'boolean' ? value.codeLens : defaults.codeLens,
  };
}

/** The editor settings as a config layer, with sqlsight.json on top. */
export function mergeUnderProjectConfig(editor: EditorSettings, project: SqlsightConfig): SqlsightConfig {
  return {
    ...project,
    dialect: project.dialect ?? editor.dialect,
    serverVersion: project.serverVersion ?? editor.serverVersion,
    assumeInTransaction: project.assumeInTransaction ?? editor.assumeInTransaction,
    rules: { ...editor.rules, ...project.rules },
  };
}
