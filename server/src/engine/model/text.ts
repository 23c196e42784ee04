// Source text, ranges and positions. Offsets are UTF-16 string indices, ranges half-open.
// Line/column and UTF-8 byte offsets are derived here once, so no other module counts characters.

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Zero-based line and UTF-16 column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export function range(start: number, end: number): TextRange {
  return { start, end };
}

export function rangeContains(outer: TextRange, inner: TextRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Maps offsets to line/column and UTF-8 byte offsets for one text; built once per file. */
export class LineIndex {
  private readonly lineStarts: number[];
  private readonly asciiOnly: boolean;
  private byteOffsets: Uint32Array | undefined;

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
    this.asciiOnly = !/[^\x00-\x7f]/.test(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[position.line];
    if (lineStart === undefined) return this.text.length;
    const nextStart = this.lineStarts[position.line + 1] ?? this.text.length + 1;
    return Math.min(lineStart + position.column, nextStart - 1, this.text.length);
  }

  /** The text of one line without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    let end = this.lineStarts[line + 1] ?? this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /** UTF-8 byte offset of a UTF-16 offset (what SARIF byteOffset and libpg_query count). */
  byteOffsetAt(offset: number): number {
    if (this.asciiOnly) return offset;
    this.byteOffsets ??= utf8Offsets(this.text);
    return this.byteOffsets[Math.max(0, Math.min(offset, this.text.length))] ?? 0;
  }
}

/** For each UTF-16 index (and the end), the UTF-8 byte offset where it starts. */
export function utf8Offsets(text: string): Uint32Array {
  const offsets = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[i] = bytes;
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character; its low half shares the pair's start.
      offsets[i + 1] = bytes;
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  offsets[text.length] = bytes;
  return offsets;
}

/** Inverse of utf8Offsets for one text: byte offset → UTF-16 index (for parser positions). */
export function byteToUtf16(text: string): (byteOffset: number) => number {
  if (!/[^\x00-\x7f]/.test(text)) return (byteOffset) => Math.min(byteOffset, text.length);
  const offsets = utf8Offsets(text);
  return (byteOffset) => {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((offsets[middle] ?? 0) <= byteOffset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
}
