// The column uses a query shape records, shared by the PostgreSQL and MySQL/MariaDB shape lowerings:
// how a comparison, a LIKE pattern or a join condition becomes a ColumnUse. Dialect-neutral: it sees
// resolved columns only, never a parser's AST.
import type { ColumnUse, QueryShapeTable } from '../model';

/** A column attributed to a table of the shape (table undefined: one of several, the schema decides). */
export type ResolvedColumn = { readonly table: string | undefined; readonly column: string };

/** What the shape lowerings collect uses into. */
export interface ColumnUses {
  readonly uses: ColumnUse[];
}

/** The FROM list as the predicates see it. */
export interface ShapeScope extends ColumnUses {
  readonly tables: QueryShapeTable[];
  /** Refs of FROM items whose columns are unknown here (subqueries, CTEs, functions, aliased joins). */
  readonly opaque: Set<string>;
  /** Whether an unnamed FROM item exists (its columns could answer any unqualified name). */
  hasUnnamedOpaque: boolean;
  readonly cteNames: ReadonlySet<string>;
}

export function newScope(cteNames: ReadonlySet<string>): ShapeScope {
  return { tables: [], opaque: new Set(), hasUnnamedOpaque: false, cteNames, uses: [] };
}

export type RangeOperator = '<' | '<=' | '>' | '>=';

/** `5 < col` is `col > 5`. */
export const flippedOperators: Readonly<Record<RangeOperator, RangeOperator>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export function rangeOperator(operator: string): RangeOperator | undefined {
  return operator === '<' || operator === '<=' || operator === '>' || operator === '>=' ? operator : undefined;
}

/** `'abc'` matches exactly (eq); `'abc%'` is a prefix; a pattern starting with a wildcard is neither. */
export function likeKind(pattern: string): 'eq' | 'prefix-like' | undefined {
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') {
      index++;
      continue;
    }
    if (character === '%' || character === '_') return index === 0 ? undefined : 'prefix-like';
  }
  return 'eq';
}

export function pushValueUse(
  scope: ColumnUses,
  column: ResolvedColumn | undefined,
  use: Pick<ColumnUse, 'use' | 'operator'>,
  preserved: ReadonlySet<string> | undefined,
): void {
  if (!column) return;
  // In an outer join's ON, a condition on the preserved side (or on an unknown side) filters nothing.
  if (preserved && (column.table === undefined || preserved.has(column.table))) return;
  scope.uses.push({ table: column.table, column: column.column, ...use });
}

export function pushJoin(scope: ColumnUses, left: ResolvedColumn, right: ResolvedColumn, preserved: ReadonlySet<string> | undefined): void {
  if (left.table !== undefined && left.table === right.table) return;
  const side = (column: ResolvedColumn, partner: ResolvedColumn): ColumnUse => ({
    table: column.table,
    column: column.column,
    use: 'join',
    partner: { table: partner.table, column: partner.column },
    ...(column.table !== undefined && preserved?.has(column.table) ? { preserved: true } : {}),
  });
  scope.uses.push(side(left, right), side(right, left));
}

/** A comparison `left op right` with each side resolved to a column, or known to be a value. */
export interface Comparison {
  readonly operator: '=' | RangeOperator;
  readonly left: ResolvedColumn | undefined;
  readonly right: ResolvedColumn | undefined;
  readonly leftIsValue: boolean;
  readonly rightIsValue: boolean;
}

/** `a.x = b.y` between two columns is a join; a column compared with a value (either way round) is an eq or range use. */
export function pushComparison(scope: ColumnUses, comparison: Comparison, preserved: ReadonlySet<string> | undefined): void {
  const { operator, left, right } = comparison;
  const range = operator === '=' ? undefined : operator;
  if (left && right) {
    if (operator === '=') pushJoin(scope, left, right, preserved);
  } else if (left && comparison.rightIsValue) {
    pushValueUse(scope, left, range ? { use: 'range', operator: range } : { use: 'eq' }, preserved);
  } else if (right && comparison.leftIsValue) {
    // `5 < col` is `col > 5`.
    pushValueUse(scope, right, range ? { use: 'range', operator: flippedOperators[range] } : { use: 'eq' }, preserved);
  }
}
