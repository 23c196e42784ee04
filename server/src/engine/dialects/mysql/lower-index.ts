// MySQL/MariaDB CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX lowered from tokens, with its ALGORITHM= and
// LOCK= clauses and the offsets fixes insert at. It reads from the INDEX keyword on; the CREATE
// prefix is the caller's.
import type { OnlineDdlClauses, StatementBody } from '../../model';
import type { MysqlToken } from './lexer';
import { readOnlineDdlClause } from './lower-alter';
import { readIndexOptions, readIndexParts, readUsing } from './lower-keys';
import type { TokenCursor } from './token-cursor';

/** At the INDEX keyword; `kindToken` is UNIQUE, FULLTEXT or SPATIAL when one was written before it. */
export function lowerCreateIndex(cursor: TokenCursor, kindToken: MysqlToken | undefined): StatementBody | undefined {
  const indexKeyword = cursor.next();
  const ifNotExists = cursor.acceptIfNotExists();
  const ifNotExistsInsertAt = cursor.nextStart();
  const name = cursor.readObjectName();
  if (!name) {
    cursor.fail('CREATE INDEX needs an index name');
    return undefined;
  }
  let method = readUsing(cursor);
  if (!cursor.acceptWord('ON')) {
    cursor.fail('CREATE INDEX needs ON and the table');
    return undefined;
  }
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('CREATE INDEX needs a table name after ON');
    return undefined;
  }
  const parts = readIndexParts(cursor);
  if (!parts) {
    if (!cursor.problem) cursor.fail('CREATE INDEX needs its key parts in parentheses');
    return undefined;
  }
  const clauses = readTrailingClauses(cursor);
  method = clauses.method ?? method;
  const kind = kindToken?.keyword;
  return {
    kind: 'create-index',
    name,
    table,
    unique: kind === 'UNIQUE',
    concurrently: false,
    ifNotExists,
    method: kind === 'FULLTEXT' ? 'fulltext' : kind === 'SPATIAL' ? 'spatial' : (method ?? 'btree'),
    elements: parts.elements,
    where: undefined,
    indexKeywordRange: indexKeyword?.range ?? cursor.rangeFrom(0),
    ifNotExistsInsertAt,
    onlineDdl: clauses.onlineDdl,
  };
}

/**
 * Index options, `ALGORITHM=` / `LOCK=` and MariaDB's `WAIT n` / `NOWAIT` after the key parts of
 * CREATE INDEX, or after `DROP INDEX i ON t`, in any order.
 */
export function readTrailingClauses(cursor: TokenCursor): { readonly method: string | undefined; readonly onlineDdl: OnlineDdlClauses } {
  let method: string | undefined;
  let algorithm: OnlineDdlClauses['algorithm'];
  let lock: OnlineDdlClauses['lock'];
  while (!cursor.atEnd()) {
    if (cursor.atWord('ALGORITHM')) algorithm = readOnlineDdlClause(cursor);
    else if (cursor.atWord('LOCK')) lock = readOnlineDdlClause(cursor);
    else if (cursor.acceptWord('WAIT')) cursor.next();
    else if (!cursor.acceptWord('NOWAIT')) {
      const before = cursor.index;
      method = readIndexOptions(cursor) ?? method;
      if (cursor.index === before) cursor.skipItem();
    }
  }
  return { method, onlineDdl: { ...(algorithm ? { algorithm } : {}), ...(lock ? { lock } : {}), clausesInsertAt: cursor.lastEnd() } };
}
