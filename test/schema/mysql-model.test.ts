// The MySQL/MariaDB schema model replayed from migrations: keys and indexes with the names the
// server generates, InnoDB's own foreign key indexes, CHANGE/MODIFY/RENAME, drops, character sets,
// engines, AUTO_INCREMENT, UNSIGNED, ENUM values, executable comments, routines it cannot follow,
// and `sqlsight schema` for a MySQL set. Every case also runs on the live MariaDB
// (SQLSIGHT_TEST_MYSQL_URL, which `.ci/run` sets): information_schema read back must equal the
// model, and so must what the model's own DDL (`sqlsight schema`) builds, except for the
// differences a case lists (a model limit). The names claimed here are MariaDB 10.11's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type mysql from 'mysql2/promise';
import { schemaToJson, schemaToSql, type SchemaJson, type SchemaModel } from '../../server/src/engine';
import type { ServerVersion } from '../../server/src/engine/config';
import { makeProject, runCli } from '../cli/support';
import { liveMysqlUrl } from '../db/support';
import { engine } from '../support/engine';
import { catalogQuery, clientStatements, connectMariadb, mariadbVersion, withScratchDatabase } from '../support/mariadb';
import { readMysqlCatalog } from '../support/mysql-catalog';
import { diffSchemas } from '../support/schema-diff';

type MysqlDialect = 'mysql' | 'mariadb';

async function replayIn(dialect: MysqlDialect, files: readonly string[], version?: ServerVersion): Promise<SchemaModel> {
  const workspace = (await engine()).createWorkspaceSchema(dialect, version);
  workspace.setMigrations(
    files.map((_, index) => ({ path: `/m/${index + 1}_step.sql`, role: 'up' as const })),
    (path) => files[Number(/(\d+)_step/.exec(path)?.[1]) - 1] ?? '',
  );
  return workspace.final();
}

/** A table's indexes as `name [unique] [method] (elements)`, by name. */
function indexes(model: SchemaModel, table: string): string[] {
  return schemaToJson(model)
    .indexes.filter((index) => index.table === table)
    .map((index) => `${index.name}${index.unique ? ' unique' : ''}${index.method === 'btree' ? '' : ` ${index.method}`} (${index.elements.join(', ')})`);
}

function tableOf(model: SchemaModel, name: string): SchemaJson['tables'][number] {
  const table = schemaToJson(model).tables.find((candidate) => candidate.name === name);
  assert.ok(table, `no table ${name}`);
  return table;
}

function foreignKeys(model: SchemaModel, table: string): string[] {
  return tableOf(model, table).foreignKeys.map((foreignKey) => `${foreignKey.name} (${foreignKey.columns.join(', ')}) ${foreignKey.referencedTable} (${foreignKey.referencedColumns.join(', ')})`);
}

function keys(model: SchemaModel, table: string): string[] {
  const json = tableOf(model, table);
  return [...(json.primaryKey ? [json.primaryKey] : []), ...json.uniqueKeys].map((key) => `${key.name} (${key.columns.join(', ')})`);
}

function checks(model: SchemaModel, table: string): string[] {
  return tableOf(model, table).checks.map((check) => check.name);
}

/** `name type(modifiers) [unsigned] [NOT NULL] [charset] [auto_increment]`. */
function columns(model: SchemaModel, table: string): string[] {
  return tableOf(model, table).columns.map((column) =>
    [
      column.name,
      `${column.type}${column.values ? `(${column.values.join('|')})` : column.modifiers.length > 0 ? `(${column.modifiers.join(',')})` : ''}`,
      ...(column.unsigned ? ['unsigned'] : []),
      ...(column.notNull ? ['NOT NULL'] : []),
      ...(column.charset ? [column.charset] : []),
      ...(column.autoIncrement ? ['auto_increment'] : []),
    ].join(' '),
  );
}

interface ModelCase {
  readonly title: string;
  /** MariaDB unless said; a MySQL 8 case is not run on MariaDB, and says why. */
  readonly dialect?: MysqlDialect;
  readonly files: readonly string[];
  readonly check: (model: SchemaModel) => void;
  /** What MariaDB builds differently (a model limit, as diffSchemas lines), or why the case does not run there. */
  readonly onMariadb?: readonly string[] | { readonly notRun: string };
}

const cases: readonly ModelCase[] = [
  {
    title: 'CREATE TABLE: inline and table-level keys, KEY/UNIQUE/FULLTEXT indexes, unnamed ones named in the order written',
    files: [
      'CREATE TABLE teams (id int PRIMARY KEY, slug varchar(20) UNIQUE, name varchar(50));',
      `CREATE TABLE users (
  id int unsigned NOT NULL AUTO_INCREMENT,
  email varchar(200) NOT NULL,
  team_id int,
  bio text,
  KEY (email),
  UNIQUE (email),
  UNIQUE KEY (email, team_id),
  KEY named_idx (team_id, email),
  KEY prefix_idx (bio(20)),
  FULLTEXT (bio),
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`,
    ],
    check: (model) => {
      assert.deepEqual(indexes(model, 'teams'), ['PRIMARY unique (id)', 'slug unique (slug)']);
      assert.deepEqual(keys(model, 'teams'), ['PRIMARY (id)', 'slug (slug)']);
      assert.deepEqual(indexes(model, 'users'), [
        'bio fulltext (bio)',
        'email (email)',
        'email_2 unique (email)',
        'email_3 unique (email, team_id)',
        'named_idx (team_id, email)',
        'prefix_idx (bio(20))',
        'PRIMARY unique (id)',
      ]);
      assert.deepEqual(keys(model, 'users'), ['PRIMARY (id)', 'email_2 (email)', 'email_3 (email, team_id)']);
    },
  },
  {
    title: "foreign keys: InnoDB's own index is named after the key or its first column, unless an index serves the key",
    files: [
      'CREATE TABLE p (id int PRIMARY KEY, code int UNIQUE);',
      `CREATE TABLE c (
  id int PRIMARY KEY,
  d int, e int, f int, g int, h int, x int, y int,
  FOREIGN KEY (d) REFERENCES p (id),
  CONSTRAINT fk_e FOREIGN KEY (e) REFERENCES p (id),
  FOREIGN KEY f_idx (f) REFERENCES p (id),
  CONSTRAINT fk_g FOREIGN KEY g_idx (g) REFERENCES p (code),
  FOREIGN KEY (h) REFERENCES p (id),
  KEY (h),
  KEY x (y),
  FOREIGN KEY (x) REFERENCES p (id)
);`,
      'ALTER TABLE c ADD COLUMN i int, ADD FOREIGN KEY (i) REFERENCES p (id);',
    ],
    check: (model) => {
      assert.deepEqual(foreignKeys(model, 'c'), ['c_ibfk_1 (d) p (id)', 'fk_e (e) p (id)', 'f_idx (f) p (id)', 'fk_g (g) p (code)', 'c_ibfk_2 (h) p (id)', 'c_ibfk_3 (x) p (id)', 'c_ibfk_4 (i) p (id)']);
      // `KEY (h)` after the key serves it, so InnoDB's index for it gives way; `x` is taken by an index on y.
      assert.deepEqual(indexes(model, 'c'), ['d (d)', 'f_idx (f)', 'fk_e (e)', 'fk_g (g)', 'h (h)', 'i (i)', 'PRIMARY unique (id)', 'x (y)', 'x_2 (x)']);
      const own = model.indexesOn('c').flatMap((index) => (index.createdFor === undefined ? [] : [`${index.name}:${index.createdFor}`]));
      assert.deepEqual(own, ['d:c_ibfk_1', 'fk_e:fk_e', 'f_idx:f_idx', 'fk_g:fk_g', 'x_2:c_ibfk_3', 'i:c_ibfk_4']);
    },
  },
  {
    title: 'MariaDB honours an inline REFERENCES; a UNIQUE key written after it serves the key and takes the name',
    files: ['CREATE TABLE users (uuid char(36) NOT NULL PRIMARY KEY);', 'CREATE TABLE twofactor (uuid char(36) NOT NULL PRIMARY KEY, user_uuid char(36) NOT NULL REFERENCES users (uuid), type int NOT NULL, UNIQUE (user_uuid, type));'],
    check: (model) => {
      assert.deepEqual(foreignKeys(model, 'twofactor'), ['twofactor_ibfk_1 (user_uuid) users (uuid)']);
      assert.deepEqual(indexes(model, 'twofactor'), ['PRIMARY unique (uuid)', 'user_uuid unique (user_uuid, type)']);
    },
  },
  {
    title: 'CREATE UNIQUE INDEX makes a UNIQUE key (as information_schema lists it), CREATE INDEX and CREATE FULLTEXT INDEX plain indexes',
    files: ['CREATE TABLE t (id int PRIMARY KEY, a varchar(20), b int, c text);', 'CREATE UNIQUE INDEX t_a_key ON t (a);\nCREATE INDEX t_b_idx ON t (b);\nCREATE FULLTEXT INDEX t_c_ft ON t (c);'],
    check: (model) => {
      assert.deepEqual(keys(model, 't'), ['PRIMARY (id)', 't_a_key (a)']);
      assert.deepEqual(indexes(model, 't'), ['PRIMARY unique (id)', 't_a_key unique (a)', 't_b_idx (b)', 't_c_ft fulltext (c)']);
    },
  },
  {
    title: 'with foreign_key_checks off a key may name a table made later, and dropping a table other keys name leaves those keys',
    files: [
      'SET foreign_key_checks = 0;\nCREATE TABLE child (id int PRIMARY KEY, parent_id int, FOREIGN KEY (parent_id) REFERENCES parent (id));\nCREATE TABLE parent (id int PRIMARY KEY);',
      'DROP TABLE parent;',
      'CREATE TABLE parent (id int PRIMARY KEY, name text);',
    ],
    check: (model) => {
      assert.deepEqual(foreignKeys(model, 'child'), ['child_ibfk_1 (parent_id) parent (id)']);
      assert.deepEqual(indexes(model, 'child'), ['parent_id (parent_id)', 'PRIMARY unique (id)']);
    },
  },
  {
    title: "checks: MariaDB names a column's CHECK after the column and a table's CONSTRAINT_<n>, the lowest number free",
    files: [
      'CREATE TABLE e (a int CHECK (a > 0), b int, c int, CHECK (b > 0), CONSTRAINT named CHECK (c > 0), CHECK (b < 100));',
      'ALTER TABLE e ADD CONSTRAINT CHECK (c < 100), ADD COLUMN d int CHECK (d > 0);',
      'ALTER TABLE e DROP CONSTRAINT CONSTRAINT_1;',
      'ALTER TABLE e ADD CHECK (b <> 5);',
    ],
    // CREATE TABLE made a, CONSTRAINT_1, named, CONSTRAINT_2; the number dropped is the next one given.
    check: (model) => assert.deepEqual(checks(model, 'e'), ['a', 'named', 'CONSTRAINT_2', 'CONSTRAINT_3', 'd', 'CONSTRAINT_1']),
  },
  {
    title: "checks: a column's own CHECK keeps its name across RENAME COLUMN and goes with a MODIFY that does not repeat it",
    files: ['CREATE TABLE e (a int CHECK (a > 0), b int CHECK (b > 0), c int, CHECK (c > 0));', 'ALTER TABLE e RENAME COLUMN a TO a2;', 'ALTER TABLE e MODIFY b bigint, CHANGE c c2 bigint;', 'ALTER TABLE e MODIFY a2 int CHECK (a2 < 10);'],
    check: (model) => {
      assert.deepEqual(checks(model, 'e'), ['CONSTRAINT_1', 'a2']);
      assert.equal(tableOf(model, 'e').checks[0]?.expression, '(c2 > 0)', 'a table check follows the column rename');
    },
  },
  {
    title: 'checks: MySQL 8 names them <table>_chk_<n>, written with a column or not',
    dialect: 'mysql',
    files: ['CREATE TABLE e (a int CHECK (a > 0), b int, CHECK (b > 0));', 'ALTER TABLE e ADD CHECK (a < b);'],
    check: (model) => assert.deepEqual(checks(model, 'e'), ['e_chk_1', 'e_chk_2', 'e_chk_3']),
    onMariadb: { notRun: 'MySQL 8 naming (MySQL manual, "CHECK Constraints"); MariaDB names the same checks a, CONSTRAINT_1, CONSTRAINT_2 (the case above)' },
  },
  {
    title: 'CHANGE renames and retypes a column, MODIFY retypes it, RENAME COLUMN renames it: keys and indexes follow; a primary key column stays NOT NULL',
    files: [
      'CREATE TABLE accounts (id int, name varchar(50), legacy int, PRIMARY KEY (id), KEY (name), KEY name_legacy (name, legacy), UNIQUE KEY (legacy));',
      'ALTER TABLE accounts CHANGE name full_name varchar(100) NOT NULL;',
      'ALTER TABLE accounts MODIFY legacy bigint unsigned;',
      'ALTER TABLE accounts RENAME COLUMN legacy TO old_id;',
      'ALTER TABLE accounts MODIFY id bigint NULL;',
    ],
    check: (model) => {
      assert.deepEqual(columns(model, 'accounts'), ['id bigint NOT NULL', 'full_name varchar(100) NOT NULL', 'old_id bigint unsigned']);
      assert.deepEqual(indexes(model, 'accounts'), ['legacy unique (old_id)', 'name (full_name)', 'name_legacy (full_name, old_id)', 'PRIMARY unique (id)']);
      assert.deepEqual(keys(model, 'accounts'), ['PRIMARY (id)', 'legacy (old_id)']);
    },
  },
  {
    title: "RENAME TABLE a TO b and ALTER TABLE … RENAME: indexes follow, references follow, InnoDB's <a>_ibfk_<n> become <b>_ibfk_<n>",
    files: [
      'CREATE TABLE p (id int PRIMARY KEY);',
      'CREATE TABLE r (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id), CONSTRAINT named_fk FOREIGN KEY (id) REFERENCES p (id));',
      'RENAME TABLE r TO r2;',
      'ALTER TABLE r2 RENAME TO r3;',
      'ALTER TABLE r3 ADD COLUMN x int, ADD FOREIGN KEY (x) REFERENCES p (id);',
      'RENAME TABLE p TO parents;',
    ],
    check: (model) => {
      assert.equal(schemaToJson(model).tables.map((table) => table.name).join(), 'parents,r3');
      assert.deepEqual(foreignKeys(model, 'r3'), ['r3_ibfk_1 (pid) parents (id)', 'named_fk (id) parents (id)', 'r3_ibfk_2 (x) parents (id)']);
      assert.deepEqual(indexes(model, 'r3'), ['pid (pid)', 'PRIMARY unique (id)', 'x (x)']);
      assert.equal(model.indexesOn('r3').find((index) => index.name === 'pid')?.createdFor, 'r3_ibfk_1');
    },
  },
  {
    title: 'DROP INDEX, DROP INDEX … ON t and DROP PRIMARY KEY drop the index and its key; `PRIMARY` is a name like any other',
    files: [
      'CREATE TABLE t (id int NOT NULL, a int, b int, PRIMARY KEY (id), UNIQUE KEY ua (a), KEY kb (b));\nCREATE TABLE t2 (id int PRIMARY KEY);',
      'ALTER TABLE t DROP INDEX ua;',
      'DROP INDEX kb ON t;',
      'ALTER TABLE t DROP PRIMARY KEY;',
      'DROP INDEX `PRIMARY` ON t2;',
    ],
    check: (model) => {
      assert.deepEqual(indexes(model, 't'), []);
      assert.deepEqual(keys(model, 't'), []);
      assert.deepEqual(keys(model, 't2'), []);
      assert.deepEqual(columns(model, 't'), ['id int NOT NULL', 'a int', 'b int']);
    },
  },
  {
    title: 'DROP FOREIGN KEY leaves its index',
    files: ['CREATE TABLE p (id int PRIMARY KEY);', 'CREATE TABLE t (c int, CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES p (id));', 'ALTER TABLE t DROP FOREIGN KEY fk_c;'],
    check: (model) => {
      assert.deepEqual(foreignKeys(model, 't'), []);
      assert.deepEqual(indexes(model, 't'), ['fk_c (c)']);
    },
  },
  {
    title: 'an index a dropped foreign key left gives way to the index of the next key on the column, whose name it takes',
    files: ['CREATE TABLE p (id int PRIMARY KEY);', 'CREATE TABLE t (c int, d int, CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES p (id));', 'ALTER TABLE t DROP FOREIGN KEY fk_c;', 'ALTER TABLE t ADD CONSTRAINT fk_c2 FOREIGN KEY (c) REFERENCES p (id);'],
    check: (model) => {
      assert.deepEqual(foreignKeys(model, 't'), ['fk_c2 (c) p (id)']);
      assert.deepEqual(indexes(model, 't'), ['fk_c2 (c)']);
    },
  },
  {
    title: 'DROP COLUMN: indexes over it shrink, or go when it was their only column; checks on it go',
    files: ['CREATE TABLE d (a int, b int, c int, d int, KEY ab (a, b), KEY bonly (b), KEY cd (c, d), UNIQUE KEY ub (b), PRIMARY KEY (a, d), CHECK (b > 0), CONSTRAINT keep CHECK (c > 0));', 'ALTER TABLE d DROP COLUMN b;'],
    check: (model) => {
      assert.deepEqual(indexes(model, 'd'), ['ab (a)', 'cd (c, d)', 'PRIMARY unique (a, d)']);
      assert.deepEqual(keys(model, 'd'), ['PRIMARY (a, d)']);
      assert.deepEqual(checks(model, 'd'), ['keep']);
    },
  },
  {
    title: "character sets: a text column takes the table's default when it is defined, CHANGE/MODIFY too; CONVERT TO converts every text column",
    files: [
      "CREATE TABLE t (a varchar(10), b varchar(10) CHARACTER SET latin1, c int, e enum('x'), f varchar(5) COLLATE utf8mb4_bin) DEFAULT CHARSET=utf8mb3;",
      'ALTER TABLE t ADD COLUMN d text;',
      'ALTER TABLE t DEFAULT CHARSET=latin1;',
      'ALTER TABLE t ADD COLUMN g text, MODIFY a varchar(30);',
      'CREATE TABLE u (a varchar(10)) CHARSET=utf8;',
      'CREATE TABLE v (a varchar(10), b text, n int) COLLATE=utf8mb4_unicode_ci;',
      'ALTER TABLE v CONVERT TO CHARACTER SET latin1;',
    ],
    check: (model) => {
      assert.deepEqual(columns(model, 't'), ['a varchar(30) latin1', 'b varchar(10) latin1', 'c int', 'e enum(x) utf8mb3', 'f varchar(5) utf8mb4', 'd text utf8mb3', 'g text latin1']);
      assert.equal(tableOf(model, 't').charset, 'latin1');
      assert.deepEqual(columns(model, 'u'), ['a varchar(10) utf8mb3'], 'utf8 is utf8mb3');
      assert.deepEqual(columns(model, 'v'), ['a varchar(10) latin1', 'b text latin1', 'n int']);
      assert.equal(tableOf(model, 'v').charset, 'latin1');
    },
  },
  {
    title: 'ENGINE, AUTO_INCREMENT, UNSIGNED, ENUM and SET values, defaults',
    files: [
      "CREATE TABLE items (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, state enum('new','done') NOT NULL DEFAULT 'new', tags set('a','b'), price decimal(10,2) DEFAULT 0, created_at datetime DEFAULT CURRENT_TIMESTAMP, flag boolean DEFAULT false, code int(11) zerofill) ENGINE=MyISAM AUTO_INCREMENT=100;",
      'ALTER TABLE items ENGINE=InnoDB;',
    ],
    check: (model) => {
      assert.equal(tableOf(model, 'items').engine, 'innodb');
      assert.deepEqual(columns(model, 'items'), [
        'id bigint unsigned NOT NULL auto_increment',
        'state enum(new|done) NOT NULL',
        'tags set(a|b)',
        'price decimal(10,2)',
        'created_at datetime',
        'flag tinyint(1)',
        'code int unsigned',
      ]);
      assert.deepEqual(
        tableOf(model, 'items').columns.map((column) => column.default),
        [null, "'new'", null, '0', 'CURRENT_TIMESTAMP', 'false', null],
      );
    },
  },
  {
    title: "executable comments run as the server runs them: /*!…*/ from that version on, /*M!…*/ on MariaDB only",
    files: [
      '/*!40101 SET NAMES utf8mb4 */;',
      'CREATE TABLE ec (id int PRIMARY KEY /*!50100 , code int */) /*!40101 ENGINE=InnoDB DEFAULT CHARSET=latin1 */;',
      '/*M!100100 ALTER TABLE ec ADD COLUMN maria int */;',
      '/*M!999999 ALTER TABLE ec ADD COLUMN future int */;',
    ],
    check: (model) => {
      assert.deepEqual(columns(model, 'ec'), ['id int NOT NULL', 'code int', 'maria int']);
      assert.equal(tableOf(model, 'ec').charset, 'latin1');
    },
  },
  {
    title: 'executable comments on MySQL 8: /*M!…*/ is a comment there',
    dialect: 'mysql',
    files: ['CREATE TABLE ec (id int PRIMARY KEY);', '/*M!100100 ALTER TABLE ec ADD COLUMN maria int */;', '/*!80000 ALTER TABLE ec ADD COLUMN eight int */;'],
    check: (model) => assert.deepEqual(columns(model, 'ec'), ['id int NOT NULL', 'eight int']),
    onMariadb: { notRun: 'what MySQL 8 runs; MariaDB runs /*M!100100 */ (the case above)' },
  },
  {
    title: "DELIMITER'd routines are not applied, and the names in them are remembered; CALL and EXECUTE are not followed either",
    files: [
      'DELIMITER $$\nCREATE PROCEDURE add_things()\nBEGIN\n  CREATE TABLE made_in_procedure (id int);\nEND$$\nDELIMITER ;\n',
      'CREATE TABLE after_routine (id int PRIMARY KEY, legacy int, KEY legacy (legacy));',
      'CALL add_things();',
      "PREPARE drop_legacy FROM 'ALTER TABLE after_routine DROP INDEX legacy';\nEXECUTE drop_legacy;\nDEALLOCATE PREPARE drop_legacy;",
    ],
    check: (model) => {
      assert.deepEqual(
        schemaToJson(model).tables.map((table) => table.name),
        ['after_routine'],
      );
      assert.equal(model.mentionedOpaquely('made_in_procedure'), true, 'a name in the routine');
      assert.equal(model.mentionedOpaquely('add_things'), true, 'the routine CALL names');
      assert.equal(model.mentionedOpaquely('after_routine'), true, 'a name in the prepared statement');
      assert.equal(model.mentionedOpaquely('other_things'), false);
    },
    onMariadb: ['index after_routine.legacy: only in model', 'table made_in_procedure: only in database'],
  },
];

describe('MySQL/MariaDB schema model', () => {
  for (const modelCase of cases) {
    it(modelCase.title, async () => modelCase.check(await replayIn(modelCase.dialect ?? 'mariadb', modelCase.files)));
  }

  it('writes schemaToJson with the MySQL facts, and `sqlsight schema` as MySQL DDL', async () => {
    const cwd = makeProject({
      'sqlsight.json': '{ "dialect": "mariadb" }',
      'db/migrations/001_users.sql': "CREATE TABLE users (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, email varchar(200) NOT NULL, state enum('a','b') DEFAULT 'a', bio text, KEY (email), FULLTEXT (bio)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n",
      'db/migrations/002_orders.sql': 'CREATE TABLE orders (id int PRIMARY KEY, user_id int unsigned, FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);\n',
    });
    const json = await runCli(['schema', '--format', 'json'], { cwd });
    assert.equal(json.status, 0, json.stderr);
    const parsed: unknown = JSON.parse(json.stdout);
    const sets = typeof parsed === 'object' && parsed !== null && 'sets' in parsed && Array.isArray(parsed.sets) ? parsed.sets : [];
    assert.equal(sets.length, 1);
    const schema: unknown = sets[0]?.schema;
    assert.ok(typeof schema === 'object' && schema !== null && 'tables' in schema && 'indexes' in schema && Array.isArray(schema.tables) && Array.isArray(schema.indexes));
    const users: unknown = schema.tables.find((table: unknown) => typeof table === 'object' && table !== null && 'name' in table && table.name === 'users');
    assert.ok(typeof users === 'object' && users !== null && 'columns' in users && Array.isArray(users.columns));
    assert.deepEqual({ ...users, columns: undefined, definedIn: undefined, changedIn: undefined }, {
      schema: 'public',
      name: 'users',
      kind: 'table',
      columns: undefined,
      columnsIncomplete: false,
      primaryKey: { name: 'PRIMARY', columns: ['id'] },
      uniqueKeys: [],
      foreignKeys: [],
      checks: [],
      dependsOn: [],
      engine: 'innodb',
      charset: 'utf8mb4',
      definedIn: undefined,
      changedIn: undefined,
    });
    assert.deepEqual(users.columns[0], { name: 'id', type: 'int', modifiers: [], isArray: false, notNull: true, default: null, identity: false, generated: null, unsigned: true, values: null, charset: null, autoIncrement: true });
    assert.deepEqual(users.columns[2], { name: 'state', type: 'enum', modifiers: [], isArray: false, notNull: false, default: "'a'", identity: false, generated: null, unsigned: false, values: ['a', 'b'], charset: 'utf8mb4', autoIncrement: false });
    assert.deepEqual(
      schema.indexes.map((index: unknown) => (typeof index === 'object' && index !== null && 'table' in index && 'name' in index ? `${String(index.table)}.${String(index.name)}` : '')),
      ['users.bio', 'users.email', 'orders.PRIMARY', 'users.PRIMARY', 'orders.user_id'],
      'PRIMARY once per table',
    );

    const sql = await runCli(['schema'], { cwd });
    assert.equal(sql.status, 0, sql.stderr);
    assert.match(
      sql.stdout,
      /CREATE TABLE users \(\n {2}id int unsigned NOT NULL AUTO_INCREMENT,\n {2}email varchar\(200\) CHARACTER SET utf8mb4 NOT NULL,\n {2}state enum\('a','b'\) CHARACTER SET utf8mb4 DEFAULT 'a',\n {2}bio text CHARACTER SET utf8mb4,\n {2}PRIMARY KEY \(id\),\n {2}KEY email \(email\),\n {2}FULLTEXT KEY bio \(bio\)\n\) ENGINE=innodb DEFAULT CHARSET=utf8mb4;/,
    );
    assert.match(sql.stdout, /ALTER TABLE orders ADD CONSTRAINT orders_ibfk_1 FOREIGN KEY \(user_id\) REFERENCES users \(id\) ON DELETE CASCADE;/);
  });
});

describe('MySQL/MariaDB schema model against MariaDB', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  let connection: mysql.Connection;
  let version: ServerVersion;
  const database = `sqlsight_model_${process.pid}`;

  before(async () => {
    connection = await connectMariadb(liveMysqlUrl ?? '');
    version = await mariadbVersion(connection);
  });
  after(() => connection?.end());

  /** Runs the files' statements as the mysql client sends them, and reads information_schema back. */
  async function build(texts: readonly string[]): Promise<SchemaJson> {
    return withScratchDatabase(connection, database, async () => {
      for (const text of texts) for (const statement of clientStatements(text, version)) await connection.query(statement.text);
      return readMysqlCatalog(catalogQuery(connection), database);
    });
  }

  for (const modelCase of cases) {
    const onMariadb = modelCase.onMariadb ?? [];
    if (!Array.isArray(onMariadb)) continue;
    it(modelCase.title, async () => {
      const model = await replayIn('mariadb', modelCase.files, version);
      const json = schemaToJson(model);
      assert.deepEqual(diffSchemas(json, await build(modelCase.files), { dialect: 'mysql' }), onMariadb, 'the migrations on MariaDB');
      // What `sqlsight schema` writes builds the model's schema again (no routine to follow there).
      assert.deepEqual(diffSchemas(json, await build([schemaToSql(model)]), { dialect: 'mysql' }), [], "the model's own DDL on MariaDB");
    });
  }
});
