// Schema-aware name features over a real Flyway folder, from the built server: hover on tables and
// columns, go to definition, find references across migrations (through a rename), workspace
// symbols, completion by context, and the model following an edit of an earlier open migration.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type Location,
  type MarkupContent,
  type Position,
  type SymbolInformation,
  type WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { fastSettings, fileUri, LspClient, makeFolder, positionAt } from './support';

const v1 = [
  'CREATE TABLE users (', //                                      0
  '  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,', //     1
  '  email text NOT NULL,', //                                    2
  "  name text DEFAULT 'anon'", //                                3
  ');', //                                                        4
  'CREATE UNIQUE INDEX users_email_idx ON users (email);', //     5
  'CREATE TABLE orders (', //                                     6
  '  id bigint PRIMARY KEY,', //                                  7
  '  user_id bigint NOT NULL REFERENCES users (id),', //          8
  '  total numeric(10, 2)', //                                    9
  ');', //                                                        10
  "CREATE TYPE order_status AS ENUM ('new', 'paid');", //         11
  'CREATE SCHEMA audit;', //                                      12
  'CREATE TABLE audit.events (id bigint, happened timestamptz);', // 13
  '',
].join('\n');

const v2 = [
  'ALTER TABLE users RENAME TO members;', //                              0
  'ALTER TABLE members ADD COLUMN nickname text;', //                     1
  'CREATE INDEX members_nickname_idx ON members (nickname);', //          2
  'ALTER TABLE orders RENAME COLUMN total TO amount;', //                 3
  '',
].join('\n');

const v3 = [
  'UPDATE members SET nickname = name WHERE nickname IS NULL;', //                  0
  'SELECT m.email, o.amount FROM members m JOIN orders o ON o.user_id = m.id;', //  1
  '',
].join('\n');

/** The position of the `occurrence`-th (0-based) `needle` in `text`, plus `delta` characters. */
function at(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} #${occurrence} is not in the text`);
  }
  return positionAt(text, index + delta);
}

function markdown(contents: unknown): string {
  return (contents as MarkupContent).value;
}

describe('schema-aware name features', () => {
  let client: LspClient;
  let folder: string;
  let paths: { v1: string; v2: string; v3: string; report: string };
  let uris: { v1: string; v2: string; v3: string; report: string };
  let reportVersion = 1;

  before(async () => {
    folder = makeFolder({
      'db/migrations/V1__init.sql': v1,
      'db/migrations/V2__rename.sql': v2,
      'db/migrations/V3__backfill.sql': v3,
    });
    const migrations = join(folder, 'db', 'migrations');
    paths = {
      v1: join(migrations, 'V1__init.sql'),
      v2: join(migrations, 'V2__rename.sql'),
      v3: join(migrations, 'V3__backfill.sql'),
      report: join(folder, 'queries', 'report.sql'),
    };
    uris = { v1: fileUri(paths.v1), v2: fileUri(paths.v2), v3: fileUri(paths.v3), report: fileUri(paths.report) };
    client = await LspClient.start({ settings: fastSettings, workspaceFolders: [folder] });
    await client.waitFor('the migration folder to be discovered', () => client.logsMentioning('found 1 migration folder')[0]);
    await client.open(uris.v3, v3);
    await client.open(uris.report, '');
  });
  after(() => client.stop());

  const complete = async (textWithCursor: string): Promise<string[]> => {
    const cursor = textWithCursor.indexOf('|');
    const text = textWithCursor.replace('|', '');
    reportVersion++;
    await client.change(uris.report, reportVersion, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uris.report }, position: positionAt(text, cursor) });
    const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
    return items.map((item) => item.label);
  };

  it('hovers a table with its columns, indexes, foreign keys and the migrations that defined and changed it', async () => {
    const position = at(v3, 'members');
    const hover = await client.hover(uris.v3, position);
    assert.ok(hover, 'a hover');
    const value = markdown(hover.contents);
    assert.match(value, /^\*\*table\*\* `members` · 4 columns/);
    assert.match(value, /\| `id` \| bigint \| NOT NULL · identity \|/);
    assert.match(value, /\| `email` \| text \| NOT NULL \|/);
    assert.match(value, /\| `name` \| text \| default `'anon'` \|/);
    assert.match(value, /\*\*Primary key\*\* `users_pkey` \(`id`\)/);
    assert.match(value, /- `users_email_idx` UNIQUE \(`email`\)/);
    assert.match(value, /- `members_nickname_idx` \(`nickname`\)/);
    assert.match(value, /\*\*Referenced by\*\*\n- `orders` \(`user_id`\) — `orders_user_id_fkey`/);
    const v1Link = `${uris.v1}#L1`;
    assert.ok(value.includes(`Defined in [V1__init.sql:1](${v1Link}) · last changed in [V2__rename.sql:2](${uris.v2}#L2)`), value);
    // The statement's own hover follows, since it takes a lock.
    assert.match(value, /\n\n---\n\n\*\*UPDATE\*\* takes \*\*ROW EXCLUSIVE\*\* on `members`/);
    assert.deepEqual(hover.range, { start: position, end: at(v3, 'members', 0, 'members'.length) });

    const inDefinition = markdown((await client.hover(uris.v3, at(v3, 'orders', 0, 1)))?.contents);
    assert.match(inDefinition, /^\*\*table\*\* `orders` · 3 columns/);
    assert.match(inDefinition, /- \(`user_id`\) → `members` \(`id`\) — `orders_user_id_fkey`/);
    assert.ok(inDefinition.endsWith(`Defined in [V1__init.sql:7](${uris.v1}#L7) · last changed in [V2__rename.sql:4](${uris.v2}#L4)`), inDefinition);
  });

  it('hovers names in a file that is not a migration from its own statements, and never takes a type name for a column', async () => {
    const text = 'CREATE TABLE notes (date date NOT NULL, key int, PRIMARY KEY (key));\nSELECT n.date FROM notes n;\n';
    reportVersion++;
    await client.change(uris.report, reportVersion, text);
    const column = markdown((await client.hover(uris.report, at(text, 'date', 0, 1)))?.contents);
    assert.match(column, /^\*\*column\*\* `notes\.date` `date`\n\nNOT NULL/);
    assert.ok(column.includes(`Defined in [report.sql:1](${uris.report}#L1)`), column);
    const type = await client.hover(uris.report, at(text, 'date', 1, 1));
    assert.doesNotMatch(markdown(type?.contents), /\*\*column\*\*/, 'the type is not the column');
    const keyword = await client.hover(uris.report, at(text, 'KEY', 0, 1));
    assert.doesNotMatch(markdown(keyword?.contents), /\*\*column\*\*/, 'KEY is not the column `key`');
    assert.match(markdown((await client.hover(uris.report, at(text, '(key)', 0, 2)))?.contents), /^\*\*column\*\* `notes\.key` `integer`/);
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uris.report }, position: at(text, 'n.date', 0, 3) });
    assert.deepEqual(definition, [{ uri: uris.report, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 24 } } }]);
  });

  it('hovers a column through an alias with its type, NOT NULL, indexes and definition', async () => {
    const hover = await client.hover(uris.v3, at(v3, 'm.email', 0, 3));
    const value = markdown(hover?.contents);
    assert.equal(
      value,
      ['**column** `members.email` `text`', '', 'NOT NULL', '', '**Indexes**', '- `users_email_idx` UNIQUE (`email`)', '', `Defined in [V1__init.sql:3](${uris.v1}#L3)`].join('\n'),
    );

    const foreignKey = markdown((await client.hover(uris.v3, at(v3, 'o.user_id', 0, 3)))?.contents);
    assert.match(foreignKey, /^\*\*column\*\* `orders\.user_id` `bigint`/);
    assert.match(foreignKey, /\*\*References\*\* `members` \(`id`\) — `orders_user_id_fkey`/);
  });

  it('goes to the definition in an earlier migration, at the name', async () => {
    const table = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uris.v3 }, position: at(v3, 'members', 1, 2) });
    assert.deepEqual(table, [{ uri: uris.v1, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 18 } } }]);
    const column = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uris.v3 }, position: at(v3, 'm.email', 0, 4) });
    assert.deepEqual(column, [{ uri: uris.v1, range: { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } } }]);
    const added = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uris.v3 }, position: at(v3, 'nickname', 0, 1) });
    assert.deepEqual(added, [{ uri: uris.v2, range: { start: { line: 1, character: 31 }, end: { line: 1, character: 39 } } }]);
    const alias = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uris.v3 }, position: at(v3, ' o ', 0, 1) });
    assert.deepEqual(alias, [{ uri: uris.v1, range: { start: { line: 6, character: 13 }, end: { line: 6, character: 19 } } }]);
  });

  const describeLocations = (locations: Location[] | null): string[] =>
    (locations ?? []).map((location) => `${location.uri.split('/').pop()}:${location.range.start.line}:${location.range.start.character}-${location.range.end.character}`);

  it('finds references to a table across migrations, before and after its rename', async () => {
    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uris.v3 },
      position: at(v3, 'members', 1, 1),
      context: { includeDeclaration: true },
    });
    const expected = [
      'V1__init.sql:0:13-18', // CREATE TABLE users
      'V1__init.sql:5:39-44', // CREATE UNIQUE INDEX … ON users
      'V1__init.sql:8:37-42', // REFERENCES users (id)
      'V2__rename.sql:0:12-17', // ALTER TABLE users RENAME TO …
      'V2__rename.sql:0:28-35', // … members
      'V2__rename.sql:1:12-19',
      'V2__rename.sql:2:37-44',
      'V3__backfill.sql:0:7-14',
      'V3__backfill.sql:1:30-37', // FROM members m (the alias and `m.` are not listed)
    ];
    assert.deepEqual(describeLocations(references), expected);
    const withoutDeclaration = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uris.v3 },
      position: at(v3, 'members', 0, 1),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(describeLocations(withoutDeclaration), expected.slice(1));
  });

  it('finds references to a column: its definition, index and key lists, and queries through aliases', async () => {
    const email = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uris.v3 },
      position: at(v3, 'm.email', 0, 2),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(describeLocations(email), ['V1__init.sql:2:2-7', 'V1__init.sql:5:46-51', 'V3__backfill.sql:1:9-14']);
    const id = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uris.v3 },
      position: at(v3, 'm.id', 0, 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(describeLocations(id), ['V1__init.sql:8:44-46', 'V3__backfill.sql:1:71-73'], 'not orders.id nor o.user_id');
    const renamed = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uris.v3 },
      position: at(v3, 'o.amount', 0, 4),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(describeLocations(renamed), ['V1__init.sql:9:2-7', 'V2__rename.sql:3:33-38', 'V2__rename.sql:3:42-48', 'V3__backfill.sql:1:18-24'], 'total, then amount');
  });

  it('lists tables, indexes and enum types as workspace symbols, filtered by the query (case-insensitive, fuzzy)', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'MEM' })) as (SymbolInformation | WorkspaceSymbol)[];
    assert.deepEqual(symbols.map((symbol) => symbol.name).sort(), ['members', 'members_nickname_idx']);
    const members = symbols.find((symbol) => symbol.name === 'members') as SymbolInformation;
    assert.deepEqual(members.location, { uri: uris.v1, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 18 } } });
    const fuzzy = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'ordsts' })) as SymbolInformation[];
    assert.deepEqual(
      fuzzy.map((symbol) => [symbol.name, symbol.kind, symbol.location.range.start.line]),
      [['order_status', 10, 11]],
    );
  });

  it('completes table names after FROM, JOIN, ALTER TABLE and REFERENCES, schema-qualified outside public', async () => {
    assert.deepEqual(await complete('SELECT * FROM |'), ['audit.events', 'members', 'orders']);
    assert.deepEqual(await complete('SELECT * FROM members m JOIN o|'), ['audit.events', 'members', 'orders']);
    assert.deepEqual(await complete('ALTER TABLE |'), ['audit.events', 'members', 'orders']);
    assert.deepEqual(await complete('ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES |'), ['audit.events', 'members', 'orders']);
    assert.deepEqual(await complete('SELECT * FROM audit.|'), ['events']);
  });

  it('completes column names in context: CREATE INDEX … ON t (, alias., ALTER COLUMN, WHERE, REFERENCES t (', async () => {
    assert.deepEqual(await complete('CREATE INDEX ON members (|'), ['id', 'email', 'name', 'nickname']);
    assert.deepEqual(await complete('CREATE INDEX ON orders (user_id, |)'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('SELECT o.| FROM orders o'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('SELECT o.to| FROM orders o'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('ALTER TABLE orders ALTER COLUMN |'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('ALTER TABLE orders DROP COLUMN IF EXISTS |'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('SELECT * FROM orders WHERE total > 0 AND |'), ['id', 'user_id', 'amount']);
    assert.deepEqual(await complete('ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES members (|'), ['id', 'email', 'name', 'nickname']);
    assert.deepEqual(await complete('SELECT | FROM audit.events'), ['id', 'happened']);
  });

  it('completes nothing in strings, comments, or where no table or column name goes', async () => {
    assert.deepEqual(await complete("SELECT * FROM orders WHERE note = 'FROM |"), []);
    assert.deepEqual(await complete("SELECT * FROM orders WHERE note = 'x|'"), []);
    assert.deepEqual(await complete('-- SELECT * FROM |'), []);
    assert.deepEqual(await complete('/* FROM | */ SELECT 1;'), []);
    assert.deepEqual(await complete('CREATE TABLE |'), []);
    assert.deepEqual(await complete('CREATE TABLE t (|'), []);
    assert.deepEqual(await complete('SELECT 1 |'), []);
    assert.deepEqual(await complete('ALTER TABLE orders ADD COLUMN |'), []);
  });

  it('resolves completion items with the table or column description', async () => {
    const text = 'ALTER TABLE orders ALTER COLUMN ';
    reportVersion++;
    await client.change(uris.report, reportVersion, text);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uris.report }, position: positionAt(text, text.length) });
    const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
    const amount = items.find((item) => item.label === 'amount');
    assert.equal(amount?.detail, 'numeric(10, 2)');
    const resolved = await client.connection.sendRequest('completionItem/resolve', amount);
    const documentation = markdown((resolved as CompletionItem).documentation);
    assert.match(documentation, /^\*\*column\*\* `orders\.amount` `numeric\(10, 2\)`/);
    assert.ok(documentation.endsWith(`Defined in [V1__init.sql:10](${uris.v1}#L10) · last changed in [V2__rename.sql:4](${uris.v2}#L4)`), documentation);
  });

  it('follows an edit of an earlier open migration: hover and completion in a later one show the new column', async () => {
    await client.open(uris.v1, v1);
    const edited = v1.replace("  name text DEFAULT 'anon'\n", "  name text DEFAULT 'anon',\n  phone text\n");
    await client.change(uris.v1, 2, edited);
    const hover = markdown((await client.hover(uris.v3, at(v3, 'members')))?.contents);
    assert.match(hover, /· 5 columns/);
    assert.match(hover, /\| `phone` \| text \| \|/);
    const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uris.v3 }, position: at(v3, 'SET ', 0, 4) });
    const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
    assert.deepEqual(
      items.map((item) => item.label),
      ['id', 'email', 'name', 'phone', 'nickname'],
    );
  });
});
