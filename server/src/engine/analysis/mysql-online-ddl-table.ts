// What the online-DDL table asks of the table an ALTER changes: its columns, keys and indexes as the
// schema model holds them, and the statement's other actions. Read-only; it must not decide any
// algorithm (the verdict modules do).
import type { AlterTableAction } from '../model';
import { primaryKeyOf, qualifiedKey, type SchemaColumn, type SchemaIndex, type SchemaModel, type SchemaTable } from '../schema/model';
import type { OnlineDdlTarget, VerdictFields, WritesBlockedBy } from './mysql-online-ddl-verdict';

export interface ActionContext {
  readonly target: OnlineDdlTarget;
  readonly schema: SchemaModel;
  /** The table as the earlier statements left it; undefined when the model does not hold it. */
  readonly table: SchemaTable | undefined;
  readonly tableName: string;
  readonly tableKey: string;
  /** `SET foreign_key_checks = 0` is in effect. */
  readonly foreignKeyChecksOff: boolean;
  /** Every action of the statement, this one included (a PK drop is cheaper when the statement adds one). */
  readonly actions: readonly AlterTableAction[];
}

export function tableKeyOf(table: { readonly schema: string | undefined; readonly name: string }): string {
  return qualifiedKey(table.schema, table.name);
}

/** MySQL column names are case-insensitive. */
export function findColumn(table: SchemaTable | undefined, name: string): SchemaColumn | undefined {
  const wanted = name.toLowerCase();
  return table?.columns.find((column) => column.name.toLowerCase() === wanted);
}

export function tableIndexes(context: ActionContext): SchemaIndex[] {
  return context.schema.indexesOn(context.tableKey);
}

export function primaryKeyColumns(context: ActionContext): readonly string[] {
  const key = context.table ? primaryKeyOf(context.table) : undefined;
  return key ? key.columns.map((column) => column.toLowerCase()) : [];
}

/** Whether a secondary index (or unique key) lists the column. */
export function columnIsIndexed(context: ActionContext, column: string): boolean {
  const wanted = column.toLowerCase();
  const inKey = context.table?.keys.some((key) => key.kind === 'unique' && key.columns.some((name) => name.toLowerCase() === wanted)) ?? false;
  return inKey || tableIndexes(context).some((index) => index.elements.some((element) => element.column?.toLowerCase() === wanted));
}

export function hasIndexWithMethod(context: ActionContext, method: 'fulltext' | 'spatial'): boolean {
  return tableIndexes(context).some((index) => index.method === method);
}

/**
 * The index that keeps an in-place rebuild of this table from letting writes through, if one does:
 * InnoDB rebuilds a FULLTEXT index under a shared lock ("Fulltext index creation requires a lock")
 * and refuses online operations on tables with a SPATIAL index ("Do not support online operation
 * on table with GIS index") — both ran on MariaDB 10.11; MySQL has the same two errors
 * (ER_ALTER_OPERATION_NOT_SUPPORTED_REASON_FTS / _GIS).
 */
export function onlineRebuildBlocker(context: ActionContext): WritesBlockedBy | undefined {
  if (hasIndexWithMethod(context, 'fulltext')) return 'fulltext-index';
  if (hasIndexWithMethod(context, 'spatial')) return 'spatial-index';
  return undefined;
}

/** An in-place rebuild as the table allows it: writes wait when a FULLTEXT or SPATIAL index forbids an online rebuild. */
export function withRebuildBlocker(context: ActionContext, fields: VerdictFields): VerdictFields {
  const blocker = fields.rebuildsTable && fields.algorithm !== 'copy' ? onlineRebuildBlocker(context) : undefined;
  if (!blocker) return fields;
  const index = blocker === 'fulltext-index' ? 'FULLTEXT' : 'SPATIAL';
  return { ...fields, concurrentDml: false, writesBlockedBy: blocker, subject: `${fields.subject} (the table has a ${index} index)` };
}

export function unknownTable(context: ActionContext): string | undefined {
  return context.table ? undefined : `the definition of \`${context.tableName}\``;
}
