// The workspace's migrations replayed in order, with the model as of just before each file.
// Files are lowered once and kept; snapshots are computed lazily and, after an edit, only from the
// edited file on: editing a migration in the middle costs re-lowering it plus re-applying what
// follows, never re-parsing the workspace.
import type { Dialect, Statement } from '../model';
import type { SchemaBefore } from '../analysis/state';
import { applyStatement } from './apply';
import { qualifiedKey, SchemaModel } from './model';

const tableKeyOf = (name: { readonly schema: string | undefined; readonly name: string }): string => qualifiedKey(name.schema, name.name);

export interface WorkspaceMigration {
  readonly path: string;
  readonly role: 'base' | 'up' | 'down' | 'repeatable';
  /** For a down migration: the up migration it reverts. */
  readonly upPath?: string;
}

interface Entry {
  readonly migration: WorkspaceMigration;
  text: string;
  statements: readonly Statement[];
}

export type StatementReplayer = (text: string) => Statement[];

export class WorkspaceSchema {
  private entries: Entry[] = [];
  private readonly positions = new Map<string, number>();
  /**
   * Models before the i-th replayed entry, for the steps asked for and every `checkpointEvery`-th
   * step on the way (copying the model for every file made re-deriving the rest of a large set
   * after an edit cost more than replaying it).
   */
  private snapshots = new Map<number, SchemaModel>();
  /** Indices into `entries` of the files that are replayed (not down migrations), in order. */
  private replayed: number[] = [];
  /** Cached `startsFromEmpty`; reset when the list or an opening file changes. */
  private fromEmpty: boolean | undefined;

  constructor(
    private readonly dialect: Dialect,
    private readonly replay: StatementReplayer,
  ) {}

  /**
   * Sets the ordered migration list; `read` gives a file's text. Files already known with the same
   * text keep their lowered statements.
   */
  setMigrations(migrations: readonly WorkspaceMigration[], read: (path: string) => string): void {
    const previous = new Map(this.entries.map((entry) => [entry.migration.path, entry]));
    this.entries = migrations.map((migration) => {
      const text = read(migration.path);
      const known = previous.get(migration.path);
      if (known && known.text === text) return { ...known, migration };
      return { migration, text, statements: this.replay(text) };
    });
    this.positions.clear();
    this.entries.forEach((entry, index) => this.positions.set(entry.migration.path, index));
    this.replayed = this.entries.flatMap((entry, index) => (entry.migration.role === 'down' ? [] : [index]));
    this.snapshots = new Map();
    this.fromEmpty = undefined;
  }

  has(path: string): boolean {
    return this.positions.has(path);
  }

  get paths(): string[] {
    return this.entries.map((entry) => entry.migration.path);
  }

  /** New text for a migration (an editor change): later snapshots are recomputed when next asked. Returns false for a file not in the set. */
  update(path: string, text: string): boolean {
    const index = this.positions.get(path);
    const entry = index === undefined ? undefined : this.entries[index];
    if (!entry || index === undefined) return false;
    if (entry.text === text) return true;
    entry.text = text;
    entry.statements = this.replay(text);
    this.fromEmpty = undefined;
    const step = this.replayed.indexOf(index);
    if (step >= 0) for (const stored of this.snapshots.keys()) if (stored > step) this.snapshots.delete(stored);
    return true;
  }

  /** The model a file's rules see: before it for a replayed file, after its up migration for a down migration. */
  before(path: string): SchemaBefore | undefined {
    const index = this.positions.get(path);
    const entry = index === undefined ? undefined : this.entries[index];
    if (!entry || index === undefined) return undefined;
    if (entry.migration.role === 'down') {
      const up = entry.migration.upPath === undefined ? undefined : this.positions.get(entry.migration.upPath);
      const step = up === undefined ? this.replayedBefore(index) : this.replayed.indexOf(up) + 1;
      // Tools pair and order down migrations their own way (pop numbers them in reverse): their model is a best guess, so nothing is called unknown there.
      return { schema: this.snapshot(step), complete: false, after: () => this.final(), reverting: true };
    }
    return { schema: this.snapshot(this.replayed.indexOf(index)), complete: this.startsFromEmpty(), after: () => this.final() };
  }

  /** The model after every migration. */
  final(): SchemaModel {
    return this.snapshot(this.replayed.length);
  }

  /** Statements of a file as replayed (for definitions and references). */
  statementsOf(path: string): readonly Statement[] {
    const index = this.positions.get(path);
    return index === undefined ? [] : (this.entries[index]?.statements ?? []);
  }

  /**
   * Whether the set builds its schema from an empty database: its first migration (after any base
   * dump) creates tables and touches none it did not create. A set that starts by altering tables
   * builds on a schema sqlsight does not have (a baseline outside the folder), so no name in it can
   * be called unknown.
   */
  private startsFromEmpty(): boolean {
    if (this.fromEmpty !== undefined) return this.fromEmpty;
    const firstUp = this.replayed.findIndex((position) => this.entries[position]?.migration.role !== 'base');
    const opening = this.replayed.slice(0, firstUp < 0 ? this.replayed.length : firstUp + 1).flatMap((position) => this.entries[position]?.statements ?? []);
    const created = new Set<string>();
    let touchesUnknown = false;
    for (const statement of opening) {
      if (statement.kind === 'create-table') created.add(tableKeyOf(statement.table));
      const target = statement.kind === 'alter-table' && !statement.ifExists ? statement.table : statement.kind === 'create-index' ? statement.table : undefined;
      if (target && !created.has(tableKeyOf(target))) touchesUnknown = true;
    }
    this.fromEmpty = created.size > 0 && !touchesUnknown;
    return this.fromEmpty;
  }

  /** Number of replayed files before entry `index`. */
  private replayedBefore(index: number): number {
    return this.replayed.filter((position) => position < index).length;
  }

  /** The model before the `step`-th replayed file (or after all of them), replayed from the nearest stored one. */
  private snapshot(step: number): SchemaModel {
    const stored = this.snapshots.get(step);
    if (stored) return stored;
    let from = 0;
    for (const candidate of this.snapshots.keys()) if (candidate < step && candidate > from) from = candidate;
    const model = this.snapshots.get(from)?.clone() ?? new SchemaModel(this.dialect);
    if (from === 0 && !this.snapshots.has(0)) this.snapshots.set(0, model.clone());
    for (let done = from; done < step; done++) {
      if (done > from && done % checkpointEvery === 0) this.snapshots.set(done, model.clone());
      const entry = this.entries[this.replayed[done] ?? -1];
      if (entry) for (const statement of entry.statements) applyStatement(model, statement, entry.migration.path);
    }
    this.snapshots.set(step, model);
    return model;
  }
}

const checkpointEvery = 32;
