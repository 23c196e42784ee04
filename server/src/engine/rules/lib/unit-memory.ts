// What a rule remembers about the statements of the current unit (a file or tool section), for a
// verdict at the unit's end. Keyed by the unit's rule context, so it dies with the unit.
import type { RuleContext } from './rule';

export function unitMemory<T>(create: () => T): (ctx: RuleContext) => T {
  const memory = new WeakMap<RuleContext, T>();
  return (ctx) => {
    let value = memory.get(ctx);
    if (value === undefined) {
      value = create();
      memory.set(ctx, value);
    }
    return value;
  };
}

/** A statement seen in the unit: where it is and whether it ran inside a transaction. */
export interface SeenStatement {
  readonly range: { readonly start: number; readonly end: number };
  readonly inTransaction: boolean;
}

/** The seen statement that contains `offset` (statements arrive in file order). */
export function statementAt(seen: readonly SeenStatement[], offset: number): SeenStatement | undefined {
  return seen.find((statement) => statement.range.start <= offset && offset < statement.range.end);
}
