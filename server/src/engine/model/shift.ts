// Moves a lowered statement to another place in the file: every offset in the statement model is
// a TextRange (`start`/`end`) or a field named `…InsertAt`, so a structural copy can shift them all.
// Used by the editor's parse cache: a statement whose text did not change is not lowered again.
import type { Statement } from './statement';

function shiftValue(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftValue(item, delta));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'raw') copy[key] = child;
    else if (typeof child === 'number' && (key === 'start' || key === 'end' || key.endsWith('InsertAt'))) copy[key] = child + delta;
    else copy[key] = shiftValue(child, delta);
  }
  return copy;
}

/** The same statement `delta` characters later (or earlier) in the file. */
export function shiftStatement(statement: Statement, delta: number): Statement {
  if (delta === 0) return statement;
  // The copy has exactly the statement's shape: only numbers changed.
  return shiftValue(statement, delta) as Statement;
}
