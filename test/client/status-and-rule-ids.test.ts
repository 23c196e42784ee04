// The client's pure pieces: what the status bar says for a file's settings (and for a server that
// is starting, stopped or answers oddly), and how rule ids are read from diagnostics and input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRuleId, ruleIdOfDiagnosticCode } from '../../client/src/rule-ids';
import { fileInfoView, isFileInfo, startingView, unavailableView } from '../../client/src/status-text';

describe('status bar text', () => {
  it('names the dialect, the version and the sqlsight.json in effect', () => {
    assert.deepEqual(fileInfoView({ dialect: 'postgres', serverVersion: '16', configPath: '/work/app/sqlsight.json', configError: undefined }), {
      text: '$(database) PostgreSQL 16',
      tooltip: 'sqlsight: PostgreSQL 16\nSettings from /work/app/sqlsight.json\nClick to show the sqlsight output.',
      warning: false,
    });
  });

  it('says the defaults apply when there is no sqlsight.json', () => {
    const view = fileInfoView({ dialect: 'mariadb', serverVersion: '10.11', configPath: undefined, configError: undefined });
    assert.equal(view.text, '$(database) MariaDB 10.11');
    assert.match(view.tooltip, /defaults .*no sqlsight\.json/);
  });

  it('warns when sqlsight.json is broken, with the error', () => {
    const view = fileInfoView({ dialect: 'postgres', serverVersion: '16', configPath: '/w/sqlsight.json', configError: 'rules.nope: unknown rule id' });
    assert.equal(view.text, '$(warning) PostgreSQL 16');
    assert.equal(view.warning, true);
    assert.match(view.tooltip, /\/w\/sqlsight\.json has an error, so the defaults are in use:\nrules\.nope: unknown rule id/);
  });

  it('a version string cannot inject a theme icon', () => {
    assert.equal(fileInfoView({ dialect: 'mysql', serverVersion: '$(bug)', configPath: undefined, configError: undefined }).text, '$(database) MySQL $\u200b(bug)');
  });

  it('checks the server answer before trusting it', () => {
    assert.equal(isFileInfo({ dialect: 'postgres', serverVersion: '16' }), true);
    assert.equal(isFileInfo({ dialect: 'postgres', serverVersion: '16', configPath: null, configError: 'bad' }), true);
    assert.equal(isFileInfo({ dialect: 'oracle', serverVersion: '23' }), false);
    assert.equal(isFileInfo({ dialect: 'postgres', serverVersion: 16 }), false);
    assert.equal(isFileInfo({ dialect: 'toString', serverVersion: '1' }), false);
    assert.equal(isFileInfo(null), false);
  });

  it('has a view for a server that is starting or cannot answer', () => {
    assert.equal(startingView().text, '$(sync~spin) sqlsight: starting');
    assert.match(unavailableView('Method not found').tooltip, /Method not found/);
  });
});

describe('rule ids', () => {
  it('accepts kebab-case ids only', () => {
    assert.deepEqual(
      ['require-concurrent-index', 'truncate', 'Require-Index', 'a--b', '-a', 'a b', ''].map(isRuleId),
      [true, true, false, false, false, false, false],
    );
  });

  it('reads the id from a plain or a linked diagnostic code', () => {
    assert.equal(ruleIdOfDiagnosticCode('drop-table'), 'drop-table');
    assert.equal(ruleIdOfDiagnosticCode({ value: 'drop-table', target: 'file:///docs/rules/drop-table.md' }), 'drop-table');
    assert.equal(ruleIdOfDiagnosticCode(42), undefined);
    assert.equal(ruleIdOfDiagnosticCode(undefined), undefined);
  });
});
