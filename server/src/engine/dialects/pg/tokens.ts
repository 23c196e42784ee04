// A small PostgreSQL tokenizer for one statement's text. The parser's AST has start locations but
// no ends, so ranges of table elements, ALTER actions and keywords are found on these tokens.
// It never throws; unterminated literals run to the end of the text.

export type TokenKind = 'word' | 'quoted-identifier' | 'string' | 'number' | 'punctuation' | 'operator' | 'parameter';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Upper-cased text for `word` tokens (keywords and identifiers), the raw text otherwise. */
  readonly value: string;
}

const isWordStart = (code: number): boolean =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 128;
const isWordPart = (code: number): boolean => isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const operatorChars = new Set('+-*/<>=~!@#%^&|`?:'.split('').map((character) => character.charCodeAt(0)));

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  const length = text.length;
  const push = (kind: TokenKind, start: number, end: number, value: string): void => {
    tokens.push({ kind, start, end, value });
  };
  while (index < length) {
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (code <= 32) {
      index++;
    } else if (code === 45 && next === 45) {
      const newline = text.indexOf('\n', index);
      index = newline < 0 ? length : newline;
    } else if (code === 47 && next === 42) {
      index = skipBlockComment(text, index);
    } else if (code === 39) {
      const end = skipQuoted(text, index, 39, false);
      push('string', index, end, text.slice(index, end));
      index = end;
    } else if ((code === 69 || code === 101) && next === 39) {
      const end = skipQuoted(text, index + 1, 39, true);
      push('string', index, end, text.slice(index, end));
      index = end;
    } else if (code === 34) {
      const end = skipQuoted(text, index, 34, false);
      push('quoted-identifier', index, end, text.slice(index + 1, end - 1).replaceAll('""', '"'));
      index = end;
    } else if (code === 36 && isDigit(next)) {
      let end = index + 1;
      while (end < length && isDigit(text.charCodeAt(end))) end++;
      push('parameter', index, end, text.slice(index, end));
      index = end;
    } else if (code === 36) {
      const end = skipDollarQuoted(text, index);
      push('string', index, end, text.slice(index, end));
      index = end;
    } else if (isWordStart(code)) {
      let end = index + 1;
      while (end < length && isWordPart(text.charCodeAt(end))) end++;
      push('word', index, end, text.slice(index, end).toUpperCase());
      index = end;
    } else if (isDigit(code) || (code === 46 && isDigit(next))) {
      let end = index + 1;
      while (end < length && (isDigit(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end++;
      push('number', index, end, text.slice(index, end));
      index = end;
    } else if (operatorChars.has(code)) {
      let end = index + 1;
      while (end < length && operatorChars.has(text.charCodeAt(end))) end++;
      push('operator', index, end, text.slice(index, end));
      index = end;
    } else {
      push('punctuation', index, index + 1, text[index] ?? '');
      index++;
    }
  }
  return tokens;
}

function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    if (text.startsWith('/*', index)) {
      depth++;
      index += 2;
    } else if (text.startsWith('*/', index)) {
      depth--;
      index += 2;
      if (depth === 0) return index;
    } else index++;
  }
  return text.length;
}

function skipQuoted(text: string, openQuote: number, quote: number, backslashEscapes: boolean): number {
  let index = openQuote + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (backslashEscapes && code === 92) index += 2;
    else if (code === quote) {
      if (text.charCodeAt(index + 1) === quote) index += 2;
      else return index + 1;
    } else index++;
  }
  return text.length;
}

function skipDollarQuoted(text: string, start: number): number {
  const match = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(start, start + 64));
  if (!match) return start + 1;
  const tag = match[0];
  const close = text.indexOf(tag, start + tag.length);
  return close < 0 ? text.length : close + tag.length;
}

/** Index of the first token starting at or after `offset`, or tokens.length. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle]?.start ?? 0) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * End offset of a list element starting at token `from`: the end of the last token before a `,` at
 * depth 0, a `)` closing an outer parenthesis, a `;`, or one of `stopWords` at depth 0.
 */
export function elementEnd(tokens: readonly Token[], from: number, stopWords: ReadonlySet<string> = new Set()): number {
  let depth = 0;
  let end = tokens[from]?.end ?? 0;
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) break;
    if (token.kind === 'punctuation') {
      if (token.value === '(' || token.value === '[') depth++;
      else if (token.value === ')' || token.value === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (token.value === ',' || token.value === ';')) break;
    } else if (depth === 0 && index > from && token.kind === 'word' && stopWords.has(token.value)) break;
    end = token.end;
  }
  return end;
}

/** The first word token equal to `word` at or after `offset`. */
export function findWord(tokens: readonly Token[], word: string, offset = 0): Token | undefined {
  for (let index = tokenIndexAt(tokens, offset); index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind === 'word' && token.value === word) return token;
  }
  return undefined;
}
