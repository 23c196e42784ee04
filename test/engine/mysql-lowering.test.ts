// The MySQL/MariaDB front-end: statements lowered into the model with exact ranges (the offsets fixes
// edit), every ALTER TABLE action kind, column, key and option facts, canonical types, SET variants,
// DML query shapes, and the line between a syntax error and an unanalyzed statement.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AlterTableAction, ParseOutcome, Statement, StatementOf, TextRange } from '../../server/src/engine/model';
import { parseMysqlStatement, type MysqlParseOptions } from '../../server/src/engine/dialects/mysql/parse';
import { splitMysql } from '../../server/src/engine/dialects/mysql/split';

const mysql80: MysqlParseOptions = { dialect: 'mysql', version: { major: 8, minor: 0, patch: 35 } };
const mariadb1011: MysqlParseOptions = { dialect: 'mariadb', version: { major: 10, minor: 11, patch: 6 } };

function lower(text: string, options: MysqlParseOptions = mysql80): ParseOutcome {
  return parseMysqlStatement(text, { start: 0, end: text.length }, options);
}

function statementsOf(text: string, options: MysqlParseOptions = mysql80): readonly Statement[] {
  const outcome = lower(text, options);
  assert.equal(outcome.syntaxError, undefined, outcome.syntaxError?.message);
  assert.equal(outcome.unanalyzed, undefined, outcome.unanalyzed?.message);
  return outcome.statements;
}

function single<K extends Statement['kind']>(text: string, kind: K, options: MysqlParseOptions = mysql80): StatementOf<K> {
  const statements = statementsOf(text, options);
  assert.equal(statements.length, 1);
  const statement = statements[0]!;
  assert.equal(statement.kind, kind);
  return statement as StatementOf<K>;
}

function actionsOf(text: string, options: MysqlParseOptions = mysql80): readonly AlterTableAction[] {
  return single(text, 'alter-table', options).actions;
}

function onlyAction<K extends AlterTableAction['kind']>(text: string, kind: K, options: MysqlParseOptions = mysql80): Extract<AlterTableAction, { kind: K }> {
  const actions = actionsOf(text, options);
  assert.equal(actions.length, 1, JSON.stringify(actions.map((action) => action.kind)));
  const action = actions[0]!;
  assert.equal(action.kind, kind);
  return action as Extract<AlterTableAction, { kind: K }>;
}

const slice = (text: string, range: TextRange): string => text.slice(range.start, range.end);

describe('MySQL lowering: ALTER TABLE', () => {
  it('lowers each comma-separated action with its exact range and the ALGORITHM/LOCK clauses apart', () => {
    const text = 'ALTER TABLE app.`Users`\n  ADD COLUMN age INT(11) UNSIGNED NOT NULL DEFAULT 0 AFTER name,\n  MODIFY email VARCHAR(320) NOT NULL,\n  ALGORITHM = INPLACE, LOCK=NONE;';
    const alter = single(text, 'alter-table');
    assert.deepEqual([alter.table.schema, alter.table.name, slice(text, alter.table.range)], ['app', 'users', 'app.`Users`']);
    assert.deepEqual(alter.actions.map((action) => slice(text, action.range)), [
      'ADD COLUMN age INT(11) UNSIGNED NOT NULL DEFAULT 0 AFTER name',
      'MODIFY email VARCHAR(320) NOT NULL',
    ]);
    assert.equal(alter.onlineDdl?.algorithm?.value, 'INPLACE');
    assert.equal(slice(text, alter.onlineDdl!.algorithm!.range), 'ALGORITHM = INPLACE');
    assert.equal(alter.onlineDdl?.lock?.value, 'NONE');
    assert.equal(slice(text, alter.onlineDdl!.lock!.range), 'LOCK=NONE');
    assert.equal(alter.onlineDdl?.clausesInsertAt, text.length - 1);
  });

  it('reads ALGORITHM and LOCK written after the last table option without a comma', () => {
    const text = 'ALTER TABLE t ENGINE=InnoDB ALGORITHM=COPY LOCK=SHARED';
    const alter = single(text, 'alter-table');
    assert.deepEqual(alter.actions.map((action) => slice(text, action.range)), ['ENGINE=InnoDB']);
    assert.deepEqual([alter.onlineDdl?.algorithm?.value, alter.onlineDdl?.lock?.value], ['COPY', 'SHARED']);
  });

  it('puts the clause insertion point after the last action when no clause is written', () => {
    const text = 'ALTER TABLE t ADD INDEX idx_a (a)  ;';
    const alter = single(text, 'alter-table');
    assert.equal(alter.onlineDdl?.algorithm, undefined);
    assert.equal(alter.onlineDdl?.clausesInsertAt, text.indexOf('(a)') + 3);
  });

  it('lowers ADD COLUMN with its position, the parenthesised column list and MariaDB IF NOT EXISTS', () => {
    const text = 'ALTER TABLE t ADD c1 INT FIRST, ADD COLUMN (c2 TEXT, c3 DATE NULL), ADD COLUMN IF NOT EXISTS c4 BIGINT';
    const actions = actionsOf(text, mariadb1011);
    assert.deepEqual(actions.map((action) => slice(text, action.range)), ['ADD c1 INT FIRST', 'c2 TEXT', 'c3 DATE NULL', 'ADD COLUMN IF NOT EXISTS c4 BIGINT']);
    const [first, second, third, fourth] = actions;
    assert.ok(first?.kind === 'add-column' && second?.kind === 'add-column' && third?.kind === 'add-column' && fourth?.kind === 'add-column');
    assert.equal(first.column.position?.kind, 'first');
    assert.equal(slice(text, first.column.position!.range), 'FIRST');
    assert.deepEqual([second.column.name, second.column.type.canonical, third.column.name, third.column.notNull], ['c2', 'text', 'c3', false]);
    assert.deepEqual([fourth.ifNotExists, fourth.column.name, first.ifNotExists], [true, 'c4', false]);
  });

  it('lowers a parenthesised ADD list of any table elements, one action per element', () => {
    const text = 'ALTER TABLE x_db_base ADD (INDEX x_db_base_cr_time (create_time), c5 INT, CONSTRAINT fk FOREIGN KEY (c5) REFERENCES p (id))';
    const actions = actionsOf(text);
    assert.deepEqual(actions.map((action) => [action.kind, slice(text, action.range)]), [
      ['add-index', 'INDEX x_db_base_cr_time (create_time)'],
      ['add-column', 'c5 INT'],
      ['add-constraint', 'CONSTRAINT fk FOREIGN KEY (c5) REFERENCES p (id)'],
    ]);
    const [index] = actions;
    assert.ok(index?.kind === 'add-index');
    assert.deepEqual([index.index.name, index.index.elements.map((element) => element.column)], ['x_db_base_cr_time', ['create_time']]);
  });

  it('lowers ADD INDEX, FULLTEXT, SPATIAL, PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK', () => {
    const text = [
      'ALTER TABLE t ADD INDEX idx_name USING HASH (name(10), created_at DESC)',
      'ADD FULLTEXT KEY ft_body (body)',
      'ADD SPATIAL INDEX sp (location)',
      'ADD PRIMARY KEY (id)',
      'ADD CONSTRAINT uq_email UNIQUE KEY (email)',
      'ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL ON UPDATE CASCADE',
      'ADD CONSTRAINT chk_age CHECK (age >= 0 AND name IS NOT NULL) NOT ENFORCED',
    ].join(',\n  ');
    const actions = actionsOf(text);
    assert.deepEqual(actions.map((action) => action.kind), ['add-index', 'add-index', 'add-index', 'add-constraint', 'add-constraint', 'add-constraint', 'add-constraint']);
    const [index, fulltext, spatial, primary, unique, foreign, check] = actions;
    assert.ok(index?.kind === 'add-index' && fulltext?.kind === 'add-index' && spatial?.kind === 'add-index');
    assert.deepEqual([index.index.name, index.index.method], ['idx_name', 'hash']);
    assert.deepEqual(index.index.elements, [{ column: 'name', expression: undefined, prefixLength: 10 }, { column: 'created_at', expression: undefined }]);
    assert.equal(slice(text, index.index.range), 'INDEX idx_name USING HASH (name(10), created_at DESC)');
    assert.deepEqual([fulltext.index.name, fulltext.index.method, spatial.index.method], ['ft_body', 'fulltext', 'spatial']);
    assert.ok(primary?.kind === 'add-constraint' && unique?.kind === 'add-constraint' && foreign?.kind === 'add-constraint' && check?.kind === 'add-constraint');
    assert.deepEqual([primary.constraint.kind, primary.constraint.name, primary.constraint.columns], ['primary-key', 'PRIMARY', ['id']]);
    assert.deepEqual([unique.constraint.kind, unique.constraint.name, unique.constraint.columns], ['unique', 'uq_email', ['email']]);
    assert.deepEqual([foreign.constraint.kind, foreign.constraint.name, foreign.constraint.columns], ['foreign-key', 'fk_org', ['org_id']]);
    assert.deepEqual([foreign.constraint.references?.table.name, foreign.constraint.references?.columns, foreign.constraint.references?.onDelete], ['orgs', ['id'], 'set null']);
    assert.equal(slice(text, foreign.constraint.range), 'CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL ON UPDATE CASCADE');
    assert.deepEqual([check.constraint.kind, check.constraint.name, check.constraint.check?.text, check.constraint.notNullColumns], [
      'check',
      'chk_age',
      '(age >= 0 AND name IS NOT NULL)',
      ['name'],
    ]);
    assert.deepEqual(check.constraint.check?.columns, ['age', 'name']);
  });

  it('lowers the DROP forms with their kinds, names and IF EXISTS insertion point', () => {
    const text = 'ALTER TABLE t DROP COLUMN a, DROP b, DROP INDEX idx, DROP KEY IF EXISTS k2, DROP PRIMARY KEY, DROP FOREIGN KEY fk, DROP CHECK chk, DROP CONSTRAINT c';
    const actions = actionsOf(text, mariadb1011);
    assert.deepEqual(actions.map((action) => slice(text, action.range)), [
      'DROP COLUMN a', 'DROP b', 'DROP INDEX idx', 'DROP KEY IF EXISTS k2', 'DROP PRIMARY KEY', 'DROP FOREIGN KEY fk', 'DROP CHECK chk', 'DROP CONSTRAINT c',
    ]);
    const [columnA, columnB, index, key, primary, foreign, check, constraint] = actions;
    assert.ok(columnA?.kind === 'drop-column' && columnB?.kind === 'drop-column');
    assert.deepEqual([columnA.column, columnA.ifExists, columnA.ifExistsInsertAt], ['a', false, text.indexOf('a,')]);
    assert.equal(columnB.column, 'b');
    assert.deepEqual(index, { kind: 'drop-index', range: index!.range, name: 'idx', ifExists: false });
    assert.deepEqual(key, { kind: 'drop-index', range: key!.range, name: 'k2', ifExists: true });
    assert.ok(primary?.kind === 'drop-constraint' && foreign?.kind === 'drop-constraint' && check?.kind === 'drop-constraint' && constraint?.kind === 'drop-constraint');
    assert.deepEqual([primary.name, primary.constraintKind], ['PRIMARY', 'primary-key']);
    assert.deepEqual([foreign.name, foreign.constraintKind], ['fk', 'foreign-key']);
    assert.deepEqual([check.name, check.constraintKind], ['chk', 'check']);
    assert.deepEqual([constraint.name, constraint.constraintKind], ['c', undefined]);
  });

  it('lowers DROP COLUMN IF EXISTS and ignores RESTRICT/CASCADE as the server does', () => {
    const text = 'ALTER TABLE t DROP COLUMN IF EXISTS old_col CASCADE';
    const action = onlyAction(text, 'drop-column', mariadb1011);
    assert.deepEqual([action.column, action.ifExists, action.cascade, slice(text, action.range)], ['old_col', true, true, 'DROP COLUMN IF EXISTS old_col CASCADE']);
  });

  it('lowers MODIFY and CHANGE as whole column redefinitions', () => {
    const text = 'ALTER TABLE t MODIFY COLUMN name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL AFTER id, CHANGE old_name new_name BIGINT UNSIGNED NULL';
    const [modify, change] = actionsOf(text);
    assert.ok(modify?.kind === 'change-column' && change?.kind === 'change-column');
    assert.deepEqual([modify.keyword, modify.column, modify.definition.name, modify.definition.type.canonical, modify.definition.type.modifiers], ['modify', 'name', 'name', 'varchar', [100]]);
    assert.deepEqual([modify.definition.charset?.value, modify.definition.collation?.value, modify.definition.notNull], ['utf8mb4', 'utf8mb4_bin', true]);
    assert.equal(slice(text, modify.definition.charset!.range), 'utf8mb4');
    assert.equal(slice(text, modify.definition.type.range), 'VARCHAR(100)');
    assert.deepEqual(modify.definition.position, { kind: 'after', column: 'id', range: modify.definition.position!.range });
    assert.deepEqual([change.keyword, change.column, change.definition.name, change.definition.type.unsigned], ['change', 'old_name', 'new_name', true]);
    assert.equal(slice(text, change.definition.type.range), 'BIGINT UNSIGNED');
    assert.equal(slice(text, change.range), 'CHANGE old_name new_name BIGINT UNSIGNED NULL');
  });

  it('lowers ALTER COLUMN defaults and visibility', () => {
    const text = "ALTER TABLE t ALTER COLUMN status SET DEFAULT 'new', ALTER kind DROP DEFAULT, ALTER COLUMN secret SET INVISIBLE, ALTER COLUMN created SET DEFAULT (now())";
    const [setDefault, dropDefault, invisible, expression] = actionsOf(text);
    assert.ok(setDefault?.kind === 'set-default' && expression?.kind === 'set-default');
    assert.deepEqual([setDefault.column, setDefault.default.text, setDefault.default.isConstant], ['status', "'new'", true]);
    assert.deepEqual(dropDefault, { kind: 'drop-default', range: dropDefault!.range, column: 'kind' });
    assert.deepEqual(invisible, { kind: 'other', range: invisible!.range, description: 'AlterColumnSetInvisible', column: 'secret' });
    assert.deepEqual([expression.default.text, expression.default.isConstant, expression.default.functionCalls], ['(now())', false, ['now']]);
  });

  it('lowers renames of columns, indexes and the table', () => {
    const text = 'ALTER TABLE t RENAME COLUMN a TO b, RENAME INDEX i1 TO i2, RENAME KEY k1 TO k2, RENAME TO db2.t2';
    const actions = actionsOf(text);
    assert.deepEqual(actions.map((action) => action.kind), ['rename-column', 'rename-index', 'rename-index', 'rename-table']);
    assert.deepEqual(actions.map((action) => ('from' in action ? [action.from, action.to] : 'to' in action ? action.to : undefined)), [['a', 'b'], ['i1', 'i2'], ['k1', 'k2'], 't2']);
    assert.deepEqual(onlyAction('ALTER TABLE t RENAME AS t3', 'rename-table').to, 't3');
    const ifExists = actionsOf('ALTER TABLE t RENAME COLUMN IF EXISTS a TO b, ALTER COLUMN IF EXISTS b SET DEFAULT 1, ADD CONSTRAINT IF NOT EXISTS ck CHECK (b > 0)', mariadb1011);
    assert.deepEqual(ifExists.map((action) => (action.kind === 'rename-column' ? [action.from, action.to] : action.kind === 'set-default' ? action.column : action.kind === 'add-constraint' ? action.constraint.name : action.kind)), [['a', 'b'], 'b', 'ck']);
  });

  it('lowers index visibility in the MySQL and the MariaDB spellings', () => {
    assert.equal(onlyAction('ALTER TABLE t ALTER INDEX i INVISIBLE', 'index-visibility').visible, false);
    assert.equal(onlyAction('ALTER TABLE t ALTER INDEX i VISIBLE', 'index-visibility').visible, true);
    assert.equal(onlyAction('ALTER TABLE t ALTER INDEX i IGNORED', 'index-visibility', mariadb1011).visible, false);
    const notIgnored = onlyAction('ALTER TABLE t ALTER INDEX i NOT IGNORED', 'index-visibility', mariadb1011);
    assert.deepEqual([notIgnored.name, notIgnored.visible], ['i', true]);
  });

  it('lowers CONVERT TO CHARACTER SET and the table options with the ranges of their values', () => {
    const text = "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, ENGINE=InnoDB DEFAULT CHARSET = utf8 COLLATE=utf8_bin, AUTO_INCREMENT = 100, ROW_FORMAT=DYNAMIC, KEY_BLOCK_SIZE=8, COMMENT = 'Users'";
    const [convert, ...options] = actionsOf(text);
    assert.ok(convert?.kind === 'convert-charset');
    assert.deepEqual([convert.charset.value, convert.collation?.value, slice(text, convert.charset.range)], ['utf8mb4', 'utf8mb4_unicode_ci', 'utf8mb4']);
    assert.deepEqual(options.map((action) => (action.kind === 'table-option' ? [action.option.name, action.option.value.value] : action.kind)), [
      ['engine', 'innodb'],
      ['charset', 'utf8'],
      ['collate', 'utf8_bin'],
      ['auto_increment', '100'],
      ['row_format', 'dynamic'],
      ['key_block_size', '8'],
      ['comment', 'Users'],
    ]);
    const charset = options[1];
    assert.ok(charset?.kind === 'table-option');
    assert.equal(slice(text, charset.range), 'DEFAULT CHARSET = utf8');
    assert.equal(slice(text, charset.option.value.range), 'utf8');
  });

  it('keeps the keyword actions, partitioning and unknown actions as actions', () => {
    const text = 'ALTER TABLE t FORCE, ORDER BY a, DISABLE KEYS, ENABLE KEYS, DISCARD TABLESPACE, IMPORT TABLESPACE, WITHOUT VALIDATION, SECONDARY_LOAD';
    assert.deepEqual(actionsOf(text).map((action) => (action.kind === 'other' ? action.description : action.kind)), [
      'Force', 'OrderBy', 'DisableKeys', 'EnableKeys', 'DiscardTablespace', 'ImportTablespace', 'WithoutValidation', 'SECONDARY_LOAD',
    ]);
    const partition = 'ALTER TABLE t ADD COLUMN x INT PARTITION BY HASH (id) PARTITIONS 4';
    const [column, partitioning] = actionsOf(partition);
    assert.equal(column?.kind, 'add-column');
    assert.ok(partitioning?.kind === 'partitioning');
    assert.equal(partitioning.description, 'PARTITION BY HASH (id) PARTITIONS 4');
    const drop = onlyAction('ALTER TABLE t DROP PARTITION p1, p2', 'partitioning');
    assert.equal(drop.description, 'DROP PARTITION p1, p2');
    assert.equal(onlyAction('ALTER TABLE t REMOVE PARTITIONING', 'partitioning').description, 'REMOVE PARTITIONING');
  });

  it('reads ALTER ONLINE / IGNORE and MariaDB IF EXISTS and WAIT before the actions', () => {
    const alter = single('ALTER ONLINE IGNORE TABLE IF EXISTS t WAIT 5 ADD COLUMN x INT', 'alter-table', mariadb1011);
    assert.deepEqual([alter.ifExists, alter.table.name, alter.actions.map((action) => action.kind)], [true, 't', ['add-column']]);
  });
});

describe('MySQL lowering: column definitions', () => {
  it('lowers NULL-ness, defaults, AUTO_INCREMENT, inline keys, comments, generated columns and visibility', () => {
    const text = `CREATE TABLE t (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin UNIQUE KEY COMMENT 'login',
  created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  price DECIMAL(10,2) DEFAULT -1.5,
  note TEXT DEFAULT NULL INVISIBLE,
  total INT GENERATED ALWAYS AS (price * 2) STORED,
  lower_email VARCHAR(255) AS (lower(email)) PERSISTENT,
  tag CHAR(2) AS (upper(note)),
  age INT CHECK (age > 0),
  kind ENUM('a', 'b''c') NOT NULL DEFAULT 'a',
  point_col POINT NOT NULL SRID 4326
)`;
    const create = single(text, 'create-table');
    const byName = new Map(create.columns.map((column) => [column.name, column]));
    const id = byName.get('id')!;
    assert.deepEqual([id.notNull, id.autoIncrement, id.primaryKey, id.type.unsigned, id.constraints.map((constraint) => constraint.kind)], [true, true, true, true, ['primary-key']]);
    const email = byName.get('email')!;
    assert.deepEqual([email.unique, email.charset?.value, email.collation?.value, email.notNull], [true, 'ascii', 'ascii_bin', false]);
    assert.equal(slice(text, email.range), "email VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin UNIQUE KEY COMMENT 'login'");
    assert.equal(slice(text, email.nameRange), 'email');
    const created = byName.get('created_at')!;
    assert.deepEqual([created.type.canonical, created.type.modifiers, created.default?.text, created.default?.functionCalls, created.default?.isConstant], [
      'timestamp', [6], 'CURRENT_TIMESTAMP(6)', ['current_timestamp'], false,
    ]);
    const price = byName.get('price')!;
    assert.deepEqual([price.type.modifiers, price.default?.text, price.default?.isConstant], [[10, 2], '-1.5', true]);
    const note = byName.get('note')!;
    assert.deepEqual([note.default?.isNull, note.default?.isConstant], [true, true]);
    assert.deepEqual([byName.get('total')?.generated, byName.get('lower_email')?.generated, byName.get('tag')?.generated], [{ stored: true }, { stored: true }, { stored: false }]);
    const age = byName.get('age')!;
    assert.deepEqual(age.constraints.map((constraint) => [constraint.kind, constraint.columns, constraint.check?.text]), [['check', ['age'], '(age > 0)']]);
    const kind = byName.get('kind')!;
    assert.deepEqual([kind.type.canonical, kind.type.values, kind.default?.text], ['enum', ['a', "b'c"], "'a'"]);
    assert.equal(slice(text, kind.type.range), "ENUM('a', 'b''c')");
    assert.equal(byName.get('point_col')?.type.canonical, 'point');
  });

  it('records inline REFERENCES as ignored on MySQL 8 and as a foreign key where the server creates one', () => {
    const text = 'CREATE TABLE c (id INT PRIMARY KEY, parent_id INT NOT NULL REFERENCES parent (id) ON DELETE CASCADE)';
    const onMysql8 = single(text, 'create-table').columns[1]!;
    assert.deepEqual(onMysql8.constraints, []);
    assert.equal(onMysql8.ignoredReferences?.references.table.name, 'parent');
    assert.equal(onMysql8.ignoredReferences?.references.onDelete, 'cascade');
    assert.equal(slice(text, onMysql8.ignoredReferences!.range), 'REFERENCES parent (id) ON DELETE CASCADE');
    // MariaDB 10.11 creates the key (checked against information_schema.REFERENTIAL_CONSTRAINTS), as MySQL 9 does.
    for (const options of [mariadb1011, { dialect: 'mysql', version: { major: 9, minor: 0, patch: 0 } } satisfies MysqlParseOptions]) {
      const column = single(text, 'create-table', options).columns[1]!;
      assert.equal(column.ignoredReferences, undefined);
      assert.deepEqual(column.constraints.map((constraint) => [constraint.kind, constraint.columns, constraint.references?.table.name]), [['foreign-key', ['parent_id'], 'parent']]);
    }
  });

  it('lowers SERIAL and SERIAL DEFAULT VALUE as BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE', () => {
    const create = single('CREATE TABLE t (id SERIAL, n INT SERIAL DEFAULT VALUE)', 'create-table');
    const [id, n] = create.columns;
    assert.deepEqual([id?.type.canonical, id?.type.unsigned, id?.notNull, id?.autoIncrement, id?.unique], ['bigint', true, true, true, true]);
    assert.deepEqual([n?.type.canonical, n?.notNull, n?.autoIncrement, n?.unique], ['int', true, true, true]);
  });
});

describe('MySQL lowering: types', () => {
  const typeOf = (written: string) => single(`ALTER TABLE t ADD COLUMN c ${written}`, 'alter-table').actions[0];
  const canonical = (written: string): [string, readonly number[], boolean] => {
    const action = typeOf(written);
    assert.ok(action?.kind === 'add-column', written);
    return [action.column.type.canonical, action.column.type.modifiers, action.column.type.unsigned ?? false];
  };

  it('folds synonyms into MySQL base names', () => {
    assert.deepEqual(canonical('INTEGER'), ['int', [], false]);
    assert.deepEqual(canonical('BOOLEAN'), ['tinyint', [1], false]);
    assert.deepEqual(canonical('BOOL'), ['tinyint', [1], false]);
    assert.deepEqual(canonical('NUMERIC(8,3)'), ['decimal', [8, 3], false]);
    assert.deepEqual(canonical('DEC(5)'), ['decimal', [5], false]);
    assert.deepEqual(canonical('FIXED'), ['decimal', [], false]);
    assert.deepEqual(canonical('REAL'), ['double', [], false]);
    assert.deepEqual(canonical('DOUBLE PRECISION'), ['double', [], false]);
    assert.deepEqual(canonical('FLOAT(30)'), ['double', [], false]);
    assert.deepEqual(canonical('FLOAT(7,4)'), ['float', [7, 4], false]);
    assert.deepEqual(canonical('CHARACTER(3)'), ['char', [3], false]);
    assert.deepEqual(canonical('CHARACTER VARYING(30)'), ['varchar', [30], false]);
    assert.deepEqual(canonical('LONG VARCHAR'), ['mediumtext', [], false]);
    assert.deepEqual(canonical('LONG VARBINARY'), ['mediumblob', [], false]);
    assert.deepEqual(canonical('INT1'), ['tinyint', [], false]);
    assert.deepEqual(canonical('INT3'), ['mediumint', [], false]);
    assert.deepEqual(canonical('INT8'), ['bigint', [], false]);
    assert.deepEqual(canonical('MIDDLEINT'), ['mediumint', [], false]);
    assert.deepEqual(canonical('JSON'), ['json', [], false]);
  });

  it('drops integer display widths except tinyint(1), and reads UNSIGNED, SIGNED and ZEROFILL', () => {
    assert.deepEqual(canonical('INT(11)'), ['int', [], false]);
    assert.deepEqual(canonical('bigint(20) unsigned'), ['bigint', [], true]);
    assert.deepEqual(canonical('TINYINT(1)'), ['tinyint', [1], false]);
    assert.deepEqual(canonical('TINYINT(4)'), ['tinyint', [], false]);
    assert.deepEqual(canonical('INT(10) ZEROFILL'), ['int', [], true]);
    assert.deepEqual(canonical('INT SIGNED'), ['int', [], false]);
    assert.deepEqual(canonical('DECIMAL(10,2) UNSIGNED'), ['decimal', [10, 2], true]);
    assert.deepEqual(canonical('YEAR(4)'), ['year', [], false]);
  });

  it('gives NCHAR and NATIONAL types their implied utf8mb3 character set', () => {
    for (const [written, base] of [['NCHAR(10)', 'char'], ['NATIONAL CHARACTER(2)', 'char'], ['NVARCHAR(20)', 'varchar'], ['NATIONAL VARCHAR(5)', 'varchar'], ['NCHAR VARYING(5)', 'varchar']] as const) {
      const action = typeOf(written);
      assert.ok(action?.kind === 'add-column');
      assert.deepEqual([action.column.type.canonical, action.column.charset?.value], [base, 'utf8mb3'], written);
    }
  });

  it('covers the whole written type in its range, UNSIGNED included', () => {
    const text = 'ALTER TABLE t MODIFY c int(10) unsigned zerofill NOT NULL';
    const action = onlyAction(text, 'change-column');
    assert.equal(slice(text, action.definition.type.range), 'int(10) unsigned zerofill');
  });

  it('reads ENUM and SET values in order', () => {
    const text = "ALTER TABLE t ADD COLUMN s SET('x', 'y') NOT NULL, ADD e ENUM ('on','off')";
    const [set, enumeration] = actionsOf(text);
    assert.ok(set?.kind === 'add-column' && enumeration?.kind === 'add-column');
    assert.deepEqual([set.column.type.canonical, set.column.type.values], ['set', ['x', 'y']]);
    assert.deepEqual([enumeration.column.type.canonical, enumeration.column.type.values], ['enum', ['on', 'off']]);
  });
});

describe('MySQL lowering: CREATE TABLE', () => {
  it('lowers table constraints, indexes with prefixes and expressions, and options', () => {
    const text = `CREATE TABLE IF NOT EXISTS \`shop\`.\`Orders\` (
  \`id\` bigint(20) NOT NULL AUTO_INCREMENT,
  \`user_id\` int(11) NOT NULL,
  \`code\` varchar(64) NOT NULL,
  \`body\` text,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uq_code\` (\`code\`),
  KEY \`idx_user\` (\`user_id\`, \`code\`(10)) USING BTREE,
  INDEX idx_lower ((lower(code))),
  FULLTEXT KEY ft_body (body),
  CONSTRAINT \`fk_user\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE,
  CONSTRAINT chk_code CHECK (code <> '')
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='orders' ROW_FORMAT=COMPRESSED;`;
    const create = single(text, 'create-table');
    assert.deepEqual([create.ifNotExists, create.table.schema, create.table.name, create.temporary, create.fromQuery], [true, 'shop', 'orders', false, false]);
    assert.deepEqual(create.columns.map((column) => [column.name, column.type.canonical]), [['id', 'bigint'], ['user_id', 'int'], ['code', 'varchar'], ['body', 'text']]);
    assert.deepEqual(create.constraints.map((constraint) => [constraint.kind, constraint.name, constraint.columns]), [
      ['primary-key', 'PRIMARY', ['id']],
      ['unique', 'uq_code', ['code']],
      ['foreign-key', 'fk_user', ['user_id']],
      ['check', 'chk_code', []],
    ]);
    assert.equal(create.constraints[2]?.references?.onDelete, 'cascade');
    assert.equal(slice(text, create.constraints[2]!.range), 'CONSTRAINT `fk_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE');
    const indexes = create.indexes ?? [];
    assert.deepEqual(indexes.map((index) => [index.name, index.method]), [['idx_user', 'btree'], ['idx_lower', 'btree'], ['ft_body', 'fulltext']]);
    assert.deepEqual(indexes[0]?.elements, [{ column: 'user_id', expression: undefined }, { column: 'code', expression: undefined, prefixLength: 10 }]);
    assert.equal(slice(text, indexes[0]!.range), 'KEY `idx_user` (`user_id`, `code`(10)) USING BTREE');
    assert.equal(indexes[1]?.elements[0]?.column, undefined);
    assert.equal(indexes[1]?.elements[0]?.expression?.text, '(lower(code))');
    assert.deepEqual(indexes[1]?.elements[0]?.expression?.functionCalls, ['lower']);
    assert.deepEqual((create.options ?? []).map((option) => [option.name, option.value.value]), [
      ['engine', 'innodb'],
      ['auto_increment', '42'],
      ['charset', 'utf8mb4'],
      ['collate', 'utf8mb4_0900_ai_ci'],
      ['comment', 'orders'],
      ['row_format', 'compressed'],
    ]);
    assert.equal(slice(text, create.options![2]!.range), 'DEFAULT CHARSET=utf8mb4');
  });

  it('lowers TEMPORARY, LIKE and AS SELECT tables as filled from elsewhere', () => {
    const temporary = single('CREATE TEMPORARY TABLE tmp (a INT)', 'create-table');
    assert.deepEqual([temporary.temporary, temporary.fromQuery], [true, false]);
    assert.equal(single('CREATE TABLE t2 LIKE t1', 'create-table').fromQuery, true);
    assert.equal(single('CREATE TABLE t2 (LIKE t1)', 'create-table').fromQuery, true);
    const selected = single('CREATE TABLE t3 ENGINE=InnoDB AS SELECT id FROM t1', 'create-table');
    assert.deepEqual([selected.fromQuery, selected.options?.[0]?.name], [true, 'engine']);
    assert.equal(single('CREATE TABLE t4 (extra INT) SELECT id FROM t1', 'create-table').fromQuery, true);
    const partitioned = single('CREATE TABLE p (id INT) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10))', 'create-table');
    assert.equal(partitioned.fromQuery, false);
  });
});

describe('MySQL lowering: other DDL', () => {
  it('lowers CREATE INDEX with its kind, method, ALGORITHM/LOCK and fix offsets', () => {
    const text = 'CREATE UNIQUE INDEX idx_email ON app.users (email(20), tenant_id) USING BTREE ALGORITHM=INPLACE LOCK = NONE;';
    const index = single(text, 'create-index');
    assert.deepEqual([index.name?.name, index.table.schema, index.table.name, index.unique, index.method], ['idx_email', 'app', 'users', true, 'btree']);
    assert.deepEqual(index.elements, [{ column: 'email', expression: undefined, prefixLength: 20 }, { column: 'tenant_id', expression: undefined }]);
    assert.equal(slice(text, index.indexKeywordRange), 'INDEX');
    assert.equal(index.ifNotExistsInsertAt, text.indexOf('idx_email'));
    assert.equal(index.onlineDdl?.algorithm?.value, 'INPLACE');
    assert.equal(slice(text, index.onlineDdl!.lock!.range), 'LOCK = NONE');
    assert.equal(index.onlineDdl?.clausesInsertAt, text.length - 1);
    const fulltext = single('CREATE FULLTEXT INDEX ft ON posts (title, body)', 'create-index');
    assert.deepEqual([fulltext.method, fulltext.unique, fulltext.onlineDdl?.clausesInsertAt], ['fulltext', false, 'CREATE FULLTEXT INDEX ft ON posts (title, body)'.length]);
  });

  it('lowers DROP INDEX … ON with its table and clauses', () => {
    const text = 'DROP INDEX `idx_a` ON `t` ALGORITHM=INPLACE LOCK=NONE;';
    const drop = single(text, 'drop');
    assert.deepEqual([drop.objectKind, drop.names.map((name) => name.name), drop.onTable?.name, drop.onlineDdl?.lock?.value], ['index', ['idx_a'], 't', 'NONE']);
    assert.equal(slice(text, drop.kindKeywordRange), 'INDEX');
    assert.equal(drop.ifExistsInsertAt, text.indexOf('`idx_a`'));
    assert.equal(drop.onlineDdl?.clausesInsertAt, text.length - 1);
  });

  it('lowers DROP of tables, views, databases, routines, triggers and events', () => {
    const drop = single('DROP TEMPORARY TABLE IF EXISTS a, db.b CASCADE', 'drop');
    assert.deepEqual([drop.objectKind, drop.ifExists, drop.cascade, drop.names.map((name) => [name.schema, name.name])], ['table', true, true, [[undefined, 'a'], ['db', 'b']]]);
    const kinds = ['DROP VIEW v', 'DROP DATABASE IF EXISTS d', 'DROP SCHEMA s', 'DROP PROCEDURE p', 'DROP FUNCTION IF EXISTS f', 'DROP TRIGGER db.tr', 'DROP EVENT e'].map(
      (text) => single(text, 'drop').objectKind,
    );
    assert.deepEqual(kinds, ['view', 'schema', 'schema', 'function', 'function', 'trigger', 'other']);
  });

  it('lowers RENAME TABLE into one rename per pair', () => {
    const text = 'RENAME TABLE old1 TO new1, db.old2 TO db.new2;';
    const statements = statementsOf(text);
    assert.deepEqual(statements.map((statement) => (statement.kind === 'rename-object' ? [statement.objectKind, statement.name.schema, statement.name.name, statement.to] : statement.kind)), [
      ['table', undefined, 'old1', 'new1'],
      ['table', 'db', 'old2', 'new2'],
    ]);
    assert.deepEqual(statements.map((statement) => statement.text), [text, text]);
  });

  it('lowers what a view reads: its tables with their ranges, without common table expressions, and its columns', () => {
    const text = 'CREATE VIEW report (a, b) AS WITH recent AS (SELECT * FROM orders) SELECT u.name, r.total FROM `Users` u JOIN recent r ON r.user_id = u.id, shop.items, (SELECT 1 AS one) AS s WHERE u.active = 1 WITH CHECK OPTION';
    const view = single(text, 'create-other');
    assert.deepEqual(view.reads?.relations.map((relation) => [relation.schema, relation.name, slice(text, relation.range)]), [
      [undefined, 'orders', 'orders'],
      [undefined, 'users', '`Users`'],
      ['shop', 'items', 'shop.items'],
    ]);
    assert.deepEqual(view.reads?.columns, ['name', 'total', 'user_id', 'id', 'active']);
  });

  it('lowers TRUNCATE, CREATE DATABASE, views, routines, triggers and events', () => {
    assert.deepEqual(single('TRUNCATE TABLE db.t', 'truncate').tables.map((table) => table.name), ['t']);
    assert.deepEqual(single('TRUNCATE t', 'truncate').tables.map((table) => table.name), ['t']);
    const database = single('CREATE DATABASE IF NOT EXISTS shop DEFAULT CHARACTER SET utf8mb4', 'create-other');
    assert.deepEqual([database.objectKind, database.name?.name, database.ifNotExists], ['schema', 'shop', true]);
    const options = single("CREATE SCHEMA shop CHARSET = 'utf8' COLLATE utf8_bin COMMENT 'c'", 'create-other').options;
    assert.deepEqual(options?.map((option) => [option.name, option.value.value]), [['charset', 'utf8'], ['collate', 'utf8_bin'], ['comment', 'c']]);
    const view = single("CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW v_users AS SELECT id FROM users", 'create-other');
    assert.deepEqual([view.objectKind, view.name?.name, view.reads], ['view', 'v_users', { relations: [view.reads!.relations[0]], columns: ['id'] }]);
    assert.deepEqual(view.reads?.relations.map((relation) => relation.name), ['users']);
    const procedure = single("CREATE DEFINER='admin'@'%' PROCEDURE add_user(IN n INT) BEGIN INSERT INTO users VALUES (n); END", 'create-other');
    assert.deepEqual([procedure.objectKind, procedure.name?.name], ['function', 'add_user']);
    const trigger = single('CREATE DEFINER=CURRENT_USER TRIGGER tr_bi BEFORE INSERT ON db.users FOR EACH ROW SET NEW.created = NOW()', 'create-trigger');
    assert.deepEqual([trigger.name, trigger.table.schema, trigger.table.name], ['tr_bi', 'db', 'users']);
    assert.deepEqual(single('CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO DELETE FROM t', 'create-other').objectKind, 'other');
  });
});

describe('MySQL lowering: SET, transactions and classified statements', () => {
  const sets = (text: string, options: MysqlParseOptions = mysql80) =>
    statementsOf(text, options).map((statement) => (statement.kind === 'set' ? [statement.name, statement.value, statement.global ?? false, statement.local] : statement.kind));

  it('lowers one set per assignment with the scope and the name without @@', () => {
    assert.deepEqual(sets('SET foreign_key_checks = 0, SESSION lock_wait_timeout = 5, @@GLOBAL.max_execution_time = 1000, @@session.sql_mode = \'STRICT_ALL_TABLES\''), [
      ['foreign_key_checks', '0', false, false],
      ['lock_wait_timeout', '5', false, false],
      ['max_execution_time', '1000', true, false],
      ['sql_mode', 'STRICT_ALL_TABLES', false, false],
    ]);
    assert.deepEqual(sets('SET GLOBAL a = 1, b = DEFAULT'), [['a', '1', true, false], ['b', undefined, true, false]]);
    assert.deepEqual(sets('SET @x = 1, @@max_statement_time = 2'), ['other', ['max_statement_time', '2', false, false]]);
    assert.deepEqual(sets('SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS'), [['foreign_key_checks', '@OLD_FOREIGN_KEY_CHECKS', false, false]]);
  });

  it('lowers SET NAMES, SET CHARACTER SET and SET TRANSACTION', () => {
    assert.deepEqual(sets('SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci'), [['names', 'utf8mb4', false, false]]);
    assert.deepEqual(sets('SET CHARACTER SET latin1'), [['character_set', 'latin1', false, false]]);
    const text = "SET NAMES 'utf8' COLLATE utf8_unicode_ci";
    const names = single(text, 'set');
    assert.deepEqual([names.charset?.value, names.collation?.value], ['utf8', 'utf8_unicode_ci']);
    assert.deepEqual([names.charset && slice(text, names.charset.range), names.collation && slice(text, names.collation.range)], ["'utf8'", 'utf8_unicode_ci']);
    assert.equal(single('SET NAMES DEFAULT', 'set').charset, undefined);
    assert.deepEqual(sets('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'), [['transaction', 'ISOLATION LEVEL READ COMMITTED', false, false]]);
  });

  it("lowers MariaDB's SET STATEMENT … FOR as local settings, then the statement", () => {
    const statements = statementsOf('SET STATEMENT max_statement_time = 60, lock_wait_timeout = 2 FOR ALTER TABLE t ADD COLUMN c INT', mariadb1011);
    assert.deepEqual(statements.map((statement) => (statement.kind === 'set' ? [statement.name, statement.value, statement.local] : statement.kind)), [
      ['max_statement_time', '60', true],
      ['lock_wait_timeout', '2', true],
      'alter-table',
    ]);
  });

  it('lowers transaction control and classifies utility statements', () => {
    const actions = ['START TRANSACTION', 'BEGIN', 'BEGIN WORK', 'COMMIT', 'ROLLBACK', 'ROLLBACK TO SAVEPOINT s', 'SAVEPOINT s', 'RELEASE SAVEPOINT s'].map(
      (text) => single(text, 'transaction').action,
    );
    assert.deepEqual(actions, ['begin', 'begin', 'begin', 'commit', 'rollback', 'rollback-to', 'savepoint', 'release']);
    const nodeTypes = [
      'USE shop', 'LOCK TABLES t WRITE', 'UNLOCK TABLES', "GRANT SELECT ON db.* TO 'u'@'%'", 'CALL migrate(1)', "PREPARE s FROM 'SELECT 1'",
      'EXECUTE s', 'DEALLOCATE PREPARE s', 'OPTIMIZE TABLE t', 'ANALYZE TABLE t', 'ALTER DATABASE d CHARACTER SET utf8mb4', "CREATE USER 'u'@'%'",
    ].map((text) => single(text, 'other').nodeType);
    assert.deepEqual(nodeTypes, ['Use', 'LockTables', 'UnlockTables', 'Grant', 'Call', 'Prepare', 'Execute', 'Deallocate', 'OptimizeTable', 'AnalyzeTable', 'AlterDatabase', 'CreateUser']);
  });
});

describe('MySQL lowering: executable comments', () => {
  it('lowers an executable comment the configured version runs, and nothing when it skips it', () => {
    const text = '/*!40101 SET NAMES utf8mb4 */;';
    assert.deepEqual(statementsOf(text).map((statement) => statement.kind), ['set']);
    const later = '/*!80030 ALTER TABLE t ADD COLUMN c INT */;';
    assert.deepEqual(statementsOf(later, { dialect: 'mysql', version: { major: 8, minor: 0, patch: 29 } }).map((statement) => statement.kind), []);
    assert.deepEqual(statementsOf(later, { dialect: 'mysql', version: { major: 8, minor: 0, patch: 30 } }).map((statement) => statement.kind), ['alter-table']);
  });

  it('reads the statement inside a version comment with the real offsets', () => {
    const text = 'ALTER TABLE t /*!50100 ADD COLUMN c INT */, ALGORITHM=INSTANT';
    const alter = single(text, 'alter-table');
    assert.deepEqual(alter.actions.map((action) => slice(text, action.range)), ['ADD COLUMN c INT']);
    assert.equal(alter.onlineDdl?.algorithm?.value, 'INSTANT');
  });
});

describe('MySQL lowering: DML', () => {
  it('lowers a SELECT shape with aliases resolved, joins, ranges, prefix LIKE, ORDER BY and row locks', () => {
    const text = "SELECT o.id FROM orders AS o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' AND o.total > 10 AND c.name LIKE 'Jo%' AND o.kind IN (1, 2) ORDER BY o.created_at DESC FOR UPDATE";
    const select = single(text, 'select');
    assert.equal(select.writes, 'row-locks');
    assert.deepEqual(select.shape?.tables, [
      { schema: undefined, name: 'orders', alias: 'o', ref: 'o' },
      { schema: undefined, name: 'customers', alias: 'c', ref: 'c' },
    ]);
    assert.deepEqual(select.shape?.columns, [
      { table: 'c', column: 'id', use: 'join', partner: { table: 'o', column: 'customer_id' } },
      { table: 'o', column: 'customer_id', use: 'join', partner: { table: 'c', column: 'id' } },
      { table: 'o', column: 'status', use: 'eq' },
      { table: 'o', column: 'total', use: 'range', operator: '>' },
      { table: 'c', column: 'name', use: 'prefix-like' },
      { table: 'o', column: 'kind', use: 'eq' },
      { table: 'o', column: 'created_at', use: 'order', direction: 'desc' },
    ]);
    assert.notEqual(select.raw, undefined);
  });

  it('shapes MariaDB DML that only node-sql-parser\'s MySQL grammar reads (a bare `status` column)', () => {
    const select = single("SELECT id FROM orders WHERE status = 'open' ORDER BY created_at", 'select', mariadb1011);
    assert.deepEqual(select.shape?.columns, [
      { table: 'orders', column: 'status', use: 'eq' },
      { table: 'orders', column: 'created_at', use: 'order', direction: 'asc' },
    ]);
  });

  it('leaves OR branches and outer-join preserved sides out of the shape, and folds names', () => {
    const text = 'SELECT * FROM `Users` u LEFT JOIN posts p ON p.user_id = u.id AND u.active = 1 WHERE u.ID = 5 OR u.email IS NULL GROUP BY u.Country';
    const select = single(text, 'select');
    assert.deepEqual(select.shape?.columns, [
      { table: 'p', column: 'user_id', use: 'join', partner: { table: 'u', column: 'id' } },
      { table: 'u', column: 'id', use: 'join', partner: { table: 'p', column: 'user_id' }, preserved: true },
      { table: 'u', column: 'country', use: 'group' },
    ]);
    assert.equal(select.shape?.tables[0]?.name, 'users');
  });

  it('lowers UPDATE and DELETE with their table range, WHERE and shape', () => {
    const updateText = 'UPDATE `shop`.`orders` SET status = 2 WHERE id = 7';
    const update = single(updateText, 'update');
    assert.deepEqual([update.table.schema, update.table.name, update.hasWhere, slice(updateText, update.table.range)], ['shop', 'orders', true, '`shop`.`orders`']);
    assert.deepEqual(update.shape?.columns, [{ table: 'orders', column: 'id', use: 'eq' }]);
    const deleteAll = single('DELETE FROM sessions', 'delete');
    assert.deepEqual([deleteAll.table.name, deleteAll.hasWhere], ['sessions', false]);
    const multiText = 'DELETE s FROM sessions AS s JOIN users u ON u.id = s.user_id WHERE u.deleted = 1';
    const multi = single(multiText, 'delete');
    assert.deepEqual([multi.table.name, multi.hasWhere, slice(multiText, multi.table.range)], ['sessions', true, 'sessions']);
  });

  it('lowers INSERT … VALUES from tokens alone and INSERT … SELECT with its shape', () => {
    const values = single("INSERT IGNORE INTO t (a, b) VALUES (1, 'x'), (2, 'y')", 'insert');
    assert.deepEqual([values.table.name, values.fromQuery, values.shape, values.raw], ['t', false, undefined, undefined]);
    const replace = single('REPLACE INTO t SET a = 1', 'insert');
    assert.deepEqual([replace.table.name, replace.fromQuery], ['t', false]);
    const selected = single('INSERT INTO archive (id) SELECT id FROM orders WHERE created < 5', 'insert');
    assert.deepEqual([selected.table.name, selected.fromQuery], ['archive', true]);
    assert.deepEqual(selected.shape?.columns, [{ table: 'orders', column: 'created', use: 'range', operator: '<' }]);
  });

  it('keeps kind, table and WHERE from tokens when node-sql-parser rejects the statement', () => {
    const update = single('UPDATE LOW_PRIORITY t SET a = a <=> 1 WHERE id = 1', 'update');
    assert.deepEqual([update.table.name, update.hasWhere, update.shape, update.raw], ['t', true, undefined, undefined]);
    const select = single('SELECT * FROM t WHERE a <=> 1 FOR SHARE', 'select');
    assert.deepEqual([select.writes, select.shape], ['row-locks', undefined]);
  });

  it('lowers WITH … statements by the statement after the common table expressions', () => {
    const select = single('WITH recent AS (SELECT id FROM orders) SELECT * FROM recent JOIN users ON users.id = recent.id', 'select');
    assert.deepEqual(select.shape?.tables.map((table) => table.name), ['users']);
  });
});

describe('MySQL lowering: syntax errors and unanalyzed statements', () => {
  it('reports a broken DDL statement at its exact offset', () => {
    const missingType = 'ALTER TABLE t ADD COLUMN c, ADD COLUMN d INT';
    const typeError = lower(missingType).syntaxError;
    assert.equal(typeError?.offset, missingType.indexOf(', ADD'));
    assert.match(typeError?.message ?? '', /needs a data type/);
    const nothing = 'ALTER TABLE t ADD COLUMN;';
    const nameError = lower(nothing).syntaxError;
    assert.equal(nameError?.offset, nothing.length - 1);
    assert.match(nameError?.message ?? '', /column name/);
    const unclosed = 'CREATE TABLE t (a INT, b VARCHAR(10)';
    assert.equal(lower(unclosed).syntaxError?.offset, unclosed.length);
    assert.deepEqual(lower(unclosed).statements, []);
  });

  it('marks a statement nothing understands as unanalyzed, never as a syntax error', () => {
    const outcome = lower('FROBNICATE EVERYTHING NOW');
    assert.equal(outcome.syntaxError, undefined);
    assert.deepEqual(outcome.statements, []);
    assert.match(outcome.unanalyzed?.message ?? '', /node-sql-parser does not support this statement: FROBNICATE EVERYTHING NOW/);
  });

  it('lowers a statement that is only comments, or a skipped version comment, to nothing', () => {
    assert.deepEqual(lower('/*!99999 ALTER TABLE t FORCE */;'), { statements: [], syntaxError: undefined });
  });
});

describe('MySQL lowering: statement fields', () => {
  it('sets the dialect, the split range, the text and no raw AST for token-lowered DDL', () => {
    const fileText = 'SELECT 1;\nALTER TABLE t ENGINE=InnoDB;\n';
    const range = { start: 10, end: 38 };
    const outcome = parseMysqlStatement(fileText, range, mariadb1011);
    const [statement] = outcome.statements;
    assert.deepEqual([statement?.dialect, statement?.range, statement?.text, statement?.raw], ['mariadb', range, 'ALTER TABLE t ENGINE=InnoDB;', undefined]);
    assert.equal(statement?.kind === 'alter-table' ? fileText.slice(statement.table.range.start, statement.table.range.end) : '', 't');
  });
});

describe('MySQL lowering: statements the server accepts', () => {
  it('lowers every statement MariaDB 10.11 accepted, in the kinds it has', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'mariadb-accepted.sql'), 'utf8');
    const kinds = splitMysql(text, mariadb1011).segments.map((segment) => {
      const outcome = parseMysqlStatement(text, segment.range, mariadb1011);
      const where = text.slice(segment.range.start, segment.range.end);
      assert.equal(outcome.syntaxError, undefined, `${where}: ${outcome.syntaxError?.message}`);
      assert.equal(outcome.unanalyzed, undefined, where);
      return outcome.statements
        .map((statement) => (statement.kind === 'alter-table' ? `alter:${statement.actions.map((action) => action.kind).join('+')}` : statement.kind === 'other' ? `other:${statement.nodeType}` : statement.kind))
        .join(',');
    });
    assert.deepEqual(kinds, [
      'create-table', 'create-table', 'alter:add-column+add-column', 'alter:add-column+drop-column+change-column+change-column', 'alter:set-default+drop-default',
      'alter:rename-column+rename-index+set-default', 'alter:add-constraint+add-constraint+drop-constraint', 'alter:add-index+add-index+drop-index', 'alter:index-visibility', 'alter:drop-constraint+drop-constraint+add-constraint',
      'alter:convert-charset', 'alter:table-option+table-option+table-option+table-option+other', 'alter:other', 'alter:add-column', 'alter:other', 'alter:other',
      'alter:rename-table', 'rename-object,rename-object', 'create-index', 'create-index', 'drop', 'drop', 'create-table', 'create-table', 'create-table',
      'create-table', 'create-table', 'create-table', 'create-table', 'alter:add-index+add-column', 'alter:partitioning', 'truncate', 'set,alter:add-column',
      'set,set,other:SetUserVariable,set', 'set', 'set', 'set', 'create-other', 'drop', 'create-other', 'drop', 'create-other', 'drop', 'drop',
    ]);
  });
});

describe('MySQL lowering: broken input', () => {
  it('never throws on statements cut short or with tokens dropped, and reports errors inside the statement', () => {
    const source = readFileSync(join(import.meta.dirname, 'fixtures', 'mariadb-accepted.sql'), 'utf8');
    const statements = splitMysql(source, mariadb1011).segments.map((segment) => source.slice(segment.range.start, segment.range.end));
    let seed = 1234;
    // Deterministic LCG, so a failure reproduces.
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let syntaxErrors = 0;
    for (const statement of statements) {
      const words = statement.split(/(?<=[\s(),])/);
      for (let round = 0; round < 20; round++) {
        const kept = words.filter(() => random() > 0.15).slice(0, Math.ceil(random() * words.length));
        const text = kept.join('');
        for (const options of [mysql80, mariadb1011]) {
          const outcome = lower(text, options);
          if (!outcome.syntaxError) continue;
          syntaxErrors++;
          assert.ok(outcome.syntaxError.offset >= 0 && outcome.syntaxError.offset <= text.length, `${text}: offset ${outcome.syntaxError.offset}`);
          assert.deepEqual(outcome.statements, [], text);
        }
      }
    }
    assert.ok(syntaxErrors > 0, 'some broken statements are reported as syntax errors');
  });
});

describe('MySQL query shapes on demand', () => {
  it('leaves shapes out of the analysis, and lowers them for Explain when asked', async () => {
    const { loadEngine, queryShape, resolveFileSettings } = await import('../../server/src/engine');
    const analyzer = await loadEngine();
    const text = "-- sqlsight: dialect=mysql\nSELECT id FROM orders WHERE customer_id = 7 ORDER BY created_at;\nUPDATE orders JOIN customers c ON c.id = orders.customer_id SET orders.total = 0;\n";
    const analysis = analyzer.analyze({ path: 'q.sql', text, settings: resolveFileSettings({}, () => false) });
    const [select, update] = analysis.statements;
    assert.equal(select?.kind, 'select');
    assert.equal(select?.kind === 'select' ? select.shape : 'no select', undefined, 'no node-sql-parser call for a SELECT during analysis');
    assert.deepEqual(select && queryShape(select)?.columns, [
      { table: 'orders', column: 'customer_id', use: 'eq' },
      { table: 'orders', column: 'created_at', use: 'order', direction: 'asc' },
    ]);
    // An UPDATE without WHERE keeps its shape: unbounded-dml asks whether the join bounds it.
    assert.ok(update?.kind === 'update' && update.shape !== undefined);
    assert.ok(!analysis.findings.some((finding) => finding.ruleId === 'unbounded-dml'), 'the inner join bounds the UPDATE');
  });
});
