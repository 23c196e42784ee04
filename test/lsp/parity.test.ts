// The same file gives the same findings in CI and in the editor: the built CLI's JSON report and the
// diagnostics the built server publishes agree on rule id, severity and range, for the examples and
// every bad-*.sql rule fixture, under one sqlsight.json with severity overrides.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { cliPath, fastSettings, fileUri, LspClient, makeFolder, repositoryRoot, writeIn } from './support';

interface CliPosition {
  readonly line: number;
  readonly column: number;
}
interface CliFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly range: { readonly start: CliPosition; readonly end: CliPosition };
}
interface CliReport {
  readonly files: readonly { readonly path: string; readonly findings: readonly CliFinding[] }[];
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

/** `ruleId severity line:column-line:column`, 1-based like the CLI. */
function fromCli(finding: CliFinding): string {
  const { start, end } = finding.range;
  return `${finding.ruleId} ${finding.severity} ${start.line}:${start.column}-${end.line}:${end.column}`;
}

function fromLsp(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  const severity = severityNames[diagnostic.severity ?? 0] ?? `severity ${diagnostic.severity}`;
  return `${String(diagnostic.code)} ${severity} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** The examples, every bad-*.sql fixture, and CRLF and BOM variants of one example. */
function corpus(): Map<string, { disk: string; editor: string }> {
  const files = new Map<string, { disk: string; editor: string }>();
  const examples = join(repositoryRoot, 'examples', 'migrations');
  for (const name of readdirSync(examples).filter((file) => file.endsWith('.sql')).sort()) {
    const text = readFileSync(join(examples, name), 'utf8');
    files.set(name, { disk: text, editor: text });
  }
  const rules = join(repositoryRoot, 'test', 'rules');
  for (const rule of readdirSync(rules, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const name of readdirSync(join(rules, rule)).filter((file) => file.startsWith('bad-') && file.endsWith('.sql') && !file.endsWith('.fixed.sql')).sort()) {
      const text = readFileSync(join(rules, rule, name), 'utf8');
      files.set(`${rule}__${name}`, { disk: text, editor: text });
    }
  }
  const v4 = files.get('V4__account_ref_and_name.sql');
  assert.ok(v4, 'the examples include V4');
  files.set('crlf.sql', { disk: v4.disk.replaceAll('\n', '\r\n'), editor: v4.editor.replaceAll('\n', '\r\n') });
  // An editor shows a file with a byte-order mark without it, and sends the text without it.
  files.set('bom.sql', { disk: `\uFEFF${v4.disk}`, editor: v4.editor });
  return files;
}

describe('CLI and editor parity', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
  });
  after(() => client.stop());

  it('publishes exactly the findings `sqlsight check --format json` reports, file by file', async () => {
    const folder = makeFolder({
      'sqlsight.json': JSON.stringify({
        rules: { 'require-lock-timeout': 'error', 'require-statement-timeout': 'off', 'prefer-text': 'hint', 'ban-char': 'info', 'drop-column': 'off' },
      }),
    });
    const files = corpus();
    for (const [name, { disk }] of files) writeIn(folder, name, disk);

    const run = spawnSync(process.execPath, [cliPath, 'check', ...files.keys(), '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.ok(run.status === 0 || run.status === 1, `the CLI exits 0 or 1 (got ${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as CliReport;
    const cliFindings = new Map(report.files.map((file) => [file.path, file.findings.map(fromCli)]));
    assert.equal(cliFindings.size, files.size, `the CLI reports every file: ${[...files.keys()].filter((name) => !cliFindings.has(name)).join(', ')}`);

    let compared = 0;
    const severities = new Set<string>();
    for (const [name, { editor }] of files) {
      const published = await client.open(fileUri(join(folder, name)), editor);
      const lsp = published.diagnostics.map(fromLsp);
      assert.deepEqual(lsp, cliFindings.get(name), `${name}: the editor's diagnostics equal the CLI's findings`);
      for (const finding of lsp) severities.add(finding.split(' ')[1] ?? '');
      compared += lsp.length;
    }
    assert.ok(compared > 300, `a meaningful number of findings compared (${compared})`);
    assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'warning'], 'every severity is compared');
  });
});
