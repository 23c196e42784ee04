// Typed access to libpg-query's JSON AST (@pgsql/types). Nodes are single-key objects
// (`{ IndexStmt: {…} }`); these guards narrow them without casts in the lowering.
import type { Node, RangeVar, TypeName as PgTypeName } from '@pgsql/types';

type NodeKey = Node extends infer Member ? (Member extends unknown ? keyof Member : never) : never;
export type NodeOf<K extends NodeKey> = Extract<Node, { [P in K]: unknown }>[K];

/** The payload of `node` when it is a `key` node. */
export function nodeAs<K extends NodeKey>(node: Node | undefined, key: K): NodeOf<K> | undefined {
  if (node === undefined || node === null || typeof node !== 'object' || !(key in node)) return undefined;
  return (node as unknown as Record<K, NodeOf<K>>)[key];
}

/** The single key of a node (`'IndexStmt'`), for dispatch and for `other` statements. */
export function nodeType(node: Node | undefined): string {
  return node && typeof node === 'object' ? (Object.keys(node)[0] ?? 'Unknown') : 'Unknown';
}

export function stringValues(nodes: readonly Node[] | undefined): string[] {
  const values: string[] = [];
  for (const node of nodes ?? []) {
    const value = nodeAs(node, 'String')?.sval;
    if (value !== undefined) values.push(value);
  }
  return values;
}

export function integerValue(node: Node | undefined): number | undefined {
  const constant = nodeAs(node, 'A_Const');
  if (constant?.ival !== undefined) return constant.ival.ival ?? 0;
  const integer = nodeAs(node, 'Integer');
  return integer ? (integer.ival ?? 0) : undefined;
}

export function relationName(relation: RangeVar | undefined): { schema: string | undefined; name: string; location: number } {
  return { schema: relation?.schemaname, name: relation?.relname ?? '', location: relation?.location ?? 0 };
}

/** Dotted names such as `DROP INDEX s.i` arrive as a List of Strings. */
export function qualifiedName(node: Node | undefined): { schema: string | undefined; name: string } {
  const list = nodeAs(node, 'List');
  const parts = list ? stringValues(list.items) : stringValues(node ? [node] : []);
  const name = parts.at(-1) ?? '';
  return { schema: parts.length > 1 ? parts.at(-2) : undefined, name };
}

/** Every node of one kind anywhere under `root`, in document order. */
export function collectNodes<K extends NodeKey>(root: unknown, key: K, into: NodeOf<K>[] = []): NodeOf<K>[] {
  visitNodes(root, (property, value) => {
    if (property === key) into.push(value as NodeOf<K>);
  });
  return into;
}

/** Calls `visit` with every property name and value under `root`, depth first (no per-object arrays: this runs on every expression). */
export function visitNodes(root: unknown, visit: (property: string, value: unknown) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) visitNodes(item, visit);
  } else if (root !== null && typeof root === 'object') {
    const record = root as Record<string, unknown>;
    for (const property in record) {
      const value = record[property];
      visit(property, value);
      if (value !== null && typeof value === 'object') visitNodes(value, visit);
    }
  }
}

/** Smallest and largest `location` anywhere under `root` (byte offsets), or undefined. */
export function locationBounds(root: unknown): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  visitNodes(root, (property, value) => {
    if (property === 'location' && typeof value === 'number' && value >= 0) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  });
  return Number.isFinite(min) ? { min, max } : undefined;
}

export type { PgTypeName };
