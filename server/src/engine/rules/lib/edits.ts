// Building blocks for fixes: offset edits and identifier quoting. Never regex rewrites of SQL.
import type { Dialect, Fix, TextEdit, TextRange } from '../../model';

export function insertAt(offset: number, newText: string): TextEdit {
  return { range: { start: offset, end: offset }, newText };
}

export function replace(range: TextRange, newText: string): TextEdit {
  return { range, newText };
}

export function fix(title: string, safety: Fix['safety'], edits: readonly TextEdit[]): Fix {
  return { title, safety, edits };
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that indents the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** The line terminator the file uses. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

/** An identifier as PostgreSQL needs it written: quoted unless it is lower-case and plain. */
export function quoteIdentifier(name: string): string {
  return plainIdentifier.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

export function qualifiedIdentifier(name: { schema: string | undefined; name: string }): string {
  return name.schema ? `${quoteIdentifier(name.schema)}.${quoteIdentifier(name.name)}` : quoteIdentifier(name.name);
}

/** An identifier as the dialect needs it written: PostgreSQL's rule above, MySQL/MariaDB always in backticks (no reserved word can break it). */
export function quoteIdentifierIn(dialect: Dialect, name: string): string {
  return dialect === 'postgres' ? quoteIdentifier(name) : `\`${name.replaceAll('`', '``')}\``;
}

export function qualifiedIdentifierIn(dialect: Dialect, name: { schema: string | undefined; name: string }): string {
  return name.schema ? `${quoteIdentifierIn(dialect, name.schema)}.${quoteIdentifierIn(dialect, name.name)}` : quoteIdentifierIn(dialect, name.name);
}

/** An edit that deletes a statement, with its whole line(s) when nothing else shares them. */
export function removeStatement(text: string, range: TextRange): TextEdit {
  const start = lineStart(text, range.start);
  const newline = text.indexOf('\n', range.end);
  const end = newline < 0 ? text.length : newline + 1;
  const alone = text.slice(start, range.start).trim() === '' && text.slice(range.end, end).trim() === '';
  return alone ? { range: { start, end }, newText: '' } : { range, newText: '' };
}
