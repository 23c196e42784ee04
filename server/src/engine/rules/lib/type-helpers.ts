// Shared facts for the type rules: where a statement writes a column type, which key roles the
// statement gives that column, and the replacement type text fixes use, chosen so that the fixes
// of different rules on one column produce the same edit (and so compose). Reads the model only.
import type { ColumnDefinition, ObjectName, Statement, TableConstraint, TextEdit, TypeName } from '../../model';
import type { ColumnType, SchemaColumn } from '../../schema/model';
import type { RuleContext } from './rule';
import { insertAt, quoteIdentifier, replace } from './edits';

export type KeyRole = 'primary-key' | 'foreign-key';

/** The column a foreign key of the statement points the column at: undefined `column` for the referenced table's primary key. */
export interface ReferencedColumn {
  readonly table: ObjectName;
  readonly column: string | undefined;
}

export interface TypeUse {
  readonly table: ObjectName;
  readonly column: string;
  readonly type: TypeName;
  /** A column of a table created here, a column added to a table, `ALTER COLUMN … TYPE`, or MySQL's CHANGE / MODIFY. */
  readonly origin: 'create-table' | 'add-column' | 'alter-column-type' | 'change-column';
  /** The column definition (undefined for `ALTER COLUMN … TYPE`). */
  readonly definition: ColumnDefinition | undefined;
  /** Key roles this statement gives the column; keys declared by earlier statements need the schema model. */
  readonly keyRoles: readonly KeyRole[];
  /** For the foreign-key role: the columns this statement's foreign keys reference from it. */
  readonly references: readonly ReferencedColumn[];
  /** For the primary-key role: the key has other columns too (a natural key, not an id). */
  readonly compositePrimaryKey?: boolean;
}

function rolesOf(column: ColumnDefinition, constraints: readonly TableConstraint[]): Pick<TypeUse, 'keyRoles' | 'references' | 'compositePrimaryKey'> {
  const all = [...column.constraints, ...constraints.filter((constraint) => constraint.columns.includes(column.name))];
  const roles: KeyRole[] = [];
  const primaryKey = all.find((constraint) => constraint.kind === 'primary-key');
  if (column.primaryKey || primaryKey) roles.push('primary-key');
  const references = all.flatMap((constraint) => {
    const target = constraint.kind === 'foreign-key' ? constraint.references : undefined;
    return target ? [{ table: target.table, column: target.columns[constraint.columns.indexOf(column.name)] }] : [];
  });
  if (references.length > 0) roles.push('foreign-key');
  return { keyRoles: roles, references, ...(primaryKey && primaryKey.columns.length > 1 ? { compositePrimaryKey: true } : {}) };
}

/** Every column type a statement writes, in source order; worked out once per statement for the type rules. */
export function typeUses(ctx: RuleContext, stmt: Statement): readonly TypeUse[] {
  return stmt.kind === 'create-table' || stmt.kind === 'alter-table' ? ctx.statementFact(typeUsesOf, stmt) : [];
}

function typeUsesOf(_ctx: RuleContext, stmt: Statement): TypeUse[] {
  if (stmt.kind === 'create-table') {
    return stmt.columns.map((column) => ({
      table: stmt.table,
      column: column.name,
      type: column.type,
      origin: 'create-table',
      definition: column,
      ...rolesOf(column, stmt.constraints),
    }));
  }
  if (stmt.kind !== 'alter-table') return [];
  // `ADD COLUMN x int, ADD CONSTRAINT … FOREIGN KEY (x) …` makes x a key in the same statement.
  const addedConstraints = stmt.actions.flatMap((action) => (action.kind === 'add-constraint' ? [action.constraint] : []));
  const uses: TypeUse[] = [];
  for (const action of stmt.actions) {
    if (action.kind === 'add-column' || action.kind === 'change-column') {
      const definition = action.kind === 'add-column' ? action.column : action.definition;
      uses.push({
        table: stmt.table,
        column: definition.name,
        type: definition.type,
        origin: action.kind,
        definition,
        ...rolesOf(definition, addedConstraints),
      });
    } else if (action.kind === 'alter-column-type') {
      uses.push({ table: stmt.table, column: action.column, type: action.type, origin: 'alter-column-type', definition: undefined, keyRoles: [], references: [] });
    }
  }
  return uses;
}

const displayNames: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  bpchar: 'char',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
};

/** A type as people write it in messages: `integer`, `varchar(255)`, `timestamp(3)[]`, MySQL's `int unsigned`. */
export function displayType(type: Pick<TypeName, 'canonical' | 'modifiers' | 'isArray' | 'unsigned'>): string {
  // Unlimited bpchar has no everyday spelling (a bare `char` means char(1)).
  const name = type.canonical === 'bpchar' && type.modifiers.length === 0 ? 'bpchar' : (displayNames[type.canonical] ?? type.canonical);
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(', ')})` : '';
  return `${name}${modifiers}${type.isArray ? '[]' : ''}${type.unsigned ? ' unsigned' : ''}`;
}

/**
 * Replacement type text for a MySQL/MariaDB fix, in the case the statement writes its type in
 * (`BIGINT UNSIGNED` where it wrote `INT UNSIGNED`). Every fix of one column spells a type through
 * here, so fixes of different rules replacing that column's type agree and compose.
 */
export function mysqlTypeText(type: Pick<TypeName, 'canonical' | 'modifiers' | 'isArray' | 'unsigned'>, written: string): string {
  const text = displayType(type);
  return /[a-z]/.test(written) ? text : text.toUpperCase();
}

/** MySQL/MariaDB integer types and the largest value each holds, signed and unsigned. */
export const mysqlIntegerLimits: Readonly<Record<string, { readonly signed: string; readonly unsigned: string }>> = {
  tinyint: { signed: '127', unsigned: '255' },
  smallint: { signed: '32,767', unsigned: '65,535' },
  mediumint: { signed: '8,388,607', unsigned: '16,777,215' },
  int: { signed: '2,147,483,647', unsigned: '4,294,967,295' },
  bigint: { signed: '9,223,372,036,854,775,807', unsigned: '18,446,744,073,709,551,615' },
};

export function isMysqlInteger(type: Pick<TypeName, 'canonical' | 'isArray'>): boolean {
  return !type.isArray && mysqlIntegerLimits[type.canonical] !== undefined;
}

/** `[]` for array types; PostgreSQL ignores declared array bounds, so one pair keeps the meaning. */
export function arraySuffix(type: TypeName): string {
  return type.isArray ? '[]' : '';
}

/** Serial pseudo-types and the integer type each stands for. */
export const serialTypes: Readonly<Record<string, string>> = { smallserial: 'int2', serial: 'int4', bigserial: 'int8' };

/** `serial`, `bigserial`, `smallserial`: a sequence-backed integer, filled by nextval(). */
export function isSerialType(canonical: string): boolean {
  return serialTypes[canonical] !== undefined;
}

/** PostgreSQL 10 added identity columns (`GENERATED … AS IDENTITY`). */
export const identityMinimumVersion = 10;

/**
 * The identity column that replaces a serial one. Keys always get `bigint`, so prefer-identity and
 * prefer-bigint-keys offer the same edit for a `serial` key and either fix clears both findings.
 */
export function identityReplacement(canonical: string, isKey: boolean): string {
  const width = isKey || canonical === 'bigserial' ? 'bigint' : canonical === 'serial' ? 'integer' : 'smallint';
  return `${width} GENERATED BY DEFAULT AS IDENTITY`;
}

/**
 * Edits that turn a length-limited string column into `text`. In a new table's column the limit is kept
 * as a CHECK appended to the column (a CHECK there costs nothing: the table is empty); elsewhere the
 * limit is dropped, which the fix title says.
 */
export function textReplacement(use: TypeUse): { readonly title: string; readonly edits: readonly TextEdit[] } {
  const limit = use.type.modifiers[0];
  const typeEdit = replace(use.type.range, `text${arraySuffix(use.type)}`);
  if (use.origin === 'create-table' && use.definition && !use.type.isArray && limit !== undefined) {
    const check = ` CHECK (char_length(${quoteIdentifier(use.column)}) <= ${limit})`;
    return { title: 'Use text with a length CHECK', edits: [typeEdit, insertAt(use.definition.range.end, check)] };
  }
  return { title: limit === undefined ? 'Change the type to text' : 'Change the type to text (drops the length limit)', edits: [typeEdit] };
}

/** Same canonical name, modifiers and arrayness (the PostgreSQL comparison of a foreign key's two sides). */
export function sameType(a: ColumnType, b: ColumnType): boolean {
  return a.canonical === b.canonical && a.isArray === b.isArray && a.modifiers.length === b.modifiers.length && a.modifiers.every((value, index) => value === b.modifiers[index]);
}

/** How MySQL/MariaDB take a foreign key between two column types: `refused` and `charset` fail the statement, `shorter` works but rejects longer keys. */
export type ForeignKeyConflict = 'differs' | 'refused' | 'charset' | 'shorter';

const mysqlStrings = new Set(['char', 'varchar']);

/**
 * MySQL and MariaDB compare integers by size and sign (display widths and `tinyint(1)` do not count),
 * strings by character set (the length may differ; char and varchar mix). MariaDB 10.11 also refuses
 * an integer against a string, and accepts other differences (DECIMAL precision, DATETIME against
 * TIMESTAMP), which count as plain differences.
 */
export function mysqlForeignKeyConflict(column: Pick<SchemaColumn, 'type' | 'charset'>, target: Pick<SchemaColumn, 'type' | 'charset'>): ForeignKeyConflict | undefined {
  const a = column.type;
  const b = target.type;
  if (isMysqlInteger(a) || isMysqlInteger(b)) {
    if (a.canonical === b.canonical && (a.unsigned === true) === (b.unsigned === true)) return undefined;
    return isMysqlInteger(a) && isMysqlInteger(b) ? 'refused' : mysqlStrings.has(a.canonical) || mysqlStrings.has(b.canonical) ? 'refused' : 'differs';
  }
  if (mysqlStrings.has(a.canonical) && mysqlStrings.has(b.canonical)) {
    if (column.charset !== undefined && target.charset !== undefined && column.charset !== target.charset) return 'charset';
    const length = a.modifiers[0];
    const targetLength = b.modifiers[0];
    return length !== undefined && targetLength !== undefined && length < targetLength ? 'shorter' : undefined;
  }
  return sameType(a, b) && (a.unsigned === true) === (b.unsigned === true) ? undefined : 'differs';
}
