// The query shape of a MySQL/MariaDB SELECT, UPDATE, DELETE or INSERT … SELECT from node-sql-parser's
// AST: the tables of its own FROM list and the columns its top-level predicates, joins, ORDER BY and
// GROUP BY use, for the explain index advisor. Conservative like dialects/pg/query-shape.ts: OR
// branches, subqueries, CTE bodies and expressions over a column are left out. Names are folded to
// lower case (MySQL compares column names case-insensitively; tables assume lower_case_table_names).
import type { QueryShape } from '../../model';
import { likeKind, newScope, pushComparison, pushJoin, pushValueUse, rangeOperator, type ResolvedColumn, type ShapeScope } from '../query-shape-uses';
import { isNode, listField, nameOf, nodeField, stringField, visitAst, type AstNode } from './sql-parser-ast';

const fold = (name: string): string => name.toLowerCase();

/** The shape of a statement's AST, or undefined for set operations (UNION …) and statements without one. */
export function lowerQueryShape(ast: AstNode): QueryShape | undefined {
  const type = stringField(ast, 'type');
  const cteNames = cteNamesOf(ast);
  if (type === 'select') return selectShape(ast, cteNames);
  if (type === 'update' || type === 'delete') {
    const scope = newScope(cteNames);
    addFromList(scope, listField(ast, type === 'update' ? 'table' : 'from'));
    addPredicates(scope, ast.where, undefined);
    return { tables: scope.tables, columns: scope.uses };
  }
  const source = nodeField(ast, 'values');
  if ((type === 'insert' || type === 'replace') && stringField(source, 'type') === 'select' && source) return selectShape(source, cteNames);
  return undefined;
}

/** `FOR UPDATE`, `LOCK IN SHARE MODE`, `FOR SHARE`: the SELECT takes row locks. */
export function takesRowLocks(ast: AstNode): boolean {
  const locking = ast.locking_read;
  return locking !== null && locking !== undefined && locking !== '';
}

function cteNamesOf(ast: AstNode): Set<string> {
  const names = new Set<string>();
  for (const cte of listField(ast, 'with')) {
    const name = isNode(cte) ? nameOf(cte.name) : undefined;
    if (name !== undefined) names.add(fold(name));
  }
  return names;
}

function selectShape(select: AstNode, outerCtes: ReadonlySet<string>): QueryShape | undefined {
  if (select._next !== undefined && select._next !== null) return undefined;
  const scope = newScope(new Set([...outerCtes, ...cteNamesOf(select)]));
  addFromList(scope, listField(select, 'from'));
  addPredicates(scope, select.where, undefined);
  const groupBy = select.groupby;
  const groupItems = Array.isArray(groupBy) ? groupBy : listField(isNode(groupBy) ? groupBy : undefined, 'columns');
  for (const item of groupItems) {
    const column = outputColumn(scope, select, item);
    if (column) scope.uses.push({ ...column, use: 'group' });
  }
  // An index serves ORDER BY only up to its first item that is not a plain column.
  for (const item of listField(select, 'orderby')) {
    const column = isNode(item) ? outputColumn(scope, select, item.expr) : undefined;
    if (!column || !isNode(item)) break;
    scope.uses.push({ ...column, use: 'order', direction: stringField(item, 'type')?.toUpperCase() === 'DESC' ? 'desc' : 'asc' });
  }
  return { tables: scope.tables, columns: scope.uses };
}

function addFromList(scope: ShapeScope, items: readonly unknown[]): void {
  const refsSoFar: string[] = [];
  for (const item of items) refsSoFar.push(...addFromItem(scope, item, refsSoFar));
}

/**
 * Adds one entry of node-sql-parser's flat FROM list (`a`, then `b` with `join` and `on`/`using`);
 * `before` are the refs of the entries before it (the left side of its join). Returns its refs.
 */
function addFromItem(scope: ShapeScope, item: unknown, before: readonly string[]): string[] {
  if (!isNode(item) || stringField(item, 'type') === 'dual') return [];
  const alias = nameOf(item.as);
  const table = stringField(item, 'table');
  const refs: string[] = [];
  if (item.expr !== undefined || table === undefined) {
    // Subqueries and table functions: their columns are not followed.
    if (alias !== undefined) scope.opaque.add(fold(alias));
    else scope.hasUnnamedOpaque = true;
  } else {
    const name = fold(table);
    const schema = typeof item.db === 'string' ? fold(item.db) : undefined;
    const ref = alias !== undefined ? fold(alias) : name;
    if ((schema === undefined && scope.cteNames.has(name)) || scope.tables.some((known) => known.ref === ref)) scope.opaque.add(ref);
    else {
      scope.tables.push({ schema, name, alias: alias !== undefined ? fold(alias) : undefined, ref });
      refs.push(ref);
    }
  }
  const join = stringField(item, 'join')?.toUpperCase() ?? '';
  if (join === '') return refs;
  const preserved = new Set<string>();
  if (join.startsWith('LEFT') || join.startsWith('FULL')) for (const ref of before) preserved.add(ref);
  if (join.startsWith('RIGHT') || join.startsWith('FULL')) for (const ref of refs) preserved.add(ref);
  if (join.includes('NATURAL')) return refs;
  const [leftTable] = before;
  const [rightTable] = refs;
  for (const using of listField(item, 'using')) {
    const column = nameOf(using);
    // Which side's table holds the column is known only when each side is one table.
    if (column === undefined || before.length !== 1 || refs.length !== 1 || leftTable === undefined || rightTable === undefined) continue;
    pushJoin(scope, { table: leftTable, column: fold(column) }, { table: rightTable, column: fold(column) }, preserved);
  }
  addPredicates(scope, item.on, preserved);
  return refs;
}

/** Top-level AND-ed conditions only: an index serves a conjunct, not a branch of an OR. */
function conjuncts(node: unknown, into: AstNode[] = []): AstNode[] {
  if (!isNode(node)) return into;
  const operator = stringField(node, 'operator')?.toUpperCase();
  if (stringField(node, 'type') === 'binary_expr' && (operator === 'AND' || operator === '&&')) {
    conjuncts(node.left, into);
    conjuncts(node.right, into);
  } else into.push(node);
  return into;
}

function addPredicates(scope: ShapeScope, clause: unknown, preserved: ReadonlySet<string> | undefined): void {
  for (const condition of conjuncts(clause)) {
    if (stringField(condition, 'type') === 'binary_expr') addComparison(scope, condition, preserved);
  }
}

function addComparison(scope: ShapeScope, expression: AstNode, preserved: ReadonlySet<string> | undefined): void {
  const operator = stringField(expression, 'operator')?.toUpperCase() ?? '';
  const left = resolveColumn(scope, expression.left);
  const range = rangeOperator(operator);
  if (operator === '=' || range) {
    const right = resolveColumn(scope, expression.right);
    const comparison = { operator: range ?? '=', left, right, leftIsValue: isValue(expression.left), rightIsValue: isValue(expression.right) } as const;
    pushComparison(scope, comparison, preserved);
    return;
  }
  const values = listField(nodeField(expression, 'right'), 'value');
  if (operator === 'IN' && stringField(nodeField(expression, 'right'), 'type') === 'expr_list' && values.length > 0 && values.every(isValue)) {
    pushValueUse(scope, left, { use: 'eq' }, preserved);
  } else if (operator === 'BETWEEN' && values.length === 2 && values.every(isValue)) {
    pushValueUse(scope, left, { use: 'range', operator: 'between' }, preserved);
  } else if (operator === 'IS' && stringField(nodeField(expression, 'right'), 'type') === 'null') {
    pushValueUse(scope, left, { use: 'eq' }, preserved);
  } else if (operator === 'LIKE') {
    const pattern = stringConstant(expression.right);
    const kind = pattern === undefined ? undefined : likeKind(pattern);
    if (kind) pushValueUse(scope, left, { use: kind }, preserved);
  }
}

const stringTypes: ReadonlySet<string> = new Set(['single_quote_string', 'double_quote_string', 'string', 'natural_string']);

function stringConstant(node: unknown): string | undefined {
  if (!isNode(node) || !stringTypes.has(stringField(node, 'type') ?? '')) return undefined;
  return stringField(node, 'value');
}

/** A value an index lookup can use: no column reference and no subquery anywhere inside. */
function isValue(node: unknown): boolean {
  if (!isNode(node)) return false;
  let value = true;
  visitAst(node, (inner) => {
    if (stringField(inner, 'type') === 'column_ref' || inner.ast !== undefined || stringField(inner, 'type') === 'select') value = false;
  });
  return value;
}

/** A bare column reference attributed to one of the scope's tables (table undefined: one of several, the schema decides). */
function resolveColumn(scope: ShapeScope, node: unknown): ResolvedColumn | undefined {
  if (!isNode(node) || stringField(node, 'type') !== 'column_ref') return undefined;
  const columnName = nameOf(node.column);
  if (columnName === undefined || columnName === '*') return undefined;
  const column = fold(columnName);
  const qualifier = typeof node.table === 'string' ? fold(node.table) : undefined;
  if (qualifier === undefined) {
    if (scope.opaque.size > 0 || scope.hasUnnamedOpaque || scope.tables.length === 0) return undefined;
    return { table: scope.tables.length === 1 ? scope.tables[0]?.ref : undefined, column };
  }
  const table = scope.tables.find((candidate) => candidate.ref === qualifier);
  return table ? { table: table.ref, column } : undefined;
}

/**
 * A column of ORDER BY / GROUP BY: a position (`ORDER BY 2`) or an output name (`AS x`) stands for
 * that select-list entry; otherwise a column of the FROM list.
 */
function outputColumn(scope: ShapeScope, select: AstNode, node: unknown): ResolvedColumn | undefined {
  const targets = listField(select, 'columns');
  if (isNode(node) && stringField(node, 'type') === 'number' && typeof node.value === 'number') {
    const target = targets[node.value - 1];
    return isNode(target) ? resolveColumn(scope, target.expr) : undefined;
  }
  if (isNode(node) && stringField(node, 'type') === 'column_ref' && node.table === null) {
    const name = nameOf(node.column);
    const named = targets.find((target) => isNode(target) && name !== undefined && fold(nameOf(target.as) ?? '') === fold(name));
    if (isNode(named)) return resolveColumn(scope, named.expr);
  }
  return resolveColumn(scope, node);
}
