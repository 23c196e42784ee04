// EXPLAIN on MySQL and MariaDB with mysql2: one warm connection per configured connection, the same
// settings, timeouts and password flow as PostgreSQL, and `EXPLAIN FORMAT=JSON` (MariaDB's
// `ANALYZE FORMAT=JSON` when asked) inside `START TRANSACTION READ ONLY … ROLLBACK`, under
// max_statement_time (MariaDB) / max_execution_time (MySQL). Values for `?` are bound by the
// server (a prepared statement), never spliced into the text. The plan is returned as parsed JSON;
// the engine reads it. ANALYZE of a writing statement is refused even when confirmed: writes to
// non-transactional (MyISAM) tables survive a ROLLBACK. MySQL's EXPLAIN ANALYZE is refused too: it
// answers in TREE text only (JSON only INTO a variable, from 8.3), which sqlsight does not read.
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';
import type { ConnectionSetting, ExplainFailure } from '../protocol';
import { classifyConnectError, classifyStatementError, connectionFailure, isConnectionLost, type FailureContext } from './errors';
import type { ExplainRun, ExplainRunResult, PasswordSource } from './explain-types';
import { parseMysqlJson } from '../engine';
import { checkStatement } from './postgres';
import { WarmConnections, type WarmEntry } from './warm-connections';

interface ResolvedMysql {
  readonly options: mysql.ConnectionOptions;
  readonly passwordInUrl: boolean;
  readonly context: Omit<FailureContext, 'timeoutMs'>;
  readonly source: string;
}

function resolveMysqlConnection(connection: ConnectionSetting): { ok: true; value: ResolvedMysql } | { ok: false; failure: ExplainFailure } {
  let ssl: mysql.ConnectionOptions['ssl'];
  if (connection.ssl === true) ssl = { rejectUnauthorized: true };
  else if (typeof connection.ssl === 'object') {
    let ca: string | undefined;
    if (connection.ssl.ca !== undefined) {
      try {
        ca = readFileSync(connection.ssl.ca, 'utf8');
      } catch (error) {
        return { ok: false, failure: connectionFailure(`Could not read the CA file ${connection.ssl.ca} of connection "${connection.name}": ${error instanceof Error ? error.message : String(error)}`) };
      }
    }
    ssl = { rejectUnauthorized: connection.ssl.rejectUnauthorized ?? true, ...(ca === undefined ? {} : { ca }) };
  }
  if (connection.urlFromEnv !== undefined) {
    const url = process.env[connection.urlFromEnv];
    if (url === undefined || url.trim() === '') {
      return { ok: false, failure: connectionFailure(`The environment variable ${connection.urlFromEnv} (urlFromEnv of connection "${connection.name}") is not set where sqlsight runs; set it, or use host/port/database/user`) };
    }
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      return { ok: false, failure: connectionFailure(`The environment variable ${connection.urlFromEnv} does not hold a URL like mysql://user@host:3306/database`) };
    }
    if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
      return { ok: false, failure: connectionFailure(`The environment variable ${connection.urlFromEnv} holds a ${parsed.protocol.replace(':', '')} URL, not mysql://`) };
    }
    const host = decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost';
    const port = parsed.port === '' ? 3306 : Number(parsed.port);
    const user = parsed.username === '' ? connection.user : decodeURIComponent(parsed.username);
    const database = parsed.pathname.length > 1 ? decodeURIComponent(parsed.pathname.slice(1)) : connection.database;
    const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
    return {
      ok: true,
      value: {
        options: { host, port, user, database, ssl, ...(password === undefined ? {} : { password }) },
        passwordInUrl: password !== undefined,
        context: { server: `${host}:${port}`, user, database },
        source: `the URL in ${connection.urlFromEnv}`,
      },
    };
  }
  const host = connection.host ?? 'localhost';
  const port = connection.port ?? 3306;
  return {
    ok: true,
    value: {
      options: { host, port, user: connection.user, database: connection.database, ssl },
      passwordInUrl: false,
      context: { server: `${host}:${port}`, user: connection.user, database: connection.database },
      source: `connection "${connection.name}"`,
    },
  };
}

function isAccessDenied(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const record: Record<string, unknown> = { ...error };
  return record.errno === 1045 || record.errno === 1698 || record.code === 'ER_ACCESS_DENIED_ERROR' || record.code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR';
}

type Connected = { ok: true; connection: mysql.Connection; needsPassword: boolean } | { ok: false; failure: ExplainFailure };

/**
 * MySQL sends the password in its first answer, so "when the server asks" means: try without one
 * (unless this connection is known to need one), and ask when the login is refused; a refused
 * password is asked once more with `retry`.
 */
async function connectMysql(resolved: ResolvedMysql, password: PasswordSource, timeoutMs: number, knownToNeedPassword: boolean): Promise<Connected> {
  const context: FailureContext = { ...resolved.context, timeoutMs };
  let needsPassword = knownToNeedPassword && !resolved.passwordInUrl;
  let retry = false;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    let given: string | undefined;
    if (needsPassword) {
      given = await password(retry);
      if (given === undefined) return { ok: false, failure: connectionFailure(`No password was given for ${resolved.context.user ?? 'the user'} at ${resolved.context.server}; the connection was not opened`) };
    }
    try {
      const connection = await connectWithin(
        {
          ...resolved.options,
          ...(given === undefined ? {} : { password: given }),
          connectTimeout: timeoutMs,
          multipleStatements: false,
          enableKeepAlive: true,
          supportBigNumbers: true,
          dateStrings: true,
        },
        timeoutMs + 1000,
      );
      connection.on('error', () => undefined);
      return { ok: true, connection, needsPassword };
    } catch (error) {
      if (isAccessDenied(error) && !resolved.passwordInUrl) {
        if (!needsPassword) {
          needsPassword = true;
          continue;
        }
        if (!retry) {
          retry = true;
          continue;
        }
      }
      if (isAccessDenied(error) && resolved.passwordInUrl) {
        return { ok: false, failure: connectionFailure(`The server at ${resolved.context.server} refused the password in ${resolved.source} for ${resolved.context.user ?? 'the user'}`) };
      }
      return { ok: false, failure: classifyConnectError(error, context) };
    }
  }
  return { ok: false, failure: connectionFailure(`Could not log in to ${resolved.context.server}`) };
}

/** mysql2's connectTimeout, and a deadline of our own; a connection that arrives late is closed, not leaked. */
async function connectWithin(options: mysql.ConnectionOptions, ms: number): Promise<mysql.Connection> {
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const pending = mysql.createConnection(options);
  void pending.then(
    (connection) => {
      if (timedOut) connection.destroy();
    },
    () => undefined,
  );
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
    }, ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface WarmMysql {
  readonly connection: mysql.Connection;
  alive: boolean;
  readonly version: string;
  readonly mariadb: boolean;
}

type MysqlEntry = WarmEntry<WarmMysql>;

/** MySQL from 8.3 may answer EXPLAIN FORMAT=JSON in its version 2 (iterator) format: the session asks for version 1. */
function hasJsonFormatVersions(version: string): boolean {
  const [major, minor] = version.split(/[.-]/).map(Number);
  return major !== undefined && minor !== undefined && (major > 8 || (major === 8 && minor >= 3));
}

/** The session settings for one explain: the statement timeout, in the unit and variable each server has. */
function sessionSettings(warm: WarmMysql, timeoutMs: number): string {
  // MariaDB counts seconds (max_statement_time, any statement), MySQL milliseconds (max_execution_time, SELECT only).
  if (warm.mariadb) return `SET SESSION max_statement_time = ${timeoutMs / 1000}`;
  return `SET SESSION max_execution_time = ${timeoutMs}${hasJsonFormatVersions(warm.version) ? ', explain_json_format_version = 1' : ''}`;
}

/** A value as the prepared statement binds it: whole numbers as numbers (`LIMIT ?` needs one), anything else as text the server converts. */
function boundValue(value: string | null): string | number | null {
  if (value === null || !/^[+-]?\d{1,15}$/.test(value.trim())) return value;
  return Number(value.trim());
}

/**
 * The statement with its values bound by the server (COM_STMT_PREPARE/EXECUTE: nothing is escaped
 * into the text), then closed. mysql2 has no timeout for `execute`: a deadline of our own, which
 * destroys the connection (a ROLLBACK queued behind a stuck statement would wait forever); the
 * caller then drops it.
 */
async function executeBound(db: mysql.Connection, sql: string, values: readonly (string | null)[], timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      db.destroy();
      reject(Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }));
    }, timeoutMs);
  });
  try {
    const [rows] = await Promise.race([db.execute(sql, values.map(boundValue)), deadline]);
    return rows;
  } finally {
    clearTimeout(timer);
    db.unprepare(sql);
  }
}

/** ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: MariaDB raises it for EXPLAIN of INSERT/UPDATE/DELETE too. */
function isReadOnlyRefusal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const record: Record<string, unknown> = { ...error };
  return record.errno === 1792 || record.code === 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION';
}

/** "This command is not supported in the prepared statement protocol yet". */
function isUnsupportedPrepare(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const record: Record<string, unknown> = { ...error };
  return record.errno === 1295 || record.code === 'ER_UNSUPPORTED_PS';
}

/** The first column of the first row: `EXPLAIN` (MySQL, MariaDB) or `ANALYZE` (MariaDB's ANALYZE). */
function firstValue(rows: unknown): unknown {
  if (!Array.isArray(rows)) return undefined;
  const row: unknown = rows[0];
  if (typeof row !== 'object' || row === null) return undefined;
  return Object.values(row)[0];
}

/** The JSON text of the plan, parsed (MariaDB's invalid string escapes repaired); undefined when it is not JSON. */
function planJsonOf(value: unknown): unknown {
  return typeof value === 'string' ? parseMysqlJson(value) : (value ?? undefined);
}

export class MysqlConnections {
  private readonly connections = new WarmConnections<WarmMysql>((warm, graceful) => (graceful ? warm.connection.end() : warm.connection.destroy()));

  constructor(private readonly log: (message: string) => void) {}

  async explain(run: ExplainRun, connection: ConnectionSetting, password: PasswordSource): Promise<ExplainRunResult> {
    const check = checkStatement(run, 'mysql');
    if (!check.ok) return check;
    if (run.analyze && check.prepared.writes) {
      return {
        ok: false,
        failure: { kind: 'not-explainable', message: 'sqlsight does not run a writing statement under ANALYZE on MySQL or MariaDB: writes to non-transactional (MyISAM) tables survive a rollback' },
      };
    }
    const names = check.prepared.parameterNames;
    if (names.length > 0 && check.values === undefined) {
      return { ok: false, failure: { kind: 'needs-parameters', message: `Give values for ${names.join(', ')}: MySQL and MariaDB cannot plan a statement without them`, names } };
    }
    const resolved = resolveMysqlConnection(connection);
    if (!resolved.ok) return resolved;
    const entry = this.connections.entryFor(connection);
    const context: FailureContext = { ...resolved.value.context, timeoutMs: run.statementTimeoutMs };
    return entry.queue.run(async () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const warm = await this.warmConnection(entry, resolved.value, password, run.statementTimeoutMs, connection.name);
        if (!warm.ok) return warm;
        const db = warm.warm.connection;
        const timeout = Math.max(1, Math.round(run.statementTimeoutMs));
        if (run.analyze && !warm.warm.mariadb) {
          return {
            ok: false,
            failure: {
              kind: 'not-explainable',
              message: `MySQL's EXPLAIN ANALYZE answers only in TREE text (JSON only INTO a variable, from 8.3), which sqlsight does not read; explain without ANALYZE (${warm.warm.version})`,
            },
          };
        }
        try {
          await db.query(sessionSettings(warm.warm, timeout));
          await db.query('START TRANSACTION READ ONLY');
        } catch (error) {
          this.connections.drop(entry);
          if (attempt === 0 && isConnectionLost(error)) continue;
          return { ok: false, failure: classifyStatementError(error, context) };
        }
        try {
          const sql = `${run.analyze ? 'ANALYZE' : 'EXPLAIN'} FORMAT=JSON ${check.prepared.text}`;
          const rows = check.values === undefined ? (await db.query({ sql, timeout: timeout + 5000 }))[0] : await executeBound(db, sql, check.values, timeout + 5000);
          await db.query('ROLLBACK');
          const planJson = planJsonOf(firstValue(rows));
          if (planJson === undefined) return { ok: false, failure: { kind: 'error', message: `${context.server} answered EXPLAIN FORMAT=JSON with something that is not JSON` } };
          return {
            ok: true,
            planJson,
            analyzed: run.analyze,
            serverVersion: warm.warm.version,
            verified: [],
            verificationUnavailable: run.candidates.length > 0 ? 'MySQL and MariaDB have no hypothetical indexes, so no index can be measured before it is built' : undefined,
          };
        } catch (error) {
          try {
            await db.query('ROLLBACK');
          } catch {
            this.connections.drop(entry);
          }
          if (isConnectionLost(error) || /timeout/i.test(error instanceof Error ? error.message : '')) this.connections.drop(entry);
          if (isReadOnlyRefusal(error) && !run.analyze && check.prepared.writes) {
            return {
              ok: false,
              failure: {
                kind: 'not-explainable',
                message: `${context.server} refuses even a plain EXPLAIN of ${check.prepared.firstWord ?? 'this statement'} inside a read-only transaction, and sqlsight explains only inside one (a function in the statement could write while it is planned): explain a SELECT with the same FROM and WHERE instead`,
              },
            };
          }
          if (isUnsupportedPrepare(error)) {
            return { ok: false, failure: { kind: 'not-explainable', message: `${context.server} cannot prepare EXPLAIN with parameters: write the values into the statement instead of ?` } };
          }
          return { ok: false, failure: classifyStatementError(error, context) };
        }
      }
      return { ok: false, failure: connectionFailure(`The connection to ${context.server} was lost`) };
    });
  }

  async testConnection(connection: ConnectionSetting, password: PasswordSource, timeoutMs: number): Promise<{ ok: boolean; message: string }> {
    const resolved = resolveMysqlConnection(connection);
    if (!resolved.ok) return { ok: false, message: resolved.failure.message };
    const entry = this.connections.entryFor(connection);
    const connected = await connectMysql(resolved.value, password, timeoutMs, entry.needsPassword);
    if (!connected.ok) return { ok: false, message: connected.failure.message };
    if (connected.needsPassword) entry.needsPassword = true;
    try {
      const [rows] = await connected.connection.query('SELECT VERSION() AS version');
      return { ok: true, message: `Connected to ${resolved.value.context.server}${resolved.value.context.database ? `/${resolved.value.context.database}` : ''}: ${String(firstValue(rows))}` };
    } catch (error) {
      return { ok: false, message: classifyStatementError(error, { ...resolved.value.context, timeoutMs }).message };
    } finally {
      await connected.connection.end().catch(() => undefined);
    }
  }

  dispose(): Promise<void> {
    return this.connections.dispose();
  }

  private async warmConnection(entry: MysqlEntry, resolved: ResolvedMysql, password: PasswordSource, timeoutMs: number, name: string): Promise<{ ok: true; warm: WarmMysql } | { ok: false; failure: ExplainFailure }> {
    if (entry.warm?.alive) return { ok: true, warm: entry.warm };
    const started = Date.now();
    const connected = await connectMysql(resolved, password, timeoutMs, entry.needsPassword);
    if (!connected.ok) {
      this.log(`explain: connection "${name}" to ${resolved.context.server} failed: ${connected.failure.message}`);
      return connected;
    }
    if (connected.needsPassword) entry.needsPassword = true;
    let version: string;
    try {
      const [rows] = await connected.connection.query('SELECT VERSION() AS version');
      version = String(firstValue(rows));
    } catch (error) {
      connected.connection.destroy();
      return { ok: false, failure: classifyStatementError(error, { ...resolved.context, timeoutMs }) };
    }
    const warm: WarmMysql = { connection: connected.connection, alive: true, version, mariadb: /mariadb/i.test(version) };
    const dead = (): void => {
      warm.alive = false;
      if (entry.warm === warm) entry.warm = undefined;
    };
    connected.connection.on('error', dead);
    connected.connection.on('end', dead);
    entry.warm = warm;
    this.log(`explain: connected "${name}" to ${resolved.context.server} (${version}) in ${Date.now() - started} ms`);
    return { ok: true, warm };
  }
}
