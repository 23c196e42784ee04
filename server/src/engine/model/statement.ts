// The dialect-neutral statement model that rules read. Invariant: every file offset in it is a
// TextRange or a number field named `…InsertAt` (shift.ts relies on it to move cached statements). Dialect front-ends lower their ASTs into it;
// a fact a rule needs is added here and to the lowering, never dug out of a raw AST by a rule.
import type { QueryShape } from './query-shape';
import type { TextRange } from './text';

export type Dialect = 'postgres' | 'mysql' | 'mariadb';

export interface ObjectName {
  readonly schema: string | undefined;
  /** As the server stores it (unquoted identifiers folded to lower case in PostgreSQL). */
  readonly name: string;
  readonly range: TextRange;
}

/** A type as written, plus a canonical name rules compare (`int4`, `varchar`, `timestamptz`, `serial` …). */
export interface TypeName {
  readonly canonical: string;
  /** Length/precision modifiers when they are plain numbers (`varchar(20)` → [20]). */
  readonly modifiers: readonly number[];
  readonly isArray: boolean;
  readonly range: TextRange;
  /** MySQL/MariaDB `UNSIGNED` integer and decimal types. */
  readonly unsigned?: boolean;
  /** MySQL/MariaDB `ENUM(…)` / `SET(…)` only: the values in order. */
  readonly values?: readonly string[];
}

/** A name written in a clause (`CHARACTER SET utf8`, `COLLATE x`, `ENGINE = InnoDB`), with the range of the name alone. */
export interface NamedOption {
  /** Lower-cased. */
  readonly value: string;
  readonly range: TextRange;
}

/** An expression reduced to what rules ask of it. */
export interface Expression {
  readonly range: TextRange;
  /** Lower-cased names of every function called anywhere inside, without schema (`nextval`, `now`). */
  readonly functionCalls: readonly string[];
  /** A literal, a cast of a literal, or a signed number: evaluated once, cheap to store. */
  readonly isConstant: boolean;
  /** The NULL literal (possibly cast): `DEFAULT NULL` sets no value. */
  readonly isNull: boolean;
  /** The source text, for messages. */
  readonly text: string;
  /** Distinct column names the expression reads (the last part of each column reference). */
  readonly columns?: readonly string[];
}

export interface ForeignKeyReference {
  readonly table: ObjectName;
  readonly columns: readonly string[];
  readonly onDelete: string | undefined;
}

export interface ColumnDefinition {
  readonly name: string;
  readonly nameRange: TextRange;
  readonly range: TextRange;
  readonly type: TypeName;
  readonly notNull: boolean;
  readonly default: Expression | undefined;
  readonly identity: boolean;
  /** `GENERATED ALWAYS AS (…) STORED|VIRTUAL`. */
  readonly generated: { readonly stored: boolean } | undefined;
  readonly primaryKey: boolean;
  readonly unique: boolean;
  readonly autoIncrement: boolean;
  /** Constraints written inline with the column (FK, CHECK, UNIQUE, PK) in table-constraint form. */
  readonly constraints: readonly TableConstraint[];
  /** MySQL/MariaDB column `CHARACTER SET` / `CHARSET`. */
  readonly charset?: NamedOption;
  /** MySQL/MariaDB column `COLLATE`. */
  readonly collation?: NamedOption;
  /** MySQL/MariaDB `FIRST` / `AFTER c` in ADD, CHANGE and MODIFY COLUMN. */
  readonly position?: ColumnPosition;
  /**
   * MySQL/MariaDB inline `REFERENCES t (c)` in a column definition: not in `constraints`, because
   * the server parses and ignores it (no foreign key is created).
   */
  readonly ignoredReferences?: { readonly references: ForeignKeyReference; readonly range: TextRange };
}

export type ColumnPosition =
  | { readonly kind: 'first'; readonly range: TextRange }
  | { readonly kind: 'after'; readonly column: string; readonly range: TextRange };

/** A MySQL/MariaDB index that is not a constraint: `KEY`/`INDEX`, `FULLTEXT`, `SPATIAL` (UNIQUE and PRIMARY are constraints). */
export interface IndexDefinition {
  readonly name: string | undefined;
  readonly range: TextRange;
  /** `btree` (also for an index with no `USING`), `hash`, `fulltext`, `spatial`. */
  readonly method: string;
  readonly elements: readonly IndexElement[];
}

/** MySQL/MariaDB `ALGORITHM=` / `LOCK=` of an ALTER TABLE, CREATE INDEX or DROP INDEX. */
export interface OnlineDdlClauses {
  /** Upper-cased value (`INSTANT`, `INPLACE`, `NOCOPY`, `COPY`, `DEFAULT`) and the range of the whole clause. */
  readonly algorithm?: { readonly value: string; readonly range: TextRange };
  /** Upper-cased value (`NONE`, `SHARED`, `EXCLUSIVE`, `DEFAULT`) and the range of the whole clause. */
  readonly lock?: { readonly value: string; readonly range: TextRange };
  /** Offset just after the last clause of the statement (before the terminator), where `, ALGORITHM=…` goes. */
  readonly clausesInsertAt: number;
}

export type ConstraintKind = 'primary-key' | 'unique' | 'foreign-key' | 'check' | 'exclusion' | 'not-null';

export interface TableConstraint {
  readonly kind: ConstraintKind;
  readonly name: string | undefined;
  readonly range: TextRange;
  readonly columns: readonly string[];
  /** `NOT VALID`: added without scanning existing rows. */
  readonly notValid: boolean;
  /** `… USING INDEX idx` (PK/UNIQUE built from an existing index). */
  readonly usingIndex: string | undefined;
  readonly references: ForeignKeyReference | undefined;
  readonly check: Expression | undefined;
  /** EXCLUDE only: the constraint's `WHERE (…)`. */
  readonly where?: Expression;
  /** CHECK only: columns the expression proves NOT NULL (`col IS NOT NULL`, alone or AND-ed). */
  readonly notNullColumns?: readonly string[];
  /** PRIMARY KEY / UNIQUE only: the options its index is built with, to rebuild it as `CREATE UNIQUE INDEX`. */
  readonly indexOptions?: IndexConstraintOptions;
}

export interface IndexConstraintOptions {
  /** `INCLUDE (…)` columns. */
  readonly include: readonly string[];
  /** `NULLS NOT DISTINCT` (PostgreSQL 15+). */
  readonly nullsNotDistinct: boolean;
  /** `WITH (…)` storage parameters or `USING INDEX TABLESPACE`: written out, not modelled. */
  readonly storage: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export type AlterTableAction =
  | { readonly kind: 'add-column'; readonly range: TextRange; readonly column: ColumnDefinition; readonly ifNotExists: boolean }
  | {
      readonly kind: 'drop-column';
      readonly range: TextRange;
      readonly column: string;
      readonly ifExists: boolean;
      readonly cascade: boolean;
      /** Offset of the column name (after `DROP [COLUMN]`), where `IF EXISTS ` goes. */
      readonly ifExistsInsertAt: number;
    }
  | {
      readonly kind: 'alter-column-type';
      readonly range: TextRange;
      readonly column: string;
      readonly type: TypeName;
      readonly using: Expression | undefined;
    }
  | { readonly kind: 'set-not-null'; readonly range: TextRange; readonly column: string }
  | { readonly kind: 'drop-not-null'; readonly range: TextRange; readonly column: string }
  | { readonly kind: 'set-default'; readonly range: TextRange; readonly column: string; readonly default: Expression }
  | { readonly kind: 'drop-default'; readonly range: TextRange; readonly column: string }
  | { readonly kind: 'add-constraint'; readonly range: TextRange; readonly constraint: TableConstraint }
  | { readonly kind: 'validate-constraint'; readonly range: TextRange; readonly name: string }
  | {
      readonly kind: 'drop-constraint';
      readonly range: TextRange;
      readonly name: string;
      readonly ifExists: boolean;
      readonly cascade?: boolean;
      /** MySQL/MariaDB `DROP FOREIGN KEY f` / `DROP CHECK c` / `DROP PRIMARY KEY` (name `PRIMARY`) say the kind. */
      readonly constraintKind?: ConstraintKind;
    }
  /** MySQL/MariaDB `CHANGE [COLUMN] old new …` and `MODIFY [COLUMN] c …`: the column redefined whole (a rename when the names differ). */
  | {
      readonly kind: 'change-column';
      readonly range: TextRange;
      /** The column's name before the statement. */
      readonly column: string;
      /** The new definition; `definition.name` is the new name. */
      readonly definition: ColumnDefinition;
      readonly keyword: 'change' | 'modify';
    }
  /** MySQL/MariaDB `ADD INDEX|KEY|FULLTEXT|SPATIAL …`. */
  | { readonly kind: 'add-index'; readonly range: TextRange; readonly index: IndexDefinition }
  /** MySQL/MariaDB `DROP INDEX|KEY i`. */
  | { readonly kind: 'drop-index'; readonly range: TextRange; readonly name: string; readonly ifExists: boolean }
  /** MySQL/MariaDB `RENAME INDEX|KEY a TO b`. */
  | { readonly kind: 'rename-index'; readonly range: TextRange; readonly from: string; readonly to: string }
  /** MySQL 8 `ALTER INDEX i VISIBLE|INVISIBLE`, MariaDB `ALTER INDEX i [NOT] IGNORED`. */
  | { readonly kind: 'index-visibility'; readonly range: TextRange; readonly name: string; readonly visible: boolean }
  /** MySQL/MariaDB `CONVERT TO CHARACTER SET cs [COLLATE c]`: every text column re-encoded. */
  | { readonly kind: 'convert-charset'; readonly range: TextRange; readonly charset: NamedOption; readonly collation: NamedOption | undefined }
  /** MySQL/MariaDB table options: `ENGINE=`, `[DEFAULT] CHARSET=`, `COLLATE=`, `AUTO_INCREMENT=`, `ROW_FORMAT=`, `COMMENT=` … */
  | { readonly kind: 'table-option'; readonly range: TextRange; readonly option: TableOption }
  /** MySQL/MariaDB `PARTITION BY …`, `ADD|DROP|REORGANIZE|COALESCE|TRUNCATE … PARTITION`, `REMOVE PARTITIONING`. */
  | { readonly kind: 'partitioning'; readonly range: TextRange; readonly description: string }
  | { readonly kind: 'rename-column'; readonly range: TextRange; readonly from: string; readonly to: string }
  | { readonly kind: 'rename-constraint'; readonly range: TextRange; readonly from: string; readonly to: string }
  | { readonly kind: 'rename-table'; readonly range: TextRange; readonly to: string }
  | { readonly kind: 'set-schema'; readonly range: TextRange; readonly schema: string }
  | { readonly kind: 'set-logged'; readonly range: TextRange; readonly logged: boolean }
  | { readonly kind: 'attach-partition'; readonly range: TextRange; readonly partition: ObjectName }
  | { readonly kind: 'detach-partition'; readonly range: TextRange; readonly partition: ObjectName; readonly concurrently: boolean }
  | { readonly kind: 'enable-disable-trigger'; readonly range: TextRange; readonly enable: boolean }
  | {
      readonly kind: 'other';
      readonly range: TextRange;
      /** The front-end's name for the action (`AddIdentity`, `SetStatistics` …). */
      readonly description: string;
      /** The column the action names, when it names one. */
      readonly column?: string;
    };

export type AlterTableActionKind = AlterTableAction['kind'];

export interface IndexElement {
  /** Column name, or undefined for an expression element. */
  readonly column: string | undefined;
  readonly expression: Expression | undefined;
  /** MySQL/MariaDB prefix index `col(10)`: the first N characters only. */
  readonly prefixLength?: number;
}

export type TransactionAction = 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollback-to' | 'prepare' | 'other';

export type DropObjectKind =
  | 'table'
  | 'index'
  | 'view'
  | 'materialized-view'
  | 'sequence'
  | 'schema'
  | 'database'
  | 'type'
  | 'function'
  | 'trigger'
  | 'extension'
  | 'other';

export type SelectWrites = 'row-locks' | 'data-modifying-cte' | 'select-into';

/** Statement-kind specific data. `other` keeps the front-end's node name for messages and counting. */
export type StatementBody =
  | {
      readonly kind: 'create-table';
      readonly table: ObjectName;
      readonly ifNotExists: boolean;
      readonly temporary: boolean;
      readonly unlogged: boolean;
      readonly columns: readonly ColumnDefinition[];
      readonly constraints: readonly TableConstraint[];
      readonly partitionOf: ObjectName | undefined;
      /** `INHERITS (…)` parents: their columns come first. */
      readonly inherits?: readonly ObjectName[];
      /** MySQL/MariaDB `KEY`/`INDEX`/`FULLTEXT`/`SPATIAL` definitions (UNIQUE and PRIMARY KEY are in `constraints`). */
      readonly indexes?: readonly IndexDefinition[];
      /** MySQL/MariaDB table options after the column list (`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4` …). */
      readonly options?: readonly TableOption[];
      /** `CREATE TABLE … AS SELECT` / `LIKE`: columns are not listed. */
      readonly fromQuery: boolean;
    }
  | {
      readonly kind: 'alter-table';
      readonly table: ObjectName;
      readonly ifExists: boolean;
      readonly actions: readonly AlterTableAction[];
      /** MySQL/MariaDB only: `ALGORITHM=` / `LOCK=` (they are clauses, not actions). */
      readonly onlineDdl?: OnlineDdlClauses;
    }
  | {
      readonly kind: 'create-index';
      readonly name: ObjectName | undefined;
      readonly table: ObjectName;
      readonly unique: boolean;
      readonly concurrently: boolean;
      readonly ifNotExists: boolean;
      readonly method: string;
      readonly elements: readonly IndexElement[];
      readonly where: Expression | undefined;
      /** `INCLUDE (…)` columns. */
      readonly include?: readonly string[];
      /** `ON ONLY t`: a partitioned table's index without building it on the partitions. */
      readonly only?: boolean;
      /** Range of the `INDEX` keyword, where `CONCURRENTLY` is inserted. */
      readonly indexKeywordRange: TextRange;
      /** Offset of the index name (after `INDEX [CONCURRENTLY]`), where `IF NOT EXISTS ` goes; undefined for an unnamed index. */
      readonly ifNotExistsInsertAt: number | undefined;
      /** MySQL/MariaDB only: `ALGORITHM=` / `LOCK=`. */
      readonly onlineDdl?: OnlineDdlClauses;
    }
  | {
      readonly kind: 'drop';
      readonly objectKind: DropObjectKind;
      readonly names: readonly ObjectName[];
      readonly ifExists: boolean;
      readonly cascade: boolean;
      readonly concurrently: boolean;
      /** Range of the object-kind keyword(s) (`INDEX`), where `CONCURRENTLY` goes. */
      readonly kindKeywordRange: TextRange;
      /** Offset of the first name (after the kind keywords and `CONCURRENTLY`), where `IF EXISTS ` goes; undefined when not found. */
      readonly ifExistsInsertAt: number | undefined;
      /** For `DROP TRIGGER … ON t` (and rules, policies), MySQL's `DROP INDEX i ON t`: the table the object belongs to. */
      readonly onTable?: ObjectName;
      /** MySQL/MariaDB `DROP INDEX … ALGORITHM=… LOCK=…`. */
      readonly onlineDdl?: OnlineDdlClauses;
      /** MySQL/MariaDB `DROP TEMPORARY TABLE`: only this session's temporary table. */
      readonly temporary?: boolean;
    }
  | { readonly kind: 'rename-object'; readonly objectKind: DropObjectKind; readonly name: ObjectName; readonly to: string }
  /** `ALTER TYPE|SEQUENCE|VIEW … SET SCHEMA s` (tables: an ALTER TABLE `set-schema` action). */
  | { readonly kind: 'set-object-schema'; readonly objectKind: DropObjectKind; readonly name: ObjectName; readonly schema: string }
  /**
   * `SET name = value`. MySQL/MariaDB: the variable without `@@` and scope (`lock_wait_timeout`), one
   * statement per assignment of a multi-assignment SET; `global` for `SET GLOBAL` (not this session).
   */
  | {
      readonly kind: 'set';
      readonly name: string;
      readonly value: string | undefined;
      readonly local: boolean;
      readonly global?: boolean;
      /** MySQL/MariaDB `SET NAMES cs [COLLATE c]` / `SET CHARACTER SET cs` only: the names as written, with their ranges. */
      readonly charset?: NamedOption;
      readonly collation?: NamedOption;
    }
  | { readonly kind: 'reset'; readonly name: string | undefined }
  | { readonly kind: 'transaction'; readonly action: TransactionAction }
  /** `shape`: INSERT … SELECT only, the SELECT's. */
  | { readonly kind: 'insert'; readonly table: ObjectName; readonly fromQuery: boolean; readonly shape?: QueryShape }
  /** `limited`: MySQL's `UPDATE|DELETE … LIMIT n`, a batch of at most n rows. */
  | { readonly kind: 'update'; readonly table: ObjectName; readonly hasWhere: boolean; readonly limited?: boolean; readonly shape?: QueryShape }
  | { readonly kind: 'delete'; readonly table: ObjectName; readonly hasWhere: boolean; readonly limited?: boolean; readonly shape?: QueryShape }
  | {
      readonly kind: 'select';
      /** Absent for set operations (UNION …) and VALUES lists. */
      readonly shape?: QueryShape;
      /** A SELECT that changes something: row locks (`FOR UPDATE/SHARE`), a data-modifying CTE, or `SELECT … INTO` a new table. */
      readonly writes?: SelectWrites;
    }
  | { readonly kind: 'truncate'; readonly tables: readonly ObjectName[]; readonly cascade: boolean }
  | {
      readonly kind: 'reindex';
      readonly target: 'index' | 'table' | 'schema' | 'database' | 'system';
      readonly name: ObjectName | undefined;
      readonly concurrently: boolean;
      readonly reindexKeywordRange: TextRange;
    }
  | {
      readonly kind: 'refresh-materialized-view';
      readonly name: ObjectName;
      readonly concurrently: boolean;
      readonly viewKeywordRange: TextRange;
      /** `WITH NO DATA`: empties the view instead of refilling it. */
      readonly withNoData?: boolean;
    }
  | { readonly kind: 'vacuum'; readonly full: boolean; readonly tables: readonly ObjectName[] }
  | { readonly kind: 'cluster'; readonly table: ObjectName | undefined }
  | {
      readonly kind: 'alter-enum-add-value';
      readonly type: ObjectName;
      readonly value: string;
      readonly positioned: boolean;
      /** `BEFORE 'x'` / `AFTER 'x'`: where the value goes. */
      readonly neighbor?: { readonly value: string; readonly after: boolean };
      readonly ifNotExists: boolean;
    }
  | { readonly kind: 'alter-enum-rename-value'; readonly type: ObjectName; readonly from: string; readonly to: string }
  | { readonly kind: 'create-trigger'; readonly table: ObjectName; readonly name: string }
  | {
      readonly kind: 'create-other';
      readonly objectKind: 'view' | 'materialized-view' | 'type' | 'function' | 'sequence' | 'schema' | 'extension' | 'other';
      readonly name: ObjectName | undefined;
      /** Schema, sequence and extension only (the kinds with `IF NOT EXISTS`): whether it was written. */
      readonly ifNotExists?: boolean;
      /** Where `IF NOT EXISTS ` goes, when the statement can take it (not `CREATE SCHEMA` with schema elements). */
      readonly ifNotExistsInsertAt?: number;
      /** Sequence only: `CREATE TEMPORARY SEQUENCE` (gone when the session ends). */
      readonly temporary?: boolean;
      /** Enum types only: the labels in order. */
      readonly enumValues?: readonly string[];
      /** The object's keyword when `objectKind` stands for several: MySQL's `PROCEDURE` (a function here), `EVENT` (other). */
      readonly keyword?: string;
      /** Views and materialized views only: the relations and column names the query reads. */
      readonly reads?: { readonly relations: readonly ObjectName[]; readonly columns: readonly string[] };
      /** MySQL/MariaDB `CREATE DATABASE|SCHEMA` only: its options (`[DEFAULT] CHARACTER SET`, `COLLATE` …), read as table options. */
      readonly options?: readonly TableOption[];
    }
  | { readonly kind: 'other'; readonly nodeType: string };

export type StatementKind = StatementBody['kind'];

/** An identifier longer than the server keeps: PostgreSQL silently cuts names to 63 bytes (NAMEDATALEN - 1). */
export interface TruncatedIdentifier {
  /** As written (unquoted names folded to lower case). */
  readonly written: string;
  /** What the server keeps, and what the statement's other name fields hold. */
  readonly kept: string;
  readonly range: TextRange;
}

/** A MySQL/MariaDB table option: `ENGINE=InnoDB`, `DEFAULT CHARSET=utf8mb4`, `AUTO_INCREMENT=5` … */
export interface TableOption {
  /** Lower-cased, `DEFAULT` and `=` dropped, synonyms joined: `engine`, `charset`, `collate`, `auto_increment`, `row_format`, `comment` … */
  readonly name: string;
  /** The value, unquoted (names lower-cased). */
  readonly value: NamedOption;
  readonly range: TextRange;
}

export interface StatementCommon {
  readonly dialect: Dialect;
  /** The statement, from its first token through its terminator. */
  readonly range: TextRange;
  readonly text: string;
  /** Every identifier token the server truncates, in order; absent when there is none. */
  readonly truncatedIdentifiers?: readonly TruncatedIdentifier[];
  /** The front-end's AST for dialect-specific needs; rules must not read it. */
  readonly raw: unknown;
}

export type Statement = StatementCommon & StatementBody;

export type StatementOf<K extends StatementKind> = StatementCommon & Extract<StatementBody, { kind: K }>;
