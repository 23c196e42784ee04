// One engine for all tests, and fixture helpers: header directives, fix application.
import { applyEdits, loadEngine, resolveFileSettings, type Engine, type FileAnalysis, type Fix, type SettingsOverride, type TextEdit } from '../../server/src/engine';

let enginePromise: Promise<Engine> | undefined;

export function engine(): Promise<Engine> {
  enginePromise ??= loadEngine();
  return enginePromise;
}

/**
 * Fixture header, first line: `-- sqlsight-test: version=11 assume-in-transaction expect-after-fix=rule-a,rule-b`.
 */
export interface FixtureHeader {
  readonly settings: SettingsOverride;
  readonly expectAfterFix: readonly string[];
}

export function readHeader(text: string): FixtureHeader {
  const match = /^--\s*sqlsight-test:(.*)$/m.exec(text.split('\n', 1)[0] ?? '');
  const settings: { serverVersion?: string; assumeInTransaction?: boolean; dialect?: 'postgres' | 'mysql' | 'mariadb' } = {};
  let expectAfterFix: string[] = [];
  for (const word of (match?.[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const [key, value = ''] = word.split('=');
    if (key === 'version') settings.serverVersion = value;
    else if (key === 'assume-in-transaction') settings.assumeInTransaction = true;
    else if (key === 'dialect' && (value === 'postgres' || value === 'mysql' || value === 'mariadb')) settings.dialect = value;
    else if (key === 'expect-after-fix') expectAfterFix = value.split(',');
    else throw new Error(`unknown fixture directive ${word}`);
  }
  return { settings, expectAfterFix };
}

/** Analyses a fixture with its header's settings; `extra` (a rule to enable, a server version for doc examples) goes on top. */
export async function analyzeFixture(text: string, path = 'fixture.sql', extra: SettingsOverride = {}): Promise<FileAnalysis> {
  const header = readHeader(text);
  const settings = resolveFileSettings({}, () => false, { ...header.settings, ...extra, rules: { ...header.settings.rules, ...extra.rules } });
  return (await engine()).analyzeBytes({ path, bytes: new TextEncoder().encode(text), settings });
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
