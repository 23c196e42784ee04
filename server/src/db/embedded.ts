// The embedded database: PGlite (PostgreSQL in WASM, in this process) loaded with the workspace's
// migrations, replayed for real, in order, statement by statement. It stays warm per migration set;
// a set that only grew at the end gets just the new files; anything else is rebuilt. Initialised
// databases are cached on disk as gzip tarballs (`dumpDataDir`), keyed by the migration texts, so a
// new editor session loads one (~0.7 s) instead of starting PGlite and replaying (~2 s and up).
// Explain here runs like on a live server (read-only, rolled back); index candidates are measured by
// building them in a transaction that is rolled back, which is allowed on this database ONLY.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Extension, PGlite, PGliteOptions } from '@electric-sql/pglite';
import { loadEngine, type Engine } from '../engine';
import type { ExplainFailure } from '../protocol';
import { classifyStatementError, type FailureContext } from './errors';
import type { EmbeddedSchema, ExplainRun, ExplainRunResult, IndexCandidate, VerifiedCandidate } from './explain-types';
import { candidateIndexStatement } from './hypopg';
import { beginExplainTransaction, checkStatement, explainInTransaction, explainWrites, SessionBroken, type PlanProbe, type SqlSession, type VerificationOutcome } from './postgres';
import { Queue } from './warm-connections';
import { quoteIdentifier } from './statement-text';

/**
 * PGlite's CommonJS build, required (not imported) so that esbuild bundles that build: its ESM
 * build finds its files with `import.meta.url` and `createRequire(import.meta.url)`, which a
 * CommonJS bundle does not have (measured: "Invalid URL" at start).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pgliteModule: typeof import('@electric-sql/pglite') = require('@electric-sql/pglite');

/** Bumped when the cache layout or what a cached database holds changes. */
const cacheFormat = 1;
/** Cache entries unused for this long are removed. */
const maxEntryAgeMs = 30 * 24 * 60 * 60 * 1000;
/** The cache folder is trimmed (oldest first) to this size. */
const maxCacheBytes = 512 * 1024 * 1024;
/** Warm databases kept in memory (each holds its whole data directory, 40 MB and up). */
const maxWarmDatabases = 2;

export interface EmbeddedOptions {
  readonly cacheDir: string;
  readonly log: (message: string) => void;
}

/** What a cache entry (and a warm database) holds. */
interface Manifest {
  readonly format: number;
  readonly key: string;
  /** sha256 of each migration's text, in replay order. */
  readonly migrations: readonly string[];
  readonly seedRows: number;
  /** PGlite extensions (contrib) the database needs at start. */
  readonly extensions: readonly string[];
  /** Statements that failed while replaying or seeding: `path:line: message`. */
  readonly problems: readonly string[];
}

interface WarmDatabase {
  readonly db: PGlite;
  manifest: Manifest;
  readonly version: string;
  readonly versionNum: number;
  readonly queue: Queue;
  lastUsed: number;
  /** Cache entries of the current state still to write: dumped after the first explain answered. */
  toWrite: { readonly name: string; readonly manifest: Manifest }[];
  /** Entries dumped earlier (the unseeded base, before seeding), waiting for the same write. */
  dumped: { readonly name: string; readonly manifest: Manifest; readonly tarball: Blob }[];
  /** The disk cache write, while it runs. */
  pendingWrite: Promise<void> | undefined;
}

const context: Omit<FailureContext, 'timeoutMs'> = { server: 'the embedded database', user: undefined, database: undefined };

export class EmbeddedDatabases {
  private readonly warm = new Map<string, WarmDatabase>();
  /** One build at a time per migration set; explains wait for it. */
  private readonly queues = new Map<string, Queue>();
  private engine: Promise<Engine> | undefined;
  private disposed = false;

  constructor(private readonly options: EmbeddedOptions) {}

  async explain(run: ExplainRun, schema: EmbeddedSchema): Promise<ExplainRunResult> {
    const check = checkStatement(run, 'postgres');
    if (!check.ok) return check;
    const queue = this.queueFor(schema.key);
    return queue.run(async () => {
      let database: WarmDatabase;
      try {
        database = await this.ensure(schema);
      } catch (error) {
        return { ok: false, failure: { kind: 'error', message: `The embedded database could not be started: ${error instanceof Error ? error.message : String(error)}` } };
      }
      const session = pgliteSession(database.db);
      const timeoutContext: FailureContext = { ...context, timeoutMs: run.statementTimeoutMs };
      const input = { prepared: check.prepared, values: check.values, analyze: run.analyze, serverVersionNum: database.versionNum };
      try {
        // PGlite runs on this thread and does not enforce statement_timeout (measured: a 6 s query
        // ran to the end); it is still set, for the day it does.
        await beginExplainTransaction(session, { readOnly: !explainWrites(input), timeoutMs: run.statementTimeoutMs });
        const outcome = await explainInTransaction(session, input, undefined);
        if (!outcome.ok) return outcome;
        const verification = run.candidates.length === 0 ? { verified: [], unavailable: undefined } : await this.verifyByBuilding(session, input, run);
        return {
          ok: true,
          planJson: outcome.planJson,
          analyzed: run.analyze,
          serverVersion: database.version,
          verified: verification.verified,
          verificationUnavailable: verification.unavailable,
          problems: database.manifest.problems,
        };
      } catch (error) {
        if (error instanceof SessionBroken) await this.close(schema.key);
        return { ok: false, failure: classifyStatementError(error instanceof SessionBroken ? error.original : error, timeoutContext) };
      } finally {
        this.scheduleWrite(queue, database);
      }
    });
  }

  /** Writes the new cache entries after the answer went out; the next request on this set waits for it. */
  private scheduleWrite(queue: Queue, database: WarmDatabase): void {
    if (database.toWrite.length === 0 && database.dumped.length === 0) return;
    const write = queue.run(() => this.flush(database));
    database.pendingWrite = write;
    void write.finally(() => {
      if (database.pendingWrite === write) database.pendingWrite = undefined;
    });
  }

  /** Dumps and writes what the database still owes the cache; runs in the set's queue. */
  private async flush(database: WarmDatabase): Promise<void> {
    const toWrite = database.toWrite;
    const dumps = [...database.dumped];
    database.toWrite = [];
    database.dumped = [];
    if (toWrite.length === 0 && dumps.length === 0) return;
    try {
      if (database.db.closed) return;
      for (const entry of toWrite) dumps.push({ ...entry, tarball: await database.db.dumpDataDir('gzip') });
      await this.writeEntries(dumps);
    } catch (error) {
      this.options.log(`embedded: could not save the database to the cache: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const databases = [...this.warm.values()];
    this.warm.clear();
    for (const database of databases) {
      await database.pendingWrite;
      await this.flush(database);
      await database.db.close().catch(() => undefined);
    }
  }

  /** A second transaction, read-write and rolled back: `CREATE INDEX` of each candidate alone, EXPLAIN, undo. */
  private async verifyByBuilding(session: SqlSession, input: Parameters<typeof explainInTransaction>[1], run: ExplainRun): Promise<VerificationOutcome> {
    await beginExplainTransaction(session, { readOnly: false, timeoutMs: run.statementTimeoutMs });
    const outcome = await explainInTransaction(session, { ...input, analyze: false }, (probe) => buildCandidates(session, probe, run.candidates, this.options.log));
    if (!outcome.ok) return { verified: [], unavailable: outcome.failure.message };
    return { verified: outcome.verified, unavailable: outcome.verificationUnavailable };
  }

  private queueFor(key: string): Queue {
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new Queue();
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** Closes a warm database after writing what it owes the cache (called inside the set's queue). */
  private async close(key: string): Promise<void> {
    const database = this.warm.get(key);
    this.warm.delete(key);
    if (database) {
      await this.flush(database);
      await database.db.close().catch(() => undefined);
    }
  }

  /** The warm database for this migration set, loaded from the disk cache or built. */
  private async ensure(schema: EmbeddedSchema): Promise<WarmDatabase> {
    if (this.disposed) throw new Error('the explain service was closed');
    const log = this.options.log;
    const hashes = schema.migrations.map((migration) => sha256(migration.text));
    const seedRows = Math.max(0, Math.floor(schema.seedRows));
    const existing = this.warm.get(schema.key);
    if (existing && sameList(existing.manifest.migrations, hashes) && existing.manifest.seedRows === seedRows) {
      existing.lastUsed = Date.now();
      return existing;
    }
    const started = Date.now();
    const assets = pgliteAssets();
    const wanted = wantedExtensions(schema.migrations.map((migration) => migration.text), assets.extensions);
    const exact = this.readEntry(entryName(schema.key, hashes, seedRows));
    if (exact) {
      const loaded = await this.load(exact, assets.folder);
      if (loaded) {
        await this.close(schema.key);
        log(`embedded: loaded the cached database for ${schema.key} (${hashes.length} migrations${seedRows > 0 ? `, ${seedRows} rows per table` : ''}) in ${Date.now() - started} ms`);
        return this.keep(schema.key, loaded, exact.manifest);
      }
    }
    // Incremental: the warm database (unseeded) already ran a prefix of the list and needs no new extension.
    let db: PGlite;
    let manifest: Manifest;
    if (existing && existing.manifest.seedRows === 0 && isPrefix(existing.manifest.migrations, hashes) && wanted.every((name) => existing.manifest.extensions.includes(name))) {
      this.warm.delete(schema.key);
      await this.flush(existing);
      db = existing.db;
      manifest = existing.manifest;
      log(`embedded: ${schema.key}: ${hashes.length - manifest.migrations.length} new migration(s) at the end; applying only those`);
    } else {
      await this.close(schema.key);
      const base = this.bestBase(schema.key, hashes);
      const extensions = [...new Set([...wanted, ...(base?.manifest.extensions ?? [])])].sort();
      const loaded = base ? await this.load({ ...base, manifest: { ...base.manifest, extensions } }, assets.folder) : undefined;
      if (base && loaded) {
        db = loaded;
        manifest = { ...base.manifest, extensions };
        log(`embedded: ${schema.key}: starting from a cached database with ${base.manifest.migrations.length} of ${hashes.length} migrations`);
      } else {
        db = await startPglite(assets.folder, extensions);
        manifest = { format: cacheFormat, key: schema.key, migrations: [], seedRows: 0, extensions, problems: [] };
        log(`embedded: ${schema.key}: started an empty database in ${Date.now() - started} ms`);
      }
    }
    const problems = [...manifest.problems];
    const engine = await (this.engine ??= loadEngine());
    for (let index = manifest.migrations.length; index < schema.migrations.length; index += 1) {
      const migration = schema.migrations[index];
      if (migration) problems.push(...(await runMigration(db, engine, migration, log)));
    }
    const base: Manifest = { ...manifest, migrations: hashes, seedRows: 0, problems };
    let final = base;
    // The unseeded database is cached too: it is the base for migrations appended later.
    const needsBase = manifest.migrations.length !== hashes.length || !this.readEntry(entryName(schema.key, hashes, 0));
    const dumped: WarmDatabase['dumped'] = [];
    const toWrite: WarmDatabase['toWrite'] = [];
    if (seedRows > 0) {
      if (needsBase) dumped.push({ name: entryName(schema.key, hashes, 0), manifest: base, tarball: await db.dumpDataDir('gzip') });
      const seedProblems = await seed(db, seedRows, log);
      final = { ...base, seedRows, problems: [...problems, ...seedProblems] };
      toWrite.push({ name: entryName(schema.key, hashes, seedRows), manifest: final });
    } else if (needsBase) {
      toWrite.push({ name: entryName(schema.key, hashes, 0), manifest: base });
    }
    log(`embedded: ${schema.key}: ready in ${Date.now() - started} ms (${hashes.length} migrations, ${final.problems.length} problem(s))`);
    const versionRows = await pgliteSession(db).query("SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num");
    const database = this.keepWith(schema.key, db, final, versionRows[0]);
    database.toWrite = toWrite;
    database.dumped = dumped;
    return database;
  }

  private async keep(key: string, db: PGlite, manifest: Manifest): Promise<WarmDatabase> {
    const rows = await pgliteSession(db).query("SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS num");
    return this.keepWith(key, db, manifest, rows[0]);
  }

  private keepWith(key: string, db: PGlite, manifest: Manifest, versionRow: Record<string, unknown> | undefined): WarmDatabase {
    const database: WarmDatabase = {
      db,
      manifest,
      version: String(versionRow?.version ?? 'unknown'),
      versionNum: Number(versionRow?.num ?? 0),
      queue: this.queueFor(key),
      lastUsed: Date.now(),
      toWrite: [],
      dumped: [],
      pendingWrite: undefined,
    };
    this.warm.set(key, database);
    // Keep memory bounded: close the least recently used databases beyond the limit.
    const others = [...this.warm.entries()].filter(([other]) => other !== key).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    while (others.length > maxWarmDatabases - 1) {
      const [oldKey] = others.shift() ?? [];
      if (oldKey !== undefined) void this.queueFor(oldKey).run(() => this.close(oldKey));
    }
    return database;
  }

  private async load(entry: { path: string; manifest: Manifest }, assetFolder: string): Promise<PGlite | undefined> {
    try {
      const db = await startPglite(assetFolder, entry.manifest.extensions, readFileSync(entry.path));
      const now = new Date();
      utimesSync(entry.path, now, now);
      return db;
    } catch (error) {
      this.options.log(`embedded: the cached database ${entry.path} could not be loaded (${error instanceof Error ? error.message : String(error)}); rebuilding`);
      rmSync(entry.path, { force: true });
      rmSync(manifestPath(entry.path), { force: true });
      return undefined;
    }
  }

  private readEntry(name: string): { path: string; manifest: Manifest } | undefined {
    const path = join(this.options.cacheDir, `${name}.tar.gz`);
    if (!existsSync(path)) return undefined;
    const manifest = readManifest(manifestPath(path));
    return manifest ? { path, manifest } : undefined;
  }

  /** The unseeded cache entry of this set whose migrations are the longest prefix of `hashes`. */
  private bestBase(key: string, hashes: readonly string[]): { path: string; manifest: Manifest } | undefined {
    let best: { path: string; manifest: Manifest } | undefined;
    const prefix = `${sha256(key).slice(0, 16)}-`;
    for (const file of safeReaddir(this.options.cacheDir)) {
      if (!file.startsWith(prefix) || !file.endsWith('-s0.tar.gz')) continue;
      const path = join(this.options.cacheDir, file);
      const manifest = readManifest(manifestPath(path));
      if (!manifest || manifest.key !== key || !isPrefix(manifest.migrations, hashes)) continue;
      if (!best || manifest.migrations.length > best.manifest.migrations.length) best = { path, manifest };
    }
    return best;
  }

  private async writeEntries(dumps: readonly { name: string; manifest: Manifest; tarball: Blob }[]): Promise<void> {
    if (dumps.length === 0) return;
    try {
      mkdirSync(this.options.cacheDir, { recursive: true });
      const written: string[] = [];
      for (const dump of dumps) {
        const path = join(this.options.cacheDir, `${dump.name}.tar.gz`);
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.from(await dump.tarball.arrayBuffer()));
        writeFileSync(`${manifestPath(path)}.${process.pid}.tmp`, JSON.stringify(dump.manifest));
        // The manifest first: an entry is used only when both files are there.
        renameSync(`${manifestPath(path)}.${process.pid}.tmp`, manifestPath(path));
        renameSync(temporary, path);
        written.push(path);
      }
      cleanCache(this.options.cacheDir, written, this.options.log);
    } catch (error) {
      this.options.log(`embedded: could not write the cache in ${this.options.cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Runs one migration file statement by statement (like `psql -f` without ON_ERROR_STOP); returns its problems. */
async function runMigration(db: PGlite, engine: Engine, migration: { readonly path: string; readonly text: string }, log: (message: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const statements = engine.replay(migration.text);
  let failed = 0;
  for (const statement of statements) {
    const text = migration.text.slice(statement.range.start, statement.range.end);
    // COPY … FROM STDIN would wait for data forever (PGlite blocks this thread); its rows are not schema.
    if (/^\s*copy\b[\s\S]*\bfrom\s+stdin\b/i.test(text)) continue;
    try {
      await db.exec(text);
    } catch (error) {
      failed += 1;
      const line = migration.text.slice(0, statement.range.start).split('\n').length;
      problems.push(`${migration.path}:${line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // A file that opened a transaction and did not end it: psql would roll it back at the end of the file.
  if (db.isInTransaction()) await db.exec('ROLLBACK').catch(() => undefined);
  log(`embedded: ran migration ${migration.path} (${statements.length} statement(s)${failed > 0 ? `, ${failed} failed` : ''})`);
  return problems;
}

/** PGlite as an SqlSession: `query` is the extended protocol (one statement), `exec` the simple one. */
export function pgliteSession(db: PGlite): SqlSession {
  return {
    async query(text, values) {
      const result = await db.query<Record<string, unknown>>(text, values === undefined ? [] : [...values]);
      return result.rows;
    },
    async simple(text) {
      const results = await db.exec(text);
      return results[results.length - 1]?.rows ?? [];
    },
  };
}

async function buildCandidates(session: SqlSession, probe: PlanProbe, candidates: readonly IndexCandidate[], log: (message: string) => void): Promise<VerificationOutcome> {
  const costBefore = await probe.totalCost();
  const verified: VerifiedCandidate[] = [];
  for (const candidate of candidates) {
    await session.simple('SAVEPOINT sqlsight_candidate');
    try {
      await session.simple(candidateIndexStatement(candidate));
      const costAfter = await probe.totalCost();
      verified.push({ candidate, method: 'built-and-rolled-back', costBefore, costAfter });
    } catch (error) {
      log(`embedded: could not measure ${candidateIndexStatement(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await session.simple('ROLLBACK TO SAVEPOINT sqlsight_candidate');
    }
  }
  return { verified, unavailable: verified.length < candidates.length ? 'some candidates could not be built on the embedded database (see the output log)' : undefined };
}

// --- Seeding -----------------------------------------------------------------------------------

interface ColumnInfo {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly typeName: string;
  readonly typeType: string;
  readonly category: string;
  readonly notNull: boolean;
  readonly skip: boolean;
  readonly hasDefault: boolean;
  readonly unique: boolean;
}

/**
 * `rows` synthetic rows in every table, then ANALYZE, so plans see a populated database. Values per
 * column type from `generate_series`; key columns get distinct values, others about ten rows per
 * value, scrambled with `hashint8` so they do not follow the physical order. Triggers and foreign
 * key checks are off while inserting (`session_replication_role = replica`); a table that still
 * refuses its rows (a CHECK, an unknown NOT NULL type) is reported and left empty.
 */
async function seed(db: PGlite, rows: number, log: (message: string) => void): Promise<string[]> {
  const started = Date.now();
  const problems: string[] = [];
  const session = pgliteSession(db);
  const columns = (
    await session.query(`
    SELECT format('%I.%I', n.nspname, c.relname) AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
           t.typname AS "typeName", t.typtype AS "typeType", t.typcategory AS category, a.attnotnull AS "notNull",
           (a.attidentity <> '' OR a.attgenerated <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS skip,
           d.adbin IS NOT NULL AS "hasDefault",
           EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND a.attnum = ANY (i.indkey::int2[])) AS "unique"
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    ORDER BY c.oid, a.attnum`)
  ).map(columnInfo);
  const tables = new Map<string, ColumnInfo[]>();
  for (const column of columns) tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  await db.exec('SET session_replication_role = replica');
  try {
    for (const [table, tableColumns] of tables) {
      const chosen: { column: string; value: string }[] = [];
      let refused: string | undefined;
      for (const column of tableColumns) {
        if (column.skip) continue;
        const value = valueExpression(column, rows);
        if (value !== undefined) chosen.push({ column: column.column, value });
        else if (column.notNull && !column.hasDefault) refused = `no value can be made for ${column.column} (${column.type})`;
      }
      if (refused !== undefined) {
        problems.push(`seed: ${table}: ${refused}`);
        continue;
      }
      const list = chosen.map((entry) => quoteIdentifier(entry.column)).join(', ');
      const values = chosen.map((entry) => entry.value).join(', ');
      try {
        await db.exec(`INSERT INTO ${table} ${chosen.length > 0 ? `(${list}) ` : ''}SELECT ${values} FROM generate_series(1, ${rows}) AS g`);
      } catch (error) {
        problems.push(`seed: ${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await db.exec('SET session_replication_role = DEFAULT');
  }
  await db.exec('ANALYZE');
  log(`embedded: seeded ${tables.size} table(s) with ${rows} rows each in ${Date.now() - started} ms${problems.length > 0 ? ` (${problems.length} refused)` : ''}`);
  return problems;
}

function columnInfo(row: Record<string, unknown>): ColumnInfo {
  return {
    table: String(row.table),
    column: String(row.column),
    type: String(row.type),
    typeName: String(row.typeName),
    typeType: String(row.typeType),
    category: String(row.category),
    notNull: row.notNull === true,
    skip: row.skip === true,
    hasDefault: row.hasDefault === true,
    unique: row.unique === true,
  };
}

/** A SQL expression over `g` (1…rows) for one column, or undefined when none fits (the default or NULL applies). */
function valueExpression(column: ColumnInfo, rows: number): string | undefined {
  const spread = Math.max(1, Math.floor(rows / 10));
  // Keys: distinct and in order (like a serial id); others: ~10 rows per value, scrambled.
  const number = column.unique ? 'g' : `(1 + abs(hashint8(g)) % ${spread})`;
  const type = column.type;
  if (column.typeType === 'e') return `(enum_range(NULL::${type}))[1 + (${number} % cardinality(enum_range(NULL::${type})))::int]`;
  if (column.category === 'A') return `'{}'::${type}`;
  switch (column.typeName) {
    case 'int2':
      return `(${number} % 32767)::int2`;
    case 'int4':
    case 'int8':
    case 'numeric':
    case 'float4':
    case 'float8':
    case 'money':
    case 'oid':
      return `${number}::${type}`;
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'name':
    case 'citext':
      return `('v' || ${number})::${type}`;
    case 'bool':
      return `(${number} % 2 = 0)`;
    case 'date':
      return `date '2020-01-01' + (${number})::int`;
    case 'timestamp':
    case 'timestamptz':
      return `(timestamp '2020-01-01' + ${number} * interval '1 minute')::${type}`;
    case 'time':
    case 'timetz':
      return `(time '00:00' + (${number} % 86400) * interval '1 second')::${type}`;
    case 'interval':
      return `${number} * interval '1 second'`;
    case 'uuid':
      return `md5(${number}::text)::uuid`;
    case 'json':
    case 'jsonb':
      return `jsonb_build_object('n', ${number})::${type}`;
    case 'bytea':
      return `decode(md5(${number}::text), 'hex')`;
    case 'inet':
      return `'10.0.0.0'::inet + ${number}`;
    default:
      return undefined;
  }
}

// --- Assets, extensions, cache files -----------------------------------------------------------

/**
 * Where PGlite's files are: its package folder when node_modules is there (tests, the CLI run from
 * the repository), else next to this bundle (the packaged extension copies pglite.wasm,
 * pglite.data, initdb.wasm and the contrib *.tar.gz beside dist/server.js).
 */
function pgliteAssets(): { folder: string; extensions: readonly string[] } {
  let folder: string;
  try {
    folder = dirname(require.resolve('@electric-sql/pglite'));
  } catch {
    folder = __dirname;
  }
  const extensions = safeReaddir(folder)
    .filter((file) => file.endsWith('.tar.gz'))
    .map((file) => file.slice(0, -'.tar.gz'.length));
  return { folder, extensions };
}

/** Extensions the migrations create that PGlite ships (others fail like any statement and are reported). */
function wantedExtensions(texts: readonly string[], available: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)) {
      const name = match[1]?.toLowerCase();
      if (name !== undefined && available.includes(name)) wanted.add(name);
    }
  }
  return [...wanted].sort();
}

let compiled: Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle'>> | undefined;

/**
 * PGlite's WASM modules and file-system bundle, read from the asset folder and compiled once per
 * process. Passed explicitly because, bundled into CommonJS, PGlite cannot find them itself
 * (its ESM build locates them with `import.meta.url`, which a CJS bundle does not have).
 */
function pgliteFiles(folder: string): Promise<Pick<PGliteOptions, 'pgliteWasmModule' | 'initdbWasmModule' | 'fsBundle'>> {
  compiled ??= (async () => {
    // The WebAssembly global is not in this project's `lib` (no DOM); node has it.
    const wasm: { compile(bytes: Uint8Array): Promise<NonNullable<PGliteOptions['pgliteWasmModule']>> } = Reflect.get(globalThis, 'WebAssembly');
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([wasm.compile(readFileSync(join(folder, 'pglite.wasm'))), wasm.compile(readFileSync(join(folder, 'initdb.wasm')))]);
    return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([readFileSync(join(folder, 'pglite.data'))]) };
  })();
  compiled.catch(() => {
    compiled = undefined;
  });
  return compiled;
}

/** Starts PGlite: empty, or from a cached data directory tarball. */
async function startPglite(folder: string, extensions: readonly string[], tarball?: Buffer): Promise<PGlite> {
  return pgliteModule.PGlite.create({ ...(await pgliteFiles(folder)), extensions: extensionObjects(extensions, folder), ...(tarball === undefined ? {} : { loadDataDir: new Blob([tarball]) }) });
}

function extensionObjects(names: readonly string[], folder: string): Record<string, Extension> {
  const extensions: Record<string, Extension> = {};
  for (const name of names) {
    extensions[name.replaceAll('-', '_')] = { name, setup: async () => ({ bundlePath: pathToFileURL(join(folder, `${name}.tar.gz`)) }) };
  }
  return extensions;
}

function entryName(key: string, hashes: readonly string[], seedRows: number): string {
  return `${sha256(key).slice(0, 16)}-${sha256(JSON.stringify([cacheFormat, hashes])).slice(0, 24)}-s${seedRows}`;
}

function manifestPath(tarballPath: string): string {
  return tarballPath.replace(/\.tar\.gz$/, '.json');
}

function readManifest(path: string): Manifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const record: Record<string, unknown> = { ...value };
    const strings = (field: unknown): string[] | undefined => (Array.isArray(field) && field.every((item) => typeof item === 'string') ? field.map(String) : undefined);
    const migrations = strings(record.migrations);
    const extensions = strings(record.extensions);
    const problems = strings(record.problems);
    if (record.format !== cacheFormat || typeof record.key !== 'string' || typeof record.seedRows !== 'number' || !migrations || !extensions || !problems) return undefined;
    return { format: cacheFormat, key: record.key, migrations, seedRows: record.seedRows, extensions, problems };
  } catch {
    return undefined;
  }
}

/** Removes entries unused for 30 days, then the oldest until the folder is under 512 MB; never `keep`. */
function cleanCache(folder: string, keep: readonly string[], log: (message: string) => void): void {
  const now = Date.now();
  const entries = safeReaddir(folder)
    .filter((file) => file.endsWith('.tar.gz'))
    .flatMap((file) => {
      const path = join(folder, file);
      try {
        const stat = statSync(path);
        return [{ path, size: stat.size, used: stat.mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.used - b.used);
  let total = entries.reduce((sum, entry) => sum + entry.size, 0);
  for (const entry of entries) {
    if (keep.includes(entry.path)) continue;
    if (now - entry.used > maxEntryAgeMs || total > maxCacheBytes) {
      rmSync(entry.path, { force: true });
      rmSync(manifestPath(entry.path), { force: true });
      total -= entry.size;
      log(`embedded: removed the old cache entry ${entry.path}`);
    }
  }
  // Temporary files a crashed process left behind.
  for (const file of safeReaddir(folder)) {
    if (!file.endsWith('.tmp')) continue;
    const path = join(folder, file);
    try {
      if (now - statSync(path).mtimeMs > 60 * 60 * 1000) rmSync(path, { force: true });
    } catch {
      // Another process removed it.
    }
  }
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function isPrefix(prefix: readonly string[], list: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((item, index) => item === list[index]);
}

export type { ExplainFailure };
