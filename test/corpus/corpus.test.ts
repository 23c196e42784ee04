// Crash test over the shared corpus of real migrations (`npm run test:corpus`): every file is
// analysed, no exception escapes and no rule fails, and parse coverage stays at its bar.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveFileSettings } from '../../server/src/engine';
import { engine } from '../support/engine';

const corpusRoot = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => join(folder, file))
    .filter((file) => statSync(file).isFile())
    .sort();
}

describe('shared corpus', () => {
  it('exists next to the repository (../shared/corpus)', () => {
    assert.ok(existsSync(corpusRoot), `${corpusRoot} is missing: test:corpus needs the shared corpus beside the repository`);
  });

  it('analyses every PostgreSQL file without an exception or a rule failure', async () => {
    const analyzer = await engine();
    const settings = resolveFileSettings({}, () => false);
    const folder = join(corpusRoot, 'pg');
    let files = 0;
    let statements = 0;
    let parsed = 0;
    let classified = 0;
    const failures: string[] = [];
    for (const file of filesUnder(folder)) {
      const bytes = readFileSync(file);
      files++;
      try {
        const analysis = analyzer.analyzeBytes({ path: file, bytes, settings });
        statements += analysis.stats.statements;
        parsed += analysis.stats.parsed;
        classified += analysis.stats.templates;
        for (const failure of analysis.ruleFailures) failures.push(`${file}: rule ${failure.ruleId} threw: ${failure.message}`);
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
    assert.ok(files > 1000, `expected the whole corpus, saw ${files} files`);
    const coverage = (parsed + classified) / statements;
    assert.ok(coverage >= 0.995, `parsed or classified ${(coverage * 100).toFixed(2)}% of ${statements} statements; the bar is 99.5%`);
  });
});
