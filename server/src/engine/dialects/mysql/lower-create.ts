// MySQL/MariaDB CREATE statements dispatched from tokens: TABLE and INDEX go to their readers; views,
// routines, triggers, events, databases and sequences are classified with their names (bodies are
// not analysed, the statement still counts as parsed). Reads after the CREATE keyword.
import type { StatementBody, TableOption } from '../../model';
import type { MysqlToken } from './lexer';
import { pascalCase } from './lower-drop';
import { lowerCreateIndex } from './lower-index';
import { atTableOption, lowerCreateTable, readTableOption } from './lower-table';
import { viewReads } from './lower-view';
import type { MysqlParseOptions } from './lowering-options';
import type { TokenCursor } from './token-cursor';

/** The words between CREATE and the object kind (`OR REPLACE`, `DEFINER = u`, `SQL SECURITY x` …). */
interface CreatePrefix {
  readonly temporary: boolean;
  /** UNIQUE, FULLTEXT or SPATIAL before INDEX. */
  readonly indexKind: MysqlToken | undefined;
}

export function lowerCreate(cursor: TokenCursor, options: MysqlParseOptions): StatementBody | undefined {
  const prefix = readPrefix(cursor);
  const kind = cursor.peek();
  const keyword = kind?.kind === 'word' ? kind.keyword : '';
  if (keyword === 'TABLE') {
    cursor.index++;
    return lowerCreateTable(cursor, options, prefix.temporary);
  }
  if (keyword === 'INDEX') return lowerCreateIndex(cursor, prefix.indexKind);
  if (keyword === 'TRIGGER') return lowerCreateTrigger(cursor);
  const objectKind = createKinds[keyword];
  if (!objectKind) return { kind: 'other', nodeType: `Create${pascalCase(keyword)}` };
  cursor.index++;
  const ifNotExists = cursor.acceptIfNotExists();
  const ifNotExistsInsertAt = cursor.nextStart();
  const name = cursor.readObjectName();
  if (!name) {
    cursor.fail(`CREATE ${keyword} needs a name`);
    return undefined;
  }
  if (objectKind === 'view') {
    // `CREATE VIEW v [(columns)] AS query`.
    if (cursor.atSymbol('(')) cursor.skipItem();
    return { kind: 'create-other', objectKind, name, ...(cursor.acceptWord('AS') ? { reads: viewReads(cursor, cursor.index, options) } : {}) };
  }
  const withIfNotExists = objectKind === 'schema' || objectKind === 'sequence' ? { ifNotExists, ifNotExistsInsertAt } : {};
  const withOptions = objectKind === 'schema' ? { options: readDatabaseOptions(cursor) } : {};
  const withKeyword = keyword === 'PROCEDURE' || keyword === 'EVENT' ? { keyword } : {};
  return {
    kind: 'create-other',
    objectKind,
    name,
    ...withIfNotExists,
    ...withOptions,
    ...withKeyword,
    ...(objectKind === 'sequence' && prefix.temporary ? { temporary: true } : {}),
  };
}

/** `[DEFAULT] CHARACTER SET [=] cs`, `[DEFAULT] COLLATE [=] c`, `ENCRYPTION`, `COMMENT`: the table option grammar. */
function readDatabaseOptions(cursor: TokenCursor): TableOption[] {
  const options: TableOption[] = [];
  while (!cursor.atEnd()) {
    const option = atTableOption(cursor) ? readTableOption(cursor) : undefined;
    if (option) options.push(option);
    else cursor.skipItem();
  }
  return options;
}

const createKinds: Readonly<Record<string, 'view' | 'function' | 'schema' | 'sequence' | 'other'>> = {
  VIEW: 'view',
  PROCEDURE: 'function',
  FUNCTION: 'function',
  DATABASE: 'schema',
  SCHEMA: 'schema',
  SEQUENCE: 'sequence',
  EVENT: 'other',
};

function readPrefix(cursor: TokenCursor): CreatePrefix {
  let temporary = false;
  let indexKind: MysqlToken | undefined;
  for (;;) {
    const token = cursor.peek();
    const keyword = token?.kind === 'word' ? token.keyword : '';
    if (cursor.acceptWords('OR', 'REPLACE')) continue;
    if (cursor.acceptWords('SQL', 'SECURITY')) {
      cursor.next();
    } else if (keyword === 'TEMPORARY') {
      temporary = true;
      cursor.index++;
    } else if (keyword === 'UNIQUE' || keyword === 'FULLTEXT' || keyword === 'SPATIAL') {
      indexKind = token;
      cursor.index++;
    } else if (keyword === 'ONLINE' || keyword === 'OFFLINE' || keyword === 'AGGREGATE') {
      cursor.index++;
    } else if (keyword === 'ALGORITHM' && cursor.atSymbol('=', 1)) {
      cursor.index += 3;
    } else if (keyword === 'DEFINER' && cursor.atSymbol('=', 1)) {
      cursor.index += 2;
      skipUser(cursor);
    } else {
      return { temporary, indexKind };
    }
  }
}

/** A user: `'root'@'localhost'`, `root@localhost`, `` `u`@`%` ``, `CURRENT_USER[()]`. */
function skipUser(cursor: TokenCursor): void {
  const user = cursor.next();
  if (user?.keyword === 'CURRENT_USER') {
    if (cursor.atSymbol('(') && cursor.atSymbol(')', 1)) cursor.index += 2;
    return;
  }
  if (cursor.acceptSymbol('@')) cursor.next();
}

/** `TRIGGER [IF NOT EXISTS] name {BEFORE|AFTER} {INSERT|UPDATE|DELETE} ON t …`: its name and table. */
function lowerCreateTrigger(cursor: TokenCursor): StatementBody | undefined {
  cursor.index++;
  cursor.acceptIfNotExists();
  const name = cursor.readObjectName();
  if (!name) {
    cursor.fail('CREATE TRIGGER needs a name');
    return undefined;
  }
  while (!cursor.atEnd() && !cursor.atWord('ON')) cursor.next();
  cursor.acceptWord('ON');
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('CREATE TRIGGER needs ON and its table');
    return undefined;
  }
  return { kind: 'create-trigger', table, name: name.name };
}
