// Find references: walks a migration set's files in replay order and gives every table and column
// an identity that survives renames (`ALTER TABLE a RENAME TO b`, `RENAME COLUMN`, `SET SCHEMA`), so
// `a` before the rename and `b` after it are the same object, while a table dropped and created
// again under the same name is a new one. Names are found by the lexical scope of each statement
// (sql-scope.ts) plus the statement model's table names; effects come from the statement model.
import { qualifiedKey, type ObjectName, type Statement, type TextRange } from '../engine';
import { nameTokenAt, resolveToken, statementScope, type NameCatalog, type Resolution, type StatementScope } from './sql-scope';
import { isName } from './sql-tokens';

export interface WalkFile {
  readonly path: string;
  readonly statements: readonly Statement[];
  /** False for down migrations: linted against the model after their up migration, never replayed. */
  readonly replayed: boolean;
}

export interface Occurrence {
  readonly path: string;
  readonly range: TextRange;
  readonly table: number;
  /** Undefined for a mention of the table itself. */
  readonly column: number | undefined;
  /** The name that defines the object (`CREATE TABLE t`, a column definition). */
  readonly declaration: boolean;
  /** An alias standing for the table (`u` in `FROM users u`): a target, never listed. */
  readonly alias: boolean;
}

/** Identities of tables and columns as the walk goes: a key or column name maps to the object it names now. */
class Identities implements NameCatalog {
  private next = 1;
  private readonly tables = new Map<string, number>();
  private readonly columns = new Map<number, Map<string, number>>();

  hasTable(key: string): boolean {
    return this.tables.has(key);
  }

  hasColumn(key: string, column: string): boolean {
    const table = this.tables.get(key);
    return table !== undefined && (this.columns.get(table)?.has(column) ?? false);
  }

  /** The table a key names now; a table the migrations never created gets an identity when first named. */
  tableId(key: string): number {
    let id = this.tables.get(key);
    if (id === undefined) {
      id = this.next++;
      this.tables.set(key, id);
    }
    return id;
  }

  columnId(key: string, column: string): number {
    const table = this.tableId(key);
    let columns = this.columns.get(table);
    if (!columns) {
      columns = new Map();
      this.columns.set(table, columns);
    }
    let id = columns.get(column);
    if (id === undefined) {
      id = this.next++;
      columns.set(column, id);
    }
    return id;
  }

  create(key: string, columns: readonly string[]): void {
    const id = this.next++;
    this.tables.set(key, id);
    this.columns.set(id, new Map(columns.map((column) => [column, this.next++])));
  }

  columnNames(key: string): string[] {
    const table = this.tables.get(key);
    return table === undefined ? [] : [...(this.columns.get(table)?.keys() ?? [])];
  }

  addColumn(key: string, column: string): void {
    if (!this.hasColumn(key, column)) this.columnId(key, column);
  }

  dropColumn(key: string, column: string): void {
    const table = this.tables.get(key);
    if (table !== undefined) this.columns.get(table)?.delete(column);
  }

  renameColumn(key: string, from: string, to: string): void {
    const table = this.tables.get(key);
    const columns = table === undefined ? undefined : this.columns.get(table);
    const id = columns?.get(from);
    if (!columns || id === undefined) return;
    columns.delete(from);
    columns.set(to, id);
  }

  move(from: string, to: string): void {
    const id = this.tables.get(from);
    if (id === undefined || from === to) return;
    this.tables.delete(from);
    this.tables.set(to, id);
  }

  drop(key: string): void {
    this.tables.delete(key);
  }
}

function keyOf(name: Pick<ObjectName, 'schema' | 'name'>): string {
  return qualifiedKey(name.schema, name.name);
}

/** Tables the statement model names (parser-exact), for names the lexical scan may miss. */
function modelTableNames(statement: Statement): ObjectName[] {
  const references = (constraints: readonly { readonly references?: { readonly table: ObjectName } | undefined }[]): ObjectName[] =>
    constraints.flatMap((constraint) => (constraint.references ? [constraint.references.table] : []));
  switch (statement.kind) {
    case 'create-table':
      return [
        statement.table,
        ...(statement.partitionOf ? [statement.partitionOf] : []),
        ...references(statement.constraints),
        ...statement.columns.flatMap((column) => references(column.constraints)),
      ];
    case 'alter-table':
      return [
        statement.table,
        ...statement.actions.flatMap((action) => {
          if (action.kind === 'add-column') return references(action.column.constraints);
          if (action.kind === 'add-constraint') return references([action.constraint]);
          if (action.kind === 'attach-partition' || action.kind === 'detach-partition') return [action.partition];
          return [];
        }),
      ];
    case 'create-index':
    case 'insert':
    case 'update':
    case 'delete':
    case 'create-trigger':
      return [statement.table];
    case 'drop':
      return statement.objectKind === 'table' || statement.objectKind === 'view' || statement.objectKind === 'materialized-view' ? [...statement.names] : statement.onTable ? [statement.onTable] : [];
    case 'rename-object':
      return statement.objectKind === 'table' || statement.objectKind === 'view' || statement.objectKind === 'materialized-view' ? [statement.name] : [];
    case 'truncate':
    case 'vacuum':
      return [...statement.tables];
    case 'refresh-materialized-view':
      return [statement.name];
    case 'cluster':
      return statement.table ? [statement.table] : [];
    case 'create-other':
      return statement.objectKind === 'view' || statement.objectKind === 'materialized-view'
        ? [...(statement.name ? [statement.name] : []), ...(statement.reads?.relations ?? [])]
        : [];
    default:
      return [];
  }
}

/** Offsets where a name defines its object: the created table or view, column definitions. */
function declarationStarts(statement: Statement): Set<number> {
  const starts = new Set<number>();
  if (statement.kind === 'create-table') {
    starts.add(statement.table.range.start);
    for (const column of statement.columns) starts.add(column.nameRange.start);
  } else if (statement.kind === 'alter-table') {
    for (const action of statement.actions) if (action.kind === 'add-column') starts.add(action.column.nameRange.start);
  } else if (statement.kind === 'create-other' && statement.name && (statement.objectKind === 'view' || statement.objectKind === 'materialized-view')) {
    starts.add(statement.name.range.start);
  }
  return starts;
}

/** Objects a statement creates are known before its names are resolved (`CREATE TABLE t (…)` names the new `t`). */
function applyCreations(identities: Identities, statement: Statement): void {
  if (statement.kind === 'create-table') {
    const key = keyOf(statement.table);
    if (statement.temporary || (statement.ifNotExists && identities.hasTable(key))) return;
    const columns = statement.partitionOf ? identities.columnNames(keyOf(statement.partitionOf)) : statement.columns.map((column) => column.name);
    identities.create(key, columns);
  } else if (statement.kind === 'create-other' && statement.name && (statement.objectKind === 'view' || statement.objectKind === 'materialized-view')) {
    identities.create(keyOf(statement.name), []);
  }
}

/** Renames, drops and new columns, applied after the statement's names are resolved against the state before it. */
function applyEffects(identities: Identities, statement: Statement): void {
  switch (statement.kind) {
    case 'alter-table': {
      let schema = statement.table.schema;
      let name = statement.table.name;
      for (const action of statement.actions) {
        const key = qualifiedKey(schema, name);
        if (action.kind === 'add-column') identities.addColumn(key, action.column.name);
        else if (action.kind === 'drop-column') identities.dropColumn(key, action.column);
        else if (action.kind === 'rename-column') identities.renameColumn(key, action.from, action.to);
        else if (action.kind === 'rename-table' || action.kind === 'set-schema') {
          if (action.kind === 'rename-table') name = action.to;
          else schema = action.schema;
          identities.move(key, qualifiedKey(schema, name));
        }
      }
      return;
    }
    case 'rename-object':
      if (statement.objectKind === 'table' || statement.objectKind === 'view' || statement.objectKind === 'materialized-view') {
        identities.move(keyOf(statement.name), qualifiedKey(statement.name.schema, statement.to));
      }
      return;
    case 'drop':
      if (statement.objectKind === 'table' || statement.objectKind === 'view' || statement.objectKind === 'materialized-view') {
        for (const name of statement.names) identities.drop(keyOf(name));
      }
      return;
    default:
      return;
  }
}

export interface ReferenceTarget {
  readonly path: string;
  readonly offset: number;
}

export interface ReferencesResult {
  /** Every mention of the object under the cursor, in walk order; empty when the cursor is on no known name. */
  readonly occurrences: readonly Occurrence[];
}

/** The mentions of the table or column at `target`, across `files` (in replay order). */
export function findReferences(files: readonly WalkFile[], target: ReferenceTarget): ReferencesResult {
  const identities = new Identities();
  const all: Occurrence[] = [];
  let found: Occurrence | undefined;
  for (const file of files) {
    for (const statement of file.statements) {
      const isTarget = file.path === target.path && statement.range.start <= target.offset && target.offset <= statement.range.end;
      const scope = statementScope(statement);
      const targetIndex = isTarget ? nameTokenAt(scope, target.offset) : undefined;
      const targetToken = targetIndex === undefined ? undefined : scope.tokens[targetIndex];
      const declarations = declarationStarts(statement);
      const record = (occurrence: Occurrence): void => {
        all.push(occurrence);
        const hit = targetToken !== undefined && occurrence.range.start <= targetToken.start && targetToken.end <= occurrence.range.end;
        if (hit && !found) found = occurrence;
      };
      const recordResolution = (resolution: Resolution): void => {
        const declaration = declarations.has(resolution.range.start);
        if (resolution.kind === 'table') {
          record({ path: file.path, range: resolution.range, table: identities.tableId(resolution.key), column: undefined, declaration, alias: resolution.via === 'alias' });
        } else {
          const table = identities.tableId(resolution.table);
          record({ path: file.path, range: resolution.range, table, column: identities.columnId(resolution.table, resolution.column), declaration, alias: false });
        }
      };
      if (file.replayed) applyCreations(identities, statement);
      const resolved = resolveNames(scope, identities, recordResolution, new Set());
      const lexicalStarts = new Set(scope.sites.map((site) => site.range.start));
      for (const name of modelTableNames(statement)) {
        if (name.range.end <= name.range.start || lexicalStarts.has(name.range.start) || name.range.end - name.range.start >= statement.range.end - statement.range.start) continue;
        record({ path: file.path, range: name.range, table: identities.tableId(keyOf(name)), column: undefined, declaration: declarations.has(name.range.start), alias: false });
      }
      if (file.replayed) applyEffects(identities, statement);
      // Names only the statement's effect explains: the new name in `RENAME TO b`, an added column.
      resolveNames(scope, identities, recordResolution, resolved);
    }
  }
  if (!found) return { occurrences: [] };
  const wanted = found;
  return { occurrences: all.filter((occurrence) => occurrence.table === wanted.table && occurrence.column === wanted.column) };
}

/** Resolves every name token not in `skip`; returns the tokens resolved (with `skip`). */
function resolveNames(scope: StatementScope, catalog: NameCatalog, record: (resolution: Resolution) => void, skip: Set<number>): Set<number> {
  for (const [index, token] of scope.tokens.entries()) {
    if (skip.has(index) || !isName(token)) continue;
    const resolution = resolveToken(scope, index, catalog);
    if (!resolution) continue;
    skip.add(index);
    record(resolution);
    // A qualified table name is one mention: skip its other tokens.
    if (resolution.kind === 'table') for (const site of scope.sites) if (site.first <= index && index <= site.last) for (let part = site.first; part <= site.last; part++) skip.add(part);
  }
  return skip;
}
