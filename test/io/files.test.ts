// Tests of path expansion (folders → SQL files, ignore globs, problems as values) and byte reading,
// in temporary folders. Never walks the repository itself.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandPaths, isSqlFileName, readFileBytes } from '../../server/src/io/files';

function project(paths: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-files-test-'));
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'SELECT 1;\n');
  }
  return root;
}

/** Expanded files relative to the root, for readable assertions. */
function expand(root: string, paths: readonly string[], ignore: readonly string[] = []): { files: string[]; problems: string[] } {
  const result = expandPaths(paths, { cwd: root, ignore, ignoreBase: root });
  return {
    files: result.files.map((file) => file.slice(root.length + 1)),
    problems: result.problems.map((problem) => `${problem.path.startsWith(root) ? problem.path.slice(root.length + 1) : problem.path}: ${problem.message}`),
  };
}

describe('expandPaths', () => {
  const layout = [
    'db/002_b.sql',
    'db/001_a.sql',
    'db/nested/003.PSQL',
    'db/nested/004.pgsql',
    'db/synapse.sql.postgres',
    'db/synapse.sql.sqlite',
    'db/README.md',
    'db/node_modules/pkg/x.sql',
    'db/.git/y.sql',
    'db/.migrations/005.sql',
    'legacy/old.sql',
    'notes.txt',
  ];

  it('searches folders for SQL files, skipping node_modules and .git, sorted', () => {
    const root = project(layout);
    assert.deepEqual(expand(root, ['.']), {
      files: [
        'db/.migrations/005.sql',
        'db/001_a.sql',
        'db/002_b.sql',
        'db/nested/003.PSQL',
        'db/nested/004.pgsql',
        'db/synapse.sql.postgres',
        'legacy/old.sql',
      ],
      problems: [],
    });
  });

  it('takes files as given, whatever their extension, without duplicates', () => {
    const root = project(layout);
    assert.deepEqual(expand(root, ['notes.txt', 'db/001_a.sql', 'db', './db/001_a.sql']).files, [
      'db/.migrations/005.sql',
      'db/001_a.sql',
      'db/002_b.sql',
      'db/nested/003.PSQL',
      'db/nested/004.pgsql',
      'db/synapse.sql.postgres',
      'notes.txt',
    ]);
  });

  it('applies ignore globs to folders, names at any depth, and paths given explicitly', () => {
    const root = project(layout);
    assert.deepEqual(expand(root, ['.'], ['legacy/**', 'nested', '*_b.sql', '.migrations/']).files, ['db/001_a.sql', 'db/synapse.sql.postgres']);
    assert.deepEqual(expand(root, ['legacy/old.sql', 'db/nested/004.pgsql'], ['legacy', 'nested']).files, []);
    // The config's own folder is never ignored itself: "." is searched, its ignored children are not.
    assert.deepEqual(expand(root, ['.'], ['db', 'legacy/']).files, []);
    assert.deepEqual(expand(root, ['.'], ['db/**']), { files: ['legacy/old.sql'], problems: [] });
  });

  it('matches ignore globs relative to the config folder, not the current folder', () => {
    const root = project(layout);
    const result = expandPaths(['.'], { cwd: join(root, 'db'), ignore: ['db/nested/**'], ignoreBase: root });
    assert.deepEqual(
      result.files.map((file) => file.slice(root.length + 1)),
      ['db/.migrations/005.sql', 'db/001_a.sql', 'db/002_b.sql', 'db/synapse.sql.postgres'],
    );
  });

  it('names a missing path and a dangling link, and keeps the rest', () => {
    const root = project(['db/001.sql']);
    symlinkSync(join(root, 'nowhere.sql'), join(root, 'db', 'dangling.sql'));
    assert.deepEqual(expand(root, ['missing.sql', 'db']), {
      files: ['db/001.sql'],
      problems: ['missing.sql: path not found', 'db/dangling.sql: cannot read file: not found (ENOENT)'],
    });
  });

  it('follows a symbolic link to a folder once, even in a cycle', () => {
    const root = project(['db/001.sql']);
    symlinkSync(join(root, 'db'), join(root, 'db', 'loop'));
    assert.deepEqual(expand(root, ['db']), { files: ['db/001.sql'], problems: [] });
  });
});

describe('readFileBytes', () => {
  it('returns the bytes, or a message for what cannot be read', () => {
    const root = project(['a.sql']);
    const read = readFileBytes(join(root, 'a.sql'));
    assert.ok(read.ok);
    assert.equal(Buffer.from(read.bytes).toString('utf8'), 'SELECT 1;\n');
    assert.deepEqual(readFileBytes(join(root, 'nope.sql')), { ok: false, message: 'cannot read file: not found (ENOENT)' });
    assert.deepEqual(readFileBytes(root), { ok: false, message: 'cannot read file: it is a folder, not a file (EISDIR)' });
  });

  it('recognises SQL file names case-insensitively', () => {
    assert.ok(isSqlFileName('V1__init.SQL'));
    assert.ok(!isSqlFileName('schema.sql.sqlite'));
  });
});
