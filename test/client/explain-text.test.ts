// Explain's pure pieces: the CodeLens argument and the server's answer are checked before use, the
// client's deadline, and which explain counts as the same statement again (before/after).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { giveUpAfterMs, isExplainResponse, isExplainTarget, isSameStatement, parameterPrompt, validateParameterValue, type ShownExplain } from '../../client/src/explain-text';
import type { ExplainResult } from '../../server/src/protocol';

const result: ExplainResult = {
  statement: 'SELECT * FROM orders WHERE id = $1',
  statementRange: { start: { line: 4, character: 0 }, end: { line: 4, character: 34 } },
  source: { kind: 'embedded', seededRows: 0, serverVersion: '17.4' },
  plan: {
    dialect: 'postgres',
    analyzed: false,
    raw: '[]',
    root: { nodeType: 'Seq Scan', relation: 'orders', startupCost: 0, totalCost: 35.5, planRows: 1, planWidth: 40, children: [], details: { 'Parallel Aware': false } },
  },
  warnings: [{ kind: 'seq-scan-with-filter', severity: 'medium', path: [], message: 'no index on id' }],
  summary: 'Seq Scan on orders',
  suggestions: [{ table: 'orders', columns: ['id'], statement: 'CREATE INDEX …', reason: 'WHERE id = …', verification: { kind: 'hypothetical-index', costBefore: 35.5, costAfter: 8.3 } }],
};

describe('checking what arrives', () => {
  it('accepts a CodeLens target only with a uri and a position', () => {
    assert.equal(isExplainTarget({ uri: 'file:///a.sql', position: { line: 1, character: 0 } }), true);
    assert.equal(isExplainTarget({ uri: 'file:///a.sql' }), false);
    assert.equal(isExplainTarget({ uri: 'file:///a.sql', position: { line: -1, character: 0 } }), false);
    assert.equal(isExplainTarget(undefined), false);
  });

  it('accepts well-formed results and failures', () => {
    assert.equal(isExplainResponse({ ok: true, result }), true);
    assert.equal(isExplainResponse({ ok: false, failure: { kind: 'needs-parameters', message: 'm', names: ['$1'] } }), true);
    assert.equal(isExplainResponse({ ok: false, failure: { kind: 'timeout', message: 'm' } }), true);
  });

  it('refuses answers of the wrong shape', () => {
    const child = { ...result.plan.root, totalCost: 'much' };
    assert.equal(isExplainResponse({ ok: true, result: { ...result, plan: { ...result.plan, root: { ...result.plan.root, children: [child] } } } }), false);
    assert.equal(isExplainResponse({ ok: true, result: { ...result, warnings: [{ ...result.warnings[0], severity: 'dire' }] } }), false);
    assert.equal(isExplainResponse({ ok: true, result: { ...result, source: { kind: 'cloud' } } }), false);
    assert.equal(isExplainResponse({ ok: false, failure: { kind: 'needs-parameters', message: 'm' } }), false);
    assert.equal(isExplainResponse({ ok: false, failure: { kind: 'oops', message: 'm' } }), false);
    assert.equal(isExplainResponse(null), false);
  });
});

describe('the deadline', () => {
  it('is twice the statement timeout plus five seconds', () => {
    assert.equal(giveUpAfterMs(10_000), 25_000);
    assert.equal(giveUpAfterMs(0), 25_000, 'a nonsense setting falls back to the default');
  });
});

describe('the same statement again', () => {
  const shown: ShownExplain = { uri: 'file:///q.sql', result };

  it('is the same document with the statement on the same line or with the same text', () => {
    const edited = { ...result, statement: 'SELECT id FROM orders WHERE id = $1' };
    assert.equal(isSameStatement(shown, { uri: 'file:///q.sql', result: edited }), true);
    const moved = { ...result, statement: 'SELECT *\n  FROM orders WHERE id = $1;', statementRange: { start: { line: 9, character: 0 }, end: { line: 10, character: 30 } } };
    assert.equal(isSameStatement(shown, { uri: 'file:///q.sql', result: moved }), true);
  });

  it('is not another statement or another document', () => {
    const other = { ...result, statement: 'SELECT 1', statementRange: { start: { line: 9, character: 0 }, end: { line: 9, character: 8 } } };
    assert.equal(isSameStatement(shown, { uri: 'file:///q.sql', result: other }), false);
    assert.equal(isSameStatement(shown, { uri: 'file:///other.sql', result }), false);
  });
});

describe('parameter prompts', () => {
  it('name the parameter and count them', () => {
    assert.equal(parameterPrompt('$2', 1, 3).title, 'sqlsight: Explain — value for $2 (2/3)');
    assert.equal(parameterPrompt(':customer_id', 0, 1).title, 'sqlsight: Explain — value for :customer_id');
    assert.match(validateParameterValue(' ') ?? '', /NULL/);
    assert.equal(validateParameterValue("'shipped'"), undefined);
  });
});
