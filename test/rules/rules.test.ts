// The rule harness: for every registered rule, its fixtures (bad fire and match their snapshot,
// good stay quiet), its fixes (re-parse, clear the finding, match .fixed.sql, idempotent) and its
// documentation examples. UPDATE_SNAPSHOTS=1 rewrites snapshots and fixed files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultFileSettings, LineIndex, type Rule, type SettingsOverride } from '../../server/src/engine';
import { renderExcerpt } from '../../server/src/cli/reporters/excerpt';
import { allRules } from '../../server/src/engine/rules';
import { analyzeFixture, applyPreferredFixes, readHeader } from '../support/engine';

const fixturesRoot = import.meta.dirname;
const update = process.env.UPDATE_SNAPSHOTS === '1';
/** Pipeline-reported rules whose bad case is not SQL text (binary files) are covered elsewhere. */
const noBadFixture = new Set(['unreadable-file']);

/** An opt-in rule is enabled for its own fixtures and documentation examples. */
function ownSettings(rule: Rule): SettingsOverride {
  return rule.meta.optIn ? { rules: { [rule.meta.id]: rule.meta.severity } } : {};
}

/**
 * Documentation examples run on the default server version, or the nearest one the rule applies to
 * (as in docs/rules), in PostgreSQL unless the rule is for MySQL/MariaDB only (then its first dialect).
 */
function docsSettings(rule: Rule): SettingsOverride {
  const own = rule.meta.dialects.includes('postgres') ? ownSettings(rule) : { ...ownSettings(rule), dialect: rule.meta.dialects[0] };
  const major = defaultFileSettings.serverVersion.major;
  const { min, max } = rule.meta.versions ?? {};
  const version = rule.meta.docs.serverVersion ?? (min !== undefined && major < min ? min : max !== undefined && major > max ? max : undefined);
  return version === undefined ? own : { ...own, serverVersion: String(version) };
}

/** The documentation's schema, run as the migration before the examples. */
function docsEarlier(rule: Rule): string[] {
  return rule.meta.docs.schema === undefined ? [] : [rule.meta.docs.schema];
}

/** Documentation examples run as the first migration of a workspace (as docs/rules shows them). */
function asWorkspaceExamples(docs: { readonly bad: string; readonly good: string }): { bad: string; good: string } {
  const header = '-- sqlsight-test: workspace\n';
  return { bad: header + docs.bad, good: header + docs.good };
}

function expectFile(path: string, actual: string): void {
  if (update || !existsSync(path)) {
    if (!update) assert.fail(`missing ${path}; run with UPDATE_SNAPSHOTS=1 to create it`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE_SNAPSHOTS=1 rewrites it)`);
}

for (const rule of allRules) {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    const own = ownSettings(rule);
    const folder = join(fixturesRoot, id);
    const files = existsSync(folder) ? readdirSync(folder).sort() : [];
    const bad = files.filter((file) => /^bad-.*\.sql$/.test(file) && !file.endsWith('.fixed.sql'));
    const good = files.filter((file) => /^good-.*\.sql$/.test(file));

    it('has bad and good fixtures', () => {
      assert.ok(good.length > 0, `test/rules/${id}/ needs at least one good-*.sql`);
      if (!noBadFixture.has(id)) assert.ok(bad.length > 0, `test/rules/${id}/ needs at least one bad-*.sql`);
    });

    for (const file of good) {
      it(`stays quiet on ${file}`, async () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const analysis = await analyzeFixture(text, file, own, folder);
        const mine = analysis.findings.filter((finding) => finding.ruleId === id);
        assert.deepEqual(mine.map((finding) => finding.message), [], `${file} should raise no ${id}`);
        assert.deepEqual(analysis.ruleFailures, []);
      });
    }

    for (const file of bad) {
      it(`fires on ${file}`, async () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const header = readHeader(text);
        const analysis = await analyzeFixture(text, file, own, folder);
        assert.deepEqual(analysis.ruleFailures, []);
        const mine = analysis.findings.filter((finding) => finding.ruleId === id);
        assert.ok(mine.length > 0, `${file} should raise ${id}`);
        const lines = new LineIndex(text);
        const snapshot = mine.map((finding) => renderExcerpt(file, text, lines, finding)).join('\n\n') + '\n';
        expectFile(join(folder, file.replace(/\.sql$/, '.snap')), snapshot);

        // A fix that writes a new migration must clear the finding once that migration runs after the fixture.
        const newMigrations = mine.flatMap((finding) => (finding.fixes[0]?.newMigration ? [finding.fixes[0].newMigration.text] : []));
        if (newMigrations.length > 0) {
          const withLater = await analyzeFixture(text, file, own, folder, newMigrations);
          assert.deepEqual(withLater.findings.filter((finding) => finding.ruleId === id && finding.fixes[0]?.newMigration).map((finding) => finding.message), []);
        }
        const fixable = mine.filter((finding) => finding.fixes.length > 0 && !finding.fixes[0]?.newMigration);
        const fixedPath = join(folder, file.replace(/\.sql$/, '.fixed.sql'));
        if (fixable.length === 0) {
          assert.ok(!existsSync(fixedPath), `${file} has no fix but ${fixedPath} exists`);
          return;
        }
        const fixed = applyPreferredFixes(text, fixable.map((finding) => finding.fixes[0]!));
        assert.notEqual(fixed, text, 'the fix must change the text');
        const after = await analyzeFixture(fixed, file, own, folder);
        assert.deepEqual(after.findings.filter((finding) => finding.ruleId === 'syntax-error').map((finding) => finding.message), []);
        assert.deepEqual(after.findings.filter((finding) => finding.ruleId === id).map((finding) => finding.message), [], 'the fix must clear the finding');
        const before = new Set(analysis.findings.map((finding) => finding.ruleId));
        const introduced = after.findings.map((finding) => finding.ruleId).filter((ruleId) => !before.has(ruleId) && !header.expectAfterFix.includes(ruleId));
        assert.deepEqual(introduced, [], 'the fix must not introduce findings of other rules (declare them with expect-after-fix=)');
        expectFile(fixedPath, fixed);
        const again = (await analyzeFixture(fixed, file, own, folder)).findings.filter((finding) => finding.ruleId === id && finding.fixes.length > 0);
        assert.equal(again.length, 0, 'applying the fix again must change nothing');
      });
    }

    it('documents a bad example that fires once and a good example that stays quiet', async () => {
      const { bad: badExample, good: goodExample } = asWorkspaceExamples(rule.meta.docs);
      if (!noBadFixture.has(id)) {
        const badFindings = (await analyzeFixture(badExample, undefined, docsSettings(rule), undefined, [], docsEarlier(rule))).findings.filter((finding) => finding.ruleId === id);
        assert.equal(badFindings.length, 1, `docs.bad should raise exactly one ${id}: ${badExample}`);
      }
      const goodFindings = (await analyzeFixture(goodExample, undefined, docsSettings(rule), undefined, [], docsEarlier(rule))).findings.filter((finding) => finding.ruleId === id);
      assert.equal(goodFindings.length, 0, `docs.good should raise no ${id}`);
    });
  });
}

describe('every fix of every finding', () => {
  it('re-parses and clears its own finding (property over all fixtures and doc examples)', async () => {
    const cases: { name: string; text: string; settings: SettingsOverride; folder?: string; earlier?: string[] }[] = [];
    for (const rule of allRules) {
      cases.push({ name: `${rule.meta.id} docs.bad`, text: asWorkspaceExamples(rule.meta.docs).bad, settings: docsSettings(rule), earlier: docsEarlier(rule) });
      const folder = join(fixturesRoot, rule.meta.id);
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).filter((name) => /^(bad|good)-.*\.sql$/.test(name) && !name.endsWith('.fixed.sql'))) {
        cases.push({ name: `${rule.meta.id}/${file}`, text: readFileSync(join(folder, file), 'utf8'), settings: ownSettings(rule), folder });
      }
    }
    let checked = 0;
    for (const testCase of cases) {
      const analysis = await analyzeFixture(testCase.text, undefined, testCase.settings, testCase.folder, [], testCase.earlier);
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes) {
          if (fix.newMigration) {
            const withLater = await analyzeFixture(testCase.text, undefined, testCase.settings, testCase.folder, [fix.newMigration.text], testCase.earlier);
            const left = withLater.findings.filter((other) => other.ruleId === finding.ruleId).length;
            const countBefore = analysis.findings.filter((other) => other.ruleId === finding.ruleId).length;
            assert.ok(left < countBefore, `${testCase.name}: the new migration of "${fix.title}" did not clear its ${finding.ruleId} finding`);
            checked++;
            continue;
          }
          const fixed = applyPreferredFixes(testCase.text, [fix]);
          const after = await analyzeFixture(fixed, undefined, testCase.settings, testCase.folder, [], testCase.earlier);
          const syntaxErrors = after.findings.filter((other) => other.ruleId === 'syntax-error').length;
          const beforeErrors = analysis.findings.filter((other) => other.ruleId === 'syntax-error').length;
          assert.ok(syntaxErrors <= beforeErrors, `${testCase.name}: "${fix.title}" introduced a syntax error`);
          const countBefore = analysis.findings.filter((other) => other.ruleId === finding.ruleId).length;
          const countAfter = after.findings.filter((other) => other.ruleId === finding.ruleId).length;
          assert.ok(countAfter < countBefore, `${testCase.name}: "${fix.title}" did not clear its ${finding.ruleId} finding`);
          checked++;
        }
      }
    }
    assert.ok(checked > 0);
  });
});
