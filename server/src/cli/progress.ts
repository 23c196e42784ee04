// The "checking 120/3159 files…" line on stderr for long runs in a terminal. It must never appear
// in a pipe or a CI log (callers pass enabled=false there) and must leave the line clean at the end.

export interface Progress {
  /** Records progress; redraws at most every 100 ms. */
  update(done: number): void;
  /** Erases the line, e.g. before other output goes to the same terminal; the next update redraws it. */
  clear(): void;
}

const redrawIntervalMs = 100;

export const noProgress: Progress = { update() {}, clear() {} };

export function createProgress(options: { readonly total: number; readonly write: (text: string) => void; readonly enabled: boolean }): Progress {
  if (!options.enabled) return noProgress;
  let lastDraw = 0;
  let visible = false;
  return {
    update(done) {
      const now = performance.now();
      if (now - lastDraw < redrawIntervalMs) return;
      lastDraw = now;
      // \r returns to the line start and \x1b[K erases what a longer previous line left behind.
      options.write(`\r\x1b[Kchecking ${done}/${options.total} files…`);
      visible = true;
    },
    clear() {
      if (!visible) return;
      options.write('\r\x1b[K');
      visible = false;
    },
  };
}
