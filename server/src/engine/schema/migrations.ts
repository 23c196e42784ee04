// Which files of a folder form a migration sequence, and the order the migration tool runs them in:
// Flyway, golang-migrate and pop, diesel, Prisma, timestamp- or number-prefixed files, or a list.
// Pure: it sees path strings only (io/migrations.ts lists the folders) and gets the time as an
// argument, so the CLI, the language server and the tests agree on one order.
import type { Dialect } from '../model';

export type MigrationConvention = 'flyway' | 'up-down' | 'diesel' | 'prisma' | 'timestamp' | 'numbered' | 'listed';
export type MigrationRole = 'base' | 'up' | 'down' | 'repeatable';

export interface MigrationFile {
  /** Absolute path as given. */
  readonly path: string;
  readonly role: MigrationRole;
  /** The ordering key as written ('1.2', '20230411134605'); '' for base, repeatable and listed files. */
  readonly version: string;
  /** The human name part ('create_users'). */
  readonly description: string;
  /** For a down migration: the path of the up migration it reverts, when present. */
  readonly upPath?: string;
}

export interface MigrationSet {
  /** Absolute folder the set was found in (or the config's folder). */
  readonly folder: string;
  readonly convention: MigrationConvention;
  /**
   * Every file, in replay order: base dumps first, then versioned ups, then repeatables (Flyway R__
   * after all V, ordered by description); down files are included but placed right after their up
   * (they are linted, not replayed).
   */
  readonly files: readonly MigrationFile[];
  /** The dialect the set was ordered for (pop keeps one file per database), when one was configured or chosen. */
  readonly dialect?: Dialect;
}

export interface OrderOptions {
  /** Detected from the file names when absent; when nothing fits, files run in file-name order ('listed'). */
  readonly convention?: MigrationConvention;
  /** Chooses pop's database-specific files (`x.postgres.up.sql`); default postgres. */
  readonly dialect?: Dialect;
  /** Schema dumps replayed before every migration, in this order. */
  readonly base?: readonly string[];
}

/** Paths relative to the set's folder, with `/` separators; `down` when the folder has down migrations. */
export interface NewMigrationPath {
  readonly up: string;
  readonly down?: string;
}

type VersionedConvention = Exclude<MigrationConvention, 'listed'>;

/** A migration's file name read under one convention. */
interface ParsedName {
  readonly role: 'up' | 'down' | 'repeatable';
  readonly version: string;
  readonly description: string;
  /** pop: the database the file is written for ('postgres', 'mysql', 'sqlite3' …); undefined: every database. */
  readonly database?: string;
}

type ParsedFile = ParsedName & { readonly path: string };

interface ConventionRules {
  /** `segments`: the path relative to the set's folder. Undefined when the file is not one of the convention's migrations. */
  readonly parse: (segments: readonly string[]) => ParsedName | undefined;
  /** Negative when version `a` runs before `b`, as the tool compares them; 0 for the same version. */
  readonly compareVersions: (a: string, b: string) => number;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Digit strings by value, so `9` runs before `10` (golang-migrate parses a uint, goose an int64). */
function compareNumbers(a: string, b: string): number {
  const valueA = a.replace(/^0+(?=\d)/, '');
  const valueB = b.replace(/^0+(?=\d)/, '');
  return valueA.length - valueB.length || compareCodeUnits(valueA, valueB);
}

/** Flyway: parts split at `.` or `_`, each compared as a number; a missing part is 0, so 1 = 1.0. */
function compareFlywayVersions(a: string, b: string): number {
  const partsA = a.split(/[._]/);
  const partsB = b.split(/[._]/);
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const order = compareNumbers(partsA[index] ?? '0', partsB[index] ?? '0');
    if (order !== 0) return order;
  }
  return 0;
}

function fileStem(name: string | undefined): string | undefined {
  return name !== undefined && /\.sql$/i.test(name) ? name.slice(0, -'.sql'.length) : undefined;
}

/** `V1__x`, `V1_2__x`, `V1.2__x`, `U1__x` (undo), `R__x` (repeatable), at any depth: Flyway searches its locations recursively. */
function parseFlyway(segments: readonly string[]): ParsedName | undefined {
  const match = /^(?:([VU])(\d+(?:[._]\d+)*)|R)__(.*)$/.exec(fileStem(segments.at(-1)) ?? '');
  if (!match) return undefined;
  const [, prefix, version = '', description = ''] = match;
  return { role: prefix === undefined ? 'repeatable' : prefix === 'U' ? 'down' : 'up', version, description };
}

/** pop's database tags, by the name they are written with. */
const databaseOfTag: ReadonlyMap<string, string> = new Map([
  ['postgres', 'postgres'],
  ['postgresql', 'postgres'],
  ['pg', 'postgres'],
  ['mysql', 'mysql'],
  ['mariadb', 'mysql'],
  ['sqlite', 'sqlite3'],
  ['sqlite3', 'sqlite3'],
  ['cockroach', 'cockroach'],
  ['cockroachdb', 'cockroach'],
  ['crdb', 'cockroach'],
  ['yugabyte', 'yugabyte'],
  ['yugabytedb', 'yugabyte'],
]);

/** pop has no MariaDB: its MySQL files serve both. */
const databaseOfDialect: Readonly<Record<Dialect, string>> = { postgres: 'postgres', mysql: 'mysql', mariadb: 'mysql' };

/**
 * golang-migrate `0001_x.up.sql`; pop (ory/kratos) adds a database and a no-transaction flag:
 * `20191100000004000000_errors.postgres.autocommit.up.sql`. An unknown tag stays in the description.
 */
function parseUpDown(segments: readonly string[]): ParsedName | undefined {
  if (segments.length !== 1) return undefined;
  const match = /^(\d+)(?:[_-](.*?))?\.(up|down)$/.exec(fileStem(segments[0]) ?? '');
  if (!match) return undefined;
  const [, version = '', name = '', direction] = match;
  const words = name.split('.');
  if (words.length > 1 && words.at(-1) === 'autocommit') words.pop();
  const database = words.length > 1 ? databaseOfTag.get(words.at(-1) ?? '') : undefined;
  if (database !== undefined) words.pop();
  return { role: direction === 'down' ? 'down' : 'up', version, description: words.join('.'), database };
}

/** A migration folder `<version>_<name>` holding `fileNames` (diesel's up.sql/down.sql, Prisma's migration.sql). */
function parseMigrationFolder(
  segments: readonly string[],
  folderPattern: RegExp,
  roleOfFile: (name: string) => 'up' | 'down' | undefined,
): ParsedName | undefined {
  if (segments.length !== 2) return undefined;
  const role = roleOfFile(segments[1] ?? '');
  const match = folderPattern.exec(segments[0] ?? '');
  if (role === undefined || !match) return undefined;
  return { role, version: match[1] ?? '', description: match[2] ?? '' };
}

/** diesel: `2020-12-03-035643_x/`, `20141007171515_x/`, `2026-06-17-110629-0000_x/`. */
function parseDiesel(segments: readonly string[]): ParsedName | undefined {
  return parseMigrationFolder(segments, /^(\d[\d-]*)_(.*)$/, (name) => (name === 'up.sql' ? 'up' : name === 'down.sql' ? 'down' : undefined));
}

/** Prisma: `20230411134605_x/migration.sql`, umami's `01_init/migration.sql`. */
function parsePrisma(segments: readonly string[]): ParsedName | undefined {
  return parseMigrationFolder(segments, /^(\d+)_(.*)$/, (name) => (name === 'migration.sql' ? 'up' : undefined));
}

/** `20221215195800_add_x.sql`, `0053-drop-index.sql`, `001.sql` (dbmate and goose sections stay inside the one file). */
function parseNumberPrefixed(segments: readonly string[]): ParsedName | undefined {
  if (segments.length !== 1) return undefined;
  const match = /^(\d+)(?:[-_.](.*))?$/.exec(fileStem(segments[0]) ?? '');
  if (!match) return undefined;
  return { role: 'up', version: match[1] ?? '', description: match[2] ?? '' };
}

/**
 * diesel: the folder name up to the first `_`, dashes removed, compared as a string
 * (migrations_internals::version_from_string), so 2017-09-26-200549 runs before 20180101000000.
 */
function compareDieselVersions(a: string, b: string): number {
  return compareCodeUnits(a.replaceAll('-', ''), b.replaceAll('-', ''));
}

/** Prisma sorts migration folders by their whole name; `version_` orders exactly as the name does. */
function comparePrismaVersions(a: string, b: string): number {
  return compareCodeUnits(`${a}_`, `${b}_`);
}

const conventionRules: Readonly<Record<VersionedConvention, ConventionRules>> = {
  flyway: { parse: parseFlyway, compareVersions: compareFlywayVersions },
  'up-down': { parse: parseUpDown, compareVersions: compareNumbers },
  diesel: { parse: parseDiesel, compareVersions: compareDieselVersions },
  prisma: { parse: parsePrisma, compareVersions: comparePrismaVersions },
  timestamp: { parse: parseNumberPrefixed, compareVersions: compareNumbers },
  numbered: { parse: parseNumberPrefixed, compareVersions: compareNumbers },
};

/** Most specific first: an `x.up.sql` file is also number-prefixed. 'numbered' is told from 'timestamp' by version length. */
const detectionOrder: readonly VersionedConvention[] = ['prisma', 'diesel', 'flyway', 'up-down', 'timestamp'];

/** Schema dumps replayed before the migrations when they lie among them. */
function isBaseDumpName(name: string): boolean {
  return /^(?:schema|structure)\.sql$|\.schema\.sql$/i.test(name);
}

function pathSegments(path: string): string[] {
  return path.replaceAll('\\', '/').split('/').filter((segment) => segment !== '' && segment !== '.');
}

/** `to` relative to `from`, with `/` separators ('' for the same folder). */
function relativePath(from: string, to: string): string {
  const fromParts = pathSegments(from);
  const toParts = pathSegments(to);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

function fileName(path: string): string {
  return pathSegments(path).at(-1) ?? '';
}

/** The folder a migration file belongs to (its path as given, cut): diesel's and Prisma's files sit one folder deeper. */
export function migrationFolderOf(path: string): string {
  const depth = ['up.sql', 'down.sql', 'migration.sql'].includes(fileName(path)) ? 2 : 1;
  const segments = path.split(/(?=[\\/])/);
  return segments.slice(0, Math.max(1, segments.length - depth)).join('');
}

/** Undefined when fewer than half the files (base dumps aside) follow one convention. */
export function detectConvention(relativePaths: readonly string[]): MigrationConvention | undefined {
  const candidates = relativePaths.map(pathSegments).filter((segments) => !(segments.length === 1 && isBaseDumpName(segments[0] ?? '')));
  if (candidates.length === 0) return undefined;
  for (const convention of detectionOrder) {
    const parsed = candidates.flatMap((segments) => conventionRules[convention].parse(segments) ?? []);
    if (parsed.length * 2 < candidates.length) continue;
    if (convention !== 'timestamp') return convention;
    // 12 digits and more are dates (YYYYMMDDHHMM…); shorter ones are counters.
    return parsed.filter((name) => name.version.length >= 12).length * 2 > parsed.length ? 'timestamp' : 'numbered';
  }
  return undefined;
}

/** A base dump or a listed file: no version, the file name as description. */
function unversionedFile(path: string, role: 'base' | 'up'): MigrationFile {
  return { path, role, version: '', description: fileStem(fileName(path)) ?? fileName(path) };
}

function listedSet(folder: string, paths: readonly string[], base: readonly string[]): MigrationSet {
  const files = [...new Set([...base, ...paths])].map((path) =>
    unversionedFile(path, base.includes(path) || isBaseDumpName(fileName(path)) ? 'base' : 'up'),
  );
  return { folder, convention: 'listed', files };
}

/**
 * pop runs, per version and direction, the file for the dialect's database when there is one, else
 * the file for every database; files for other databases never run.
 */
function selectDatabase(files: readonly ParsedFile[], dialect: Dialect): ParsedFile[] {
  const database = databaseOfDialect[dialect];
  const usable = files.filter((file) => file.database === undefined || file.database === database);
  const specific = new Set(usable.filter((file) => file.database !== undefined).map((file) => `${file.role} ${file.version}`));
  return usable.filter((file) => file.database !== undefined || !specific.has(`${file.role} ${file.version}`));
}

const groupRank: Readonly<Record<ParsedName['role'], number>> = { up: 0, down: 0, repeatable: 1 };
const roleRank: Readonly<Record<ParsedName['role'], number>> = { up: 0, down: 1, repeatable: 0 };

function compareParsedFiles(rules: ConventionRules, a: ParsedFile, b: ParsedFile): number {
  return (
    groupRank[a.role] - groupRank[b.role] ||
    (a.role === 'repeatable' ? compareCodeUnits(a.description, b.description) : rules.compareVersions(a.version, b.version)) ||
    roleRank[a.role] - roleRank[b.role] ||
    compareCodeUnits(a.version, b.version) ||
    compareCodeUnits(a.path, b.path)
  );
}

/** Sorted files as MigrationFiles, each down pointing at the up of the same version just before it. */
function linkDownsToUps(sorted: readonly ParsedFile[], rules: ConventionRules): MigrationFile[] {
  let lastUp: ParsedFile | undefined;
  return sorted.map(({ path, role, version, description }): MigrationFile => {
    const file = { path, role, version, description };
    if (role === 'up') lastUp = file;
    const up = role === 'down' && lastUp !== undefined && rules.compareVersions(lastUp.version, version) === 0 ? lastUp : undefined;
    return up === undefined ? file : { ...file, upPath: up.path };
  });
}

function versionedSet(folder: string, convention: VersionedConvention, paths: readonly string[], options: OrderOptions): MigrationSet {
  const rules = conventionRules[convention];
  const explicitBase = [...new Set(options.base ?? [])];
  const foundBase: string[] = [];
  const migrations: ParsedFile[] = [];
  for (const path of new Set(paths)) {
    if (explicitBase.includes(path)) continue;
    const segments = pathSegments(relativePath(folder, path));
    const parsed = rules.parse(segments);
    if (parsed) migrations.push({ ...parsed, path });
    else if (segments.length === 1 && isBaseDumpName(fileName(path))) foundBase.push(path);
  }
  const sorted = selectDatabase(migrations, options.dialect ?? 'postgres').sort((a, b) => compareParsedFiles(rules, a, b));
  const base = [...explicitBase, ...foundBase.sort(compareCodeUnits)].map((path) => unversionedFile(path, 'base'));
  return { folder, convention, files: [...base, ...linkDownsToUps(sorted, rules)], ...(options.dialect ? { dialect: options.dialect } : {}) };
}

/**
 * The files of one folder (or an explicit list) in replay order. Files that follow no part of the
 * convention (Flyway callbacks, READMEs) are left out; base dumps named schema.sql or structure.sql
 * lying in the folder come first.
 */
export function orderMigrations(folder: string, paths: readonly string[], options: OrderOptions = {}): MigrationSet {
  const convention = options.convention ?? detectConvention(paths.map((path) => relativePath(folder, path)));
  if (convention === undefined) return listedSet(folder, [...paths].sort(compareCodeUnits), options.base ?? []);
  if (convention === 'listed') return listedSet(folder, paths, options.base ?? []);
  return versionedSet(folder, convention, paths, options);
}

// --- naming a new migration -------------------------------------------------------------------

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** YYYYMMDDHHMMSS in UTC, as golang-migrate, Prisma, dbmate and the Supabase CLI write it. */
function compactTimestamp(now: Date): string {
  const parts = [now.getUTCMonth() + 1, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds()];
  return String(now.getUTCFullYear()) + parts.map(twoDigits).join('');
}

/** diesel's YYYY-MM-DD-HHMMSS (UTC). */
function dashedTimestamp(now: Date): string {
  const compact = compactTimestamp(now);
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}-${compact.slice(8)}`;
}

/** Date-shaped versions, so a new one is the current time written the same way. */
const timestampShapes: readonly { readonly pattern: RegExp; readonly format: (now: Date, like: string) => string }[] = [
  // YYYYMMDDHHMMSS, with pop's trailing counter (20220420102701000000) restarted at zero.
  { pattern: /^(?:19|20)\d{12,}$/, format: (now, like) => compactTimestamp(now).padEnd(like.length, '0') },
  { pattern: /^(?:19|20)\d{10}$/, format: (now) => compactTimestamp(now).slice(0, 12) },
  // diesel, with the suffix of 2026-06-17-110629-0000 restarted at zero.
  { pattern: /^(?:19|20)\d\d-\d\d-\d\d-\d{6}(?:-\d+)?$/, format: (now, like) => dashedTimestamp(now) + like.slice(17).replace(/\d/g, '0') },
  // Unix seconds (golang-migrate's `create` without -seq in old releases).
  { pattern: /^1\d{9}$/, format: (now) => String(Math.floor(now.getTime() / 1000)) },
];

/** The last run of digits plus one, keeping its zero padding: 0053 → 0054, 1_9 → 1_10. */
function incrementVersion(version: string): string {
  const match = /(\d+)(?!.*\d)/.exec(version);
  if (!match) return `${version}1`;
  const digits = match[1] ?? '';
  const next = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  return version.slice(0, match.index) + next + version.slice(match.index + digits.length);
}

/** The current time in `last`'s shape when that sorts after it (a clock behind the repository's does not), else `last` + 1. */
function nextVersion(last: string, now: Date, compareVersions: (a: string, b: string) => number): string {
  const shape = timestampShapes.find((candidate) => candidate.pattern.test(last));
  const stamped = shape?.format(now, last);
  return stamped !== undefined && compareVersions(stamped, last) > 0 ? stamped : incrementVersion(last);
}

interface NamingContext {
  readonly version: string;
  /** Between the version and the words, as in the last file (`_`, `-`). */
  readonly separator: string;
  readonly words: string;
  readonly withDown: boolean;
}

interface Naming {
  readonly firstVersion: (now: Date) => string;
  readonly name: (context: NamingContext) => NewMigrationPath;
}

function upAndDown(up: string, down: string, withDown: boolean): NewMigrationPath {
  return withDown ? { up, down } : { up };
}

const namings: Readonly<Record<VersionedConvention, Naming>> = {
  flyway: {
    firstVersion: () => '1',
    name: ({ version, words, withDown }) => upAndDown(`V${version}__${words}.sql`, `U${version}__${words}.sql`, withDown),
  },
  'up-down': {
    firstVersion: compactTimestamp,
    name: ({ version, separator, words, withDown }) =>
      upAndDown(`${version}${separator}${words}.up.sql`, `${version}${separator}${words}.down.sql`, withDown),
  },
  diesel: {
    firstVersion: dashedTimestamp,
    name: ({ version, words, withDown }) => upAndDown(`${version}_${words}/up.sql`, `${version}_${words}/down.sql`, withDown),
  },
  prisma: { firstVersion: compactTimestamp, name: ({ version, words }) => ({ up: `${version}_${words}/migration.sql` }) },
  timestamp: { firstVersion: compactTimestamp, name: ({ version, separator, words }) => ({ up: `${version}${separator}${words}.sql` }) },
  numbered: { firstVersion: () => '0001', name: ({ version, separator, words }) => ({ up: `${version}${separator}${words}.sql` }) },
};

/** The description as file-name words, with `-` between them when the last migration uses `-` (`0053-drop-index`). */
function fileNameWords(description: string, like: string | undefined): string {
  const words = description.trim().replace(/[^A-Za-z0-9_-]+/g, '_') || 'migration';
  const hyphenated = like !== undefined && like.includes('-') && !like.includes('_');
  return hyphenated ? words.replaceAll('_', '-') : words;
}

/** The character between version and description in the last file's name (`0053-x.sql` → `-`); `_` by default. */
function separatorAfterVersion(file: MigrationFile | undefined): string {
  if (file === undefined || file.description === '') return '_';
  const name = fileName(file.path);
  const separator = name.charAt(name.indexOf(file.version) + file.version.length);
  return separator === '-' || separator === '.' ? separator : '_';
}

function newVersionedPath(set: MigrationSet, convention: VersionedConvention, description: string, now: Date): NewMigrationPath {
  const versioned = set.files.filter((file) => file.role === 'up' || file.role === 'down');
  const last = versioned.at(-1);
  const naming = namings[convention];
  const version = last === undefined ? naming.firstVersion(now) : nextVersion(last.version, now, conventionRules[convention].compareVersions);
  return naming.name({
    version,
    separator: separatorAfterVersion(last),
    words: fileNameWords(description, last?.description),
    withDown: versioned.some((file) => file.role === 'down'),
  });
}

function prefixed(folder: string, name: NewMigrationPath): NewMigrationPath {
  const prefix = folder === '' ? '' : `${folder}/`;
  return name.down === undefined ? { up: prefix + name.up } : { up: prefix + name.up, down: prefix + name.down };
}

/** A listed set (several config entries): named like the folder of its last migration, when that folder follows a convention. */
function newListedPath(set: MigrationSet, description: string, now: Date): NewMigrationPath {
  const last = set.files.filter((file) => file.role !== 'base').at(-1);
  if (last === undefined) return { up: `${fileNameWords(description, undefined)}.sql` };
  const folder = migrationFolderOf(last.path);
  const siblings = set.files.filter((file) => migrationFolderOf(file.path) === folder).map((file) => file.path);
  const inner = orderMigrations(folder, siblings);
  const relativeFolder = relativePath(set.folder, folder);
  if (inner.convention === 'listed') return prefixed(relativeFolder, { up: `${fileNameWords(description, last.description)}.sql` });
  return prefixed(relativeFolder, newMigrationPath(inner, description, now));
}

/**
 * The relative path (from `set.folder`, `/` separators) of a new migration that sorts after every
 * existing one and follows the folder's naming: the next version in the same style (V9 after V8,
 * 1_3 after 1_2, 0054 after 0053) or the current time written like the existing timestamps. `down`
 * is named when the set already has down migrations. A listed set of explicit files cannot be
 * extended by name alone: the new file must be added to sqlsight.json too.
 */
export function newMigrationPath(set: MigrationSet, description: string, now: Date): NewMigrationPath {
  if (set.convention === 'listed') return newListedPath(set, description, now);
  return newVersionedPath(set, set.convention, description, now);
}
