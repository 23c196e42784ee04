// The project's migration sets with their schema models, for the CLI and the language server: which
// set a file belongs to, and the model its rules see. Files are read from disk unless the caller has
// newer text (an open editor); a set's model is built the first time one of its files asks.
import { statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { chooseDialect, decodeSource, type Dialect, type Engine, type MigrationSet, type SchemaBefore, type SchemaModel, type WorkspaceSchema } from '../engine';
import { readFileBytes, type PathProblem } from './files';
import { discoverMigrations, type MigrationsConfig } from './migrations';

interface LoadedSet {
  readonly set: MigrationSet;
  workspace: WorkspaceSchema | undefined;
}

/** A file's text as the model reads it: an unreadable or binary file counts as empty. */
export function readMigrationText(path: string): string {
  const read = readFileBytes(path);
  if (!read.ok) return '';
  const decoded = decodeSource(read.bytes, Number.POSITIVE_INFINITY);
  return decoded.ok ? decoded.text : '';
}

/** Sets are told apart by folder and dialect (one folder can hold a PostgreSQL and a MySQL set). */
function setKey(set: MigrationSet): string {
  return `${set.folder}\u0000${set.dialect ?? ''}`;
}

export class MigrationWorkspaces {
  private sets: LoadedSet[] = [];
  private readonly setOfPath = new Map<string, LoadedSet>();

  constructor(
    private readonly engine: Engine,
    /** Newer text than the disk's (open documents), by path. */
    private readonly textOf: (path: string) => string | undefined = () => undefined,
  ) {}

  /** Replaces the sets (after discovery). Files already lowered with the same text are kept. */
  setSets(sets: readonly MigrationSet[]): void {
    const previous = new Map(this.sets.map((loaded) => [setKey(loaded.set), loaded]));
    this.sets = sets.map((set) => {
      const known = previous.get(setKey(set));
      if (known?.workspace) known.workspace.setMigrations(set.files, (path) => this.read(path));
      return { set, workspace: known?.workspace };
    });
    this.setOfPath.clear();
    for (const loaded of this.sets) for (const file of loaded.set.files) if (!this.setOfPath.has(file.path)) this.setOfPath.set(file.path, loaded);
  }

  get migrationSets(): readonly MigrationSet[] {
    return this.sets.map((loaded) => loaded.set);
  }

  setOf(path: string): MigrationSet | undefined {
    return this.setOfPath.get(path)?.set;
  }

  /** The file's set, or for a file outside every set the set it sits nearest (queries next to migrations). */
  setFor(path: string): MigrationSet | undefined {
    return (this.setOfPath.get(path) ?? this.nearestSet(path))?.set;
  }

  /** What the file's rules see: the model before it, or for a file outside every set, the final model of the set it sits nearest. */
  before(path: string): SchemaBefore | undefined {
    const loaded = this.setOfPath.get(path);
    if (loaded) return this.workspaceOf(loaded).before(path);
    const nearest = this.nearestSet(path);
    return nearest ? { schema: this.workspaceOf(nearest).final() } : undefined;
  }

  /** The model after every migration of the file's set (or the nearest set). */
  finalModel(path: string): SchemaModel | undefined {
    const loaded = this.setOfPath.get(path) ?? this.nearestSet(path);
    return loaded ? this.workspaceOf(loaded).final() : undefined;
  }

  /** The workspace model of the file's set, built if needed. */
  workspaceFor(path: string): WorkspaceSchema | undefined {
    const loaded = this.setOfPath.get(path) ?? this.nearestSet(path);
    return loaded ? this.workspaceOf(loaded) : undefined;
  }

  /** A migration's text changed (an editor keystroke): its set re-derives what follows it. Returns whether the file is a migration. */
  update(path: string, text: string): boolean {
    const loaded = this.setOfPath.get(path);
    if (!loaded) return false;
    loaded.workspace?.update(path, text);
    return true;
  }

  private read(path: string): string {
    return this.textOf(path) ?? readMigrationText(path);
  }

  private workspaceOf(loaded: LoadedSet): WorkspaceSchema {
    if (!loaded.workspace) {
      loaded.workspace = this.engine.createWorkspaceSchema(this.dialectOf(loaded.set));
      loaded.workspace.setMigrations(loaded.set.files, (path) => this.read(path));
    }
    return loaded.workspace;
  }

  /** The set's configured dialect, else the one its first migration is written in. */
  private dialectOf(set: MigrationSet): Dialect {
    if (set.dialect) return set.dialect;
    const first = set.files.find((file) => file.role !== 'down');
    return first ? chooseDialect(first.path, this.read(first.path), undefined).dialect : 'postgres';
  }

  /** The set whose folder is the deepest ancestor of the file's folder; the only set when there is one. */
  private nearestSet(path: string): LoadedSet | undefined {
    if (this.sets.length === 1) return this.sets[0];
    let best: LoadedSet | undefined;
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      best = this.sets.find((loaded) => loaded.set.folder === folder || loaded.set.folder.startsWith(folder + sep));
      if (best || dirname(folder) === folder) return best;
    }
  }
}

/**
 * The migration sets for a run over `paths`: those sqlsight.json lists, else the ones found under
 * each folder argument (and under the config's folder when single files are named, so a file's
 * earlier migrations are found too). Sets found twice count once.
 */
export async function discoverForPaths(paths: readonly string[], config: MigrationsConfig, configDir: string): Promise<{ sets: MigrationSet[]; problems: PathProblem[] }> {
  if ((config.migrations ?? []).length > 0) return discoverMigrations(configDir, config, configDir);
  const roots = new Set<string>();
  for (const path of paths) {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // A missing path is reported by the file expansion.
    }
    roots.add(folder ? resolve(path) : configDir);
  }
  const sets = new Map<string, MigrationSet>();
  const problems: PathProblem[] = [];
  for (const root of roots) {
    const found = await discoverMigrations(root, config, configDir);
    for (const set of found.sets) if (!sets.has(set.folder)) sets.set(set.folder, set);
    problems.push(...found.problems);
  }
  return { sets: [...sets.values()], problems };
}
