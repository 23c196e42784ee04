// The text of a statement about to be explained: one statement only (a string that holds two is
// refused, because the simple protocol would run both), whether it writes (decided conservatively,
// before anything runs), and its parameters (`$1`, `?`, `:name`) turned into the server's style.
// A small lexer of its own: the database layer must not depend on the engine's splitter to stay
// safe, and it must also read MySQL text. It never executes or rewrites anything but placeholders.

export type TextDialect = 'postgres' | 'mysql';

export type Placeholder =
  | { readonly kind: 'dollar'; readonly index: number; readonly start: number; readonly end: number }
  | { readonly kind: 'question'; readonly start: number; readonly end: number }
  | { readonly kind: 'named'; readonly name: string; readonly start: number; readonly end: number };

export interface ScannedText {
  /** The statement without a trailing `;` and surrounding whitespace. */
  readonly text: string;
  /** Why the text cannot be sent as one statement (two statements, an unterminated string …). */
  readonly problem: string | undefined;
  /** Upper-cased words outside strings, quoted identifiers and comments, in order. */
  readonly words: readonly string[];
  readonly placeholders: readonly Placeholder[];
}

/** A statement ready to send: placeholders in the server's style and what the user calls them. */
export interface PreparedText {
  readonly text: string;
  /** The parameters as the user wrote them: `$1`, `:id`, `?1` (the first `?`) …, distinct, in order. */
  readonly parameterNames: readonly string[];
  /** For each placeholder in `text`, in order, the index of its value in the user's list. */
  readonly valueOrder: readonly number[];
  /** True when the statement (conservatively) writes: EXPLAIN ANALYZE would change data. */
  readonly writes: boolean;
  /** The statement's first word, upper-cased (`SELECT`, `WITH`, …). */
  readonly firstWord: string | undefined;
}

const identifierStart = /[A-Za-z_\u0080-\uffff]/;
const identifierPart = /[A-Za-z0-9_$\u0080-\uffff]/;

/**
 * Words after which a PostgreSQL `?` stands for a value. Elsewhere (after a column, a `)` or a
 * literal) `?` is the jsonb "key exists" operator and is left alone.
 */
const valueKeywords = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'LIKE', 'ILIKE', 'IN', 'IS', 'LIMIT', 'OFFSET', 'SELECT', 'WHERE', 'THEN', 'ELSE', 'WHEN', 'VALUES', 'SET', 'RETURNING', 'BY', 'ON', 'HAVING', 'DISTINCT', 'ANY', 'ALL', 'SOME', 'CASE', 'FETCH', 'FIRST', 'NEXT']);

export function scanStatement(source: string, dialect: TextDialect): ScannedText {
  const words: string[] = [];
  const placeholders: Placeholder[] = [];
  let problem: string | undefined;
  let end = source.length;
  // What came before a `?`: a value may follow an operator, `(`, `,` or a keyword; after anything
  // else (a column, `)`, a literal) it is an operator.
  let previous: { kind: 'start' | 'word' | 'value' | 'punctuation'; word?: string } = { kind: 'start' };
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    const next = source[index + 1] ?? '';
    if (char === '-' && next === '-') {
      index = lineEnd(source, index);
      continue;
    }
    if (char === '#' && dialect === 'mysql') {
      index = lineEnd(source, index);
      continue;
    }
    if (char === '/' && next === '*') {
      const close = blockCommentEnd(source, index, dialect === 'postgres');
      if (close === undefined) return { text: source.trim(), problem: 'the statement has an unterminated /* comment', words, placeholders };
      index = close;
      continue;
    }
    if (char === "'" || (char === '"' && dialect === 'mysql')) {
      const backslashes = dialect === 'mysql' || isEscapeStringPrefix(source, index);
      const close = quotedEnd(source, index, char, backslashes);
      if (close === undefined) return { text: source.trim(), problem: 'the statement has an unterminated string', words, placeholders };
      index = close;
      previous = { kind: 'value' };
      continue;
    }
    if (char === '"' || (char === '`' && dialect === 'mysql')) {
      const close = quotedEnd(source, index, char, false);
      if (close === undefined) return { text: source.trim(), problem: 'the statement has an unterminated quoted identifier', words, placeholders };
      index = close;
      previous = { kind: 'value' };
      continue;
    }
    if (char === '$' && dialect === 'postgres') {
      const parameter = /^\$(\d+)/.exec(source.slice(index, index + 12));
      if (parameter?.[1] !== undefined) {
        placeholders.push({ kind: 'dollar', index: Number(parameter[1]), start: index, end: index + parameter[0].length });
        index += parameter[0].length;
        previous = { kind: 'value' };
        continue;
      }
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(source.slice(index, index + 200));
      if (tag) {
        const close = source.indexOf(tag[0], index + tag[0].length);
        if (close < 0) return { text: source.trim(), problem: 'the statement has an unterminated dollar-quoted string', words, placeholders };
        index = close + tag[0].length;
        previous = { kind: 'value' };
        continue;
      }
    }
    if (char === ':' && next === ':') {
      index += 2;
      previous = { kind: 'punctuation' };
      continue;
    }
    if (char === ':' && identifierStart.test(next) && source[index - 1] !== ':') {
      let stop = index + 1;
      while (stop < source.length && identifierPart.test(source[stop] ?? '')) stop += 1;
      placeholders.push({ kind: 'named', name: source.slice(index + 1, stop), start: index, end: stop });
      index = stop;
      previous = { kind: 'value' };
      continue;
    }
    if (char === '?') {
      const operator = dialect === 'postgres' && (next === '|' || next === '&' || !(previous.kind === 'start' || previous.kind === 'punctuation' || (previous.kind === 'word' && valueKeywords.has(previous.word ?? ''))));
      if (!operator) placeholders.push({ kind: 'question', start: index, end: index + 1 });
      index += operator && (next === '|' || next === '&') ? 2 : 1;
      previous = operator ? { kind: 'punctuation' } : { kind: 'value' };
      continue;
    }
    if (identifierStart.test(char)) {
      let stop = index + 1;
      while (stop < source.length && identifierPart.test(source[stop] ?? '')) stop += 1;
      const word = source.slice(index, stop).toUpperCase();
      words.push(word);
      index = stop;
      previous = { kind: 'word', word };
      continue;
    }
    if (char === ';') {
      if (!onlyCommentsAfter(source, index + 1, dialect)) {
        problem = 'the text holds more than one statement: explain one statement at a time';
      }
      end = index;
      break;
    }
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    previous = /[0-9.]/.test(char) ? { kind: 'value' } : char === ')' || char === ']' ? { kind: 'value' } : { kind: 'punctuation' };
    index += 1;
  }
  return { text: source.slice(0, end).trim(), problem, words, placeholders };
}

/**
 * The statement as the server receives it, or why it cannot be sent. PostgreSQL: `$n` stay;
 * otherwise `:name` (each distinct name one parameter, in order of first use) or `?` (in order)
 * become `$1…`. MySQL: `?` stay; `:name` become `?` (a name used twice repeats its value).
 */
export function prepareStatement(source: string, dialect: TextDialect): { readonly ok: true; readonly value: PreparedText } | { readonly ok: false; readonly message: string } {
  const scanned = scanStatement(source, dialect);
  if (scanned.problem !== undefined) return { ok: false, message: scanned.problem };
  if (scanned.text === '') return { ok: false, message: 'the statement is empty' };
  const base = source.indexOf(scanned.text);
  const placeholders = scanned.placeholders
    .filter((placeholder) => placeholder.start >= base && placeholder.end <= base + scanned.text.length)
    .map((placeholder) => ({ ...placeholder, start: placeholder.start - base, end: placeholder.end - base }));
  const writes = writesData(scanned.words);
  const firstWord = scanned.words[0];
  const dollars = placeholders.filter((placeholder) => placeholder.kind === 'dollar');
  const named = placeholders.filter((placeholder) => placeholder.kind === 'named');
  const questions = placeholders.filter((placeholder) => placeholder.kind === 'question');
  if (dialect === 'postgres') {
    if (dollars.length > 0) {
      const highest = Math.max(...dollars.map((placeholder) => (placeholder.kind === 'dollar' ? placeholder.index : 0)));
      const names = Array.from({ length: highest }, (_, position) => `$${position + 1}`);
      return { ok: true, value: { text: scanned.text, parameterNames: names, valueOrder: names.map((_, position) => position), writes, firstWord } };
    }
    if (named.length > 0) {
      const names: string[] = [];
      const text = replacePlaceholders(scanned.text, named, (placeholder) => {
        const name = placeholder.kind === 'named' ? placeholder.name : '';
        if (!names.includes(name)) names.push(name);
        return `$${names.indexOf(name) + 1}`;
      });
      return { ok: true, value: { text, parameterNames: names.map((name) => `:${name}`), valueOrder: names.map((_, position) => position), writes, firstWord } };
    }
    if (questions.length > 0) {
      let counter = 0;
      const text = replacePlaceholders(scanned.text, questions, () => `$${++counter}`);
      const names = questions.map((_, position) => `?${position + 1}`);
      return { ok: true, value: { text, parameterNames: names, valueOrder: names.map((_, position) => position), writes, firstWord } };
    }
    return { ok: true, value: { text: scanned.text, parameterNames: [], valueOrder: [], writes, firstWord } };
  }
  if (named.length > 0 && questions.length === 0) {
    const names: string[] = [];
    const order: number[] = [];
    const text = replacePlaceholders(scanned.text, named, (placeholder) => {
      const name = placeholder.kind === 'named' ? placeholder.name : '';
      if (!names.includes(name)) names.push(name);
      order.push(names.indexOf(name));
      return '?';
    });
    return { ok: true, value: { text, parameterNames: names.map((name) => `:${name}`), valueOrder: order, writes, firstWord } };
  }
  const names = questions.map((_, position) => `?${position + 1}`);
  return { ok: true, value: { text: scanned.text, parameterNames: names, valueOrder: names.map((_, position) => position), writes, firstWord } };
}

/** Statements that only read: anything else (and a WITH holding a data-modifying part) writes. */
const readingFirstWords = new Set(['SELECT', 'VALUES', 'TABLE', 'WITH', 'SHOW']);
const modifyingWords = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'INTO', 'CALL', 'TRUNCATE', 'CREATE', 'ALTER', 'DROP', 'GRANT', 'REVOKE', 'COPY', 'LOCK', 'NEXTVAL', 'SETVAL']);

/**
 * Conservative: a statement writes unless it starts with a reading word and holds no word that may
 * modify data (`SELECT … INTO` creates a table; `WITH x AS (DELETE …)` deletes). `FOR UPDATE` and
 * `FOR NO KEY UPDATE` lock rows and are not counted. A function call that writes is not seen
 * here: the read-only transaction refuses it.
 */
export function writesData(words: readonly string[]): boolean {
  const first = words[0];
  if (first === undefined || !readingFirstWords.has(first)) return true;
  return words.some((word, position) => {
    if (!modifyingWords.has(word)) return false;
    if (word === 'UPDATE') {
      const before = words[position - 1];
      return !(before === 'FOR' || before === 'KEY');
    }
    return true;
  });
}

/**
 * A parameter value as typed: `NULL` (any case, unquoted) is SQL NULL; a value in single quotes loses
 * them (`''` inside is one quote); anything else is sent as it is and cast by the server.
 */
export function parameterValue(raw: string): string | null {
  const trimmed = raw.trim();
  if (/^null$/i.test(trimmed)) return null;
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replaceAll("''", "'");
  return raw;
}

/** Double-quotes an identifier for PostgreSQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function replacePlaceholders(text: string, placeholders: readonly Placeholder[], replacement: (placeholder: Placeholder) => string): string {
  let result = '';
  let position = 0;
  for (const placeholder of placeholders) {
    result += text.slice(position, placeholder.start) + replacement(placeholder);
    position = placeholder.end;
  }
  return result + text.slice(position);
}

function lineEnd(source: string, index: number): number {
  const newline = source.indexOf('\n', index);
  return newline < 0 ? source.length : newline + 1;
}

/** PostgreSQL block comments nest; MySQL's do not. */
function blockCommentEnd(source: string, index: number, nested: boolean): number | undefined {
  let depth = 0;
  let position = index;
  while (position < source.length) {
    if (source.startsWith('/*', position)) {
      depth = nested ? depth + 1 : 1;
      position += 2;
    } else if (source.startsWith('*/', position)) {
      depth -= 1;
      position += 2;
      if (depth === 0) return position;
    } else {
      position += 1;
    }
  }
  return undefined;
}

/** `E'…'` strings take backslash escapes (PostgreSQL 4.1.2.2). */
function isEscapeStringPrefix(source: string, index: number): boolean {
  const before = source[index - 1];
  if (before !== 'E' && before !== 'e') return false;
  return !identifierPart.test(source[index - 2] ?? '');
}

function quotedEnd(source: string, index: number, quote: string, backslashes: boolean): number | undefined {
  let position = index + 1;
  while (position < source.length) {
    const char = source[position];
    if (backslashes && char === '\\') {
      position += 2;
      continue;
    }
    if (char === quote) {
      if (source[position + 1] === quote) {
        position += 2;
        continue;
      }
      return position + 1;
    }
    position += 1;
  }
  return undefined;
}

function onlyCommentsAfter(source: string, index: number, dialect: TextDialect): boolean {
  let position = index;
  while (position < source.length) {
    const char = source[position] ?? '';
    if (/\s/.test(char) || char === ';') {
      position += 1;
    } else if (source.startsWith('--', position) || (char === '#' && dialect === 'mysql')) {
      position = lineEnd(source, position);
    } else if (source.startsWith('/*', position)) {
      const close = blockCommentEnd(source, position, dialect === 'postgres');
      if (close === undefined) return false;
      position = close;
    } else {
      return false;
    }
  }
  return true;
}
