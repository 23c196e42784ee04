// A cursor over one MySQL/MariaDB statement's tokens for the recursive-descent DDL reader: keyword
// and symbol tests, balanced groups, names, ranges and the first syntax problem. It never throws and
// never looks past the statement's terminator; reading stays linear in the number of tokens.
import type { ObjectName, SyntaxProblem, TextRange } from '../../model';
import type { MysqlToken } from './lexer';

/** An identifier as the server compares it, with the range of the token that wrote it. */
export interface Identifier {
  readonly name: string;
  readonly range: TextRange;
}

export class TokenCursor {
  /** Index of the next token to read. */
  index = 0;
  /** Tokens before this index are the statement; the terminator (`;` or the client delimiter) is left out. */
  readonly end: number;
  private firstProblem: SyntaxProblem | undefined;

  constructor(
    readonly tokens: readonly MysqlToken[],
    readonly fileText: string,
    /** The statement's range in the file, for problems at its very end. */
    readonly statementRange: TextRange,
    delimiter = ';',
  ) {
    const last = tokens[tokens.length - 1];
    this.end = last && last.kind === 'punctuation' && last.text === delimiter ? tokens.length - 1 : tokens.length;
  }

  get problem(): SyntaxProblem | undefined {
    return this.firstProblem;
  }

  peek(ahead = 0): MysqlToken | undefined {
    const position = this.index + ahead;
    return position < this.end ? this.tokens[position] : undefined;
  }

  at(index: number): MysqlToken | undefined {
    return index < this.end ? this.tokens[index] : undefined;
  }

  atEnd(): boolean {
    return this.index >= this.end;
  }

  next(): MysqlToken | undefined {
    const token = this.peek();
    if (token) this.index++;
    return token;
  }

  /** Whether the token `ahead` is the unquoted word `keyword` (upper case). */
  atWord(keyword: string, ahead = 0): boolean {
    return this.peek(ahead)?.keyword === keyword;
  }

  atAnyWord(keywords: ReadonlySet<string>, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && token.kind === 'word' && keywords.has(token.keyword);
  }

  /** Whether the next tokens are the words `keywords`, in order. */
  atWords(...keywords: readonly string[]): boolean {
    return keywords.every((keyword, offset) => this.atWord(keyword, offset));
  }

  acceptWord(keyword: string): MysqlToken | undefined {
    return this.atWord(keyword) ? this.next() : undefined;
  }

  /** Consumes the words `keywords` when all of them come next, in order; returns the last. */
  acceptWords(...keywords: readonly string[]): MysqlToken | undefined {
    if (!this.atWords(...keywords)) return undefined;
    let last: MysqlToken | undefined;
    for (let count = 0; count < keywords.length; count++) last = this.next();
    return last;
  }

  atSymbol(symbol: string, ahead = 0): boolean {
    return isSymbol(this.peek(ahead), symbol);
  }

  acceptSymbol(symbol: string): MysqlToken | undefined {
    return this.atSymbol(symbol) ? this.next() : undefined;
  }

  /** `IF EXISTS` / `IF NOT EXISTS` (MariaDB allows them on most ALTER actions). */
  acceptIfExists(): boolean {
    return this.acceptWords('IF', 'EXISTS') !== undefined;
  }

  acceptIfNotExists(): boolean {
    return this.acceptWords('IF', 'NOT', 'EXISTS') !== undefined;
  }

  /**
   * Consumes one token, or a whole parenthesised group when it starts one. An unclosed group runs to
   * the end of the statement, records a syntax problem there and returns false.
   */
  skipItem(): boolean {
    const token = this.next();
    if (!isSymbol(token, '(')) return true;
    let depth = 1;
    while (depth > 0) {
      const inner = this.next();
      if (!inner) {
        this.failAtEnd("a ')' is missing");
        return false;
      }
      if (isSymbol(inner, '(')) depth++;
      else if (isSymbol(inner, ')')) depth--;
    }
    return true;
  }

  /** Skips items until a `,` or `)` at this depth, or the end; stops before it. */
  skipToListBoundary(): void {
    while (!this.atEnd() && !this.atSymbol(',') && !this.atSymbol(')')) this.skipItem();
  }

  /**
   * Reads `( … )` starting at the cursor and returns the token index just inside it and the index of
   * the closing paren; undefined (and a problem) when it is not closed.
   */
  readGroup(): { readonly first: number; readonly close: number } | undefined {
    const open = this.index;
    if (!this.atSymbol('(') || !this.skipItem()) return undefined;
    return { first: open + 1, close: this.index - 1 };
  }

  /** An identifier: a word, a backtick-quoted name, or a double-quoted one (ANSI_QUOTES), lower-cased. */
  readIdentifier(): Identifier | undefined {
    const token = this.peek();
    const name = identifierOf(token);
    if (name === undefined || !token) return undefined;
    this.index++;
    return { name, range: token.range };
  }

  /**
   * `name` or `db.name`. Names are folded to lower case: column names are case-insensitive in MySQL,
   * and table names are assumed to follow lower_case_table_names (the schema model compares them so).
   */
  readObjectName(): ObjectName | undefined {
    const first = this.readIdentifier();
    if (!first) return undefined;
    if (!this.atSymbol('.') || identifierOf(this.peek(1)) === undefined) return { schema: undefined, name: first.name, range: first.range };
    this.index++;
    const second = this.readIdentifier();
    if (!second) return { schema: undefined, name: first.name, range: first.range };
    return { schema: first.name, name: second.name, range: { start: first.range.start, end: second.range.end } };
  }

  /** File offset just after the last token read (the statement start before any). */
  previousEnd(): number {
    return this.tokens[this.index - 1]?.range.end ?? this.statementRange.start;
  }

  /** File offset of the next token, or the end of the last statement token at the end. */
  nextStart(): number {
    return this.peek()?.range.start ?? this.lastEnd();
  }

  /** End of the last token before the terminator: where a clause is appended to the statement. */
  lastEnd(): number {
    return this.tokens[this.end - 1]?.range.end ?? this.statementRange.start;
  }

  rangeFrom(startIndex: number): TextRange {
    const start = this.tokens[startIndex]?.range.start ?? this.previousEnd();
    return { start, end: Math.max(start, this.previousEnd()) };
  }

  textOf(range: TextRange): string {
    return this.fileText.slice(range.start, range.end);
  }

  /** Records a syntax problem at the next token (the first one recorded wins). */
  fail(message: string): void {
    const token = this.peek();
    if (!token) {
      this.failAtEnd(message);
      return;
    }
    this.firstProblem ??= { message: `You have an error in your SQL syntax near '${nearText(this.fileText, token.range.start, this.lastEnd())}': ${message}`, offset: token.range.start };
  }

  failAtEnd(message: string): void {
    this.firstProblem ??= { message: `You have an error in your SQL syntax at the end of the statement: ${message}`, offset: this.lastEnd() };
  }
}

export function isSymbol(token: MysqlToken | undefined, symbol: string): boolean {
  return token !== undefined && (token.kind === 'punctuation' || token.kind === 'operator') && token.text === symbol;
}

/** The folded name a token writes when it can be an identifier. */
export function identifierOf(token: MysqlToken | undefined): string | undefined {
  if (!token) return undefined;
  if (token.kind === 'word' || token.kind === 'quoted-identifier') return token.value.toLowerCase();
  // Double quotes quote identifiers under ANSI_QUOTES; where a name is required a string cannot be meant.
  if (token.kind === 'string' && token.text.startsWith('"')) return token.value.toLowerCase();
  return undefined;
}

/** Up to 40 characters of source from `start`, on one line, like the server's "near '…'". */
function nearText(text: string, start: number, end: number): string {
  const snippet = text.slice(start, Math.min(end, start + 40));
  const newline = snippet.indexOf('\n');
  return newline >= 0 ? snippet.slice(0, newline).trimEnd() : snippet;
}
