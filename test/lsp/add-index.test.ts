// "Add index" for a foreign key without one, in a real Flyway folder: after the statement (CONCURRENTLY
// on an existing table), or as a new migration named by the folder's convention that the server then
// opens; inside a transaction only the new migration is offered.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, ShowDocumentRequest, type CodeAction, type CreateFile, type ShowDocumentParams, type TextDocumentEdit } from 'vscode-languageserver-protocol';
import { actionTitled, applyWorkspaceEdit, codes, diagnosticFor, fastSettings, fileUri, isCodeAction, LspClient, makeFolder, writeIn } from './support';

const init = 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\n';
const foreignKey = [
  "SET lock_timeout = '5s';",
  "SET statement_timeout = '5min';",
  'ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
  '',
].join('\n');

describe('add index quick fixes', () => {
  let client: LspClient;
  let folder: string;
  const shown: ShowDocumentParams[] = [];
  before(async () => {
    folder = makeFolder();
    writeIn(folder, 'db/migrations/V1__init.sql', init);
    writeIn(folder, 'db/migrations/V2__orders_fk.sql', foreignKey);
    writeIn(folder, 'tx/sqlsight.json', JSON.stringify({ assumeInTransaction: true }));
    writeIn(folder, 'tx/migrations/V1__init.sql', init);
    writeIn(folder, 'tx/migrations/V2__orders_fk.sql', foreignKey);
    client = await LspClient.start({ settings: fastSettings, workspaceFolders: [folder] });
    client.connection.onRequest(ShowDocumentRequest.type, (params) => {
      shown.push(params);
      return { success: true };
    });
  });
  after(() => client.stop());

  it('inserts CREATE INDEX CONCURRENTLY after the statement, and the finding goes', async () => {
    const path = join(folder, 'db/migrations/V2__orders_fk.sql');
    const uri = fileUri(path);
    const first = await client.open(uri, foreignKey);
    const diagnostic = diagnosticFor(first, 'foreign-key-without-index');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const preferred = (actions ?? []).filter(isCodeAction).filter((action) => action.isPreferred);
    assert.deepEqual(preferred.map((action) => action.title), ['Add index orders_customer_id_idx after this statement']);
    const fixed = applyWorkspaceEdit(foreignKey, uri, preferred[0]?.edit);
    assert.equal(
      fixed,
      foreignKey.replace('NOT VALID;\n', 'NOT VALID;\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);\n'),
    );
    const after = await client.change(uri, 2, fixed);
    assert.ok(!codes(after).includes('foreign-key-without-index'), codes(after).join(', '));
    await client.close(uri);
  });

  it('creates the next migration in the folder, with the index, and opens it', async () => {
    const path = join(folder, 'db/migrations/V2__orders_fk.sql');
    const uri = fileUri(path);
    const first = await client.open(uri, foreignKey, 3);
    const diagnostic = diagnosticFor(first, 'foreign-key-without-index');
    const action: CodeAction = actionTitled(await client.codeActions(uri, diagnostic.range, [diagnostic]), 'Add index orders_customer_id_idx in a new migration');
    const changes = action.edit?.documentChanges ?? [];
    const target = fileUri(join(folder, 'db/migrations/V3__add_orders_customer_id_idx.sql'));
    assert.deepEqual(changes[0] as CreateFile, { kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } });
    const insert = changes[1] as TextDocumentEdit;
    assert.equal(insert.textDocument.uri, target);
    assert.deepEqual(insert.edits.map((edit) => ('newText' in edit ? edit.newText : '')), ['CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);\n']);
    assert.equal(existsSync(join(folder, 'db/migrations/V3__add_orders_customer_id_idx.sql')), false, 'the editor creates the file, not the server');
    // The client runs the action's command after applying the edit: the server asks to show the file.
    assert.deepEqual(action.command?.arguments, [target]);
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command?.command ?? '', arguments: action.command?.arguments ?? [] });
    assert.deepEqual(shown.at(-1), { uri: target, takeFocus: true });
    await client.close(uri);
  });

  it('offers only the new migration when the migration runs in a transaction', async () => {
    const uri = fileUri(join(folder, 'tx/migrations/V2__orders_fk.sql'));
    const first = await client.open(uri, foreignKey);
    const diagnostic = diagnosticFor(first, 'foreign-key-without-index');
    const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
    const addIndex = actions.filter(isCodeAction).filter((action) => action.title.startsWith('Add index'));
    assert.deepEqual(
      addIndex.map((action) => [action.title, action.isPreferred]),
      [['Add index orders_customer_id_idx in a new migration', true]],
    );
    await client.close(uri);
  });
});
