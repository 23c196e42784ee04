// The workspace schema model: what the database holds after a sequence of migrations — tables,
// columns, keys, indexes, foreign keys, checks, enums and views — with where each was defined and
// last changed. Built by applying statements in order (apply.ts). Tables, indexes and types are
// immutable values replaced on change, so a snapshot (`clone`) per migration file shares them and
// costs one map copy.
import type { Dialect, TextRange } from '../model';

/** A place in a migration file: where an object was defined or changed. */
export interface Origin {
  readonly path: string;
  readonly range: TextRange;
}

export interface ColumnType {
  /** Canonical name (`int4`, `varchar`, `timestamptz`, an enum's name). */
  readonly canonical: string;
  readonly modifiers: readonly number[];
  readonly isArray: boolean;
  /** MySQL/MariaDB `UNSIGNED`. */
  readonly unsigned?: boolean;
  /** MySQL/MariaDB ENUM/SET values in order. */
  readonly values?: readonly string[];
}

export interface SchemaColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly notNull: boolean;
  /** The default expression as written (`nextval('t_id_seq'::regclass)` for serial columns). */
  readonly default: string | undefined;
  readonly identity: boolean;
  readonly generated: 'stored' | 'virtual' | undefined;
  /** Key of the sequence the column owns (serial, identity): dropped with the column. */
  readonly sequence?: string;
  /** MySQL/MariaDB: the column's character set (its own, else the table's default when it was defined), lower-cased. */
  readonly charset?: string;
  /** MySQL/MariaDB `AUTO_INCREMENT`. */
  readonly autoIncrement?: boolean;
  readonly definedAt: Origin;
  readonly changedAt: Origin;
}

export interface SchemaIndexElement {
  readonly column: string | undefined;
  /** The expression's text, for an expression element. */
  readonly expression: string | undefined;
  /** MySQL/MariaDB prefix part `col(10)`: only the first N characters are indexed. */
  readonly prefixLength?: number;
}

export interface SchemaIndex {
  readonly name: string;
  /** `tableKey` of the indexed table. */
  readonly table: string;
  readonly unique: boolean;
  readonly method: string;
  readonly elements: readonly SchemaIndexElement[];
  /** The partial index's predicate text. */
  readonly predicate: string | undefined;
  /** False for a `CREATE INDEX CONCURRENTLY` that the model cannot know finished (never set by replay: it did). */
  readonly valid: boolean;
  /** The PRIMARY KEY or UNIQUE constraint this index backs. */
  readonly constraint: string | undefined;
  /**
   * MySQL/MariaDB: the foreign key InnoDB created this index for, because no index served it. The
   * server drops such an index by itself when a later index serves the key.
   */
  readonly createdFor?: string;
  readonly definedAt: Origin;
}

export type KeyKind = 'primary-key' | 'unique';

export interface SchemaKey {
  readonly kind: KeyKind;
  readonly name: string;
  readonly columns: readonly string[];
  readonly definedAt: Origin;
}

export interface SchemaForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  /** `tableKey` of the referenced table. */
  readonly referencedTable: string;
  /** Referenced columns; the referenced table's primary key when the statement named none. */
  readonly referencedColumns: readonly string[];
  readonly onDelete: string | undefined;
  readonly validated: boolean;
  readonly definedAt: Origin;
}

export interface SchemaCheck {
  readonly name: string;
  readonly expression: string;
  /** Columns the check proves NOT NULL (`col IS NOT NULL`). */
  readonly notNullColumns: readonly string[];
  readonly validated: boolean;
  /**
   * MariaDB: the column whose definition holds the check (written with the column); a CHANGE or
   * MODIFY that redefines the column without it drops it.
   */
  readonly column?: string;
  readonly definedAt: Origin;
}

export type RelationKind = 'table' | 'view' | 'materialized-view';

export interface SchemaTable {
  readonly schema: string | undefined;
  readonly name: string;
  readonly kind: RelationKind;
  /** In definition order. */
  readonly columns: readonly SchemaColumn[];
  /**
   * The column list is not fully known (`CREATE TABLE … AS`, `LIKE`, a view's select list): rules
   * must not conclude a column is missing.
   */
  readonly columnsIncomplete: boolean;
  readonly keys: readonly SchemaKey[];
  readonly foreignKeys: readonly SchemaForeignKey[];
  readonly checks: readonly SchemaCheck[];
  /** Views: the relations the query reads (`tableKey`s) and the column names it mentions. */
  readonly dependsOn: readonly string[];
  readonly dependsOnColumns: readonly string[];
  /** `tableKey` of the partitioned parent, for a partition. */
  readonly partitionOf: string | undefined;
  /** MySQL/MariaDB table options, lower-cased, when the migrations set them (`ENGINE=`, `DEFAULT CHARSET=`). */
  readonly engine?: string;
  readonly charset?: string;
  readonly definedAt: Origin;
  readonly changedAt: Origin;
}

export interface SchemaEnum {
  readonly schema: string | undefined;
  readonly name: string;
  readonly values: readonly string[];
  readonly definedAt: Origin;
}

/** The key of a schema-qualified object: the name, prefixed by its schema unless that is `public`. */
export function qualifiedKey(schema: string | undefined, name: string): string {
  return schema && schema !== 'public' ? `${schema}.${name}` : name;
}

export function columnOf(table: SchemaTable, name: string): SchemaColumn | undefined {
  return table.columns.find((column) => column.name === name);
}

/**
 * Whether InnoDB can enforce a foreign key on `columns` with the index: its leading parts are those
 * columns, whole and in order (MariaDB 10.11 builds another index for a key on (a, b) next to one on
 * (b, a), or on (a, id) next to one on (a) although InnoDB appends the primary key to it).
 */
export function indexServesForeignKey(index: Pick<SchemaIndex, 'method' | 'elements'>, columns: readonly string[]): boolean {
  if (columns.length === 0 || (index.method !== 'btree' && index.method !== 'hash')) return false;
  return columns.every((column, position) => {
    const element = index.elements[position];
    return element?.column === column && element.prefixLength === undefined;
  });
}

export function primaryKeyOf(table: SchemaTable): SchemaKey | undefined {
  return table.keys.find((key) => key.kind === 'primary-key');
}

/**
 * The model's indexes by `indexKey`, also kept per table: rules ask for a table's indexes on every
 * CREATE INDEX, and scanning every index of a large dump for each made it quadratic.
 */
export class IndexMap extends Map<string, SchemaIndex> {
  private readonly byTable = new Map<string, Set<string>>();

  constructor(from?: ReadonlyMap<string, SchemaIndex>) {
    super();
    for (const [key, index] of from ?? []) this.set(key, index);
  }

  override set(key: string, index: SchemaIndex): this {
    const previous = this.get(key);
    if (previous && previous.table !== index.table) this.byTable.get(previous.table)?.delete(key);
    const keys = this.byTable.get(index.table) ?? new Set<string>();
    keys.add(key);
    this.byTable.set(index.table, keys);
    return super.set(key, index);
  }

  override delete(key: string): boolean {
    const previous = this.get(key);
    if (previous) this.byTable.get(previous.table)?.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.byTable.clear();
    super.clear();
  }

  /** Indexes on a table (by its key), in creation order. */
  onTable(tableKey: string): SchemaIndex[] {
    const found: SchemaIndex[] = [];
    for (const key of this.byTable.get(tableKey) ?? []) {
      const index = this.get(key);
      if (index) found.push(index);
    }
    return found;
  }
}

export class SchemaModel {
  readonly dialect: Dialect;
  /** Tables, views and materialized views by `qualifiedKey`. */
  readonly tables: Map<string, SchemaTable>;
  /**
   * Indexes by `indexKey`: PostgreSQL index names are unique in their schema; MySQL/MariaDB index
   * names are unique per table (every table's primary key is `PRIMARY`).
   */
  readonly indexes: IndexMap;
  readonly enums: Map<string, SchemaEnum>;
  /** Schemas created (`CREATE SCHEMA`), plus `public`. */
  readonly schemas: Set<string>;
  /** Sequences by key (created explicitly or by serial/identity columns). */
  readonly sequences: Set<string>;
  /**
   * Lower-cased words of each statement the model cannot follow (DO blocks, functions, templates,
   * syntax errors): a name among them may have been created there, so it is never called unknown.
   * One immutable set per statement, so a snapshot copies references, not words.
   */
  readonly opaqueWords: ReadonlySet<string>[];

  constructor(dialect: Dialect, from?: SchemaModel) {
    this.dialect = dialect;
    this.tables = new Map(from?.tables);
    this.indexes = new IndexMap(from?.indexes);
    this.enums = new Map(from?.enums);
    this.schemas = new Set(from?.schemas ?? ['public']);
    this.sequences = new Set(from?.sequences);
    this.opaqueWords = [...(from?.opaqueWords ?? [])];
  }

  /** A snapshot: later changes to either copy do not show in the other. */
  clone(): SchemaModel {
    return new SchemaModel(this.dialect, this);
  }

  /** Whether a statement the model could not follow mentions the name (it may have created it). */
  mentionedOpaquely(name: string): boolean {
    const word = name.toLowerCase();
    return this.opaqueWords.some((words) => words.has(word));
  }

  /** The key of index `name` on table `table` of `schema` in `indexes`. */
  indexKey(schema: string | undefined, table: string, name: string): string {
    return this.dialect === 'postgres' ? qualifiedKey(schema, name) : `${qualifiedKey(schema, table)}\u0000${name}`;
  }

  table(schema: string | undefined, name: string): SchemaTable | undefined {
    return this.tables.get(qualifiedKey(schema, name));
  }

  /** Indexes on a table (by its key), in creation order. */
  indexesOn(tableKey: string): SchemaIndex[] {
    return this.indexes.onTable(tableKey);
  }

  /** Foreign keys in other tables (or this one) that reference the table. */
  referencesTo(tableKey: string): { readonly table: SchemaTable; readonly foreignKey: SchemaForeignKey }[] {
    const found: { table: SchemaTable; foreignKey: SchemaForeignKey }[] = [];
    for (const table of this.tables.values()) {
      for (const foreignKey of table.foreignKeys) if (foreignKey.referencedTable === tableKey) found.push({ table, foreignKey });
    }
    return found;
  }

  /** Views and materialized views that read the table. */
  viewsReading(tableKey: string): SchemaTable[] {
    const found: SchemaTable[] = [];
    for (const table of this.tables.values()) if (table.kind !== 'table' && table.dependsOn.includes(tableKey)) found.push(table);
    return found;
  }
}
