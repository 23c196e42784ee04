// node-sql-parser for MySQL/MariaDB DML: the two builds this front-end may load, one call that never
// throws, and type guards that narrow its untyped JSON. Only SELECT / UPDATE / DELETE / INSERT …
// SELECT / WITH come here: DDL and INSERT … VALUES never do (no source positions, slow on big lists).
import { Parser as MariadbParser } from 'node-sql-parser/build/mariadb';
import { Parser as MysqlParser } from 'node-sql-parser/build/mysql';

export type AstNode = Readonly<Record<string, unknown>>;

// One instance per build: the parsers hold no state between calls.
const mysqlParser = new MysqlParser();
const mariadbParser = new MariadbParser();

function astifyWith(parser: MysqlParser | MariadbParser, database: 'MySQL' | 'MariaDB', text: string): { readonly ast: AstNode } | { readonly error: string } {
  try {
    const result: unknown = parser.astify(text, { database });
    const ast = Array.isArray(result) ? result[0] : result;
    return isNode(ast) ? { ast } : { error: 'node-sql-parser returned no statement' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The statement's AST, or the parser's message when it rejects the text. node-sql-parser's MariaDB
 * grammar rejects DML its MySQL grammar reads (a bare column named `status`), and the two dialects'
 * DML is the same for what the query shape needs, so MariaDB falls back to the MySQL grammar.
 */
export function astifyStatement(text: string, dialect: 'mysql' | 'mariadb'): { readonly ast: AstNode } | { readonly error: string } {
  if (dialect === 'mysql') return astifyWith(mysqlParser, 'MySQL', text);
  const mariadb = astifyWith(mariadbParser, 'MariaDB', text);
  if ('ast' in mariadb) return mariadb;
  const mysql = astifyWith(mysqlParser, 'MySQL', text);
  return 'ast' in mysql ? mysql : mariadb;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nodeField(node: AstNode | undefined, key: string): AstNode | undefined {
  const value = node?.[key];
  return isNode(value) ? value : undefined;
}

export function listField(node: AstNode | undefined, key: string): readonly unknown[] {
  const value = node?.[key];
  return Array.isArray(value) ? value : [];
}

export function stringField(node: AstNode | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A name that node-sql-parser writes as a string or as `{ value }` / `{ expr: { value } }`. */
export function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isNode(value)) return undefined;
  const direct = value.value;
  if (typeof direct === 'string') return direct;
  return nameOf(value.expr);
}

/** Calls `visit` on every object node under `value` (depth first), the root included. */
export function visitAst(value: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) visitAst(item, visit);
    return;
  }
  if (!isNode(value)) return;
  visit(value);
  for (const key in value) {
    const child = value[key];
    if (typeof child === 'object' && child !== null) visitAst(child, visit);
  }
}
