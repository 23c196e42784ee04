// Driver errors (pg, mysql2, node's sockets and TLS) turned into an ExplainFailure a user can act
// on: which server (host:port, never a password or a full connection string), what happened, what
// to try. Nothing here connects or logs.
import type { ExplainFailure } from '../protocol';

/** Where a failure happened, for the message. */
export interface FailureContext {
  /** `host:port` or a socket path; never a URL. */
  readonly server: string;
  readonly user: string | undefined;
  readonly database: string | undefined;
  /** The connection and statement timeout in force. */
  readonly timeoutMs: number;
}

/** Fields drivers put on their errors; read through type guards, never cast. */
interface DriverErrorFields {
  readonly message: string;
  readonly code: string | undefined;
  readonly errno: number | undefined;
  readonly sqlState: string | undefined;
}

function fieldsOf(error: unknown): DriverErrorFields {
  if (!(error instanceof Error)) return { message: String(error), code: undefined, errno: undefined, sqlState: undefined };
  const record: Record<string, unknown> = { ...error };
  const code = typeof record.code === 'string' ? record.code : undefined;
  const errno = typeof record.errno === 'number' ? record.errno : undefined;
  const sqlState = typeof record.sqlState === 'string' ? record.sqlState : code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  return { message: error.message, code, errno, sqlState };
}

/** The SQLSTATE of a PostgreSQL error (pg puts it in `code`), if any. */
export function sqlStateOf(error: unknown): string | undefined {
  return fieldsOf(error).sqlState;
}

/** Removes a password from `scheme://user:password@host` anywhere in a message. */
export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@');
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'HANDSHAKE_SSL_ERROR',
  'HANDSHAKE_NO_SSL_SUPPORT',
]);

/** A failure raised before any driver call (a missing environment variable, an unreadable CA file). */
export function connectionFailure(message: string): ExplainFailure {
  return { kind: 'connection', message: redact(message) };
}

/** Errors that mean the connection is gone: drop the warm client and connect again. */
export function isConnectionLost(error: unknown): boolean {
  const { code, message, sqlState } = fieldsOf(error);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'PROTOCOL_CONNECTION_LOST' || code === 'ER_SERVER_SHUTDOWN') return true;
  if (sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03') return true;
  return /Connection terminated|Client has encountered a connection error|connection is closed|Can't add new command when connection is in closed state/i.test(message);
}

/** Errors raised while connecting or logging in. */
export function classifyConnectError(error: unknown, context: FailureContext): ExplainFailure {
  const { code, errno, message, sqlState } = fieldsOf(error);
  const where = context.server;
  const who = context.user === undefined ? '' : ` as ${context.user}`;
  if (code === 'ECONNREFUSED') return fail('connection', `Could not connect to ${where}: the connection was refused (is the server running and listening on this port?)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return fail('connection', `Could not connect to ${where}: the host name was not found (check the host setting)`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return fail('connection', `Could not connect to ${where}: the network cannot reach this host`);
  // pg says "timeout expired" (its connectionTimeoutMillis) or "Connection terminated due to connection timeout".
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || /timeout expired|connection timeout/i.test(message)) {
    return fail('timeout', `Could not connect to ${where}: no answer within ${context.timeoutMs} ms (is the host reachable, and is a firewall dropping the connection?)`);
  }
  if (code === 'ECONNRESET' || /Connection terminated unexpectedly/i.test(message)) {
    return fail('connection', `Could not connect to ${where}: the server closed the connection during the login (does it expect TLS? check the ssl setting)`);
  }
  if (code !== undefined && tlsCodes.has(code)) return fail('connection', `Could not connect to ${where}: the TLS handshake failed (${code}): check the ssl setting and the server's certificate`);
  if (/does not support SSL/i.test(message)) return fail('connection', `Could not connect to ${where}: the server does not accept TLS connections (set "ssl": false for this connection)`);
  if (/certificate|self[- ]signed|SSL|TLS/i.test(message) && sqlState === undefined) return fail('connection', `Could not connect to ${where}: the TLS handshake failed: ${message}`);
  if (sqlState === '28P01' || code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR' || errno === 1045 || errno === 1698) {
    return fail('connection', `The server at ${where} refused the password${who} (password authentication failed)`);
  }
  if (sqlState === '28000' || code === 'ER_DBACCESS_DENIED_ERROR' || errno === 1044) return fail('connection', `The server at ${where} refused the login${who}: ${message}`);
  if (sqlState === '3D000' || code === 'ER_BAD_DB_ERROR' || errno === 1049) {
    return fail('connection', `The database ${context.database === undefined ? '' : `"${context.database}" `}does not exist on ${where}`);
  }
  if (sqlState === '53300' || code === 'ER_CON_COUNT_ERROR') return fail('connection', `The server at ${where} has too many connections; try again later`);
  if (sqlState === '57P03') return fail('connection', `The server at ${where} is starting up or shutting down; try again in a moment`);
  return fail('connection', `Could not connect to ${where}: ${message}`);
}

/** Errors raised by the statement itself once connected. */
export function classifyStatementError(error: unknown, context: FailureContext): ExplainFailure {
  const { code, errno, message, sqlState } = fieldsOf(error);
  if (sqlState === '57014' || code === 'ER_QUERY_TIMEOUT' || errno === 3024 || errno === 1969 || code === 'ER_STATEMENT_TIMEOUT') {
    return fail('timeout', `The statement ran longer than the statement timeout of ${context.timeoutMs} ms and was cancelled (raise sqlsight.explain.statementTimeoutMs, or explain without ANALYZE)`);
  }
  if (/Query read timeout|PROTOCOL_SEQUENCE_TIMEOUT|query timed out/i.test(message) || code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
    return fail('timeout', `No answer from ${context.server} within ${context.timeoutMs} ms; the connection was closed`);
  }
  if (sqlState === '55P03' || errno === 1205) {
    return fail('timeout', `A table the statement reads is locked by another session (waited longer than the lock timeout); try again later`);
  }
  if (sqlState === '25006' || errno === 1792 || code === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION') {
    return fail('error', `The statement tried to write inside sqlsight's read-only transaction and was stopped (${message})`);
  }
  if (isConnectionLost(error)) return fail('connection', `The connection to ${context.server} was lost: ${message}`);
  return fail('error', `${context.server}: ${message}`);
}

function fail(kind: 'connection' | 'timeout' | 'error', message: string): ExplainFailure {
  return { kind, message: redact(message) };
}
