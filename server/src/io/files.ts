// Turns the paths a user gives (files, folders) into the SQL files to check, and reads their bytes.
// Problems (a missing path, an unreadable folder) are values naming the path; nothing here throws
// for user input, prints, or decodes text (the engine decodes bytes).
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeFsError, fsErrorCode } from './fs-errors';
import { compileGlobs, relativeToBase } from './globs';

/**
 * Names a folder search picks up. `.sql.postgres` is synapse's convention for PostgreSQL-only
 * schema files (its `.sql.sqlite` twins are not ours).
 */
export const sqlFileSuffixes: readonly string[] = ['.sql', '.psql', '.pgsql', '.sql.postgres', '.mysql'];

/** Folders never searched: dependencies and VCS internals hold no migrations of this project. */
const skippedFolders = new Set(['node_modules', '.git']);

export interface PathProblem {
  /** The path as the user wrote it, or the absolute path of something found inside a folder. */
  readonly path: string;
  readonly message: string;
}

export interface ExpandedPaths {
  /** Absolute paths, sorted by code unit, without duplicates. */
  readonly files: readonly string[];
  readonly problems: readonly PathProblem[];
}

export interface ExpandOptions {
  /** Relative paths are resolved against it. */
  readonly cwd: string;
  /** Globs from sqlsight.json `ignore`, relative to `ignoreBase`. */
  readonly ignore: readonly string[];
  readonly ignoreBase: string;
}

export function isSqlFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return sqlFileSuffixes.some((suffix) => lower.endsWith(suffix));
}

/**
 * Files are taken as given (any extension); folders are searched recursively for SQL files. The
 * `ignore` globs apply to both, so `git diff --name-only | xargs sqlsight check` honours them too.
 */
export function expandPaths(paths: readonly string[], options: ExpandOptions): ExpandedPaths {
  const ignored = compileGlobs(options.ignore);
  const isIgnored = (absolutePath: string): boolean => {
    const relativePath = relativeToBase(options.ignoreBase, absolutePath);
    return relativePath !== undefined && relativePath !== '' && ignored(relativePath);
  };
  // A path named on the command line is ignored when it or a folder above it matches (the walk
  // below checks each folder on its way down, so it needs only isIgnored).
  const isIgnoredWithAncestors = (absolutePath: string): boolean => {
    const relativePath = relativeToBase(options.ignoreBase, absolutePath);
    if (relativePath === undefined || relativePath === '') return false;
    const segments = relativePath.split('/');
    return segments.some((_segment, index) => ignored(segments.slice(0, index + 1).join('/')));
  };
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  // Real paths of folders already searched, so a symbolic link cycle ends.
  const visited = new Set<string>();

  const walk = (folder: string): void => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (error) {
      problems.push({ path: folder, message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder, message: `cannot read folder: ${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          // A dangling link only matters when it looks like a SQL file someone expects checked.
          if (isSqlFileName(entry.name)) problems.push({ path, message: `cannot read file: ${describeFsError(error)}` });
          continue;
        }
      }
      if (isDirectory) {
        if (!skippedFolders.has(entry.name) && !isIgnored(path)) walk(path);
      } else if (isFile && isSqlFileName(entry.name) && !isIgnored(path)) {
        files.add(path);
      }
    }
  };

  for (const given of paths) {
    const absolute = resolve(options.cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      const message = fsErrorCode(error) === 'ENOENT' ? 'path not found' : `cannot read: ${describeFsError(error)}`;
      problems.push({ path: given, message });
      continue;
    }
    if (isDirectory) {
      // The config's own folder is never ignored (the empty relative path matches nothing).
      if (!isIgnoredWithAncestors(absolute)) walk(absolute);
    } else if (!isIgnoredWithAncestors(absolute)) {
      files.add(absolute);
    }
  }
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted, problems };
}

export type ReadResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string };

/** The file's bytes, or why they cannot be read (the message names no path; the caller adds it). */
export function readFileBytes(path: string): ReadResult {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    return { ok: false, message: `cannot read file: ${describeFsError(error)}` };
  }
}
