// One engine for all tests, and fixture helpers: header directives, fix application.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, loadEngine, resolveFileSettings, type Engine, type FileAnalysis, type Fix, type SchemaBefore, type SettingsOverride, type TextEdit } from '../../server/src/engine';

let enginePromise: Promise<Engine> | undefined;

export function engine(): Promise<Engine> {
  enginePromise ??= loadEngine();
  return enginePromise;
}

/**
 * Fixture header, first line: `-- sqlsight-test: version=11 assume-in-transaction expect-after-fix=rule-a,rule-b`.
 * `earlier=a.sql,b.sql` replays those sibling files as the migrations that ran before the fixture;
 * `workspace` (implied by `earlier`) analyses the fixture as part of a complete workspace model.
 */
export interface FixtureHeader {
  readonly settings: SettingsOverride;
  readonly expectAfterFix: readonly string[];
  readonly earlier: readonly string[];
  readonly workspace: boolean;
}

export function readHeader(text: string): FixtureHeader {
  const match = /^--\s*sqlsight-test:(.*)$/m.exec(text.split('\n', 1)[0] ?? '');
  const settings: { serverVersion?: string; assumeInTransaction?: boolean; dialect?: 'postgres' | 'mysql' | 'mariadb' } = {};
  let expectAfterFix: string[] = [];
  let earlier: string[] = [];
  let workspace = false;
  for (const word of (match?.[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key, value = ''] = word.split('=');
    if (key === 'version') settings.serverVersion = value;
    else if (key === 'assume-in-transaction') settings.assumeInTransaction = true;
    else if (key === 'dialect' && (value === 'postgres' || value === 'mysql' || value === 'mariadb')) settings.dialect = value;
    else if (key === 'expect-after-fix') expectAfterFix = value.split(',');
    else if (key === 'earlier') earlier = value.split(',');
    else if (key === 'workspace') workspace = true;
    else throw new Error(`unknown fixture directive ${word}`);
  }
  return { settings, expectAfterFix, earlier, workspace: workspace || earlier.length > 0 };
}

/**
 * Analyses a fixture with its header's settings; `extra` (a rule to enable, a server version for
 * doc examples) goes on top. `folder` holds the files an `earlier=` directive names; `later` are
 * migrations that run after the fixture (a fix's new migration file), `earlierTexts` migrations
 * that run before it (a documentation example's schema).
 */
export async function analyzeFixture(
  text: string,
  path = 'fixture.sql',
  extra: SettingsOverride = {},
  folder = '.',
  later: readonly string[] = [],
  earlierTexts: readonly string[] = [],
): Promise<FileAnalysis> {
  const header = readHeader(text);
  const settings = resolveFileSettings({}, () => false, { ...header.settings, ...extra, rules: { ...header.settings.rules, ...extra.rules } });
  const loaded = await engine();
  let before: SchemaBefore | undefined;
  // A fixture alone in a workspace is its first migration, from an empty database.
  if (header.workspace && header.earlier.length === 0 && later.length === 0 && earlierTexts.length === 0) before = { complete: true };
  else if (header.workspace || later.length > 0 || earlierTexts.length > 0) {
    const workspace = loaded.createWorkspaceSchema(settings.dialect);
    const fixturePath = join(folder, path);
    const laterPaths = later.map((_, index) => join(folder, `later-${index}.sql`));
    const earlierTextPaths = earlierTexts.map((_, index) => join(folder, `earlier-text-${index}.sql`));
    const earlierPaths = [...earlierTextPaths, ...header.earlier.map((name) => join(folder, name))];
    const migrations = [...earlierPaths, fixturePath, ...laterPaths].map((file) => ({ path: file, role: 'up' as const }));
    const texts = new Map([...laterPaths.map((file, index) => [file, later[index] ?? ''] as const), ...earlierTextPaths.map((file, index) => [file, earlierTexts[index] ?? ''] as const)]);
    workspace.setMigrations(migrations, (file) => (file === fixturePath ? text : (texts.get(file) ?? readFileSync(file, 'utf8'))));
    before = workspace.before(fixturePath);
  }
  return loaded.analyzeBytes({ path, bytes: new TextEncoder().encode(text), settings, before });
}

/** The preferred fix of every finding, applied together; identical edits (same insertion twice) count once. */
export function applyPreferredFixes(text: string, fixes: readonly Fix[]): string {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    for (const edit of fix.edits) {
      const key = `${edit.range.start}:${edit.range.end}:${edit.newText}`;
      if (!seen.has(key)) edits.push(edit);
      seen.add(key);
    }
  }
  return applyEdits(text, edits);
}
