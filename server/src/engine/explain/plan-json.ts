// What the plan readers (pg-plan.ts, mysql-plan.ts) share to read a server's EXPLAIN JSON: the
// type guard for JSON objects, the error that says a document is not a plan, and the read result
// returned as a value. Reads nothing but the value it is given; never casts.
import type { Plan } from './plan';

export type PlanReadResult = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly message: string };

export type JsonObject = Readonly<Record<string, unknown>>;

/** The document is not a plan this reader understands; the message says what is wrong. */
export class PlanFormatError extends Error {}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The parsed document: JSON text is parsed, anything else is returned as it is. */
export function jsonDocument(json: unknown, notJson: string): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new PlanFormatError(notJson);
  }
}

/** `parse` as a value: a PlanFormatError becomes `{ ok: false }`; any other error is a bug and is thrown. */
export function readPlanWith(parse: () => Plan): PlanReadResult {
  try {
    return { ok: true, plan: parse() };
  } catch (error) {
    if (error instanceof PlanFormatError) return { ok: false, message: error.message };
    throw error;
  }
}

/** A field for a node's `details`: scalars as they are, lists of strings joined with ", "; undefined for anything else (objects, mixed lists). */
export function detailValue(item: unknown): string | number | boolean | undefined {
  if (typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item))) return item;
  if (Array.isArray(item) && item.length > 0 && item.every((entry) => typeof entry === 'string')) return item.join(', ');
  return undefined;
}
