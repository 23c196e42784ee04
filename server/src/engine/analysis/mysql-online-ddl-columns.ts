// The online-DDL table for column actions on MySQL/MariaDB InnoDB: ADD, DROP, RENAME, SET/DROP
// DEFAULT and CHANGE/MODIFY (a whole new definition, compared with the column the schema model
// holds). Sources: MySQL 8.0 Reference Manual 17.12.1 "Online DDL Operations" (Column Operations,
// Generated Column Operations; 5.7: 14.13.1), MariaDB KB "InnoDB Online DDL Operations with the
// INSTANT / NOCOPY / INPLACE Alter Algorithm"; every MariaDB claim is checked on 10.11 by
// test/db/mariadb-online-ddl-oracle.test.ts. Pure: no statement-level decisions here.
import type { ColumnDefinition, TypeName } from '../model';
import type { ColumnType, SchemaColumn } from '../schema/model';
import { canonicalCharset, takesCharset, writtenCharset } from '../schema/names-mysql';
import { columnIsIndexed, findColumn, onlineRebuildBlocker, primaryKeyColumns, unknownTable, withRebuildBlocker, type ActionContext } from './mysql-online-ddl-table';
import { inPlaceWithoutCopy, supports, verdict, weakestVerdict, type OnlineDdlVerdict, type VerdictFields } from './mysql-online-ddl-verdict';

/** Bytes per character of a character set's widest character (MySQL 8.0 manual 10.10 "Supported Character Sets"). */
const maxBytesPerCharacter: Record<string, number> = {
  utf8mb4: 4, utf8mb3: 3, utf8: 3, ucs2: 2, utf16: 4, utf16le: 4, utf32: 4, latin1: 1, latin2: 1, latin5: 1, latin7: 1, ascii: 1, binary: 1,
  cp1250: 1, cp1251: 1, cp1256: 1, cp1257: 1, cp850: 1, cp852: 1, cp866: 1, koi8r: 1, koi8u: 1, greek: 1, hebrew: 1, swe7: 1, tis620: 1,
  big5: 2, gbk: 2, gb2312: 2, gb18030: 4, sjis: 2, cp932: 2, euckr: 2, ujis: 3, eucjpms: 3,
};

/** A character set not listed is taken at 4 bytes: the widest, so a widening is never wrongly called in-bucket. */
const unknownCharsetBytes = 4;

const binaryVaryingTypes = new Set(['varbinary']);

function quote(name: string): string {
  return `\`${name}\``;
}

/** A MySQL type as written in messages: `int unsigned`, `varchar(255)`, `enum('a','b')`. */
export function mysqlTypeText(type: Pick<ColumnType, 'canonical' | 'modifiers' | 'unsigned' | 'values'>): string {
  const values = type.values ? `(${type.values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')})` : '';
  const modifiers = !type.values && type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  return `${type.canonical}${values}${modifiers}${type.unsigned ? ' unsigned' : ''}`;
}

const integerTypes = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint']);
const fractionalSecondTypes = new Set(['datetime', 'timestamp', 'time']);

/**
 * Modifiers as the server stores them: an integer's display width means nothing (`int(11)` is
 * `int`), `decimal` is `decimal(10,0)`, `decimal(p)` is `decimal(p,0)`, `datetime` is `datetime(0)`.
 */
function storedModifiers(canonical: string, modifiers: readonly number[]): readonly number[] {
  if (integerTypes.has(canonical)) return [];
  if (canonical === 'decimal') return [modifiers[0] ?? 10, modifiers[1] ?? 0];
  if (fractionalSecondTypes.has(canonical)) return [modifiers[0] ?? 0];
  return modifiers;
}

function sameList<T>(first: readonly T[] | undefined, second: readonly T[] | undefined): boolean {
  return (first ?? []).length === (second ?? []).length && (first ?? []).every((value, index) => value === second?.[index]);
}

function sameType(old: ColumnType, next: TypeName): boolean {
  return (
    old.canonical === next.canonical &&
    (old.unsigned ?? false) === (next.unsigned ?? false) &&
    sameList(storedModifiers(old.canonical, old.modifiers), storedModifiers(next.canonical, next.modifiers)) &&
    sameList(old.values, next.values)
  );
}

/** ENUM needs 1 byte up to 255 values, 2 beyond; SET 1, 2, 3, 4 or 8 bytes (MySQL 8.0 manual 13.7 "Data Type Storage Requirements"). */
function storageBytes(canonical: string, count: number): number {
  if (canonical === 'enum') return count <= 255 ? 1 : 2;
  const bytes = Math.ceil(count / 8);
  return bytes > 4 ? 8 : bytes;
}

/**
 * Whether widening a VARCHAR from `oldBytes` to `newBytes` (maximum lengths in bytes) changes how
 * many length bytes a row may need. MySQL 8.0 manual 17.12.1, Extending VARCHAR column size: "The
 * number of length bytes required by a VARCHAR column must remain the same … 0 to 255 bytes … one
 * length byte … 256 bytes or more … two length bytes". MariaDB 10.4+ (MDEV-15563) also widens
 * instantly from at most 127 bytes, as InnoDB's COMPACT/DYNAMIC rows store a value of up to 127
 * bytes with one length byte whatever the maximum ([ran] MariaDB 10.11: latin1 127 → 256 and
 * utf8mb4 20 → 70 instant; latin1 128 → 256 and utf8mb4 63 → 64 copy).
 */
function crossesLengthBytes(target: ActionContext['target'], oldBytes: number, newBytes: number): boolean {
  if (oldBytes <= 255 === newBytes <= 255) return false;
  return !(supports(target, 'instant-varchar-from-short') && oldBytes <= 127);
}

interface ColumnChange {
  readonly context: ActionContext;
  readonly old: SchemaColumn;
  readonly definition: ColumnDefinition;
  readonly oldName: string;
}

/** The charset a redefinition gives the column: its own clause, its collation's, else the table default (as MySQL applies it). */
function newCharset(change: ColumnChange): string | undefined {
  const { definition, context } = change;
  const tableCharset = context.table?.charset;
  return writtenCharset(definition.charset?.value, definition.collation?.value) ?? (tableCharset === undefined ? undefined : canonicalCharset(tableCharset));
}

/** The definition names no character set and the table's default is unknown: the column may take a different one. */
function charsetMayChange(change: ColumnChange): boolean {
  const { definition, context, old } = change;
  return old.charset !== undefined && !definition.charset && !definition.collation && context.table?.charset === undefined;
}

/** What the type comparison helpers share: the change, both types in words, and the charsets. */
interface TypeComparison {
  readonly change: ColumnChange;
  readonly from: string;
  readonly to: string;
  readonly oldCharset: string | undefined;
  readonly nextCharset: string | undefined;
}

function copyFields(cause: VerdictFields['cause'], subject: string): VerdictFields {
  return { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause, subject };
}

/** VARCHAR / VARBINARY to a length of the same kind, or undefined when the change is something else. */
function varyingLengthFields(comparison: TypeComparison): VerdictFields | undefined {
  const { change, from, to, oldCharset, nextCharset } = comparison;
  const { old, definition, oldName, context } = change;
  const next = definition.type;
  const varying = (old.type.canonical === 'varchar' && next.canonical === 'varchar') || (binaryVaryingTypes.has(old.type.canonical) && old.type.canonical === next.canonical);
  const [oldLength] = old.type.modifiers;
  const [newLength] = next.modifiers;
  if (!varying || oldLength === undefined || newLength === undefined) return undefined;
  if (newLength < oldLength) {
    // MySQL 8.0 manual 17.12.1, Extending VARCHAR column size: "Decreasing VARCHAR size using in-place ALTER TABLE is not supported".
    return copyFields('varchar-narrowing', `narrowing ${quote(oldName)} from ${from} to ${to}`);
  }
  const charset = next.canonical === 'varchar' ? (oldCharset ?? nextCharset) : 'binary';
  const bytesPerCharacter = charset === undefined ? unknownCharsetBytes : (maxBytesPerCharacter[charset] ?? unknownCharsetBytes);
  const unknown = charset === undefined ? { unknown: `the character set of ${quote(oldName)} (taken as utf8mb4, 4 bytes a character)` } : {};
  const varcharBytes = { from: oldLength * bytesPerCharacter, to: newLength * bytesPerCharacter, charset: charset ?? 'utf8mb4', bytesPerCharacter };
  if (crossesLengthBytes(context.target, varcharBytes.from, varcharBytes.to)) {
    const subject = `widening ${quote(oldName)} from ${from} to ${to} (${varcharBytes.from} to ${varcharBytes.to} bytes in ${varcharBytes.charset}, past the 255-byte length-byte boundary)`;
    return { ...copyFields('varchar-bucket', subject), varcharBytes, ...unknown };
  }
  // MariaDB KB: VARCHAR extension is an instant metadata change (from 10.2.2); MySQL: in place, metadata only.
  const algorithm = supports(context.target, 'instant-varchar-widening') ? 'instant' : 'inplace';
  return { algorithm, concurrentDml: true, rebuildsTable: false, cause: 'varchar-widening', subject: `widening ${quote(oldName)} from ${from} to ${to}`, varcharBytes, ...unknown };
}

/** ENUM to ENUM or SET to SET, or undefined when the change is something else. */
function enumFields(comparison: TypeComparison): VerdictFields | undefined {
  const { change, from, to } = comparison;
  const { old, definition, oldName } = change;
  const next = definition.type;
  const kind = next.canonical.toUpperCase();
  if ((old.type.canonical !== 'enum' && old.type.canonical !== 'set') || old.type.canonical !== next.canonical || !old.type.values || !next.values) return undefined;
  const enumValues = { from: old.type.values, to: next.values };
  const appended = enumValues.to.length > enumValues.from.length && enumValues.from.every((value, index) => enumValues.to[index] === value);
  if (!appended) {
    // MySQL 8.0 manual 17.12.1, Modifying the definition of an ENUM or SET column: instant only "by
    // adding new enumeration or set members to the end of the list" ([ran] MariaDB 10.11: reorder copies).
    return { ...copyFields('enum-reorder', `redefining ${kind} ${quote(oldName)} from ${from} to ${to} (values removed, reordered or inserted before the end)`), enumValues };
  }
  if (storageBytes(next.canonical, enumValues.to.length) !== storageBytes(old.type.canonical, enumValues.from.length)) {
    // Same section: "as long as the storage size of the data type does not change" ([ran] 255 → 256 ENUM values and 8 → 9 SET members copy).
    return { ...copyFields('enum-storage', `appending to ${kind} ${quote(oldName)} past ${enumValues.from.length} values (its storage size grows)`), enumValues };
  }
  return { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'enum-append', subject: `appending values to ${kind} ${quote(oldName)}`, enumValues };
}

/** The cost of the type part of a redefinition: charset, length, values, type; undefined when the type stays. */
function typeChangeFields(change: ColumnChange): VerdictFields | undefined {
  const { context, old, definition, oldName } = change;
  const next = definition.type;
  const written = old.charset ?? context.table?.charset;
  const oldCharset = written === undefined ? undefined : canonicalCharset(written);
  const nextCharset = takesCharset(next.canonical) ? newCharset(change) : undefined;
  const bothText = takesCharset(old.type.canonical) && takesCharset(next.canonical);
  if (bothText && oldCharset !== undefined && nextCharset !== undefined && oldCharset !== nextCharset) {
    // MySQL 8.0 manual 17.12.1: "Changing the column data type … only supports ALGORITHM=COPY"; a new
    // character set re-encodes every value ([ran] MariaDB 10.11: latin1 → utf8mb4 copies).
    return copyFields('charset-change', `changing the character set of ${quote(oldName)} from ${oldCharset} to ${nextCharset}`);
  }
  if (bothText && charsetMayChange(change)) {
    // A redefinition without CHARACTER SET takes the table's default ([ran] MariaDB 10.11: a latin1
    // column of a utf8mb4 table, widened without naming latin1, copies).
    return {
      ...copyFields('charset-change', `redefining ${quote(oldName)} (${oldCharset}) without CHARACTER SET, which gives it the table's default`),
      unknown: `the default character set of ${quote(context.tableName)}`,
    };
  }
  if (sameType(old.type, next)) return undefined;
  const comparison: TypeComparison = { change, from: mysqlTypeText(old.type), to: mysqlTypeText(next), oldCharset, nextCharset };
  // MySQL 8.0 manual 17.12.1: "Changing the column data type: Instant No, In Place No" ([ran] MariaDB 10.11: int → bigint, tinyint → int, int → int unsigned, char widening, text → mediumtext all copy).
  return varyingLengthFields(comparison) ?? enumFields(comparison) ?? copyFields('type-change', `changing ${quote(oldName)} from ${comparison.from} to ${comparison.to}`);
}

/** Whether `FIRST` / `AFTER c` moves the column (it may name where it already is). */
function movesColumn(change: ColumnChange): boolean {
  const position = change.definition.position;
  const columns = change.context.table?.columns ?? [];
  if (!position) return false;
  const index = columns.findIndex((column) => column.name.toLowerCase() === change.oldName.toLowerCase());
  if (position.kind === 'first') return index !== 0;
  const anchor = columns.findIndex((column) => column.name.toLowerCase() === position.column.toLowerCase());
  return anchor === -1 || index !== anchor + 1;
}

function changeVerdict(context: ActionContext, fields: VerdictFields): OnlineDdlVerdict {
  return verdict(context.target, withRebuildBlocker(context, fields));
}

/** CHANGE / MODIFY: each difference from the old column, and the weakest of them. */
export function changeColumnVerdict(context: ActionContext, oldName: string, definition: ColumnDefinition): OnlineDdlVerdict {
  const { target } = context;
  const old = findColumn(context.table, oldName);
  if (!old) {
    // Without the old definition anything may change; the type change (COPY) is the conservative reading.
    return verdict(target, {
      algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'type-change',
      subject: `redefining ${quote(oldName)} as ${mysqlTypeText(definition.type)}`,
      unknown: unknownTable(context) ?? `the current definition of ${quote(oldName)}`,
    });
  }
  const change: ColumnChange = { context, old, definition, oldName };
  const parts: VerdictFields[] = [];
  const typeChange = typeChangeFields(change);
  if (typeChange) parts.push(typeChange);
  if ((old.generated ?? 'none') !== (definition.generated ? (definition.generated.stored ? 'stored' : 'virtual') : 'none')) {
    parts.push({ algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'type-change', subject: `changing whether ${quote(oldName)} is generated` });
  }
  if (definition.autoIncrement && !old.autoIncrement) {
    // [ran] MariaDB 10.11: MODIFY … AUTO_INCREMENT on an existing column copies the table.
    parts.push({ algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'auto-increment-column', subject: `making ${quote(oldName)} AUTO_INCREMENT` });
  }
  if (old.notNull !== definition.notNull) {
    // MySQL 8.0 manual 17.12.1: "Making a column NULL / NOT NULL: In Place Yes, Rebuilds Table Yes, Permits Concurrent DML Yes".
    parts.push({ algorithm: 'inplace', concurrentDml: true, rebuildsTable: true, cause: 'nullability', subject: `making ${quote(oldName)} ${definition.notNull ? 'NOT NULL' : 'nullable'}` });
  }
  if (movesColumn(change)) parts.push(reorderFields(context, oldName));
  if (definition.name.toLowerCase() !== oldName.toLowerCase()) parts.push(renameFields(context, oldName, definition.name));
  // A redefinition that changes nothing above (default, comment, the same type) only rewrites metadata.
  const metadataOnly: VerdictFields = { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `redefining ${quote(oldName)} without changing its type` };
  const verdicts = (parts.length > 0 ? parts : [metadataOnly]).map((fields) => ({ verdict: changeVerdict(context, fields) }));
  return weakestVerdict(verdicts)?.verdict ?? changeVerdict(context, metadataOnly);
}

function reorderFields(context: ActionContext, column: string): VerdictFields {
  // MySQL 8.0 manual 17.12.1: "Reordering columns: Instant No, In Place Yes, Rebuilds Table Yes"; MariaDB 10.4+: instant.
  const subject = `moving ${quote(column)} to another position`;
  if (supports(context.target, 'instant-reorder-column')) {
    return { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'column-order', subject, withoutInstant: { algorithm: 'inplace', rebuildsTable: true, concurrentDml: true } };
  }
  return { algorithm: 'inplace', concurrentDml: true, rebuildsTable: true, cause: 'column-order', subject };
}

function renameFields(context: ActionContext, from: string, to: string): VerdictFields {
  // MySQL 8.0 manual 17.12.1, Renaming a column: INSTANT from 8.0.28, in place and metadata-only before.
  const algorithm = supports(context.target, 'instant-rename-column') ? 'instant' : inPlaceWithoutCopy(context.target);
  return { algorithm, concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `renaming ${quote(from)} to ${quote(to)}` };
}

export function renameColumnVerdict(context: ActionContext, from: string, to: string): OnlineDdlVerdict {
  return verdict(context.target, renameFields(context, from, to));
}

export function defaultVerdict(context: ActionContext, column: string, set: boolean): OnlineDdlVerdict {
  // MySQL 8.0 manual 17.12.1, Setting / Dropping the column default value: "Instant Yes … Only Modifies Metadata Yes" (in place on 5.7).
  return verdict(context.target, { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'metadata', subject: `${set ? 'setting' : 'dropping'} the default of ${quote(column)}` });
}

export function addColumnVerdict(context: ActionContext, column: ColumnDefinition): OnlineDdlVerdict {
  const { target } = context;
  const name = quote(column.name);
  if (column.generated?.stored) {
    // MySQL 8.0 manual 17.12.1 Generated Column Operations: "Adding a STORED column: In Place No" ([ran] MariaDB 10.11 copies).
    return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'stored-generated-column', subject: `adding the stored generated column ${name}` });
  }
  if (column.generated) {
    // Same section: "Adding a VIRTUAL column: Instant Yes, Rebuilds Table No". Combined with other
    // actions it is not in place on MySQL (ALTER TABLE and Generated Columns); MariaDB then refuses
    // LOCK=NONE ([ran]: "INPLACE ADD or DROP of virtual columns cannot be combined with other ALTER TABLE actions").
    const fallback = target.dialect === 'mariadb' ? { algorithm: inPlaceWithoutCopy(target), rebuildsTable: false, concurrentDml: false } : { algorithm: 'copy' as const, rebuildsTable: true, concurrentDml: false };
    return verdict(target, { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'virtual-generated-column', subject: `adding the virtual generated column ${name}`, withoutInstant: fallback });
  }
  if (column.autoIncrement) {
    // MySQL 8.0 manual 17.12.1, Adding a column: "Concurrent DML is not permitted when adding an
    // auto-increment column … At a minimum, ALGORITHM=INPLACE, LOCK=SHARED is required" ([ran] MariaDB 10.11 the same).
    return verdict(target, { algorithm: 'inplace', concurrentDml: false, rebuildsTable: true, cause: 'auto-increment-column', subject: `adding the AUTO_INCREMENT column ${name}` });
  }
  return columnLayoutVerdict(context, {
    subject: `adding ${name}${column.position ? (column.position.kind === 'first' ? ' FIRST' : ` AFTER ${quote(column.position.column)}`) : ''}`,
    cause: 'add-column',
    instant: supports(target, 'instant-add-column') && (!column.position || supports(target, 'instant-add-column-anywhere')),
    // The version would add it instantly at the end: only the position costs the rebuild.
    positionCosts: column.position !== undefined && supports(target, 'instant-add-column') && !supports(target, 'instant-add-column-anywhere'),
  });
}

export function dropColumnVerdict(context: ActionContext, column: string): OnlineDdlVerdict {
  const { target } = context;
  const name = quote(column);
  if (primaryKeyColumns(context).includes(column.toLowerCase())) {
    // Dropping a key column drops the primary key without a new one: MySQL 8.0 manual 17.12.1
    // Primary Key Operations, "Dropping a primary key: In Place No" ([ran] MariaDB 10.11 copies).
    return verdict(target, { algorithm: 'copy', concurrentDml: false, rebuildsTable: true, cause: 'primary-key-drop', subject: `dropping the primary key column ${name}` });
  }
  const old = findColumn(context.table, column);
  if (old?.generated === 'virtual') {
    // Generated Column Operations: "Dropping a VIRTUAL column: Instant Yes, Rebuilds Table No".
    return verdict(target, { algorithm: 'instant', concurrentDml: true, rebuildsTable: false, cause: 'virtual-generated-column', subject: `dropping the virtual generated column ${name}` });
  }
  if (columnIsIndexed(context, column)) {
    // Its indexes go too. MariaDB drops them without copying ([ran] 10.11: NOCOPY); MySQL's instant
    // DROP COLUMN cannot drop an index, so it rebuilds in place.
    if (target.dialect === 'mariadb') return verdict(target, { algorithm: 'nocopy', concurrentDml: true, rebuildsTable: false, cause: 'drop-column', subject: `dropping the indexed column ${name}` });
    return changeVerdict(context, { algorithm: 'inplace', concurrentDml: true, rebuildsTable: true, cause: 'drop-column', subject: `dropping the indexed column ${name}` });
  }
  const storedOnMysql = old?.generated === 'stored' && target.dialect === 'mysql';
  return columnLayoutVerdict(context, {
    subject: `dropping ${name}`,
    cause: 'drop-column',
    // Generated Column Operations: "Dropping a STORED column: In Place Yes, Rebuilds Table Yes" on MySQL; [ran] MariaDB 10.11: instant.
    instant: supports(target, 'instant-drop-column') && !storedOnMysql,
    positionCosts: false,
    unknown: unknownTable(context) === undefined ? undefined : `whether ${name} is in an index or the primary key`,
  });
}

/**
 * ADD / DROP of a stored column: INSTANT where the version allows it, else an in-place rebuild that
 * lets writes through. A table with a FULLTEXT index is never changed instantly (MySQL 8.0 manual
 * 17.12.1 INSTANT limitations; MariaDB KB: "If a hidden FTS_DOC_ID column is present, table rebuild
 * will still be needed" — [ran] 10.11, under LOCK=SHARED).
 */
function columnLayoutVerdict(
  context: ActionContext,
  options: { subject: string; cause: 'add-column' | 'drop-column'; instant: boolean; positionCosts: boolean; unknown?: string | undefined },
): OnlineDdlVerdict {
  const rebuild: VerdictFields = {
    algorithm: 'inplace', concurrentDml: true, rebuildsTable: true,
    cause: options.positionCosts ? 'column-position' : options.cause, subject: options.subject,
    ...(options.unknown ? { unknown: options.unknown } : {}),
  };
  if (!options.instant || onlineRebuildBlocker(context) === 'fulltext-index') return changeVerdict(context, rebuild);
  return verdict(context.target, { ...rebuild, algorithm: 'instant', rebuildsTable: false, cause: options.cause, withoutInstant: { algorithm: 'inplace', rebuildsTable: true, concurrentDml: onlineRebuildBlocker(context) === undefined } });
}
