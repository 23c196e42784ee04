// What a statement needs before EXPLAIN: its parameters ($n, ?, :name) outside strings, comments,
// quoted names, casts and dollar-quoted bodies; and whether running it writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWritingStatement, statementParameters } from '../../server/src/engine';
import { analyzeFixture } from '../support/engine';

describe('statementParameters', () => {
  it('finds each style and names the values to supply', () => {
    const cases: [string, ReturnType<typeof statementParameters>][] = [
      ['SELECT * FROM t WHERE a = $1 AND b = $3', { style: 'dollar', names: ['$1', '$2', '$3'] }],
      ['SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?', { style: 'question', names: ['?1', '?2', '?3', '?4'] }],
      ['SELECT * FROM t WHERE a = :id AND b > :since OR a = :id', { style: 'named', names: [':id', ':since'] }],
      ['SELECT :value', { style: 'named', names: [':value'] }],
      ['SELECT 1', { style: 'none', names: [] }],
      ['INSERT INTO t VALUES (?,?)', { style: 'question', names: ['?1', '?2'] }],
      ['SELECT * FROM t WHERE a=?', { style: 'question', names: ['?1'] }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(statementParameters(text), expected, text);
  });

  it('ignores strings, quoted names, comments, casts, dollar quotes and operators', () => {
    const none: string[] = [
      "SELECT '$1 and ? and :name' FROM t",
      "SELECT E'it\\'s $1' FROM t",
      'SELECT "$1?:x" FROM t',
      'SELECT 1 -- where a = $1 and b = ?\n',
      'SELECT 1 /* outer /* nested $2 */ still :comment */',
      "SELECT created_at::date, '1'::int FROM t",
      'SELECT $$ body with $1 and ? $$',
      'SELECT $fn$ SELECT :x $fn$',
      "SELECT data ? 'key', data ?| array['a'], data ?& array['b'] FROM t",
      "SELECT a[lo:hi], b[1:2] FROM t",
      'SELECT price$1 FROM t',
    ];
    for (const text of none) assert.deepEqual(statementParameters(text), { style: 'none', names: [] }, text);
  });

  it('prefers $n over ? over :name when styles are mixed', () => {
    assert.equal(statementParameters('SELECT $1, :x').style, 'dollar');
    assert.equal(statementParameters('SELECT ?, :x').style, 'question');
  });
});

describe('isWritingStatement', () => {
  it('tells statements that change data, schema or row locks from those that only read', async () => {
    const cases: [string, boolean][] = [
      ['SELECT * FROM t WHERE id = 1', false],
      ["SELECT nextval('s')", false],
      ['WITH x AS (SELECT 1) SELECT * FROM x', false],
      ['SELECT * FROM t FOR UPDATE', true],
      ['WITH gone AS (DELETE FROM t RETURNING id) SELECT * FROM gone', true],
      ['SELECT * INTO t2 FROM t', true],
      ['INSERT INTO t VALUES (1)', true],
      ['UPDATE t SET a = 1', true],
      ['DELETE FROM t', true],
      ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', true],
      ['CREATE INDEX ON t (a)', true],
      ['TRUNCATE t', true],
      ["DO $$ BEGIN PERFORM 1; END $$", true],
      ['CALL refresh()', true],
      ['SET search_path = app', false],
      ['SHOW work_mem', false],
      ['BEGIN', false],
    ];
    for (const [sql, writes] of cases) {
      const [statement] = (await analyzeFixture(sql)).statements;
      assert.ok(statement, sql);
      assert.equal(isWritingStatement(statement), writes, sql);
    }
  });
});
