// The real-database oracle for the MySQL/MariaDB schema model (`npm run test:corpus`), the twin of
// schema-oracle.test.ts: for real projects of the shared corpus, the migration set is found and
// ordered as sqlsight finds it (discoverMigrations, dialect mariadb), replayed into the model, and
// its files applied statement by statement, in the same order, to a fresh MariaDB database
// (SQLSIGHT_TEST_MYSQL_URL, which `.ci/run` sets; created here and dropped afterwards even on
// failure). information_schema read back (mysql-catalog.ts) must equal the model, except for the
// differences listed with a reason in mysql-schema-oracle-allowlist.json; an entry that matches no
// difference any more fails too. A statement the server refuses fails the test unless the project
// lists it, with the reason, under `refused`; a listed statement is left out of the model too (so
// both sides run the same migrations), and must still be refused.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type mysql from 'mysql2/promise';
import { schemaToJson } from '../../server/src/engine';
import type { ServerVersion } from '../../server/src/engine/config';
import type { MigrationsConfig } from '../../server/src/io/migrations';
import { liveMysqlUrl } from '../db/support';
import { engine } from '../support/engine';
import { catalogQuery, clientStatements, connectMariadb, mariadbVersion, withScratchDatabase } from '../support/mariadb';
import { readMysqlCatalog } from '../support/mysql-catalog';
import { assertAllowed, discoveredSet, messageOf, readAllowList, reconstructRepository, type CorpusDialect } from '../support/oracle';
import { comparedCounts, diffSchemas } from '../support/schema-diff';

const allowListPath = join(import.meta.dirname, 'mysql-schema-oracle-allowlist.json');

/** A statement MariaDB refuses, identified by its file and how its text starts, and why. */
interface RefusedStatement {
  /** The file's path in the repository. */
  readonly file: string;
  /** The statement's first characters, whitespace collapsed. */
  readonly startsWith: string;
  readonly reason: string;
}

interface MysqlOracleProject {
  /** The allow-list key and part of the database name. */
  readonly name: string;
  /** The repository as MANIFEST.tsv names it. */
  readonly repository: string;
  /** The corpus folders its files come from (pop's files for every database are in `pg`). */
  readonly corpus: readonly CorpusDialect[];
  /** The migration set's folder, as a path in the repository. */
  readonly migrationsFolder: string;
  /** sqlsight.json's `migrations` when detection cannot find the set, and why. */
  readonly configured?: { readonly migrations: NonNullable<MigrationsConfig['migrations']>; readonly reason: string };
  /** Session statements the project's migration runner issues before the migrations, and why. */
  readonly setup: readonly { readonly sql: string; readonly reason: string }[];
  readonly refused: readonly RefusedStatement[];
}

const projects: readonly MysqlOracleProject[] = [
  {
    name: 'kratos',
    repository: 'ory/kratos',
    corpus: ['mysql', 'pg'],
    migrationsFolder: 'persistence/sql/migrations/sql',
    setup: [],
    refused: [
      {
        file: 'persistence/sql/migrations/sql/20200317160354000002_create_profile_request_forms.mysql.up.sql',
        startsWith: 'INSERT INTO selfservice_profile_management_request_methods',
        reason:
          "MariaDB's strict mode refuses an INSERT … SELECT that leaves a NOT NULL column without a default (created_at) even when it selects no rows (error 1364); MySQL 8, kratos' target, inserts nothing. A data migration: no schema effect",
      },
      {
        file: 'persistence/sql/migrations/sql/20260408000000000000_create_pending_traits_changes.mysql.up.sql',
        startsWith: 'CREATE UNIQUE INDEX identity_pending_traits_changes_nid_identity_pending_idx',
        reason:
          'MariaDB does not index a virtual column whose value depends on sql_mode (a CASE over the CHAR column identity_id, PAD_CHAR_TO_FULL_LENGTH; error 1901); MySQL 8 builds the index. Left out of the model too',
      },
    ],
  },
  {
    name: 'vaultwarden',
    repository: 'dani-garcia/vaultwarden',
    corpus: ['mysql'],
    migrationsFolder: 'migrations/mysql',
    setup: [
      {
        sql: 'SET foreign_key_checks = 0',
        reason: 'vaultwarden runs its MySQL migrations with foreign key checks off (src/db/mod.rs, mysql_migrations::run_migrations): its first migration references folders before creating it',
      },
    ],
    refused: [],
  },
  {
    name: 'umami',
    repository: 'umami-software/umami',
    corpus: ['mysql'],
    migrationsFolder: 'db/mysql/migrations',
    setup: [],
    refused: [
      {
        file: 'db/mysql/migrations/05_add_visit_id/migration.sql',
        startsWith: 'UPDATE `website_event` we JOIN',
        reason: 'BIN_TO_UUID is a MySQL 8 function MariaDB does not have (umami supports MySQL only); a data migration filling visit_id: no schema effect',
      },
    ],
  },
  {
    name: 'authelia',
    repository: 'authelia/authelia',
    corpus: ['mysql'],
    migrationsFolder: 'internal/storage/migrations/mysql',
    configured: {
      migrations: ['internal/storage/migrations/mysql/*.up.sql'],
      reason:
        "authelia's own runner names files V0001.Initial_Schema.up.sql, which no convention sqlsight detects; listed by a glob they replay in file-name order, which is authelia's version order (4-digit versions)",
    },
    setup: [],
    refused: [],
  },
  {
    name: 'uaa',
    repository: 'cloudfoundry/uaa',
    corpus: ['mysql'],
    migrationsFolder: 'server/src/main/resources/org/cloudfoundry/identity/uaa/db/mysql',
    configured: {
      migrations: ['server/src/main/resources/org/cloudfoundry/identity/uaa/db/mysql'],
      reason: 'the folder is 10 levels deep, below the depth detection searches (8); listed, its Flyway files are ordered by version',
    },
    setup: [],
    refused: [
      {
        file: 'server/src/main/resources/org/cloudfoundry/identity/uaa/db/mysql/V4_103__mysql_specific_align_collation.sql',
        startsWith: 'ALTER TABLE SPRING_SESSION MODIFY COLUMN PRIMARY_ID',
        reason:
          'MariaDB does not change the collation of a column a foreign key uses, even with foreign_key_checks = 0 (error 1832); MySQL 8 does, which is why uaa names this migration mysql_specific. Left out of the model too',
      },
      {
        file: 'server/src/main/resources/org/cloudfoundry/identity/uaa/db/mysql/V4_103__mysql_specific_align_collation.sql',
        startsWith: 'ALTER TABLE SPRING_SESSION_ATTRIBUTES MODIFY COLUMN SESSION_PRIMARY_ID',
        reason: 'The other side of the same foreign key (see SPRING_SESSION.PRIMARY_ID): MariaDB refuses it for the same reason (error 1832)',
      },
    ],
  },
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A migration file as both sides get it: its statements, refused ones marked. */
interface PreparedFile {
  /** The path in the repository. */
  readonly path: string;
  /** The text the model replays: refused statements blanked out (offsets kept). */
  readonly modelText: string;
  readonly statements: readonly { readonly text: string; readonly refused: RefusedStatement | undefined }[];
}

interface ProjectOutcome {
  readonly differences: string[];
  readonly report: string;
}

/** Runs each statement of each file; a refused one must be refused (and is counted), any other must succeed. */
async function applyFiles(connection: mysql.Connection, files: readonly PreparedFile[]): Promise<number> {
  let refused = 0;
  for (const file of files) {
    for (const statement of file.statements) {
      let failure: unknown;
      try {
        await connection.query(statement.text);
      } catch (error) {
        failure = error;
      }
      const where = `${file.path}: ${collapse(statement.text).slice(0, 160)}`;
      if (statement.refused) {
        assert.ok(failure !== undefined, `${where}\n  is listed as refused (${statement.refused.reason}) but MariaDB ran it: remove it from refused`);
        refused++;
      } else if (failure !== undefined) {
        assert.fail(`${where}\n  MariaDB refused it: ${messageOf(failure)}`);
      }
    }
  }
  return refused;
}

async function runProject(project: MysqlOracleProject, connection: mysql.Connection, version: ServerVersion): Promise<ProjectOutcome> {
  const root = reconstructRepository(project.repository, project.corpus);
  const database = `sqlsight_oracle_mysql_${project.name}_${process.pid}`;
  try {
    const config: MigrationsConfig = { dialect: 'mariadb', ...(project.configured ? { migrations: project.configured.migrations } : {}) };
    const set = await discoveredSet(root, project.name, project.migrationsFolder, config);
    const replayed = set.files.filter((file) => file.role !== 'down');
    const analyzer = await engine();
    const used = new Set<RefusedStatement>();
    const prepared = replayed.map((file): PreparedFile => {
      const path = file.path.slice(root.length + 1);
      const text = readFileSync(file.path, 'utf8');
      let modelText = text;
      const statements = clientStatements(text, version).map((statement) => {
        const refused = project.refused.find((entry) => entry.file === path && collapse(statement.text).startsWith(entry.startsWith));
        if (refused) {
          used.add(refused);
          const { start, end } = statement.range;
          modelText = modelText.slice(0, start) + ' '.repeat(end - start) + modelText.slice(end);
        }
        return { text: statement.text, refused };
      });
      return { path, modelText, statements };
    });
    const unused = project.refused.filter((entry) => !used.has(entry));
    assert.deepEqual(unused, [], `${project.name}: refused statements that are in no replayed file`);

    const modelTexts = new Map(replayed.map((file, index) => [file.path, prepared[index]?.modelText ?? '']));
    const workspace = analyzer.createWorkspaceSchema('mariadb', version);
    workspace.setMigrations(
      replayed.map((file) => ({ path: file.path, role: file.role })),
      (path) => modelTexts.get(path) ?? '',
    );
    const model = schemaToJson(workspace.final());

    return await withScratchDatabase(connection, database, async () => {
      for (const step of project.setup) await connection.query(step.sql);
      const refused = await applyFiles(connection, prepared);
      const catalog = await readMysqlCatalog(catalogQuery(connection), database);
      const differences = diffSchemas(model, catalog, { dialect: 'mysql' });
      const counts = comparedCounts(model, catalog, { dialect: 'mysql' });
      const report =
        `${project.name}: ${set.convention} set, ${replayed.length} files applied to MariaDB ${version.major}.${version.minor}.${version.patch}` +
        ` (${prepared.reduce((sum, file) => sum + file.statements.length, 0)} statements, ${refused} refused); compared ${counts.tables} tables,` +
        ` ${counts.columns} columns, ${counts.indexes} indexes, ${counts.foreignKeys} foreign keys; ${differences.length} differences`;
      return { differences, report };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function checkProject(context: TestContext, project: MysqlOracleProject): Promise<void> {
  const connection = await connectMariadb(liveMysqlUrl ?? '');
  try {
    const version = await mariadbVersion(connection);
    const { differences, report } = await runProject(project, connection, version);
    context.diagnostic(report);
    assertAllowed(project.name, differences, readAllowList(allowListPath)[project.name] ?? [], { server: 'MariaDB', allowList: 'mysql-schema-oracle-allowlist.json' });
  } finally {
    await connection.end();
  }
}

/**
 * ory/hydra's MySQL set cannot be replayed from the corpus: only its `*.mysql.*` files were
 * collected, not pop's files for every database (`20190100000001_client.up.sql` creates
 * hydra_client), so its first ALTER TABLE names a table nothing created. Checked, so that a corpus
 * that gains those files fails here and hydra joins the projects above.
 */
describe('schema oracle: projects left out', () => {
  it('hydra: its corpus set alters hydra_client, which none of its files creates', async () => {
    const root = reconstructRepository('ory/hydra', ['mysql', 'pg']);
    try {
      const set = await discoveredSet(root, 'hydra', 'persistence/sql/migrations', { dialect: 'mariadb' });
      const analyzer = await engine();
      const created = new Set<string>();
      let first: string | undefined;
      for (const file of set.files.filter((candidate) => candidate.role !== 'down')) {
        for (const statement of analyzer.replay(readFileSync(file.path, 'utf8'), 'mariadb')) {
          if (statement.kind === 'create-table') created.add(statement.table.name);
          if (statement.kind === 'alter-table' && !created.has(statement.table.name)) first ??= statement.table.name;
        }
      }
      assert.equal(first, 'hydra_client');
      assert.equal(created.has('hydra_client'), false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('schema oracle: the model against MariaDB', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  it('has an allow-list naming only known projects', () => {
    const names = new Set(projects.map((project) => project.name));
    assert.deepEqual(Object.keys(readAllowList(allowListPath)).filter((name) => !names.has(name)), []);
  });

  for (const project of projects) it(project.name, { timeout: 300_000 }, (context) => checkProject(context, project));
});
