// Hover, inlay hints, document symbols and folding ranges, from the built server.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver-protocol';
import { fastSettings, fileUri, LspClient, makeFolder, positionAfter } from './support';

const migration = [
  '-- migrate:up', //                                      0
  'CREATE TABLE accounts (', //                            1
  '  id bigint PRIMARY KEY,', //                           2
  '  name text', //                                        3
  ');', //                                                 4
  'ALTER TABLE accounts ADD COLUMN note text;', //         5
  'ALTER TABLE users ADD COLUMN x int;', //                6
  'DO $$', //                                              7
  'BEGIN', //                                              8
  "  RAISE NOTICE 'hi';", //                               9
  'END', //                                                10
  '$$;', //                                                11
  '', //                                                   12
  '-- migrate:down', //                                    13
  'DROP TABLE accounts;', //                               14
  '',
].join('\n');

describe('editor features', () => {
  let client: LspClient;
  let uri: string;
  before(async () => {
    client = await LspClient.start({ settings: fastSettings });
    uri = fileUri(join(makeFolder(), 'V1__features.sql'));
    await client.open(uri, migration);
  });
  after(() => client.stop());

  it('hovers a dangerous statement with its lock, the table, what it blocks and the safe way', async () => {
    const hover = await client.hover(uri, { line: 6, character: 15 });
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /\*\*ALTER TABLE\*\* takes \*\*ACCESS EXCLUSIVE\*\* on `users`: it blocks every query on the table, reads included\./);
    assert.match(contents.value, /\*\*require-lock-timeout\*\*: \*safe way:\* Set lock_timeout at the start of the migration/);
    // The editor shows the finding's message next to the hover already: it is not repeated.
    assert.doesNotMatch(contents.value, /Waits for an ACCESS EXCLUSIVE lock/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 35 } });

    const onNewTable = await client.hover(uri, { line: 5, character: 0 });
    assert.match((onNewTable?.contents as MarkupContent).value, /created earlier in this migration, so nobody waits/);
    assert.equal(await client.hover(uri, { line: 12, character: 0 }), null, 'nothing between statements');
  });

  it('shows an inlay hint at the end of a statement locking an existing table, and none for a table created earlier', async () => {
    const hints = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } });
    assert.deepEqual(
      hints?.map((hint) => [hint.label, hint.position]),
      [
        ['ACCESS EXCLUSIVE · users', positionAfter(migration, 'ALTER TABLE users ADD COLUMN x int;')],
        // The down section starts from a fresh state: there, accounts is an existing table.
        ['ACCESS EXCLUSIVE · accounts', positionAfter(migration, 'DROP TABLE accounts;')],
      ],
    );
    assert.match(String(hints?.[0]?.tooltip), /blocks every query on the table/);

    const visible = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } });
    assert.deepEqual(visible, [], 'only hints in the requested range');
  });

  it('lists the statements as document symbols, with columns under CREATE TABLE', async () => {
    const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line]),
      [
        ['CREATE TABLE accounts', 1, 4],
        ['ALTER TABLE accounts', 5, 5],
        ['ALTER TABLE users', 6, 6],
        ['DO $$', 7, 11],
        ['DROP TABLE accounts', 14, 14],
      ],
    );
    const table = symbols[0];
    assert.deepEqual(
      table?.children?.map((column) => [column.name, column.detail, column.selectionRange]),
      [
        ['id', 'bigint', { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } }],
        ['name', 'text', { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } }],
      ],
    );
    assert.deepEqual(table?.selectionRange, { start: { line: 1, character: 13 }, end: { line: 1, character: 21 } }, 'the table name');
  });

  it('folds multi-line statements and dbmate sections', async () => {
    const ranges = await client.foldingRanges(uri);
    assert.deepEqual(ranges, [
      { startLine: 1, endLine: 4 },
      { startLine: 7, endLine: 11 },
      { startLine: 0, endLine: 12, kind: 'region' },
      { startLine: 13, endLine: 14, kind: 'region' },
    ]);
  });

  it('turns inlay hints off with the editor setting', async () => {
    const since = client.mark();
    await client.changeSettings({ ...fastSettings, inlayHints: { enabled: false } });
    await client.diagnostics(uri, { since });
    assert.deepEqual(await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } }), []);
    await client.changeSettings({ ...fastSettings });
  });
});
