// Canonical MySQL/MariaDB type names, read from a column definition's tokens: MySQL's own lower-case
// base names with synonyms folded (INTEGER → int, BOOLEAN → tinyint(1), NUMERIC → decimal …), so rules
// compare one name per type. It must not lower anything but the type (attributes are lower-column's).
import type { NamedOption, TypeName } from '../../model';
import type { TokenCursor } from './token-cursor';

/** Single-word synonyms (MySQL manual, "Using Data Types from Other Database Engines"). */
const synonyms: Readonly<Record<string, string>> = {
  INTEGER: 'int',
  INT1: 'tinyint',
  INT2: 'smallint',
  INT3: 'mediumint',
  INT4: 'int',
  INT8: 'bigint',
  MIDDLEINT: 'mediumint',
  DEC: 'decimal',
  NUMERIC: 'decimal',
  FIXED: 'decimal',
  // REAL is DOUBLE unless the REAL_AS_FLOAT sql_mode is on (off by default).
  REAL: 'double',
  FLOAT4: 'float',
  FLOAT8: 'double',
  CHARACTER: 'char',
  VARCHARACTER: 'varchar',
  BOOL: 'tinyint',
  BOOLEAN: 'tinyint',
  SERIAL: 'bigint',
  NCHAR: 'char',
  NVARCHAR: 'varchar',
  // `LONG` alone is MEDIUMTEXT.
  LONG: 'mediumtext',
};

/** Types whose `(n)` is a display width, not part of the type (deprecated since MySQL 8.0.17); YEAR(4) is the only YEAR. */
const displayWidthTypes: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'year']);

/** Words that cannot start a data type: a column definition that has them first lacks its type. */
const notTypeWords: ReadonlySet<string> = new Set([
  'NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'KEY', 'CHECK', 'REFERENCES', 'COMMENT', 'AUTO_INCREMENT', 'COLLATE',
  'CONSTRAINT', 'AFTER', 'FIRST', 'GENERATED', 'AS',
]);

export interface ReadType {
  readonly type: TypeName;
  /** `SERIAL`: BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE. */
  readonly serial: boolean;
  /** NCHAR / NATIONAL types are stored in utf8mb3 (MySQL manual, "The CHAR and VARCHAR Types"). */
  readonly impliedCharset: NamedOption | undefined;
}

/** Reads a data type at the cursor, or returns undefined (nothing consumed) when none is there. */
export function readTypeName(cursor: TokenCursor): ReadType | undefined {
  const first = cursor.peek();
  if (!first || first.kind !== 'word' || notTypeWords.has(first.keyword)) return undefined;
  const startIndex = cursor.index;
  const base = readBaseName(cursor);
  const national = first.keyword === 'NATIONAL' || first.keyword === 'NCHAR' || first.keyword === 'NVARCHAR';
  const nameEnd = cursor.previousEnd();
  let modifiers: number[] = [];
  let values: string[] | undefined;
  if (cursor.atSymbol('(')) {
    const group = cursor.readGroup();
    if (!group) return undefined;
    if (base === 'enum' || base === 'set') values = groupStrings(cursor, group.first, group.close);
    else modifiers = groupNumbers(cursor, group.first, group.close);
  }
  let unsigned = first.keyword === 'SERIAL';
  for (;;) {
    if (cursor.acceptWord('UNSIGNED') || cursor.acceptWord('ZEROFILL')) unsigned = true;
    else if (!cursor.acceptWord('SIGNED')) break;
  }
  const canonical = canonicalType(base, modifiers);
  return {
    type: {
      canonical,
      modifiers: canonicalModifiers(first.keyword, canonical, modifiers),
      isArray: false,
      range: cursor.rangeFrom(startIndex),
      ...(unsigned ? { unsigned } : {}),
      ...(values ? { values } : {}),
    },
    serial: first.keyword === 'SERIAL',
    impliedCharset: national ? { value: 'utf8mb3', range: { start: first.range.start, end: nameEnd } } : undefined,
  };
}

/** The base name, reading the multi-word spellings (`DOUBLE PRECISION`, `NATIONAL CHAR VARYING` …). */
function readBaseName(cursor: TokenCursor): string {
  const first = cursor.next();
  const keyword = first?.keyword ?? '';
  switch (keyword) {
    case 'DOUBLE':
      cursor.acceptWord('PRECISION');
      return 'double';
    case 'NATIONAL':
      if (cursor.acceptWord('VARCHAR') || cursor.acceptWord('VARCHARACTER')) return 'varchar';
      if (!cursor.acceptWord('CHAR')) cursor.acceptWord('CHARACTER');
      return cursor.acceptWord('VARYING') ? 'varchar' : 'char';
    case 'CHAR':
    case 'CHARACTER':
    case 'NCHAR':
      return cursor.acceptWord('VARYING') || cursor.acceptWord('VARCHAR') ? 'varchar' : 'char';
    case 'LONG':
      if (cursor.acceptWord('VARBINARY')) return 'mediumblob';
      if (cursor.acceptWord('CHAR')) cursor.acceptWord('VARYING');
      else cursor.acceptWord('VARCHAR');
      return 'mediumtext';
    default:
      return synonyms[keyword] ?? (first?.value ?? '').toLowerCase();
  }
}

/** FLOAT(p) is FLOAT for p ≤ 24 and DOUBLE above, with no length (MySQL manual, "Floating-Point Types"). */
function canonicalType(base: string, modifiers: readonly number[]): string {
  if (base === 'float' && modifiers.length === 1 && (modifiers[0] ?? 0) > 24) return 'double';
  return base;
}

function canonicalModifiers(keyword: string, canonical: string, modifiers: number[]): number[] {
  if (keyword === 'BOOL' || keyword === 'BOOLEAN') return [1];
  if ((canonical === 'float' || canonical === 'double') && modifiers.length === 1) return [];
  if (!displayWidthTypes.has(canonical)) return modifiers;
  // tinyint(1) is how MySQL spells a boolean: keep it, clients and ORMs read it as one.
  return canonical === 'tinyint' && modifiers.length === 1 && modifiers[0] === 1 ? [1] : [];
}

function groupNumbers(cursor: TokenCursor, first: number, close: number): number[] {
  const numbers: number[] = [];
  for (let index = first; index < close; index++) {
    const token = cursor.tokens[index];
    if (token?.kind === 'number' && /^\d+$/.test(token.text)) numbers.push(Number(token.text));
  }
  return numbers;
}

function groupStrings(cursor: TokenCursor, first: number, close: number): string[] {
  const strings: string[] = [];
  for (let index = first; index < close; index++) {
    const token = cursor.tokens[index];
    if (token?.kind === 'string') strings.push(token.value);
  }
  return strings;
}
