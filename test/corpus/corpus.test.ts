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

  it('analyses every MySQL file as MySQL, without an exception, a rule failure or a syntax error', async () => {
    const analyzer = await engine();
    // No dialect configured: the `mysql` folder of each path chooses it, as for a user's `db/mysql/`.
    const settings = resolveFileSettings({}, () => false);
    const folder = join(corpusRoot, 'mysql');
    let statements = 0;
    let analysed = 0;
    const failures: string[] = [];
    const syntaxErrors: string[] = [];
    const unanalyzedByProject = new Map<string, number>();
    for (const file of filesUnder(folder)) {
      try {
        const analysis = analyzer.analyzeBytes({ path: file, bytes: readFileSync(file), settings });
        assert.equal(analysis.settings.dialect, 'mysql', file);
        statements += analysis.stats.statements;
        analysed += analysis.stats.parsed + analysis.stats.templates;
        const project = file.slice(folder.length + 1).split(/[\\/]/)[0] ?? file;
        if (analysis.stats.unanalyzed > 0) unanalyzedByProject.set(project, (unanalyzedByProject.get(project) ?? 0) + analysis.stats.unanalyzed);
        for (const finding of analysis.findings) if (finding.ruleId === 'syntax-error') syntaxErrors.push(`${file}: ${finding.message}`);
        for (const failure of analysis.ruleFailures) failures.push(`${file}: rule ${failure.ruleId} threw: ${failure.message}`);
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    console.log(`MySQL corpus: ${statements} statements, ${analysed} parsed or classified; unanalyzed-statement per project: ${JSON.stringify(Object.fromEntries(unanalyzedByProject))}`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
    // The corpus is SQL that ran in production: every syntax error would be a false one.
    assert.deepEqual(syntaxErrors.slice(0, 20), [], `${syntaxErrors.length} syntax errors`);
    const coverage = analysed / statements;
    assert.ok(statements > 5000, `expected the whole MySQL corpus, saw ${statements} statements`);
    assert.ok(coverage >= 0.99, `parsed or classified ${(coverage * 100).toFixed(2)}% of ${statements} statements; the bar is 99%`);
  });
});
