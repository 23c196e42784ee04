// MySQL/MariaDB ALTER TABLE lowered from tokens: every action of the MySQL 8.4 and MariaDB 11 grammar
// with its exact range, ALGORITHM= / LOCK= as clauses (not actions), MariaDB's IF [NOT] EXISTS.
// An action it does not know becomes an `other` action with its text: an action is never lost.
import type { AlterTableAction, OnlineDdlClauses, StatementBody, TextRange } from '../../model';
import { readOperandExpression } from './expression';
import { readColumnDefinition, readNamedOption } from './lower-column';
import { constraintWords, indexWords, readIndexDefinition, readTableConstraint } from './lower-keys';
import { atTableOption, readTableElements, readTableOption } from './lower-table';
import type { MysqlParseOptions } from './lowering-options';
import type { TokenCursor } from './token-cursor';

type Clause = { readonly value: string; readonly range: TextRange };

/** Partition maintenance words: `<word> PARTITION …` is a partitioning action. */
const partitionVerbs: ReadonlySet<string> = new Set([
  'ADD', 'DROP', 'DISCARD', 'IMPORT', 'TRUNCATE', 'COALESCE', 'REORGANIZE', 'EXCHANGE', 'ANALYZE', 'CHECK', 'OPTIMIZE',
  'REBUILD', 'REPAIR', 'CONVERT',
]);

/** `ALTER [ONLINE] [IGNORE] TABLE` after the TABLE keyword. */
export function lowerAlterTable(cursor: TokenCursor, options: MysqlParseOptions): StatementBody | undefined {
  const ifExists = cursor.acceptIfExists();
  const table = cursor.readObjectName();
  if (!table) {
    cursor.fail('ALTER TABLE needs a table name');
    return undefined;
  }
  // MariaDB's lock wait bound for this statement: `WAIT n` / `NOWAIT`.
  if (cursor.acceptWord('WAIT')) cursor.next();
  else cursor.acceptWord('NOWAIT');
  const actions: AlterTableAction[] = [];
  let algorithm: Clause | undefined;
  let lock: Clause | undefined;
  while (!cursor.atEnd()) {
    if (cursor.acceptSymbol(',')) continue;
    if (cursor.atWord('ALGORITHM') || cursor.atWord('LOCK')) {
      const isAlgorithm = cursor.atWord('ALGORITHM');
      const clause = readOnlineDdlClause(cursor);
      if (isAlgorithm) algorithm = clause;
      else lock = clause;
      continue;
    }
    const startIndex = cursor.index;
    const read = readAction(cursor, options);
    if (cursor.problem) return undefined;
    actions.push(...withTrailingTokens(cursor, read, startIndex));
  }
  const onlineDdl: OnlineDdlClauses = { ...(algorithm ? { algorithm } : {}), ...(lock ? { lock } : {}), clausesInsertAt: cursor.lastEnd() };
  return { kind: 'alter-table', table, ifExists, actions, onlineDdl };
}

/** `ALGORITHM [=] x` / `LOCK [=] x`: the upper-cased value and the range of the whole clause. */
export function readOnlineDdlClause(cursor: TokenCursor): Clause {
  const startIndex = cursor.index;
  cursor.index++;
  cursor.acceptSymbol('=');
  const value = cursor.next()?.value.toUpperCase() ?? '';
  return { value, range: cursor.rangeFrom(startIndex) };
}

/**
 * Tokens after an action that its reader did not consume (`DROP COLUMN c RESTRICT`) belong to it, up
 * to the next comma or a clause that may follow without one (table options, PARTITION BY).
 */
function withTrailingTokens(cursor: TokenCursor, actions: readonly AlterTableAction[], startIndex: number): readonly AlterTableAction[] {
  const last = actions[actions.length - 1];
  const mayFollow = last?.kind === 'table-option' ? atTableOption(cursor) : false;
  if (mayFollow || atActionWithoutComma(cursor)) return actions;
  const before = cursor.index;
  while (!cursor.atEnd() && !cursor.atSymbol(',') && !atActionWithoutComma(cursor)) cursor.skipItem();
  if (!last) return [otherAction(cursor, startIndex)];
  if (cursor.index === before) return actions;
  const extended = { ...last, range: { start: last.range.start, end: cursor.previousEnd() } };
  return [...actions.slice(0, -1), extended];
}

/** What may follow an action without a comma: partitioning, and (leniently) ALGORITHM= / LOCK=. */
function atActionWithoutComma(cursor: TokenCursor): boolean {
  return cursor.atWords('PARTITION', 'BY') || cursor.atWords('REMOVE', 'PARTITIONING') || cursor.atWord('ALGORITHM') || cursor.atWord('LOCK');
}

function otherAction(cursor: TokenCursor, startIndex: number, description?: string, column?: string): AlterTableAction {
  const range = cursor.rangeFrom(startIndex);
  return { kind: 'other', range, description: description ?? cursor.textOf(range), ...(column !== undefined ? { column } : {}) };
}

function readAction(cursor: TokenCursor, options: MysqlParseOptions): readonly AlterTableAction[] {
  const startIndex = cursor.index;
  const keyword = cursor.peek()?.kind === 'word' ? (cursor.peek()?.keyword ?? '') : '';
  if (partitionVerbs.has(keyword) && cursor.atWord('PARTITION', 1)) return [readPartitioning(cursor, startIndex)];
  if (cursor.atWords('PARTITION', 'BY') || cursor.atWords('REMOVE', 'PARTITIONING') || cursor.atWords('UPGRADE', 'PARTITIONING')) {
    return [readPartitioning(cursor, startIndex)];
  }
  if (atTableOption(cursor)) return tableOptionAction(cursor, startIndex);
  switch (keyword) {
    case 'ADD':
      return readAdd(cursor, options, startIndex);
    case 'DROP':
      return [readDrop(cursor, startIndex)];
    case 'MODIFY':
    case 'CHANGE':
      return readChange(cursor, options, startIndex, keyword === 'MODIFY' ? 'modify' : 'change');
    case 'ALTER':
      return [readAlter(cursor, startIndex)];
    case 'RENAME':
      return [readRename(cursor, startIndex)];
    case 'CONVERT':
      return [readConvert(cursor, startIndex)];
    default:
      return [readKeywordAction(cursor, startIndex)];
  }
}

function tableOptionAction(cursor: TokenCursor, startIndex: number): readonly AlterTableAction[] {
  const option = readTableOption(cursor);
  return [option ? { kind: 'table-option', range: option.range, option } : otherAction(cursor, startIndex)];
}

/** Partition clauses run to the end of the statement: MySQL allows nothing after them. */
function readPartitioning(cursor: TokenCursor, startIndex: number): AlterTableAction {
  while (!cursor.atEnd()) cursor.skipItem();
  const range = cursor.rangeFrom(startIndex);
  return { kind: 'partitioning', range, description: cursor.textOf(range) };
}

function skipToComma(cursor: TokenCursor, startIndex: number, description?: string, column?: string): AlterTableAction {
  while (!cursor.atEnd() && !cursor.atSymbol(',')) cursor.skipItem();
  return otherAction(cursor, startIndex, description, column);
}

/** Actions named by their keywords alone: FORCE, ORDER BY, ENABLE/DISABLE KEYS, tablespaces, validation. */
function readKeywordAction(cursor: TokenCursor, startIndex: number): AlterTableAction {
  const names: readonly (readonly [readonly string[], string])[] = [
    [['FORCE'], 'Force'],
    [['ENABLE', 'KEYS'], 'EnableKeys'],
    [['DISABLE', 'KEYS'], 'DisableKeys'],
    [['DISCARD', 'TABLESPACE'], 'DiscardTablespace'],
    [['IMPORT', 'TABLESPACE'], 'ImportTablespace'],
    [['WITH', 'VALIDATION'], 'WithValidation'],
    [['WITHOUT', 'VALIDATION'], 'WithoutValidation'],
  ];
  for (const [words, description] of names) {
    if (cursor.acceptWords(...words)) return otherAction(cursor, startIndex, description);
  }
  if (cursor.acceptWords('ORDER', 'BY')) return skipToComma(cursor, startIndex, 'OrderBy');
  return skipToComma(cursor, startIndex);
}

function readAdd(cursor: TokenCursor, options: MysqlParseOptions, startIndex: number): readonly AlterTableAction[] {
  cursor.index++;
  const keyword = cursor.peek()?.kind === 'word' ? (cursor.peek()?.keyword ?? '') : '';
  if (indexWords.has(keyword)) {
    const index = readIndexDefinition(cursor);
    return index ? [{ kind: 'add-index', range: cursor.rangeFrom(startIndex), index }] : [];
  }
  if (constraintWords.has(keyword)) {
    const constraint = readTableConstraint(cursor);
    return constraint ? [{ kind: 'add-constraint', range: cursor.rangeFrom(startIndex), constraint }] : [];
  }
  if (cursor.atWords('SYSTEM', 'VERSIONING')) {
    cursor.index += 2;
    return [otherAction(cursor, startIndex, 'AddSystemVersioning')];
  }
  if (cursor.atWords('PERIOD', 'FOR')) return [skipToComma(cursor, startIndex, 'AddPeriod')];
  cursor.acceptWord('COLUMN');
  const ifNotExists = cursor.acceptIfNotExists();
  if (cursor.atSymbol('(')) return readElementList(cursor, options, ifNotExists);
  const column = readColumnDefinition(cursor, options);
  return column ? [{ kind: 'add-column', range: cursor.rangeFrom(startIndex), column, ifNotExists }] : [];
}

/**
 * `ADD [COLUMN] (c1 def, INDEX i (c1), …)`: the list takes any table element (MySQL's grammar reads
 * a table element list there); one action per element, each with the element's range.
 */
function readElementList(cursor: TokenCursor, options: MysqlParseOptions, ifNotExists: boolean): readonly AlterTableAction[] {
  const actions: AlterTableAction[] = [];
  readTableElements(cursor, options, (element) => {
    if (element.kind === 'column') actions.push({ kind: 'add-column', range: element.column.range, column: element.column, ifNotExists });
    else if (element.kind === 'constraint') actions.push({ kind: 'add-constraint', range: element.constraint.range, constraint: element.constraint });
    else actions.push({ kind: 'add-index', range: element.index.range, index: element.index });
  });
  return actions;
}

function readDrop(cursor: TokenCursor, startIndex: number): AlterTableAction {
  cursor.index++;
  if (cursor.acceptWords('PRIMARY', 'KEY')) {
    return { kind: 'drop-constraint', range: cursor.rangeFrom(startIndex), name: 'PRIMARY', ifExists: false, constraintKind: 'primary-key' };
  }
  if (cursor.atWord('INDEX') || cursor.atWord('KEY')) {
    cursor.index++;
    const ifExists = cursor.acceptIfExists();
    const name = cursor.readIdentifier();
    if (!name) cursor.fail('DROP INDEX needs an index name');
    return { kind: 'drop-index', range: cursor.rangeFrom(startIndex), name: name?.name ?? '', ifExists };
  }
  if (cursor.atWords('FOREIGN', 'KEY') || cursor.atWord('CHECK') || cursor.atWord('CONSTRAINT')) {
    const constraintKind = cursor.atWord('FOREIGN') ? 'foreign-key' : cursor.atWord('CHECK') ? 'check' : undefined;
    cursor.index += constraintKind === 'foreign-key' ? 2 : 1;
    const ifExists = cursor.acceptIfExists();
    const name = cursor.readIdentifier();
    if (!name) cursor.fail('a constraint name is expected');
    return { kind: 'drop-constraint', range: cursor.rangeFrom(startIndex), name: name?.name ?? '', ifExists, ...(constraintKind ? { constraintKind } : {}) };
  }
  if (cursor.atWords('SYSTEM', 'VERSIONING')) {
    cursor.index += 2;
    return otherAction(cursor, startIndex, 'DropSystemVersioning');
  }
  if (cursor.atWords('PERIOD', 'FOR')) return skipToComma(cursor, startIndex, 'DropPeriod');
  cursor.acceptWord('COLUMN');
  const ifExists = cursor.acceptIfExists();
  const ifExistsInsertAt = cursor.nextStart();
  const column = cursor.readIdentifier();
  if (!column) cursor.fail('DROP COLUMN needs a column name');
  const cascade = cursor.acceptWord('CASCADE') !== undefined;
  if (!cascade) cursor.acceptWord('RESTRICT');
  return { kind: 'drop-column', range: cursor.rangeFrom(startIndex), column: column?.name ?? '', ifExists, cascade, ifExistsInsertAt };
}

function readChange(cursor: TokenCursor, options: MysqlParseOptions, startIndex: number, keyword: 'change' | 'modify'): readonly AlterTableAction[] {
  cursor.index++;
  cursor.acceptWord('COLUMN');
  cursor.acceptIfExists();
  let column: string | undefined;
  if (keyword === 'change') {
    column = cursor.readIdentifier()?.name;
    if (column === undefined) {
      cursor.fail('CHANGE needs the column name');
      return [];
    }
  }
  const definition = readColumnDefinition(cursor, options);
  if (!definition) return [];
  return [{ kind: 'change-column', range: cursor.rangeFrom(startIndex), column: column ?? definition.name, definition, keyword }];
}

function readAlter(cursor: TokenCursor, startIndex: number): AlterTableAction {
  cursor.index++;
  if (cursor.acceptWord('INDEX') || cursor.acceptWord('KEY')) {
    const name = cursor.readIdentifier();
    if (!name) cursor.fail('ALTER INDEX needs an index name');
    // MySQL 8 VISIBLE/INVISIBLE; MariaDB 10.6 IGNORED/NOT IGNORED.
    const visible = cursor.acceptWord('VISIBLE') !== undefined || cursor.acceptWords('NOT', 'IGNORED') !== undefined;
    if (!visible && !cursor.acceptWord('INVISIBLE')) cursor.acceptWord('IGNORED');
    return { kind: 'index-visibility', range: cursor.rangeFrom(startIndex), name: name?.name ?? '', visible };
  }
  if (cursor.atWord('CHECK') || cursor.atWord('CONSTRAINT')) return skipToComma(cursor, startIndex, 'AlterConstraintEnforcement');
  cursor.acceptWord('COLUMN');
  cursor.acceptIfExists();
  const column = cursor.readIdentifier();
  if (!column) {
    cursor.fail('ALTER COLUMN needs a column name');
    return otherAction(cursor, startIndex);
  }
  if (cursor.acceptWords('SET', 'DEFAULT')) {
    const value = readOperandExpression(cursor);
    if (!value) {
      cursor.fail('SET DEFAULT needs a value');
      return otherAction(cursor, startIndex);
    }
    return { kind: 'set-default', range: cursor.rangeFrom(startIndex), column: column.name, default: value };
  }
  if (cursor.acceptWords('DROP', 'DEFAULT')) return { kind: 'drop-default', range: cursor.rangeFrom(startIndex), column: column.name };
  if (cursor.acceptWords('SET', 'VISIBLE')) return otherAction(cursor, startIndex, 'AlterColumnSetVisible', column.name);
  if (cursor.acceptWords('SET', 'INVISIBLE')) return otherAction(cursor, startIndex, 'AlterColumnSetInvisible', column.name);
  return skipToComma(cursor, startIndex, undefined, column.name);
}

function readRename(cursor: TokenCursor, startIndex: number): AlterTableAction {
  cursor.index++;
  const renamesIndex = cursor.atWord('INDEX') || cursor.atWord('KEY');
  if (renamesIndex || cursor.atWord('COLUMN')) {
    cursor.index++;
    cursor.acceptIfExists();
    const from = cursor.readIdentifier();
    const to = from && cursor.acceptWord('TO') ? cursor.readIdentifier() : undefined;
    if (!from || !to) {
      cursor.fail(renamesIndex ? 'RENAME INDEX needs `old TO new`' : 'RENAME COLUMN needs `old TO new`');
      return otherAction(cursor, startIndex);
    }
    return { kind: renamesIndex ? 'rename-index' : 'rename-column', range: cursor.rangeFrom(startIndex), from: from.name, to: to.name };
  }
  if (!cursor.acceptWord('TO')) cursor.acceptWord('AS');
  const to = cursor.readObjectName();
  if (!to) cursor.fail('RENAME needs the new table name');
  return { kind: 'rename-table', range: cursor.rangeFrom(startIndex), to: to?.name ?? '' };
}

/** `CONVERT TO CHARACTER SET cs [COLLATE c]` (also `CHARSET cs`; `DEFAULT` keeps the table's). */
function readConvert(cursor: TokenCursor, startIndex: number): AlterTableAction {
  cursor.index++;
  if (!cursor.acceptWord('TO') || !(cursor.acceptWords('CHARACTER', 'SET') ?? cursor.acceptWord('CHARSET'))) {
    return skipToComma(cursor, startIndex);
  }
  const charset = readNamedOption(cursor);
  if (!charset) {
    cursor.fail('CONVERT TO CHARACTER SET needs a character set');
    return otherAction(cursor, startIndex);
  }
  const collation = cursor.acceptWord('COLLATE') ? readNamedOption(cursor) : undefined;
  return { kind: 'convert-charset', range: cursor.rangeFrom(startIndex), charset, collation };
}
