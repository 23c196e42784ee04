// The MySQL/MariaDB front-end over the shared corpus of real MySQL migrations: every statement segment
// of every file (split with splitMysql) is lowered for MySQL 8.0 and MariaDB 10.11 with no exception
// and no syntax error, and at least 99% of segments are lowered (templates count as classified).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMysqlStatement, type MysqlParseOptions } from '../../server/src/engine/dialects/mysql/parse';
import { splitMysql } from '../../server/src/engine/dialects/mysql/split';
import { mysqlCorpusFiles, mysqlCorpusRoot } from '../support/mysql-corpus';

const targets: readonly MysqlParseOptions[] = [
  { dialect: 'mysql', version: { major: 8, minor: 0, patch: 35 } },
  { dialect: 'mariadb', version: { major: 10, minor: 11, patch: 6 } },
];

interface ProjectCounts {
  segments: number;
  templates: number;
  lowered: number;
  unanalyzed: number;
}

describe('MySQL front-end: shared MySQL corpus', () => {
  const files = mysqlCorpusFiles();

  for (const options of targets) {
    it(`lowers every statement of every file for ${options.dialect} ${options.version.major}.${options.version.minor} without a syntax error`, (t) => {
      assert.ok(files.length >= 1000, `expected the MySQL corpus at ${mysqlCorpusRoot}`);
      const byProject = new Map<string, ProjectCounts>();
      const problems: string[] = [];
      let loweringMs = 0;
      for (const file of files) {
        const counts = byProject.get(file.project) ?? { segments: 0, templates: 0, lowered: 0, unanalyzed: 0 };
        byProject.set(file.project, counts);
        for (const segment of splitMysql(file.text, options).segments) {
          if (segment.kind === 'template') {
            counts.segments++;
            counts.templates++;
            continue;
          }
          if (segment.kind !== 'statement') continue;
          counts.segments++;
          const segmentOptions = segment.delimiter ? { ...options, delimiter: segment.delimiter } : options;
          const started = performance.now();
          try {
            const outcome = parseMysqlStatement(file.text, segment.range, segmentOptions);
            if (outcome.syntaxError) problems.push(`${file.path}: syntax error ${outcome.syntaxError.message} in ${file.text.slice(segment.range.start, segment.range.end).slice(0, 200)}`);
            else if (outcome.unanalyzed) counts.unanalyzed++;
            else counts.lowered++;
          } catch (error) {
            problems.push(`${file.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          }
          loweringMs += performance.now() - started;
        }
      }
      const totals = [...byProject.values()].reduce(
        (sum, counts) => ({ segments: sum.segments + counts.segments, templates: sum.templates + counts.templates, lowered: sum.lowered + counts.lowered, unanalyzed: sum.unanalyzed + counts.unanalyzed }),
        { segments: 0, templates: 0, lowered: 0, unanalyzed: 0 },
      );
      for (const [project, counts] of byProject) t.diagnostic(`${project}: ${counts.segments} segments, ${counts.templates} templates, ${counts.unanalyzed} unanalyzed`);
      // Reported, not asserted: tests do not depend on timing.
      t.diagnostic(`lowered ${totals.lowered} of ${totals.segments} segments (${totals.templates} templates, ${totals.unanalyzed} unanalyzed) in ${loweringMs.toFixed(0)} ms`);
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} exceptions or syntax errors`);
      const coverage = (totals.lowered + totals.templates) / totals.segments;
      assert.ok(coverage >= 0.99, `lowered or classified ${(coverage * 100).toFixed(2)}% of ${totals.segments} segments; the bar is 99%`);
    });
  }
});
