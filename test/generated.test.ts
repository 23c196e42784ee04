// Generated files must match their generators: the rule registry, docs/rules and the README table.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { renderDocs } from '../scripts/generate-docs';
import { renderRulesIndex } from '../scripts/generate-rules-index';

const root = join(import.meta.dirname, '..');

it('the rule registry lists every rule file (npm run generate)', () => {
  assert.equal(readFileSync(join(root, 'server/src/engine/rules/index.ts'), 'utf8'), renderRulesIndex());
});

it('docs/rules and the README rule table are up to date (npm run generate)', async () => {
  const outputs = await renderDocs();
  for (const [path, content] of outputs) {
    assert.equal(readFileSync(join(root, path), 'utf8'), content, `${path} is stale: run npm run generate`);
  }
  const pages = readdirSync(join(root, 'docs', 'rules')).map((file) => join('docs', 'rules', file));
  assert.deepEqual(pages.filter((page) => !outputs.has(page)), [], 'docs/rules holds pages of rules that no longer exist');
});
