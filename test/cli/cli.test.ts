// End-to-end tests of the built `sqlsight` CLI: formats, exit codes, stdin, config errors, file
// handling and the rules commands, each in a throwaway project. They run the bundle, not the
// sources, so bundling mistakes (JSON imports, the WASM path, worker threads) fail here too.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { buildCli, cleanSql, dangerousSql, makeProject, runCli } from './support';

interface JsonPosition {
  line: number;
  column: number;
  offset: number;
  byteOffset: number;
}
interface JsonRange {
  start: JsonPosition;
  end: JsonPosition;
}
interface JsonReport {
  version: number;
  files: {
    path: string;
    findings: {
      ruleId: string;
      severity: string;
      message: string;
      help: string | null;
      range: JsonRange;
      fixes: { title: string; safety: string; edits: { range: JsonRange; newText: string }[] }[];
    }[];
    stats: { statements: number; parsed: number; syntaxErrors: number; templates: number };
  }[];
  summary: { files: number; statements: number; parsed: number; syntaxErrors: number; findings: Record<string, number> };
}

function parseJsonReport(stdout: string): JsonReport {
  const report: JsonReport = JSON.parse(stdout);
  return report;
}

function ruleIds(report: JsonReport): string[] {
  return report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId));
}

/** Every rule that fires on `sql` alone: new rules may join require-concurrent-index on the same statement. */
async function rulesFiringOn(sql: string): Promise<string[]> {
  const run = await runCli(['check', '-', '--format', 'json'], { cwd: makeProject(), input: sql });
  return [...new Set(ruleIds(parseJsonReport(run.stdout)))].sort();
}

function allOff(ids: readonly string[]): Record<string, 'off'> {
  return Object.fromEntries(ids.map((id) => [id, 'off']));
}

const packageVersion: string = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

// Each test spawns its own process in its own folder, so they can run side by side.
describe('sqlsight CLI', { concurrency: 4 }, () => {
  before(async () => {
    await buildCli();
  });

  describe('text format', () => {
    it('draws the finding under the source and ends with a summary; exit 1', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      const run = await runCli(['check'], { cwd });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^a\.sql:1:1 warning\[require-concurrent-index\] /m);
      assert.match(run.stdout, /^1 \| CREATE INDEX users_email_idx ON users \(email\);$/m);
      assert.match(run.stdout, /^ {2}\| \^{46}$/m);
      assert.match(run.stdout, /^ {2}fix: Add CONCURRENTLY$/m);
      // Other rules (lock_timeout hygiene …) may fire on the same statement; only this one is asserted.
      assert.match(run.stdout, /^1 file checked, 1 statement: \d+ warnings?(, .+)?$/m);
      assert.doesNotMatch(run.stdout, /\x1b\[/, 'no colour when stdout is a pipe');
      assert.equal(run.stderr, '', 'no progress line or noise on a non-TTY stderr');
    });

    it('--dialect mysql replays the folder as MySQL, so a migration is judged against the earlier ones', async () => {
      const cwd = makeProject({
        'db/V1__orders.sql': 'CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, total int NOT NULL) ENGINE=InnoDB;\n',
        'db/V2__widen.sql': 'ALTER TABLE orders MODIFY total bigint NOT NULL;\n',
      });
      const run = await runCli(['check', '--dialect', 'mysql', 'db'], { cwd });
      // The type change is known to be int → bigint only from V1: without the replayed model it would be "may copy".
      assert.match(run.stdout, /^db\/V2__widen\.sql:1:\d+ warning\[mysql-copy-algorithm\] Changing `total` from int to bigint copies `orders`/m);
    });

    it('is clean and exits 0 for a safe migration', async () => {
      const cwd = makeProject({ 'a.sql': cleanSql });
      const run = await runCli(['check', 'a.sql'], { cwd });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '1 file checked, 1 statement: no findings\n');
    });

    it('counts statements it could not analyse in the summary', async () => {
      const cwd = makeProject({ 'a.sql': 'SELECT 1;\nSELEC 2;\nSELECT {{ .Value }};\n' });
      const run = await runCli(['check', '--severity', 'error'], { cwd });
      assert.match(run.stdout, /3 statements: 1 error, .*; 2 statements not analysed \(1 syntax error, 1 template\)$/m);
      assert.equal(run.status, 1, 'the syntax error is an error');
    });

    it('colours with FORCE_COLOR, not with NO_COLOR or --no-color', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      const forced = await runCli(['check'], { cwd, env: { FORCE_COLOR: '1' } });
      assert.match(forced.stdout, /\x1b\[/);
      const flag = await runCli(['check', '--no-color'], { cwd, env: { FORCE_COLOR: '1' } });
      assert.doesNotMatch(flag.stdout, /\x1b\[/);
      const noColor = await runCli(['check'], { cwd, env: { NO_COLOR: '1' } });
      assert.doesNotMatch(noColor.stdout, /\x1b\[/);
    });

    it('--quiet prints only the summary', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      const run = await runCli(['check', '--quiet'], { cwd });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^1 file checked, 1 statement: \d+ warnings?(, [^\n]+)?\n$/);
    });
  });

  describe('json format', () => {
    it('reports findings with 1-based positions, UTF-16 offsets, UTF-8 byte offsets and fixes', async () => {
      // "é" is one UTF-16 unit and two UTF-8 bytes, so offset and byteOffset differ after it.
      const cwd = makeProject({ 'm/001.sql': `-- é\n${dangerousSql}`, 'm/002.sql': cleanSql });
      const run = await runCli(['check', 'm', '--format', 'json'], { cwd });
      assert.equal(run.status, 1, run.stderr);
      const report = parseJsonReport(run.stdout);
      assert.equal(`${JSON.stringify(report)}\n`, run.stdout, 'the streamed document is plain compact JSON');
      assert.equal(report.version, 1);
      assert.deepEqual(
        report.files.map((file) => file.path),
        [join('m', '001.sql'), join('m', '002.sql')],
      );
      const finding = report.files[0]?.findings.find((candidate) => candidate.ruleId === 'require-concurrent-index');
      assert.ok(finding);
      assert.equal(finding.ruleId, 'require-concurrent-index');
      assert.equal(finding.severity, 'warning');
      assert.equal(typeof finding.message, 'string');
      assert.equal(typeof finding.help, 'string');
      assert.deepEqual(finding.range.start, { line: 2, column: 1, offset: 5, byteOffset: 6 });
      assert.deepEqual(finding.range.end, { line: 2, column: 47, offset: 51, byteOffset: 52 });
      const [fix] = finding.fixes;
      assert.equal(fix?.title, 'Add CONCURRENTLY');
      assert.equal(fix?.safety, 'safe');
      assert.deepEqual(fix?.edits, [
        {
          range: { start: { line: 2, column: 13, offset: 17, byteOffset: 18 }, end: { line: 2, column: 13, offset: 17, byteOffset: 18 } },
          newText: ' CONCURRENTLY',
        },
      ]);
      assert.deepEqual(report.files[1]?.findings, []);
      assert.equal(report.files[1]?.stats.statements, 1);
      const count = (severity: string): number =>
        report.files.flatMap((file) => file.findings).filter((candidate) => candidate.severity === severity).length;
      assert.deepEqual(report.summary, {
        files: 2,
        statements: 2,
        parsed: 2,
        syntaxErrors: 0,
        templates: 0,
        unanalyzed: 0,
        findings: { error: count('error'), warning: count('warning'), info: count('info'), hint: count('hint') },
      });
    });

    it('gives the same output on worker threads as on the main thread', async () => {
      const files: Record<string, string | Uint8Array> = {};
      for (let i = 0; i < 40; i++) files[`m/${String(i).padStart(3, '0')}.sql`] = i % 3 === 0 ? dangerousSql : cleanSql;
      files['m/binary.sql'] = new Uint8Array([0x43, 0, 0xff]);
      const cwd = makeProject(files);
      const inline = await runCli(['check', '--format', 'json'], { cwd, env: { SQLSIGHT_JOBS: '0' } });
      const threaded = await runCli(['check', '--format', 'json'], { cwd, env: { SQLSIGHT_JOBS: '3' } });
      assert.equal(inline.status, 1, inline.stderr);
      assert.equal(threaded.status, 1, threaded.stderr);
      assert.equal(threaded.stdout, inline.stdout);
      assert.equal(parseJsonReport(inline.stdout).summary.files, 41);
    });
  });

  describe('sarif format', () => {
    it('writes a SARIF 2.1.0 log with rules, results, regions and fixes', async () => {
      const cwd = makeProject({ 'db/001 add index.sql': dangerousSql });
      const run = await runCli(['check', '--format', 'sarif'], { cwd });
      assert.equal(run.status, 1, run.stderr);
      const log: Sarif.Log = JSON.parse(run.stdout);
      assert.equal(`${JSON.stringify(log)}\n`, run.stdout, 'the streamed log is plain compact JSON');
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      const [sarifRun] = log.runs;
      assert.ok(sarifRun);
      const driver = sarifRun.tool.driver;
      assert.equal(driver.name, 'sqlsight');
      assert.equal(driver.version, packageVersion);
      assert.ok(driver.informationUri);
      const rules = driver.rules ?? [];
      const index = rules.findIndex((rule) => rule.id === 'require-concurrent-index');
      const rule = rules[index];
      assert.ok(rule, 'every rule is listed in the driver');
      assert.equal(rule.name, 'RequireConcurrentIndex');
      assert.ok(rule.shortDescription?.text);
      assert.ok(rule.fullDescription?.text);
      assert.ok(rule.help?.text);
      assert.equal(rule.defaultConfiguration?.level, 'warning');
      for (const descriptor of rules) assert.ok(descriptor.shortDescription?.text, `${descriptor.id} has a short description`);

      const result = (sarifRun.results ?? []).find((candidate) => candidate.ruleId === 'require-concurrent-index');
      assert.ok(result);
      assert.equal(result.ruleId, 'require-concurrent-index');
      assert.equal(result.ruleIndex, index);
      assert.equal(result.level, 'warning');
      assert.ok(result.message.text);
      const location = result.locations?.[0]?.physicalLocation;
      assert.equal(location?.artifactLocation?.uri, 'db/001%20add%20index.sql');
      assert.equal(location?.artifactLocation?.uriBaseId, '%SRCROOT%');
      assert.deepEqual(location?.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 47, charOffset: 0, charLength: 46 });
      const replacement = result.fixes?.[0]?.artifactChanges[0]?.replacements[0];
      assert.equal(result.fixes?.[0]?.description?.text, 'Add CONCURRENTLY');
      assert.equal(replacement?.insertedContent?.text, ' CONCURRENTLY');
      assert.equal(replacement?.deletedRegion.charOffset, 12);
      assert.equal(replacement?.deletedRegion.charLength, 0);
      assert.ok(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri?.startsWith('file://'));
      assert.equal(sarifRun.invocations?.[0]?.executionSuccessful, true);
    });

    it('maps info and hint to note', async () => {
      const cwd = makeProject({ 'a.sql': 'CREATE TABLE t (id serial PRIMARY KEY);\n' });
      const run = await runCli(['check', '--format', 'sarif', '--severity', 'error'], { cwd });
      const log: Sarif.Log = JSON.parse(run.stdout);
      const levels = new Set((log.runs[0]?.results ?? []).map((result) => result.level));
      assert.ok(levels.size > 0);
      for (const level of levels) assert.ok(level === 'error' || level === 'warning' || level === 'note', String(level));
    });
  });

  describe('github format', () => {
    it('writes one workflow command per finding', async () => {
      const cwd = makeProject({ 'db/a.sql': `SELECT 1;\n${dangerousSql}` });
      const run = await runCli(['check', '--format', 'github'], { cwd });
      assert.equal(run.status, 1, run.stderr);
      const lines = run.stdout.trimEnd().split('\n');
      const commands = lines.map((line) => /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line));
      for (const [index, command] of commands.entries()) assert.ok(command, `not a workflow command: ${lines[index] ?? ''}`);
      const match = commands.find((command) => command?.[2]?.includes('title=sqlsight require-concurrent-index'));
      assert.ok(match, run.stdout);
      assert.equal(match[1], 'warning');
      const properties = Object.fromEntries((match[2] ?? '').split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
      assert.deepEqual(properties, {
        file: 'db/a.sql',
        line: '2',
        col: '1',
        endLine: '2',
        endColumn: '47',
        title: 'sqlsight require-concurrent-index',
      });
      assert.ok((match[3] ?? '').length > 0);
    });
  });

  describe('exit codes', () => {
    it('--severity error turns warnings into exit 0, still showing them', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      const run = await runCli(['check', '--severity', 'error'], { cwd });
      assert.equal(run.status, 0);
      assert.match(run.stdout, /warning\[require-concurrent-index\]/);
    });

    it('--severity info still fails on warnings', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      assert.equal((await runCli(['check', '--severity', 'info'], { cwd })).status, 1);
    });

    for (const [args, named] of [
      [['check', '--frobnicate'], /unknown option --frobnicate/],
      [['check', '--format', 'xml'], /unknown format "xml"/],
      [['check', '--dialect', 'oracle'], /unknown dialect "oracle"/],
      [['check', '--severity', 'loud'], /unknown severity "loud"/],
      [['check', '--pg-version', 'sixteen'], /--pg-version "sixteen"/],
      [['check', '--format'], /--format needs a value/],
      [['lint', 'a.sql'], /unknown command "lint"/],
      [[], /missing command/],
      [['rules', '--format', 'json'], /--format applies to sqlsight check/],
      [['check', '--stdin-filename', 'x.sql'], /needs - among the paths/],
    ] as const) {
      it(`exits 2 for a usage error: ${args.join(' ') || '(nothing)'}`, async () => {
        const cwd = makeProject({ 'a.sql': cleanSql });
        const run = await runCli(args, { cwd });
        assert.equal(run.status, 2);
        assert.match(run.stderr, named);
        assert.match(run.stderr, /sqlsight --help/);
        assert.equal(run.stdout, '');
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      });
    }

    it('accepts pg and postgresql as dialect names, and --pg-version', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      assert.equal((await runCli(['check', '--dialect', 'pg'], { cwd })).status, 1);
      assert.equal((await runCli(['check', '--dialect', 'PostgreSQL', '--pg-version', '12'], { cwd })).status, 1);
      assert.equal((await runCli(['check', '--server-version', '16.2'], { cwd })).status, 1);
    });

    it('exits 2 naming a missing path, and still checks the others', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql });
      const run = await runCli(['check', 'a.sql', 'nope/missing.sql', '--format', 'json'], { cwd });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /nope\/missing\.sql: path not found/);
      assert.ok(ruleIds(parseJsonReport(run.stdout)).includes('require-concurrent-index'));
    });

    it('exits 2 naming a file that cannot be read (a dangling symbolic link)', async () => {
      // Tests run as root, where chmod 000 does not stop reading; a dangling link fails for anyone.
      const cwd = makeProject({ 'm/a.sql': cleanSql });
      symlinkSync(join(cwd, 'm', 'gone.sql'), join(cwd, 'm', 'broken.sql'));
      const run = await runCli(['check', 'm'], { cwd });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /m\/broken\.sql: cannot read file: not found \(ENOENT\)/);
      assert.match(run.stdout, /1 file checked/);
    });

    it('handles a file without read permission (exit 2 unless running as root)', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql, 'b.sql': cleanSql });
      chmodSync(join(cwd, 'a.sql'), 0o000);
      const run = await runCli(['check'], { cwd });
      if (process.getuid?.() === 0) {
        // root reads the file anyway, so this checks it normally; the dangling-link test covers the error path.
        assert.equal(run.status, 1);
        assert.match(run.stdout, /2 files checked/);
      } else {
        assert.equal(run.status, 2);
        assert.match(run.stderr, /a\.sql: cannot read file: permission denied \(EACCES\)/);
        assert.match(run.stdout, /1 file checked/);
      }
    });
  });

  describe('stdin', () => {
    it('reads - as <stdin>', async () => {
      const cwd = makeProject();
      const run = await runCli(['check', '-'], { cwd, input: dangerousSql });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^<stdin>:1:1 warning\[require-concurrent-index\]/m);
    });

    it('--stdin-filename names it and picks config overrides', async () => {
      const firing = await rulesFiringOn(dangerousSql);
      const cwd = makeProject({
        'sqlsight.json': JSON.stringify({ overrides: [{ files: ['legacy/**'], rules: allOff(firing) }] }),
      });
      const named = await runCli(['check', '-', '--stdin-filename', 'db/001.sql', '--format', 'json'], { cwd, input: dangerousSql });
      assert.equal(named.status, 1);
      assert.equal(parseJsonReport(named.stdout).files[0]?.path, 'db/001.sql');
      const overridden = await runCli(['check', '-', '--stdin-filename', 'legacy/001.sql'], { cwd, input: dangerousSql });
      assert.equal(overridden.status, 0, overridden.stdout);
    });
  });

  describe('suppressions and config', () => {
    it('honours a sqlsight-ignore comment on the line before', async () => {
      const only = makeProject({ 'a.sql': `-- sqlsight-ignore require-concurrent-index\n${dangerousSql}` });
      const partly = parseJsonReport((await runCli(['check', '--format', 'json'], { cwd: only })).stdout);
      assert.ok(!ruleIds(partly).includes('require-concurrent-index'));
      assert.ok(!ruleIds(partly).includes('unused-suppression'), 'the suppression was used');
      // Exit 0 once the comment names every rule that fires on the statement.
      const firing = await rulesFiringOn(dangerousSql);
      const cwd = makeProject({ 'a.sql': `-- sqlsight-ignore ${firing.join(', ')}\n${dangerousSql}` });
      const run = await runCli(['check'], { cwd });
      assert.equal(run.status, 0, run.stdout);
    });

    it('silences a rule set to "off"', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql, 'sqlsight.json': '{ "rules": { "require-concurrent-index": "off" } }' });
      const run = await runCli(['check', '--format', 'json'], { cwd });
      assert.ok(!ruleIds(parseJsonReport(run.stdout)).includes('require-concurrent-index'));
      const firing = await rulesFiringOn(dangerousSql);
      const allSilenced = makeProject({ 'a.sql': dangerousSql, 'sqlsight.json': JSON.stringify({ rules: allOff(firing) }) });
      const silent = await runCli(['check', '--format', 'json'], { cwd: allSilenced });
      assert.equal(silent.status, 0);
      assert.deepEqual(ruleIds(parseJsonReport(silent.stdout)), []);
    });

    it('raises a rule to error', async () => {
      const cwd = makeProject({ 'a.sql': dangerousSql, 'sqlsight.json': '{ "rules": { "require-concurrent-index": "error" } }' });
      const run = await runCli(['check', '--severity', 'error'], { cwd });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /error\[require-concurrent-index\]/);
    });

    it('finds sqlsight.json in an ancestor of the current folder', async () => {
      const firing = await rulesFiringOn(dangerousSql);
      const root = makeProject({ 'sqlsight.json': JSON.stringify({ rules: allOff(firing) }), 'app/db/a.sql': dangerousSql });
      const run = await runCli(['check'], { cwd: join(root, 'app') });
      assert.equal(run.status, 0, run.stdout);
    });

    it('skips ignored files and folders', async () => {
      const cwd = makeProject({
        'sqlsight.json': JSON.stringify({ ignore: ['legacy/**', '*.generated.sql'] }),
        'legacy/a.sql': dangerousSql,
        'db/schema.generated.sql': dangerousSql,
        'db/001.sql': cleanSql,
      });
      const run = await runCli(['check', '--format', 'json'], { cwd });
      assert.equal(run.status, 0, run.stdout);
      assert.deepEqual(
        parseJsonReport(run.stdout).files.map((file) => file.path),
        [join('db', '001.sql')],
      );
    });

    it('uses --config instead of searching', async () => {
      const firing = await rulesFiringOn(dangerousSql);
      const cwd = makeProject({ 'a.sql': dangerousSql, 'conf/quiet.json': JSON.stringify({ rules: allOff(firing) }) });
      assert.equal((await runCli(['check', '--config', 'conf/quiet.json'], { cwd })).status, 0);
      const missing = await runCli(['check', '--config', 'conf/nope.json'], { cwd });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /conf\/nope\.json: config file not found/);
    });

    for (const [name, config, expected] of [
      ['an unknown key', '{ "dialekt": "postgres" }', /^sqlsight\.json: unknown key "dialekt" \(allowed: \$schema, dialect, .*did you mean "dialect"\?$/m],
      ['a bad severity value', '{ "rules": { "require-concurrent-index": "loud" } }', /^sqlsight\.json: rules\.require-concurrent-index: must be one of off, error, warning, info, hint$/m],
      ['an unknown rule id', '{ "rules": { "require-concurent-index": "off" } }', /^sqlsight\.json: rules\.require-concurent-index: unknown rule \(did you mean require-concurrent-index\?\)$/m],
      ['a bad dialect', '{ "dialect": "oracle" }', /^sqlsight\.json: dialect: must be one of postgres, mysql, mariadb$/m],
      ['a bad server version', '{ "serverVersion": "sixteen" }', /^sqlsight\.json: serverVersion: "sixteen" is not a server version/m],
      ['an override without files', '{ "overrides": [{ "dialect": "mysql" }] }', /^sqlsight\.json: overrides\[0\]: missing required key "files"$/m],
      ['broken JSON', '{\n  "rules": {\n    "require-concurrent-index": "off",\n  }\n}', /^sqlsight\.json:4:3: invalid JSON: /m],
    ] as const) {
      it(`exits 2 for a config with ${name}, naming the key`, async () => {
        const cwd = makeProject({ 'a.sql': cleanSql, 'sqlsight.json': config });
        const run = await runCli(['check'], { cwd });
        assert.equal(run.status, 2);
        assert.match(run.stderr, expected);
        assert.equal(run.stdout, '');
        assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      });
    }
  });

  describe('files that are not text', () => {
    it('reports a binary file once and checks the rest', async () => {
      const cwd = makeProject({ 'a.sql': new Uint8Array([0x53, 0x45, 0x00, 0x01, 0x02]), 'b.sql': dangerousSql });
      const run = await runCli(['check', '--format', 'json'], { cwd });
      assert.equal(run.status, 1);
      const report = parseJsonReport(run.stdout);
      assert.deepEqual(
        report.files.map((file) => file.path),
        ['a.sql', 'b.sql'],
      );
      assert.deepEqual(
        report.files[0]?.findings.map((finding) => finding.ruleId),
        ['unreadable-file'],
      );
      assert.deepEqual(report.files[0]?.findings[0]?.range.start, { line: 1, column: 1, offset: 0, byteOffset: 0 });
      assert.ok(report.files[1]?.findings.some((finding) => finding.ruleId === 'require-concurrent-index'));
    });

    it('reports a file that is not UTF-8 once and checks the rest (text output too)', async () => {
      const latin1 = new Uint8Array([...Buffer.from('SELECT \''), 0xe9, ...Buffer.from('\';\n')]);
      const cwd = makeProject({ 'a.sql': latin1, 'b.sql': cleanSql });
      const run = await runCli(['check'], { cwd });
      assert.equal(run.status, 1);
      assert.match(run.stdout, /^a\.sql:1:1 warning\[unreadable-file\] Not a text file \(it is not valid UTF-8\)/m);
      assert.match(run.stdout, /2 files checked/);
    });
  });

  describe('rules', () => {
    it('lists every rule in an aligned table', async () => {
      const run = await runCli(['rules'], { cwd: makeProject() });
      assert.equal(run.status, 0);
      const lines = run.stdout.split('\n');
      const header = lines[0] ?? '';
      assert.match(header, /^ID\s+SEVERITY\s+CATEGORY\s+DIALECTS\s+FIX\s+TITLE$/);
      const row = lines.find((line) => line.startsWith('require-concurrent-index '));
      assert.ok(row);
      assert.match(row, /^require-concurrent-index\s+warning\s+locks\s+postgres\s+yes\s+Create indexes/);
      const titleColumn = header.indexOf('TITLE');
      assert.equal(row.indexOf('Create indexes'), titleColumn, 'columns are aligned');
    });

    it('shows one rule’s documentation, also as explain-rule and by another tool’s id', async () => {
      const cwd = makeProject();
      const run = await runCli(['rules', 'require-concurrent-index'], { cwd });
      assert.equal(run.status, 0);
      for (const part of [/^Create indexes on existing tables concurrently$/m, /^id: +require-concurrent-index$/m, /^severity: +warning$/m, /^dialects: +postgres$/m, /^versions: +all$/m, /squawk: require-concurrent-index-creation/, /^Why$/m, /^Safe way$/m, /^Bad\n {2}CREATE INDEX users_email_idx ON users \(email\);$/m, /^Good\n {2}CREATE INDEX CONCURRENTLY/m]) {
        assert.match(run.stdout, part);
      }
      assert.equal((await runCli(['explain-rule', 'require-concurrent-index'], { cwd })).stdout, run.stdout);
      assert.equal((await runCli(['rules', 'require-concurrent-index-creation'], { cwd })).stdout, run.stdout);
    });

    it('exits 2 for an unknown rule id with a suggestion', async () => {
      const run = await runCli(['rules', 'require-concurent-index'], { cwd: makeProject() });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /unknown rule "require-concurent-index" \(did you mean require-concurrent-index\?\)/);
    });
  });

  describe('help and version', () => {
    it('--version prints the package version', async () => {
      const run = await runCli(['--version'], { cwd: makeProject() });
      assert.equal(run.status, 0);
      assert.equal(run.stdout, `${packageVersion}\n`);
    });

    it('--help prints the usage', async () => {
      const run = await runCli(['check', '--help'], { cwd: makeProject() });
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage:\n {2}sqlsight check/m);
    });
  });
});
