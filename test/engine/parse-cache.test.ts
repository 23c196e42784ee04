// The editor's parse cache must be invisible: analysing an edited document through the cache gives
// exactly what a fresh analysis gives (statements moved by the edit are shifted, not stale).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ParseCache, resolveFileSettings, type FileAnalysis } from '../../server/src/engine';
import { engine } from '../support/engine';

const settings = resolveFileSettings({}, () => false);

function comparable(analysis: FileAnalysis) {
  return {
    findings: analysis.findings,
    statements: analysis.statements.map(({ raw: _raw, ...statement }) => statement),
    locks: analysis.statementLocks,
    stats: analysis.stats,
  };
}

it('gives the same analysis as a fresh run after edits before, inside and after statements', async () => {
  const analyzer = await engine();
  const original = [
    '-- naïve migration ☕',
    'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);',
    'ALTER TABLE users ADD COLUMN nickname varchar(20) DEFAULT gen_random_uuid();',
    'CREATE INDEX users_email_idx ON users (email);',
    'ALTER TABLE users ADD COLUMN;',
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
  ].join('\n');
  const edits = [
    (text: string) => `-- one more line\n${text}`,
    (text: string) => text.replace('nickname', 'nick_name'),
    (text: string) => text.replace('ADD COLUMN;', 'ADD COLUMN age int;'),
    (text: string) => text.replace('users_email_idx', 'users_email_index'),
    (text: string) => `${text}\nDROP TABLE accounts;`,
    (text: string) => text.replace('-- one more line\n', ''),
  ];
  const cache = new ParseCache();
  let text = original;
  analyzer.analyze({ path: 'm.sql', text, settings, parseCache: cache });
  for (const edit of edits) {
    text = edit(text);
    const cached = analyzer.analyze({ path: 'm.sql', text, settings, parseCache: cache });
    const fresh = analyzer.analyze({ path: 'm.sql', text, settings });
    assert.deepEqual(comparable(cached), comparable(fresh));
  }
});

it('parses again when a directive switches the document to another dialect or version', async () => {
  const analyzer = await engine();
  const body = '/*!80000 ALTER TABLE `users` ADD COLUMN `nick` text */;\nSELECT 1;';
  const cache = new ParseCache();
  const steps = [body, `-- sqlsight: dialect=mysql\n${body}`, `-- sqlsight: dialect=mariadb\n${body}`, body];
  for (const text of steps) {
    const cached = analyzer.analyze({ path: 'm.sql', text, settings, parseCache: cache });
    const fresh = analyzer.analyze({ path: 'm.sql', text, settings });
    assert.deepEqual(comparable(cached), comparable(fresh), text);
  }
  // MySQL 8.0 runs the versioned ALTER; MariaDB does not (80000 is a MySQL-only version).
  const mysql = analyzer.analyze({ path: 'm.sql', text: steps[1] ?? '', settings, parseCache: cache });
  assert.equal(mysql.statements[0]?.kind, 'alter-table');
  const mariadb = analyzer.analyze({ path: 'm.sql', text: steps[2] ?? '', settings, parseCache: cache });
  assert.notEqual(mariadb.statements[0]?.kind, 'alter-table');
});
