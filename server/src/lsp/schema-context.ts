// The schema the editor's name features see for one document, and where its objects are in files:
// a stack of schema models searched in order (the migration's own effect first, then the model
// before it, then the final one), the text of migration files (open document or disk, LineIndex
// cached per text) and an object's definition narrowed from its statement to its name.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver';
import { LineIndex, type Origin, type SchemaColumn, type SchemaModel, type SchemaTable, type Statement, type TextRange } from '../engine';
import { readMigrationText } from '../io/migration-workspaces';
import { statementScope, type NameCatalog } from './sql-scope';

export interface FoundTable {
  readonly key: string;
  readonly table: SchemaTable;
  readonly model: SchemaModel;
}

export interface FoundColumn extends FoundTable {
  readonly column: SchemaColumn;
}

/** Models searched in order: the first that knows a name answers for it. */
export class SchemaLayers implements NameCatalog {
  readonly models: readonly SchemaModel[];

  constructor(models: readonly (SchemaModel | undefined)[]) {
    const unique: SchemaModel[] = [];
    for (const model of models) if (model && !unique.includes(model)) unique.push(model);
    this.models = unique;
  }

  table(key: string): FoundTable | undefined {
    for (const model of this.models) {
      const table = model.tables.get(key);
      if (table) return { key, table, model };
    }
    return undefined;
  }

  /** The first model whose table of that key has the column. */
  column(key: string, name: string): FoundColumn | undefined {
    for (const model of this.models) {
      const table = model.tables.get(key);
      const column = table?.columns.find((candidate) => candidate.name === name);
      if (table && column) return { key, table, model, column };
    }
    return undefined;
  }

  hasTable(key: string): boolean {
    return this.table(key) !== undefined;
  }

  hasColumn(key: string, name: string): boolean {
    return this.column(key, name) !== undefined;
  }

  hasSchema(name: string): boolean {
    return this.models.some((model) => model.schemas.has(name));
  }

  /** Every relation, the first model's version of each key. */
  relations(): FoundTable[] {
    const seen = new Map<string, FoundTable>();
    for (const model of this.models) {
      for (const [key, table] of model.tables) if (!seen.has(key)) seen.set(key, { key, table, model });
    }
    return [...seen.values()];
  }
}

/** An open document's URI and text, by path. */
export type OpenDocumentLookup = (path: string) => { readonly uri: string; readonly text: string } | undefined;

/**
 * Migration file texts and positions: an open document's text wins over the disk's. Disk reads are
 * cached by modification time and line indexes by text, so a references request over hundreds of
 * files reads each once.
 */
export class SourceFiles {
  private readonly disk = new Map<string, { readonly modified: number; readonly size: number; readonly text: string }>();
  private readonly lines = new Map<string, { readonly text: string; readonly index: LineIndex }>();

  constructor(private readonly openDocument: OpenDocumentLookup) {}

  text(path: string): string {
    const open = this.openDocument(path);
    if (open) return open.text;
    let modified = -1;
    let size = -1;
    try {
      const stats = statSync(path);
      modified = stats.mtimeMs;
      size = stats.size;
    } catch {
      return '';
    }
    const cached = this.disk.get(path);
    if (cached && cached.modified === modified && cached.size === size) return cached.text;
    const text = readMigrationText(path);
    this.disk.set(path, { modified, size, text });
    return text;
  }

  uri(path: string): string {
    return this.openDocument(path)?.uri ?? (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path);
  }

  private lineIndex(path: string): LineIndex {
    const text = this.text(path);
    const cached = this.lines.get(path);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.lines.set(path, { text, index });
    return index;
  }

  position(path: string, offset: number): Position {
    const position = this.lineIndex(path).positionAt(offset);
    return { line: position.line, character: position.column };
  }

  range(path: string, range: TextRange): Range {
    return { start: this.position(path, range.start), end: this.position(path, range.end) };
  }
}

/** The statement of a file that starts at the offset (origins record statement or clause starts). */
function statementAt(statements: readonly Statement[], offset: number): Statement | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const statement = statements[middle];
    if (!statement) break;
    if (offset < statement.range.start) high = middle - 1;
    else if (offset >= statement.range.end) low = middle + 1;
    else return statement;
  }
  return undefined;
}

export type DefinedObject = 'table' | 'column' | 'index' | 'enum';

/**
 * The name's range in the statement an origin points at (`users` in `CREATE TABLE users (…)`, `email`
 * in `ADD COLUMN email text`), or the origin's start when the statement is not at hand.
 */
export function definitionRange(origin: Origin, object: DefinedObject, statements: readonly Statement[]): TextRange {
  const fallback = { start: origin.range.start, end: origin.range.start };
  const statement = statementAt(statements, origin.range.start);
  if (!statement) return fallback;
  switch (statement.kind) {
    case 'create-table':
      if (object === 'column') {
        const column = statement.columns.find((candidate) => candidate.range.start === origin.range.start);
        if (column) return column.nameRange;
      }
      return statement.range.start === origin.range.start ? statement.table.range : fallback;
    case 'alter-table':
      for (const action of statement.actions) {
        if (action.kind === 'add-column' && action.column.range.start === origin.range.start) return action.column.nameRange;
      }
      return fallback;
    case 'create-index':
      return statement.range.start === origin.range.start ? (statement.name?.range ?? statement.table.range) : fallback;
    case 'create-other': {
      const name = statement.name;
      if (!name || statement.range.start !== origin.range.start) return fallback;
      if (name.range.start > statement.range.start || name.range.end < statement.range.end) return name.range;
      // Some names (enum types) carry the whole statement's range: find the name's token.
      const token = statementScope(statement).tokens.find((candidate, index) => index > 1 && candidate.name === name.name);
      return token ? { start: token.start, end: token.end } : fallback;
    }
    default:
      return fallback;
  }
}
