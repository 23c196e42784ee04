// `sqlsight schema` and `sqlsight check` over a migration folder: the workspace model in the CLI.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeProject, runCli } from './support';

const migrations = {
  'db/migrations/V1__init.sql': 'CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\n',
  'db/migrations/V2__orders_fk.sql': "SET lock_timeout = '5s';\nSET statement_timeout = '5min';\nALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n",
  'db/migrations/V10__index.sql': 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);\n',
};

describe('sqlsight schema', () => {
  it('prints the model the migrations build, as SQL', async () => {
    const cwd = makeProject(migrations);
    const run = await runCli(['schema'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /-- .*db\/migrations \(flyway, 3 files\)/);
    assert.match(run.stdout, /CREATE TABLE orders \(\n {2}id bigint NOT NULL,\n {2}customer_id bigint NOT NULL,\n {2}CONSTRAINT orders_pkey PRIMARY KEY \(id\)\n\);/);
    assert.match(run.stdout, /ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY \(customer_id\) REFERENCES customers \(id\) NOT VALID;/);
    assert.match(run.stdout, /CREATE INDEX orders_customer_id_idx ON orders \(customer_id\);/);
  });

  it('prints JSON with --format json', async () => {
    const cwd = makeProject(migrations);
    const run = await runCli(['schema', 'db', '--format', 'json'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    const parsed = JSON.parse(run.stdout) as { sets: { convention: string; files: { path: string; role: string }[]; schema: { tables: { name: string; definedIn: string }[] } }[] };
    assert.equal(parsed.sets.length, 1);
    assert.deepEqual(parsed.sets[0]?.files.map((file) => file.path.replace(/^.*\//, '')), ['V1__init.sql', 'V2__orders_fk.sql', 'V10__index.sql'], 'in Flyway order');
    assert.deepEqual(parsed.sets[0]?.schema.tables.map((table) => table.name), ['customers', 'orders']);
    assert.match(parsed.sets[0]?.schema.tables[1]?.definedIn ?? '', /V1__init\.sql$/);
  });

  it('says so when there are no migrations, with exit code 2', async () => {
    const cwd = makeProject({ 'notes.txt': 'nothing here' });
    const run = await runCli(['schema'], { cwd });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no migrations found under/);
  });

  it('rejects check-only options', async () => {
    const run = await runCli(['schema', '--severity', 'error'], { cwd: makeProject() });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--severity applies to sqlsight check, not schema/);
  });
});

describe('sqlsight check with the workspace model', () => {
  it('judges each migration against the ones before it (and sees the index a later one adds)', async () => {
    const cwd = makeProject({
      ...migrations,
      'db/migrations/V11__typo.sql': 'CREATE INDEX CONCURRENTLY orders_email_idx ON order_s (email);\n',
    });
    const run = await runCli(['check', '--format', 'json', '.'], { cwd });
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: { ruleId: string; message: string }[] }[] };
    const byFile = new Map(report.files.map((file) => [file.path.replace(/^.*\//, ''), file.findings.map((finding) => finding.ruleId)]));
    assert.deepEqual(byFile.get('V2__orders_fk.sql')?.filter((id) => id === 'foreign-key-without-index'), [], 'V10 indexes the key');
    assert.ok(byFile.get('V11__typo.sql')?.includes('unknown-object'), JSON.stringify(report.files));
  });
});
