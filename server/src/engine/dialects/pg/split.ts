// PostgreSQL splitter: cuts a file into statements, psql meta-commands, COPY data and template statements the way
// psql's lexer would, and finds comments and dbmate/goose sections. Pure and total: no I/O, never throws.
import type { Comment, Segment, SegmentKind, SplitResult } from '../../model/segment';
import { splitSections } from '../sections';
import { wordIs } from '../words';

const TAB = 9;
const LF = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const DOLLAR = 36;
const PERCENT = 37;
const QUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const MINUS = 45;
const SLASH = 47;
const COLON = 58;
const SEMI = 59;
const BACKSLASH = 92;
const UNDERSCORE = 95;
const LBRACE = 123;
const BOM = 0xfeff;

// What the first words of the current statement say it is (psql looks at the same words).
const HEAD_START = 0;
const HEAD_CREATE = 1;
const HEAD_CREATE_OR = 2;
const HEAD_CREATE_OR_REPLACE = 3;
const HEAD_OTHER = 4;
const HEAD_COPY = 5;
const HEAD_ROUTINE = 6;
const HEAD_RULE = 7;

interface Output {
  readonly segments: Segment[];
  readonly comments: Comment[];
  /** psql variables set so far by `\set`: only those make a bare `:name` an interpolation. */
  readonly vars: Set<string>;
  /** The characters that matter once a statement's head is known (see scanSection); global, so per call. */
  readonly special: RegExp;
}

/**
 * Splits a PostgreSQL file (psql script, or dbmate/goose migration) into segments, sections and comments. Offsets are
 * UTF-16 indices into `text`; a leading BOM is skipped but still counted.
 */
export function splitPostgres(text: string): SplitResult {
  const out: Output = { segments: [], comments: [], vars: new Set<string>(), special: /[;'"$\\\-/{%:]/g };
  const sections = splitSections(text, (from, to, section) => {
    const before = out.segments.length;
    scanSection(text, from, to, section, out);
    return out.segments.length > before;
  });
  return { segments: out.segments, sections, comments: out.comments };
}

/** Lexes text[from, to) on its own, so nothing (statement, quote, COPY data) runs past a section boundary. */
function scanSection(text: string, from: number, to: number, section: number, out: Output): void {
  const s = from === 0 && to === text.length ? text : text.slice(from, to);
  const n = s.length;
  const base = from;
  const { segments, comments, vars, special } = out;

  // Lexing starts after a BOM, and lookbehinds (E'', a$b) must not see it.
  const first = base === 0 && n > 0 && s.charCodeAt(0) === BOM ? 1 : 0;
  let i = first;
  let stmtStart = -1;
  let lastEnd = 0;
  let template = false;
  let head = HEAD_START;
  let parenDepth = 0;
  let beginDepth = 0;
  let armed = false;
  let copyStdin = false;

  while (i < n) {
    if (stmtStart !== -1 && head === HEAD_OTHER) {
      // Once a statement's first words are settled, words and parentheses no longer matter: jump to the next
      // character that does with a native regex, much faster than a charCodeAt loop (above all before V8 optimises).
      special.lastIndex = i;
      const found = special.test(s);
      const k = found ? special.lastIndex - 1 : n;
      let e = k;
      while (e > i && s.charCodeAt(e - 1) <= SPACE) e--;
      if (e > i) lastEnd = e;
      if (!found) break;
      i = k;
    }
    const c = s.charCodeAt(i);
    // PostgreSQL whitespace is space, \t \n \v \f \r; other control characters are junk and get the same treatment.
    if (c <= SPACE) {
      i++;
      continue;
    }
    // Bounds-checked lookahead: reading past the end would cost a deoptimisation in V8.
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (c === MINUS && next === MINUS) {
      const e = lineEnd(s, i);
      comments.push({ range: { start: i + base, end: e + base }, style: 'line' });
      i = e;
      continue;
    }
    if (c === SLASH && next === STAR) {
      const e = skipBlockComment(s, i);
      comments.push({ range: { start: i + base, end: e + base }, style: 'block' });
      i = e;
      continue;
    }
    if (c === BACKSLASH) {
      // psql takes a backslash outside quotes as a meta-command to the end of the line, ending any open statement.
      const copyPending = stmtStart !== -1 && copyStdin;
      if (stmtStart !== -1) {
        segments.push(segment(template ? 'template' : 'statement', stmtStart + base, lastEnd + base, true, section));
        stmtStart = -1;
      }
      const e = lineEnd(s, i);
      segments.push(segment('meta-command', i + base, e + base, true, section));
      const metaCopy = noteMetaCommand(s.slice(i, e), vars);
      i = copyPending || metaCopy ? copyData(s, e, base, section, out) : e;
      continue;
    }
    if (c === SEMI) {
      if (stmtStart === -1) {
        i++;
        continue;
      }
      // Inside BEGIN ATOMIC … END, and inside a multi-action rule's parentheses, `;` separates inner statements.
      if (beginDepth > 0 || (head === HEAD_RULE && parenDepth > 0)) {
        i++;
        lastEnd = i;
        continue;
      }
      const copy = copyStdin;
      segments.push(segment(template ? 'template' : 'statement', stmtStart + base, i + 1 + base, true, section));
      stmtStart = -1;
      i = copy ? copyData(s, i + 1, base, section, out) : i + 1;
      continue;
    }

    if (stmtStart === -1) {
      stmtStart = i;
      template = false;
      head = HEAD_START;
      parenDepth = 0;
      beginDepth = 0;
      armed = false;
      copyStdin = false;
    }
    // `armed`: the previous token was FROM (in COPY) or BEGIN (in a routine); any other token disarms.
    const wasArmed = armed;
    armed = false;

    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n) {
        // Inlined identifier-continuation test (letters by case folding, digits, `_`, `$`, non-ASCII): a hot loop.
        const d = s.charCodeAt(j);
        const folded = d | 0x20;
        const letter = folded >= 97 && folded <= 122;
        if (letter || (d >= 48 && d <= 57) || d === UNDERSCORE || d === DOLLAR || d >= 128) j++;
        else break;
      }
      // Only keywords decide anything here, and none is longer than `procedure`.
      if (j - i <= 9) {
        if (head === HEAD_ROUTINE) {
          if (parenDepth === 0) {
            if (beginDepth === 0) {
              // Only BEGIN ATOMIC opens a body (psql counts any BEGIN, but `begin` is a legal function name).
              if (wasArmed && wordIs(s, i, j, 'atomic')) beginDepth = 1;
              else armed = wordIs(s, i, j, 'begin');
            } else if (wordIs(s, i, j, 'begin') || wordIs(s, i, j, 'case')) {
              beginDepth++;
            } else if (wordIs(s, i, j, 'end')) {
              beginDepth--;
            }
          }
        } else if (head === HEAD_COPY) {
          if (parenDepth === 0) {
            if (wasArmed && wordIs(s, i, j, 'stdin')) copyStdin = true;
            else armed = wordIs(s, i, j, 'from');
          }
        } else if (head !== HEAD_RULE) {
          head = nextHead(head, s, i, j);
        }
      } else if (head < HEAD_OTHER) {
        head = HEAD_OTHER;
      }
      i = j;
    } else if (c === QUOTE) {
      // `E'…'` is told by the letter just before the quote (fast mode never lexes that letter as a word).
      const escape =
        i > first && (s.charCodeAt(i - 1) | 0x20) === 101 && !(i > first + 1 && isIdentCont(s.charCodeAt(i - 2)));
      i = escape ? skipEscapeString(s, i) : skipString(s, i);
    } else if (c === DQUOTE) {
      i = skipQuotedIdentifier(s, i);
      if (i < 0) {
        template = true;
        i = -i;
      }
    } else if (c === DOLLAR) {
      if (i > first && isIdentCont(s.charCodeAt(i - 1))) {
        // Inside a name such as `a$b` (fast mode lands on it): not a quote.
        i++;
      } else if (next === DOLLAR) {
        i = skipTo(s, i + 2, '$$');
      } else if (isIdentStart(next)) {
        let j = i + 2;
        while (j < n && isTagCont(s.charCodeAt(j))) j++;
        // `$tag$` opens a dollar quote; a lone `$` (as in `$%NAME%$`) is one character, the word after lexed alone.
        i = j < n && s.charCodeAt(j) === DOLLAR ? skipTo(s, j + 1, s.slice(i, j + 1)) : i + 1;
      } else {
        // `$1` parameter.
        let j = i + 1;
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
    } else if (c === LBRACE && next === LBRACE) {
      // A Go/Jinja template can hold quotes and `;`: skip it whole without lexing.
      template = true;
      i = skipTo(s, i + 2, '}}');
    } else if (c === LBRACE && next === PERCENT) {
      template = true;
      i = skipTo(s, i + 2, '%}');
    } else if (c === PERCENT) {
      i = placeholderEnd(s, i);
      if (i < 0) {
        template = true;
        i = -i;
      }
    } else if (c === COLON) {
      i = psqlVariableEnd(s, i, vars);
      if (i < 0) {
        template = true;
        i = -i;
      }
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isIdentCont(s.charCodeAt(j))) j++;
      i = j;
    } else {
      if (c === LPAREN) parenDepth++;
      else if (c === RPAREN && parenDepth > 0) parenDepth--;
      i++;
    }
    lastEnd = i;
  }
  if (stmtStart !== -1) {
    segments.push(segment(template ? 'template' : 'statement', stmtStart + base, lastEnd + base, false, section));
  }
}

/** At a `%`: the end of a `%NAME%` placeholder negated, or just past the `%` (the modulo operator). */
function placeholderEnd(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  const first = j < n ? s.charCodeAt(j) : 0;
  if (!isUpper(first) && first !== UNDERSCORE) return i + 1;
  j++;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isUpper(c) || isDigit(c) || c === UNDERSCORE) j++;
    else break;
  }
  return j < n && s.charCodeAt(j) === PERCENT ? -(j + 1) : i + 1;
}

function segment(kind: SegmentKind, start: number, end: number, terminated: boolean, section: number): Segment {
  return { kind, range: { start, end }, terminated, section };
}

/**
 * After `COPY … FROM stdin;` (or `\copy … from stdin`): skips the rest of that line, then takes the inline rows
 * through the `\.` line as one segment without lexing them. Returns where lexing resumes.
 */
function copyData(s: string, from: number, base: number, section: number, out: Output): number {
  const n = s.length;
  let k = from;
  while (k < n) {
    const c = s.charCodeAt(k);
    if (c === SPACE || c === TAB || c === CR || c === FF || c === VT) {
      k++;
    } else if (c === MINUS && at(s, k + 1) === MINUS) {
      const e = lineEnd(s, k);
      out.comments.push({ range: { start: k + base, end: e + base }, style: 'line' });
      k = e;
    } else if (c === SLASH && at(s, k + 1) === STAR) {
      const e = skipBlockComment(s, k);
      const nl = s.indexOf('\n', k);
      if (nl !== -1 && nl < e) break;
      out.comments.push({ range: { start: k + base, end: e + base }, style: 'block' });
      k = e;
    } else {
      // psql would run the rest of this line after the data; it is left out rather than mistaken for data.
      break;
    }
  }
  const nl = s.indexOf('\n', k);
  if (nl === -1) return n;
  const dataStart = nl + 1;
  let p = dataStart;
  for (;;) {
    const t = s.indexOf('\\.', p);
    if (t === -1) break;
    if (t === dataStart || s.charCodeAt(t - 1) === LF) {
      let e = t + 2;
      while (e < n && isLineSpace(s.charCodeAt(e))) e++;
      if (e >= n || s.charCodeAt(e) === LF) {
        out.segments.push(segment('copy-data', dataStart + base, t + 2 + base, true, section));
        return t + 2;
      }
    }
    p = t + 2;
  }
  let end = n;
  while (end > dataStart && (s.charCodeAt(end - 1) === LF || s.charCodeAt(end - 1) === CR)) end--;
  if (end > dataStart) out.segments.push(segment('copy-data', dataStart + base, end + base, false, section));
  return n;
}

/** The statement head after one more word: CREATE [OR REPLACE] FUNCTION|PROCEDURE|RULE, COPY, or anything else. */
function nextHead(head: number, s: string, start: number, end: number): number {
  switch (head) {
    case HEAD_START:
      if (wordIs(s, start, end, 'create')) return HEAD_CREATE;
      return wordIs(s, start, end, 'copy') ? HEAD_COPY : HEAD_OTHER;
    case HEAD_CREATE:
      if (wordIs(s, start, end, 'or')) return HEAD_CREATE_OR;
      return routineOrRule(s, start, end);
    case HEAD_CREATE_OR:
      return wordIs(s, start, end, 'replace') ? HEAD_CREATE_OR_REPLACE : HEAD_OTHER;
    case HEAD_CREATE_OR_REPLACE:
      return routineOrRule(s, start, end);
    default:
      return head;
  }
}

function routineOrRule(s: string, start: number, end: number): number {
  if (wordIs(s, start, end, 'function') || wordIs(s, start, end, 'procedure')) return HEAD_ROUTINE;
  return wordIs(s, start, end, 'rule') ? HEAD_RULE : HEAD_OTHER;
}

/**
 * At a `:`: where the token ends, negated when it is a psql interpolation (`:'name'`, `:"name"`, or `:name` for a
 * variable set earlier). `::` is a cast and is consumed whole so its type name is never taken for a variable.
 */
function psqlVariableEnd(s: string, i: number, vars: ReadonlySet<string>): number {
  const next = at(s, i + 1);
  if (next === COLON) return i + 2;
  if (next === QUOTE || next === DQUOTE) {
    let j = i + 2;
    while (isVariableChar(at(s, j))) j++;
    return j > i + 2 && at(s, j) === next ? -(j + 1) : i + 1;
  }
  if (vars.size > 0 && isVariableChar(next)) {
    let j = i + 2;
    while (isVariableChar(at(s, j))) j++;
    if (vars.has(s.slice(i + 1, j))) return -j;
  }
  return i + 1;
}

/** Records `\set`/`\unset` variables; true when the line is `\copy … from stdin` (rows follow inline). */
function noteMetaCommand(line: string, vars: Set<string>): boolean {
  const set = /^\\set[ \t]+([A-Za-z0-9_\u0080-\uffff]+)/.exec(line);
  if (set?.[1] !== undefined) vars.add(set[1]);
  const unset = /^\\unset[ \t]+([A-Za-z0-9_\u0080-\uffff]+)/.exec(line);
  if (unset?.[1] !== undefined) vars.delete(unset[1]);
  return /^\\copy\b.*\bfrom[ \t]+stdin\b/i.test(line);
}

/** End of the line at i, before `\r\n` / `\n`. */
function lineEnd(s: string, i: number): number {
  const nl = s.indexOf('\n', i);
  const end = nl === -1 ? s.length : nl;
  return end > i && s.charCodeAt(end - 1) === CR ? end - 1 : end;
}

function skipTo(s: string, from: number, close: string): number {
  const k = s.indexOf(close, from);
  return k === -1 ? s.length : k + close.length;
}

/** Block comments nest in PostgreSQL. */
function skipBlockComment(s: string, i: number): number {
  const n = s.length;
  let depth = 1;
  let j = i + 2;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === STAR && at(s, j + 1) === SLASH) {
      j += 2;
      if (--depth === 0) return j;
    } else if (c === SLASH && at(s, j + 1) === STAR) {
      j += 2;
      depth++;
    } else {
      j++;
    }
  }
  return n;
}

/** A standard string at the quote at i: `''` is a quote, backslashes are plain characters. */
function skipString(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const k = s.indexOf("'", j);
    if (k === -1) return s.length;
    if (at(s, k + 1) !== QUOTE) return k + 1;
    j = k + 2;
  }
}

/** An `E'…'` string at the quote at i: backslash escapes the next character, `''` is a quote too. */
function skipEscapeString(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === QUOTE) {
      if (at(s, j + 1) !== QUOTE) return j + 1;
      j += 2;
    } else j++;
  }
  return n;
}

/**
 * A quoted identifier at i; a `{{ … }}` inside is skipped whole, since templates put quotes there (`"{{ .X "a" }}"`).
 * Returns the end, negated when the identifier held a template.
 */
function skipQuotedIdentifier(s: string, i: number): number {
  const n = s.length;
  let template = false;
  let j = i + 1;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === DQUOTE) {
      if (at(s, j + 1) !== DQUOTE) return template ? -(j + 1) : j + 1;
      j += 2;
    } else if (c === LBRACE && at(s, j + 1) === LBRACE) {
      template = true;
      j = skipTo(s, j + 2, '}}');
    } else j++;
  }
  return template ? -n : n;
}

/** charCodeAt with -1 past the end: V8 deoptimises optimised code on its first out-of-range read. */
function at(s: string, k: number): number {
  return k < s.length ? s.charCodeAt(k) : -1;
}

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === FF || c === VT;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** PostgreSQL identifier start: ASCII letter, `_`, or any non-ASCII character. */
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === UNDERSCORE || c >= 128;
}

/** Identifier continuation also takes digits and `$` (so `a$b$` is a name, not a dollar quote). */
function isIdentCont(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === DOLLAR;
}

/** Dollar-quote tag characters: like an identifier but without `$`. */
function isTagCont(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** psql variable name characters. */
function isVariableChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
