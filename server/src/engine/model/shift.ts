// Moves a lowered statement to another place in the file: every offset in the statement model is
// a TextRange (`start`/`end`) or a field named `…InsertAt`, so a structural copy can shift them all.
// Used by the editor's parse cache: a statement whose text did not change is not lowered again.
import type { Statement } from './statement';

function shiftValue(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => shiftValue(item, delta));
  const source: Record<string, unknown> = { ...value };
  // Runs on every keystroke for every statement after the edit: no intermediate arrays.
  for (const key in source) {
    const child = source[key];
    if (key === 'raw' || child === null || child === undefined) continue;
    if (typeof child === 'number') {
      if (key === 'start' || key === 'end' || key.endsWith('InsertAt')) source[key] = child + delta;
    } else if (typeof child === 'object') source[key] = shiftValue(child, delta);
  }
  return source;
}

/** The same statement `delta` characters later (or earlier) in the file. */
export function shiftStatement(statement: Statement, delta: number): Statement {
  if (delta === 0) return statement;
  // The copy has exactly the statement's shape: only numbers changed.
  return shiftValue(statement, delta) as Statement;
}
