// Diagnostics as an editor receives them from the built server: codes, ranges, severities, links
// to the rule pages, related information, tags; and fast typing never ends on a stale publish.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codes, diagnosticFor, fastSettings, fileUri, LspClient, makeFolder, messageOf, repositoryRoot } from './support';

function summary(diagnostic: Diagnostic) {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)} ${start.line}:${start.character}-${end.line}:${end.character} severity ${diagnostic.severity}`;
}

describe('diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
  });
  after(() => client.stop());

  it('reports a dangerous migration with rule ids, ranges, severities, documentation links, related information and tags', async () => {
    const folder = makeFolder({
      'sqlsight.json': JSON.stringify({ rules: { 'validate-same-transaction': 'error', 'require-statement-timeout': 'hint' } }),
    });
    const uri = fileUri(join(folder, 'V1__constraint.sql'));
    const text = [
      'BEGIN;',
      'ALTER TABLE t ADD CONSTRAINT c CHECK (x > 0) NOT VALID;',
      'ALTER TABLE t VALIDATE CONSTRAINT c;',
      'COMMIT;',
      '-- sqlsight-ignore drop-table',
      'CREATE INDEX users_email_idx ON users (email);',
      '',
    ].join('\n');
    const published = await client.open(uri, text);

    assert.deepEqual(published.diagnostics.map(summary), [
      'require-lock-timeout 1:0-1:55 severity 2',
      'require-statement-timeout 1:0-1:55 severity 4',
      'lock-held-across-statements 2:0-2:36 severity 2',
      'validate-same-transaction 2:14-2:35 severity 1',
      'unused-suppression 4:0-4:29 severity 2',
      'require-concurrent-index 5:0-5:46 severity 2',
      'require-lock-timeout 5:0-5:46 severity 2',
    ]);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'sqlsight');
      const href = diagnostic.codeDescription?.href;
      assert.ok(href, `${String(diagnostic.code)} links to its documentation`);
      assert.ok(href.startsWith('file:'), href);
      const page = fileURLToPath(href);
      assert.equal(page, join(repositoryRoot, 'docs', 'rules', `${String(diagnostic.code)}.md`));
      assert.ok(existsSync(page), `${page} exists`);
    }

    const validate = diagnosticFor(published, 'validate-same-transaction');
    assert.deepEqual(validate.relatedInformation, [
      {
        location: { uri, range: { start: { line: 1, character: 14 }, end: { line: 1, character: 54 } } },
        message: '`c` is added NOT VALID here, in the same transaction',
      },
    ]);
    assert.match(messageOf(validate), /separate transaction/, 'the message carries the help');

    const unused = diagnosticFor(published, 'unused-suppression');
    assert.deepEqual(unused.tags, [1], 'an unused suppression is tagged Unnecessary');
    assert.ok(
      published.diagnostics.filter((diagnostic) => diagnostic !== unused).every((diagnostic) => !diagnostic.tags?.length),
      'no other diagnostic carries a tag',
    );
  });

  it('publishes the next version after a change, with the statement start and fixes in data', async () => {
    const uri = fileUri(join(makeFolder(), 'V2__index.sql'));
    await client.open(uri, "SET lock_timeout = '5s';\n");
    const changed = await client.change(uri, 2, "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n\n  CREATE INDEX i ON t (c);\n");
    assert.deepEqual(codes(changed), ['require-concurrent-index']);
    const diagnostic = diagnosticFor(changed, 'require-concurrent-index');
    assert.deepEqual(diagnostic.data, {
      ruleId: 'require-concurrent-index',
      fixes: [
        {
          title: 'Add CONCURRENTLY',
          safety: 'safe',
          edits: [{ range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, newText: ' CONCURRENTLY' }],
        },
      ],
      statementStart: { line: 3, character: 2 },
    });
  });
});

/** Waits until no diagnostics were published for `quietMs` (the only sleep in these tests: proving an absence). */
async function settle(client: LspClient, quietMs: number): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const count = client.published.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (client.published.length === count) return;
  }
  assert.fail(`diagnostics kept coming for ${20 * quietMs} ms: ${client.describePublishes()}`);
}

describe('typing fast', () => {
  // Odd versions hold a plain CREATE INDEX (require-concurrent-index), even ones the safe variant: a
  // publish whose diagnostics do not match its version would show a stale analysis.
  const textFor = (version: number): string =>
    `SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n-- edit ${version}\nCREATE INDEX ${version % 2 === 1 ? '' : 'CONCURRENTLY '}i${version} ON t (c);\n`;

  async function typeFast(client: LspClient, name: string): Promise<void> {
    const uri = fileUri(join(makeFolder(), name));
    await client.open(uri, textFor(1));
    const since = client.mark();
    for (let version = 2; version <= 31; version++) void client.sendChange(uri, version, textFor(version));
    const last = await client.diagnostics(uri, { version: 31, since });
    assert.deepEqual(codes(last), ['require-concurrent-index']);
    assert.match(messageOf(last.diagnostics[0]), /lock on `t`/);
    await settle(client, 500);
    const publishes = client.published.slice(since).filter((params) => params.uri === uri);
    const versions = publishes.map((params) => params.version ?? -1);
    assert.equal(versions.at(-1), 31, `the final publish is for version 31; got ${versions.join(', ')}`);
    const firstFinal = versions.indexOf(31);
    assert.deepEqual(versions.slice(firstFinal), versions.slice(firstFinal).map(() => 31), `no stale version after version 31: ${versions.join(', ')}`);
    versions.forEach((version, index) => {
      if (index > 0) assert.ok(version >= (versions[index - 1] ?? 0), `versions never go back: ${versions.join(', ')}`);
    });
    for (const params of publishes) {
      const expected = (params.version ?? 0) % 2 === 1 ? ['require-concurrent-index'] : [];
      assert.deepEqual(codes(params), expected, `the diagnostics published for version ${params.version} are that version's`);
    }
  }

  it('publishes only the latest version with the default debounce', async () => {
    const client = await LspClient.start({ settings: {} });
    try {
      await typeFast(client, 'debounced.sql');
    } finally {
      await client.stop();
    }
  });

  it('never publishes a stale version after the latest with no debounce', async () => {
    const client = await LspClient.start({ settings: fastSettings });
    try {
      await typeFast(client, 'immediate.sql');
    } finally {
      await client.stop();
    }
  });
});
