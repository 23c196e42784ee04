// Unit tests of the CLI's pure parts: argument parsing, GitHub escaping, the progress line, the
// summary line, and how runCheck reports engine failures (with a stand-in engine that fails on
// purpose, since no real rule throws).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { defaultFileSettings, WorkspaceSchema, type Engine, type FileAnalysis } from '../../server/src/engine';
import { parseCommandLine, type CheckCommand } from '../../server/src/cli/args';
import { runCheck, wantsColor, type Terminal } from '../../server/src/cli/check';
import { createProgress } from '../../server/src/cli/progress';
import { escapeData, escapeProperty } from '../../server/src/cli/reporters/github';
import { summaryLine } from '../../server/src/cli/reporters/text';

function checkCommand(argv: readonly string[]): CheckCommand {
  const parsed = parseCommandLine(argv);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  assert.equal(parsed.command.kind, 'check');
  if (parsed.command.kind !== 'check') throw new Error('unreachable');
  return parsed.command;
}

describe('parseCommandLine', () => {
  it('reads check options into a typed command', () => {
    const command = checkCommand(['check', 'db', '-', '--format', 'sarif', '--dialect', 'postgresql', '--pg-version', '11', '--severity', 'error', '--assume-in-transaction', '--config=conf.json', '--stdin-filename', 'x.sql', '--quiet', '--no-color']);
    assert.deepEqual(command, {
      kind: 'check',
      paths: ['db', '-'],
      format: 'sarif',
      explicit: { dialect: 'postgres', serverVersion: '11', assumeInTransaction: true },
      configPath: 'conf.json',
      threshold: 'error',
      noColor: true,
      quiet: true,
      stdinFilename: 'x.sql',
    });
  });

  it('defaults to text, warning, no paths, no explicit settings', () => {
    const command = checkCommand(['check']);
    assert.equal(command.format, 'text');
    assert.equal(command.threshold, 'warning');
    assert.deepEqual(command.paths, []);
    assert.deepEqual(command.explicit, {});
  });

  it('--server-version keeps the config dialect; --pg-version with mysql is an error', () => {
    assert.deepEqual(checkCommand(['check', '--dialect', 'mysql', '--server-version', '8.0.35']).explicit, { dialect: 'mysql', serverVersion: '8.0.35' });
    const parsed = parseCommandLine(['check', '--dialect', 'mysql', '--pg-version', '16']);
    assert.equal(parsed.ok, false);
  });

  it('help and version win over everything else', () => {
    assert.deepEqual(parseCommandLine(['check', '--bogus', '--help']), { ok: false, message: 'unknown option --bogus (run sqlsight --help for usage)' });
    assert.deepEqual(parseCommandLine(['rules', '-h']), { ok: true, command: { kind: 'help' } });
    assert.deepEqual(parseCommandLine(['--version']), { ok: true, command: { kind: 'version' } });
    assert.deepEqual(parseCommandLine(['help']), { ok: true, command: { kind: 'help' } });
  });

  it('suggests check for a bare file name', () => {
    const parsed = parseCommandLine(['migrations/001.sql']);
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.message, /did you mean sqlsight check migrations\/001\.sql\?/);
  });

  it('rejects values on flags and a second stdin', () => {
    assert.match(JSON.stringify(parseCommandLine(['check', '--quiet=yes'])), /--quiet takes no value/);
    assert.match(JSON.stringify(parseCommandLine(['check', '-', '-'])), /stdin \(-\) can be read only once/);
    assert.match(JSON.stringify(parseCommandLine(['explain-rule'])), /explain-rule needs a rule id/);
  });
});

describe('GitHub escaping', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('db/a,b:c.sql'), 'db/a%2Cb%3Ac.sql');
  });
});

describe('progress line', () => {
  it('draws with \\r, at most every 100 ms, and clears itself', () => {
    const writes: string[] = [];
    const progress = createProgress({ total: 50, write: (text) => writes.push(text), enabled: true });
    progress.update(1);
    progress.update(2);
    assert.deepEqual(writes, ['\r\x1b[Kchecking 1/50 files…']);
    progress.clear();
    assert.deepEqual(writes.slice(1), ['\r\x1b[K']);
    progress.clear();
    assert.equal(writes.length, 2, 'clearing twice writes once');
  });

  it('writes nothing when disabled (not a terminal)', () => {
    const writes: string[] = [];
    const progress = createProgress({ total: 50, write: (text) => writes.push(text), enabled: false });
    progress.update(10);
    progress.clear();
    assert.deepEqual(writes, []);
  });
});

describe('summary line', () => {
  it('counts files, statements, findings and what was not analysed', () => {
    const base = { files: 12, statements: 340, parsed: 337, syntaxErrors: 0, templates: 0, unanalyzed: 0, findings: { error: 1, warning: 5, info: 2, hint: 0 } };
    assert.equal(summaryLine(base), '12 files checked, 340 statements: 1 error, 5 warnings, 2 infos');
    assert.equal(
      summaryLine({ ...base, files: 1, statements: 1, syntaxErrors: 2, templates: 1, findings: { error: 0, warning: 0, info: 0, hint: 0 } }),
      '1 file checked, 1 statement: no findings; 3 statements not analysed (2 syntax errors, 1 template)',
    );
    assert.equal(
      summaryLine({ ...base, unanalyzed: 4, findings: { error: 0, warning: 0, info: 4, hint: 0 } }),
      '12 files checked, 340 statements: 4 infos; 4 statements not analysed (4 not understood by the parser)',
    );
  });
});

describe('colour decision', () => {
  const terminal = (env: Record<string, string>, stdoutIsTTY: boolean): Terminal => ({
    cwd: '/',
    env,
    stdoutIsTTY,
    stderrIsTTY: false,
    writeStdout() {},
    writeStderr() {},
    readStdin: async () => new Uint8Array(),
  });
  it('follows the terminal, NO_COLOR, FORCE_COLOR and --no-color', () => {
    assert.equal(wantsColor(false, terminal({}, true)), true);
    assert.equal(wantsColor(false, terminal({}, false)), false);
    assert.equal(wantsColor(false, terminal({ NO_COLOR: '1' }, true)), false);
    assert.equal(wantsColor(false, terminal({ NO_COLOR: '' }, true)), true);
    assert.equal(wantsColor(false, terminal({ FORCE_COLOR: '1' }, false)), true);
    assert.equal(wantsColor(false, terminal({ FORCE_COLOR: '0' }, true)), true);
    assert.equal(wantsColor(true, terminal({ FORCE_COLOR: '1' }, true)), false);
  });
});

describe('engine failures', () => {
  const stats = { statements: 1, parsed: 1, syntaxErrors: 0, templates: 0, unanalyzed: 0, metaCommands: 0, copyData: 0 };
  function failingEngine(behaviour: 'rule-throws' | 'engine-throws'): Engine {
    const analyze = (input: { readonly path: string }): FileAnalysis => {
      if (behaviour === 'engine-throws') throw new Error('parser exploded');
      return { path: input.path, settings: defaultFileSettings, text: 'SELECT 1;\nSELECT 2;\n', findings: [], statements: [], statementLocks: [], sections: [], stats, ruleFailures: [{ ruleId: 'fragile-rule', message: 'cannot read properties of undefined', range: { start: 10, end: 12 } }] };
    };
    return { rules: [], analyze, analyzeBytes: analyze, replay: () => [], createWorkspaceSchema: (dialect) => new WorkspaceSchema(dialect, () => []) };
  }

  async function run(engine: Engine, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const cwd = mkdtempSync(join(tmpdir(), 'sqlsight-units-'));
    writeFileSync(join(cwd, 'a.sql'), 'SELECT 1;\nSELECT 2;\n');
    let stdout = '';
    let stderr = '';
    const terminal: Terminal = {
      cwd,
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      writeStdout: (text) => (stdout += text),
      writeStderr: (text) => (stderr += text),
      readStdin: async () => new Uint8Array(),
    };
    const code = await runCheck(checkCommand(argv), terminal, engine, 'no-worker-script');
    return { code, stdout, stderr };
  }

  it('reports a rule exception on stderr with rule and file:line, without changing the exit code', async () => {
    const result = await run(failingEngine('rule-throws'), ['check']);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'sqlsight: internal error: rule fragile-rule threw at a.sql:2:1 (a bug; please report it): cannot read properties of undefined\n');
    assert.equal(result.stdout, '1 file checked, 1 statement: no findings\n');
  });

  it('carries rule exceptions into SARIF as tool notifications', async () => {
    const result = await run(failingEngine('rule-throws'), ['check', '--format', 'sarif']);
    const log: Sarif.Log = JSON.parse(result.stdout);
    const invocation = log.runs[0]?.invocations?.[0];
    assert.equal(invocation?.executionSuccessful, true);
    assert.equal(invocation?.toolExecutionNotifications?.[0]?.associatedRule?.id, 'fragile-rule');
    assert.equal(invocation?.toolExecutionNotifications?.[0]?.locations?.[0]?.physicalLocation?.region?.startLine, 2);
  });

  it('contains an engine exception to its file and exits 2', async () => {
    const result = await run(failingEngine('engine-throws'), ['check']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^sqlsight: internal error while analysing a\.sql \(a bug; please report it\): Error: parser exploded/);
    assert.equal(result.stdout, '0 files checked, 0 statements: no findings\n');
  });
});
