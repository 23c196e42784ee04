// What the status bar item says: the dialect and server version in effect for the active SQL file
// and which sqlsight.json chose them. Pure (no vscode import), so tests run without an editor.
import type { DialectSetting, FileInfo } from '../../server/src/protocol';

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  /** Shown with the warning colours: something needs the user's attention. */
  readonly warning: boolean;
}

const dialectNames: Record<DialectSetting, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };
const clickHint = 'Click to show the sqlsight output.';

const dialectSourceText: Record<NonNullable<FileInfo['dialectSource']>, string> = {
  directive: 'chosen by the file\'s `-- sqlsight: dialect=` comment',
  settings: 'set in sqlsight.json or the sqlsight.dialect setting',
  path: 'detected from the file\'s path',
  text: 'detected from the SQL (set sqlsight.dialect or add `-- sqlsight: dialect=…` to choose)',
  default: 'the default (set sqlsight.dialect or add `-- sqlsight: dialect=…` to choose)',
};

function isDialectSource(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && Object.hasOwn(dialectSourceText, value));
}

function isDialect(value: unknown): value is DialectSetting {
  return typeof value === 'string' && Object.hasOwn(dialectNames, value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** The server's answer arrives as JSON: check it before trusting its shape. */
export function isFileInfo(value: unknown): value is FileInfo {
  if (typeof value !== 'object' || value === null) return false;
  const candidate: Record<string, unknown> = { ...value };
  return (
    isDialect(candidate.dialect) &&
    isDialectSource(candidate.dialectSource) &&
    typeof candidate.serverVersion === 'string' &&
    isOptionalString(candidate.configPath) &&
    isOptionalString(candidate.configError)
  );
}

// Theme icons are written `$(name)`; a version string must not be able to inject one.
function plain(text: string): string {
  return text.replaceAll('$(', '$\u200b(');
}

export function fileInfoView(info: FileInfo): StatusView {
  const database = plain(`${dialectNames[info.dialect]} ${info.serverVersion.trim()}`.trim());
  const configFile = info.configPath ?? 'sqlsight.json';
  if (info.configError) {
    return {
      text: `$(warning) ${database}`,
      tooltip: [`sqlsight: ${database}`, `${configFile} has an error, so the defaults are in use:`, info.configError, clickHint].join('\n'),
      warning: true,
    };
  }
  const source = info.configPath ? `Settings from ${info.configPath}` : 'Settings: defaults and the sqlsight.* editor settings (no sqlsight.json)';
  const dialect = info.dialectSource ? [`Dialect: ${dialectSourceText[info.dialectSource]}`] : [];
  return { text: `$(database) ${database}`, tooltip: [`sqlsight: ${database}`, ...dialect, source, clickHint].join('\n'), warning: false };
}

export function startingView(): StatusView {
  return { text: '$(sync~spin) sqlsight: starting', tooltip: `The sqlsight language server is starting. ${clickHint}`, warning: false };
}

export function stoppedView(): StatusView {
  return {
    text: '$(error) sqlsight: stopped',
    tooltip: `The sqlsight language server is not running. ${clickHint} Run "sqlsight: Restart Language Server" to start it again.`,
    warning: true,
  };
}

/** The server runs but could not say which settings apply (an older server, or a failing request). */
export function unavailableView(reason: string): StatusView {
  return { text: '$(database) sqlsight', tooltip: `sqlsight could not tell which settings apply to this file: ${reason}\n${clickHint}`, warning: false };
}
