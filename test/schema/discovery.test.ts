// Tests of migration discovery in temporary folders: detected layouts (one set per folder, build
// and ignored folders skipped, bounds), sqlsight.json `migrations` entries chained into one
// sequence, and problems as values. Never walks the repository itself.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MigrationsEntry } from '../../server/src/engine';
import type { MigrationSet } from '../../server/src/engine/schema/migrations';
import { parseConfigText } from '../../server/src/io/config-loader';
import { discoverMigrations, type MigrationsConfig } from '../../server/src/io/migrations';

function project(paths: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-migrations-test-'));
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'SELECT 1;\n');
  }
  return root;
}

/** Sets as `folder (convention): role file …` lines and problems relative to the root, for readable assertions. */
async function discover(root: string, config: MigrationsConfig = {}): Promise<{ sets: string[][]; problems: string[] }> {
  const relative = (path: string): string => (path === root ? '.' : path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path);
  const describeSet = (set: MigrationSet): string[] => [
    `${relative(set.folder)} (${set.convention})`,
    ...set.files.map((file) => `${file.role} ${relative(file.path)}`),
  ];
  const result = await discoverMigrations(root, config, root);
  return {
    sets: result.sets.map(describeSet),
    problems: result.problems.map((problem) => `${relative(problem.path)}: ${problem.message}`),
  };
}

describe('discoverMigrations without config', () => {
  it('finds one set per folder that follows a convention, in path order', async () => {
    const root = project([
      'prisma/migrations/20230404095503_initial/migration.sql',
      'prisma/migrations/20230411134605_doc/migration.sql',
      'prisma/migrations/migration_lock.toml',
      'migrations/2020-12-03-035643_create_user/up.sql',
      'migrations/2020-12-03-035643_create_user/down.sql',
      'src/main/resources/db/migration/V1__init.sql',
      'src/main/resources/db/migration/V2__users.sql',
      'sqlc/schema.sql',
      'sqlc/query.sql',
      'README.sql',
    ]);
    assert.deepEqual(await discover(root), {
      sets: [
        ['migrations (diesel)', 'up migrations/2020-12-03-035643_create_user/up.sql', 'down migrations/2020-12-03-035643_create_user/down.sql'],
        ['prisma/migrations (prisma)', 'up prisma/migrations/20230404095503_initial/migration.sql', 'up prisma/migrations/20230411134605_doc/migration.sql'],
        ['src/main/resources/db/migration (flyway)', 'up src/main/resources/db/migration/V1__init.sql', 'up src/main/resources/db/migration/V2__users.sql'],
      ],
      problems: [],
    });
  });

  it('keeps the two sets of a monorepo independent, with a base dump first in its own set', async () => {
    const root = project([
      'services/billing/migrations/0002-b.sql',
      'services/billing/migrations/0001-a.sql',
      'services/billing/migrations/schema.sql',
      'services/users/db/migrations/20240101120000_users.up.sql',
      'services/users/db/migrations/20240101120000_users.down.sql',
      'services/users/db/migrations/9_first.up.sql',
    ]);
    assert.deepEqual((await discover(root)).sets, [
      [
        'services/billing/migrations (numbered)',
        'base services/billing/migrations/schema.sql',
        'up services/billing/migrations/0001-a.sql',
        'up services/billing/migrations/0002-b.sql',
      ],
      [
        'services/users/db/migrations (up-down)',
        'up services/users/db/migrations/9_first.up.sql',
        'up services/users/db/migrations/20240101120000_users.up.sql',
        'down services/users/db/migrations/20240101120000_users.down.sql',
      ],
    ]);
  });

  it('skips dependencies, build output, vendored code and ignored folders', async () => {
    const root = project([
      'node_modules/pkg/migrations/V1__a.sql',
      'dist/migrations/V1__a.sql',
      'build/migrations/V1__a.sql',
      'vendor/lib/migrations/V1__a.sql',
      'target/migrations/V1__a.sql',
      '.git/migrations/V1__a.sql',
      'legacy/migrations/V1__a.sql',
      'db/migrations/V1__a.sql',
      'db/migrations/V2__skipped.sql',
    ]);
    assert.deepEqual((await discover(root, { ignore: ['legacy', 'db/migrations/V2__*'] })).sets, [['db/migrations (flyway)', 'up db/migrations/V1__a.sql']]);
  });

  it('chooses pop files by the config dialect', async () => {
    const root = project(['db/1_a.postgres.up.sql', 'db/1_a.mysql.up.sql', 'db/1_a.up.sql', 'db/2_b.up.sql']);
    assert.deepEqual((await discover(root, { dialect: 'mysql' })).sets, [['db (up-down)', 'up db/1_a.mysql.up.sql', 'up db/2_b.up.sql']]);
  });

  it('without a config dialect, makes a pop folder with MySQL files a PostgreSQL and a MySQL set, and a mysql folder one MySQL set', async () => {
    const mixed = project(['db/1_a.postgres.up.sql', 'db/1_a.mysql.up.sql', 'db/1_a.up.sql', 'db/2_b.up.sql']);
    assert.deepEqual((await discover(mixed)).sets, [
      ['db (up-down)', 'up db/1_a.postgres.up.sql', 'up db/2_b.up.sql'],
      ['db (up-down)', 'up db/1_a.mysql.up.sql', 'up db/2_b.up.sql'],
    ]);
    const mysql = project(['db/mysql/V1__a.sql', 'db/mysql/V2__b.sql']);
    assert.deepEqual((await discover(mysql)).sets, [['db/mysql (flyway)', 'up db/mysql/V1__a.sql', 'up db/mysql/V2__b.sql']]);
  });

  it('stops descending after 8 folders and reports it', async () => {
    const deep = 'a/b/c/d/e/f/g/h/i';
    const root = project([`${deep}/V1__too_deep.sql`, 'a/b/c/d/e/f/g/h/V1__deep_enough.sql']);
    assert.deepEqual(await discover(root), {
      sets: [['a/b/c/d/e/f/g/h (flyway)', 'up a/b/c/d/e/f/g/h/V1__deep_enough.sql']],
      problems: [`${deep}: not searched for migrations: more than 8 folders deep; list the migration folders in sqlsight.json "migrations"`],
    });
  });

  it('stops after 20000 files and folders and reports it instead of hanging', async () => {
    const root = project(['db/V1__a.sql']);
    const crowded = join(root, 'aaa-crowded');
    mkdirSync(crowded);
    mkdirSync(join(crowded, 'inner'));
    for (let index = 0; index < 20_000; index++) writeFileSync(join(crowded, `f${index}.txt`), '');
    const result = await discover(root);
    assert.deepEqual(result.problems.length, 1);
    assert.match(result.problems[0] ?? '', /not searched for migrations: stopped after 20000 files and folders/);
  });

  it('ends at a symbolic link cycle', async () => {
    const root = project(['db/V1__a.sql']);
    symlinkSync(join(root, 'db'), join(root, 'db', 'loop'));
    assert.deepEqual(await discover(root), { sets: [['db (flyway)', 'up db/V1__a.sql']], problems: [] });
  });
});

describe('discoverMigrations with sqlsight.json entries', () => {
  const layout = [
    'db/structure.sql',
    'db/migrations/V1__init.sql',
    'db/migrations/V2__users.sql',
    'db/migrations/afterMigrate.sql',
    'legacy/b.sql',
    'legacy/a.sql',
    'services/a/migrations/001_a.sql',
    'services/b/migrations/001_b.sql',
    'pop/1_x.up.sql',
    'pop/1_x.down.sql',
    'pop/2_y.up.sql',
  ];

  it('takes a single folder entry as that folder\'s set', async () => {
    const root = project(layout);
    assert.deepEqual(await discover(root, { migrations: ['db/migrations'] }), {
      sets: [['db/migrations (flyway)', 'up db/migrations/V1__init.sql', 'up db/migrations/V2__users.sql']],
      problems: [],
    });
  });

  it('chains several entries into one listed sequence in the listed order, files keeping their roles', async () => {
    const root = project(layout);
    const migrations: MigrationsEntry[] = [
      { files: ['legacy/b.sql', 'legacy/a.sql'] },
      { folder: 'db/migrations', convention: 'flyway', base: ['db/structure.sql'] },
      'services/*/migrations',
      'pop/*.up.sql',
    ];
    assert.deepEqual(await discover(root, { migrations }), {
      sets: [
        [
          '. (listed)',
          'up legacy/b.sql',
          'up legacy/a.sql',
          'base db/structure.sql',
          'up db/migrations/V1__init.sql',
          'up db/migrations/V2__users.sql',
          'up services/a/migrations/001_a.sql',
          'up services/b/migrations/001_b.sql',
          'up pop/1_x.up.sql',
          'up pop/2_y.up.sql',
        ],
      ],
      problems: [],
    });
  });

  it('names an entry\'s down files with their ups, and a file named by two entries runs once', async () => {
    const root = project(layout);
    const result = await discoverMigrations(root, { migrations: ['pop', 'pop/*.up.sql', { files: ['pop/2_y.up.sql'] }] }, root);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.sets[0]?.files.map((file) => [file.role, file.path.slice(root.length + 1), file.upPath?.slice(root.length + 1)]),
      [
        ['up', 'pop/1_x.up.sql', undefined],
        ['down', 'pop/1_x.down.sql', 'pop/1_x.up.sql'],
        ['up', 'pop/2_y.up.sql', undefined],
      ],
    );
  });

  it('reports missing folders, files, base dumps and empty globs instead of throwing', async () => {
    const root = project(layout);
    const migrations: MigrationsEntry[] = [
      'db/migratoins',
      { folder: 'nowhere', convention: 'flyway' },
      { folder: 'db/migrations', base: ['db/schema.sql'] },
      { files: ['legacy/a.sql', 'legacy/c.sql', 'legacy'] },
      'db/*.up.sql',
      { folder: 'legacy/a.sql' },
    ];
    assert.deepEqual(await discover(root, { migrations }), {
      sets: [['. (listed)', 'up db/migrations/V1__init.sql', 'up db/migrations/V2__users.sql', 'up legacy/a.sql']],
      problems: [
        'db/migratoins: migration folder not found',
        'nowhere: migration folder not found',
        'db/schema.sql: base schema dump not found',
        'legacy/c.sql: migration file not found',
        'legacy: is a folder, not a migration file',
        'db/*.up.sql: matches no migration',
        'legacy/a.sql: is a file, not a migration folder',
      ],
    });
  });

  it('takes a folder that follows no convention in file-name order', async () => {
    const root = project(layout);
    assert.deepEqual((await discover(root, { migrations: ['legacy'] })).sets, [['legacy (listed)', 'up legacy/a.sql', 'up legacy/b.sql']]);
  });

  it('detects when the list is empty', async () => {
    const root = project(['db/V1__a.sql']);
    assert.deepEqual((await discover(root, { migrations: [] })).sets, [['db (flyway)', 'up db/V1__a.sql']]);
  });
});

describe('sqlsight.json migrations forms', () => {
  it('accepts folders, globs, folder objects and file lists', () => {
    const config = {
      migrations: ['db/migrations', 'services/*/migrations', { folder: 'db', convention: 'flyway', base: ['db/structure.sql'] }, { files: ['a.sql', 'b.sql'] }],
    };
    assert.equal(parseConfigText(JSON.stringify(config), '/p/sqlsight.json', []).ok, true);
  });

  for (const [name, entry, expected] of [
    ['an empty string', '', 'migrations[0]: must not be empty'],
    ['an object without folder', {}, 'migrations[0]: missing required key "folder"'],
    ['a misspelt key', { folder: 'db', conventon: 'flyway' }, 'migrations[0]: unknown key "conventon" (allowed: folder, convention, base); did you mean "convention"?'],
    ['an unknown convention', { folder: 'db', convention: 'rails' }, 'migrations[0].convention: must be one of flyway, up-down, diesel, prisma, timestamp, numbered, listed'],
    ['files with a folder', { files: ['a.sql'], folder: 'db' }, 'migrations[0]: unknown key "folder" (allowed: files)'],
    ['an empty file list', { files: [] }, 'migrations[0].files: must list at least 1 item'],
  ] as const) {
    it(`reports ${name} once, by key`, () => {
      const result = parseConfigText(JSON.stringify({ migrations: [entry] }), '/p/sqlsight.json', []);
      const problems = !result.ok && result.error.kind === 'invalid' ? result.error.problems : [];
      assert.deepEqual(
        problems.map((problem) => `${problem.keyPath}: ${problem.message}`),
        [expected],
      );
    });
  }
});
