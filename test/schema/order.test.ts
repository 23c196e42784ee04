// Tests of migration ordering: per convention, the replay order the migration tool uses (numeric
// traps included), base dumps, downs after their ups, pop's per-database files, detection, and
// names for a new migration. Pure: paths are strings, no folder is read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  detectConvention,
  newMigrationPath,
  orderMigrations,
  type MigrationFile,
  type MigrationSet,
  type OrderOptions,
} from '../../server/src/engine/schema/migrations';

const folder = '/project/db/migrations';

function inFolder(name: string): string {
  return `${folder}/${name}`;
}

function nameOf(path: string): string {
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}

/** `role name`, and for a down the up it reverts, so a whole order reads as one list. */
function line(file: MigrationFile): string {
  return file.upPath === undefined ? `${file.role} ${nameOf(file.path)}` : `${file.role} ${nameOf(file.path)} <- ${nameOf(file.upPath)}`;
}

/** The replay order of `names` (given backwards, so the input order never decides). */
function replay(names: readonly string[], options: OrderOptions = {}): string[] {
  return orderMigrations(folder, names.map(inFolder).toReversed(), options).files.map(line);
}

function setOf(names: readonly string[], options: OrderOptions = {}): MigrationSet {
  return orderMigrations(folder, names.map(inFolder), options);
}

const july = new Date('2026-07-01T10:20:30Z');

/** The new migration's name, after checking it replays after every existing file of the set. */
function newName(names: readonly string[], description = 'add_orders_customer_id_index', now = july): { up: string; down?: string } {
  const set = setOf(names);
  const created = newMigrationPath(set, description, now);
  const withNew = orderMigrations(folder, [...names.map(inFolder), inFolder(created.up)], { convention: set.convention });
  const versioned = withNew.files.filter((file) => file.role === 'up');
  assert.equal(nameOf(versioned.at(-1)?.path ?? ''), created.up, `${created.up} must replay after every existing migration`);
  return created;
}

describe('Flyway', () => {
  it('compares version parts as numbers: V1_9 before V1_10, V2 before V10', () => {
    assert.deepEqual(replay(['V1_10__c.sql', 'V1_9__b.sql', 'V10__e.sql', 'V2__d.sql', 'V1__a.sql']), [
      'up V1__a.sql',
      'up V1_9__b.sql',
      'up V1_10__c.sql',
      'up V2__d.sql',
      'up V10__e.sql',
    ]);
  });

  it('accepts dots and underscores between parts alike', () => {
    assert.deepEqual(replay(['V1.10__c.sql', 'V1_2__b.sql', 'V1.1__a.sql']), ['up V1.1__a.sql', 'up V1_2__b.sql', 'up V1.10__c.sql']);
  });

  it('runs repeatables after every versioned migration, by description, and undo files after their version', () => {
    assert.deepEqual(replay(['R__b_view.sql', 'V2__orders.sql', 'R__a_function.sql', 'U1__users.sql', 'V1__users.sql', 'U2__orders.sql']), [
      'up V1__users.sql',
      'down U1__users.sql <- V1__users.sql',
      'up V2__orders.sql',
      'down U2__orders.sql <- V2__orders.sql',
      'repeatable R__a_function.sql',
      'repeatable R__b_view.sql',
    ]);
  });

  it('pairs an undo with the up of the same numeric version (1.0 = 1)', () => {
    assert.deepEqual(replay(['U1.0__x.sql', 'V1__x.sql']), ['up V1__x.sql', 'down U1.0__x.sql <- V1__x.sql']);
  });

  it('reads version and description as written, and leaves callbacks out', () => {
    const set = setOf(['V1_2__create_users.sql', 'afterMigrate.sql', 'R__views.sql']);
    assert.equal(set.convention, 'flyway');
    assert.deepEqual(set.files, [
      { path: inFolder('V1_2__create_users.sql'), role: 'up', version: '1_2', description: 'create_users' },
      { path: inFolder('R__views.sql'), role: 'repeatable', version: '', description: 'views' },
    ]);
  });

  it('takes migrations from subfolders, ordered by version (Flyway searches recursively)', () => {
    assert.deepEqual(replay(['release_2/V3__c.sql', 'V1__a.sql', 'release_1/V2__b.sql'], { convention: 'flyway' }), [
      'up V1__a.sql',
      'up release_1/V2__b.sql',
      'up release_2/V3__c.sql',
    ]);
  });
});

describe('up/down files (golang-migrate, pop)', () => {
  it('compares versions as numbers and places each down right after its up', () => {
    assert.deepEqual(replay(['10_c.up.sql', '2_b.down.sql', '2_b.up.sql', '1_a.up.sql', '1_a.down.sql', '10_c.down.sql']), [
      'up 1_a.up.sql',
      'down 1_a.down.sql <- 1_a.up.sql',
      'up 2_b.up.sql',
      'down 2_b.down.sql <- 2_b.up.sql',
      'up 10_c.up.sql',
      'down 10_c.down.sql <- 10_c.up.sql',
    ]);
  });

  it('orders a short version before timestamps (supabase/auth) and unix-time versions by value', () => {
    assert.deepEqual(replay(['20210710035447_alter_users.up.sql', '00_init_auth_schema.up.sql']), [
      'up 00_init_auth_schema.up.sql',
      'up 20210710035447_alter_users.up.sql',
    ]);
    assert.deepEqual(replay(['1485949617_b.up.sql', '999999999_a.up.sql']), ['up 999999999_a.up.sql', 'up 1485949617_b.up.sql']);
  });

  it('keeps a down without its up at its version', () => {
    assert.deepEqual(replay(['2_b.down.sql', '1_a.up.sql', '3_c.up.sql']), ['up 1_a.up.sql', 'down 2_b.down.sql', 'up 3_c.up.sql']);
  });

  // ory/kratos: per version, a file for the dialect's database wins over the file for every database.
  const kratos = [
    '20191100000004000000_errors.postgres.up.sql',
    '20191100000004000000_errors.postgres.down.sql',
    '20191100000004000000_errors.mysql.up.sql',
    '20191100000004000000_errors.mysql.down.sql',
    '20191100000004000000_errors.sqlite3.up.sql',
    '20191100000004000000_errors.cockroach.up.sql',
    '20191100000004000000_errors.up.sql',
    '20191100000005000000_sessions.up.sql',
    '20191100000005000000_sessions.down.sql',
    '20191100000006000000_indices.sqlite3.up.sql',
    '20241029153900000001_identities.autocommit.up.sql',
    '20241029153900000002_identities.postgres.autocommit.up.sql',
  ];

  it('picks pop files for PostgreSQL, the generic file where none is specific, and drops other databases', () => {
    assert.deepEqual(replay(kratos, { dialect: 'postgres' }), [
      'up 20191100000004000000_errors.postgres.up.sql',
      'down 20191100000004000000_errors.postgres.down.sql <- 20191100000004000000_errors.postgres.up.sql',
      'up 20191100000005000000_sessions.up.sql',
      'down 20191100000005000000_sessions.down.sql <- 20191100000005000000_sessions.up.sql',
      'up 20241029153900000001_identities.autocommit.up.sql',
      'up 20241029153900000002_identities.postgres.autocommit.up.sql',
    ]);
  });

  it('picks MySQL files for MySQL and MariaDB, and defaults to PostgreSQL', () => {
    const mysql = replay(kratos, { dialect: 'mysql' });
    assert.deepEqual(mysql.slice(0, 2), [
      'up 20191100000004000000_errors.mysql.up.sql',
      'down 20191100000004000000_errors.mysql.down.sql <- 20191100000004000000_errors.mysql.up.sql',
    ]);
    assert.equal(mysql.length, 5);
    assert.deepEqual(replay(kratos, { dialect: 'mariadb' }), mysql);
    assert.deepEqual(replay(kratos), replay(kratos, { dialect: 'postgres' }));
  });

  it('strips the database and autocommit tags from the description, keeping unknown ones', () => {
    const files = setOf(['1_errors.postgres.autocommit.up.sql', '2_add.v2.up.sql']).files;
    assert.deepEqual(
      files.map((file) => [file.version, file.description]),
      [
        ['1', 'errors'],
        ['2', 'add.v2'],
      ],
    );
  });
});

describe('diesel', () => {
  it('orders versions as diesel does (dashes removed, compared as strings), downs after ups', () => {
    // A parsed leading number would put 2017-… (2017) before 20141007171515, comparing by length
    // would put every dashed version after every compact one, and comparing the names as written
    // would put 2019-01-01-000001 ('-' sorts before '0') before 20190101000000.
    assert.deepEqual(
      replay([
        '2026-06-17-110629-0000_latest/up.sql',
        '2017-09-26-200549_dashed/down.sql',
        '2017-09-26-200549_dashed/up.sql',
        '20141007171515_compact/up.sql',
        '00000000000000_diesel_initial_setup/up.sql',
        '00000000000000_diesel_initial_setup/down.sql',
        '2020-12-03-035643_later/up.sql',
        '20180101000000_compact_again/up.sql',
        '2019-01-01-000001_dashed_second/up.sql',
        '20190101000000_compact_first/up.sql',
      ]),
      [
        'up 00000000000000_diesel_initial_setup/up.sql',
        'down 00000000000000_diesel_initial_setup/down.sql <- 00000000000000_diesel_initial_setup/up.sql',
        'up 20141007171515_compact/up.sql',
        'up 2017-09-26-200549_dashed/up.sql',
        'down 2017-09-26-200549_dashed/down.sql <- 2017-09-26-200549_dashed/up.sql',
        'up 20180101000000_compact_again/up.sql',
        'up 20190101000000_compact_first/up.sql',
        'up 2019-01-01-000001_dashed_second/up.sql',
        'up 2020-12-03-035643_later/up.sql',
        'up 2026-06-17-110629-0000_latest/up.sql',
      ],
    );
  });

  it('reads the version and name from the folder', () => {
    assert.deepEqual(setOf(['2026-06-17-110629-0000_add_x/up.sql']).files, [
      { path: inFolder('2026-06-17-110629-0000_add_x/up.sql'), role: 'up', version: '2026-06-17-110629-0000', description: 'add_x' },
    ]);
  });
});

describe('Prisma', () => {
  it('orders timestamp folders and umami-style numbered folders by name, leaving other files out', () => {
    assert.deepEqual(replay(['20230411134605_doc_208/migration.sql', 'migration_lock.toml', '20230404095503_initial/migration.sql']), [
      'up 20230404095503_initial/migration.sql',
      'up 20230411134605_doc_208/migration.sql',
    ]);
    assert.deepEqual(replay(['10_x/migration.sql', '02_report/migration.sql', '01_init/migration.sql']), [
      'up 01_init/migration.sql',
      'up 02_report/migration.sql',
      'up 10_x/migration.sql',
    ]);
  });

  it('orders by the whole folder name, as Prisma does', () => {
    assert.deepEqual(replay(['2023010_b/migration.sql', '20230101_a/migration.sql']), ['up 20230101_a/migration.sql', 'up 2023010_b/migration.sql']);
  });

  it('accepts an empty name (prisma-examples 20210819135741_)', () => {
    assert.deepEqual(setOf(['20210819135741_/migration.sql']).files.map((file) => [file.version, file.description]), [['20210819135741', '']]);
  });
});

describe('timestamp and numbered single files', () => {
  it('orders timestamps as numbers (Supabase, dbmate, goose, Rails-style)', () => {
    const set = setOf(['20240101120000_c.sql', '10000000000000_demote-postgres.sql', '20221215195800_add_x.sql']);
    assert.equal(set.convention, 'timestamp');
    assert.deepEqual(replay(['20240101120000_c.sql', '10000000000000_demote-postgres.sql', '20221215195800_add_x.sql']), [
      'up 10000000000000_demote-postgres.sql',
      'up 20221215195800_add_x.sql',
      'up 20240101120000_c.sql',
    ]);
  });

  it('orders numbers by value whatever the padding or separator: 2 before 10', () => {
    assert.deepEqual(replay(['10_j.sql', '2_b.sql', '0053-drop-index-lower-name.sql', '001_init.sql']), [
      'up 001_init.sql',
      'up 2_b.sql',
      'up 10_j.sql',
      'up 0053-drop-index-lower-name.sql',
    ]);
  });

  it('falls back to code units for the same number (01 before 1)', () => {
    assert.deepEqual(replay(['1_b.sql', '01_a.sql']), ['up 01_a.sql', 'up 1_b.sql']);
  });

  it('accepts bare numbers (fixture folders 001.sql, 002.sql) and keeps dbmate/goose files whole', () => {
    const set = setOf(['002.sql', '001.sql', '20151129054053_goose.sql']);
    assert.equal(set.convention, 'numbered');
    assert.deepEqual(
      set.files.map((file) => [nameOf(file.path), file.role, file.version, file.description]),
      [
        ['001.sql', 'up', '001', ''],
        ['002.sql', 'up', '002', ''],
        ['20151129054053_goose.sql', 'up', '20151129054053', 'goose'],
      ],
    );
  });
});

describe('base schema dumps', () => {
  it('replays schema.sql, structure.sql and *.schema.sql in the folder first', () => {
    assert.deepEqual(replay(['002_b.sql', 'schema.sql', '001_a.sql', 'auth.schema.sql', 'structure.sql']), [
      'base auth.schema.sql',
      'base schema.sql',
      'base structure.sql',
      'up 001_a.sql',
      'up 002_b.sql',
    ]);
  });

  it('replays explicit base dumps first, in the given order, wherever they are', () => {
    const set = orderMigrations(folder, [inFolder('V1__a.sql'), inFolder('schema.sql')], { base: ['/project/db/structure.sql', inFolder('schema.sql')] });
    assert.deepEqual(set.files.map(line), ['base /project/db/structure.sql', 'base schema.sql', 'up V1__a.sql']);
    assert.deepEqual(set.files[0], { path: '/project/db/structure.sql', role: 'base', version: '', description: 'structure' });
  });
});

describe('listed files', () => {
  it('keeps the given order, with base dumps first', () => {
    const set = orderMigrations(folder, [inFolder('z.sql'), inFolder('a.sql'), inFolder('z.sql')], { convention: 'listed', base: [inFolder('dump.sql')] });
    assert.equal(set.convention, 'listed');
    assert.deepEqual(set.files.map(line), ['base dump.sql', 'up z.sql', 'up a.sql']);
  });

  it('runs a folder that follows no convention in file-name order', () => {
    const set = orderMigrations(folder, [inFolder('b_users.sql'), inFolder('a_init.sql')]);
    assert.equal(set.convention, 'listed');
    assert.deepEqual(set.files.map(line), ['up a_init.sql', 'up b_users.sql']);
  });
});

describe('detectConvention', () => {
  for (const [expected, paths] of [
    ['flyway', ['V1__a.sql', 'V2__b.sql', 'R__views.sql', 'afterMigrate.sql']],
    ['up-down', ['0001_a.up.sql', '0001_a.down.sql']],
    ['up-down', ['20191100000004000000_errors.postgres.up.sql']],
    ['diesel', ['00000000000000_diesel_initial_setup/up.sql', '2020-12-03-035643_x/down.sql']],
    ['prisma', ['01_init/migration.sql']],
    ['timestamp', ['20221215195800_a.sql', '20221216195800_b.sql', 'schema.sql']],
    ['numbered', ['0001-initial.sql', '0002-x.sql']],
    [undefined, ['schema.sql', 'query.sql']],
    [undefined, ['a.sql', 'b.sql', '001_c.sql']],
    [undefined, []],
  ] as const) {
    it(`${expected ?? 'none'}: ${paths.join(' ')}`, () => {
      assert.equal(detectConvention(paths), expected);
    });
  }

  it('needs at least half the files to follow the convention', () => {
    assert.equal(detectConvention(['001_a.sql', 'notes.sql']), 'numbered');
    assert.equal(detectConvention(['001_a.sql', 'notes.sql', 'seed.sql']), undefined);
  });
});

describe('newMigrationPath', () => {
  it('Flyway: the next version in the same style, with an undo file when the set has them', () => {
    assert.deepEqual(newName(['V7__a.sql', 'V8__b.sql']), { up: 'V9__add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['V1_1__a.sql', 'V1_2__b.sql', 'R__views.sql']), { up: 'V1_3__add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['V1.9__a.sql']), { up: 'V1.10__add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['V001__a.sql']), { up: 'V002__add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['V20230411134605__a.sql']), { up: 'V20260701102030__add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['V1__a.sql', 'U1__a.sql']), { up: 'V2__add_orders_customer_id_index.sql', down: 'U2__add_orders_customer_id_index.sql' });
  });

  it('up/down: the next number with its padding and separator, or the time written like the existing versions', () => {
    assert.deepEqual(newName(['0001_a.up.sql', '0001_a.down.sql']), {
      up: '0002_add_orders_customer_id_index.up.sql',
      down: '0002_add_orders_customer_id_index.down.sql',
    });
    assert.deepEqual(newName(['20210710035447_alter_users.up.sql']), { up: '20260701102030_add_orders_customer_id_index.up.sql' });
    assert.deepEqual(newName(['1485949617_a.up.sql']), { up: '1782901230_add_orders_customer_id_index.up.sql' });
    assert.deepEqual(newName(['20220420102701000000_x.postgres.up.sql', '20220420102701000000_x.mysql.up.sql']), {
      up: '20260701102030000000_add_orders_customer_id_index.up.sql',
    });
  });

  it('up/down: the last version plus one when the clock is behind the newest migration', () => {
    assert.deepEqual(newName(['20300101000000_future.up.sql']), { up: '20300101000001_add_orders_customer_id_index.up.sql' });
  });

  it('diesel: a folder in the same timestamp format', () => {
    assert.deepEqual(newName(['2020-12-03-035643_x/up.sql', '2020-12-03-035643_x/down.sql']), {
      up: '2026-07-01-102030_add_orders_customer_id_index/up.sql',
      down: '2026-07-01-102030_add_orders_customer_id_index/down.sql',
    });
    assert.deepEqual(newName(['2026-06-17-110629-0000_x/up.sql']), { up: '2026-07-01-102030-0000_add_orders_customer_id_index/up.sql' });
    assert.deepEqual(newName(['20141007171515_x/up.sql']), { up: '20260701102030_add_orders_customer_id_index/up.sql' });
    assert.deepEqual(newName(['2026-07-27-143313-0000_x/up.sql']), { up: '2026-07-27-143313-0001_add_orders_customer_id_index/up.sql' });
  });

  it('Prisma: a timestamp folder, or the next number for umami-style folders', () => {
    assert.deepEqual(newName(['20230404095503_initial/migration.sql']), { up: '20260701102030_add_orders_customer_id_index/migration.sql' });
    assert.deepEqual(newName(['01_init/migration.sql', '19_add_session_replay/migration.sql']), { up: '20_add_orders_customer_id_index/migration.sql' });
  });

  it('timestamp and numbered files: same format, padding and separator; hyphenated words where the folder uses them', () => {
    assert.deepEqual(newName(['20221215195800_add_x.sql', '20221216195800_add_y.sql']), { up: '20260701102030_add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['0052-add-x.sql', '0053-drop-index-lower-name.sql']), { up: '0054-add-orders-customer-id-index.sql' });
    assert.deepEqual(newName(['001_init.sql', '099_last.sql']), { up: '100_add_orders_customer_id_index.sql' });
    assert.deepEqual(newName(['00000000000003-post-setup.sql', '00000000000002-storage.sql']), { up: '00000000000004-add-orders-customer-id-index.sql' });
    assert.deepEqual(newName(['001.sql', '002.sql']), { up: '003_add_orders_customer_id_index.sql' });
  });

  it('makes a description safe for a file name', () => {
    assert.deepEqual(newName(['001_a.sql'], 'add index on "orders"/x'), { up: '002_add_index_on_orders_x.sql' });
  });

  it('a chained (listed) set: named like the folder of its last migration, relative to the set folder', () => {
    const set: MigrationSet = {
      folder: '/project',
      convention: 'listed',
      files: [
        ...orderMigrations('/project/legacy', ['/project/legacy/001_a.sql']).files,
        ...orderMigrations('/project/db/migrations', ['/project/db/migrations/V1__a.sql', '/project/db/migrations/V2__b.sql']).files,
      ],
    };
    assert.deepEqual(newMigrationPath(set, 'add_x', july), { up: 'db/migrations/V3__add_x.sql' });
    const listed = orderMigrations('/project', ['/project/sql/b.sql', '/project/sql/a.sql'], { convention: 'listed' });
    assert.deepEqual(newMigrationPath(listed, 'add_x', july), { up: 'sql/add_x.sql' });
  });
});
