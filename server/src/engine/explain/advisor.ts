// Static index candidates for a query (REFERENCE.md "Index advisor algorithm", B.1): from the
// query shape and the schema model, per table, the equality columns first (foreign keys and
// `*_id` columns before others, as there are no statistics offline), then one range column or the
// ORDER BY columns, at most three; join keys on the side a join looks up. A candidate an existing
// index already serves is dropped. Not cost-verified here: the database layer measures them
// (on PostgreSQL; MySQL and MariaDB have no hypothetical indexes, so theirs stay heuristics).
import type { ColumnUse, Dialect, QueryShape, Statement } from '../model';
import { indexNameFor, onlineAddIndexStatement, onlineDropIndexStatement } from '../schema/add-index';
import { columnOf, qualifiedKey, type SchemaIndex, type SchemaModel, type SchemaTable } from '../schema/model';

export interface IndexCandidateSuggestion {
  readonly schema: string | undefined;
  readonly table: string;
  readonly columns: readonly string[];
  /** A free name in the project's naming pattern. */
  readonly name: string;
  /** The query's clauses the columns come from: `WHERE customer_id = … ORDER BY created_at DESC`. */
  readonly reason: string;
  /** `CREATE INDEX CONCURRENTLY …` on PostgreSQL, `ALTER TABLE … ADD INDEX …, ALGORITHM=INPLACE, LOCK=NONE` on MySQL/MariaDB (no terminator). */
  readonly statement: string;
  /** What undoes it, for a down migration: `DROP INDEX CONCURRENTLY IF EXISTS …` / `ALTER TABLE … DROP INDEX …` (no terminator). */
  readonly revert: string;
}

/** pghero and SOAR stop at 2–3 columns. */
const maxColumns = 3;

/** Types without a btree operator class, or whose btree index serves no lookup (Dexter drops json, jsonb and point). */
const noBtree = new Set(['json', 'jsonb', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle', 'tsvector', 'tsquery']);
/** MySQL/MariaDB: JSON and spatial columns take no plain index, TEXT and BLOB only with a prefix length (ER_BLOB_KEY_WITHOUT_LENGTH). */
const mysqlNoPlainIndex = new Set([
  'json', 'tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob',
  'geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection',
]);

interface KnownTable {
  readonly key: string;
  readonly table: SchemaTable;
}

interface Candidate {
  readonly known: KnownTable;
  /** Leading columns in any order (equalities and join keys). */
  readonly equal: readonly string[];
  /** Then these, in order (a range column, or the ORDER BY / GROUP BY columns). */
  readonly tail: readonly string[];
  readonly reason: string;
}

export function indexCandidates(shape: QueryShape, model: SchemaModel): IndexCandidateSuggestion[] {
  const known = new Map<string, KnownTable>();
  for (const table of shape.tables) {
    const key = qualifiedKey(table.schema, table.name);
    const found = model.tables.get(key);
    if (found && (found.kind === 'table' || found.kind === 'materialized-view')) known.set(table.ref, { key, table: found });
  }
  const allKnown = shape.tables.every((table) => known.has(table.ref));
  /** The ref a use belongs to, when its table is known, holds the column, and the column can be btree-indexed. */
  const refOf = (table: string | undefined, column: string): string | undefined => {
    if (table === undefined) {
      // One of several tables: the one that has the column, when that is certain.
      if (!allKnown) return undefined;
      const holders = [...known].filter(([, entry]) => columnOf(entry.table, column) !== undefined || entry.table.columnsIncomplete);
      const [only] = holders;
      return holders.length === 1 && only && indexable(only[1].table, column, model.dialect) ? only[0] : undefined;
    }
    const entry = known.get(table);
    return entry && indexable(entry.table, column, model.dialect) ? table : undefined;
  };
  const refs = new Map<ColumnUse, string | undefined>(shape.columns.map((use) => [use, refOf(use.table, use.column)]));
  const orderUses = shape.columns.filter((use) => use.use === 'order');
  const groupUses = shape.columns.filter((use) => use.use === 'group');
  const candidates: Candidate[] = [];
  for (const [ref, entry] of known) {
    const mine = shape.columns.filter((use) => refs.get(use) === ref);
    const allHere = (list: readonly ColumnUse[]): boolean => list.every((use) => refs.get(use) === ref);
    const allEqual = rankEqualities(entry.table, distinct(mine.filter((use) => use.use === 'eq').map((use) => use.column)));
    const equal = allEqual.slice(0, maxColumns);
    const room = maxColumns - equal.length;
    const range = mine.find((use) => (use.use === 'range' || use.use === 'prefix-like') && !allEqual.includes(use.column));
    const where = equal.map((column) => `${column} = …`);
    let tail: string[] = [];
    let clause = '';
    if (range) {
      tail = [range.column].slice(0, room);
      if (tail.length > 0) where.push(rangeText(range));
    } else if (orderUses.length > 0 && groupUses.length === 0 && allHere(orderUses) && sortable(orderUses, allEqual)) {
      // ORDER BY is served only when all of it is on this table, after equalities, in one direction.
      tail = distinct(orderUses.map((use) => use.column)).filter((column) => !allEqual.includes(column)).slice(0, room);
      const direction = orderUses[0]?.direction === 'desc' ? ' DESC' : '';
      if (tail.length > 0) clause = `ORDER BY ${tail.map((column) => `${column}${direction}`).join(', ')}`;
    } else if (groupUses.length > 0 && equal.length > 0 && allHere(groupUses)) {
      tail = distinct(groupUses.map((use) => use.column)).filter((column) => !allEqual.includes(column)).slice(0, room);
      if (tail.length > 0) clause = `GROUP BY ${tail.join(', ')}`;
    }
    if (equal.length > 0 || tail.length > 0) {
      const reason = [where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', clause].filter((part) => part !== '').join(' ');
      candidates.push({ known: entry, equal, tail, reason });
    }
    // Join keys, on the side the join looks rows up in (not the preserved side of an outer join), per joined table.
    const joins = mine.filter((use) => use.use === 'join' && !use.preserved);
    for (const partner of distinct(joins.map((use) => use.partner?.table ?? ''))) {
      const keys = joins.filter((use) => (use.partner?.table ?? '') === partner);
      const columns = rankEqualities(entry.table, distinct(keys.map((use) => use.column)));
      const conditions = keys.map((use) => `${ref}.${use.column} = ${use.partner?.table !== undefined ? `${use.partner.table}.` : ''}${use.partner?.column ?? '…'}`);
      candidates.push({ known: entry, equal: columns.slice(0, maxColumns), tail: [], reason: `JOIN ON ${distinct(conditions).join(' AND ')}` });
    }
  }
  return suggestions(candidates, model);
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function indexable(table: SchemaTable, column: string, dialect: Dialect): boolean {
  const found = columnOf(table, column);
  if (found === undefined || found.type.isArray) return false;
  return !(dialect === 'postgres' ? noBtree : mysqlNoPlainIndex).has(found.type.canonical.toLowerCase());
}

/** ORDER BY in one direction (a btree is read forwards or backwards), not made up of equality columns only. */
function sortable(orderUses: readonly ColumnUse[], equal: readonly string[]): boolean {
  const direction = orderUses[0]?.direction;
  return orderUses.every((use) => use.direction === direction) && orderUses.some((use) => !equal.includes(use.column));
}

function rangeText(use: ColumnUse): string {
  if (use.use === 'prefix-like') return `${use.column} LIKE '…%'`;
  if (use.operator === 'between') return `${use.column} BETWEEN …`;
  return `${use.column} ${use.operator ?? '>'} …`;
}

/** Equality columns, most selective first as far as names tell: foreign keys and `*_id`, then others, booleans last. */
function rankEqualities(table: SchemaTable, columns: readonly string[]): string[] {
  const rank = (column: string): number => {
    if (table.foreignKeys.some((key) => key.columns.includes(column)) || column === 'id' || column.endsWith('_id')) return 0;
    return columnOf(table, column)?.type.canonical === 'bool' ? 2 : 1;
  };
  return [...columns].sort((a, b) => rank(a) - rank(b));
}

/** An existing index serves the candidate: its leading columns are the equalities (any order) then the tail (in order); or a unique index's columns are all among the equalities. */
export function indexCovers(index: SchemaIndex, equal: readonly string[], tail: readonly string[]): boolean {
  if (index.predicate !== undefined || !index.valid) return false;
  const columns = index.elements.map((element) => element.column);
  if (index.unique && (index.method === 'btree' || index.method === 'hash') && columns.length > 0 && columns.every((column) => column !== undefined && equal.includes(column))) {
    return true;
  }
  if (index.method === 'hash') return tail.length === 0 && equal.length === 1 && columns[0] === equal[0];
  if (index.method !== 'btree' || columns.length < equal.length + tail.length) return false;
  const leading = new Set(columns.slice(0, equal.length));
  if (!equal.every((column) => leading.has(column))) return false;
  return tail.every((column, position) => columns[equal.length + position] === column);
}

function suggestions(candidates: readonly Candidate[], model: SchemaModel): IndexCandidateSuggestion[] {
  const open = candidates.filter((candidate) => {
    if (candidate.equal.length + candidate.tail.length === 0) return false;
    return !model.indexesOn(candidate.known.key).some((index) => indexCovers(index, candidate.equal, candidate.tail));
  });
  const columnsOf = (candidate: Candidate): string[] => [...candidate.equal, ...candidate.tail];
  const kept: Candidate[] = [];
  for (const candidate of open) {
    const columns = columnsOf(candidate);
    // A candidate another one on the same table starts with is served by that one (Dexter drops it too).
    const servedByOther = open.some((other) => {
      if (other === candidate || other.known.key !== candidate.known.key) return false;
      const otherColumns = columnsOf(other);
      if (otherColumns.length < columns.length) return false;
      const prefix = otherColumns.slice(0, columns.length).join('\u0000') === columns.join('\u0000');
      return prefix && (otherColumns.length > columns.length || open.indexOf(other) < open.indexOf(candidate));
    });
    if (!servedByOther) kept.push(candidate);
  }
  return kept.map((candidate) => {
    const { table } = candidate.known;
    const columns = columnsOf(candidate);
    const name = indexNameFor(model, table, columns);
    return {
      schema: table.schema,
      table: table.name,
      columns,
      name,
      reason: candidate.reason,
      statement: onlineAddIndexStatement(model.dialect, { schema: table.schema, name: table.name }, columns, name),
      revert: onlineDropIndexStatement(model.dialect, { schema: table.schema, name: table.name }, name),
    };
  });
}

/** The query shape of a statement that has one (SELECT, UPDATE, DELETE, INSERT … SELECT). */
export function queryShapeOf(stmt: Statement): QueryShape | undefined {
  return stmt.kind === 'select' || stmt.kind === 'update' || stmt.kind === 'delete' || stmt.kind === 'insert' ? stmt.shape : undefined;
}
