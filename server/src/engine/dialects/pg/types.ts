// Canonical PostgreSQL type names, so rules compare `integer`, `int`, `int4` as one type.
import type { TypeName as PgTypeName } from '@pgsql/types';
import type { TypeName } from '../../model';
import { integerValue, stringValues } from './ast';
import type { LoweringContext } from './lowering-context';

const aliases: Record<string, string> = {
  integer: 'int4',
  int: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial4: 'serial',
  serial2: 'smallserial',
  serial8: 'bigserial',
  boolean: 'bool',
  real: 'float4',
  'double precision': 'float8',
  float: 'float8',
  decimal: 'numeric',
  'character varying': 'varchar',
  // Unquoted `char(n)` / `character(n)` arrive as pg_catalog.bpchar; a quoted "char" is the internal
  // one-byte type `char`, so only the spelled-out name maps here.
  character: 'bpchar',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
  'time with time zone': 'timetz',
  'time without time zone': 'time',
};

/** The parser already folds unquoted names; a quoted name (`"Kind"`, an enum) keeps its case. */
export function canonicalTypeName(written: string): string {
  return aliases[written.toLowerCase()] ?? written;
}

export function lowerTypeName(context: LoweringContext, typeName: PgTypeName | undefined): TypeName {
  const names = stringValues(typeName?.names);
  const last = names[names.length - 1] ?? 'unknown';
  const modifiers: number[] = [];
  for (const modifier of typeName?.typmods ?? []) {
    const value = integerValue(modifier);
    if (value !== undefined) modifiers.push(value);
  }
  const start = context.offset(typeName?.location);
  const local = start - context.base;
  // The type's text runs until the next column clause; the tokenizer finds it.
  const range = context.elementRangeFromLocal(local, typeEndWords);
  const canonical = canonicalTypeName(last);
  return {
    canonical,
    modifiers: canonical === 'interval' ? intervalPrecision(modifiers) : modifiers,
    isArray: (typeName?.arrayBounds?.length ?? 0) > 0,
    range,
  };
}

const typeEndWords = new Set([
  'NOT', 'NULL', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'DEFAULT', 'GENERATED', 'COLLATE', 'USING',
  'DEFERRABLE', 'INITIALLY', 'STORAGE', 'COMPRESSION',
]);

/** INTERVAL's typmods are a field mask and a precision (32767 when none): only the precision is a modifier. */
function intervalPrecision(typmods: readonly number[]): number[] {
  const precision = typmods.length === 2 ? typmods[1] : undefined;
  return precision === undefined || precision === 32767 ? [] : [precision];
}
