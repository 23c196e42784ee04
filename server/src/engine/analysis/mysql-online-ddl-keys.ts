// The online-DDL table for index, key, constraint and table-level actions on MySQL/MariaDB InnoDB:
// secondary, FULLTEXT and SPATIAL indexes, primary keys, foreign keys, checks, CONVERT TO CHARACTER
// SET, table options, partitioning and renames. Sources: MySQL 8.0 Reference Manual 17.12.1 "Online
// DDL Operations" (Index, Primary Key, Foreign Key, Table and Partitioning Operations), MariaDB KB
// "InnoDB Online DDL Operations with the INSTANT / NOCOPY / INPLACE Alter Algorithm"; every MariaDB
// claim is checked on 10.11 by test/db/mariadb-online-ddl-oracle.test.ts. Pure.
import type { AlterTableAction, TableConstraint } from '../model';
import { findColumn, hasIndexWithMethod, primaryKeyColumns, tableIndexes, unknownTable, withRebuildBlocker, type ActionContext } from './mysql-online-ddl-table';
import { inPlaceWithoutCopy, supports, verdict, type OnlineDdlVerdict, type VerdictFields } from './mysql-online-ddl-verdict';

function quote(name: string): string {
  return `\`${name}\``;
}

function statementAddsPrimaryKey(context: ActionContext): boolean {
  return context.actions.some(
    (action) => (action.kind === 'add-constraint' && action.constraint.kind === 'primary-key') || (action.kind === 'add-column' && action.column.primaryKey),
  );
}

function statementDropsPrimaryKey(context: ActionContext): boolean {
  return context.actions.some(
    (action) => (action.kind === 'drop-constraint' && action.constraintKind === 'primary-key') || (action.kind === 'drop-index' && action.name.toUpperCase() === 'PRIMARY'),
  );
}

/** A rebuild in place that lets writes through, unless the table's FULLTEXT or SPATIAL index forbids it. */
function rebuildFields(context: ActionContext, fields: Pick<VerdictFields, 'cause' | 'subject'>): VerdictFields {
  return withRebuildBlocker(context, { ...fields, algorithm: 'inplace', rebuildsTable: true, concurrentDml: true });
}

/** Index methods as the model spells them (`btree`, `hash`, `fulltext`, `spatial`). */
export function indexVerdict(context: ActionContext, options: { readonly name: string | undefined; readonly method: string; readonly unique: boolean; readonly first: boolean }): OnlineDdlVerdict {
  const { target } = context;
  const named = options.name ? ` ${quote(options.name)}` : '';
  if (options.method === 'fulltext') {
    // MySQL 8.0 manual 17.12.1 Index Operations: "Adding a FULLTEXT index: In Place Yes*, Rebuilds
    // Table No*, Permits Concurrent DML No" — the first one rebuilds the table unless it has an
    // FTS_DOC_ID column ([ran] MariaDB 10.11: first INPLACE with a rebuild, later ones NOCOPY, both LOCK=SHARED).
    const rebuilds = options.first && !findColumn(context.table, 'FTS_DOC_ID');
    return verdict(target, {
      algorithm: rebuilds ? 'inplace' : inPlaceWithoutCopy(target), concurrentDml: false, rebuildsTable: rebuilds, cause: 'fulltext-index', buildsIndex: true,
      subject: `adding the ${rebuilds ? 'first ' : ''}FULLTEXT index${named}`,
      ...(rebuilds && !context.table ? { unknown: `whether \`${context.tableName}\` has a FULLTEXT index already` } : {}),
    });
  }
  if (options.method === 'spatial') {
    // Same table: "Adding a SPATIAL index: In Place Yes, Rebuilds Table No, Permits Concurrent DML No" ([ran] MariaDB 10.11: NOCOPY, LOCK=SHARED).
    return verdict(target, { algorithm: inPlaceWithoutCopy(target), concurrentDml: false, rebuildsTable: false, cause: 'spatial-index', buildsIndex: true, subject: `adding the SPATIAL index${named}` });
  }
  // Same table: "Creating or adding a secondary index: In Place Yes, Rebuilds Table No, Permits Concurrent DML Yes" ([ran] MariaDB 10.11: NOCOPY, LOCK=NONE).
  return verdict(target, {
    algorithm: inPlaceWithoutCopy(target), concurrentDml: true, rebuildsTable: false, cause: 'secondary-index', buildsIndex: true,
    subject: `adding the ${options.unique ? 'unique ' : ''}index${named}`,
  });
}

/** Whether an earlier action of the statement, or the table, has a FULLTEXT index already. */
export function isFirstFulltext(context: ActionContext, action: AlterTableAction | undefined): boolean {
  if (hasIndexWithMethod(context, 'fulltext')) return false;
  const index = action ? context.actions.indexOf(action) : context.actions.length;
  return !context.actions.slice(0, Math.max(index, 0)).some((earlier) => earlier.kind === 'add-index' && earlier.index.method === 'fulltext');
}

export function dropIndexVerdict(context: ActionContext, name: string): OnlineDdlVerdict {
  if (name.toUpperCase() === 'PRIMARY') return dropPrimaryKeyVerdict(context);
  // MySQL 8.0 manual 17.12.1 Index Operations: "Dropping an index: In Place Yes … Only Modifies Metadata Yes" ([ran] MariaDB 10.11: NOCOPY).
  return verdict(context.target, { algorithm: inPlaceWithoutCopy(context.target), concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `dropping the index ${quote(name)}` });
}

export function renameIndexVerdict(context: ActionContext, from: string, to: string): OnlineDdlVerdict {
  // MySQL 8.0 manual 17.12.1: "Renaming an index: Instant No, In Place Yes … Only Modifies Metadata Yes"; [ran] MariaDB 10.11: INSTANT.
  const algorithm = context.target.dialect === 'mariadb' ? 'instant' : 'inplace';
  return verdict(context.target, { algorithm, concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `renaming the index ${quote(from)} to ${quote(to)}` });
}

export function indexVisibilityVerdict(context: ActionContext, name: string, visible: boolean): OnlineDdlVerdict {
  // MySQL WL#8697 (invisible indexes): "An ALTER INDEX operation uses the INPLACE algorithm"; [ran] MariaDB 10.11 `[NOT] IGNORED`: INSTANT.
  const algorithm = context.target.dialect === 'mariadb' ? 'instant' : 'inplace';
  const word = context.target.dialect === 'mariadb' ? (visible ? 'NOT IGNORED' : 'IGNORED') : visible ? 'VISIBLE' : 'INVISIBLE';
  return verdict(context.target, { algorithm, concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `making the index ${quote(name)} ${word}` });
}

function dropPrimaryKeyVerdict(context: ActionContext): OnlineDdlVerdict {
  if (statementAddsPrimaryKey(context)) {
    // MySQL 8.0 manual 17.12.1 Primary Key Operations: "Dropping a primary key and adding another: In Place Yes, Rebuilds Table Yes, Permits Concurrent DML Yes".
    return verdict(context.target, rebuildFields(context, { cause: 'primary-key-add', subject: 'replacing the primary key' }));
  }
  // Same section: "Dropping a primary key: In Place No, Rebuilds Table Yes, Permits Concurrent DML No" ([ran] MariaDB 10.11 copies).
  return verdict(context.target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'primary-key-drop', subject: 'dropping the primary key without adding another' });
}

function foreignKeyVerdict(context: ActionContext, constraint: TableConstraint): OnlineDdlVerdict {
  const { target } = context;
  const subject = `adding the foreign key${constraint.name ? ` ${quote(constraint.name)}` : ''} on (${constraint.columns.join(', ')})`;
  if (!context.foreignKeyChecksOff) {
    // MySQL 8.0 manual 17.12.1 Foreign Key Operations: "The INPLACE algorithm is supported when
    // foreign_key_checks is disabled. Otherwise, only the COPY algorithm is supported" ([ran] MariaDB 10.11).
    return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'foreign-key-checked', subject: `${subject} with foreign_key_checks on` });
  }
  if (target.dialect === 'mysql') {
    // Same table: "Adding a foreign key constraint: In Place Yes*, Rebuilds Table No, Permits Concurrent DML Yes".
    return verdict(target, { algorithm: 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'foreign-key-unchecked', subject });
  }
  // [ran] MariaDB 10.11 with foreign_key_checks=0: INSTANT when an index (or the primary key) starts
  // with the key's columns, else NOCOPY (it builds that index).
  const wanted = constraint.columns.map((column) => column.toLowerCase());
  const leads = (columns: readonly (string | undefined)[]): boolean => wanted.every((column, index) => columns[index]?.toLowerCase() === column);
  const indexed = leads(primaryKeyColumns(context)) || tableIndexes(context).some((index) => leads(index.elements.map((element) => element.column)));
  const unknown = unknownTable(context);
  return verdict(target, {
    algorithm: indexed ? 'instant' : 'nocopy', concurrentDml: true, rebuildsTable: false, cause: 'foreign-key-unchecked', buildsIndex: !indexed,
    subject: indexed ? subject : `${subject} and an index for it`,
    ...(unknown ? { unknown: `${unknown} (whether an index covers the key)` } : {}),
  });
}

export function addConstraintVerdict(context: ActionContext, constraint: TableConstraint): OnlineDdlVerdict {
  const { target } = context;
  switch (constraint.kind) {
    case 'primary-key':
      // MySQL 8.0 manual 17.12.1 Primary Key Operations: "Adding a primary key: In Place Yes*, Rebuilds Table Yes*, Permits Concurrent DML Yes*" ([ran] MariaDB 10.11).
      return verdict(target, rebuildFields(context, { cause: 'primary-key-add', subject: statementDropsPrimaryKey(context) ? 'replacing the primary key' : `adding a primary key on (${constraint.columns.join(', ')})` }));
    case 'unique':
      return indexVerdict(context, { name: constraint.name, method: 'btree', unique: true, first: false });
    case 'foreign-key':
      return foreignKeyVerdict(context, constraint);
    case 'check': {
      const subject = `adding the CHECK constraint${constraint.name ? ` ${quote(constraint.name)}` : ''}`;
      if (!supports(target, 'check-constraints')) {
        // MySQL 8.0 manual 15.1.20.6 "CHECK Constraints": before 8.0.16 CHECK is parsed and ignored.
        return verdict(target, { algorithm: 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'check-add', subject: `${subject} (ignored before MySQL 8.0.16)` });
      }
      // Every row is checked by a table copy ([ran] MariaDB 10.11: COPY; shopware PR #14545 saw the same on MySQL 8).
      return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'check-add', subject });
    }
    default:
      return unknownActionVerdict(context, `adding a ${constraint.kind} constraint`);
  }
}

export function dropConstraintVerdict(context: ActionContext, name: string, kind: TableConstraint['kind'] | undefined): OnlineDdlVerdict {
  const { target } = context;
  const table = context.table;
  const resolved =
    kind ??
    (table?.foreignKeys.some((key) => key.name === name)
      ? 'foreign-key'
      : table?.checks.some((check) => check.name === name)
        ? 'check'
        : table?.keys.find((key) => key.name === name)?.kind);
  switch (resolved) {
    case 'primary-key':
      return dropPrimaryKeyVerdict(context);
    case 'unique':
      return dropIndexVerdict(context, name);
    case 'foreign-key':
      // MySQL 8.0 manual 17.12.1 Foreign Key Operations: "Dropping a foreign key constraint: In Place Yes, Rebuilds Table No, Permits Concurrent DML Yes"; [ran] MariaDB 10.11: INSTANT.
      return verdict(target, { algorithm: target.dialect === 'mariadb' ? 'instant' : 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'foreign-key-drop', subject: `dropping the foreign key ${quote(name)}` });
    case 'check':
      // Only metadata changes ([ran] MariaDB 10.11: INSTANT); MySQL's table does not list it, so in place is claimed.
      return verdict(target, { algorithm: target.dialect === 'mariadb' ? 'instant' : 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'check-drop', subject: `dropping the CHECK constraint ${quote(name)}` });
    default:
      return verdict(target, {
        algorithm: inPlaceWithoutCopy(target), concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `dropping the constraint ${quote(name)}`,
        unknown: `what kind of constraint ${quote(name)} is`,
      });
  }
}

export function convertCharsetVerdict(context: ActionContext, charset: string): OnlineDdlVerdict {
  // MySQL 8.0 manual 17.12.1 Table Operations: "Converting a character set: In Place No, Rebuilds Table Yes, Permits Concurrent DML No" ([ran] MariaDB 10.11).
  return verdict(context.target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'charset-conversion', subject: `converting every text column to ${charset}` });
}

/** Table options by the model's name (`engine`, `charset`, `collate`, `auto_increment`, `row_format` …). */
export function tableOptionVerdict(context: ActionContext, name: string, value: string): OnlineDdlVerdict {
  const { target } = context;
  const metadata = (subject: string, algorithm: 'instant' | 'inplace'): OnlineDdlVerdict =>
    verdict(target, { algorithm: target.dialect === 'mariadb' ? algorithm : 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'table-option', subject });
  switch (name) {
    case 'engine': {
      const current = context.table?.engine ?? 'innodb';
      if (value === 'innodb' && current === 'innodb') {
        // Table Operations: "Performing a null rebuild (ENGINE=InnoDB): In Place Yes*, Rebuilds Table Yes, Permits Concurrent DML Yes" ([ran] MariaDB 10.11).
        return verdict(target, { ...rebuildFields(context, { cause: 'rebuild', subject: 'ENGINE=InnoDB on an InnoDB table' }), ...(context.table ? {} : { unknown: `the engine of \`${context.tableName}\` (taken as InnoDB, the default)` }) });
      }
      // Another engine means a copy into it ([ran] MariaDB 10.11: InnoDB → Aria and MyISAM; the server accepts ALGORITHM=INSTANT there and copies anyway, but refuses INPLACE and LOCK=NONE).
      return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'engine-change', subject: `changing the engine from ${current} to ${value}` });
    }
    case 'row_format':
    case 'key_block_size':
      // Table Operations: "Changing the ROW_FORMAT / KEY_BLOCK_SIZE: In Place Yes, Rebuilds Table Yes, Permits Concurrent DML Yes" ([ran] MariaDB 10.11).
      return verdict(target, rebuildFields(context, { cause: 'rebuild', subject: `setting ${name.toUpperCase()}=${value.toUpperCase()}` }));
    case 'stats_persistent':
    case 'stats_auto_recalc':
    case 'stats_sample_pages':
      // Table Operations: "Setting persistent table statistics: In Place Yes … Only Modifies Metadata Yes"; [ran] MariaDB 10.11: INSTANT.
      return metadata(`setting ${name.toUpperCase()}`, 'instant');
    case 'auto_increment':
      // Column Operations: "Changing the auto-increment value: In Place Yes, Rebuilds Table No, Permits Concurrent DML Yes"; [ran] MariaDB 10.11: INSTANT.
      return metadata(`setting AUTO_INCREMENT=${value}`, 'instant');
    case 'comment':
      // [ran] MariaDB 10.11: INSTANT; MySQL's table does not list it, so in place is claimed.
      return metadata('changing the table comment', 'instant');
    case 'charset':
    case 'collate': {
      if (target.dialect === 'mariadb') return metadata(`changing the table's default ${name === 'charset' ? 'character set' : 'collation'}`, 'instant');
      // Table Operations: "Specifying a character set: In Place Yes, Rebuilds Table Yes*, Permits Concurrent DML Yes" — a rebuild when the encoding differs.
      const same = name === 'charset' && context.table?.charset === value;
      return verdict(target, same ? { algorithm: 'inplace', concurrentDml: true, rebuildsTable: false, cause: 'table-option', subject: `keeping the default character set ${value}` } : rebuildFields(context, { cause: 'table-option', subject: `changing the table's default ${name === 'charset' ? 'character set' : 'collation'} to ${value}` }));
    }
    default:
      return unknownActionVerdict(context, `setting the table option ${name.toUpperCase()}`);
  }
}

/** `PARTITION BY`, `REMOVE PARTITIONING`, `ADD|DROP|TRUNCATE|COALESCE|REORGANIZE … PARTITION` as the front-end describes them. */
export function partitioningVerdict(context: ActionContext, description: string): OnlineDdlVerdict {
  const { target } = context;
  const words = description.toLowerCase();
  const written = description.replace(/\s+/g, ' ');
  if (/\b(drop|truncate|discard|import|analyze|check|optimize|repair|rebuild)\b/.test(words) && /partition\b/.test(words) && !/partitioning|partition by/.test(words)) {
    // MySQL 8.0 manual 17.12.1 Partitioning Operations: DROP/TRUNCATE PARTITION and partition
    // maintenance run in place without copying other partitions' rows, but take an exclusive lock;
    // MariaDB takes no ALGORITHM= with them (ER 1848 "Partition specific operations do not yet support LOCK/ALGORITHM").
    return verdict(target, { algorithm: 'inplace', concurrentDml: false, rebuildsTable: false, cause: 'partitioning', subject: `${written} (partition maintenance)` });
  }
  // Partitioning Operations: "PARTITION BY … only permits ALGORITHM=COPY"; REMOVE PARTITIONING,
  // COALESCE and REORGANIZE copy rows ([ran] MariaDB 10.11: PARTITION BY and REMOVE PARTITIONING refuse INPLACE and LOCK=NONE).
  return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'partitioning', subject: `repartitioning with ${written}` });
}

export function renameTableVerdict(context: ActionContext, to: string): OnlineDdlVerdict {
  // MySQL 8.0 manual 17.12.1 Table Operations: "Renaming a table: Instant Yes … Permits Concurrent DML Yes";
  // [ran] MariaDB 10.11: INSTANT, but LOCK=NONE is refused (the rename takes a brief exclusive lock).
  return verdict(context.target, { algorithm: 'instant', concurrentDml: context.target.dialect === 'mysql', rebuildsTable: false, cause: 'rename-table', subject: `renaming \`${context.tableName}\` to ${quote(to)}` });
}

export function forceRebuildVerdict(context: ActionContext): OnlineDdlVerdict {
  // Table Operations: "Rebuilding with the FORCE option: In Place Yes*, Rebuilds Table Yes, Permits Concurrent DML Yes" ([ran] MariaDB 10.11).
  return verdict(context.target, rebuildFields(context, { cause: 'rebuild', subject: 'FORCE' }));
}

/** An action the table does not list: taken as a copy, and said to be unknown. */
export function unknownActionVerdict(context: ActionContext, subject: string): OnlineDdlVerdict {
  return verdict(context.target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'unknown', subject, unknown: `how the server runs ${subject}` });
}
