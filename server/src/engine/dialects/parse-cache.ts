// Parser results kept per document between analyses (the editor), for every dialect front-end:
// an unchanged statement is neither parsed nor lowered again, only shifted when it moved.
import type { ParseOutcome, TextRange } from '../model';
import { shiftStatement } from '../model/shift';

/**
 * Parser results by statement text, owned by a caller that analyses the same document again and
 * again (the editor): an unchanged statement skips the WASM parser. Entries a whole analysis did
 * not use are dropped by `sweep`, so the cache holds one document's statements at most.
 */
export class ParseCache {
  private entries = new Map<string, ParsedText>();
  private used = new Map<string, ParsedText>();
  private context = '';

  /**
   * The dialect and server version the next analysis parses for: the same text means something else
   * in another dialect (or another version's executable comments), so a change empties the cache.
   */
  parseFor(context: string): void {
    if (context === this.context) return;
    this.context = context;
    this.entries = new Map();
    this.used = new Map();
  }

  lookup(text: string): ParsedText | undefined {
    const entry = this.used.get(text) ?? this.entries.get(text);
    if (entry) this.used.set(text, entry);
    return entry;
  }

  store(text: string, entry: ParsedText): void {
    this.used.set(text, entry);
  }

  /** Keeps only what the last analysis used. */
  sweep(): void {
    this.entries = this.used;
    this.used = new Map();
  }
}

/** A statement's parse, and its lowering at the offset where it was last seen. */
export interface ParsedText {
  readonly base: number;
  readonly outcome: ParseOutcome;
}

/** Parses the statement at `range` of `fileText` with `parse`, through `cache` when given. */
export function parseThroughCache(
  fileText: string,
  range: TextRange,
  cache: ParseCache | undefined,
  parse: (text: string, range: TextRange) => ParseOutcome,
): ParseOutcome {
  const text = fileText.slice(range.start, range.end);
  const cached = cache?.lookup(text);
  if (cached) {
    if (cached.base === range.start) return cached.outcome;
    const outcome = shiftOutcome(cached.outcome, range.start - cached.base);
    cache?.store(text, { base: range.start, outcome });
    return outcome;
  }
  const outcome = parse(text, range);
  cache?.store(text, { base: range.start, outcome });
  return outcome;
}

function shiftOutcome(outcome: ParseOutcome, delta: number): ParseOutcome {
  return {
    ...outcome,
    statements: outcome.statements.map((statement) => shiftStatement(statement, delta)),
    syntaxError: outcome.syntaxError ? { ...outcome.syntaxError, offset: outcome.syntaxError.offset + delta } : undefined,
  };
}
