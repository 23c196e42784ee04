// The model as plain JSON (`sqlsight schema --format json`, the oracle tests): stable order,
// no origins' ranges, only what the database itself would report. A MySQL/MariaDB model adds what
// those servers report and PostgreSQL has not (UNSIGNED, ENUM/SET values, character sets,
// AUTO_INCREMENT, the engine); a PostgreSQL model's JSON has none of those fields.
import { primaryKeyOf, type SchemaModel, type SchemaTable } from './model';

export interface ColumnJson {
  readonly name: string;
  readonly type: string;
  readonly modifiers: readonly number[];
  readonly isArray: boolean;
  readonly notNull: boolean;
  readonly default: string | null;
  readonly identity: boolean;
  readonly generated: 'stored' | 'virtual' | null;
  /** MySQL/MariaDB only: `UNSIGNED`. */
  readonly unsigned?: boolean;
  /** MySQL/MariaDB only: ENUM/SET values in order, null for other types. */
  readonly values?: readonly string[] | null;
  /** MySQL/MariaDB only: the column's character set, null when it takes none or the model does not know it. */
  readonly charset?: string | null;
  /** MySQL/MariaDB only: `AUTO_INCREMENT`. */
  readonly autoIncrement?: boolean;
}

export interface KeyJson {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKeyJson extends KeyJson {
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: string | null;
}

export interface TableJson {
  readonly schema: string;
  readonly name: string;
  readonly kind: SchemaTable['kind'];
  readonly columns: readonly ColumnJson[];
  readonly columnsIncomplete: boolean;
  readonly primaryKey: KeyJson | null;
  readonly uniqueKeys: readonly KeyJson[];
  readonly foreignKeys: readonly ForeignKeyJson[];
  readonly checks: readonly { readonly name: string; readonly expression: string }[];
  readonly dependsOn: readonly string[];
  /** MySQL/MariaDB only: the storage engine and default character set, null when the migrations never set them. */
  readonly engine?: string | null;
  readonly charset?: string | null;
  readonly definedIn: string;
  readonly changedIn: string;
}

export interface IndexJson {
  readonly schema: string;
  readonly name: string;
  readonly table: string;
  readonly unique: boolean;
  readonly method: string;
  /** Column names (a MySQL prefix part as `name(10)`); an expression element as `(expression)`. */
  readonly elements: readonly string[];
  readonly predicate: string | null;
  readonly definedIn: string;
}

export interface SchemaJson {
  readonly tables: readonly TableJson[];
  readonly indexes: readonly IndexJson[];
  readonly enums: readonly { readonly schema: string; readonly name: string; readonly values: readonly string[] }[];
}

const byName = <T extends { schema: string; name: string }>(a: T, b: T): number => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name);

export function schemaToJson(model: SchemaModel): SchemaJson {
  const mysql = model.dialect !== 'postgres';
  const tables = [...model.tables.values()].map((table): TableJson => {
    const primaryKey = primaryKeyOf(table);
    return {
      schema: table.schema ?? 'public',
      name: table.name,
      kind: table.kind,
      columns: table.columns.map((column) => ({
        name: column.name,
        type: column.type.canonical,
        modifiers: column.type.modifiers,
        isArray: column.type.isArray,
        notNull: column.notNull,
        default: column.default ?? null,
        identity: column.identity,
        generated: column.generated ?? null,
        ...(mysql
          ? { unsigned: column.type.unsigned ?? false, values: column.type.values ?? null, charset: column.charset ?? null, autoIncrement: column.autoIncrement ?? false }
          : {}),
      })),
      columnsIncomplete: table.columnsIncomplete,
      primaryKey: primaryKey ? { name: primaryKey.name, columns: primaryKey.columns } : null,
      uniqueKeys: table.keys.filter((key) => key.kind === 'unique').map((key) => ({ name: key.name, columns: key.columns })),
      foreignKeys: table.foreignKeys.map((foreignKey) => ({
        name: foreignKey.name,
        columns: foreignKey.columns,
        referencedTable: foreignKey.referencedTable,
        referencedColumns: foreignKey.referencedColumns,
        onDelete: foreignKey.onDelete ?? null,
      })),
      checks: table.checks.map((check) => ({ name: check.name, expression: check.expression })),
      dependsOn: table.dependsOn,
      ...(mysql ? { engine: table.engine ?? null, charset: table.charset ?? null } : {}),
      definedIn: table.definedAt.path,
      changedIn: table.changedAt.path,
    };
  });
  const indexes = [...model.indexes.entries()].map(([key, index]): IndexJson => {
    const dot = key.lastIndexOf('.');
    // A MySQL index lives in its table's schema (its key is the table's and its own name).
    const schema = mysql ? (model.tables.get(index.table)?.schema ?? 'public') : dot > 0 && key.slice(dot + 1) === index.name ? key.slice(0, dot) : 'public';
    return {
      schema,
      name: index.name,
      table: index.table,
      unique: index.unique,
      method: index.method,
      elements: index.elements.map((element) =>
        element.column === undefined ? `(${element.expression ?? ''})` : element.prefixLength === undefined ? element.column : `${element.column}(${element.prefixLength})`,
      ),
      predicate: index.predicate ?? null,
      definedIn: index.definedAt.path,
    };
  });
  const enums = [...model.enums.values()].map((type) => ({ schema: type.schema ?? 'public', name: type.name, values: type.values }));
  // MySQL index names repeat across tables (every primary key is PRIMARY): the table orders those.
  const indexOrder = (a: IndexJson, b: IndexJson): number => byName(a, b) || a.table.localeCompare(b.table);
  return { tables: tables.sort(byName), indexes: indexes.sort(indexOrder), enums: enums.sort(byName) };
}
