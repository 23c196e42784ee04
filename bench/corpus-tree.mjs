// Rebuilds corpus projects as real folder trees (the corpus stores each file flat, its original
// path in MANIFEST.tsv), so migration discovery sees the layouts the projects really have.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const corpusRoot = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** Copies the named `owner/repo` projects of one dialect into a new temp folder, one subfolder each; returns its path. */
export function corpusTree(dialect, repos) {
  const root = mkdtempSync(join(tmpdir(), 'sqlsight-corpus-tree-'));
  const manifest = readFileSync(join(corpusRoot, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  for (const line of manifest) {
    const [fileDialect, repo, , path] = line.split('\t');
    if (fileDialect !== dialect || !repos.includes(repo) || !path) continue;
    const flat = join(corpusRoot, dialect, repo.replace('/', '__'), path.replaceAll('/', '__'));
    const target = join(root, repo.replace('/', '__'), path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(flat, target);
  }
  return root;
}
