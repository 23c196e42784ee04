// The schema model against a real PostgreSQL, without a server: the hand-written migrations of
// fixtures/oracle are replayed into the model and applied to an in-memory PGlite; the catalog read
// back must equal the model with no allow-list at all. The corpus version (test/corpus/
// schema-oracle.test.ts) does the same for real projects. Below it, one minimal case per model
// behaviour the corpus showed wrong once (each must now match PostgreSQL exactly), and the model's
// deliberate limits with the differences they leave.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { schemaToJson, type SchemaJson } from '../../server/src/engine';
import { orderMigrations } from '../../server/src/engine/schema/migrations';
import { engine } from '../support/engine';
import { readCatalog } from '../support/pg-catalog';
import { comparedCounts, diffSchemas } from '../support/schema-diff';

const fixtures = join(import.meta.dirname, 'fixtures', 'oracle');

/** The model after replaying the files in order. */
async function modelOf(files: readonly { readonly path: string; readonly text: string }[]): Promise<SchemaJson> {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const workspace = (await engine()).createWorkspaceSchema('postgres');
  workspace.setMigrations(
    files.map((file) => ({ path: file.path, role: 'up' })),
    (path) => texts.get(path) ?? '',
  );
  return schemaToJson(workspace.final());
}

/** Constants in defaults are shown in these settings' formats: fixed, so expected lines do not depend on the defaults of the build. */
const sessionSettings = "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, MDY'; SET IntervalStyle TO 'postgres'";

/** Back to an empty database: every schema the migrations made is dropped, `public` made anew. */
async function reset(database: PGlite): Promise<void> {
  const schemas = await database.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'",
  );
  for (const { name } of schemas.rows) await database.exec(`DROP SCHEMA "${name.replaceAll('"', '""')}" CASCADE`);
  await database.exec(`CREATE SCHEMA public; RESET ALL; ${sessionSettings}`);
}

/** Each file in its own transaction, as most migration tools run them. */
async function applyAll(database: PGlite, files: readonly { readonly path: string; readonly text: string }[]): Promise<SchemaJson> {
  for (const file of files) {
    try {
      await database.exec(`BEGIN;\n${file.text}\n;COMMIT;`);
    } catch (error) {
      await database.exec('ROLLBACK');
      throw new Error(`${file.path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return readCatalog(async (sql) => (await database.query<Record<string, unknown>>(sql)).rows);
}

/**
 * A minimal migration and the differences between model and catalog: none for a behaviour the
 * model follows, the known ones for a limit (titled "limit:").
 */
interface OracleCase {
  readonly title: string;
  readonly sql: string;
  readonly differences: readonly string[];
}

const cases: readonly OracleCase[] = [
  {
    title: 'a NULL default is no default: PostgreSQL stores none',
    sql: ['CREATE TABLE t (a int DEFAULT NULL, b text DEFAULT NULL::text, c int);', 'ALTER TABLE t ALTER COLUMN c SET DEFAULT NULL;'].join('\n'),
    differences: [],
  },
  {
    title: 'a quoted type name keeps its case',
    sql: ['CREATE TYPE "Kind" AS ENUM (\'A\');', 'CREATE TABLE t (k "Kind", ks "Kind"[]);'].join('\n'),
    differences: [],
  },
  {
    title: 'a serial column of a quoted table: nextval quotes the sequence name',
    sql: ['CREATE TABLE "User" (id serial PRIMARY KEY);'].join('\n'),
    differences: [],
  },
  {
    title: 'dropping a table or a serial column drops its sequence, so the name is free again',
    sql: ['CREATE TABLE t (id serial, x int);', 'ALTER TABLE t DROP COLUMN id;', 'ALTER TABLE t ADD COLUMN id serial;', 'CREATE TABLE u (id serial);', 'DROP TABLE u;', 'CREATE TABLE u (id serial);'].join('\n'),
    differences: [],
  },
  {
    title: 'DROP TYPE drops an enum',
    sql: ['CREATE TYPE mood AS ENUM (\'sad\');', 'CREATE TYPE "Level" AS ENUM (\'low\');', 'DROP TYPE mood;', 'DROP TYPE IF EXISTS public."Level" CASCADE;'].join('\n'),
    differences: [],
  },
  {
    title: 'ALTER TYPE RENAME VALUE renames the label, also in defaults; ADD VALUE BEFORE puts it in place',
    sql: ['CREATE TYPE mood AS ENUM (\'sad\', \'ok\');', 'CREATE TABLE t (m mood DEFAULT \'sad\');', 'ALTER TYPE mood RENAME VALUE \'sad\' TO \'blue\';', 'ALTER TYPE mood ADD VALUE \'meh\' BEFORE \'ok\';'].join('\n'),
    differences: [],
  },
  {
    title: 'an unnamed CHECK reading several columns is named <table>_check',
    sql: ['CREATE TABLE t (a int, b int, CHECK (a < b), c int CHECK (c > a));', 'ALTER TABLE t ADD CHECK (num_nonnulls(a, b) = 1);'].join('\n'),
    differences: [],
  },
  {
    title: 'an index expression element ends before its ordering and operator class',
    sql: ['CREATE TABLE t (id int, name text);', 'CREATE INDEX t_lower ON t (lower(name) DESC, id);', 'CREATE INDEX t_pattern ON t (lower(name) text_pattern_ops);'].join('\n'),
    differences: [],
  },
  {
    title: 'RENAME COLUMN renames the column in index expressions and predicates',
    sql: ['CREATE TABLE t (id int, name text);', 'CREATE INDEX t_lower ON t (lower(name));', 'CREATE INDEX t_named ON t (id) WHERE name IS NOT NULL;', 'ALTER TABLE t RENAME COLUMN name TO title;', 'ALTER TABLE t DROP COLUMN title;'].join('\n'),
    differences: [],
  },
  {
    title: 'ALTER SEQUENCE RENAME: nextval defaults follow the sequence',
    sql: ['CREATE TABLE t (id serial PRIMARY KEY);', 'ALTER SEQUENCE t_id_seq RENAME TO t_seq;'].join('\n'),
    differences: [],
  },
  {
    title: 'an unnamed index is named after its INCLUDE columns too',
    sql: ['CREATE TABLE t (a int, b int);', 'CREATE INDEX ON t (a) INCLUDE (b);'].join('\n'),
    differences: [],
  },
  {
    title: 'SET SCHEMA moves a table and a type',
    sql: ['CREATE SCHEMA app;', 'CREATE TABLE app.t (id int PRIMARY KEY);', 'ALTER TABLE app.t SET SCHEMA public;', 'CREATE TYPE app.mood AS ENUM (\'ok\');', 'ALTER TYPE app.mood SET SCHEMA public;'].join('\n'),
    differences: [],
  },
  {
    title: 'an exclusion constraint has elements, a predicate and a generated name',
    sql: ['CREATE TABLE booking (during tstzrange, EXCLUDE USING gist (during WITH &&));', 'CREATE TABLE slot (during tstzrange, CONSTRAINT slot_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (during IS NOT NULL));'].join('\n'),
    differences: [],
  },
  {
    title: 'DROP CONSTRAINT CASCADE drops the foreign keys that need the key',
    sql: ['CREATE TABLE p (id int PRIMARY KEY);', 'CREATE TABLE c (p_id int REFERENCES p);', 'ALTER TABLE p DROP CONSTRAINT p_pkey CASCADE;'].join('\n'),
    differences: [],
  },
  {
    title: 'DROP COLUMN CASCADE drops the views that read the column',
    sql: ['CREATE TABLE t (id int, x int);', 'CREATE VIEW v AS SELECT id, x FROM t;', 'ALTER TABLE t DROP COLUMN x CASCADE;'].join('\n'),
    differences: [],
  },
  {
    title: 'an interval\'s type modifier is its precision, not the parser\'s field mask',
    sql: ['CREATE TABLE t (a interval(3), b interval day, c interval day to second(2));'].join('\n'),
    differences: [],
  },

  {
    title: 'INHERITS copies CHECK constraints but not identity',
    sql: [
      'CREATE TABLE base (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, s int CHECK (s > 0));',
      'CREATE TABLE child (extra int) INHERITS (base);',
    ].join('\n'),
    differences: [],
  },
  {
    title: 'ALTER TYPE RENAME TO: the columns of the type follow it',
    sql: [
      "CREATE TYPE status AS ENUM ('a');",
      'CREATE TABLE t (s status);',
      "CREATE TYPE status_new AS ENUM ('a', 'b');",
      'ALTER TABLE t ALTER COLUMN s TYPE status_new USING s::text::status_new;',
      'ALTER TYPE status RENAME TO status_old;',
      'ALTER TYPE status_new RENAME TO status;',
    ].join('\n'),
    differences: [],
  },
  {
    title: 'an index on a temporary table is not part of the schema',
    sql: ['CREATE TEMP TABLE scratch (id int);', 'CREATE UNIQUE INDEX ON scratch (id);'].join('\n'),
    differences: [],
  },
  {
    title: 'limit: CREATE TABLE LIKE INCLUDING copies keys and indexes',
    sql: ['CREATE TABLE t (id int PRIMARY KEY, a text UNIQUE);', 'CREATE TABLE t2 (LIKE t INCLUDING ALL);'].join('\n'),
    differences: [
      'index t2_a_key: only in database',
      'index t2_pkey: only in database',
      'table t2 unique t2_a_key: only in database',
      'table t2: primary key "none" vs "t2_pkey (id)"',
    ],
  },
  {
    title: 'a partition gets the parent\'s keys and indexes, named after it',
    sql: ['CREATE TABLE m (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);', 'CREATE TABLE m_2020 PARTITION OF m FOR VALUES FROM (\'2020-01-01\') TO (\'2021-01-01\');', 'CREATE INDEX m_at_idx ON m (at);'].join('\n'),
    differences: [],
  },
  {
    title: 'limit: SET search_path decides where unqualified tables go',
    sql: ['CREATE SCHEMA app;', 'SET search_path TO app;', 'CREATE TABLE t (id int);'].join('\n'),
    differences: [
      'table app.t: only in database',
      'table t: only in model',
    ],
  },
  {
    title: 'limit: a typed literal default is stored as the type\'s output',
    sql: ['CREATE TABLE t (a timestamp DEFAULT \'1970-01-01\', b interval DEFAULT interval \'12 months\', c timestamptz DEFAULT \'epoch\');'].join('\n'),
    differences: [
      'table t column a: default "\'1970-01-01\'" vs "\'1970-01-01 00:00:00\'::timestamp without time zone"',
      'table t column b: default "interval \'12 months\'" vs "\'1 year\'::interval"',
      'table t column c: default "\'epoch\'" vs "\'1970-01-01 00:00:00+00\'::timestamp with time zone"',
    ],
  },
];

describe('schema oracle: the model against PGlite', () => {
  let database: PGlite;
  before(async () => {
    database = await PGlite.create();
    await database.exec(sessionSettings);
  });
  after(() => database.close());

  it('replays fixtures/oracle to exactly the schema PostgreSQL builds', async () => {
    const paths = readdirSync(fixtures)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => join(fixtures, name));
    const set = orderMigrations(fixtures, paths);
    assert.equal(set.convention, 'numbered');
    const files = set.files.map((file) => ({ path: file.path, text: readFileSync(file.path, 'utf8') }));
    const model = await modelOf(files);
    const catalog = await applyAll(database, files);
    assert.deepEqual(diffSchemas(model, catalog), []);
    // Not vacuous: the fixtures build a schema of some size.
    const counts = comparedCounts(model, catalog);
    assert.ok(counts.tables >= 5 && counts.columns >= 25 && counts.indexes >= 10 && counts.foreignKeys >= 4, JSON.stringify(counts));
  });

  describe('one case per behaviour, and the known limits', () => {
    for (const oracleCase of cases) {
      it(oracleCase.title, async () => {
        await reset(database);
        const files = [{ path: 'case.sql', text: oracleCase.sql }];
        const differences = diffSchemas(await modelOf(files), await applyAll(database, files));
        assert.deepEqual(differences, oracleCase.differences);
      });
    }
  });
});
