// The server survives what an editor (or a bug) can throw at it: a rule that throws, requests for
// documents it does not know, garbage in a diagnostic's `data`, a document over the size limit.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { codes, fastSettings, fileUri, isCodeAction, LspClient, makeFolder, messageOf } from './support';

describe('a rule that throws', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings, env: { SQLSIGHT_FAULT_INJECTION: 'rule-throws' } });
  });
  after(() => client.stop());

  it('leaves the other rules’ findings, is logged once, and the server keeps answering', async () => {
    const uri = fileUri(join(makeFolder(), 'V1__fault.sql'));
    const opened = await client.open(uri, 'CREATE INDEX sqlsight_fault_idx ON t (c);\n');
    assert.ok(codes(opened).includes('require-concurrent-index'), `other rules still report: ${JSON.stringify(codes(opened))}`);
    assert.ok(!codes(opened).includes('fault-injection'));
    // The log message is sent before the diagnostics of the analysis that failed.
    const logged = client.logsMentioning('fault-injection');
    assert.equal(logged.length, 1, JSON.stringify(client.logs));
    assert.equal(logged[0]?.type, 1, 'logged as an error');
    assert.match(logged[0]?.message ?? '', /rule fault-injection failed on .*V1__fault\.sql:1: injected rule failure/);

    for (let version = 2; version <= 4; version++) {
      const text = `${'-- padding\n'.repeat(version)}CREATE INDEX sqlsight_fault_idx_${version} ON t (c);\n`;
      const changed = await client.change(uri, version, text);
      assert.ok(codes(changed).includes('require-concurrent-index'));
    }
    const hover = await client.hover(uri, { line: 4, character: 3 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /takes \*\*SHARE\*\* on `t`/);
    assert.equal(client.logsMentioning('fault-injection').length, 1, 'the same failure is logged once, however often it recurs');
    assert.ok(client.alive);
  });
});

function isPosition(value: Position | undefined): boolean {
  return value !== undefined && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function assertWellFormed(actions: readonly CodeAction[]): void {
  for (const action of actions) {
    for (const edits of Object.values(action.edit?.changes ?? {})) {
      for (const edit of edits as TextEdit[]) {
        assert.ok(typeof edit.newText === 'string' && isPosition(edit.range?.start) && isPosition(edit.range?.end), `a well-formed edit in ${JSON.stringify(action)}`);
      }
    }
  }
}

describe('malformed requests', () => {
  let client: LspClient;
  let uri: string;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
    uri = fileUri(join(makeFolder(), 'V1__index.sql'));
    await client.open(uri, 'CREATE INDEX i ON t (c);\n');
  });
  after(() => client.stop());

  it('answers requests for a document that is not open with nothing', async () => {
    const unknown = fileUri(join(makeFolder(), 'never-opened.sql'));
    assert.equal(await client.hover(unknown, { line: 0, character: 0 }), null);
    assert.deepEqual(await client.inlayHints(unknown, range), []);
    assert.deepEqual(await client.documentSymbols(unknown), []);
    assert.deepEqual(await client.foldingRanges(unknown), []);
    assert.deepEqual(await client.codeActions(unknown, range, []), []);
    await client.sendChange(unknown, 2, 'CREATE INDEX i ON t (c);\n');
    await client.sendChange(unknown, 3, [{ range, text: 'x' }]);
    await client.close(fileUri(join(makeFolder(), 'also-never-opened.sql')));
    assert.ok(client.alive);
  });

  it('ignores garbage in diagnostic data and still answers for the well-formed diagnostics of the same request', async () => {
    const garbage: unknown[] = [
      null,
      5,
      'data',
      { ruleId: 1, fixes: 'abc', statementStart: 7 },
      { ruleId: 'r', fixes: [{ title: 't', safety: 'safe', edits: 'zz' }], statementStart: { line: 0, character: 0 } },
      { ruleId: 'r', fixes: [], statementStart: { line: 'x' } },
      { ruleId: 'r', fixes: [null], statementStart: { line: 0, character: 0 } },
    ];
    for (const data of garbage) {
      const diagnostic: Diagnostic = { range, message: 'm', source: 'sqlsight', code: 'r', data };
      const actions = await client.codeActions(uri, range, [diagnostic]);
      assert.deepEqual(actions, [], `no action for data ${JSON.stringify(data)}`);
    }
    const [valid] = (await client.diagnostics(uri, { version: 1 })).diagnostics;
    assert.ok(valid);
    const mixed = garbage.map((data): Diagnostic => ({ range, message: 'm', source: 'sqlsight', code: 'r', data }));
    const actions = ((await client.codeActions(uri, range, [...mixed, valid])) ?? []).filter(isCodeAction);
    assert.ok(actions.some((action) => action.title === 'Add CONCURRENTLY'), JSON.stringify(actions.map((action) => action.title)));
    assertWellFormed(actions);
    assert.ok(client.alive);
  });

  it('reports a document over the size limit with one unreadable-file diagnostic', async () => {
    const huge = fileUri(join(makeFolder(), 'huge.sql'));
    const text = 'SELECT 1;\n'.repeat(1_200_000); // 12 MB: over the default 10 MB limit
    const published = await client.open(huge, text);
    assert.deepEqual(codes(published), ['unreadable-file']);
    assert.match(messageOf(published.diagnostics[0]), /MB/);
    await client.close(huge);
  });

  it('still answers normal requests afterwards', async () => {
    assert.ok(client.alive);
    const hover = await client.hover(uri, { line: 0, character: 3 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /CREATE INDEX/);
    const changed = await client.change(uri, 2, 'CREATE INDEX CONCURRENTLY i ON t (c);\n');
    assert.deepEqual(codes(changed), []);
  });
});
