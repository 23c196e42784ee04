// The shared corpus of real MySQL migrations (../shared/corpus/mysql/<project>/<file>), read for the
// splitter and front-end corpus tests. Test support only: reads files, changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const mysqlCorpusRoot = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'mysql');

export interface CorpusFile {
  readonly project: string;
  readonly path: string;
  readonly text: string;
}

/** Every corpus file, by project and then name. */
export function mysqlCorpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const project of readdirSync(mysqlCorpusRoot).sort()) {
    for (const name of readdirSync(join(mysqlCorpusRoot, project)).sort()) {
      const path = join(mysqlCorpusRoot, project, name);
      files.push({ project, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
