// Settings in the editor: sqlsight.json (read with the CLI's loader, re-read when the client reports
// it changed) merged over the `sqlsight.*` settings the client answers; a broken sqlsight.json is a
// diagnostic on that file and the defaults apply; the custom requests the status bar and the
// documentation view use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { diagnosticFor, fastSettings, fileUri, LspClient, makeFolder, messageOf, repositoryRoot, writeIn } from './support';

const indexSql = 'CREATE INDEX users_email_idx ON users (email);\n';

describe('configuration', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
  });
  after(() => client.stop());

  it('declares its capabilities and registers for configuration changes', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.sqlsight'] });
    assert.equal(capabilities?.hoverProvider, true);
    assert.deepEqual(client.configurationRequests[0], ['sqlsight'], 'the server pulled the sqlsight section');
    assert.ok(
      client.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'),
      `registered workspace/didChangeConfiguration: ${JSON.stringify(client.registrations)}`,
    );
  });

  it('takes severities from sqlsight.json, follows its changes, and merges it over the editor settings', async () => {
    const folder = makeFolder({ 'sqlsight.json': JSON.stringify({ rules: { 'require-concurrent-index': 'error' } }) });
    const configPath = join(folder, 'sqlsight.json');
    const uri = fileUri(join(folder, 'V1__index.sql'));
    const severity = (params: Awaited<ReturnType<LspClient['open']>>, ruleId: string) =>
      params.diagnostics.find((diagnostic) => diagnostic.code === ruleId)?.severity;

    const opened = await client.open(uri, indexSql);
    assert.equal(severity(opened, 'require-concurrent-index'), 1, 'error from sqlsight.json');

    writeIn(folder, 'sqlsight.json', JSON.stringify({ rules: { 'require-concurrent-index': 'off' } }));
    let since = client.mark();
    await client.watchedFilesChanged(configPath);
    const off = await client.diagnostics(uri, { since });
    assert.equal(off.version, 1, 'the same version is analysed again');
    assert.equal(severity(off, 'require-concurrent-index'), undefined, 'the rule is off');
    assert.equal(severity(off, 'require-lock-timeout'), 2);

    // The editor sets two rules; sqlsight.json sets one of them, and wins for that one.
    writeIn(folder, 'sqlsight.json', JSON.stringify({ rules: { 'require-concurrent-index': 'info' } }));
    since = client.mark();
    await client.watchedFilesChanged(configPath);
    await client.diagnostics(uri, { since });
    since = client.mark();
    await client.changeSettings({ ...fastSettings, rules: { 'require-lock-timeout': 'error', 'require-concurrent-index': 'error' } });
    const merged = await client.diagnostics(uri, { since });
    assert.equal(severity(merged, 'require-lock-timeout'), 1, 'the editor setting applies where sqlsight.json is silent');
    assert.equal(severity(merged, 'require-concurrent-index'), 3, 'sqlsight.json wins over the editor setting');
    assert.ok(client.configurationRequests.length >= 2, 'the server pulled the settings again');

    // Without a sqlsight.json the editor settings apply alone.
    const loose = fileUri(join(makeFolder(), 'loose.sql'));
    const alone = await client.open(loose, indexSql);
    assert.equal(severity(alone, 'require-concurrent-index'), 1);
    assert.equal(severity(alone, 'require-lock-timeout'), 1);

    since = client.mark();
    await client.changeSettings({ ...fastSettings });
    assert.equal(severity(await client.diagnostics(loose, { since }), 'require-lock-timeout'), 2, 'back to the default');
  });

  it('publishes a broken sqlsight.json on that file, analyses with the defaults, and clears it once fixed', async () => {
    const broken = '{\n  "rules": {\n    "require-concurrent-index": "error",\n  }\n}\n';
    const folder = makeFolder({ 'sqlsight.json': broken });
    const configPath = join(folder, 'sqlsight.json');
    const configUri = fileUri(configPath);
    const uri = fileUri(join(folder, 'V1__index.sql'));

    let since = client.mark();
    const opened = await client.open(uri, indexSql);
    assert.equal(diagnosticFor(opened, 'require-concurrent-index').severity, 2, 'the default severity, not the broken file’s');
    const syntax = await client.diagnostics(configUri, { since });
    assert.equal(syntax.diagnostics.length, 1, JSON.stringify(syntax.diagnostics));
    const [syntaxError] = syntax.diagnostics;
    assert.equal(syntaxError?.severity, 1);
    assert.equal(syntaxError?.source, 'sqlsight');
    assert.deepEqual(syntaxError?.range.start, { line: 3, character: 2 }, 'at the `}` after the trailing comma');
    assert.match(messageOf(syntaxError), /invalid JSON/);

    writeIn(folder, 'sqlsight.json', '{\n  "rules": { "require-concurent-index": "error" },\n  "colour": true\n}\n');
    since = client.mark();
    await client.watchedFilesChanged(configPath);
    await client.diagnostics(uri, { since });
    const invalid = await client.waitFor('the unknown-key diagnostics on sqlsight.json', () =>
      client.published.slice(since).find((params) => params.uri === configUri && params.diagnostics.length > 0),
    );
    const lines = invalid.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]);
    assert.deepEqual(
      invalid.diagnostics.map((diagnostic) => diagnostic.range),
      [
        { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } },
        { start: { line: 1, character: 13 }, end: { line: 1, character: 38 } },
      ],
      `diagnostics on the offending keys: ${JSON.stringify(lines)}`,
    );
    assert.match(messageOf(invalid.diagnostics[0]), /unknown key "colour"/);
    assert.match(messageOf(invalid.diagnostics[1]), /unknown rule \(did you mean require-concurrent-index\?\)/);
    const info = await client.connection.sendRequest('sqlsight/fileInfo', { uri });
    assert.match(JSON.stringify(info), /colour/, 'the status bar learns about the broken file');

    writeIn(folder, 'sqlsight.json', JSON.stringify({ rules: { 'require-concurrent-index': 'error' } }));
    since = client.mark();
    await client.watchedFilesChanged(configPath);
    const cleared = await client.diagnostics(configUri, { since });
    assert.deepEqual(cleared.diagnostics, []);
    const fixed = await client.diagnostics(uri, { since });
    assert.equal(diagnosticFor(fixed, 'require-concurrent-index').severity, 1, 'sqlsight.json applies again');
    assert.ok(
      !client.published.slice(since).some((params) => params.uri === configUri && params.diagnostics.length > 0),
      'no config diagnostic comes back',
    );
  });

  it('answers sqlsight/fileInfo from sqlsight.json and sqlsight/ruleDocumentation from docs/rules', async () => {
    const folder = makeFolder({ 'sqlsight.json': JSON.stringify({ dialect: 'postgres', serverVersion: '14' }) });
    const info = await client.connection.sendRequest('sqlsight/fileInfo', { uri: fileUri(join(folder, 'V1__x.sql')) });
    assert.deepEqual(info, { dialect: 'postgres', dialectSource: 'settings', serverVersion: '14', configPath: join(folder, 'sqlsight.json') });

    const defaults = await client.connection.sendRequest('sqlsight/fileInfo', { uri: fileUri(join(makeFolder(), 'V1__x.sql')) });
    assert.deepEqual(defaults, { dialect: 'postgres', dialectSource: 'default', serverVersion: '16' }, 'no sqlsight.json: the defaults');

    const documentation = await client.connection.sendRequest('sqlsight/ruleDocumentation', { ruleId: 'require-concurrent-index' });
    assert.deepEqual(documentation, {
      ruleId: 'require-concurrent-index',
      markdown: readFileSync(join(repositoryRoot, 'docs', 'rules', 'require-concurrent-index.md'), 'utf8'),
    });
    const unknown = (await client.connection.sendRequest('sqlsight/ruleDocumentation', { ruleId: 'no-such-rule' })) as { markdown: string };
    assert.match(unknown.markdown, /No sqlsight rule has this id/);
  });
});
