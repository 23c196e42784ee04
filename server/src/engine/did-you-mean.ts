// "Did you mean …?" for mistyped names (rule ids, config keys, CLI words, tables and columns). Pure string work, shared
// by the config loader and the CLI; it must not print or decide what an unknown name means.

/** Edit distance (insert, delete, substitute, swap of neighbours), so `concurent` is one edit from `concurrent`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let i = 0; i < rows; i++) table[i * columns] = i;
  for (let j = 0; j < columns; j++) table[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (table[(i - 1) * columns + j] ?? 0) + 1,
        (table[i * columns + j - 1] ?? 0) + 1,
        (table[(i - 1) * columns + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (table[(i - 2) * columns + j - 2] ?? 0) + 1);
      }
      table[i * columns + j] = best;
    }
  }
  return table[rows * columns - 1] ?? 0;
}

/**
 * The candidate closest to `name`, when it is close enough to be a typo: within a third of the
 * name's length (at least 2 edits), or containing / contained in it (`concurrent-index`).
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    let distance = editDistance(wanted, lower);
    // A fragment of an id ("concurrent-index") is a fair guess too, ranked after real typos.
    if (wanted.length >= 4 && (lower.includes(wanted) || wanted.includes(lower))) distance = Math.min(distance, 2.5);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return bestDistance <= limit + 0.5 ? best : undefined;
}
