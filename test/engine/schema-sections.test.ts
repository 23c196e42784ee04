// A dbmate/goose down section is judged against the schema its up section built.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../support/engine';

describe('migration-tool sections and the schema model', () => {
  it('a down section sees what the up section created', async () => {
    const text = [
      '-- migrate:up',
      'CREATE TABLE notes (id bigint PRIMARY KEY, body text);',
      'CREATE INDEX notes_body_idx ON notes (body);',
      '-- migrate:down',
      'ALTER TABLE notes DROP COLUMN body;',
      '',
    ].join('\n');
    const analysis = await analyzeFixture(text);
    const dropColumn = analysis.findings.find((finding) => finding.ruleId === 'drop-column');
    assert.match(dropColumn?.message ?? '', /it also drops index `notes_body_idx`/);
  });
});
