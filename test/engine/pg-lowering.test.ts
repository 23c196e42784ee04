// The PostgreSQL front-end through the engine API: statements lowered into the model with exact
// ranges, canonical types and expression facts, and syntax errors at the parser's cursor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Statement, StatementOf, TextRange } from '../../server/src/engine';
import { analyzeFixture } from '../support/engine';

async function statementsOf(text: string): Promise<readonly Statement[]> {
  return (await analyzeFixture(text)).statements;
}

async function single<K extends Statement['kind']>(text: string, kind: K): Promise<StatementOf<K>> {
  const statements = await statementsOf(text);
  assert.equal(statements.length, 1);
  const statement = statements[0]!;
  assert.equal(statement.kind, kind);
  return statement as StatementOf<K>;
}

const slice = (text: string, range: TextRange): string => text.slice(range.start, range.end);

describe('PostgreSQL lowering', () => {
  it('lowers ALTER TABLE actions with one range per comma-separated action', async () => {
    const text = 'ALTER TABLE ONLY app.users\n  ADD COLUMN age int DEFAULT 0 NOT NULL,\n  ALTER COLUMN name TYPE varchar(200) USING name::varchar,\n  ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;';
    const alter = await single(text, 'alter-table');
    assert.equal(alter.table.schema, 'app');
    assert.equal(alter.table.name, 'users');
    assert.equal(slice(text, alter.table.range), 'app.users');
    assert.deepEqual(alter.actions.map((action) => slice(text, action.range)), [
      'ADD COLUMN age int DEFAULT 0 NOT NULL',
      'ALTER COLUMN name TYPE varchar(200) USING name::varchar',
      'ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID',
    ]);
    const [add, type, constraint] = alter.actions;
    assert.ok(add?.kind === 'add-column');
    assert.equal(add.column.name, 'age');
    assert.equal(add.column.type.canonical, 'int4');
    assert.equal(slice(text, add.column.type.range), 'int');
    assert.equal(add.column.notNull, true);
    assert.equal(add.column.default?.isConstant, true);
    assert.equal(add.column.default?.text, '0');
    assert.ok(type?.kind === 'alter-column-type');
    assert.deepEqual([type.type.canonical, type.type.modifiers], ['varchar', [200]]);
    assert.ok(constraint?.kind === 'add-constraint');
    assert.equal(constraint.constraint.kind, 'foreign-key');
    assert.equal(constraint.constraint.notValid, true);
    assert.deepEqual(constraint.constraint.columns, ['org_id']);
    assert.equal(constraint.constraint.references?.table.name, 'orgs');
    assert.equal(slice(text, constraint.constraint.range), 'CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID');
  });

  it('lowers CREATE TABLE columns, inline and table constraints', async () => {
    const text = `CREATE TABLE IF NOT EXISTS orders (
  id bigserial PRIMARY KEY,
  user_id integer CONSTRAINT orders_user_fk REFERENCES users (id) ON DELETE CASCADE,
  placed_at timestamp(3) without time zone DEFAULT now(),
  token uuid DEFAULT gen_random_uuid() NOT NULL,
  total numeric(12, 2) CHECK (total >= 0),
  UNIQUE (user_id, placed_at)
);`;
    const create = await single(text, 'create-table');
    assert.equal(create.ifNotExists, true);
    assert.deepEqual(create.columns.map((column) => column.name), ['id', 'user_id', 'placed_at', 'token', 'total']);
    assert.deepEqual(create.columns.map((column) => column.type.canonical), ['bigserial', 'int4', 'timestamp', 'uuid', 'numeric']);
    assert.deepEqual(create.columns.map((column) => slice(text, column.range)), [
      'id bigserial PRIMARY KEY',
      'user_id integer CONSTRAINT orders_user_fk REFERENCES users (id) ON DELETE CASCADE',
      'placed_at timestamp(3) without time zone DEFAULT now()',
      'token uuid DEFAULT gen_random_uuid() NOT NULL',
      'total numeric(12, 2) CHECK (total >= 0)',
    ]);
    const [id, userId, placedAt, token] = create.columns;
    assert.equal(id?.primaryKey, true);
    assert.equal(id?.notNull, true);
    const foreignKey = userId?.constraints[0];
    assert.equal(foreignKey?.kind, 'foreign-key');
    assert.equal(foreignKey?.name, 'orders_user_fk');
    assert.equal(foreignKey?.references?.onDelete, 'cascade');
    assert.equal(slice(text, foreignKey!.range), 'CONSTRAINT orders_user_fk REFERENCES users (id) ON DELETE CASCADE');
    assert.equal(slice(text, placedAt!.type.range), 'timestamp(3) without time zone');
    assert.deepEqual(placedAt?.default?.functionCalls, ['now']);
    assert.equal(placedAt?.default?.text, 'now()');
    assert.deepEqual(token?.default?.functionCalls, ['gen_random_uuid']);
    assert.equal(token?.notNull, true);
    assert.equal(create.constraints[0]?.kind, 'unique');
    assert.deepEqual(create.constraints[0]?.columns, ['user_id', 'placed_at']);
    assert.equal(slice(text, create.constraints[0]!.range), 'UNIQUE (user_id, placed_at)');
  });

  it('lowers CREATE INDEX with the INDEX keyword range where CONCURRENTLY goes', async () => {
    const text = 'create unique index if not exists "Users_Email" on users using gin (lower(email)) where deleted_at is null;';
    const index = await single(text, 'create-index');
    assert.equal(slice(text, index.indexKeywordRange), 'index');
    assert.deepEqual([index.unique, index.ifNotExists, index.concurrently, index.method], [true, true, false, 'gin']);
    assert.equal(index.name?.name, 'Users_Email');
    assert.deepEqual(index.elements[0]?.expression?.functionCalls, ['lower']);
    assert.equal(index.where?.text, 'deleted_at is null');
  });

  it('lowers renames, drops, SET, transactions and DML', async () => {
    const text = [
      'BEGIN;',
      "SET LOCAL lock_timeout = '3s';",
      'ALTER TABLE users RENAME COLUMN name TO full_name;',
      'ALTER TABLE users RENAME TO people;',
      'DROP INDEX CONCURRENTLY IF EXISTS app.users_email;',
      'UPDATE people SET active = true;',
      'DELETE FROM people WHERE id = 1;',
      'COMMIT;',
    ].join('\n');
    const statements = await statementsOf(text);
    assert.deepEqual(statements.map((statement) => statement.kind), ['transaction', 'set', 'alter-table', 'alter-table', 'drop', 'update', 'delete', 'transaction']);
    assert.deepEqual(statements.map((statement) => statement.text), text.split('\n'));
    const set = statements[1];
    assert.ok(set?.kind === 'set');
    assert.deepEqual([set.name, set.value, set.local], ['lock_timeout', '3s', true]);
    const renameColumn = statements[2];
    assert.ok(renameColumn?.kind === 'alter-table');
    assert.deepEqual(renameColumn.actions[0], { kind: 'rename-column', range: renameColumn.actions[0]!.range, from: 'name', to: 'full_name' });
    assert.equal(slice(text, renameColumn.actions[0]!.range), 'RENAME COLUMN name TO full_name');
    const drop = statements[4];
    assert.ok(drop?.kind === 'drop');
    assert.deepEqual([drop.objectKind, drop.concurrently, drop.ifExists, drop.names[0]?.schema, drop.names[0]?.name], ['index', true, true, 'app', 'users_email']);
    assert.equal(slice(text, drop.kindKeywordRange), 'INDEX');
    assert.ok(statements[5]?.kind === 'update' && !statements[5].hasWhere);
    assert.ok(statements[6]?.kind === 'delete' && statements[6].hasWhere);
  });

  it('lowers DROP TRIGGER with the table it belongs to', async () => {
    const drop = await single('DROP TRIGGER IF EXISTS audit_users ON app.users;', 'drop');
    assert.equal(drop.objectKind, 'trigger');
    assert.deepEqual(drop.names.map((name) => [name.schema, name.name]), [[undefined, 'audit_users']]);
    assert.deepEqual([drop.onTable?.schema, drop.onTable?.name], ['app', 'users']);
  });

  it('maps parser byte positions to UTF-16 offsets after multi-byte characters', async () => {
    const text = "-- café ☕ 𝄞\nALTER TABLE \"naïve\" ADD COLUMN \"ü\" text DEFAULT 'é';";
    const alter = await single(text, 'alter-table');
    assert.equal(slice(text, alter.table.range), '"naïve"');
    assert.equal(alter.table.name, 'naïve');
    const action = alter.actions[0];
    assert.ok(action?.kind === 'add-column');
    assert.equal(slice(text, action.column.nameRange), '"ü"');
    assert.equal(action.column.default?.text, "'é'");
  });

  it('keeps exact ranges for statements parsed together after multi-byte text and comments', async () => {
    const text = "INSERT INTO notes VALUES ('crème brûlée ☕');\n-- naïve comment\nALTER TABLE notes ADD COLUMN \"ü\" text, DROP COLUMN old;\n/* x */ CREATE INDEX i ON notes (b);";
    const statements = await statementsOf(text);
    assert.deepEqual(statements.map((statement) => statement.text), [
      "INSERT INTO notes VALUES ('crème brûlée ☕');",
      'ALTER TABLE notes ADD COLUMN "ü" text, DROP COLUMN old;',
      'CREATE INDEX i ON notes (b);',
    ]);
    const alter = statements[1];
    assert.ok(alter?.kind === 'alter-table');
    assert.deepEqual(alter.actions.map((action) => slice(text, action.range)), ['ADD COLUMN "ü" text', 'DROP COLUMN old']);
    const index = statements[2];
    assert.ok(index?.kind === 'create-index');
    assert.equal(slice(text, index.indexKeywordRange), 'INDEX');
    assert.equal(slice(text, index.table.range), 'notes');
  });

  it('reports one syntax error at the parser cursor and analyses the rest of the file', async () => {
    const text = 'SELECT 1;\nALTER TABLE t ADD COLUMN;\nCREATE INDEX i ON t (c);';
    const analysis = await analyzeFixture(text);
    const errors = analysis.findings.filter((finding) => finding.ruleId === 'syntax-error');
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.range.start, text.indexOf(';', 10));
    assert.equal(analysis.stats.syntaxErrors, 1);
    assert.equal(analysis.stats.parsed, 2);
    assert.ok(analysis.findings.some((finding) => finding.ruleId === 'require-concurrent-index'));
  });

  it('classifies psql meta-commands, COPY data and templates without syntax errors', async () => {
    const text = "\\set ON_ERROR_STOP on\nCOPY t (a) FROM stdin;\n1\n\\.\nCREATE TABLE {{ .Prefix }}_x (id int);\nSELECT 1;";
    const analysis = await analyzeFixture(text);
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['unanalyzed-statement']);
    assert.deepEqual(
      [analysis.stats.metaCommands, analysis.stats.copyData, analysis.stats.templates, analysis.stats.parsed],
      [1, 1, 1, 2],
    );
  });
});
