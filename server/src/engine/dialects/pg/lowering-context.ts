// Position bookkeeping for lowering one PostgreSQL statement: parser byte locations become file
// UTF-16 offsets here, and element/expression ends are found on the statement's tokens.
import type { Node } from '@pgsql/types';
import type { Expression, ObjectName, TextRange } from '../../model';
import { byteToUtf16 } from '../../model/text';
import { locationBounds, nodeAs, stringValues, visitNodes, type NodeOf } from './ast';
import { elementEnd, tokenIndexAt, tokenize, type Token } from './tokens';

export const noStopWords: ReadonlySet<string> = new Set();

/** Words that start the next clause of a column definition, so an expression before them ends. */
const columnClauseWords = new Set([
  'NOT', 'NULL', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'DEFAULT', 'GENERATED', 'COLLATE',
  'DEFERRABLE', 'INITIALLY', 'USING',
]);

export class LoweringContext {
  private cachedTokens: Token[] | undefined;
  private readonly localOffset: (byteOffset: number) => number;

  /**
   * `text` is the statement's text and `base` its offset in the file. Parser locations count bytes
   * from the start of the parsed string, which begins `byteOrigin` bytes before the statement.
   */
  constructor(
    readonly text: string,
    readonly base: number,
    byteOrigin = 0,
  ) {
    const toLocal = byteToUtf16(text);
    this.localOffset = (byteOffset) => toLocal(Math.max(0, byteOffset - byteOrigin));
  }

  get tokens(): Token[] {
    this.cachedTokens ??= tokenize(this.text);
    return this.cachedTokens;
  }

  /** File offset of a parser byte location. */
  offset(byteLocation: number | undefined): number {
    return this.base + this.localOffset(Math.max(0, byteLocation ?? 0));
  }

  /** Range of the token at a parser byte location. */
  tokenRange(byteLocation: number | undefined): TextRange {
    const local = this.localOffset(Math.max(0, byteLocation ?? 0));
    const token = this.tokens[tokenIndexAt(this.tokens, local)];
    const end = token && token.start === local ? token.end : local;
    return { start: this.base + local, end: this.base + end };
  }

  localRange(start: number, end: number): TextRange {
    return { start: this.base + start, end: this.base + end };
  }

  /** Range of a list element (column, constraint, ALTER action) starting at a local offset. */
  elementRangeFromLocal(localStart: number, stopWords?: ReadonlySet<string>): TextRange {
    const index = tokenIndexAt(this.tokens, localStart);
    return this.localRange(localStart, Math.max(localStart, elementEnd(this.tokens, index, stopWords)));
  }

  elementRange(byteLocation: number | undefined): TextRange {
    return this.elementRangeFromLocal(this.localOffset(Math.max(0, byteLocation ?? 0)));
  }

  /** Source slice of a file range that lies inside this statement. */
  slice(fileRange: TextRange): string {
    return this.text.slice(fileRange.start - this.base, fileRange.end - this.base);
  }

  objectName(schema: string | undefined, name: string, byteLocation: number | undefined): ObjectName {
    const local = this.offset(byteLocation) - this.base;
    return { schema, name, range: this.localRange(local, qualifiedNameEnd(this.text, local)) };
  }

  /**
   * An expression reduced to the facts rules use. Inside a column definition its range ends where
   * the next column clause starts; elsewhere (`where`) pass no stop words.
   */
  expression(node: Node | undefined, fallbackByteLocation?: number, stopWords: ReadonlySet<string> = columnClauseWords): Expression | undefined {
    if (!node) return undefined;
    const bounds = locationBounds(node);
    const localStart = this.localOffset(bounds?.min ?? fallbackByteLocation ?? 0);
    // An expression can begin with `(` before its first located node.
    let index = tokenIndexAt(this.tokens, localStart);
    while (index > 0 && this.tokens[index - 1]?.value === '(' && bounds) {
      const before = this.tokens[index - 2];
      if (before?.kind === 'word' && !columnClauseWords.has(before.value) && before.value !== 'AS') break;
      index--;
    }
    const start = this.tokens[index]?.start ?? localStart;
    const range = this.localRange(start, Math.max(start, elementEnd(this.tokens, index, stopWords)));
    // One walk for the calls and column references inside.
    const functionCalls: string[] = [];
    const columns = new Set<string>();
    visitNodes(node, (property, value) => {
      if (property === 'FuncCall') {
        const names = (value as NodeOf<'FuncCall'>).funcname ?? [];
        functionCalls.push(nodeAs(names[names.length - 1], 'String')?.sval?.toLowerCase() ?? '');
      } else if (property === 'SQLValueFunction') {
        functionCalls.push(((value as NodeOf<'SQLValueFunction'>).op ?? '').replace(/^SVFOP_/, '').toLowerCase());
      } else if (property === 'NextValueExpr') {
        functionCalls.push('nextval');
      } else if (property === 'ColumnRef') {
        const last = stringValues((value as NodeOf<'ColumnRef'>).fields).at(-1);
        if (last !== undefined) columns.add(last);
      }
    });
    return { range, functionCalls, isConstant: isConstantNode(node), isNull: isNullNode(node), text: this.slice(range), columns: [...columns] };
  }
}

function isNullNode(node: Node | undefined): boolean {
  const cast = nodeAs(node, 'TypeCast');
  if (cast) return isNullNode(cast.arg);
  return nodeAs(node, 'A_Const')?.isnull === true;
}

function isConstantNode(node: Node | undefined): boolean {
  if (nodeAs(node, 'A_Const')) return true;
  const cast = nodeAs(node, 'TypeCast');
  if (cast) return isConstantNode(cast.arg);
  const operation = nodeAs(node, 'A_Expr');
  if (operation && operation.kind === 'AEXPR_OP' && !operation.lexpr) return isConstantNode(operation.rexpr);
  return false;
}

const isIdentifierPart = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code >= 128;

/**
 * End of a possibly qualified, possibly quoted name (`s."T".x`) starting at `start`. A character
 * scan rather than tokens, so statements that only name a table (DML) are never tokenized.
 */
function qualifiedNameEnd(text: string, start: number): number {
  let index = start;
  for (;;) {
    if (text.charCodeAt(index) === 34) {
      index++;
      while (index < text.length) {
        if (text.charCodeAt(index) === 34) {
          if (text.charCodeAt(index + 1) !== 34) break;
          index++;
        }
        index++;
      }
      index = Math.min(index + 1, text.length);
    } else {
      while (index < text.length && isIdentifierPart(text.charCodeAt(index))) index++;
    }
    // Whitespace around the dot is legal (`s . t`); continue only when a name follows it.
    let next = index;
    while (next < text.length && text.charCodeAt(next) <= 32) next++;
    if (text.charCodeAt(next) !== 46) return index;
    next++;
    while (next < text.length && text.charCodeAt(next) <= 32) next++;
    const code = text.charCodeAt(next);
    if (code !== 34 && !isIdentifierPart(code)) return index;
    index = next;
  }
}
