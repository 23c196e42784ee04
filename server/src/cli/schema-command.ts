// `sqlsight schema [folder]`: replays the folder's migrations and prints the model as DDL or JSON,
// so a user can see what the tool believes the migrations build.
import { resolve } from 'node:path';
import { schemaToJson, schemaToSql, type Engine } from '../engine';
import { formatConfigError, loadConfig } from '../io/config-loader';
import { discoverForPaths, MigrationWorkspaces } from '../io/migration-workspaces';
import type { SchemaCommand } from './args';
import { exitCodes, type Terminal } from './check';

export async function runSchema(command: SchemaCommand, terminal: Terminal, engine: Engine): Promise<number> {
  const folder = resolve(terminal.cwd, command.folder ?? '.');
  const loaded = loadConfig({ explicitPath: command.configPath, startDir: folder, knownRuleIds: engine.rules.map((rule) => rule.meta.id) });
  if (!loaded.ok) {
    for (const line of formatConfigError(loaded.error)) terminal.writeStderr(`${line}\n`);
    return exitCodes.failure;
  }
  const discovery = await discoverForPaths([folder], loaded.value.config, loaded.value.configDir);
  for (const problem of discovery.problems) terminal.writeStderr(`sqlsight: ${problem.path}: ${problem.message}\n`);
  if (discovery.sets.length === 0) {
    terminal.writeStderr(`sqlsight: no migrations found under ${folder}: name them in sqlsight.json "migrations" (see docs/migrations.md)\n`);
    return exitCodes.failure;
  }
  const workspaces = new MigrationWorkspaces(engine);
  workspaces.setSets(discovery.sets);
  const results = discovery.sets.map((set) => ({ set, model: workspaces.workspaceFor(set.files[0]?.path ?? set.folder)?.final() }));
  if (command.format === 'json') {
    const sets = results.map(({ set, model }) => ({
      folder: set.folder,
      convention: set.convention,
      // In replay order, so the order sqlsight assumes can be checked.
      files: set.files.map((file) => ({ path: file.path, role: file.role })),
      schema: model ? schemaToJson(model) : null,
    }));
    terminal.writeStdout(`${JSON.stringify({ sets }, null, 2)}\n`);
  } else {
    for (const { set, model } of results) {
      terminal.writeStdout(`-- ${set.folder} (${set.convention}, ${set.files.length} files)\n${model ? schemaToSql(model) : ''}\n`);
    }
  }
  return exitCodes.clean;
}
