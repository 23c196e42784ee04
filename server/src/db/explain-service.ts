// The database layer's entry point: one ExplainService that dispatches each run to the embedded
// PGlite, a live PostgreSQL or a MySQL/MariaDB connection, and never throws (a bug in a layer
// below becomes an `error` failure with its message, so the server keeps working).
import type { ConnectionSetting } from '../protocol';
import { EmbeddedDatabases } from './embedded';
import { redact } from './errors';
import type { ExplainRun, ExplainRunResult, ExplainService, PasswordSource } from './explain-types';
import { MysqlConnections } from './mysql';
import { PostgresConnections } from './postgres';

export interface ExplainServiceOptions {
  /** Where the embedded database keeps its initialised copies (VS Code's globalStorage, `~/.cache/sqlsight` …). */
  readonly cacheDir: string;
  /** Progress and problems, for the output channel; never passwords or URLs with passwords. */
  readonly log: (message: string) => void;
}

export function createExplainService(options: ExplainServiceOptions): ExplainService {
  const log = (message: string): void => options.log(redact(message));
  const embedded = new EmbeddedDatabases({ cacheDir: options.cacheDir, log });
  const postgres = new PostgresConnections(log);
  const mysql = new MysqlConnections(log);
  let disposed = false;

  const contained = async <T>(work: () => Promise<T>, failed: (message: string) => T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const message = redact(error instanceof Error ? error.message : String(error));
      log(`explain: unexpected failure: ${error instanceof Error && error.stack ? redact(error.stack) : message}`);
      return failed(message);
    }
  };

  return {
    explain(run: ExplainRun): Promise<ExplainRunResult> {
      return contained<ExplainRunResult>(
        async () => {
          if (disposed) return { ok: false, failure: { kind: 'error', message: 'The explain service was closed' } };
          const target = run.target;
          if (target.kind === 'embedded') return embedded.explain(run, target.schema);
          if (target.connection.dialect === 'postgres') return postgres.explain(run, target.connection, target.password);
          return mysql.explain(run, target.connection, target.password);
        },
        (message) => ({ ok: false, failure: { kind: 'error', message: `Explain failed unexpectedly: ${message}` } }),
      );
    },
    testConnection(connection: ConnectionSetting, password: PasswordSource, timeoutMs: number) {
      return contained(
        () => (connection.dialect === 'postgres' ? postgres.testConnection(connection, password, timeoutMs) : mysql.testConnection(connection, password, timeoutMs)),
        (message) => ({ ok: false, message: `The connection test failed unexpectedly: ${message}` }),
      );
    },
    async dispose() {
      disposed = true;
      await Promise.all([embedded.dispose(), postgres.dispose(), mysql.dispose()].map((promise) => promise.catch(() => undefined)));
    },
  };
}
