// The language server's view of the workspace's migrations: discovered per workspace folder (with
// that folder's sqlsight.json), replayed into schema models, kept in step with open documents.
import type { Engine, MigrationSet, SchemaBefore, SchemaModel, WorkspaceSchema } from '../engine';
import { loadConfig } from '../io/config-loader';
import { discoverMigrations } from '../io/migrations';
import { MigrationWorkspaces } from '../io/migration-workspaces';

export class SchemaWorkspace {
  private readonly workspaces: MigrationWorkspaces;
  /** Pending until the first discovery (at initialization) finished, then the latest one. */
  private discovering: Promise<void>;
  private firstDiscovery: () => void = () => undefined;

  constructor(
    engine: Engine,
    private readonly knownRuleIds: readonly string[],
    /** An open document's text, by path: newer than the disk's. */
    openText: (path: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {
    this.workspaces = new MigrationWorkspaces(engine, openText);
    this.discovering = new Promise((resolve) => {
      this.firstDiscovery = resolve;
    });
  }

  /** Finds the migration sets of the workspace folders again (startup, files created or deleted, config changed). */
  rediscover(folders: readonly string[]): Promise<void> {
    this.discovering = this.discover(folders)
      .catch((error: unknown) => this.log(`finding migrations failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.firstDiscovery());
    return this.discovering;
  }

  /** Resolves once the latest discovery finished. */
  ready(): Promise<void> {
    return this.discovering;
  }

  private async discover(folders: readonly string[]): Promise<void> {
    const sets: MigrationSet[] = [];
    for (const folder of folders) {
      const loaded = loadConfig({ startDir: folder, knownRuleIds: this.knownRuleIds });
      const config = loaded.ok ? loaded.value.config : {};
      const found = await discoverMigrations(folder, config, loaded.ok ? loaded.value.configDir : folder);
      for (const problem of found.problems) this.log(`${problem.path}: ${problem.message}`);
      sets.push(...found.sets);
    }
    this.workspaces.setSets(sets);
    const files = sets.reduce((count, set) => count + set.files.length, 0);
    this.log(`found ${sets.length} migration folder${sets.length === 1 ? '' : 's'} (${files} files)${sets.map((set) => `\n  ${set.folder} (${set.convention})`).join('')}`);
  }

  /** A document's new text; true when it is a migration (later files' analyses may change). */
  update(path: string, text: string): boolean {
    return this.workspaces.update(path, text);
  }

  before(path: string): SchemaBefore | undefined {
    return this.workspaces.before(path);
  }

  finalModel(path: string): SchemaModel | undefined {
    return this.workspaces.finalModel(path);
  }

  workspaceFor(path: string): WorkspaceSchema | undefined {
    return this.workspaces.workspaceFor(path);
  }

  setOf(path: string): MigrationSet | undefined {
    return this.workspaces.setOf(path);
  }

  setFor(path: string): MigrationSet | undefined {
    return this.workspaces.setFor(path);
  }

  get sets(): readonly MigrationSet[] {
    return this.workspaces.migrationSets;
  }
}
