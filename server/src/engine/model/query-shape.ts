// What a query reads and how it filters, joins, sorts and groups: the columns an index could serve.
// The index advisor reads it instead of the raw AST. Lowered conservatively: a predicate the
// lowering cannot attribute to a column of a listed table (inside OR, subqueries, CTE bodies,
// functions of a column) is left out, so a use listed here is one a plain btree index can serve.
// It holds no file offsets (shift.ts needs none moved).

/** A table the query reads in its own FROM / JOIN / USING list (not inside subqueries or CTEs). */
export interface QueryShapeTable {
  readonly schema: string | undefined;
  readonly name: string;
  readonly alias: string | undefined;
  /** How the query's columns refer to it: the alias when there is one, otherwise the name. Unique within a shape. */
  readonly ref: string;
}

/**
 * - `eq`: `col = value`, `col IN (values)`, `col = ANY (value)`, `col IS NULL`, `col LIKE 'exact'`
 * - `range`: `<`, `<=`, `>`, `>=`, `BETWEEN` against a value
 * - `prefix-like`: `col LIKE 'abc%'` (a btree serves it with the C collation or `text_pattern_ops`)
 * - `join`: `a.col = b.col` between two tables (ON, USING or WHERE)
 * - `order` / `group`: a plain column in ORDER BY / GROUP BY
 */
export type ColumnUseKind = 'eq' | 'range' | 'prefix-like' | 'join' | 'order' | 'group';

export interface ColumnUse {
  /** The `ref` of the table the column belongs to; undefined when an unqualified column could be any of several tables (the advisor resolves it with the schema). */
  readonly table: string | undefined;
  readonly column: string;
  readonly use: ColumnUseKind;
  /** `order` only. */
  readonly direction?: 'asc' | 'desc';
  /** `range` only: the comparison as written (`between` for BETWEEN). */
  readonly operator?: '<' | '<=' | '>' | '>=' | 'between';
  /** `join` only: the column on the other side. */
  readonly partner?: { readonly table: string | undefined; readonly column: string };
  /** `join` only: the table is the preserved side of an outer join (`a` in `a LEFT JOIN b`), so the join never looks rows of it up by this key. */
  readonly preserved?: boolean;
}

export interface QueryShape {
  readonly tables: readonly QueryShapeTable[];
  /** In the order they appear in the statement. */
  readonly columns: readonly ColumnUse[];
}
