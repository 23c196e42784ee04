// Keyword tests shared by the dialect splitters, which compare words in place instead of slicing them out.
// Pure: it must stay free of any dialect's rules.

/** Whether text[start, end) is the keyword `lower` (given in lower case), in any ASCII case. */
export function wordIs(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    // `| 0x20` folds ASCII case; only A/a can fold onto a lowercase letter, so no false matches.
    if ((text.charCodeAt(start + k) | 0x20) !== lower.charCodeAt(k)) return false;
  }
  return true;
}
