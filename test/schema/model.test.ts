// The schema model replayed from statements: what each kind of DDL does to it, the names
// PostgreSQL generates, and the incremental workspace (an edit re-derives only what follows).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnOf, primaryKeyOf, schemaToJson, schemaToSql, type SchemaModel } from '../../server/src/engine';
import { engine } from '../support/engine';

async function replay(...files: string[]): Promise<SchemaModel> {
  return replayIn('postgres', ...files);
}

async function replayIn(dialect: 'postgres' | 'mysql' | 'mariadb', ...files: string[]): Promise<SchemaModel> {
  const workspace = (await engine()).createWorkspaceSchema(dialect);
  workspace.setMigrations(
    files.map((_, index) => ({ path: `/m/V${index + 1}.sql`, role: 'up' as const })),
    (path) => files[Number(/V(\d+)/.exec(path)?.[1]) - 1] ?? '',
  );
  return workspace.final();
}

describe('schema model', () => {
  it('builds tables, serial defaults, keys and PostgreSQL-named indexes', async () => {
    const model = await replay(
      'CREATE TABLE users (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE, team_id bigint REFERENCES teams);\nCREATE TABLE teams (id bigint PRIMARY KEY);',
      'CREATE INDEX ON users (lower(email));\nCREATE INDEX ON users (team_id) WHERE team_id IS NOT NULL;',
    );
    const users = model.tables.get('users');
    assert.ok(users);
    assert.deepEqual(users.columns.map((column) => [column.name, column.type.canonical, column.notNull]), [
      ['id', 'int4', true],
      ['email', 'varchar', true],
      ['team_id', 'int8', false],
    ]);
    assert.equal(columnOf(users, 'id')?.default, "nextval('users_id_seq'::regclass)");
    assert.deepEqual(primaryKeyOf(users)?.columns, ['id']);
    assert.deepEqual([...model.indexes.keys()].sort(), ['teams_pkey', 'users_email_key', 'users_lower_idx', 'users_pkey', 'users_team_id_idx']);
    assert.equal(users.foreignKeys[0]?.name, 'users_team_id_fkey');
    assert.equal(model.indexes.get('users_team_id_idx')?.predicate, 'team_id IS NOT NULL');
  });

  it('follows renames, type changes, drops and constraint changes', async () => {
    const model = await replay(
      'CREATE TABLE accounts (id bigint PRIMARY KEY, name text, legacy text);\nCREATE INDEX accounts_legacy_idx ON accounts (legacy);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));',
      'ALTER TABLE accounts RENAME TO customers;\nALTER TABLE customers RENAME COLUMN name TO full_name;\nALTER TABLE customers DROP COLUMN legacy;\nALTER TABLE customers ALTER COLUMN full_name TYPE varchar(100), ALTER COLUMN full_name SET NOT NULL;\nALTER INDEX accounts_pkey RENAME TO customers_id_pk;',
      'ALTER TABLE invoices DROP CONSTRAINT invoices_account_id_fkey;\nALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (account_id) REFERENCES customers NOT VALID;',
    );
    assert.equal(model.tables.has('accounts'), false);
    const customers = model.tables.get('customers');
    assert.deepEqual(customers?.columns.map((column) => `${column.name}:${column.type.canonical}(${column.type.modifiers.join()}):${column.notNull}`), [
      'id:int8():true',
      'full_name:varchar(100):true',
    ]);
    assert.equal(model.indexes.has('accounts_legacy_idx'), false, 'dropping a column drops its index');
    assert.equal(model.indexes.get('customers_id_pk')?.table, 'customers');
    assert.equal(customers && primaryKeyOf(customers)?.name, 'customers_id_pk', 'renaming a key index renames the constraint');
    const foreignKey = model.tables.get('invoices')?.foreignKeys[0];
    assert.deepEqual(foreignKey && [foreignKey.name, foreignKey.referencedTable, foreignKey.referencedColumns.join(), foreignKey.validated], ['invoices_customer_fk', 'customers', 'id', false]);
  });

  it('keeps enums, views and schemas, and leaves down sections out', async () => {
    const model = await replay(
      "CREATE SCHEMA billing;\nCREATE TYPE billing.state AS ENUM ('open', 'paid');\nALTER TYPE billing.state ADD VALUE 'void';\nCREATE TABLE billing.bills (id bigint PRIMARY KEY, state billing.state NOT NULL);\nCREATE VIEW open_bills AS SELECT id FROM billing.bills WHERE state = 'open';",
      '-- migrate:up\nCREATE TABLE notes (id bigint);\n-- migrate:down\nDROP TABLE notes;\n',
    );
    assert.deepEqual(model.enums.get('billing.state')?.values, ['open', 'paid', 'void']);
    assert.deepEqual(model.tables.get('open_bills')?.dependsOn, ['billing.bills']);
    assert.ok(model.tables.has('notes'), 'the down section is not replayed');
    const json = schemaToJson(model);
    assert.deepEqual(json.tables.map((table) => `${table.schema}.${table.name}`), ['billing.bills', 'public.notes', 'public.open_bills']);
    assert.match(schemaToSql(model), /CREATE TYPE billing\.state AS ENUM \('open', 'paid', 'void'\);/);
  });

  it('follows the indexes InnoDB creates for foreign keys and drops once another index serves the key', async () => {
    const model = await replayIn(
      'mysql',
      'CREATE TABLE users (id INT UNSIGNED NOT NULL PRIMARY KEY);\nCREATE TABLE orders (id INT PRIMARY KEY, user_id INT UNSIGNED, CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));\nCREATE TABLE notes (id INT PRIMARY KEY, user_id INT UNSIGNED, KEY user_id (user_id), FOREIGN KEY (user_id) REFERENCES users (id));',
      'CREATE TABLE pairs (id INT PRIMARY KEY, a INT UNSIGNED, KEY a (a), FOREIGN KEY (a, id) REFERENCES users (id, id));',
    );
    const orders = model.indexesOn('orders').map((index) => [index.name, index.createdFor ?? '']);
    assert.deepEqual(orders, [['PRIMARY', ''], ['fk_user', 'fk_user']], 'a named foreign key gets an index of its name');
    assert.deepEqual(model.indexesOn('notes').map((index) => [index.name, index.createdFor ?? '']), [['PRIMARY', ''], ['user_id', '']], 'an explicit index of the same name serves the key');
    assert.deepEqual(model.indexesOn('pairs').map((index) => index.name), ['PRIMARY', 'a', 'a_2'], '(a) does not serve a key on (a, id)');
    const later = await replayIn(
      'mysql',
      'CREATE TABLE users (id INT UNSIGNED NOT NULL PRIMARY KEY);\nCREATE TABLE orders (id INT PRIMARY KEY, user_id INT UNSIGNED, placed DATE, CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id));',
      'ALTER TABLE orders ADD INDEX orders_user_placed (user_id, placed);',
    );
    assert.deepEqual(later.indexesOn('orders').map((index) => index.name), ['PRIMARY', 'orders_user_placed'], 'MariaDB 10.11 drops fk_user here');
  });

  it('keeps MySQL prefix lengths of index parts, across a column rename', async () => {
    const model = await replayIn('mysql', 'CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(255), KEY people_email (email(20)));\nALTER TABLE people RENAME COLUMN email TO mail;');
    const index = model.indexesOn('people').find((candidate) => candidate.name === 'people_email');
    assert.deepEqual(index?.elements, [{ column: 'mail', expression: undefined, prefixLength: 20 }]);
  });

  it('remembers words of statements it cannot follow', async () => {
    const model = await replay("DO $$ BEGIN EXECUTE 'CREATE TABLE dynamic_things (id int)'; END $$;");
    assert.equal(model.mentionedOpaquely('dynamic_things'), true);
    assert.equal(model.mentionedOpaquely('other_things'), false);
  });
});

describe('incremental workspace model', () => {
  it('an edit in the middle re-derives the files after it, and only their models', async () => {
    const texts = new Map([
      ['/w/V1.sql', 'CREATE TABLE a (id bigint);'],
      ['/w/V2.sql', 'ALTER TABLE a ADD COLUMN b text;'],
      ['/w/V3.sql', 'ALTER TABLE a ADD COLUMN c text;'],
    ]);
    let reads = 0;
    const workspace = (await engine()).createWorkspaceSchema('postgres');
    workspace.setMigrations(
      [...texts.keys()].map((path) => ({ path, role: 'up' as const })),
      (path) => {
        reads++;
        return texts.get(path) ?? '';
      },
    );
    const columnsBefore = (path: string): string[] => workspace.before(path)?.schema?.tables.get('a')?.columns.map((column) => column.name) ?? [];
    assert.deepEqual(columnsBefore('/w/V3.sql'), ['id', 'b']);
    const before1 = workspace.before('/w/V2.sql')?.schema;
    workspace.update('/w/V2.sql', 'ALTER TABLE a ADD COLUMN renamed text;');
    assert.deepEqual(columnsBefore('/w/V3.sql'), ['id', 'renamed']);
    assert.deepEqual(workspace.final().tables.get('a')?.columns.map((column) => column.name), ['id', 'renamed', 'c']);
    assert.deepEqual(workspace.before('/w/V2.sql')?.schema?.tables.get('a'), before1?.tables.get('a'), 'the model before the edited file is unchanged');
    assert.equal(reads, 3, 'files are read once');
    // Setting the same list again keeps lowered files whose text did not change.
    workspace.setMigrations([...texts.keys()].map((path) => ({ path, role: 'up' as const })), (path) => texts.get(path) ?? '');
    assert.deepEqual(columnsBefore('/w/V3.sql'), ['id', 'b']);
  });

  it('a down migration sees the model after its up migration', async () => {
    const workspace = (await engine()).createWorkspaceSchema('postgres');
    const texts: Record<string, string> = {
      '/w/1_a.up.sql': 'CREATE TABLE a (id bigint);',
      '/w/1_a.down.sql': 'DROP TABLE a;',
      '/w/2_b.up.sql': 'CREATE TABLE b (id bigint);',
    };
    workspace.setMigrations(
      [
        { path: '/w/1_a.up.sql', role: 'up' },
        { path: '/w/1_a.down.sql', role: 'down', upPath: '/w/1_a.up.sql' },
        { path: '/w/2_b.up.sql', role: 'up' },
      ],
      (path) => texts[path] ?? '',
    );
    assert.deepEqual([...(workspace.before('/w/1_a.down.sql')?.schema?.tables.keys() ?? [])], ['a']);
    assert.deepEqual([...workspace.final().tables.keys()].sort(), ['a', 'b'], 'the down migration is not replayed');
  });

  it('calls the model complete only for a set that starts from an empty database', async () => {
    const complete = async (first: string): Promise<boolean | undefined> => {
      const workspace = (await engine()).createWorkspaceSchema('postgres');
      const texts: Record<string, string> = { '/w/V1.sql': first, '/w/V2.sql': 'ALTER TABLE users ADD COLUMN age int;' };
      workspace.setMigrations([{ path: '/w/V1.sql', role: 'up' }, { path: '/w/V2.sql', role: 'up' }], (path) => texts[path] ?? '');
      return workspace.before('/w/V2.sql')?.complete;
    };
    assert.equal(await complete('CREATE TABLE users (id bigint PRIMARY KEY);'), true);
    assert.equal(await complete('ALTER TABLE users ADD COLUMN email text;'), false, 'the first migration builds on a baseline sqlsight does not have');
    assert.equal(await complete('CREATE TABLE teams (id bigint);\nCREATE INDEX ON users (id);'), false);
  });
});
