// The names PostgreSQL gives unnamed indexes and constraints (ChooseRelationName /
// ChooseConstraintName): `<table>_<columns>_<label>`, cut to fit NAMEDATALEN, with a number
// appended on a clash. The model must use the same names, or a later `DROP INDEX users_email_idx`
// would not find what an earlier unnamed `CREATE INDEX ON users (email)` built.
import type { TableConstraint } from '../model';
import { qualifiedKey, type SchemaModel } from './model';

const maxIdentifierBytes = 63;

const encoder = new TextEncoder();

const ascii = /^[\x00-\x7f]*$/;

function byteLength(text: string): number {
  return ascii.test(text) ? text.length : encoder.encode(text).length;
}

/** Cuts `text` to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  if (ascii.test(text)) return text.slice(0, bytes);
  let result = '';
  let used = 0;
  for (const character of text) {
    const size = byteLength(character);
    if (used + size > bytes) break;
    result += character;
    used += size;
  }
  return result;
}

/** makeObjectName: shortens the longer of the two parts until `name1_name2_label` fits. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let length1 = byteLength(name1);
  let length2 = name2 === undefined ? 0 : byteLength(name2);
  const overhead = byteLength(label) + 1 + (name2 === undefined ? 0 : 1);
  const available = maxIdentifierBytes - overhead;
  while (length1 + length2 > available) {
    if (length1 > length2) length1--;
    else length2--;
  }
  const first = cutToBytes(name1, length1);
  const parts = name2 === undefined ? [first] : [first, cutToBytes(name2, length2)];
  return `${parts.join('_')}_${label}`;
}

/** Column names joined as PostgreSQL joins them in generated index names. */
export function joinedColumns(columns: readonly string[]): string {
  return cutToBytes(columns.join('_'), maxIdentifierBytes);
}

/** The part PostgreSQL derives from an index or key's columns; an expression contributes its function name or `expr`. */
export function columnsAddition(elements: readonly { readonly column: string | undefined; readonly expression?: string | undefined }[]): string {
  const parts = elements.map((element) => {
    if (element.column !== undefined) return element.column;
    const call = /^\s*\(?\s*([a-z_][\w$]*)\s*\(/i.exec(element.expression ?? '');
    return call?.[1]?.toLowerCase() ?? 'expr';
  });
  return cutToBytes(parts.join('_'), maxIdentifierBytes);
}

/**
 * Whether a relation (table, view, index, sequence) of that name exists in the schema, or a
 * constraint of the table. PostgreSQL checks constraint names schema-wide; generated names start
 * with the table's name, so another table's clash is left out (it would cost a scan per name).
 */
function nameTaken(model: SchemaModel, schema: string | undefined, name: string, table: string): boolean {
  const key = qualifiedKey(schema, name);
  if (model.tables.has(key) || model.indexes.has(key) || model.sequences.has(key)) return true;
  const owner = model.tables.get(qualifiedKey(schema, table));
  return owner !== undefined && (owner.foreignKeys.some((foreignKey) => foreignKey.name === name) || owner.checks.some((check) => check.name === name));
}

/** A free name `table_addition_label`, then `…_label1`, `…_label2` … as PostgreSQL picks. */
export function chooseName(model: SchemaModel, schema: string | undefined, table: string, addition: string | undefined, label: string): string {
  let candidate = makeObjectName(table, addition, label);
  for (let suffix = 1; nameTaken(model, schema, candidate, table); suffix++) candidate = makeObjectName(table, addition, `${label}${suffix}`);
  return candidate;
}

const constraintLabels: Record<TableConstraint['kind'], string> = {
  'primary-key': 'pkey',
  unique: 'key',
  'foreign-key': 'fkey',
  check: 'check',
  exclusion: 'excl',
  'not-null': 'not_null',
};

/** The name PostgreSQL gives an unnamed constraint on `table`. */
export function constraintName(model: SchemaModel, schema: string | undefined, table: string, constraint: TableConstraint): string {
  if (constraint.name) return constraint.name;
  const label = constraintLabels[constraint.kind];
  if (constraint.kind === 'primary-key') return chooseName(model, schema, table, undefined, label);
  const columns = constraint.kind === 'check' ? checkColumn(constraint) : constraint.columns.join('_');
  return chooseName(model, schema, table, columns === '' ? undefined : cutToBytes(columns, maxIdentifierBytes), label);
}

/** A CHECK is named after its column when its expression reads exactly one (else `<table>_check`). */
function checkColumn(constraint: TableConstraint): string {
  const columns = constraint.check?.columns ?? [];
  return columns.length === 1 ? (columns[0] ?? '') : '';
}
