// EXPLAIN on PostgreSQL, safely: one statement, in a transaction that is read-only (unless the user
// confirmed EXPLAIN ANALYZE of a writing statement), with statement and lock timeouts, always
// rolled back. The transaction logic works on any `SqlSession` (a `pg` client, or the embedded
// PGlite); the connection part keeps one warm `pg` client per configured connection, asks for a
// password only when the server wants one, and never logs a password or a URL that holds one.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { ConnectionSetting, ExplainFailure } from '../protocol';
import { classifyConnectError, classifyStatementError, connectionFailure, isConnectionLost, redact, sqlStateOf, type FailureContext } from './errors';
import type { ExplainRun, ExplainRunResult, IndexCandidate, PasswordSource, VerifiedCandidate } from './explain-types';
import { verifyWithHypopg } from './hypopg';
import { parameterValue, prepareStatement, type PreparedText } from './statement-text';
import { WarmConnections, type WarmEntry } from './warm-connections';

/** One database session: the extended protocol (bound values, one statement) or the simple one. */
export interface SqlSession {
  query(text: string, values?: readonly (string | null)[]): Promise<readonly Record<string, unknown>[]>;
  /** The simple protocol: EXPLAIN (GENERIC_PLAN) needs it, and so do our own multi-statement texts. Rows of the last result. */
  simple(text: string): Promise<readonly Record<string, unknown>[]>;
}

/** A plain EXPLAIN of the statement, again, inside the same transaction: for measuring candidates. */
export interface PlanProbe {
  totalCost(): Promise<number>;
}

export interface VerificationOutcome {
  readonly verified: readonly VerifiedCandidate[];
  readonly unavailable: string | undefined;
}

export interface SessionExplainInput {
  readonly prepared: PreparedText;
  /** Values in placeholder order; undefined: none given (a generic plan). */
  readonly values: readonly (string | null)[] | undefined;
  readonly analyze: boolean;
  readonly serverVersionNum: number;
}

export type SessionExplainOutcome =
  | { readonly ok: true; readonly planJson: unknown; readonly verified: readonly VerifiedCandidate[]; readonly verificationUnavailable: string | undefined }
  | { readonly ok: false; readonly failure: ExplainFailure };

/** What is decided before anything is sent: the text, whether it may run, and its values. */
export type StatementCheck = { readonly ok: true; readonly prepared: PreparedText; readonly values: readonly (string | null)[] | undefined } | { readonly ok: false; readonly failure: ExplainFailure };

export function checkStatement(run: ExplainRun, dialect: 'postgres' | 'mysql'): StatementCheck {
  const prepared = prepareStatement(run.statement, dialect);
  if (!prepared.ok) return { ok: false, failure: { kind: 'not-explainable', message: `This cannot be explained: ${prepared.message}` } };
  if (prepared.value.firstWord === 'EXPLAIN' || prepared.value.firstWord === 'ANALYZE') {
    return { ok: false, failure: { kind: 'not-explainable', message: 'The statement is already an EXPLAIN: explain the query itself' } };
  }
  if (run.analyze && prepared.value.writes && !run.confirmWrites) {
    return {
      ok: false,
      failure: {
        kind: 'writes-need-confirmation',
        message: `EXPLAIN ANALYZE runs the statement, and this ${prepared.value.firstWord === undefined ? '' : `${prepared.value.firstWord} `}statement may write: confirm to run it inside a transaction that is rolled back`,
      },
    };
  }
  const names = prepared.value.parameterNames;
  if (run.parameters === undefined || names.length === 0) return { ok: true, prepared: prepared.value, values: undefined };
  if (run.parameters.length !== names.length) {
    return {
      ok: false,
      failure: {
        kind: 'needs-parameters',
        message: `The statement has ${names.length} parameter${names.length === 1 ? '' : 's'} (${names.join(', ')}) but ${run.parameters.length} value${run.parameters.length === 1 ? ' was' : 's were'} given`,
        names,
      },
    };
  }
  const given = run.parameters.map(parameterValue);
  return { ok: true, prepared: prepared.value, values: prepared.value.valueOrder.map((index) => given[index] ?? null) };
}

/** `Plan."Total Cost"` of an `EXPLAIN (FORMAT JSON)` result. */
export function totalCostOf(planJson: unknown): number | undefined {
  if (!Array.isArray(planJson)) return undefined;
  const first: unknown = planJson[0];
  if (!isRecord(first) || !isRecord(first.Plan)) return undefined;
  const cost = first.Plan['Total Cost'];
  return typeof cost === 'number' ? cost : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Opens the explain transaction: read-only unless this is a confirmed ANALYZE of a writing statement,
 * with `statement_timeout` and `lock_timeout` (at most 5 s: waiting for a migration's lock is
 * not worth more) set for it only. One round trip.
 */
export async function beginExplainTransaction(session: SqlSession, options: { readonly readOnly: boolean; readonly timeoutMs: number }): Promise<void> {
  const timeout = Math.max(1, Math.round(options.timeoutMs));
  const lockTimeout = Math.min(timeout, 5000);
  await session.simple(`BEGIN; ${options.readOnly ? 'SET TRANSACTION READ ONLY; ' : ''}SET LOCAL statement_timeout = ${timeout}; SET LOCAL lock_timeout = ${lockTimeout}`);
}

/** True when the explain transaction must not be read-only: a confirmed ANALYZE of a writing statement. */
export function explainWrites(input: { readonly analyze: boolean; readonly prepared: PreparedText }): boolean {
  return input.analyze && input.prepared.writes;
}

/**
 * The plan (and, when asked, the candidates' verification) inside a transaction the caller began;
 * always rolled back here. Driver errors are thrown for the caller to classify.
 */
export async function explainInTransaction(
  session: SqlSession,
  input: SessionExplainInput,
  verify: ((probe: PlanProbe) => Promise<VerificationOutcome>) | undefined,
): Promise<SessionExplainOutcome> {
  const preparedNames: string[] = [];
  try {
    const plan = await planFor(session, input, input.analyze, preparedNames);
    let verification: VerificationOutcome = { verified: [], unavailable: undefined };
    if (plan.ok && verify) {
      const probe: PlanProbe = {
        totalCost: async () => {
          const measured = await planFor(session, input, false, preparedNames);
          if (!measured.ok) throw new Error(measured.failure.message);
          const cost = totalCostOf(measured.planJson);
          if (cost === undefined) throw new Error('the plan has no total cost');
          return cost;
        },
      };
      await session.simple('SAVEPOINT sqlsight_verify');
      try {
        verification = await verify(probe);
        await session.simple('RELEASE SAVEPOINT sqlsight_verify');
      } catch (error) {
        await session.simple('ROLLBACK TO SAVEPOINT sqlsight_verify');
        verification = { verified: [], unavailable: `the candidates could not be measured: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    await session.simple('ROLLBACK');
    if (!plan.ok) return plan;
    return { ok: true, planJson: plan.planJson, verified: verification.verified, verificationUnavailable: verification.unavailable };
  } catch (error) {
    try {
      await session.simple('ROLLBACK');
    } catch {
      throw new SessionBroken(error);
    }
    throw error;
  } finally {
    // Prepared statements outlive a rollback (they are not transactional).
    for (const name of preparedNames) await session.simple(`DEALLOCATE ${name}`).catch(() => undefined);
  }
}

/** The transaction could not be rolled back: the session is in an unknown state and must be closed. */
export class SessionBroken extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

let preparedCounter = 0;

/**
 * EXPLAIN by the method the parameters allow: values bound over the extended protocol (which also
 * refuses a second statement); no parameters: the same; parameters without values: a generic plan,
 * `EXPLAIN (GENERIC_PLAN)` on PostgreSQL 16+ over the simple protocol, else `PREPARE` +
 * `plan_cache_mode = force_generic_plan` + `EXPLAIN EXECUTE p(NULL, …)` (Dexter's method; a
 * prepared statement is re-created per EXPLAIN because its cached plan would ignore a
 * hypothetical index created after it).
 */
async function planFor(session: SqlSession, input: SessionExplainInput, analyze: boolean, preparedNames: string[]): Promise<{ ok: true; planJson: unknown } | { ok: false; failure: ExplainFailure }> {
  const options = analyze ? 'ANALYZE, BUFFERS, FORMAT JSON' : 'FORMAT JSON';
  const { text, parameterNames } = input.prepared;
  if (parameterNames.length === 0 || input.values !== undefined) {
    const rows = await session.query(`EXPLAIN (${options}) ${text}`, input.values);
    return { ok: true, planJson: rows[0]?.['QUERY PLAN'] };
  }
  const needsValues = (why: string): { ok: false; failure: ExplainFailure } => ({
    ok: false,
    failure: { kind: 'needs-parameters', message: `Give values for ${parameterNames.join(', ')}: ${why}`, names: parameterNames },
  });
  if (analyze) return needsValues('EXPLAIN ANALYZE runs the statement, which needs its parameters');
  // The simple protocol would run a second statement, so the text goes there only when our lexer
  // reads strings as the server does: with standard_conforming_strings off, a backslash in '…'
  // escapes, and `'\'' ; COMMIT; …` would hide a statement from us. Then PREPARE (which the server
  // itself limits to one statement) is used instead.
  if (input.serverVersionNum >= 160000 && (await conformingStrings(session))) {
    await session.simple('SAVEPOINT sqlsight_generic');
    try {
      const rows = await session.simple(`EXPLAIN (GENERIC_PLAN, FORMAT JSON) ${text}`);
      await session.simple('RELEASE SAVEPOINT sqlsight_generic');
      return { ok: true, planJson: rows[0]?.['QUERY PLAN'] };
    } catch (error) {
      if (!isParameterTypeError(error)) throw error;
      await session.simple('ROLLBACK TO SAVEPOINT sqlsight_generic');
      return needsValues(`the server cannot plan the statement without them (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (input.serverVersionNum < 120000) return needsValues('servers before PostgreSQL 12 cannot make a generic plan');
  preparedCounter += 1;
  const name = `sqlsight_explain_${preparedCounter}`;
  await session.simple('SAVEPOINT sqlsight_generic');
  try {
    await session.query(`PREPARE ${name} AS ${text}`);
  } catch (error) {
    if (!isParameterTypeError(error)) throw error;
    await session.simple('ROLLBACK TO SAVEPOINT sqlsight_generic');
    return needsValues(`the server cannot plan the statement without them (${error instanceof Error ? error.message : String(error)})`);
  }
  preparedNames.push(name);
  await session.simple('RELEASE SAVEPOINT sqlsight_generic');
  const types = await session.query('SELECT cardinality(parameter_types) AS count FROM pg_prepared_statements WHERE name = $1', [name]);
  const count = Number(types[0]?.count ?? parameterNames.length);
  await session.simple('SET LOCAL plan_cache_mode = force_generic_plan');
  const nulls = Array.from({ length: count }, () => 'NULL').join(', ');
  const rows = await session.simple(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${count > 0 ? `(${nulls})` : ''}`);
  return { ok: true, planJson: rows[0]?.['QUERY PLAN'] };
}

async function conformingStrings(session: SqlSession): Promise<boolean> {
  const rows = await session.query("SELECT current_setting('standard_conforming_strings') AS value");
  return rows[0]?.value === 'on';
}

/** "could not determine data type of parameter $1" and its kin. */
function isParameterTypeError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === '42P18' || state === '42P02' || state === '42804' || state === '42725';
}

// --- Connections -------------------------------------------------------------------------------

/** Connection settings resolved for `pg`, and how to name the server in messages. */
export interface ResolvedPostgres {
  readonly config: pg.ClientConfig;
  readonly passwordInUrl: boolean;
  readonly context: Omit<FailureContext, 'timeoutMs'>;
  /** Where the password came from, for the message when it is refused. */
  readonly source: string;
}

/** The settings `pg` needs, from host/port/… or the URL in `urlFromEnv`; never throws. */
export function resolvePostgresConnection(connection: ConnectionSetting): { ok: true; value: ResolvedPostgres } | { ok: false; failure: ExplainFailure } {
  let ssl: pg.ClientConfig['ssl'];
  const setting = connection.ssl;
  if (setting === true) ssl = { rejectUnauthorized: true };
  else if (typeof setting === 'object') {
    let ca: string | undefined;
    if (setting.ca !== undefined) {
      try {
        ca = readFileSync(setting.ca, 'utf8');
      } catch (error) {
        return { ok: false, failure: connectionFailure(`Could not read the CA file ${setting.ca} of connection "${connection.name}": ${error instanceof Error ? error.message : String(error)}`) };
      }
    }
    ssl = { rejectUnauthorized: setting.rejectUnauthorized ?? true, ...(ca === undefined ? {} : { ca }) };
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
      return { ok: false, failure: connectionFailure(`The environment variable ${connection.urlFromEnv} does not hold a URL like postgres://user@host:5432/database`) };
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      return { ok: false, failure: connectionFailure(`The environment variable ${connection.urlFromEnv} holds a ${parsed.protocol.replace(':', '')} URL, not postgres://`) };
    }
    const socketHost = parsed.searchParams.get('host') ?? undefined;
    const host = socketHost ?? (decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost');
    const port = parsed.port === '' ? 5432 : Number(parsed.port);
    const user = parsed.username === '' ? connection.user : decodeURIComponent(parsed.username);
    const database = parsed.pathname.length > 1 ? decodeURIComponent(parsed.pathname.slice(1)) : connection.database;
    const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
    if (ssl === undefined) ssl = sslFromMode(parsed.searchParams.get('sslmode'));
    return {
      ok: true,
      value: {
        config: { host, port, user, database, ssl, ...(password === undefined ? {} : { password }) },
        passwordInUrl: password !== undefined,
        context: { server: host.startsWith('/') ? host : `${host}:${port}`, user, database },
        source: `the URL in ${connection.urlFromEnv}`,
      },
    };
  }
  const host = connection.host ?? 'localhost';
  const port = connection.port ?? 5432;
  return {
    ok: true,
    value: {
      config: { host, port, user: connection.user, database: connection.database, ssl },
      passwordInUrl: false,
      context: { server: host.startsWith('/') ? host : `${host}:${port}`, user: connection.user, database: connection.database },
      source: `connection "${connection.name}"`,
    },
  };
}

/** libpq's sslmode: `require` encrypts without checking the certificate; `verify-*` check it. */
function sslFromMode(mode: string | null): pg.ClientConfig['ssl'] {
  if (mode === 'require' || mode === 'prefer') return { rejectUnauthorized: false };
  if (mode === 'verify-ca' || mode === 'verify-full') return { rejectUnauthorized: true };
  return undefined;
}

/** Thrown by the password callback the first time: the server wants a password, ask for it off the clock. */
class PasswordWanted extends Error {}

type Connected = { ok: true; client: pg.Client } | { ok: false; failure: ExplainFailure };

/**
 * Connects within `timeoutMs`. The first attempt sends no password; if the server asks for one the
 * attempt stops, the source is asked (no timer runs while the user types), and a second attempt
 * sends it. A refused password (28P01) asks once more with `retry`; a second refusal fails.
 */
export async function connectPostgres(resolved: ResolvedPostgres, password: PasswordSource, timeoutMs: number, knownToNeedPassword: boolean): Promise<Connected & { needsPassword?: boolean }> {
  const context: FailureContext = { ...resolved.context, timeoutMs };
  let needsPassword = knownToNeedPassword && !resolved.passwordInUrl;
  let retry = false;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    let given: string | undefined;
    if (needsPassword) {
      given = await password(retry);
      if (given === undefined) return { ok: false, failure: connectionFailure(`No password was given for ${resolved.context.user ?? 'the user'} at ${resolved.context.server}; the connection was not opened`) };
    }
    const client = new pg.Client({
      ...resolved.config,
      password: resolved.passwordInUrl ? resolved.config.password : (given ?? (() => Promise.reject(new PasswordWanted('password wanted')))),
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs + 5000,
      keepAlive: true,
      application_name: 'sqlsight',
    });
    client.on('error', () => undefined);
    try {
      await withDeadline(client.connect(), timeoutMs + 1000, () => new Error('timeout expired while connecting'));
      return { ok: true, client, needsPassword };
    } catch (error) {
      await client.end().catch(() => undefined);
      if (error instanceof PasswordWanted) {
        needsPassword = true;
        continue;
      }
      if (sqlStateOf(error) === '28P01') {
        if (resolved.passwordInUrl) return { ok: false, failure: connectionFailure(`The server at ${resolved.context.server} refused the password in ${resolved.source} for ${resolved.context.user ?? 'the user'}`) };
        if (given !== undefined && !retry) {
          retry = true;
          continue;
        }
      }
      return { ok: false, failure: classifyConnectError(error, context) };
    }
  }
  return { ok: false, failure: connectionFailure(`Could not log in to ${resolved.context.server}`) };
}

function withDeadline<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A `pg` client as an SqlSession. */
export function clientSession(client: pg.Client): SqlSession {
  return {
    async query(text, values) {
      const config: pg.QueryConfig & { readonly queryMode: 'extended' } = { text, values: values === undefined ? [] : [...values], queryMode: 'extended' };
      const result = await client.query(config);
      return result.rows;
    },
    async simple(text) {
      const result: unknown = await client.query(text);
      const last: unknown = Array.isArray(result) ? result[result.length - 1] : result;
      return isRecord(last) && Array.isArray(last.rows) ? last.rows.filter(isRecord) : [];
    },
  };
}

interface WarmClient {
  readonly client: pg.Client;
  alive: boolean;
  readonly version: string;
  readonly versionNum: number;
}

type ConnectionEntry = WarmEntry<WarmClient>;

async function serverVersion(session: SqlSession): Promise<{ version: string; versionNum: number }> {
  const rows = await session.query("SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num");
  const row = rows[0];
  return { version: String(row?.version ?? 'unknown'), versionNum: Number(row?.num ?? 0) };
}

/** Live PostgreSQL connections: one warm client per configured connection. */
export class PostgresConnections {
  private readonly connections = new WarmConnections<WarmClient>((warm) => warm.client.end());

  constructor(private readonly log: (message: string) => void) {}

  async explain(run: ExplainRun, connection: ConnectionSetting, password: PasswordSource): Promise<ExplainRunResult> {
    const check = checkStatement(run, 'postgres');
    if (!check.ok) return check;
    const resolved = resolvePostgresConnection(connection);
    if (!resolved.ok) return resolved;
    const entry = this.connections.entryFor(connection);
    const context: FailureContext = { ...resolved.value.context, timeoutMs: run.statementTimeoutMs };
    return entry.queue.run(async () => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const warm = await this.warmClient(entry, resolved.value, password, run.statementTimeoutMs, connection.name);
        if (!warm.ok) return warm;
        const session = clientSession(warm.warm.client);
        try {
          await beginExplainTransaction(session, { readOnly: !explainWrites({ analyze: run.analyze, prepared: check.prepared }), timeoutMs: run.statementTimeoutMs });
        } catch (error) {
          this.connections.drop(entry);
          // The warm connection died while idle (a server restart): connect again once.
          if (attempt === 0 && isConnectionLost(error)) continue;
          return { ok: false, failure: classifyStatementError(error, context) };
        }
        const verify = run.candidates.length === 0 ? undefined : (probe: PlanProbe) => verifyWithHypopg(session, probe, run.candidates, this.log);
        try {
          const outcome = await explainInTransaction(session, { prepared: check.prepared, values: check.values, analyze: run.analyze, serverVersionNum: warm.warm.versionNum }, verify);
          if (!outcome.ok) return outcome;
          return { ok: true, planJson: outcome.planJson, analyzed: run.analyze, serverVersion: warm.warm.version, verified: outcome.verified, verificationUnavailable: outcome.verificationUnavailable };
        } catch (error) {
          // A server error was rolled back and the session is fine; anything else closes it.
          if (error instanceof SessionBroken || sqlStateOf(error) === undefined) this.connections.drop(entry);
          return { ok: false, failure: classifyStatementError(error instanceof SessionBroken ? error.original : error, context) };
        }
      }
      return { ok: false, failure: connectionFailure(`The connection to ${context.server} was lost`) };
    });
  }

  async testConnection(connection: ConnectionSetting, password: PasswordSource, timeoutMs: number): Promise<{ ok: boolean; message: string }> {
    const resolved = resolvePostgresConnection(connection);
    if (!resolved.ok) return { ok: false, message: resolved.failure.message };
    const entry = this.connections.entryFor(connection);
    const connected = await connectPostgres(resolved.value, password, timeoutMs, entry.needsPassword);
    if (!connected.ok) return { ok: false, message: connected.failure.message };
    if (connected.needsPassword) entry.needsPassword = true;
    try {
      const rows = await clientSession(connected.client).query('SELECT version() AS version');
      const version = String(rows[0]?.version ?? '');
      return { ok: true, message: `Connected to ${resolved.value.context.server}${resolved.value.context.database ? `/${resolved.value.context.database}` : ''}: ${version}` };
    } catch (error) {
      return { ok: false, message: classifyStatementError(error, { ...resolved.value.context, timeoutMs }).message };
    } finally {
      await connected.client.end().catch(() => undefined);
    }
  }

  dispose(): Promise<void> {
    return this.connections.dispose();
  }

  private async warmClient(entry: ConnectionEntry, resolved: ResolvedPostgres, password: PasswordSource, timeoutMs: number, name: string): Promise<{ ok: true; warm: WarmClient } | { ok: false; failure: ExplainFailure }> {
    if (entry.warm?.alive) return { ok: true, warm: entry.warm };
    const started = Date.now();
    const connected = await connectPostgres(resolved, password, timeoutMs, entry.needsPassword);
    if (!connected.ok) {
      this.log(`explain: connection "${name}" to ${resolved.context.server} failed: ${redact(connected.failure.message)}`);
      return connected;
    }
    if (connected.needsPassword) entry.needsPassword = true;
    let version: { version: string; versionNum: number };
    try {
      version = await serverVersion(clientSession(connected.client));
    } catch (error) {
      await connected.client.end().catch(() => undefined);
      return { ok: false, failure: classifyStatementError(error, { ...resolved.context, timeoutMs }) };
    }
    const warm: WarmClient = { client: connected.client, alive: true, ...version };
    const dead = (): void => {
      warm.alive = false;
      if (entry.warm === warm) entry.warm = undefined;
    };
    connected.client.on('error', dead);
    connected.client.on('end', dead);
    entry.warm = warm;
    this.log(`explain: connected "${name}" to ${resolved.context.server} (PostgreSQL ${version.version}) in ${Date.now() - started} ms`);
    return { ok: true, warm };
  }
}

export type { IndexCandidate };
