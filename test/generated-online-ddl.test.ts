// docs/mysql-online-ddl.md must match what sqlsight's online-DDL table computes today (npm run generate).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { renderOnlineDdlDoc } from '../scripts/generate-online-ddl-doc';

it('docs/mysql-online-ddl.md is up to date (npm run generate)', () => {
  const committed = readFileSync(join(import.meta.dirname, '..', 'docs', 'mysql-online-ddl.md'), 'utf8');
  assert.equal(committed, renderOnlineDdlDoc(), 'docs/mysql-online-ddl.md is stale: run npm run generate');
});
