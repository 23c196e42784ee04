// The schema-aware name features of the language server: hover on a table or column, go to
// definition, find references across migrations, workspace symbols and completion. Each request
// reads the cached workspace model (SchemaWorkspace) and the document's cached analysis; nothing
// here parses the workspace again. For a migration the model is the one as of that file (what the
// file created included), falling back to the model before it and to the final one; any other file
// sees its own statements, then the final model of the nearest migration set.
import { basename, relative, sep } from 'node:path';
import { SymbolKind, type CompletionItem, type Location, type SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceSchema, type FileAnalysis, type MigrationSet, type Origin, type SchemaModel, type Statement, type TextRange } from '../engine';
import { schemaCompletions, type CompletionData } from './completion';
import { definitionRange, SchemaLayers, SourceFiles, type DefinedObject } from './schema-context';
import { columnMarkdown, tableMarkdown, type OriginLink } from './schema-hover';
import { findReferences, type WalkFile } from './schema-references';
import type { SchemaWorkspace } from './schema-workspace';
import { buildScope, nameTokenAt, resolveToken, statementScope, type Resolution, type StatementScope } from './sql-scope';
import { tokenize } from './sql-tokens';

/** What the features need from the server. */
export interface SchemaFeatureHost {
  schemaWorkspace(): SchemaWorkspace | undefined;
  /** The analysis of the document's current version (computed if stale). */
  analysisOf(document: TextDocument): FileAnalysis | undefined;
  documents(): readonly TextDocument[];
  pathOf(uri: string): string;
}

interface DocumentContext {
  readonly document: TextDocument;
  readonly path: string;
  readonly analysis: FileAnalysis;
  readonly layers: SchemaLayers;
  /** The migration set's model the document belongs to or sits nearest. */
  readonly workspace: WorkspaceSchema | undefined;
  /** The set, when the document is one of its migrations. */
  readonly set: MigrationSet | undefined;
}

export interface SchemaHover {
  readonly markdown: string;
  readonly range: TextRange;
}

export class SchemaFeatures {
  readonly files: SourceFiles;
  /** A non-migration document's own statements replayed, per analysis (one per document version). */
  private readonly ownModels = new WeakMap<FileAnalysis, SchemaModel>();

  constructor(private readonly host: SchemaFeatureHost) {
    this.files = new SourceFiles((path) => {
      const document = this.openDocument(path);
      return document ? { uri: document.uri, text: document.getText() } : undefined;
    });
  }

  private openDocument(path: string): TextDocument | undefined {
    return this.host.documents().find((document) => this.host.pathOf(document.uri) === path);
  }

  /** Gives the model every open migration's latest text, so a change not yet analysed (debounce) already counts. */
  private syncOpenMigrations(schemaWorkspace: SchemaWorkspace): void {
    for (const document of this.host.documents()) {
      const path = this.host.pathOf(document.uri);
      if (schemaWorkspace.setOf(path)) schemaWorkspace.update(path, document.getText());
    }
  }

  private context(document: TextDocument): DocumentContext | undefined {
    const analysis = this.host.analysisOf(document);
    if (!analysis) return undefined;
    const path = this.host.pathOf(document.uri);
    const schemaWorkspace = this.host.schemaWorkspace();
    if (schemaWorkspace) this.syncOpenMigrations(schemaWorkspace);
    const workspace = schemaWorkspace?.workspaceFor(path);
    const set = schemaWorkspace?.setOf(path);
    if (workspace && set && workspace.has(path)) {
      const layers = new SchemaLayers([modelAfter(workspace, set, path), workspace.before(path)?.schema, workspace.final()]);
      return { document, path, analysis, layers, workspace, set };
    }
    return { document, path, analysis, layers: new SchemaLayers([this.ownModel(path, analysis), workspace?.final()]), workspace, set: undefined };
  }

  /** The document's statements applied to an empty model (its down sections left out). */
  private ownModel(path: string, analysis: FileAnalysis): SchemaModel {
    const known = this.ownModels.get(analysis);
    if (known) return known;
    const down = analysis.sections.filter((section) => section.kind === 'down');
    const statements = analysis.statements.filter((statement) => !down.some((section) => section.range.start <= statement.range.start && statement.range.start < section.range.end));
    const workspace = new WorkspaceSchema('postgres', () => [...statements]);
    workspace.setMigrations([{ path, role: 'up' }], () => analysis.text);
    const model = workspace.final();
    this.ownModels.set(analysis, model);
    return model;
  }

  /** The statements of a file as the model replayed them (for narrowing origins to names). */
  private statementsOf(path: string): readonly Statement[] {
    const workspace = this.host.schemaWorkspace()?.workspaceFor(path);
    if (workspace?.has(path)) return workspace.statementsOf(path);
    const document = this.openDocument(path);
    return (document && this.host.analysisOf(document)?.statements) ?? [];
  }

  /**
   * The statement around `offset`: the analysed one (also an unterminated one the cursor is typing
   * on at its end: `SELECT * FROM |`), or the text between semicolons when it does not parse.
   */
  private scopeAt(context: DocumentContext, offset: number): StatementScope {
    const statements = context.analysis.statements;
    const text = context.analysis.text;
    const containing = statements.find(
      (statement) =>
        statement.range.start <= offset &&
        (offset < statement.range.end || (!statement.text.trimEnd().endsWith(';') && text.slice(statement.range.end, offset).trim() === '')),
    );
    if (containing && offset < containing.range.end) return statementScope(containing);
    const dialect = context.analysis.settings.dialect;
    if (containing) {
      // The statement's own tokens plus whatever follows up to the cursor (only whitespace).
      return buildScope(tokenize(text, containing.range.start, offset, dialect), dialect);
    }
    let from = 0;
    let to = text.length;
    for (const statement of statements) {
      if (statement.range.end <= offset) from = Math.max(from, statement.range.end);
      else if (statement.range.start > offset) {
        to = statement.range.start;
        break;
      }
    }
    const tokens = tokenize(text, from, to, dialect);
    let first = 0;
    let last = tokens.length;
    for (const [index, token] of tokens.entries()) {
      if (token.kind !== 'punct' || token.keyword !== ';') continue;
      if (token.end <= offset) first = index + 1;
      else {
        last = index;
        break;
      }
    }
    return buildScope(tokens.slice(first, last), dialect);
  }

  private resolve(context: DocumentContext, offset: number): Resolution | undefined {
    const scope = this.scopeAt(context, offset);
    const index = nameTokenAt(scope, offset);
    return index === undefined ? undefined : resolveToken(scope, index, context.layers);
  }

  /** A file's name for links and messages: relative to its migration folder, else the file name. */
  private displayPath(path: string): string {
    const set = this.host.schemaWorkspace()?.setOf(path);
    if (set && path.startsWith(set.folder + sep)) return relative(set.folder, path).split(sep).join('/');
    return basename(path);
  }

  private originLocation(origin: Origin, object: DefinedObject): Location {
    const range = definitionRange(origin, object, this.statementsOf(origin.path));
    return { uri: this.files.uri(origin.path), range: this.files.range(origin.path, range) };
  }

  private readonly link: OriginLink = (origin, object) => {
    const location = this.originLocation(origin, object);
    const line = location.range.start.line + 1;
    const label = `${this.displayPath(origin.path)}:${line}`.replace(/[[\]\\]/g, (char) => `\\${char}`);
    return `[${label}](${location.uri}#L${line})`;
  };

  private describeTable(context: DocumentContext, key: string): string | undefined {
    const found = context.layers.table(key);
    return found && tableMarkdown(found, this.link);
  }

  private describeColumn(context: DocumentContext, table: string, column: string): string | undefined {
    const found = context.layers.column(table, column);
    return found && columnMarkdown(found, this.link);
  }

  hover(document: TextDocument, offset: number): SchemaHover | undefined {
    const context = this.context(document);
    const resolution = context && this.resolve(context, offset);
    if (!context || !resolution) return undefined;
    const markdown = resolution.kind === 'table' ? this.describeTable(context, resolution.key) : this.describeColumn(context, resolution.table, resolution.column);
    return markdown === undefined ? undefined : { markdown, range: resolution.range };
  }

  definition(document: TextDocument, offset: number): Location[] {
    const context = this.context(document);
    const resolution = context && this.resolve(context, offset);
    if (!context || !resolution) return [];
    if (resolution.kind === 'table') {
      const found = context.layers.table(resolution.key);
      return found ? [this.originLocation(found.table.definedAt, 'table')] : [];
    }
    const found = context.layers.column(resolution.table, resolution.column);
    return found ? [this.originLocation(found.column.definedAt, 'column')] : [];
  }

  references(document: TextDocument, offset: number, includeDeclaration: boolean): Location[] {
    const context = this.context(document);
    if (!context) return [];
    const files: WalkFile[] = [];
    const set = context.set ?? this.host.schemaWorkspace()?.setOf(context.path);
    if (context.workspace) {
      const roles = new Map((set?.files ?? []).map((file) => [file.path, file.role]));
      for (const path of context.workspace.paths) files.push({ path, statements: context.workspace.statementsOf(path), replayed: roles.get(path) !== 'down' });
    }
    if (!files.some((file) => file.path === context.path)) files.push({ path: context.path, statements: context.analysis.statements, replayed: true });
    const { occurrences } = findReferences(files, { path: context.path, offset });
    const seen = new Set<string>();
    const locations: Location[] = [];
    for (const occurrence of occurrences) {
      if (occurrence.alias || (!includeDeclaration && occurrence.declaration)) continue;
      const id = `${occurrence.path}\u0000${occurrence.range.start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      locations.push({ uri: this.files.uri(occurrence.path), range: this.files.range(occurrence.path, occurrence.range) });
    }
    return locations;
  }

  /** Tables, views, indexes and enum types of every migration set's final model whose name matches the query. */
  workspaceSymbols(query: string, limit = 2000): SymbolInformation[] {
    const schemaWorkspace = this.host.schemaWorkspace();
    if (!schemaWorkspace) return [];
    const symbols: SymbolInformation[] = [];
    const add = (name: string, kind: SymbolKind, origin: Origin, object: DefinedObject, containerName: string | undefined): void => {
      if (symbols.length >= limit || !fuzzyMatch(query, name)) return;
      symbols.push({ name, kind, location: this.originLocation(origin, object), ...(containerName ? { containerName } : {}) });
    };
    for (const set of schemaWorkspace.sets) {
      const first = set.files[0];
      const model = first && schemaWorkspace.workspaceFor(first.path)?.final();
      if (!model) continue;
      for (const table of model.tables.values()) {
        add(table.name, table.kind === 'table' ? SymbolKind.Struct : SymbolKind.Interface, table.definedAt, 'table', table.schema);
      }
      for (const index of model.indexes.values()) add(index.name, SymbolKind.Key, index.definedAt, 'index', `on ${index.table}`);
      for (const type of model.enums.values()) add(type.name, SymbolKind.Enum, type.definedAt, 'enum', type.schema);
    }
    return symbols;
  }

  completion(document: TextDocument, offset: number): CompletionItem[] {
    const context = this.context(document);
    if (!context) return [];
    return schemaCompletions(this.scopeAt(context, offset), offset, context.layers, document.uri);
  }

  /** Adds the documentation of a completion item (a table's or column's hover). */
  resolveCompletion(item: CompletionItem, documentFor: (uri: string) => TextDocument | undefined): CompletionItem {
    const data = item.data as Partial<CompletionData> | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.table !== 'string') return item;
    const document = documentFor(data.uri);
    const context = document && this.context(document);
    if (!context) return item;
    const markdown = typeof data.column === 'string' ? this.describeColumn(context, data.table, data.column) : this.describeTable(context, data.table);
    return markdown ? { ...item, documentation: { kind: 'markdown', value: markdown } } : item;
  }
}

/** The model after a migration: before the file that follows it, or the final one. A down migration sees its up's effect. */
function modelAfter(workspace: WorkspaceSchema, set: MigrationSet, path: string): SchemaModel | undefined {
  if (set.files.find((file) => file.path === path)?.role === 'down') return workspace.before(path)?.schema;
  const paths = workspace.paths;
  const next = paths[paths.indexOf(path) + 1];
  return next === undefined ? workspace.final() : workspace.before(next)?.schema;
}

/** Case-insensitive: the query's characters appear in the name in order (`usem` matches `users_email`). */
export function fuzzyMatch(query: string, name: string): boolean {
  const wanted = query.toLowerCase();
  const text = name.toLowerCase();
  let position = 0;
  for (const char of wanted) {
    position = text.indexOf(char, position);
    if (position < 0) return false;
    position++;
  }
  return true;
}
