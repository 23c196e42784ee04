// Editor settings (`sqlsight.*`) pulled from the client and merged under sqlsight.json: the
// project file wins, so the editor and the CLI give the same findings for a project.
import type { SqlsightConfig } from '../engine';
import { defaultEditorSettings, type DialectSetting, type EditorSettings, type RuleSeveritySetting } from '../protocol';

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
    debounceMs:
      typeof value.debounceMs === 'number' && Number.isFinite(value.debounceMs) && value.debounceMs >= 0
        ? value.debounceMs
        : defaultEditorSettings.debounceMs,
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
