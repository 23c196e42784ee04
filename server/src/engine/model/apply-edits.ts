// Applies offset edits to a text, from the end backwards. Edits come from the engine's own fixes,
// so overlapping edits are a bug in a fix and throw.
import type { TextEdit } from './finding';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.range.end > limit) throw new Error(`overlapping edits at ${edit.range.start}`);
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
    limit = edit.range.start;
  }
  return result;
}
