// MySQL/MariaDB session and utility statements lowered from tokens: SET (one `set` per assignment,
// SET NAMES, SET TRANSACTION, MariaDB's SET STATEMENT … FOR), transaction control, and statements
// that are only classified (USE, LOCK TABLES, GRANT, CALL, PREPARE, OPTIMIZE TABLE …). Never throws.
import type { StatementBody, TransactionAction } from '../../model';
import { readNamedOption } from './lower-column';
import { pascalCase } from './lower-drop';
import type { MysqlToken } from './lexer';
import type { TokenCursor } from './token-cursor';

/** Statements lowered as `other`, by first keyword: their node-type name. */
const classifiedStatements: Readonly<Record<string, string>> = {
  USE: 'Use',
  LOCK: 'LockTables',
  UNLOCK: 'UnlockTables',
  GRANT: 'Grant',
  REVOKE: 'Revoke',
  CALL: 'Call',
  PREPARE: 'Prepare',
  EXECUTE: 'Execute',
  DEALLOCATE: 'Deallocate',
  OPTIMIZE: 'OptimizeTable',
  ANALYZE: 'AnalyzeTable',
  CHECK: 'CheckTable',
  REPAIR: 'RepairTable',
  CHECKSUM: 'ChecksumTable',
  FLUSH: 'Flush',
  SHOW: 'Show',
  DESCRIBE: 'Describe',
  DESC: 'Describe',
  EXPLAIN: 'Explain',
  LOAD: 'LoadData',
  HANDLER: 'Handler',
  DO: 'Do',
  SIGNAL: 'Signal',
  RESIGNAL: 'Resignal',
  INSTALL: 'Install',
  UNINSTALL: 'Uninstall',
  KILL: 'Kill',
  PURGE: 'Purge',
  RESET: 'Reset',
  CACHE: 'CacheIndex',
  BINLOG: 'Binlog',
  HELP: 'Help',
  GET: 'GetDiagnostics',
  DECLARE: 'Declare',
  CHANGE: 'ChangeReplication',
  STOP: 'StopReplication',
  IMPORT: 'ImportTable',
  CLONE: 'Clone',
  RESTART: 'Restart',
  SHUTDOWN: 'Shutdown',
  BACKUP: 'Backup',
};

/** The node-type name of a statement that is only classified, or undefined for other first keywords. */
export function classifiedStatement(keyword: string): StatementBody | undefined {
  const nodeType = classifiedStatements[keyword];
  return nodeType ? { kind: 'other', nodeType } : undefined;
}

/** Transaction control, after its first keyword; undefined when the statement is not one (`BEGIN NOT ATOMIC`). */
export function lowerTransaction(cursor: TokenCursor): StatementBody | undefined {
  const keyword = cursor.next()?.keyword;
  const action = (value: TransactionAction): StatementBody => ({ kind: 'transaction', action: value });
  switch (keyword) {
    case 'START':
      return cursor.atWord('TRANSACTION') ? action('begin') : undefined;
    case 'BEGIN':
      // `BEGIN NOT ATOMIC … END` is a MariaDB compound statement, not a transaction.
      return cursor.atWord('NOT') ? { kind: 'other', nodeType: 'CompoundStatement' } : action('begin');
    case 'COMMIT':
      return action('commit');
    case 'ROLLBACK':
      cursor.acceptWord('WORK');
      return action(cursor.atWord('TO') ? 'rollback-to' : 'rollback');
    case 'SAVEPOINT':
      return action('savepoint');
    case 'RELEASE':
      return action('release');
    case 'XA':
      return action('other');
    default:
      return undefined;
  }
}

const scopeWords: ReadonlySet<string> = new Set(['GLOBAL', 'SESSION', 'LOCAL', 'PERSIST', 'PERSIST_ONLY']);

/** The statements a SET lowers to, and where MariaDB's `SET STATEMENT … FOR` inner statement starts. */
export interface LoweredSet {
  readonly bodies: StatementBody[];
  readonly innerStart: number | undefined;
}

/** After SET. */
export function lowerSet(cursor: TokenCursor): LoweredSet {
  if (cursor.acceptWord('STATEMENT')) {
    const bodies = readAssignments(cursor, { local: true, stopAtFor: true });
    return { bodies, innerStart: cursor.acceptWord('FOR') ? cursor.index : undefined };
  }
  if (cursor.acceptWord('NAMES')) return { bodies: [namedSet(cursor, 'names')], innerStart: undefined };
  if (cursor.acceptWords('CHARACTER', 'SET') ?? cursor.acceptWord('CHARSET')) {
    return { bodies: [namedSet(cursor, 'character_set')], innerStart: undefined };
  }
  const scope = cursor.atAnyWord(scopeWords) ? cursor.peek(1) : cursor.peek();
  if (scope?.keyword === 'TRANSACTION') {
    const global = cursor.atWord('GLOBAL');
    const valueStart = cursor.index + (scope === cursor.peek() ? 1 : 2);
    return { bodies: [{ kind: 'set', name: 'transaction', value: textFrom(cursor, valueStart), local: false, ...(global ? { global } : {}) }], innerStart: undefined };
  }
  const special = ['PASSWORD', 'ROLE', 'DEFAULT', 'RESOURCE'].find((word) => cursor.atWord(word));
  if (special) return { bodies: [{ kind: 'other', nodeType: `Set${pascalCase(special)}` }], innerStart: undefined };
  return { bodies: readAssignments(cursor, { local: false, stopAtFor: false }), innerStart: undefined };
}

/** `SET NAMES x [COLLATE y]` / `SET CHARACTER SET x`: the value is the character set (DEFAULT: none). */
function namedSet(cursor: TokenCursor, name: string): StatementBody {
  const token = cursor.next();
  const value = !token || token.keyword === 'DEFAULT' ? undefined : token.value;
  const charset = token && value !== undefined ? { charset: { value: value.toLowerCase(), range: token.range } } : {};
  const collation = cursor.acceptWord('COLLATE') ? readNamedOption(cursor) : undefined;
  return { kind: 'set', name, value, local: false, ...charset, ...(collation ? { collation } : {}) };
}

function textFrom(cursor: TokenCursor, startIndex: number): string {
  const start = cursor.at(startIndex)?.range.start ?? cursor.lastEnd();
  return cursor.fileText.slice(start, Math.max(start, cursor.lastEnd()));
}

/**
 * `[scope] name = value, …`. A GLOBAL or SESSION modifier applies to the assignments after it that
 * have none (MySQL manual, SET Syntax for Variable Assignment). User variables (`@x`) are `other`.
 */
function readAssignments(cursor: TokenCursor, options: { readonly local: boolean; readonly stopAtFor: boolean }): StatementBody[] {
  const bodies: StatementBody[] = [];
  let global = false;
  while (!cursor.atEnd() && !(options.stopAtFor && cursor.atWord('FOR'))) {
    const scope = cursor.atAnyWord(scopeWords) ? cursor.next() : undefined;
    if (scope) global = scope.keyword === 'GLOBAL' || scope.keyword.startsWith('PERSIST');
    const target = readTarget(cursor.next(), cursor, global);
    if (!cursor.acceptSymbol('=')) cursor.acceptSymbol(':=');
    const valueStart = cursor.index;
    while (!cursor.atEnd() && !cursor.atSymbol(',') && !(options.stopAtFor && cursor.atWord('FOR'))) cursor.skipItem();
    const value = assignedValue(cursor, valueStart);
    if (target.user) bodies.push({ kind: 'other', nodeType: 'SetUserVariable' });
    else bodies.push({ kind: 'set', name: target.name, value, local: options.local, ...(target.global ? { global: true } : {}) });
    if (!cursor.acceptSymbol(',')) break;
  }
  return bodies;
}

/** The variable an assignment sets: `name`, `@@name`, `@@global.name`, `@@session.name`, or a user variable `@x`. */
function readTarget(token: MysqlToken | undefined, cursor: TokenCursor, global: boolean): { name: string; global: boolean; user: boolean } {
  if (!token) return { name: '', global, user: false };
  if (token.kind === 'variable' && !token.text.startsWith('@@')) return { name: token.text, global, user: true };
  let name = token.kind === 'variable' ? token.text.slice(2) : token.value;
  // `SET SESSION a.b` names a component or plugin variable with a dot.
  while (cursor.atSymbol('.') && cursor.peek(1)) {
    cursor.index++;
    name += `.${cursor.next()?.value ?? ''}`;
  }
  const dot = name.indexOf('.');
  const prefix = dot > 0 ? name.slice(0, dot).toUpperCase() : '';
  if (scopeWords.has(prefix)) {
    return { name: name.slice(dot + 1).toLowerCase(), global: prefix === 'GLOBAL' || prefix.startsWith('PERSIST'), user: false };
  }
  return { name: name.toLowerCase(), global, user: false };
}

/** A string's content, a number or word as written, DEFAULT as no value, anything else as its text. */
function assignedValue(cursor: TokenCursor, valueStart: number): string | undefined {
  const first = cursor.at(valueStart);
  if (!first || valueStart >= cursor.index) return undefined;
  if (cursor.index - valueStart === 1) {
    if (first.kind === 'word' && first.keyword === 'DEFAULT') return undefined;
    if (first.kind === 'string') return first.value;
    return first.text;
  }
  return cursor.fileText.slice(first.range.start, cursor.previousEnd());
}
