// The built language server over stdio, as an editor drives it: open a migration, receive the same
// findings the engine gives, edit it, receive diagnostics for the new version.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const serverPath = join(import.meta.dirname, '..', '..', 'dist', 'server.js');

describe('language server over stdio', () => {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let connection: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];

  before(async () => {
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params);
      waiters.splice(0).forEach((wake) => wake());
    });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
  });

  after(() => {
    connection.dispose();
    child.kill();
  });

  async function diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = published.find((params) => params.uri === uri && params.version === version);
      if (found) return found;
      await new Promise<void>((wake) => waiters.push(wake));
    }
  }

  it('publishes findings with rule ids for an opened migration, and follows edits', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sqlsight-lsp-'));
    writeFileSync(join(folder, 'sqlsight.json'), JSON.stringify({ rules: { 'add-foreign-key-validated': 'error' } }));
    const uri = pathToFileURL(join(folder, 'V1__index.sql')).href;
    const text = "SET lock_timeout = '5s';\nSET statement_timeout = '5min';\nCREATE INDEX users_email_idx ON users (email);\n";
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sql', version: 1, text } });
    const first = await diagnosticsFor(uri, 1);
    assert.deepEqual(first.diagnostics.map((diagnostic) => diagnostic.code), ['require-concurrent-index']);
    assert.deepEqual(first.diagnostics[0]?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 46 } });

    const edited = 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);\n';
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    const second = await diagnosticsFor(uri, 2);
    const foreignKey = second.diagnostics.find((diagnostic) => diagnostic.code === 'add-foreign-key-validated');
    assert.ok(foreignKey, 'the new hazard is reported');
    assert.equal(foreignKey.severity, 1, 'severity comes from sqlsight.json (error)');
    assert.ok(!second.diagnostics.some((diagnostic) => diagnostic.code === 'require-concurrent-index'));
  });
});
