// Keys of MySQL/MariaDB tables read from tokens: PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK
// constraints, plain, FULLTEXT and SPATIAL indexes with their parts and options, and REFERENCES
// clauses. Shared by CREATE TABLE, ALTER TABLE … ADD and CREATE INDEX; it reads only its own clause.
import type { ForeignKeyReference, IndexDefinition, IndexElement, TableConstraint } from '../../model';
import { expressionOf } from './expression';
import { isSymbol, type TokenCursor } from './token-cursor';

/** Words that start a table constraint (in CREATE TABLE elements and after ALTER TABLE … ADD). */
export const constraintWords: ReadonlySet<string> = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK']);

/** Words that start an index that is not a constraint. */
export const indexWords: ReadonlySet<string> = new Set(['INDEX', 'KEY', 'FULLTEXT', 'SPATIAL']);

const referenceActions: ReadonlySet<string> = new Set(['RESTRICT', 'CASCADE', 'SET NULL', 'NO ACTION', 'SET DEFAULT']);

/** `REFERENCES t [(c, …)] [MATCH …] [ON DELETE a] [ON UPDATE a]`, at the REFERENCES keyword. */
export function readReferences(cursor: TokenCursor): ForeignKeyReference | undefined {
  if (!cursor.acceptWord('REFERENCES')) return undefined;
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('REFERENCES needs a table name');
    return undefined;
  }
  const columns = cursor.atSymbol('(') ? (readIndexParts(cursor)?.columns ?? []) : [];
  let onDelete = 'no action';
  for (;;) {
    if (cursor.acceptWord('MATCH')) cursor.next();
    else if (cursor.atWords('ON', 'DELETE') || cursor.atWords('ON', 'UPDATE')) {
      const deletes = cursor.atWord('DELETE', 1);
      cursor.index += 2;
      const action = readReferenceAction(cursor);
      if (deletes && action) onDelete = action;
    } else break;
  }
  // The default is NO ACTION, which InnoDB enforces as RESTRICT (MySQL manual, "FOREIGN KEY Constraints").
  return { table, columns, onDelete };
}

function readReferenceAction(cursor: TokenCursor): string | undefined {
  const first = cursor.peek()?.keyword ?? '';
  const pair = `${first} ${cursor.peek(1)?.keyword ?? ''}`;
  if (referenceActions.has(pair)) {
    cursor.index += 2;
    return pair.toLowerCase();
  }
  if (!referenceActions.has(first)) return undefined;
  cursor.index++;
  return first.toLowerCase();
}

/** `(part, …)` of an index or key: `col`, `col(10)` (a prefix), `(expr)`, each with `ASC`/`DESC`. */
export function readIndexParts(cursor: TokenCursor): { readonly elements: IndexElement[]; readonly columns: string[] } | undefined {
  if (!cursor.acceptSymbol('(')) return undefined;
  const elements: IndexElement[] = [];
  const columns: string[] = [];
  while (!cursor.atEnd() && !cursor.atSymbol(')')) {
    const partStart = cursor.index;
    const name = cursor.atSymbol('(') ? undefined : cursor.readIdentifier();
    if (name && !cursor.atSymbol('.')) {
      let prefixLength: number | undefined;
      if (cursor.atSymbol('(') && cursor.peek(1)?.kind === 'number' && cursor.atSymbol(')', 2)) {
        prefixLength = Number(cursor.peek(1)?.text);
        cursor.index += 3;
      }
      if (!cursor.atSymbol('(')) {
        elements.push({ column: name.name, expression: undefined, ...(prefixLength !== undefined ? { prefixLength } : {}) });
        columns.push(name.name);
        skipDirection(cursor);
        cursor.skipToListBoundary();
        if (!cursor.acceptSymbol(',')) break;
        continue;
      }
    }
    // A functional key part (`(lower(email))`), or an expression written without its own parentheses.
    cursor.index = partStart;
    cursor.skipToListBoundary();
    let end = cursor.index;
    if (isDirection(cursor.tokens[end - 1]?.keyword)) end--;
    elements.push({ column: undefined, expression: expressionOf(cursor, partStart, end) });
    if (!cursor.acceptSymbol(',')) break;
  }
  if (!cursor.acceptSymbol(')')) {
    if (cursor.atEnd()) cursor.failAtEnd("a ')' is missing after the key parts");
    else cursor.fail("a ')' is expected after the key parts");
    return undefined;
  }
  return { elements, columns };
}

function isDirection(keyword: string | undefined): boolean {
  return keyword === 'ASC' || keyword === 'DESC';
}

function skipDirection(cursor: TokenCursor): void {
  if (isDirection(cursor.peek()?.keyword)) cursor.index++;
}

/** The index name before its parts, when one is written (`KEY USING BTREE (a)` has none). */
function readOptionalIndexName(cursor: TokenCursor): string | undefined {
  if (cursor.atSymbol('(') || (cursor.atWord('USING') && !cursor.atSymbol('(', 1))) return undefined;
  return cursor.readIdentifier()?.name;
}

/** `USING BTREE|HASH`, lower-cased, when it comes next. */
export function readUsing(cursor: TokenCursor): string | undefined {
  if (!cursor.atWord('USING')) return undefined;
  cursor.index++;
  return cursor.next()?.value.toLowerCase();
}

/**
 * Index options after the parts: `USING`, `KEY_BLOCK_SIZE`, `COMMENT`, `VISIBLE`, `WITH PARSER`,
 * MariaDB `[NOT] IGNORED` …; returns the method `USING` names there, if any.
 */
export function readIndexOptions(cursor: TokenCursor): string | undefined {
  let method: string | undefined;
  for (;;) {
    const token = cursor.peek();
    if (!token || token.kind !== 'word') return method;
    switch (token.keyword) {
      case 'USING':
        method = readUsing(cursor);
        break;
      case 'KEY_BLOCK_SIZE':
      case 'COMMENT':
      case 'ENGINE_ATTRIBUTE':
      case 'SECONDARY_ENGINE_ATTRIBUTE':
      case 'CLUSTERING':
        cursor.index++;
        cursor.acceptSymbol('=');
        cursor.next();
        break;
      case 'WITH':
        if (!cursor.atWord('PARSER', 1)) return method;
        cursor.index += 3;
        break;
      case 'VISIBLE':
      case 'INVISIBLE':
      case 'IGNORED':
        cursor.index++;
        break;
      case 'NOT':
        if (!cursor.atWord('IGNORED', 1)) return method;
        cursor.index += 2;
        break;
      default:
        return method;
    }
  }
}

/** `{INDEX|KEY} [IF NOT EXISTS] [name] [USING m] (parts) [options]` or `{FULLTEXT|SPATIAL} [INDEX|KEY] …`. */
export function readIndexDefinition(cursor: TokenCursor): IndexDefinition | undefined {
  const startIndex = cursor.index;
  const kind = cursor.next()?.keyword;
  if (kind === 'FULLTEXT' || kind === 'SPATIAL') {
    if (!cursor.acceptWord('INDEX')) cursor.acceptWord('KEY');
  }
  cursor.acceptIfNotExists();
  const name = readOptionalIndexName(cursor);
  const usingBefore = readUsing(cursor);
  const parts = readIndexParts(cursor);
  if (!parts) {
    if (!cursor.problem) cursor.fail('an index needs its key parts in parentheses');
    return undefined;
  }
  const usingAfter = readIndexOptions(cursor);
  const method = kind === 'FULLTEXT' ? 'fulltext' : kind === 'SPATIAL' ? 'spatial' : (usingAfter ?? usingBefore ?? 'btree');
  return { name, range: cursor.rangeFrom(startIndex), method, elements: parts.elements };
}

/** A table constraint at `[CONSTRAINT [symbol]] {PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK} …`. */
export function readTableConstraint(cursor: TokenCursor): TableConstraint | undefined {
  const startIndex = cursor.index;
  let symbol: string | undefined;
  if (cursor.acceptWord('CONSTRAINT')) {
    // MariaDB: `ADD CONSTRAINT IF NOT EXISTS c …`.
    cursor.acceptIfNotExists();
    if (!cursor.atAnyWord(constraintWords)) symbol = cursor.readIdentifier()?.name;
  }
  const keyword = cursor.peek()?.keyword;
  const base = { notValid: false, usingIndex: undefined, references: undefined, check: undefined };
  if (keyword === 'PRIMARY' || keyword === 'UNIQUE') {
    cursor.index++;
    if (keyword === 'PRIMARY' && !cursor.acceptWord('KEY')) {
      cursor.fail('PRIMARY must be followed by KEY');
      return undefined;
    }
    if (keyword === 'UNIQUE' && !cursor.acceptWord('INDEX')) cursor.acceptWord('KEY');
    cursor.acceptIfNotExists();
    const indexName = keyword === 'UNIQUE' ? readOptionalIndexName(cursor) : undefined;
    readUsing(cursor);
    const parts = readIndexParts(cursor);
    if (!parts) {
      if (!cursor.problem) cursor.fail('a key needs its columns in parentheses');
      return undefined;
    }
    readIndexOptions(cursor);
    // The primary key is always named PRIMARY: the server ignores a CONSTRAINT symbol on it.
    const name = keyword === 'PRIMARY' ? 'PRIMARY' : (indexName ?? symbol);
    return { ...base, kind: keyword === 'PRIMARY' ? 'primary-key' : 'unique', name, range: cursor.rangeFrom(startIndex), columns: parts.columns };
  }
  if (keyword === 'FOREIGN') {
    cursor.index++;
    if (!cursor.acceptWord('KEY')) {
      cursor.fail('FOREIGN must be followed by KEY');
      return undefined;
    }
    cursor.acceptIfNotExists();
    const indexName = readOptionalIndexName(cursor);
    const parts = readIndexParts(cursor);
    if (!parts) {
      if (!cursor.problem) cursor.fail('a foreign key needs its columns in parentheses');
      return undefined;
    }
    const references = cursor.atWord('REFERENCES') ? readReferences(cursor) : undefined;
    if (!references) {
      if (!cursor.problem) cursor.fail('a foreign key needs REFERENCES');
      return undefined;
    }
    // From MySQL 8.0.16 the FOREIGN KEY index name names the constraint when CONSTRAINT gives none.
    return { ...base, kind: 'foreign-key', name: symbol ?? indexName, range: cursor.rangeFrom(startIndex), columns: parts.columns, references };
  }
  if (keyword === 'CHECK') {
    cursor.index++;
    const check = readCheckExpression(cursor);
    if (!check) return undefined;
    return { ...base, kind: 'check', name: symbol, range: cursor.rangeFrom(startIndex), columns: [], check: check.expression, notNullColumns: check.notNullColumns };
  }
  cursor.fail('a constraint must be PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK');
  return undefined;
}

/** `(expr) [[NOT] ENFORCED]` after CHECK: the expression and the columns it proves NOT NULL. */
export function readCheckExpression(cursor: TokenCursor): { readonly expression: ReturnType<typeof expressionOf>; readonly notNullColumns: string[] } | undefined {
  const group = cursor.readGroup();
  if (!group) {
    if (!cursor.problem) cursor.fail('CHECK needs an expression in parentheses');
    return undefined;
  }
  if (!cursor.acceptWord('ENFORCED')) cursor.acceptWords('NOT', 'ENFORCED');
  return { expression: expressionOf(cursor, group.first - 1, group.close + 1), notNullColumns: notNullColumns(cursor, group.first, group.close) };
}

/** `col IS NOT NULL`, alone or AND-ed with others, at the top level of a CHECK. */
function notNullColumns(cursor: TokenCursor, first: number, close: number): string[] {
  const columns: string[] = [];
  let termStart = first;
  let depth = 0;
  for (let index = first; index <= close; index++) {
    const token = cursor.tokens[index];
    if (isSymbol(token, '(')) depth++;
    else if (isSymbol(token, ')') && index < close) depth--;
    const ends = index === close || (depth === 0 && (token?.keyword === 'AND' || isSymbol(token, '&&')));
    if (!ends) continue;
    const term = cursor.tokens.slice(termStart, index);
    const [column, is, not, nullWord] = term;
    if (term.length === 4 && column && (column.kind === 'word' || column.kind === 'quoted-identifier') && is?.keyword === 'IS' && not?.keyword === 'NOT' && nullWord?.keyword === 'NULL') {
      columns.push(column.value.toLowerCase());
    }
    termStart = index + 1;
  }
  return columns;
}
