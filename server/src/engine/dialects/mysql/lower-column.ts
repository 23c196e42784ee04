// MySQL/MariaDB column definitions read from tokens (CREATE TABLE elements, ALTER TABLE ADD, CHANGE
// and MODIFY): the type, NULL-ness, DEFAULT, AUTO_INCREMENT, inline keys, CHARACTER SET / COLLATE,
// generated columns, inline REFERENCES and FIRST/AFTER. Unknown attributes are skipped, never fatal.
import type { ColumnDefinition, ColumnPosition, Expression, ForeignKeyReference, NamedOption, TableConstraint, TextRange } from '../../model';
import { readOperandExpression } from './expression';
import { readCheckExpression, readReferences } from './lower-keys';
import { inlineReferencesCreateForeignKeys, type MysqlParseOptions } from './lowering-options';
import type { TokenCursor } from './token-cursor';
import { readTypeName } from './types';

/** The attributes read so far; turned into a ColumnDefinition once the definition ends. */
interface ColumnAttributes {
  notNull: boolean;
  default: Expression | undefined;
  generated: { readonly stored: boolean } | undefined;
  primaryKey: boolean;
  unique: boolean;
  autoIncrement: boolean;
  readonly constraints: TableConstraint[];
  charset: NamedOption | undefined;
  collation: NamedOption | undefined;
  position: ColumnPosition | undefined;
  ignoredReferences: { readonly references: ForeignKeyReference; readonly range: TextRange } | undefined;
}

const noConstraintFields = { notValid: false, usingIndex: undefined, references: undefined, check: undefined } as const;

/**
 * A column definition at the cursor (its name first), up to the next `,` or `)` of the enclosing list.
 * Records a syntax problem (and returns undefined) when the name or the type is missing.
 */
export function readColumnDefinition(cursor: TokenCursor, options: MysqlParseOptions): ColumnDefinition | undefined {
  const startIndex = cursor.index;
  const name = cursor.readIdentifier();
  if (!name) {
    cursor.fail('a column name is expected');
    return undefined;
  }
  const read = readTypeName(cursor);
  if (!read) {
    if (!cursor.problem) cursor.fail(`column '${name.name}' needs a data type`);
    return undefined;
  }
  const attributes: ColumnAttributes = {
    notNull: false,
    default: undefined,
    generated: undefined,
    primaryKey: false,
    unique: false,
    autoIncrement: false,
    constraints: [],
    charset: undefined,
    collation: undefined,
    position: undefined,
    ignoredReferences: undefined,
  };
  if (read.serial) setSerial(attributes, name.name, read.type.range);
  // `PARTITION BY` may follow the last ALTER TABLE action without a comma.
  while (!cursor.atEnd() && !cursor.atSymbol(',') && !cursor.atSymbol(')') && !cursor.atWords('PARTITION', 'BY')) {
    if (!readAttribute(cursor, attributes, name.name, options)) cursor.skipItem();
    if (cursor.problem) return undefined;
  }
  const charset = attributes.charset ?? read.impliedCharset;
  return {
    name: name.name,
    nameRange: name.range,
    range: cursor.rangeFrom(startIndex),
    type: read.type,
    notNull: attributes.notNull || attributes.primaryKey,
    default: attributes.default,
    identity: false,
    generated: attributes.generated,
    primaryKey: attributes.primaryKey,
    unique: attributes.unique,
    autoIncrement: attributes.autoIncrement,
    constraints: attributes.constraints,
    ...(charset ? { charset } : {}),
    ...(attributes.collation ? { collation: attributes.collation } : {}),
    ...(attributes.position ? { position: attributes.position } : {}),
    ...(attributes.ignoredReferences ? { ignoredReferences: attributes.ignoredReferences } : {}),
  };
}

/** `SERIAL` and `SERIAL DEFAULT VALUE`: NOT NULL AUTO_INCREMENT UNIQUE. */
function setSerial(attributes: ColumnAttributes, column: string, range: TextRange): void {
  attributes.notNull = true;
  attributes.autoIncrement = true;
  attributes.unique = true;
  attributes.constraints.push({ ...noConstraintFields, kind: 'unique', name: undefined, range, columns: [column] });
}

/** Reads one attribute; false when the next token starts none this reader knows (the caller skips it). */
function readAttribute(cursor: TokenCursor, attributes: ColumnAttributes, column: string, options: MysqlParseOptions): boolean {
  const startIndex = cursor.index;
  const keyword = cursor.peek()?.keyword ?? '';
  switch (keyword) {
    case 'NOT':
      if (!cursor.atWord('NULL', 1)) return false;
      cursor.index += 2;
      attributes.notNull = true;
      return true;
    case 'NULL':
      cursor.index++;
      attributes.notNull = false;
      return true;
    case 'DEFAULT':
      cursor.index++;
      attributes.default = readOperandExpression(cursor);
      return true;
    case 'ON':
      if (!cursor.atWord('UPDATE', 1)) return false;
      cursor.index += 2;
      readOperandExpression(cursor);
      return true;
    case 'AUTO_INCREMENT':
      cursor.index++;
      attributes.autoIncrement = true;
      return true;
    case 'SERIAL':
      if (!cursor.atWords('SERIAL', 'DEFAULT', 'VALUE')) return false;
      cursor.index += 3;
      setSerial(attributes, column, cursor.rangeFrom(startIndex));
      return true;
    case 'UNIQUE':
    case 'PRIMARY':
    case 'KEY': {
      // In a column definition `KEY` alone means PRIMARY KEY (MySQL manual, CREATE TABLE).
      cursor.index++;
      if (keyword === 'PRIMARY' || keyword === 'UNIQUE') cursor.acceptWord('KEY');
      const unique = keyword === 'UNIQUE';
      if (unique) attributes.unique = true;
      else attributes.primaryKey = true;
      const range = cursor.rangeFrom(startIndex);
      attributes.constraints.push({ ...noConstraintFields, kind: unique ? 'unique' : 'primary-key', name: unique ? undefined : 'PRIMARY', range, columns: [column] });
      return true;
    }
    case 'COMMENT':
      cursor.index++;
      cursor.next();
      return true;
    case 'CHARACTER':
    case 'CHARSET':
      cursor.index++;
      if (keyword === 'CHARACTER' && !cursor.acceptWord('SET')) return true;
      attributes.charset = readNamedOption(cursor);
      return true;
    case 'COLLATE':
      cursor.index++;
      attributes.collation = readNamedOption(cursor);
      return true;
    case 'GENERATED':
    case 'AS':
      return readGenerated(cursor, attributes);
    case 'CONSTRAINT':
    case 'CHECK':
      return readInlineCheck(cursor, attributes, column);
    case 'REFERENCES':
      return readInlineReferences(cursor, attributes, column, options);
    case 'FIRST':
      cursor.index++;
      attributes.position = { kind: 'first', range: cursor.rangeFrom(startIndex) };
      return true;
    case 'AFTER': {
      cursor.index++;
      const after = cursor.readIdentifier();
      if (!after) {
        cursor.fail('AFTER needs a column name');
        return true;
      }
      attributes.position = { kind: 'after', column: after.name, range: cursor.rangeFrom(startIndex) };
      return true;
    }
    default:
      return false;
  }
}

/** A character set or collation name after its keyword (and an optional `=`), lower-cased. */
export function readNamedOption(cursor: TokenCursor): NamedOption | undefined {
  cursor.acceptSymbol('=');
  const token = cursor.peek();
  if (!token || (token.kind !== 'word' && token.kind !== 'quoted-identifier' && token.kind !== 'string')) return undefined;
  cursor.index++;
  return { value: token.value.toLowerCase(), range: token.range };
}

/** `[GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED|PERSISTENT]` (MariaDB's PERSISTENT is STORED). */
function readGenerated(cursor: TokenCursor, attributes: ColumnAttributes): boolean {
  if (cursor.acceptWord('GENERATED') && !cursor.acceptWord('ALWAYS')) return true;
  if (!cursor.acceptWord('AS')) return true;
  if (!cursor.readGroup()) {
    if (!cursor.problem) cursor.fail('a generated column needs its expression in parentheses');
    return true;
  }
  const stored = cursor.acceptWord('STORED') !== undefined || cursor.acceptWord('PERSISTENT') !== undefined;
  if (!stored) cursor.acceptWord('VIRTUAL');
  attributes.generated = { stored };
  return true;
}

function readInlineCheck(cursor: TokenCursor, attributes: ColumnAttributes, column: string): boolean {
  const startIndex = cursor.index;
  let name: string | undefined;
  if (cursor.acceptWord('CONSTRAINT')) {
    if (!cursor.atWord('CHECK')) name = cursor.readIdentifier()?.name;
    if (!cursor.atWord('CHECK')) return true;
  }
  cursor.index++;
  const check = readCheckExpression(cursor);
  if (!check) return true;
  attributes.constraints.push({
    ...noConstraintFields,
    kind: 'check',
    name,
    range: cursor.rangeFrom(startIndex),
    columns: [column],
    check: check.expression,
    notNullColumns: check.notNullColumns,
  });
  return true;
}

/** Inline `REFERENCES`: a foreign key where the server creates one, else recorded as ignored. */
function readInlineReferences(cursor: TokenCursor, attributes: ColumnAttributes, column: string, options: MysqlParseOptions): boolean {
  const startIndex = cursor.index;
  const references = readReferences(cursor);
  if (!references) return true;
  const range = cursor.rangeFrom(startIndex);
  if (inlineReferencesCreateForeignKeys(options)) {
    attributes.constraints.push({ ...noConstraintFields, kind: 'foreign-key', name: undefined, range, columns: [column], references });
  } else {
    attributes.ignoredReferences = { references, range };
  }
  return true;
}
