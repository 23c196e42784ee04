// The representative ALTER statements of the MySQL/MariaDB online-DDL table: each with the scratch
// tables it runs on (a few rows each) and how sqlsight judges it, through the real MySQL front-end,
// the schema model and engine/analysis/mysql-online-ddl.ts. docs/mysql-online-ddl.md is rendered
// from these cases and test/db/mariadb-online-ddl-oracle.test.ts runs each on the real server, so
// the page and the oracle show the same claims. No I/O here.
import type { ServerVersion } from '../server/src/engine/config';
import { mysqlFrontEnd } from '../server/src/engine/dialects/front-end';
import type { Statement } from '../server/src/engine/model';
import { applyStatement } from '../server/src/engine/schema/apply';
import { SchemaModel } from '../server/src/engine/schema/model';
import { statementOnlineDdl, type StatementOnlineDdl } from '../server/src/engine/analysis/mysql-online-ddl';

const owners = `CREATE TABLE owners (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
INSERT INTO owners (id) VALUES (1), (2);`;

const itemsTable = `CREATE TABLE items (
  id int NOT NULL,
  owner_id int,
  price int,
  quantity int NOT NULL DEFAULT 0,
  discount int DEFAULT 5,
  name varchar(50) CHARACTER SET utf8mb4,
  code varchar(100) CHARACTER SET latin1,
  sku varchar(200) CHARACTER SET latin1,
  status enum('new', 'paid'),
  tags set('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  notes text,
  PRIMARY KEY (id),
  KEY items_price (price),
  KEY items_owner (owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO items (id, owner_id, price, quantity, name, code, sku, status, notes) VALUES
  (1, 1, 10, 2, 'pen', 'P-1', 'SKU-1', 'new', 'blue ink'),
  (2, 2, 20, 1, 'ink', 'I-1', 'SKU-2', 'paid', 'black ink'),
  (3, 1, 30, 5, 'pad', 'D-1', 'SKU-3', 'new', 'lined paper');`;

/** The tables the cases change, by name. */
export const setups = {
  items: `${owners}\n${itemsTable}`,
  itemsWithForeignKey: `${owners}\n${itemsTable}\nALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);`,
  itemsWithCheck: `${owners}\n${itemsTable}\nALTER TABLE items ADD CONSTRAINT items_price_positive CHECK (price > 0);`,
  itemsWithUnique: `${owners}\n${itemsTable}\nALTER TABLE items ADD CONSTRAINT items_sku UNIQUE (sku);`,
  itemsWithFulltext: `${owners}\n${itemsTable}\nALTER TABLE items ADD FULLTEXT INDEX items_notes_text (notes);`,
  keyless: `CREATE TABLE visits (id int NOT NULL, page varchar(40)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO visits (id, page) VALUES (1, '/'), (2, '/about'), (3, '/contact');`,
  places: `CREATE TABLE places (id int NOT NULL PRIMARY KEY, location geometry NOT NULL, label varchar(40), rank_value int) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO places (id, location, label) VALUES (1, POINT(1, 1), 'north'), (2, POINT(2, 2), 'south');`,
  placesWithSpatial: `CREATE TABLE places (id int NOT NULL PRIMARY KEY, location geometry NOT NULL, label varchar(40), rank_value int, SPATIAL KEY places_location (location)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO places (id, location, label) VALUES (1, POINT(1, 1), 'north'), (2, POINT(2, 2), 'south');`,
  partitioned: `CREATE TABLE readings (id int NOT NULL PRIMARY KEY, reading int) ENGINE=InnoDB PARTITION BY HASH (id) PARTITIONS 2;
INSERT INTO readings (id, reading) VALUES (1, 10), (2, 20), (3, 30);`,
  rangePartitioned: `CREATE TABLE readings (id int NOT NULL PRIMARY KEY, reading int) ENGINE=InnoDB
  PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE);
INSERT INTO readings (id, reading) VALUES (1, 10), (2, 20), (30, 30);`,
} as const;

export type SetupName = keyof typeof setups;

export interface OnlineDdlCase {
  /** Stable, kebab-case: the oracle's test name. */
  readonly id: string;
  /** The row of docs/mysql-online-ddl.md. */
  readonly label: string;
  readonly setup: SetupName;
  /** As written for MariaDB; `mysqlStatement` when MySQL spells it differently. */
  readonly statement: string;
  readonly mysqlStatement?: string;
  /** Runs after `SET foreign_key_checks = 0`. */
  readonly foreignKeyChecksOff?: boolean;
  /** Why the MariaDB oracle cannot put an ALGORITHM clause on it, when it cannot. */
  readonly notCheckable?: string;
}

export const onlineDdlCases: readonly OnlineDdlCase[] = [
  { id: 'add-column-last', label: 'ADD COLUMN (last)', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN color varchar(20)' },
  { id: 'add-column-first', label: 'ADD COLUMN … FIRST', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN batch int FIRST' },
  { id: 'add-column-after', label: 'ADD COLUMN … AFTER', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN batch int AFTER price' },
  { id: 'add-column-default', label: 'ADD COLUMN with a DEFAULT', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN rating int NOT NULL DEFAULT 3' },
  { id: 'add-column-not-null', label: 'ADD COLUMN … NOT NULL', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN weight int NOT NULL' },
  { id: 'add-column-auto-increment', label: 'ADD COLUMN … AUTO_INCREMENT', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN serial_number int NOT NULL AUTO_INCREMENT UNIQUE' },
  { id: 'add-column-stored', label: 'ADD COLUMN … STORED (generated)', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN total int AS (price * quantity) STORED' },
  { id: 'add-column-virtual', label: 'ADD COLUMN … VIRTUAL (generated)', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN total int AS (price * quantity) VIRTUAL' },
  { id: 'add-column-fulltext-table', label: 'ADD COLUMN on a table with a FULLTEXT index', setup: 'itemsWithFulltext', statement: 'ALTER TABLE items ADD COLUMN color varchar(20)' },
  { id: 'add-column-spatial-table', label: 'ADD COLUMN on a table with a SPATIAL index', setup: 'placesWithSpatial', statement: 'ALTER TABLE places ADD COLUMN area int' },
  { id: 'drop-column', label: 'DROP COLUMN', setup: 'items', statement: 'ALTER TABLE items DROP COLUMN discount' },
  { id: 'drop-indexed-column', label: 'DROP COLUMN (indexed)', setup: 'items', statement: 'ALTER TABLE items DROP COLUMN price' },
  { id: 'drop-primary-key-column', label: 'DROP COLUMN (the primary key)', setup: 'items', statement: 'ALTER TABLE items DROP COLUMN id' },
  { id: 'rename-column', label: 'RENAME COLUMN', setup: 'items', statement: 'ALTER TABLE items RENAME COLUMN discount TO rebate' },
  { id: 'change-column-rename', label: 'CHANGE (rename, same definition)', setup: 'items', statement: 'ALTER TABLE items CHANGE discount rebate int DEFAULT 5' },
  { id: 'reorder-column', label: 'MODIFY … AFTER (reorder)', setup: 'items', statement: 'ALTER TABLE items MODIFY discount int DEFAULT 5 AFTER name' },
  { id: 'int-to-bigint', label: 'MODIFY int → bigint', setup: 'items', statement: 'ALTER TABLE items MODIFY price bigint' },
  { id: 'varchar-widen-utf8mb4-within', label: 'VARCHAR widening, utf8mb4, within 255 bytes (50 → 60)', setup: 'items', statement: 'ALTER TABLE items MODIFY name varchar(60) CHARACTER SET utf8mb4' },
  { id: 'varchar-widen-utf8mb4-across', label: 'VARCHAR widening, utf8mb4, past 255 bytes (50 → 70)', setup: 'items', statement: 'ALTER TABLE items MODIFY name varchar(70) CHARACTER SET utf8mb4' },
  { id: 'varchar-widen-latin1-within', label: 'VARCHAR widening, latin1, within 255 bytes (100 → 200)', setup: 'items', statement: 'ALTER TABLE items MODIFY code varchar(200) CHARACTER SET latin1' },
  { id: 'varchar-widen-latin1-short-across', label: 'VARCHAR widening, latin1, from ≤ 127 bytes past 255 (100 → 300)', setup: 'items', statement: 'ALTER TABLE items MODIFY code varchar(300) CHARACTER SET latin1' },
  { id: 'varchar-widen-latin1-across', label: 'VARCHAR widening, latin1, past 255 bytes (200 → 300)', setup: 'items', statement: 'ALTER TABLE items MODIFY sku varchar(300) CHARACTER SET latin1' },
  { id: 'varchar-widen-table-charset', label: 'VARCHAR widening without CHARACTER SET (latin1 column, utf8mb4 table)', setup: 'items', statement: 'ALTER TABLE items MODIFY code varchar(120)' },
  { id: 'varchar-narrow', label: 'VARCHAR narrowing', setup: 'items', statement: 'ALTER TABLE items MODIFY name varchar(40) CHARACTER SET utf8mb4' },
  { id: 'enum-append', label: 'ENUM value appended', setup: 'items', statement: "ALTER TABLE items MODIFY status enum('new', 'paid', 'shipped')" },
  { id: 'enum-reorder', label: 'ENUM values reordered', setup: 'items', statement: "ALTER TABLE items MODIFY status enum('paid', 'new')" },
  { id: 'set-append-past-storage', label: 'SET member appended past 8 members (storage grows)', setup: 'items', statement: "ALTER TABLE items MODIFY tags set('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')" },
  { id: 'make-not-null', label: 'MODIFY … NOT NULL (was NULL)', setup: 'items', statement: 'ALTER TABLE items MODIFY discount int NOT NULL DEFAULT 5' },
  { id: 'make-nullable', label: 'MODIFY … NULL (was NOT NULL)', setup: 'items', statement: 'ALTER TABLE items MODIFY quantity int NULL DEFAULT 0' },
  { id: 'make-not-null-spatial-table', label: 'MODIFY … NOT NULL on a table with a SPATIAL index', setup: 'placesWithSpatial', statement: 'ALTER TABLE places MODIFY label varchar(40) NOT NULL' },
  { id: 'set-default', label: 'ALTER COLUMN … SET DEFAULT', setup: 'items', statement: 'ALTER TABLE items ALTER COLUMN price SET DEFAULT 7' },
  { id: 'drop-default', label: 'ALTER COLUMN … DROP DEFAULT', setup: 'items', statement: 'ALTER TABLE items ALTER COLUMN discount DROP DEFAULT' },
  { id: 'add-index', label: 'ADD INDEX', setup: 'items', statement: 'ALTER TABLE items ADD INDEX items_name (name)' },
  { id: 'create-index', label: 'CREATE INDEX', setup: 'items', statement: 'CREATE INDEX items_name ON items (name)' },
  { id: 'add-unique', label: 'ADD UNIQUE', setup: 'items', statement: 'ALTER TABLE items ADD UNIQUE KEY items_sku (sku)' },
  { id: 'create-unique-index', label: 'CREATE UNIQUE INDEX', setup: 'items', statement: 'CREATE UNIQUE INDEX items_sku ON items (sku)' },
  { id: 'drop-index', label: 'DROP INDEX (ALTER TABLE)', setup: 'items', statement: 'ALTER TABLE items DROP INDEX items_price' },
  { id: 'drop-index-statement', label: 'DROP INDEX … ON', setup: 'items', statement: 'DROP INDEX items_price ON items', notCheckable: "MariaDB's DROP INDEX takes no ALGORITHM or LOCK clause (see DROP INDEX (ALTER TABLE))" },
  { id: 'rename-index', label: 'RENAME INDEX', setup: 'items', statement: 'ALTER TABLE items RENAME INDEX items_price TO items_by_price' },
  { id: 'index-visibility', label: 'ALTER INDEX … IGNORED / INVISIBLE', setup: 'items', statement: 'ALTER TABLE items ALTER INDEX items_price IGNORED', mysqlStatement: 'ALTER TABLE items ALTER INDEX items_price INVISIBLE' },
  { id: 'add-fulltext', label: 'ADD FULLTEXT (the first)', setup: 'items', statement: 'ALTER TABLE items ADD FULLTEXT INDEX items_notes_text (notes)' },
  { id: 'add-second-fulltext', label: 'ADD FULLTEXT (another)', setup: 'itemsWithFulltext', statement: 'ALTER TABLE items ADD FULLTEXT INDEX items_name_text (name)' },
  { id: 'add-spatial', label: 'ADD SPATIAL INDEX', setup: 'places', statement: 'ALTER TABLE places ADD SPATIAL INDEX places_location (location)' },
  { id: 'add-primary-key', label: 'ADD PRIMARY KEY', setup: 'keyless', statement: 'ALTER TABLE visits ADD PRIMARY KEY (id)' },
  { id: 'drop-primary-key', label: 'DROP PRIMARY KEY', setup: 'items', statement: 'ALTER TABLE items DROP PRIMARY KEY' },
  { id: 'replace-primary-key', label: 'DROP PRIMARY KEY, ADD PRIMARY KEY', setup: 'items', statement: 'ALTER TABLE items DROP PRIMARY KEY, ADD PRIMARY KEY (id, quantity)' },
  { id: 'add-foreign-key', label: 'ADD FOREIGN KEY (foreign_key_checks on)', setup: 'items', statement: 'ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id)' },
  { id: 'add-foreign-key-unchecked', label: 'ADD FOREIGN KEY (foreign_key_checks = 0, indexed column)', setup: 'items', statement: 'ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id)', foreignKeyChecksOff: true },
  { id: 'add-foreign-key-unchecked-unindexed', label: 'ADD FOREIGN KEY (foreign_key_checks = 0, unindexed column)', setup: 'items', statement: 'ALTER TABLE items ADD CONSTRAINT items_quantity_fk FOREIGN KEY (quantity) REFERENCES owners (id)', foreignKeyChecksOff: true },
  { id: 'drop-foreign-key', label: 'DROP FOREIGN KEY', setup: 'itemsWithForeignKey', statement: 'ALTER TABLE items DROP FOREIGN KEY items_owner_fk' },
  { id: 'add-check', label: 'ADD CHECK', setup: 'items', statement: 'ALTER TABLE items ADD CONSTRAINT items_quantity_positive CHECK (quantity >= 0)' },
  { id: 'drop-check', label: 'DROP CHECK', setup: 'itemsWithCheck', statement: 'ALTER TABLE items DROP CONSTRAINT items_price_positive' },
  { id: 'drop-unique-constraint', label: 'DROP CONSTRAINT (a unique key)', setup: 'itemsWithUnique', statement: 'ALTER TABLE items DROP CONSTRAINT items_sku' },
  { id: 'convert-charset', label: 'CONVERT TO CHARACTER SET', setup: 'items', statement: 'ALTER TABLE items CONVERT TO CHARACTER SET utf8mb4' },
  { id: 'default-charset', label: 'DEFAULT CHARSET=', setup: 'items', statement: 'ALTER TABLE items DEFAULT CHARSET=latin1' },
  { id: 'engine-same', label: 'ENGINE=InnoDB (same engine)', setup: 'items', statement: 'ALTER TABLE items ENGINE=InnoDB' },
  { id: 'engine-change', label: 'ENGINE= another engine', setup: 'items', statement: 'ALTER TABLE items ENGINE=MyISAM' },
  { id: 'force', label: 'FORCE', setup: 'items', statement: 'ALTER TABLE items FORCE' },
  { id: 'row-format', label: 'ROW_FORMAT=', setup: 'items', statement: 'ALTER TABLE items ROW_FORMAT=COMPACT' },
  { id: 'key-block-size', label: 'KEY_BLOCK_SIZE=', setup: 'items', statement: 'ALTER TABLE items KEY_BLOCK_SIZE=8' },
  { id: 'stats-persistent', label: 'STATS_PERSISTENT=', setup: 'items', statement: 'ALTER TABLE items STATS_PERSISTENT=1' },
  { id: 'table-collation', label: 'COLLATE= (table default)', setup: 'items', statement: 'ALTER TABLE items COLLATE=utf8mb4_bin' },
  { id: 'auto-increment-value', label: 'AUTO_INCREMENT=', setup: 'items', statement: 'ALTER TABLE items AUTO_INCREMENT=1000' },
  { id: 'table-comment', label: "COMMENT='…'", setup: 'items', statement: "ALTER TABLE items COMMENT='stock items'" },
  { id: 'rename-table', label: 'RENAME TO', setup: 'items', statement: 'ALTER TABLE items RENAME TO stock_items' },
  { id: 'partition-by', label: 'PARTITION BY', setup: 'items', statement: 'ALTER TABLE items PARTITION BY HASH (id) PARTITIONS 2' },
  { id: 'remove-partitioning', label: 'REMOVE PARTITIONING', setup: 'partitioned', statement: 'ALTER TABLE readings REMOVE PARTITIONING' },
  {
    id: 'drop-partition', label: 'DROP PARTITION', setup: 'rangePartitioned', statement: 'ALTER TABLE readings DROP PARTITION p0',
    notCheckable: 'MariaDB takes no ALGORITHM or LOCK with partition maintenance (error 1848)',
  },
  { id: 'mixed-add-column-add-index', label: 'ADD COLUMN, ADD INDEX in one statement', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN color varchar(20), ADD INDEX items_name (name)' },
  { id: 'mixed-add-column-drop-index', label: 'ADD COLUMN, DROP INDEX in one statement', setup: 'items', statement: 'ALTER TABLE items ADD COLUMN color varchar(20), DROP INDEX items_price' },
  { id: 'mixed-rename-column-add-index', label: 'RENAME COLUMN, ADD INDEX in one statement', setup: 'items', statement: 'ALTER TABLE items RENAME COLUMN discount TO rebate, ADD INDEX items_name (name)' },
];

export interface CaseJudgement {
  readonly statement: Statement;
  readonly onlineDdl: StatementOnlineDdl;
}

/** The case's statement text for a dialect. */
export function caseStatement(testCase: OnlineDdlCase, dialect: 'mysql' | 'mariadb'): string {
  return dialect === 'mysql' ? (testCase.mysqlStatement ?? testCase.statement) : testCase.statement;
}

/**
 * Judges a case as sqlsight does for a file: the setup replayed into a schema model, the statement
 * lowered by the MySQL front-end, then the online-DDL table. A string says why it could not.
 */
export function judgeCase(testCase: OnlineDdlCase, dialect: 'mysql' | 'mariadb', version: ServerVersion): CaseJudgement | string {
  const frontEnd = mysqlFrontEnd(dialect, version);
  const schema = new SchemaModel(dialect);
  const setup = setups[testCase.setup];
  for (const segment of frontEnd.split(setup).segments) {
    if (segment.kind !== 'statement') continue;
    const outcome = frontEnd.parse(setup, segment);
    if (outcome.syntaxError || outcome.unanalyzed) return `setup statement not analysed: ${setup.slice(segment.range.start, segment.range.end)}`;
    for (const statement of outcome.statements) applyStatement(schema, statement, 'setup.sql');
  }
  const text = caseStatement(testCase, dialect);
  const segment = frontEnd.split(text).segments.find((candidate) => candidate.kind === 'statement');
  if (!segment) return 'no statement';
  const outcome = frontEnd.parse(text, segment);
  const [statement] = outcome.statements;
  if (outcome.syntaxError || outcome.unanalyzed || !statement) return outcome.syntaxError?.message ?? outcome.unanalyzed?.message ?? 'no statement';
  const onlineDdl = statementOnlineDdl(statement, { dialect, version, schema, foreignKeyChecksOff: testCase.foreignKeyChecksOff ?? false });
  return onlineDdl ? { statement, onlineDdl } : 'not an online-DDL statement';
}
