// What the schema oracles (test/corpus/schema-oracle.test.ts for PostgreSQL,
// mysql-schema-oracle.test.ts for MySQL/MariaDB) share: a corpus project laid out as its
// repository, its migration set as sqlsight discovers it, and the allow-list of known
// differences, each with a reason; an entry that matches no difference any more fails too.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MigrationSet } from '../../server/src/engine/schema/migrations';
import { discoverMigrations, type MigrationsConfig } from '../../server/src/io/migrations';

export const corpusRoot = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

/** The corpus' dialect folders (`pg`, `mysql`), as MANIFEST.tsv's first column names them. */
export type CorpusDialect = 'pg' | 'mysql';

/**
 * The repository's files laid out under their original paths (the corpus flattens `/` to `__`),
 * from the corpus folders of the given dialects, so discovery sees the real tree: pop's files
 * for every database (`x.up.sql`) are in the PostgreSQL folder, its `x.mysql.up.sql` in the MySQL one.
 */
export function reconstructRepository(repository: string, dialects: readonly CorpusDialect[]): string {
  const root = mkdtempSync(join(tmpdir(), `sqlsight-oracle-${repository.replace(/\W+/g, '-')}-`));
  for (const line of readFileSync(join(corpusRoot, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const [dialect, listed, , path] = line.split('\t');
    if (listed !== repository || path === undefined || !dialects.some((wanted) => wanted === dialect) || dialect === undefined) continue;
    const source = join(corpusRoot, dialect, repository.replace('/', '__'), path.replaceAll('/', '__'));
    assert.ok(existsSync(source), `${source} is listed in MANIFEST.tsv but missing from the corpus`);
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(source));
  }
  return root;
}

/** The set sqlsight finds in `folder` (a path in the repository) with this configuration, as its language server and CLI would. */
export async function discoveredSet(root: string, name: string, folder: string, config: MigrationsConfig): Promise<MigrationSet> {
  const discovery = await discoverMigrations(root, config, root);
  assert.deepEqual(discovery.problems, [], `${name}: discovery problems`);
  const absolute = join(root, folder);
  const set = discovery.sets.find((candidate) => candidate.folder === absolute);
  assert.ok(set, `${name}: no migration set found in ${folder} (found: ${discovery.sets.map((candidate) => candidate.folder).join(', ')})`);
  return set;
}

export interface AllowedDifference {
  readonly difference: string;
  readonly reason: string;
}

/** An allow-list: per project, the differences expected and why. */
export function readAllowList(path: string): Record<string, readonly AllowedDifference[]> {
  const file = path.split('/').pop() ?? path;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  assert.ok(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), `${file}: expected an object of projects`);
  const result: Record<string, AllowedDifference[]> = {};
  for (const [project, entries] of Object.entries(parsed)) {
    assert.ok(Array.isArray(entries), `${file}: ${project} is not a list`);
    result[project] = entries.map((entry: unknown, index) => {
      const difference: unknown = typeof entry === 'object' && entry !== null && 'difference' in entry ? entry.difference : undefined;
      const reason: unknown = typeof entry === 'object' && entry !== null && 'reason' in entry ? entry.reason : undefined;
      assert.ok(typeof difference === 'string' && typeof reason === 'string' && reason.trim() !== '', `${file}: ${project}[${index}] needs a difference and a reason`);
      return { difference, reason };
    });
  }
  return result;
}

/**
 * Fails, listing them in full (the assertion's own diff cuts long lists short), when a difference is
 * not allowed or an allowed one was not found.
 */
export function assertAllowed(project: string, differences: readonly string[], allowed: readonly AllowedDifference[], against: { readonly server: string; readonly allowList: string }): void {
  const allowedKeys = new Set(allowed.map((entry) => entry.difference));
  const unexpected = differences.filter((difference) => !allowedKeys.has(difference));
  const found = new Set(differences);
  const stale = allowed.filter((entry) => !found.has(entry.difference)).map((entry) => entry.difference);
  const problems = [
    ...(unexpected.length > 0 ? [`${unexpected.length} differences between the model and ${against.server} are not in ${against.allowList}:`, ...unexpected.map((line) => `  ${line}`)] : []),
    ...(stale.length > 0 ? [`${stale.length} allow-list entries match no difference any more (remove them):`, ...stale.map((line) => `  ${line}`)] : []),
  ];
  if (problems.length > 0) assert.fail(`${project}:\n${problems.join('\n')}`);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
