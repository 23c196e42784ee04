// The database layer's reading of a statement before anything is sent: one statement only, whether
// it writes (conservatively), and its placeholders in the server's style. Pure; no database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parameterValue, prepareStatement } from '../../server/src/db/statement-text';

function prepared(text: string, dialect: 'postgres' | 'mysql' = 'postgres') {
  const result = prepareStatement(text, dialect);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function refusal(text: string, dialect: 'postgres' | 'mysql' = 'postgres'): string {
  const result = prepareStatement(text, dialect);
  assert.equal(result.ok, false, `expected a refusal for ${text}`);
  return result.ok ? '' : result.message;
}

describe('one statement only', () => {
  it('accepts a trailing semicolon and comments after it', () => {
    assert.equal(prepared('SELECT 1;  -- done\n/* end */\n').text, 'SELECT 1');
  });

  it('refuses a second statement, also one hidden after a comment', () => {
    assert.match(refusal('SELECT 1; DROP TABLE users'), /more than one statement/);
    assert.match(refusal('SELECT 1 /* ; */; COMMIT'), /more than one statement/);
  });

  it('does not split inside strings, quoted names, dollar quotes or nested comments', () => {
    for (const text of ["SELECT ';'", 'SELECT 1 AS ";"', 'SELECT $$a;b$$', 'SELECT $fn$ ; $fn$', "SELECT E'\\';'", 'SELECT 1 /* a /* ; */ ; */']) {
      assert.equal(prepared(text).text, text);
    }
  });

  it('refuses text whose end it cannot find (unterminated strings and comments)', () => {
    assert.match(refusal("SELECT 'abc; DROP TABLE x"), /unterminated string/);
    assert.match(refusal('SELECT $x$ abc; DROP TABLE x'), /unterminated dollar/);
    assert.match(refusal('SELECT 1 /* /* */ ; DROP TABLE x'), /unterminated/);
  });

  it('reads MySQL quoting: backslash escapes, backticks, # comments', () => {
    assert.equal(prepared("SELECT 'it\\'s;' FROM `a;b` # ; comment", 'mysql').text, "SELECT 'it\\'s;' FROM `a;b` # ; comment");
    assert.match(refusal('SELECT 1; SELECT 2', 'mysql'), /more than one statement/);
  });
});

describe('writes', () => {
  const cases: [string, boolean][] = [
    ['SELECT * FROM t', false],
    ['  (SELECT 1) UNION (SELECT 2)', false],
    ['VALUES (1)', false],
    ['TABLE t', false],
    ['WITH a AS (SELECT 1) SELECT * FROM a', false],
    ['SELECT * FROM t FOR UPDATE', false],
    ['SELECT * FROM t FOR NO KEY UPDATE', false],
    ['WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone', true],
    ['WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a', true],
    ['SELECT * INTO copy FROM t', true],
    ["SELECT nextval('s')", true],
    ['INSERT INTO t VALUES (1)', true],
    ['update t set a = 1', true],
    ['DELETE FROM t', true],
    ['MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE', true],
    ['CREATE TABLE x AS SELECT 1', true],
    ['TRUNCATE t', true],
    ["-- a comment\nSELECT 'INSERT' FROM t", false],
  ];
  for (const [text, writes] of cases) {
    it(`${text.replaceAll('\n', ' ')} → ${writes ? 'writes' : 'reads'}`, () => {
      assert.equal(prepared(text).writes, writes);
    });
  }
});

describe('parameters', () => {
  it('keeps $n and names them', () => {
    const value = prepared('SELECT * FROM t WHERE a = $2 AND b = $1');
    assert.deepEqual(value.parameterNames, ['$1', '$2']);
    assert.equal(value.text, 'SELECT * FROM t WHERE a = $2 AND b = $1');
  });

  it('turns :name into $n, one per distinct name, and leaves casts alone', () => {
    const value = prepared('SELECT :id::int, created_at::date FROM t WHERE id = :id OR owner = :owner');
    assert.equal(value.text, 'SELECT $1::int, created_at::date FROM t WHERE id = $1 OR owner = $2');
    assert.deepEqual(value.parameterNames, [':id', ':owner']);
  });

  it('turns ? into $n where a value goes, and leaves the jsonb ? operators alone', () => {
    const value = prepared("SELECT * FROM t WHERE a = ? AND doc ? 'key' AND doc ?| array['x'] AND b IN (?, ?) LIMIT ?");
    assert.equal(value.text, "SELECT * FROM t WHERE a = $1 AND doc ? 'key' AND doc ?| array['x'] AND b IN ($2, $3) LIMIT $4");
    assert.deepEqual(value.parameterNames, ['?1', '?2', '?3', '?4']);
  });

  it('ignores placeholders inside strings and comments', () => {
    assert.deepEqual(prepared("SELECT '$1 ? :x' -- :y ?\n").parameterNames, []);
  });

  it('MySQL: keeps ?, turns :name into ? and repeats a value used twice', () => {
    const value = prepared('SELECT * FROM t WHERE a = :a AND b = :b AND c = :a', 'mysql');
    assert.equal(value.text, 'SELECT * FROM t WHERE a = ? AND b = ? AND c = ?');
    assert.deepEqual(value.parameterNames, [':a', ':b']);
    assert.deepEqual(value.valueOrder, [0, 1, 0]);
  });

  it('reads typed values: NULL, quoted text, anything else as is', () => {
    assert.equal(parameterValue('NULL'), null);
    assert.equal(parameterValue("'it''s'"), "it's");
    assert.equal(parameterValue('42'), '42');
  });
});
