// What the database layer offers the language server and the CLI: run EXPLAIN safely against a
// configured connection or the embedded PGlite, and verify index candidates. Types only; the
// implementation lives beside (postgres.ts, embedded.ts, …). The engine parses the plan JSON.
import type { ConnectionSetting, ExplainFailure } from '../protocol';

/** Asks for a connection's password; `retry` after one was refused. Undefined: the user cancelled. */
export type PasswordSource = (retry: boolean) => Promise<string | undefined>;

/** The workspace's migrations, in replay order, for the embedded database. */
export interface EmbeddedSchema {
  /** Identifies the migration set (its folder); the disk cache is kept per key. */
  readonly key: string;
  readonly migrations: readonly { readonly path: string; readonly text: string }[];
  /** Synthetic rows per table (0: empty tables). */
  readonly seedRows: number;
}

export type ExplainTargetSpec =
  | { readonly kind: 'connection'; readonly connection: ConnectionSetting; readonly password: PasswordSource }
  | { readonly kind: 'embedded'; readonly schema: EmbeddedSchema };

/** An index to try: from the engine's advisor. */
export interface IndexCandidate {
  readonly schema: string | undefined;
  readonly table: string;
  readonly columns: readonly string[];
}

export interface ExplainRun {
  /** One statement (a trailing `;` is allowed). */
  readonly statement: string;
  readonly target: ExplainTargetSpec;
  readonly analyze: boolean;
  /** The user confirmed ANALYZE of a statement that writes (it is still rolled back). */
  readonly confirmWrites: boolean;
  /** Values for $1… / ? / :name, in order; undefined: none given (a generic plan is tried). */
  readonly parameters: readonly string[] | undefined;
  readonly statementTimeoutMs: number;
  /** Candidates to verify after the plan: hypopg, or a build in a rolled-back transaction on the embedded database only. */
  readonly candidates: readonly IndexCandidate[];
}

export interface VerifiedCandidate {
  readonly candidate: IndexCandidate;
  readonly method: 'hypothetical-index' | 'built-and-rolled-back';
  readonly costBefore: number;
  readonly costAfter: number;
}

export type ExplainRunResult =
  | {
      readonly ok: true;
      /** The server's `EXPLAIN (FORMAT JSON)` output, parsed from JSON (an array with one object). */
      readonly planJson: unknown;
      readonly analyzed: boolean;
      readonly serverVersion: string;
      /** Candidates whose cost could be measured; the rest are "not cost-verified". */
      readonly verified: readonly VerifiedCandidate[];
      /** Why candidates could not be verified (no hypopg on a live server, MySQL …), when they were not. */
      readonly verificationUnavailable: string | undefined;
      /**
       * The embedded database only: statements of the migrations (or the seeding) that failed, as
       * `path:line: message`; the schema is what the rest built.
       */
      readonly problems?: readonly string[];
    }
  | { readonly ok: false; readonly failure: ExplainFailure };

export interface ExplainService {
  explain(run: ExplainRun): Promise<ExplainRunResult>;
  /** Connects, runs `SELECT version()`, disconnects. */
  testConnection(connection: ConnectionSetting, password: PasswordSource, timeoutMs: number): Promise<{ readonly ok: boolean; readonly message: string }>;
  /** Closes pools and the embedded database. */
  dispose(): Promise<void>;
}
