// Finds a project's migrations: the entries of sqlsight.json `migrations` (one sequence, in the
// listed order), or without that key every folder whose files follow one migration convention
// (each its own sequence). The order inside a folder is the engine's (engine/schema/migrations.ts).
// Walks are bounded in depth and entries; problems are values naming the path, never thrown.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { detectConvention, dialectFromPath, migrationFolderOf, orderMigrations, type Dialect, type MigrationSet, type MigrationsEntry, type OrderOptions, type SqlsightConfig } from '../engine';
import { isSqlFileName, type PathProblem } from './files';
import { describeFsError, fsErrorCode } from './fs-errors';
import { compileGlob, compileGlobs, relativeToBase } from './globs';

export interface MigrationDiscovery {
  /** From sqlsight.json: at most one set, the whole sequence. Detected: one set per folder, by path. */
  readonly sets: MigrationSet[];
  readonly problems: PathProblem[];
}

export type MigrationsConfig = Pick<SqlsightConfig, 'migrations' | 'ignore' | 'dialect'>;

const maxDepth = 8;
const maxEntries = 20_000;

/**
 * Never searched for migrations. files.ts skips only node_modules and .git, because a user may name
 * build/ on the command line; here nobody names anything, and copies of migrations in build output
 * or vendored code would form sets of their own.
 */
const skippedFolders = new Set(['node_modules', '.git', 'dist', 'build', 'vendor', 'target']);

/** One discovery's walking state: the entry budget its walks share, and problems so far. */
interface Walk {
  readonly isIgnored: (absolutePath: string) => boolean;
  readonly problems: PathProblem[];
  entriesLeft: number;
  reportedDepth: boolean;
}

/** SQL files by folder (absolute paths), every folder read listed even when it has none. */
type SqlFilesByFolder = Map<string, string[]>;

function newWalk(ignore: readonly string[], ignoreBase: string): Walk {
  const ignored = compileGlobs(ignore);
  const isIgnored = (absolutePath: string): boolean => {
    const relativePath = relativeToBase(ignoreBase, absolutePath);
    return relativePath !== undefined && relativePath !== '' && ignored(relativePath);
  };
  return { isIgnored, problems: [], entriesLeft: maxEntries, reportedDepth: false };
}

/** Whether an entry is a folder or a file, following symbolic links; undefined for a dangling link, a socket …. */
async function kindOf(path: string, entry: Dirent): Promise<'folder' | 'file' | undefined> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * The SQL files and subfolders of one folder, or undefined (a problem recorded) when it cannot be
 * read. `visited` holds the real paths this walk has read, so a symbolic link cycle ends.
 */
async function readFolder(walk: Walk, folder: string, visited: Set<string>): Promise<{ files: string[]; folders: string[] } | undefined> {
  try {
    const real = await realpath(folder);
    if (visited.has(real)) return { files: [], folders: [] };
    visited.add(real);
    // Sorted, so where a bound stops the walk does not depend on the file system's order.
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    walk.entriesLeft -= entries.length;
    const files: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (walk.isIgnored(path)) continue;
      const kind = await kindOf(path, entry);
      if (kind === 'folder' && !skippedFolders.has(entry.name)) folders.push(path);
      else if (kind === 'file' && isSqlFileName(entry.name)) files.push(path);
    }
    return { files, folders };
  } catch (error) {
    walk.problems.push({ path: folder, message: `cannot read folder: ${describeFsError(error)}` });
    return undefined;
  }
}

/** Every SQL file under `start`, by folder, at most `maxDepth` folders down and within the entry budget. */
async function sqlFilesByFolder(walk: Walk, start: string): Promise<SqlFilesByFolder> {
  const found: SqlFilesByFolder = new Map();
  const visited = new Set<string>();
  // Breadth first, so the entry budget is spent on shallow folders, where migrations live.
  const queue: { folder: string; depth: number }[] = [{ folder: start, depth: 0 }];
  for (const next of queue) {
    if (walk.entriesLeft <= 0) {
      walk.problems.push({
        path: next.folder,
        message: `not searched for migrations: stopped after ${maxEntries} files and folders; list the migration folders in sqlsight.json "migrations"`,
      });
      break;
    }
    const listing = await readFolder(walk, next.folder, visited);
    if (listing === undefined) continue;
    found.set(next.folder, listing.files);
    if (next.depth < maxDepth) queue.push(...listing.folders.map((folder) => ({ folder, depth: next.depth + 1 })));
    else if (listing.folders.length > 0) reportDepth(walk, listing.folders[0] ?? next.folder);
  }
  return found;
}

function reportDepth(walk: Walk, folder: string): void {
  if (walk.reportedDepth) return;
  walk.reportedDepth = true;
  walk.problems.push({
    path: folder,
    message: `not searched for migrations: more than ${maxDepth} folders deep; list the migration folders in sqlsight.json "migrations"`,
  });
}

/** A folder's candidate migrations: its own SQL files and its subfolders' up.sql, down.sql, migration.sql. */
function membersByFolder(files: SqlFilesByFolder): Map<string, string[]> {
  return groupBy([...files.values()].flat(), migrationFolderOf);
}

function groupBy(paths: readonly string[], keyOf: (path: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) {
    const key = keyOf(path);
    const group = groups.get(key);
    if (group) group.push(path);
    else groups.set(key, [path]);
  }
  return groups;
}

function relativePaths(folder: string, paths: readonly string[]): string[] {
  return paths.map((path) => relativeToBase(folder, path) ?? path);
}

function byPath<T extends { readonly folder: string }>(a: T, b: T): number {
  return a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0;
}

/**
 * The dialects a folder's set is ordered for: the configured one; without one, MySQL when every file
 * is MySQL by its path (`db/mysql/`), else the default, plus a MySQL set when some files are MySQL
 * (pop's `x.mysql.up.sql` beside `x.postgres.up.sql`: each database runs its own files).
 */
function setDialects(paths: readonly string[], configured: Dialect | undefined): (Dialect | undefined)[] {
  if (configured !== undefined) return [configured];
  const mysqlFiles = paths.filter((path) => dialectFromPath(path) === 'mysql').length;
  if (mysqlFiles === 0) return [undefined];
  return mysqlFiles === paths.length ? ['mysql'] : [undefined, 'mysql'];
}

/** Without config: every folder whose files follow a convention is a set of its own. */
async function detectedSets(walk: Walk, root: string, dialect: Dialect | undefined): Promise<MigrationSet[]> {
  const sets: MigrationSet[] = [];
  for (const [folder, paths] of membersByFolder(await sqlFilesByFolder(walk, root))) {
    const convention = detectConvention(relativePaths(folder, paths));
    if (convention === undefined) continue;
    for (const setDialect of setDialects(paths, dialect)) sets.push(orderMigrations(folder, paths, { convention, dialect: setDialect }));
  }
  return sets.sort(byPath);
}

/**
 * A configured folder's set from every SQL file under it. The convention is detected from the
 * folder's own files and per-migration folders; only Flyway also takes files from deeper folders.
 */
function folderSet(folder: string, paths: readonly string[], options: OrderOptions): MigrationSet {
  const shallow = paths.filter((path) => migrationFolderOf(path) === folder);
  const convention = options.convention ?? detectConvention(relativePaths(folder, shallow));
  const members = convention === 'flyway' ? paths : shallow;
  return orderMigrations(folder, [...members].sort(), { ...options, convention });
}

type PathKind = { readonly kind: 'folder' } | { readonly kind: 'file' } | { readonly kind: 'missing'; readonly message: string };

async function entryKind(path: string): Promise<PathKind> {
  try {
    return (await stat(path)).isDirectory() ? { kind: 'folder' } : { kind: 'file' };
  } catch (error) {
    return { kind: 'missing', message: fsErrorCode(error) === 'ENOENT' ? 'not found' : `cannot read: ${describeFsError(error)}` };
  }
}

/** Files as written in the config, resolved; a missing one becomes a problem naming it as written. */
async function existingFiles(walk: Walk, written: readonly string[], configDir: string, noun: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of written) {
    const kind = await entryKind(resolve(configDir, path));
    if (kind.kind === 'file') found.push(resolve(configDir, path));
    else walk.problems.push({ path, message: kind.kind === 'folder' ? `is a folder, not a ${noun}` : `${noun} ${kind.message}` });
  }
  return found;
}

async function configuredFolderSet(
  walk: Walk,
  written: string,
  options: OrderOptions,
  configDir: string,
): Promise<MigrationSet | undefined> {
  const folder = resolve(configDir, written);
  const kind = await entryKind(folder);
  if (kind.kind !== 'folder') {
    walk.problems.push({ path: written, message: kind.kind === 'file' ? 'is a file, not a migration folder' : `migration folder ${kind.message}` });
    return undefined;
  }
  const paths = [...(await sqlFilesByFolder(walk, folder)).values()].flat();
  const set = folderSet(folder, paths, options);
  if (set.files.length > 0) return set;
  walk.problems.push({ path: written, message: 'holds no migration' });
  return undefined;
}

/**
 * A glob names folders (each then taken like a folder entry) or files (`db/*.up.sql`, grouped by
 * the folder they belong to); the sets follow in path order.
 */
async function globSets(walk: Walk, glob: string, dialect: Dialect | undefined, configDir: string): Promise<MigrationSet[]> {
  const matches = compileGlob(glob);
  const start = resolve(configDir, picomatch.scan(glob).base);
  const files = await sqlFilesByFolder(walk, start);
  const isMatched = (path: string): boolean => path !== start && matches(relativeToBase(configDir, path) ?? '');
  const matchedFolders = [...files.keys()].filter(isMatched);
  const outermostFolders = matchedFolders.filter((folder) => !matchedFolders.some((other) => folder.startsWith(other + sep)));
  const folderOwning = (path: string): string | undefined => outermostFolders.find((folder) => path.startsWith(folder + sep));
  // A file inside a matched folder belongs to it; another file only when it matches itself.
  const owned = [...files.values()].flat().filter((path) => folderOwning(path) !== undefined || isMatched(path));
  const groups = groupBy(owned, (path) => folderOwning(path) ?? migrationFolderOf(path));
  const sets = [...groups].map(([folder, paths]) => folderSet(folder, paths, { dialect })).filter((set) => set.files.length > 0);
  if (sets.length === 0) walk.problems.push({ path: glob, message: 'matches no migration' });
  return sets.sort(byPath);
}

async function stringEntrySets(walk: Walk, entry: string, dialect: Dialect | undefined, configDir: string): Promise<MigrationSet[]> {
  if (picomatch.scan(entry).isGlob) return globSets(walk, entry, dialect, configDir);
  // A single file is a list of one.
  if ((await entryKind(resolve(configDir, entry))).kind === 'file') return entrySets(walk, { files: [entry] }, dialect, configDir);
  const set = await configuredFolderSet(walk, entry, { dialect }, configDir);
  return set === undefined ? [] : [set];
}

async function entrySets(walk: Walk, entry: MigrationsEntry, dialect: Dialect | undefined, configDir: string): Promise<MigrationSet[]> {
  if (typeof entry === 'string') return stringEntrySets(walk, entry, dialect, configDir);
  if ('files' in entry) {
    const files = await existingFiles(walk, entry.files, configDir, 'migration file');
    return files.length === 0 ? [] : [orderMigrations(configDir, files, { convention: 'listed' })];
  }
  const base = await existingFiles(walk, entry.base ?? [], configDir, 'base schema dump');
  const set = await configuredFolderSet(walk, entry.folder, { convention: entry.convention, dialect, base }, configDir);
  return set === undefined ? [] : [set];
}

/** Entries form one sequence: several sets are chained into one listed set, each file keeping its role and place. */
function chainSets(sets: readonly MigrationSet[], configDir: string): MigrationSet[] {
  if (sets.length <= 1) return [...sets];
  // A file named by two entries runs once, where it first appears.
  const seen = new Set<string>();
  const files = sets.flatMap((set) => set.files).filter((file) => {
    if (seen.has(file.path)) return false;
    seen.add(file.path);
    return true;
  });
  return [{ folder: configDir, convention: 'listed', files }];
}

/**
 * The migration sets of the project under `root`: from sqlsight.json `migrations` (relative to
 * `configDir`) when it lists any, else detected. `ignore` globs (relative to `configDir`) and build
 * folders are not searched; files listed explicitly are taken as given.
 */
export async function discoverMigrations(root: string, config: MigrationsConfig, configDir: string): Promise<MigrationDiscovery> {
  const walk = newWalk(config.ignore ?? [], configDir);
  const entries = config.migrations ?? [];
  if (entries.length === 0) return { sets: await detectedSets(walk, resolve(root), config.dialect), problems: walk.problems };
  const sets: MigrationSet[] = [];
  for (const entry of entries) sets.push(...(await entrySets(walk, entry, config.dialect, configDir)));
  return { sets: chainSets(sets, configDir), problems: walk.problems };
}
