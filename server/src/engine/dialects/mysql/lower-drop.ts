// MySQL/MariaDB DROP, RENAME TABLE and TRUNCATE lowered from tokens. A MySQL database is a namespace
// of tables (`db.t`), which the model calls a schema: DROP DATABASE and DROP SCHEMA both lower to a
// `schema` drop. Reads after the leading DROP / RENAME / TRUNCATE keyword; never throws.
import type { DropObjectKind, ObjectName, StatementBody } from '../../model';
import { readTrailingClauses } from './lower-index';
import type { TokenCursor } from './token-cursor';

const dropKinds: Readonly<Record<string, DropObjectKind>> = {
  TABLE: 'table',
  TABLES: 'table',
  VIEW: 'view',
  DATABASE: 'schema',
  SCHEMA: 'schema',
  PROCEDURE: 'function',
  FUNCTION: 'function',
  TRIGGER: 'trigger',
  EVENT: 'other',
  SEQUENCE: 'sequence',
  INDEX: 'index',
};

/** After DROP: `[TEMPORARY] TABLE …`, `INDEX i ON t …`, `VIEW`, `DATABASE`, routines, triggers, events. */
export function lowerDrop(cursor: TokenCursor): StatementBody | undefined {
  const temporary = cursor.acceptWord('TEMPORARY') !== undefined;
  const kindToken = cursor.peek();
  const objectKind = kindToken?.kind === 'word' ? dropKinds[kindToken.keyword] : undefined;
  if (!kindToken || objectKind === undefined) return { kind: 'other', nodeType: `Drop${pascalCase(kindToken?.keyword ?? '')}` };
  cursor.index++;
  const ifExists = cursor.acceptIfExists();
  const ifExistsInsertAt = cursor.nextStart();
  const names = readNameList(cursor);
  if (names.length === 0) {
    cursor.fail(`DROP ${kindToken.keyword} needs a name`);
    return undefined;
  }
  const base = { kind: 'drop', objectKind, names, ifExists, concurrently: false, kindKeywordRange: kindToken.range, ifExistsInsertAt, ...(temporary ? { temporary } : {}) } as const;
  if (objectKind === 'index') {
    // `DROP INDEX i ON t` names its table; PostgreSQL's `DROP INDEX i` lacks it and is left as written.
    const onTable = cursor.acceptWord('ON') ? cursor.readObjectName() : undefined;
    const clauses = readTrailingClauses(cursor);
    return { ...base, cascade: false, ...(onTable ? { onTable } : {}), onlineDdl: clauses.onlineDdl };
  }
  // RESTRICT and CASCADE are accepted and do nothing (MySQL manual, DROP TABLE).
  const cascade = cursor.acceptWord('CASCADE') !== undefined;
  return { ...base, cascade };
}

function readNameList(cursor: TokenCursor): ObjectName[] {
  const names: ObjectName[] = [];
  for (;;) {
    const name = cursor.readObjectName();
    if (!name) return names;
    names.push(name);
    if (!cursor.acceptSymbol(',')) return names;
  }
}

/** `RENAME TABLE a TO b [, c TO d]`: one `rename-object` per pair, in order. */
export function lowerRenameTables(cursor: TokenCursor): StatementBody[] | undefined {
  if (!cursor.acceptWord('TABLE') && !cursor.acceptWord('TABLES')) return [{ kind: 'other', nodeType: `Rename${pascalCase(cursor.peek()?.keyword ?? '')}` }];
  const renames: StatementBody[] = [];
  for (;;) {
    const name = cursor.readObjectName();
    const to = name && cursor.acceptWord('TO') ? cursor.readObjectName() : undefined;
    if (!name || !to) {
      cursor.fail('RENAME TABLE needs `old TO new` pairs');
      return undefined;
    }
    renames.push({ kind: 'rename-object', objectKind: 'table', name, to: to.name });
    if (!cursor.acceptSymbol(',')) return renames;
  }
}

/** `TRUNCATE [TABLE] t`. */
export function lowerTruncate(cursor: TokenCursor): StatementBody | undefined {
  cursor.acceptWord('TABLE');
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('TRUNCATE needs a table name');
    return undefined;
  }
  return { kind: 'truncate', tables: [table], cascade: false };
}

/** `USER` → `User`, `LOGFILE` → `Logfile`: node-type names for statements lowered as `other`. */
export function pascalCase(keyword: string): string {
  return keyword.charAt(0) + keyword.slice(1).toLowerCase();
}
