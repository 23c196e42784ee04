// The query shape of a SELECT, UPDATE, DELETE or INSERT … SELECT from the libpg-query AST: the
// tables of its own FROM list and the columns its top-level predicates, joins, ORDER BY and GROUP BY
// use. Conservative by design (model/query-shape.ts): OR branches, subqueries, CTE bodies,
// expressions over a column and anything it cannot attribute to one table are left out.
import type { Node, SelectStmt, WithClause } from '@pgsql/types';
import type { QueryShape, SelectWrites } from '../../model';
import { likeKind, newScope, pushComparison, pushJoin, pushValueUse, rangeOperator, type ResolvedColumn, type ShapeScope } from '../query-shape-uses';
import { nodeAs, stringValues, visitNodes, type NodeOf } from './ast';

/** The shape of a statement node, or undefined for statements that read no rows this way (set operations, VALUES). */
export function lowerQueryShape(node: Node): QueryShape | undefined {
  const select = nodeAs(node, 'SelectStmt');
  if (select) return selectShape(select, new Set());
  const update = nodeAs(node, 'UpdateStmt');
  if (update) {
    const scope = newScope(cteNamesOf(update.withClause));
    if (update.relation) addFromItem(scope, { RangeVar: update.relation });
    for (const item of update.fromClause ?? []) addFromItem(scope, item);
    addPredicates(scope, update.whereClause, undefined);
    return finish(scope);
  }
  const deletion = nodeAs(node, 'DeleteStmt');
  if (deletion) {
    const scope = newScope(cteNamesOf(deletion.withClause));
    if (deletion.relation) addFromItem(scope, { RangeVar: deletion.relation });
    for (const item of deletion.usingClause ?? []) addFromItem(scope, item);
    addPredicates(scope, deletion.whereClause, undefined);
    return finish(scope);
  }
  const insert = nodeAs(node, 'InsertStmt');
  const source = nodeAs(insert?.selectStmt, 'SelectStmt');
  if (insert && source) return selectShape(source, cteNamesOf(insert.withClause));
  return undefined;
}

/** What a SELECT changes despite being a SELECT, or undefined when it only reads. */
export function selectWrites(select: SelectStmt): SelectWrites | undefined {
  const modifying = (select.withClause?.ctes ?? []).some((cte) => {
    const query = nodeAs(cte, 'CommonTableExpr')?.ctequery;
    return query !== undefined && ('InsertStmt' in query || 'UpdateStmt' in query || 'DeleteStmt' in query || 'MergeStmt' in query);
  });
  if (modifying) return 'data-modifying-cte';
  if (select.intoClause) return 'select-into';
  if ((select.lockingClause?.length ?? 0) > 0) return 'row-locks';
  return undefined;
}

function finish(scope: ShapeScope): QueryShape {
  return { tables: scope.tables, columns: scope.uses };
}

function cteNamesOf(withClause: WithClause | undefined): Set<string> {
  const names = new Set<string>();
  for (const cte of withClause?.ctes ?? []) {
    const name = nodeAs(cte, 'CommonTableExpr')?.ctename;
    if (name !== undefined) names.add(name);
  }
  return names;
}

function selectShape(select: SelectStmt, outerCtes: ReadonlySet<string>): QueryShape | undefined {
  if ((select.op !== undefined && select.op !== 'SETOP_NONE') || select.valuesLists !== undefined) return undefined;
  const scope = newScope(new Set([...outerCtes, ...cteNamesOf(select.withClause)]));
  for (const item of select.fromClause ?? []) addFromItem(scope, item);
  addPredicates(scope, select.whereClause, undefined);
  for (const item of select.groupClause ?? []) {
    const column = outputColumn(scope, select, item);
    if (column) scope.uses.push({ ...column, use: 'group' });
  }
  // An index serves ORDER BY only up to its first item that is not a plain column.
  for (const item of select.sortClause ?? []) {
    const sortBy = nodeAs(item, 'SortBy');
    const column = sortBy && sortBy.sortby_dir !== 'SORTBY_USING' ? outputColumn(scope, select, sortBy.node) : undefined;
    if (!column) break;
    scope.uses.push({ ...column, use: 'order', direction: sortBy?.sortby_dir === 'SORTBY_DESC' ? 'desc' : 'asc' });
  }
  return finish(scope);
}

/** Adds a FROM item's tables; returns the refs of the tables it brought in. */
function addFromItem(scope: ShapeScope, item: Node): string[] {
  const range = nodeAs(item, 'RangeVar');
  if (range) {
    const name = range.relname ?? '';
    const alias = range.alias?.aliasname;
    const ref = alias ?? name;
    if ((range.schemaname === undefined && scope.cteNames.has(name)) || scope.tables.some((table) => table.ref === ref)) {
      scope.opaque.add(ref);
      return [];
    }
    scope.tables.push({ schema: range.schemaname, name, alias, ref });
    return [ref];
  }
  const join = nodeAs(item, 'JoinExpr');
  if (join) {
    const left = join.larg ? addFromItem(scope, join.larg) : [];
    const right = join.rarg ? addFromItem(scope, join.rarg) : [];
    // A join with an alias hides its tables' names: `(a JOIN b) AS j` is referred to as j.
    if (join.alias?.aliasname !== undefined) scope.opaque.add(join.alias.aliasname);
    const preserved = new Set<string>();
    if (join.jointype === 'JOIN_LEFT' || join.jointype === 'JOIN_FULL') for (const ref of left) preserved.add(ref);
    if (join.jointype === 'JOIN_RIGHT' || join.jointype === 'JOIN_FULL') for (const ref of right) preserved.add(ref);
    if (!join.isNatural) {
      for (const column of stringValues(join.usingClause)) {
        const [leftTable] = left;
        const [rightTable] = right;
        // Which side's table holds the column is known only when each side is one table.
        if (left.length !== 1 || right.length !== 1 || leftTable === undefined || rightTable === undefined) continue;
        pushJoin(scope, { table: leftTable, column }, { table: rightTable, column }, preserved);
      }
      addPredicates(scope, join.quals, preserved);
    }
    return [...left, ...right];
  }
  // Subqueries, functions, VALUES, XMLTABLE …: their columns are not followed.
  const alias = nodeAs(item, 'RangeSubselect')?.alias ?? nodeAs(item, 'RangeFunction')?.alias ?? nodeAs(item, 'RangeTableFunc')?.alias;
  if (alias?.aliasname !== undefined) scope.opaque.add(alias.aliasname);
  else scope.hasUnnamedOpaque = true;
  return [];
}

/** Top-level AND-ed conditions only: an index serves a conjunct, not a branch of an OR. */
function conjuncts(node: Node | undefined, into: Node[] = []): Node[] {
  if (!node) return into;
  const bool = nodeAs(node, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') for (const argument of bool.args ?? []) conjuncts(argument, into);
  else into.push(node);
  return into;
}

/**
 * Records the conditions of a WHERE or ON clause. `preserved` are the tables an outer join keeps
 * whole: a condition on them in ON filters nothing, and the join never looks them up by key.
 */
function addPredicates(scope: ShapeScope, clause: Node | undefined, preserved: ReadonlySet<string> | undefined): void {
  for (const condition of conjuncts(clause)) {
    const expression = nodeAs(condition, 'A_Expr');
    if (expression) {
      addExpression(scope, expression, preserved);
      continue;
    }
    const nullTest = nodeAs(condition, 'NullTest');
    if (nullTest?.nulltesttype === 'IS_NULL') pushValueUse(scope, resolveNode(scope, nullTest.arg), { use: 'eq' }, preserved);
  }
}

function addExpression(scope: ShapeScope, expression: NodeOf<'A_Expr'>, preserved: ReadonlySet<string> | undefined): void {
  const operator = stringValues(expression.name).join('.');
  const left = resolveNode(scope, expression.lexpr);
  switch (expression.kind) {
    case 'AEXPR_OP': {
      const range = rangeOperator(operator);
      if (operator !== '=' && range === undefined) return;
      const right = resolveNode(scope, expression.rexpr);
      const comparison = { operator: range ?? '=', left, right, leftIsValue: isValue(expression.lexpr), rightIsValue: isValue(expression.rexpr) } as const;
      pushComparison(scope, comparison, preserved);
      return;
    }
    case 'AEXPR_OP_ANY':
      if (operator === '=' && isValue(expression.rexpr)) pushValueUse(scope, left, { use: 'eq' }, preserved);
      return;
    case 'AEXPR_IN': {
      const items = nodeAs(expression.rexpr, 'List')?.items ?? [];
      if (operator === '=' && items.length > 0 && items.every(isValue)) pushValueUse(scope, left, { use: 'eq' }, preserved);
      return;
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_BETWEEN_SYM': {
      const bounds = nodeAs(expression.rexpr, 'List')?.items ?? [];
      if (bounds.length === 2 && bounds.every(isValue)) pushValueUse(scope, left, { use: 'range', operator: 'between' }, preserved);
      return;
    }
    case 'AEXPR_LIKE': {
      if (operator !== '~~') return;
      const pattern = stringConstant(expression.rexpr);
      const kind = pattern === undefined ? undefined : likeKind(pattern);
      if (kind) pushValueUse(scope, left, { use: kind }, preserved);
      return;
    }
    default:
      return;
  }
}

function stringConstant(node: Node | undefined): string | undefined {
  const cast = nodeAs(node, 'TypeCast');
  if (cast) return stringConstant(cast.arg);
  return nodeAs(node, 'A_Const')?.sval?.sval;
}

/** A value an index lookup can use: no column of any table and no subquery inside (`42`, `$1`, `now()`, `'x'::date`). */
function isValue(node: Node | undefined): boolean {
  if (node === undefined) return false;
  let value = true;
  visitNodes(node, (property) => {
    if (property === 'ColumnRef' || property === 'SubLink') value = false;
  });
  return value && !('ColumnRef' in node) && !('SubLink' in node);
}

/** A bare column reference attributed to one of the scope's tables (table undefined: one of several, the schema decides). */
function resolveNode(scope: ShapeScope, node: Node | undefined): ResolvedColumn | undefined {
  const reference = nodeAs(node, 'ColumnRef');
  if (!reference) return undefined;
  const fields = reference.fields ?? [];
  const parts = stringValues(fields);
  if (parts.length !== fields.length) return undefined;
  const [first, second, third] = parts;
  if (parts.length === 1 && first !== undefined) {
    if (scope.opaque.size > 0 || scope.hasUnnamedOpaque || scope.tables.length === 0) return undefined;
    return { table: scope.tables.length === 1 ? scope.tables[0]?.ref : undefined, column: first };
  }
  if (parts.length === 2 && first !== undefined && second !== undefined) {
    const table = scope.tables.find((candidate) => candidate.ref === first);
    return table ? { table: table.ref, column: second } : undefined;
  }
  if (parts.length === 3 && first !== undefined && second !== undefined && third !== undefined) {
    const table = scope.tables.find((candidate) => candidate.alias === undefined && candidate.schema === first && candidate.name === second);
    return table ? { table: table.ref, column: third } : undefined;
  }
  return undefined;
}

/**
 * A column of ORDER BY / GROUP BY: a position (`ORDER BY 2`) or an output name (`AS x`) stands for
 * that select-list entry; otherwise a column of the FROM list.
 */
function outputColumn(scope: ShapeScope, select: SelectStmt, node: Node | undefined): ResolvedColumn | undefined {
  const targets = select.targetList ?? [];
  const constant = nodeAs(node, 'A_Const');
  if (constant?.ival !== undefined) {
    const target = nodeAs(targets[(constant.ival.ival ?? 0) - 1], 'ResTarget');
    return target ? resolveNode(scope, target.val) : undefined;
  }
  const reference = nodeAs(node, 'ColumnRef');
  const parts = stringValues(reference?.fields);
  if (parts.length === 1) {
    const named = targets.map((target) => nodeAs(target, 'ResTarget')).find((target) => target?.name === parts[0]);
    if (named) return resolveNode(scope, named.val);
  }
  return resolveNode(scope, node);
}
