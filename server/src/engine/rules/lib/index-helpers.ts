// Comparing indexes of the schema model with a CREATE INDEX statement: same key, prefix of a key.
import type { StatementOf } from '../../model';
import type { ReportInput, RuleContext } from './rule';
import { qualifiedKey, type SchemaIndex, type SchemaModel } from '../../schema/model';

/** An index element as compared: the column, or the expression's text without spaces and case. */
export function elementKey(element: { readonly column: string | undefined; readonly expression?: string | undefined }): string {
  return element.column !== undefined ? `c:${element.column}` : `e:${(element.expression ?? '').replace(/\s+/g, '').toLowerCase()}`;
}

export function predicateKey(predicate: string | undefined): string {
  return (predicate ?? '').replace(/\s+/g, '').toLowerCase();
}

/** The statement's index in the model's terms, with the existing indexes on its table (the model before it). */
export function indexBeingCreated(model: SchemaModel, stmt: StatementOf<'create-index'>): { readonly keys: string[]; readonly others: SchemaIndex[] } | undefined {
  const tableKey = qualifiedKey(stmt.table.schema, stmt.table.name);
  if (!model.tables.has(tableKey)) return undefined;
  // IF NOT EXISTS over an existing name creates nothing.
  if (stmt.ifNotExists && stmt.name && model.indexes.has(qualifiedKey(stmt.table.schema, stmt.name.name))) return undefined;
  const keys = stmt.elements.map((element) => elementKey({ column: element.column, expression: element.expression?.text }));
  return { keys, others: model.indexesOn(tableKey) };
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

/** `prefix` is a proper leading part of `keys`. */
export function isLeadingPrefix(prefix: readonly string[], keys: readonly string[]): boolean {
  return prefix.length < keys.length && prefix.every((key, index) => key === keys[index]);
}

/** A finding about two indexes, held until the unit ends: a migration that builds a replacement and then drops the old index is fine. */
export interface PendingIndexFinding {
  readonly report: ReportInput;
  /** Model keys of the indexes that must both still exist at the end of the unit. */
  readonly indexKeys: readonly string[];
}

export function reportIfIndexesRemain(ctx: RuleContext, pending: readonly PendingIndexFinding[]): void {
  for (const finding of pending) if (finding.indexKeys.every((key) => ctx.state.schema.indexes.has(key))) ctx.report(finding.report);
}

/** The model key of the index a CREATE INDEX statement builds, when it is named. */
export function createdIndexKey(stmt: StatementOf<'create-index'>): string | undefined {
  return stmt.name ? qualifiedKey(stmt.table.schema, stmt.name.name) : undefined;
}

/** The model key of an existing index (it lives in its table's schema). */
export function existingIndexKey(model: SchemaModel, index: SchemaIndex): string {
  return qualifiedKey(model.tables.get(index.table)?.schema, index.name);
}
