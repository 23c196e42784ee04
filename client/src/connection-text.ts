// The pure side of database connections in the editor: storage keys, what the connection status bar
// item says, reading and checking `sqlsight.connections` entries and the "Add Database Connection"
// inputs. No vscode import, so tests run without an editor; never holds or prints a password.
import type { ConnectionSetting, DialectSetting } from '../../server/src/protocol';
import type { StatusView } from './status-text';

export const dialectNames: Readonly<Record<DialectSetting, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };
export const defaultPorts: Readonly<Record<DialectSetting, number>> = { postgres: 5432, mysql: 3306, mariadb: 3306 };

/** The label of the choice that means "no connection": the migrations replayed in PGlite. */
export const embeddedLabel = 'Embedded (migrations replayed in PGlite)';

/** SecretStorage key of a connection's password. */
export function secretKey(connectionName: string): string {
  return `sqlsight.connection.${connectionName}`;
}

/** globalState key marking a connection whose password is asked for every time and never stored. */
export function askEveryTimeKey(connectionName: string): string {
  return `sqlsight.connection.${connectionName}.askEveryTime`;
}

const activeConnectionPrefix = 'sqlsight.activeConnection.';

/** workspaceState key of the active connection of a workspace folder (`none`: a file outside any folder). */
export function activeConnectionKey(folderUri: string | undefined): string {
  return `${activeConnectionPrefix}${folderUri ?? 'none'}`;
}

export function isActiveConnectionKey(key: string): boolean {
  return key.startsWith(activeConnectionPrefix);
}

function isDialect(value: unknown): value is DialectSetting {
  return typeof value === 'string' && Object.hasOwn(dialectNames, value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** One `sqlsight.connections` entry as the user wrote it, or undefined without a name and a dialect (as the server reads it). */
export function readConnection(raw: unknown): ConnectionSetting | undefined {
  const value = record(raw);
  const name = text(value?.name);
  const dialect = value?.dialect;
  if (!value || !name || !isDialect(dialect)) return undefined;
  const port = typeof value.port === 'number' && Number.isInteger(value.port) && value.port > 0 ? value.port : undefined;
  const host = text(value.host);
  const database = text(value.database);
  const user = text(value.user);
  const urlFromEnv = text(value.urlFromEnv);
  const sslObject = record(value.ssl);
  const ssl: ConnectionSetting['ssl'] =
    typeof value.ssl === 'boolean'
      ? value.ssl
      : sslObject
        ? {
            ...(typeof sslObject.rejectUnauthorized === 'boolean' ? { rejectUnauthorized: sslObject.rejectUnauthorized } : {}),
            ...(text(sslObject.ca) ? { ca: text(sslObject.ca) } : {}),
          }
        : undefined;
  return {
    name,
    dialect,
    ...(host ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(database ? { database } : {}),
    ...(user ? { user } : {}),
    ...(ssl !== undefined ? { ssl } : {}),
    ...(urlFromEnv ? { urlFromEnv } : {}),
  };
}

/** The well-formed entries of a `sqlsight.connections` value (anything else is skipped). */
export function readConnections(raw: unknown): ConnectionSetting[] {
  return Array.isArray(raw) ? raw.flatMap((entry) => readConnection(entry) ?? []) : [];
}

/**
 * Where a connection leads, without any secret: `postgres://alice@db.example.com:5432/orders`, or
 * `env:DATABASE_URL`. A stored password is bound to it, so a connection of the same name that points
 * elsewhere (another workspace's settings) is never sent that password.
 */
export function connectionIdentity(connection: ConnectionSetting): string {
  if (connection.urlFromEnv) return `env:${connection.urlFromEnv}`;
  const host = connection.host ?? 'localhost';
  const port = connection.port ?? defaultPorts[connection.dialect];
  return `${connection.dialect}://${connection.user ?? ''}@${host}:${port}/${connection.database ?? ''}`;
}

/** A one-line description for pickers and prompts: `PostgreSQL · alice@db.example.com:5432/orders`. */
export function describeConnection(connection: ConnectionSetting): string {
  const dialect = dialectNames[connection.dialect];
  if (connection.urlFromEnv) return `${dialect} · URL from $${connection.urlFromEnv}`;
  const user = connection.user ? `${connection.user}@` : '';
  const host = connection.host ?? 'localhost';
  const port = connection.port ?? defaultPorts[connection.dialect];
  const database = connection.database ? `/${connection.database}` : '';
  const tls = connection.ssl === undefined || connection.ssl === false ? '' : ' · TLS';
  return `${dialect} · ${user}${host}:${port}${database}${tls}`;
}

/** What SecretStorage holds for a connection: the password and the identity it was entered for. */
export interface StoredPassword {
  readonly password: string;
  /** Undefined when the connection's settings were unknown (a sqlsight.json connection) or for an old plain value. */
  readonly identity: string | undefined;
}

export function encodeStoredPassword(stored: StoredPassword): string {
  return JSON.stringify(stored.identity === undefined ? { password: stored.password } : stored);
}

/** Reads what `encodeStoredPassword` wrote; any other text is taken as a bare password. */
export function decodeStoredPassword(value: string): StoredPassword {
  try {
    const parsed = record(JSON.parse(value));
    if (parsed && typeof parsed.password === 'string') {
      return { password: parsed.password, identity: typeof parsed.identity === 'string' ? parsed.identity : undefined };
    }
  } catch {
    // Not JSON: a password stored as is.
  }
  return { password: value, identity: undefined };
}

/**
 * Whether a stored password may be sent for a connection. `candidates` are every connection of that
 * name the workspace describes (editor settings at every level and folder, and the sqlsight.json
 * files); the server uses one of them, so the password goes only where all of them lead: where it
 * was entered for. A password bound to nothing (the connection was described nowhere the client
 * could see) is sent only while that is still so.
 */
export function storedPasswordApplies(stored: StoredPassword, candidates: readonly ConnectionSetting[]): boolean {
  if (stored.identity === undefined) return candidates.length === 0;
  return candidates.length > 0 && candidates.every((candidate) => connectionIdentity(candidate) === stored.identity);
}

/** The connections a sqlsight.json text describes (none when it is not valid JSON). */
export function connectionsInProjectFile(text: string): ConnectionSetting[] {
  try {
    return readConnections(record(JSON.parse(text))?.connections);
  } catch {
    return [];
  }
}

/**
 * What a newly entered password is bound to: the one place the editor's connections of that name
 * lead, or nothing when there are none; undefined (do not store it) when they lead to different places.
 */
export function passwordBinding(candidates: readonly ConnectionSetting[]): { readonly identity: string | undefined } | undefined {
  const identities = new Set(candidates.map(connectionIdentity));
  if (identities.size > 1) return undefined;
  return { identity: [...identities][0] };
}

// Theme icons are written `$(name)`; a connection name must not be able to inject one.
function plain(value: string): string {
  return value.replaceAll('$(', '$\u200b(');
}

const selectHint = 'Click to choose the database "Explain" runs on.';

/** The connection status bar item: the active connection of the active editor's folder. */
export function connectionStatusView(active: string | undefined, options: { readonly trusted: boolean; readonly known: boolean }): StatusView {
  if (!options.trusted) {
    return {
      text: '$(plug) embedded',
      tooltip:
        'sqlsight: "Explain" runs on the embedded database (the migrations replayed in PGlite).\n' +
        'Database connections are off in an untrusted workspace: nothing connects to a database until you trust it.',
      warning: false,
    };
  }
  if (active === undefined) {
    return {
      text: '$(plug) embedded',
      tooltip: `sqlsight: "Explain" runs on the embedded database (the migrations replayed in PGlite).\n${selectHint}`,
      warning: false,
    };
  }
  const name = plain(active);
  if (!options.known) {
    return {
      text: `$(plug) ${name}`,
      tooltip: `sqlsight: "Explain" runs on the connection "${name}", which is not in the sqlsight.connections settings (it may come from sqlsight.json).\n${selectHint}`,
      warning: false,
    };
  }
  return { text: `$(plug) ${name}`, tooltip: `sqlsight: "Explain" runs on the connection "${name}".\n${selectHint}`, warning: false };
}

// Inputs of "Add Database Connection". Each validator returns the problem, or undefined when the text is fine.

const namePattern = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export function validateConnectionName(value: string, existingNames: readonly string[]): string | undefined {
  const name = value.trim();
  if (name === '') return 'A name to pick the connection by, like orders-prod';
  if (!namePattern.test(name)) return 'Letters, digits, spaces, ".", "_" and "-", starting with a letter or digit (at most 64)';
  if (existingNames.some((existing) => existing.toLowerCase() === name.toLowerCase())) return `A connection named "${name}" exists already`;
  return undefined;
}

export function validateHost(value: string): string | undefined {
  const host = value.trim();
  if (host === '') return 'A host name or address, like localhost or db.example.com';
  if (host.includes('://')) return 'A host name, not a URL: for a URL, choose "A URL in an environment variable"';
  if (/[\s/@]/.test(host)) return 'A host name or address has no spaces, "/" or "@"';
  return undefined;
}

export function validatePort(value: string): string | undefined {
  const port = value.trim();
  if (port === '') return undefined;
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) return 'A port number from 1 to 65535';
  return undefined;
}

export function validateEnvironmentVariableName(value: string): string | undefined {
  const name = value.trim().replace(/^\$/, '');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'The name of an environment variable, like DATABASE_URL (not the URL itself)';
  return undefined;
}

export type TlsChoice = 'off' | 'verify' | 'accept-any';

export interface ConnectionInputs {
  readonly name: string;
  readonly dialect: DialectSetting;
  readonly target:
    | { readonly kind: 'host'; readonly host: string; readonly port: string; readonly database: string; readonly user: string; readonly tls: TlsChoice }
    | { readonly kind: 'environment'; readonly variable: string };
}

/** The settings entry for the inputs (never a password), or the first problem. */
export function connectionFromInputs(inputs: ConnectionInputs, existingNames: readonly string[]): { readonly connection: ConnectionSetting } | { readonly problem: string } {
  const nameProblem = validateConnectionName(inputs.name, existingNames);
  if (nameProblem) return { problem: nameProblem };
  const base = { name: inputs.name.trim(), dialect: inputs.dialect };
  const target = inputs.target;
  if (target.kind === 'environment') {
    const problem = validateEnvironmentVariableName(target.variable);
    return problem ? { problem } : { connection: { ...base, urlFromEnv: target.variable.trim().replace(/^\$/, '') } };
  }
  const problem = validateHost(target.host) ?? validatePort(target.port);
  if (problem) return { problem };
  const database = target.database.trim();
  const user = target.user.trim();
  const port = target.port.trim();
  return {
    connection: {
      ...base,
      host: target.host.trim(),
      port: port === '' ? defaultPorts[inputs.dialect] : Number(port),
      ...(database ? { database } : {}),
      ...(user ? { user } : {}),
      ...(target.tls === 'verify' ? { ssl: true } : target.tls === 'accept-any' ? { ssl: { rejectUnauthorized: false } } : {}),
    },
  };
}

function entryName(entry: unknown): string | undefined {
  return text(record(entry)?.name);
}

/** A settings value with the connection appended; entries the user wrote stay as they are. */
export function withConnection(raw: unknown, connection: ConnectionSetting): unknown[] {
  return [...(Array.isArray(raw) ? raw : []), { ...connection }];
}

/** A settings value without the entries of that name, or undefined when it had none. */
export function withoutConnection(raw: unknown, name: string): unknown[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const kept = raw.filter((entry) => entryName(entry) !== name);
  return kept.length === raw.length ? undefined : kept;
}
