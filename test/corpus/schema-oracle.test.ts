// The real-database oracle for the workspace schema model (`npm run test:corpus`): for real
// projects of the shared corpus, the migrations are found and ordered as sqlsight finds them
// (discoverMigrations), replayed into the model, and applied in the same order to a fresh
// PostgreSQL database; the catalog read back must equal the model, except for the differences
// listed with a reason in schema-oracle-allowlist.json. An allow-list entry that no longer matches
// fails too, so fixed model limits leave the list. Projects run on a PostgreSQL server
// (SQLSIGHT_TEST_PG_URL, else the local one at 127.0.0.1:5432; skipped only when neither is there),
// each in a fresh database dropped afterwards even on failure, or, when their migrations need a
// newer PostgreSQL than the local 15, in an in-memory PGlite.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import pg from 'pg';
import { schemaToJson } from '../../server/src/engine';
import { engine } from '../support/engine';
import { readCatalog, type CatalogQuery } from '../support/pg-catalog';
import { assertAllowed, discoveredSet, messageOf, readAllowList, reconstructRepository } from '../support/oracle';
import { comparedCounts, diffSchemas } from '../support/schema-diff';

const allowListPath = join(import.meta.dirname, 'schema-oracle-allowlist.json');
const configuredUrl = process.env.SQLSIGHT_TEST_PG_URL;
const serverUrl = configuredUrl ?? 'postgres://postgres@127.0.0.1:5432/test';

interface SetupStep {
  readonly sql: string;
  /** Why the project needs it on a bare database (a role, an extension its tooling installs). */
  readonly reason: string;
}

interface OracleProject {
  /** The allow-list key and the database name's suffix. */
  readonly name: string;
  /** The repository as MANIFEST.tsv names it. */
  readonly repository: string;
  /** The migration set's folder, as a path in the repository. */
  readonly migrationsFolder: string;
  /**
   * `server`: a fresh database on the PostgreSQL server (15 locally). `pglite`: an in-memory
   * PGlite (PostgreSQL 18), for a project whose migrations need a newer server, with the
   * extensions it creates.
   */
  readonly database: { readonly kind: 'server' } | { readonly kind: 'pglite'; readonly reason: string; readonly extensions: Extensions };
  readonly setup: readonly SetupStep[];
}

const projects: readonly OracleProject[] = [
  { name: 'crates.io', repository: 'rust-lang/crates.io', migrationsFolder: 'migrations', database: { kind: 'server' }, setup: [] },
  {
    name: 'lemmy',
    repository: 'LemmyNet/lemmy',
    migrationsFolder: 'migrations',
    database: {
      kind: 'pglite',
      reason: 'lemmy needs PostgreSQL 16 or later: 2025-08-01-000016_smoosh-tables-together uses a subquery in FROM without an alias',
      extensions: { ltree, pg_trgm, pgcrypto },
    },
    setup: [
      {
        sql: 'CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
        reason: "diesel creates its bookkeeping table before the first migration; 2025-08-01-000017_forbid_diesel_cli puts a trigger on it",
      },
    ],
  },
  { name: 'documenso', repository: 'documenso/documenso', migrationsFolder: 'packages/prisma/migrations', database: { kind: 'server' }, setup: [] },
  { name: 'langfuse', repository: 'langfuse/langfuse', migrationsFolder: 'packages/shared/prisma/migrations', database: { kind: 'server' }, setup: [] },
  { name: 'kratos', repository: 'ory/kratos', migrationsFolder: 'persistence/sql/migrations/sql', database: { kind: 'server' }, setup: [] },
];

/** Whether the server answers; undefined when it does, else why not. */
async function unreachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const reachability = unreachable();

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Constants in defaults are shown in these settings' formats: fixed, so allow-list lines do not depend on the server's configuration. */
const sessionSettings = "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, MDY'; SET IntervalStyle TO 'postgres'";

/** A fresh database a project's migrations are applied to, on the server or in PGlite. */
interface OracleDatabase {
  /** Runs SQL text of one or more statements (simple query protocol). */
  run(sql: string): Promise<void>;
  readonly query: CatalogQuery;
  /** Closes it and drops what it created, also after a failure. */
  dispose(): Promise<void>;
}

async function serverDatabase(name: string): Promise<OracleDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let client: pg.Client | undefined;
  const dispose = async (): Promise<void> => {
    await client?.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  };
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const connected = new pg.Client({ connectionString: url.toString() });
    client = connected;
    await connected.connect();
    // Notices (a nested BEGIN, IF EXISTS on nothing) are expected from real migrations.
    connected.on('notice', () => undefined);
    await connected.query(sessionSettings);
    return {
      run: async (sql) => {
        await connected.query(sql);
      },
      query: async (sql) => (await connected.query(sql)).rows,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function pgliteDatabase(extensions: Extensions): Promise<OracleDatabase> {
  const database = await PGlite.create({ extensions });
  await database.exec(sessionSettings);
  return {
    run: async (sql) => {
      await database.exec(sql);
    },
    query: async (sql) => (await database.query<Record<string, unknown>>(sql)).rows,
    dispose: () => database.close(),
  };
}

/** A migration file as the database gets it: its whole text, or its statements one by one. */
interface MigrationText {
  readonly path: string;
  readonly text: string;
  readonly statements: readonly string[];
  /** The file has its own BEGIN/COMMIT: it decides its transactions. */
  readonly ownsTransactions: boolean;
}

async function runStatements(database: OracleDatabase, file: MigrationText): Promise<void> {
  for (const statement of file.statements) {
    try {
      await database.run(statement);
    } catch (error) {
      throw new Error(`${file.path}: ${messageOf(error)}\n  in: ${statement.slice(0, 200)}`, { cause: error });
    }
  }
}

/**
 * Runs one migration file as its tool would: in one transaction, or, when a statement cannot run in
 * one (CREATE INDEX CONCURRENTLY: SQLSTATE 25001), statement by statement outside a transaction.
 * A file with its own BEGIN/COMMIT runs statement by statement from the start, as psql runs it, so
 * its transactions are its own and nothing it committed runs twice.
 */
async function applyFile(database: OracleDatabase, file: MigrationText): Promise<'transaction' | 'statements'> {
  if (!file.ownsTransactions) {
    try {
      await database.run('BEGIN');
      await database.run(file.text);
      await database.run('COMMIT');
      return 'transaction';
    } catch (error) {
      // Keeps the migration's error when the rollback fails too.
      await database.run('ROLLBACK').catch(() => undefined);
      if (sqlState(error) !== '25001') throw new Error(`${file.path}: ${messageOf(error)}`, { cause: error });
    }
  }
  await runStatements(database, file);
  return 'statements';
}

interface ProjectOutcome {
  readonly differences: string[];
  readonly report: string;
}

async function runProject(project: OracleProject): Promise<ProjectOutcome> {
  const started = performance.now();
  const root = reconstructRepository(project.repository, ['pg']);
  try {
    const set = await discoveredSet(root, project.name, project.migrationsFolder, {});
    const replayed = set.files.filter((file) => file.role !== 'down');
    const texts = new Map(set.files.map((file) => [file.path, readFileSync(file.path, 'utf8')]));
    const read = (path: string): string => texts.get(path) ?? readFileSync(path, 'utf8');

    const analyzer = await engine();
    const workspace = analyzer.createWorkspaceSchema('postgres');
    workspace.setMigrations(
      set.files.map((file) => ({ path: file.path, role: file.role, ...(file.upPath === undefined ? {} : { upPath: file.upPath }) })),
      read,
    );
    const model = schemaToJson(workspace.final());
    const modelled = performance.now();

    const database =
      project.database.kind === 'server'
        ? await serverDatabase(`sqlsight_oracle_${project.name.replace(/\W+/g, '_')}`)
        : await pgliteDatabase(project.database.extensions);
    try {
      for (const step of project.setup) await database.run(step.sql);
      let statementByStatement = 0;
      for (const file of replayed) {
        const text = read(file.path);
        const statements = analyzer.replay(text);
        const migration: MigrationText = {
          path: file.path.slice(root.length + 1),
          text,
          statements: statements.map((statement) => text.slice(statement.range.start, statement.range.end)),
          ownsTransactions: statements.some((statement) => statement.kind === 'transaction'),
        };
        if ((await applyFile(database, migration)) === 'statements') statementByStatement++;
      }
      const catalog = await readCatalog(database.query);
      const differences = diffSchemas(model, catalog);
      const counts = comparedCounts(model, catalog);
      const finished = performance.now();
      const report =
        `${project.name}: ${set.convention} set, ${replayed.length} files applied to ${project.database.kind === 'server' ? 'PostgreSQL' : 'PGlite'} ` +
        `(${statementByStatement} statement by statement); compared ${counts.tables} tables, ${counts.columns} columns, ${counts.indexes} indexes, ` +
        `${counts.foreignKeys} foreign keys; ${differences.length} differences; model ${Math.round(modelled - started)} ms, database ${Math.round(finished - modelled)} ms`;
      return { differences, report };
    } finally {
      await database.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function checkProject(context: TestContext, project: OracleProject): Promise<void> {
  const why = project.database.kind === 'server' ? await reachability : undefined;
  if (why !== undefined) {
    // An explicitly configured server must be there; the default local one is optional.
    assert.equal(configuredUrl, undefined, `SQLSIGHT_TEST_PG_URL is set but the server is unreachable: ${why}`);
    context.skip(`PostgreSQL is not reachable at 127.0.0.1:5432 (${why}) and SQLSIGHT_TEST_PG_URL is unset`);
    return;
  }
  const allowed = readAllowList(allowListPath)[project.name] ?? [];
  const { differences, report } = await runProject(project);
  context.diagnostic(report);
  assertAllowed(project.name, differences, allowed, { server: 'PostgreSQL', allowList: 'schema-oracle-allowlist.json' });
}

describe('schema oracle: the model against PostgreSQL', () => {
  it('has an allow-list naming only known projects', () => {
    const names = new Set(projects.map((project) => project.name));
    assert.deepEqual(Object.keys(readAllowList(allowListPath)).filter((name) => !names.has(name)), []);
  });

  for (const project of projects) it(project.name, { timeout: 300_000 }, (context) => checkProject(context, project));
});
