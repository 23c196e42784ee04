// Glob matching for sqlsight.json (`ignore`, `overrides[].files`): paths relative to the config
// file's folder, forward slashes. One place decides the glob semantics so the CLI, the file walker
// and the language server agree; it must not read the disk.
import { isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** `dot`: `.github/…` and `.migrations/` are ordinary folders for a SQL tool. */
const globOptions: picomatch.PicomatchOptions = { dot: true };

export type PathMatcher = (relativePath: string) => boolean;

/** The path of `absolutePath` relative to `baseDir` with `/` separators, or undefined when it lies outside. */
export function relativeToBase(baseDir: string, absolutePath: string): string | undefined {
  const path = relative(baseDir, absolutePath);
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return sep === '/' ? path : path.split(sep).join('/');
}

function normaliseGlob(glob: string): string {
  // "./migrations/**" and "migrations/**" mean the same to a user; picomatch does not strip "./".
  // A trailing slash ("legacy/", .gitignore's folder syntax) names the folder itself.
  let normalised = glob.startsWith('./') ? glob.slice(2) : glob;
  while (normalised.length > 1 && normalised.endsWith('/')) normalised = normalised.slice(0, -1);
  return normalised;
}

/**
 * One compiled matcher per glob. A glob without a slash (`*.generated.sql`, `legacy`) matches the
 * last path segment at any depth, as in .gitignore. (picomatch's own `basename` option also
 * applies to globs with slashes, which breaks `legacy/**`, so it is done here.)
 */
export function compileGlob(glob: string): PathMatcher {
  const normalised = normaliseGlob(glob);
  const matches = picomatch(normalised, globOptions);
  if (normalised.includes('/')) return matches;
  return (relativePath) => matches(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}

/** True when any glob matches. An empty list matches nothing. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  const matchers = globs.map(compileGlob);
  if (matchers.length === 0) return () => false;
  return (relativePath) => matchers.some((matches) => matches(relativePath));
}
