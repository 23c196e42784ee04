// MySQL/MariaDB CREATE TABLE and table options (`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 …`, shared
// with ALTER TABLE) lowered from tokens: columns, constraints, indexes, options, LIKE / AS SELECT.
// Anything after the element list it does not know is skipped, never a syntax error.
import type { ColumnDefinition, IndexDefinition, StatementBody, TableConstraint, TableOption } from '../../model';
import { readColumnDefinition, readNamedOption } from './lower-column';
import { constraintWords, indexWords, readIndexDefinition, readTableConstraint } from './lower-keys';
import type { MysqlParseOptions } from './lowering-options';
import type { TokenCursor } from './token-cursor';

/** Single-word table options by keyword, with the model's name for the ones that have synonyms. */
const tableOptionNames: Readonly<Record<string, string>> = {
  ENGINE: 'engine',
  // TYPE is ENGINE's pre-5.5 spelling, still in old dumps.
  TYPE: 'engine',
  CHARSET: 'charset',
  COLLATE: 'collate',
  AUTO_INCREMENT: 'auto_increment',
  AVG_ROW_LENGTH: 'avg_row_length',
  CHECKSUM: 'checksum',
  TABLE_CHECKSUM: 'checksum',
  COMMENT: 'comment',
  COMPRESSION: 'compression',
  CONNECTION: 'connection',
  DELAY_KEY_WRITE: 'delay_key_write',
  ENCRYPTION: 'encryption',
  ENCRYPTED: 'encrypted',
  ENCRYPTION_KEY_ID: 'encryption_key_id',
  INSERT_METHOD: 'insert_method',
  KEY_BLOCK_SIZE: 'key_block_size',
  MAX_ROWS: 'max_rows',
  MIN_ROWS: 'min_rows',
  PACK_KEYS: 'pack_keys',
  PASSWORD: 'password',
  ROW_FORMAT: 'row_format',
  STATS_AUTO_RECALC: 'stats_auto_recalc',
  STATS_PERSISTENT: 'stats_persistent',
  STATS_SAMPLE_PAGES: 'stats_sample_pages',
  TABLESPACE: 'tablespace',
  UNION: 'union',
  PAGE_CHECKSUM: 'page_checksum',
  PAGE_COMPRESSED: 'page_compressed',
  PAGE_COMPRESSION_LEVEL: 'page_compression_level',
  TRANSACTIONAL: 'transactional',
  IETF_QUOTES: 'ietf_quotes',
  SEQUENCE: 'sequence',
  ENGINE_ATTRIBUTE: 'engine_attribute',
  SECONDARY_ENGINE: 'secondary_engine',
  SECONDARY_ENGINE_ATTRIBUTE: 'secondary_engine_attribute',
  AUTOEXTEND_SIZE: 'autoextend_size',
  STORAGE: 'storage',
};

/** Options whose value is a name compared case-insensitively even when quoted. */
const nameValuedOptions: ReadonlySet<string> = new Set(['engine', 'charset', 'collate', 'row_format', 'insert_method']);

/** Whether a table option starts at the cursor. */
export function atTableOption(cursor: TokenCursor): boolean {
  const keyword = cursor.peek()?.kind === 'word' ? (cursor.peek()?.keyword ?? '') : '';
  if (keyword in tableOptionNames) return true;
  if (keyword === 'DEFAULT') return cursor.atWord('CHARSET', 1) || cursor.atWord('COLLATE', 1) || cursor.atWords('DEFAULT', 'CHARACTER', 'SET');
  return cursor.atWords('CHARACTER', 'SET') || cursor.atWords('DATA', 'DIRECTORY') || cursor.atWords('INDEX', 'DIRECTORY');
}

/** One table option `[DEFAULT] name [=] value` at the cursor (call after atTableOption). */
export function readTableOption(cursor: TokenCursor): TableOption | undefined {
  const startIndex = cursor.index;
  cursor.acceptWord('DEFAULT');
  let name: string;
  if (cursor.acceptWords('CHARACTER', 'SET')) name = 'charset';
  else if (cursor.atWord('DIRECTORY', 1)) {
    name = `${cursor.next()?.keyword.toLowerCase() ?? ''}_directory`;
    cursor.index++;
  } else name = tableOptionNames[cursor.next()?.keyword ?? ''] ?? '';
  cursor.acceptSymbol('=');
  const valueStart = cursor.index;
  const token = cursor.peek();
  if (!token) return undefined;
  let value: string;
  if (token.kind === 'punctuation' && token.text === '(') {
    cursor.skipItem();
    value = cursor.textOf(cursor.rangeFrom(valueStart));
  } else {
    if (name === 'charset' || name === 'collate') return withValue(name, readNamedOption(cursor), cursor, startIndex);
    cursor.index++;
    value = token.kind === 'string' && !nameValuedOptions.has(name) ? token.value : token.value.toLowerCase();
  }
  return withValue(name, { value, range: cursor.rangeFrom(valueStart) }, cursor, startIndex);
}

function withValue(name: string, value: TableOption['value'] | undefined, cursor: TokenCursor, startIndex: number): TableOption | undefined {
  return value ? { name, value, range: cursor.rangeFrom(startIndex) } : undefined;
}

/** Words after the table options that start the query filling the table (`[IGNORE|REPLACE] [AS] SELECT …`). */
const queryStartWords: ReadonlySet<string> = new Set(['AS', 'SELECT', 'IGNORE', 'REPLACE', 'WITH', 'TABLE', 'VALUES']);

/** `CREATE [TEMPORARY] TABLE` after the TABLE keyword. */
export function lowerCreateTable(cursor: TokenCursor, options: MysqlParseOptions, temporary: boolean): StatementBody | undefined {
  const ifNotExists = cursor.acceptIfNotExists();
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('CREATE TABLE needs a table name');
    return undefined;
  }
  const columns: ColumnDefinition[] = [];
  const constraints: TableConstraint[] = [];
  const indexes: IndexDefinition[] = [];
  const tableOptions: TableOption[] = [];
  const body = { kind: 'create-table', table, ifNotExists, temporary, unlogged: false, partitionOf: undefined } as const;
  const copiesTable = cursor.atWord('LIKE') || (cursor.atSymbol('(') && (cursor.atWord('LIKE', 1) || cursor.atWord('SELECT', 1) || cursor.atWord('WITH', 1)));
  if (copiesTable) return { ...body, columns, constraints, fromQuery: true };
  const addElement = (element: TableElement): void => {
    if (element.kind === 'column') columns.push(element.column);
    else if (element.kind === 'constraint') constraints.push(element.constraint);
    else indexes.push(element.index);
  };
  if (cursor.atSymbol('(') && !readTableElements(cursor, options, addElement)) return undefined;
  let fromQuery = false;
  while (!cursor.atEnd() && !cursor.atWord('PARTITION')) {
    if (cursor.acceptSymbol(',') || cursor.acceptWords('WITH', 'SYSTEM', 'VERSIONING')) continue;
    if (atTableOption(cursor)) {
      const option = readTableOption(cursor);
      if (option) tableOptions.push(option);
      continue;
    }
    // What follows the options without being one is the query that fills the table.
    if (cursor.atSymbol('(') || cursor.atAnyWord(queryStartWords)) {
      fromQuery = true;
      break;
    }
    cursor.skipItem();
  }
  return { ...body, columns, constraints, indexes, options: tableOptions, fromQuery };
}

/** One element of a table's `( … )` list. */
export type TableElement =
  | { readonly kind: 'column'; readonly column: ColumnDefinition }
  | { readonly kind: 'constraint'; readonly constraint: TableConstraint }
  | { readonly kind: 'index'; readonly index: IndexDefinition };

/**
 * A `( element, … )` list (CREATE TABLE, ALTER TABLE … ADD (…)), each element handed to `add`;
 * false (with a problem recorded) when it is broken.
 */
export function readTableElements(cursor: TokenCursor, options: MysqlParseOptions, add: (element: TableElement) => void): boolean {
  cursor.acceptSymbol('(');
  for (;;) {
    if (cursor.atEnd()) {
      cursor.failAtEnd("a ')' is missing after the table's columns");
      return false;
    }
    if (cursor.acceptSymbol(')')) return true;
    const element = readTableElement(cursor, options);
    if (cursor.problem) return false;
    if (element) add(element);
    cursor.skipToListBoundary();
    if (cursor.problem) return false;
    cursor.acceptSymbol(',');
  }
}

function readTableElement(cursor: TokenCursor, options: MysqlParseOptions): TableElement | undefined {
  const token = cursor.peek();
  const keyword = token?.kind === 'word' ? token.keyword : '';
  if (constraintWords.has(keyword)) {
    const constraint = readTableConstraint(cursor);
    return constraint ? { kind: 'constraint', constraint } : undefined;
  }
  if (indexWords.has(keyword)) {
    const index = readIndexDefinition(cursor);
    return index ? { kind: 'index', index } : undefined;
  }
  if (keyword === 'PERIOD' && cursor.atWord('FOR', 1)) {
    // MariaDB application-time periods name two existing columns: nothing to lower.
    cursor.skipToListBoundary();
    return undefined;
  }
  const column = readColumnDefinition(cursor, options);
  return column ? { kind: 'column', column } : undefined;
}
