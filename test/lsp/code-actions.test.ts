// Code actions round-trip as in an editor: request them for a published diagnostic, apply the
// WorkspaceEdit to the text, send the new text, and read the next publish for that version.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Range } from 'vscode-languageserver-protocol';
import { actionTitled, applyWorkspaceEdit, codes, diagnosticFor, fastSettings, fileUri, isCodeAction, LspClient, makeFolder } from './support';

const wholeFirstLine: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('code actions', () => {
  let client: LspClient;
  let folder: string;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
    folder = makeFolder();
  });
  after(() => client.stop());

  it('applies the preferred quick fix and the diagnostic is gone in the next version', async () => {
    const uri = fileUri(join(folder, 'quick-fix.sql'));
    const text = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\nCREATE INDEX users_email_idx ON users (email);\n";
    const first = await client.open(uri, text);
    const diagnostic = diagnosticFor(first, 'require-concurrent-index');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const codeActions = (actions ?? []).filter(isCodeAction);
    const preferred = codeActions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, `exactly one preferred action: ${JSON.stringify(codeActions.map((action) => action.title))}`);
    assert.equal(preferred[0]?.title, 'Add CONCURRENTLY');
    assert.equal(preferred[0]?.kind, 'quickfix');
    assert.deepEqual(preferred[0]?.diagnostics, [diagnostic]);
    const documentation = actionTitled(actions, 'Show documentation for require-concurrent-index');
    assert.deepEqual(documentation.command, {
      title: 'Show documentation for require-concurrent-index',
      command: 'sqlsight.showRuleDocumentation',
      arguments: ['require-concurrent-index'],
    });

    const fixed = applyWorkspaceEdit(text, uri, preferred[0]?.edit);
    assert.equal(fixed, "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
    const second = await client.change(uri, 2, fixed);
    assert.deepEqual(codes(second), [], 'the fixed text has no findings');
  });

  it('ignores a rule for a statement, extends the same comment for a second rule, and ignores a rule in the file', async () => {
    const uri = fileUri(join(folder, 'suppress.sql'));
    let text = 'CREATE INDEX users_email_idx ON users (email);\nCREATE INDEX orders_user_idx ON orders (user_id);\n';
    let version = 1;
    let published = await client.open(uri, text, version);
    assert.deepEqual(codes(published), [
      'require-concurrent-index',
      'require-lock-timeout',
      'require-statement-timeout',
      'require-concurrent-index',
      'require-lock-timeout',
    ]);

    const apply = async (ruleId: string, title: string, line: number): Promise<void> => {
      const diagnostic = published.diagnostics.find((candidate) => candidate.code === ruleId && candidate.range.start.line === line);
      assert.ok(diagnostic, `a ${ruleId} diagnostic on line ${line} in ${JSON.stringify(published.diagnostics.map((d) => [d.code, d.range.start.line]))}`);
      const action = actionTitled(await client.codeActions(uri, diagnostic.range, [diagnostic]), title);
      text = applyWorkspaceEdit(text, uri, action.edit);
      version++;
      published = await client.change(uri, version, text);
    };
    const onLine = (line: number) => published.diagnostics.filter((diagnostic) => diagnostic.range.start.line === line).map((diagnostic) => diagnostic.code);

    await apply('require-concurrent-index', 'Ignore require-concurrent-index for this statement', 1);
    assert.equal(text, 'CREATE INDEX users_email_idx ON users (email);\n-- sqlsight-ignore require-concurrent-index\nCREATE INDEX orders_user_idx ON orders (user_id);\n');
    assert.deepEqual(onLine(2), ['require-lock-timeout'], 'only the ignored rule is gone from that statement');
    assert.deepEqual(codes(published).filter((code) => code === 'require-concurrent-index').length, 1, 'the other statement keeps its finding');
    assert.ok(!codes(published).includes('unused-suppression'));

    await apply('require-lock-timeout', 'Ignore require-lock-timeout for this statement', 2);
    assert.equal(
      text,
      'CREATE INDEX users_email_idx ON users (email);\n-- sqlsight-ignore require-concurrent-index, require-lock-timeout\nCREATE INDEX orders_user_idx ON orders (user_id);\n',
      'the second ignore extends the existing comment',
    );
    assert.deepEqual(onLine(2), []);
    assert.ok(!codes(published).includes('unused-suppression'));

    await apply('require-concurrent-index', 'Ignore require-concurrent-index in this file', 0);
    assert.equal(
      text,
      '-- sqlsight-ignore-file require-concurrent-index\nCREATE INDEX users_email_idx ON users (email);\n-- sqlsight-ignore require-concurrent-index, require-lock-timeout\nCREATE INDEX orders_user_idx ON orders (user_id);\n',
    );
    assert.deepEqual(codes(published), ['require-lock-timeout', 'require-statement-timeout']);
  });

  it('ignores a rule for a statement that shares its line with another statement', async () => {
    const uri = fileUri(join(folder, 'same-line.sql'));
    const text = "SET lock_timeout = '5s'; CREATE INDEX i ON t (c);\n";
    const published = await client.open(uri, text);
    const diagnostic = diagnosticFor(published, 'require-concurrent-index');
    const action = actionTitled(await client.codeActions(uri, diagnostic.range, [diagnostic]), 'Ignore require-concurrent-index for this statement');
    const suppressed = applyWorkspaceEdit(text, uri, action.edit);
    assert.equal(suppressed, "SET lock_timeout = '5s';\n-- sqlsight-ignore require-concurrent-index\nCREATE INDEX i ON t (c);\n");
    const after = await client.change(uri, 2, suppressed);
    assert.deepEqual(codes(after), ['require-statement-timeout'], 'the finding is silenced and the comment is used');
  });

  it('source.fixAll.sqlsight applies every safe fix in one edit, and the result has none of those findings', async () => {
    const uri = fileUri(join(folder, 'fix-all.sql'));
    const text = [
      'CREATE INDEX users_email_idx ON users (email);',
      'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      '',
    ].join('\n');
    const first = await client.open(uri, text);
    assert.deepEqual(codes(first), [
      'require-concurrent-index',
      'require-lock-timeout',
      'require-statement-timeout',
      'require-lock-timeout',
      'add-foreign-key-validated',
    ]);

    assert.deepEqual(await client.codeActions(uri, wholeFirstLine, [], ['source.organizeImports']), [], 'other source kinds get nothing');
    const actions = await client.codeActions(uri, wholeFirstLine, [], ['source.fixAll.sqlsight']);
    assert.equal(actions?.length, 1, `one fix-all action: ${JSON.stringify(actions)}`);
    const fixAll = actions?.[0] as CodeAction;
    assert.equal(fixAll.kind, 'source.fixAll.sqlsight');
    assert.deepEqual(await client.codeActions(uri, wholeFirstLine, [], ['source.fixAll']), actions, 'the parent kind asks for the same action');

    const fixed = applyWorkspaceEdit(text, uri, fixAll.edit);
    assert.equal(
      fixed,
      [
        "SET lock_timeout = '5s';",
        'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
        'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
        '',
      ].join('\n'),
    );
    const second = await client.change(uri, 2, fixed);
    assert.deepEqual(codes(second), ['require-statement-timeout'], 'only the finding whose fix needs review remains');
    assert.deepEqual(await client.codeActions(uri, wholeFirstLine, [], ['source.fixAll.sqlsight']), [], 'nothing left to fix');
  });
});
