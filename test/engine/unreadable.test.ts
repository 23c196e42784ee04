// Bytes that are not analysable text: one clear finding, never an exception; the rule can be turned off.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { resolveFileSettings } from '../../server/src/engine';
import { engine } from '../support/engine';

async function findingsFor(bytes: Uint8Array, config: Parameters<typeof resolveFileSettings>[0] = {}) {
  const settings = resolveFileSettings(config, () => false);
  return (await engine()).analyzeBytes({ path: 'x.sql', bytes, settings }).findings.map((finding) => [finding.ruleId, finding.message]);
}

it('reports a binary file once as not a text file', async () => {
  assert.deepEqual(await findingsFor(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08])), [
    ['unreadable-file', 'Not a text file (it holds binary data): not analysed'],
  ]);
});

it('reports a non-UTF-8 file once', async () => {
  const latin1 = new Uint8Array([...new TextEncoder().encode("SELECT 'caf"), 0xe9, ...new TextEncoder().encode("';")]);
  assert.deepEqual(await findingsFor(latin1), [['unreadable-file', 'Not a text file (it is not valid UTF-8): not analysed']]);
});

it('refuses a file over maxFileSizeMb with the sizes in the message', async () => {
  const findings = await findingsFor(new TextEncoder().encode('SELECT 1;\n'.repeat(120_000)), { maxFileSizeMb: 1 });
  assert.equal(findings.length, 1);
  assert.match(String(findings[0]?.[1]), /^File is 1\.1 MB, over the 1\.0 MB limit: not analysed/);
});

it('stays silent when unreadable-file is off', async () => {
  assert.deepEqual(await findingsFor(new Uint8Array([0, 1, 2]), { rules: { 'unreadable-file': 'off' } }), []);
});
