// fk-type-mismatch: a foreign key column whose type differs from the referenced column's. Judged at
// the end of the unit on the model, for keys this file adds and columns it changes. On MySQL and
// MariaDB an integer of another size or sign, or a string in another character set, makes the server
// refuse the foreign key (checked on MariaDB 10.11: errno 150), so those findings are errors; a
// shorter string works but cannot hold every key. Tables of other engines than InnoDB have no
// foreign keys (MyISAM parses and ignores them).
import type { ColumnDefinition, Fix } from '../model';
import { columnOf, qualifiedKey, type ColumnType, type SchemaColumn, type SchemaModel, type SchemaTable } from '../schema/model';
import { fix, insertAt, replace } from './lib/edits';
import { enforcesForeignKeys } from './lib/design-helpers';
import { displayType, isMysqlInteger, mysqlForeignKeyConflict, mysqlTypeText, sameType, typeUses, type ForeignKeyConflict } from './lib/type-helpers';
import { defineRule, type ReportInput, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

const label = (type: ColumnType): string => displayType(type);

/** Column definitions written in this unit, by table key and column: where a fix can rewrite them. */
const writtenColumns = unitMemory(() => new Map<string, ColumnDefinition>());

const columnKey = (table: string, column: string): string => `${table}\u0000${column}`;

interface Mismatch {
  readonly column: SchemaColumn;
  readonly referenced: string;
  readonly target: SchemaColumn;
  readonly conflict: ForeignKeyConflict;
}

function mismatches(model: SchemaModel, table: SchemaTable, columns: readonly string[], referencedKey: string, referencedColumns: readonly string[]): Mismatch[] {
  const referenced = model.tables.get(referencedKey);
  if (!referenced || !enforcesForeignKeys(model, table) || !enforcesForeignKeys(model, referenced)) return [];
  return columns.flatMap((name, index) => {
    const column = columnOf(table, name);
    const target = columnOf(referenced, referencedColumns[index] ?? '');
    if (!column || !target) return [];
    const conflict = model.dialect === 'postgres' ? (sameType(column.type, target.type) ? undefined : 'differs') : mysqlForeignKeyConflict(column, target);
    return conflict ? [{ column, referenced: `${referenced.name}.${target.name}`, target, conflict }] : [];
  });
}

function message(table: SchemaTable, mismatch: Mismatch): string {
  const column = `\`${table.name}.${mismatch.column.name}\``;
  const referenced = `\`${mismatch.referenced}\``;
  const type = label(mismatch.column.type);
  const wanted = label(mismatch.target.type);
  switch (mismatch.conflict) {
    case 'refused': {
      const why = isMysqlInteger(mismatch.column.type) && isMysqlInteger(mismatch.target.type) ? 'integers of different size or sign' : 'an integer and a string';
      return `${column} is ${type} but references ${referenced}, which is ${wanted}: MySQL and MariaDB refuse a foreign key between ${why} (errno 150 "Foreign key constraint is incorrectly formed"; MySQL 8.0: error 3780), so the statement fails`;
    }
    case 'charset':
      return `${column} is in character set ${mismatch.column.charset ?? ''} but references ${referenced}, which is in ${mismatch.target.charset ?? ''}: MySQL and MariaDB refuse a foreign key between strings of different character sets (errno 150 "Foreign key constraint is incorrectly formed"), so the statement fails`;
    case 'shorter':
      return `${column} is ${type} but references ${referenced}, which is ${wanted}: the foreign key works, but the column cannot hold the longer keys`;
    case 'differs':
      return `${column} is ${type} but references ${referenced}, which is ${wanted}: values that fit the key may not fit the column, and joins need a cast`;
  }
}

/** The fix: the referenced type (or character set) written where this file defines the column. */
function fixes(ctx: RuleContext, mismatch: Mismatch, definition: ColumnDefinition | undefined): Fix[] {
  if (!definition) return [];
  const wanted = mismatch.target.type;
  if (ctx.state.schema.dialect === 'postgres') return [fix(`Declare ${mismatch.column.name} as ${label(wanted)}`, 'safe', [replace(definition.type.range, label(wanted))])];
  if (mismatch.conflict === 'charset') {
    const charset = mismatch.target.charset;
    // A COLLATE of the old character set would then conflict: that needs a person.
    if (charset === undefined || definition.collation) return [];
    const edit = definition.charset ? replace(definition.charset.range, charset) : insertAt(definition.type.range.end, ` CHARACTER SET ${charset}`);
    return [fix(`Declare ${mismatch.column.name} in character set ${charset}`, 'safe', [edit])];
  }
  // ENUM and SET values are not in the displayed type.
  if (wanted.values) return [];
  const text = mysqlTypeText(wanted, ctx.text.slice(definition.type.range.start, definition.type.range.end));
  return [fix(`Declare ${mismatch.column.name} as ${text}`, 'safe', [replace(definition.type.range, text)])];
}

function help(mismatch: Mismatch): string {
  if (mismatch.conflict === 'charset') return `Declare \`${mismatch.column.name}\` in character set ${mismatch.target.charset ?? ''}, with the referenced column's collation`;
  return `Declare \`${mismatch.column.name}\` as ${label(mismatch.target.type)}`;
}

/**
 * MySQL/MariaDB: this file changes (not creates) the referenced column, under a foreign key of an
 * earlier file, to a type the key cannot join. The server refuses it (MariaDB 10.11: error 1833,
 * even with foreign_key_checks off, for any change of the column's type).
 */
function changedUnderForeignKey(model: SchemaModel, mismatch: Mismatch, path: string): boolean {
  const { changedAt, definedAt } = mismatch.target;
  const changedHere = changedAt.path === path && (definedAt.path !== path || definedAt.range.start !== changedAt.range.start);
  return model.dialect !== 'postgres' && changedHere && (mismatch.conflict === 'refused' || mismatch.conflict === 'charset');
}

function referencedChanged(table: SchemaTable, mismatch: Mismatch): ReportInput {
  const referenced = `\`${mismatch.referenced}\``;
  const column = `\`${table.name}.${mismatch.column.name}\``;
  return {
    range: mismatch.target.changedAt.range,
    severity: 'error',
    message: `This makes ${referenced} ${label(mismatch.target.type)} while ${column}, whose foreign key references it, stays ${label(mismatch.column.type)}: MySQL and MariaDB refuse to change a column a foreign key uses to a type the key cannot join (MariaDB: error 1833 "Cannot change column … used in a foreign key constraint"), so the statement fails`,
    help: `Drop the foreign key, change both columns to one type, then add the foreign key again`,
  };
}

export const fkTypeMismatch = defineRule({
  meta: {
    id: 'fk-type-mismatch',
    title: 'Foreign key column type differs from the referenced column',
    category: 'constraints',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'safe',
    docs: {
      why: 'A foreign key between different types works only as long as the values fit both: an `integer` column referencing a `bigint` key fails with "integer out of range" the day the parent\'s ids pass 2³¹, usually years later and in production; a `varchar(50)` referencing a `varchar(100)` rejects longer keys. Comparisons across types also need casts that can keep the planner from using an index on the join. MySQL and MariaDB go further and refuse the foreign key, failing the migration, when integer columns differ in size or sign (`INT` referencing `INT UNSIGNED`, `INT` referencing `BIGINT`), when an integer references a string, or when strings differ in character set (errno 150 "Foreign key constraint is incorrectly formed", checked on MariaDB 10.11; MySQL 8.0 reports error 3780). Display widths (`INT(11)`) do not count, and string lengths may differ.',
      safeWay: 'Declare the referencing column with exactly the referenced column\'s type (`bigint` for a `bigint`/`bigserial`/identity key, the same varchar length; on MySQL the same signedness and character set). Fixing it later means `ALTER COLUMN … TYPE`, which rewrites the child table under an ACCESS EXCLUSIVE lock (MySQL: a table copy, which MariaDB refuses while the foreign key exists). Tables of engines without foreign keys (MyISAM) are not judged. On MySQL a change of the referenced column to a type its foreign keys cannot join is reported too: the server refuses it (MariaDB 10.11 refuses any type change of a column a foreign key uses, error 1833), so drop the foreign keys, change both sides, and add them again.',
      bad: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id integer REFERENCES accounts (id));\nCREATE INDEX invoices_account_id_idx ON invoices (account_id);',
      good: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));\nCREATE INDEX invoices_account_id_idx ON invoices (account_id);',
    },
  },
  check(ctx, stmt) {
    const written = writtenColumns(ctx);
    for (const use of typeUses(ctx, stmt)) {
      if (use.definition && use.origin !== 'alter-column-type') written.set(columnKey(qualifiedKey(use.table.schema, use.table.name), use.column), use.definition);
    }
  },
  checkEnd(ctx) {
    if (ctx.state.reverting) return;
    const model = ctx.state.schema;
    const path = ctx.state.path;
    for (const [key, table] of model.tables) {
      for (const foreignKey of table.foreignKeys) {
        for (const mismatch of mismatches(model, table, foreignKey.columns, foreignKey.referencedTable, foreignKey.referencedColumns)) {
          const column = mismatch.column;
          const inThisFile = foreignKey.definedAt.path === path ? foreignKey.definedAt : column.changedAt.path === path ? column.changedAt : undefined;
          if (!inThisFile) {
            if (changedUnderForeignKey(model, mismatch, path)) ctx.report(referencedChanged(table, mismatch));
            continue;
          }
          const report: ReportInput = {
            range: inThisFile.range,
            ...(mismatch.conflict === 'refused' || mismatch.conflict === 'charset' ? { severity: 'error' as const } : {}),
            message: message(table, mismatch),
            help: help(mismatch),
            fixes: fixes(ctx, mismatch, writtenColumns(ctx).get(columnKey(key, column.name))),
          };
          ctx.report(report);
        }
      }
    }
  },
});
