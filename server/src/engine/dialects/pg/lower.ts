// Lowers one libpg-query statement node into the dialect-neutral statement model.
// Unknown statements become `other` with their node type; lowering never throws on a parsed AST.
import type { Node, ObjectType, RangeVar } from '@pgsql/types';
import type { DropObjectKind, Expression, ObjectName, QueryShape, StatementBody, StatementCommon, TextRange, TransactionAction } from '../../model';
import { collectNodes, nodeAs, nodeType, qualifiedName, relationName, stringValues } from './ast';
import { lowerAlterTable, lowerCreateTable, lowerRename } from './lower-table';
import { noStopWords, type LoweringContext } from './lowering-context';
import { lowerQueryShape, selectWrites } from './query-shape';
import { findWord } from './tokens';

const dropKinds: Partial<Record<ObjectType, DropObjectKind>> = {
  OBJECT_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized-view',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_SCHEMA: 'schema',
  OBJECT_DATABASE: 'database',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_TRIGGER: 'trigger',
  OBJECT_EXTENSION: 'extension',
};

const transactionActions: Record<string, TransactionAction> = {
  TRANS_STMT_BEGIN: 'begin',
  TRANS_STMT_START: 'begin',
  TRANS_STMT_COMMIT: 'commit',
  TRANS_STMT_ROLLBACK: 'rollback',
  TRANS_STMT_SAVEPOINT: 'savepoint',
  TRANS_STMT_RELEASE: 'release',
  TRANS_STMT_ROLLBACK_TO: 'rollback-to',
  TRANS_STMT_PREPARE: 'prepare',
};

const reindexTargets = {
  REINDEX_OBJECT_INDEX: 'index',
  REINDEX_OBJECT_TABLE: 'table',
  REINDEX_OBJECT_SCHEMA: 'schema',
  REINDEX_OBJECT_SYSTEM: 'system',
  REINDEX_OBJECT_DATABASE: 'database',
} as const;

function relationObject(context: LoweringContext, relation: RangeVar | undefined): ObjectName {
  const name = relationName(relation);
  return context.objectName(name.schema, name.name, name.location);
}

/** Range of a keyword in the statement, or the statement start when it is missing. */
function keywordRange(context: LoweringContext, word: string, after = 0): TextRange {
  const token = findWord(context.tokens, word, after);
  return token ? context.localRange(token.start, token.end) : context.localRange(0, 0);
}

/**
 * File offset of the token after the keyword `word` (one of the statement's first `within` tokens),
 * past any of the `skip` words: where a clause such as `IF EXISTS ` is inserted.
 */
function offsetAfterKeyword(context: LoweringContext, word: string, skip: readonly string[] = [], within = 3): number | undefined {
  const tokens = context.tokens;
  for (let index = 0; index < Math.min(within, tokens.length); index++) {
    if (tokens[index]?.kind !== 'word' || tokens[index]?.value !== word) continue;
    let next = index + 1;
    while (tokens[next]?.kind === 'word' && skip.includes(tokens[next]?.value ?? '')) next++;
    const token = tokens[next];
    return token ? context.base + token.start : undefined;
  }
  return undefined;
}

function hasOption(options: readonly Node[] | undefined, name: string): boolean {
  return (options ?? []).some((option) => nodeAs(option, 'DefElem')?.defname === name);
}

/** PostgreSQL keeps the first NAMEDATALEN - 1 = 63 bytes of an identifier (scan.l, truncate_identifier). */
const maxIdentifierBytes = 63;
const utf8 = new TextEncoder();

/** Identifier tokens longer than the server keeps, with the name it keeps (cut on a character boundary). */
function truncatedIdentifiers(context: LoweringContext): StatementCommon['truncatedIdentifiers'] {
  const found: { written: string; kept: string; range: TextRange }[] = [];
  for (const token of context.tokens) {
    if (token.kind !== 'word' && token.kind !== 'quoted-identifier') continue;
    // A UTF-16 unit is at most 3 UTF-8 bytes: 21 units (plus quotes) cannot exceed 63 bytes.
    if (token.end - token.start <= 23) continue;
    // Unquoted identifiers fold ASCII letters only (downcase_identifier); token values are upper-cased.
    const written =
      token.kind === 'word' ? context.text.slice(token.start, token.end).replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : token.value;
    if (utf8.encode(written).length <= maxIdentifierBytes) continue;
    let kept = '';
    let bytes = 0;
    for (const character of written) {
      const size = utf8.encode(character).length;
      if (bytes + size > maxIdentifierBytes) break;
      kept += character;
      bytes += size;
    }
    found.push({ written, kept, range: context.localRange(token.start, token.end) });
  }
  return found.length > 0 ? found : undefined;
}

const namingKinds: ReadonlySet<StatementBody['kind']> = new Set([
  'create-table',
  'alter-table',
  'create-index',
  'create-other',
  'create-trigger',
  'rename-object',
]);

/** The statement's body plus the statement-wide facts the lowering finds on its tokens. */
export function lowerStatementNode(
  context: LoweringContext,
  node: Node,
  statementLength: number,
): StatementBody & Pick<StatementCommon, 'truncatedIdentifiers'> {
  const body = lowerStatementBody(context, node, statementLength);
  // Only statements that name new objects can have a name truncated; DML is skipped (and not tokenized).
  if (!namingKinds.has(body.kind)) return body;
  const truncated = truncatedIdentifiers(context);
  return truncated ? { ...body, truncatedIdentifiers: truncated } : body;
}

/** The body with its query shape, when there is one (the field is left out otherwise). */
function withShape<Body extends StatementBody>(body: Body, shape: QueryShape | undefined): Body {
  return shape ? { ...body, shape } : body;
}

function lowerStatementBody(context: LoweringContext, node: Node, statementLength: number): StatementBody {
  const create = nodeAs(node, 'CreateStmt');
  if (create) return lowerCreateTable(context, create);
  const alter = nodeAs(node, 'AlterTableStmt');
  if (alter) return alter.objtype === 'OBJECT_TABLE' ? lowerAlterTable(context, alter) : { kind: 'other', nodeType: 'AlterTableStmt' };
  const rename = nodeAs(node, 'RenameStmt');
  if (rename) return lowerRename(context, rename, statementLength) ?? lowerObjectRename(context, rename.renameType, rename);
  const index = nodeAs(node, 'IndexStmt');
  if (index) {
    return {
      kind: 'create-index',
      name: index.idxname ? { schema: undefined, name: index.idxname, range: keywordRange(context, 'INDEX') } : undefined,
      table: relationObject(context, index.relation),
      unique: index.unique ?? false,
      concurrently: index.concurrent ?? false,
      ifNotExists: index.if_not_exists ?? false,
      method: index.accessMethod ?? 'btree',
      elements: (index.indexParams ?? []).map((parameter) => {
        const element = nodeAs(parameter, 'IndexElem');
        return { column: element?.name, expression: element?.expr ? withoutIndexOptions(context.expression(element.expr, undefined, noStopWords)) : undefined };
      }),
      where: context.expression(index.whereClause, undefined, noStopWords),
      ...(index.relation?.inh === false ? { only: true } : {}),
      ...((index.indexIncludingParams?.length ?? 0) > 0
        ? { include: (index.indexIncludingParams ?? []).flatMap((parameter) => nodeAs(parameter, 'IndexElem')?.name ?? []) }
        : {}),
      indexKeywordRange: keywordRange(context, 'INDEX'),
      ifNotExistsInsertAt: index.idxname ? offsetAfterKeyword(context, 'INDEX', ['CONCURRENTLY']) : undefined,
    };
  }
  const drop = nodeAs(node, 'DropStmt');
  if (drop) {
    const objectKind = dropKinds[drop.removeType ?? 'OBJECT_TABLE'] ?? 'other';
    const whole = context.localRange(0, statementLength);
    // `DROP TRIGGER t ON s.tbl` arrives as the list [s, tbl, t]: the last part names the trigger.
    const onTableObject = drop.removeType === 'OBJECT_TRIGGER' || drop.removeType === 'OBJECT_RULE' || drop.removeType === 'OBJECT_POLICY';
    const parts = onTableObject ? stringValues(nodeAs(drop.objects?.[0], 'List')?.items) : [];
    const onTable = parts.length >= 2 ? { schema: parts.length > 2 ? parts.at(-3) : undefined, name: parts.at(-2) ?? '', range: whole } : undefined;
    const names = (drop.objects ?? []).map((object) => {
      if (onTableObject) return { schema: undefined, name: parts.at(-1) ?? '', range: whole };
      // DROP TYPE and DROP DOMAIN name their objects as type names.
      const typeName = nodeAs(object, 'TypeName');
      return { ...qualifiedName(typeName ? { List: { items: typeName.names ?? [] } } : object), range: whole };
    });
    const kindWord = objectKind === 'materialized-view' ? 'VIEW' : (drop.removeType ?? 'OBJECT_TABLE').replace(/^OBJECT_/, '');
    return {
      kind: 'drop',
      objectKind,
      names,
      ifExists: drop.missing_ok ?? false,
      cascade: drop.behavior === 'DROP_CASCADE',
      concurrently: drop.concurrent ?? false,
      kindKeywordRange: keywordRange(context, kindWord),
      ifExistsInsertAt: offsetAfterKeyword(context, kindWord, ['CONCURRENTLY']),
      ...(onTable ? { onTable } : {}),
    };
  }
  const dropDatabase = nodeAs(node, 'DropdbStmt');
  if (dropDatabase) {
    return {
      kind: 'drop',
      objectKind: 'database',
      names: [{ schema: undefined, name: dropDatabase.dbname ?? '', range: context.localRange(0, statementLength) }],
      ifExists: dropDatabase.missing_ok ?? false,
      cascade: false,
      concurrently: false,
      kindKeywordRange: keywordRange(context, 'DATABASE'),
      ifExistsInsertAt: offsetAfterKeyword(context, 'DATABASE'),
    };
  }
  const set = nodeAs(node, 'VariableSetStmt');
  if (set) {
    if (set.kind === 'VAR_RESET' || set.kind === 'VAR_RESET_ALL') return { kind: 'reset', name: set.name };
    const values = (set.args ?? []).map((argument) => {
      const constant = nodeAs(argument, 'A_Const');
      if (constant?.sval) return constant.sval.sval ?? '';
      if (constant?.ival) return String(constant.ival.ival ?? 0);
      if (constant?.fval) return constant.fval.fval ?? '';
      return context.expression(argument)?.text ?? '';
    });
    return {
      kind: 'set',
      name: (set.name ?? '').toLowerCase(),
      value: set.kind === 'VAR_SET_DEFAULT' ? undefined : values.join(', '),
      local: set.is_local ?? false,
    };
  }
  const transaction = nodeAs(node, 'TransactionStmt');
  if (transaction) return { kind: 'transaction', action: transactionActions[transaction.kind ?? ''] ?? 'other' };
  const insert = nodeAs(node, 'InsertStmt');
  if (insert) {
    const fromQuery = nodeAs(insert.selectStmt, 'SelectStmt')?.valuesLists === undefined && insert.selectStmt !== undefined;
    return withShape({ kind: 'insert', table: relationObject(context, insert.relation), fromQuery }, fromQuery ? lowerQueryShape(node) : undefined);
  }
  const update = nodeAs(node, 'UpdateStmt');
  if (update) return withShape({ kind: 'update', table: relationObject(context, update.relation), hasWhere: update.whereClause !== undefined }, lowerQueryShape(node));
  const deletion = nodeAs(node, 'DeleteStmt');
  if (deletion) return withShape({ kind: 'delete', table: relationObject(context, deletion.relation), hasWhere: deletion.whereClause !== undefined }, lowerQueryShape(node));
  const select = nodeAs(node, 'SelectStmt');
  if (select) {
    const writes = selectWrites(select);
    return withShape({ kind: 'select', ...(writes ? { writes } : {}) }, lowerQueryShape(node));
  }
  const truncate = nodeAs(node, 'TruncateStmt');
  if (truncate) {
    return {
      kind: 'truncate',
      tables: (truncate.relations ?? []).map((relation) => relationObject(context, nodeAs(relation, 'RangeVar'))),
      cascade: truncate.behavior === 'DROP_CASCADE',
    };
  }
  const reindex = nodeAs(node, 'ReindexStmt');
  if (reindex) {
    const target = reindexTargets[reindex.kind ?? 'REINDEX_OBJECT_DATABASE'];
    return {
      kind: 'reindex',
      target,
      name: reindex.relation
        ? relationObject(context, reindex.relation)
        : reindex.name
          ? { schema: undefined, name: reindex.name, range: context.localRange(0, statementLength) }
          : undefined,
      concurrently: hasOption(reindex.params, 'concurrently'),
      reindexKeywordRange: keywordRange(context, target.toUpperCase()),
    };
  }
  const refresh = nodeAs(node, 'RefreshMatViewStmt');
  if (refresh) {
    return {
      kind: 'refresh-materialized-view',
      name: relationObject(context, refresh.relation),
      concurrently: refresh.concurrent ?? false,
      viewKeywordRange: keywordRange(context, 'VIEW'),
      withNoData: refresh.skipData ?? false,
    };
  }
  const vacuum = nodeAs(node, 'VacuumStmt');
  if (vacuum) {
    return {
      kind: 'vacuum',
      full: hasOption(vacuum.options, 'full'),
      tables: (vacuum.rels ?? []).map((relation) => relationObject(context, nodeAs(relation, 'VacuumRelation')?.relation)),
    };
  }
  const cluster = nodeAs(node, 'ClusterStmt');
  if (cluster) return { kind: 'cluster', table: cluster.relation ? relationObject(context, cluster.relation) : undefined };
  const alterEnum = nodeAs(node, 'AlterEnumStmt');
  if (alterEnum && alterEnum.newVal !== undefined) {
    const type = { ...qualifiedName({ List: { items: alterEnum.typeName ?? [] } }), range: context.localRange(0, statementLength) };
    if (alterEnum.oldVal !== undefined) return { kind: 'alter-enum-rename-value', type, from: alterEnum.oldVal, to: alterEnum.newVal };
    const neighbor = alterEnum.newValNeighbor;
    return {
      kind: 'alter-enum-add-value',
      type,
      value: alterEnum.newVal,
      positioned: neighbor !== undefined,
      ...(neighbor !== undefined ? { neighbor: { value: neighbor, after: alterEnum.newValIsAfter ?? false } } : {}),
      ifNotExists: alterEnum.skipIfNewValExists ?? false,
    };
  }
  const moveSchema = nodeAs(node, 'AlterObjectSchemaStmt');
  if (moveSchema?.objectType === 'OBJECT_TABLE' && moveSchema.relation) {
    const table = relationObject(context, moveSchema.relation);
    const range = context.localRange(0, statementLength);
    return { kind: 'alter-table', table, ifExists: moveSchema.missing_ok ?? false, actions: [{ kind: 'set-schema', range, schema: moveSchema.newschema ?? '' }] };
  }
  if (moveSchema) {
    const objectKind = dropKinds[moveSchema.objectType ?? 'OBJECT_TABLE'] ?? 'other';
    const name = moveSchema.relation ? relationObject(context, moveSchema.relation) : { ...qualifiedName(moveSchema.object), range: context.localRange(0, statementLength) };
    return { kind: 'set-object-schema', objectKind, name, schema: moveSchema.newschema ?? '' };
  }
  const trigger = nodeAs(node, 'CreateTrigStmt');
  if (trigger) return { kind: 'create-trigger', table: relationObject(context, trigger.relation), name: trigger.trigname ?? '' };
  return lowerOtherCreate(context, node, statementLength);
}

function lowerObjectRename(context: LoweringContext, renameType: ObjectType | undefined, rename: { relation?: RangeVar; object?: Node; newname?: string }): StatementBody {
  const objectKind = dropKinds[renameType ?? 'OBJECT_TABLE'] ?? 'other';
  const name = rename.relation ? relationObject(context, rename.relation) : { ...qualifiedName(rename.object), range: context.localRange(0, 0) };
  return { kind: 'rename-object', objectKind, name, to: rename.newname ?? '' };
}

function lowerOtherCreate(context: LoweringContext, node: Node, statementLength: number): StatementBody {
  const whole = context.localRange(0, statementLength);
  const named = (name: { schema: string | undefined; name: string }): ObjectName => ({ ...name, range: whole });
  const view = nodeAs(node, 'ViewStmt');
  if (view) return { kind: 'create-other', objectKind: 'view', name: relationObject(context, view.view), reads: queryReads(context, view.query) };
  const tableAs = nodeAs(node, 'CreateTableAsStmt');
  if (tableAs) {
    const target = relationObject(context, tableAs.into?.rel);
    if (tableAs.objtype === 'OBJECT_MATVIEW') {
      return { kind: 'create-other', objectKind: 'materialized-view', name: target, reads: queryReads(context, tableAs.query) };
    }
    return {
      kind: 'create-table',
      table: target,
      ifNotExists: tableAs.if_not_exists ?? false,
      temporary: tableAs.into?.rel?.relpersistence === 't',
      unlogged: tableAs.into?.rel?.relpersistence === 'u',
      columns: [],
      constraints: [],
      partitionOf: undefined,
      fromQuery: true,
    };
  }
  const enumType = nodeAs(node, 'CreateEnumStmt');
  if (enumType) {
    const name = named(qualifiedName({ List: { items: enumType.typeName ?? [] } }));
    return { kind: 'create-other', objectKind: 'type', name, enumValues: stringValues(enumType.vals) };
  }
  const compositeType = nodeAs(node, 'CompositeTypeStmt');
  if (compositeType) return { kind: 'create-other', objectKind: 'type', name: relationObject(context, compositeType.typevar) };
  const fn = nodeAs(node, 'CreateFunctionStmt');
  if (fn) return { kind: 'create-other', objectKind: 'function', name: named(qualifiedName({ List: { items: fn.funcname ?? [] } })) };
  const sequence = nodeAs(node, 'CreateSeqStmt');
  if (sequence) {
    const name = relationObject(context, sequence.sequence);
    return {
      kind: 'create-other',
      objectKind: 'sequence',
      name,
      ifNotExists: sequence.if_not_exists ?? false,
      ifNotExistsInsertAt: name.range.start,
      temporary: sequence.sequence?.relpersistence === 't',
    };
  }
  const schema = nodeAs(node, 'CreateSchemaStmt');
  if (schema) {
    return {
      kind: 'create-other',
      objectKind: 'schema',
      name: named({ schema: undefined, name: schema.schemaname ?? '' }),
      ifNotExists: schema.if_not_exists ?? false,
      // CREATE SCHEMA IF NOT EXISTS cannot include schema elements.
      ifNotExistsInsertAt: (schema.schemaElts?.length ?? 0) > 0 ? undefined : offsetAfterKeyword(context, 'SCHEMA'),
    };
  }
  const extension = nodeAs(node, 'CreateExtensionStmt');
  if (extension) {
    return {
      kind: 'create-other',
      objectKind: 'extension',
      name: named({ schema: undefined, name: extension.extname ?? '' }),
      ifNotExists: extension.if_not_exists ?? false,
      ifNotExistsInsertAt: offsetAfterKeyword(context, 'EXTENSION'),
    };
  }
  return { kind: 'other', nodeType: nodeType(node) };
}


/** Relations a view's query reads (common table expressions excluded) and the column names it mentions. */
function queryReads(context: LoweringContext, query: Node | undefined): { relations: ObjectName[]; columns: string[] } {
  const cteNames = new Set(collectNodes(query, 'CommonTableExpr').map((cte) => cte.ctename ?? ''));
  const relations = collectNodes(query, 'RangeVar')
    .filter((range) => range.schemaname !== undefined || !cteNames.has(range.relname ?? ''))
    .map((range) => relationObject(context, range));
  const columns = new Set<string>();
  for (const reference of collectNodes(query, 'ColumnRef')) {
    const last = stringValues(reference.fields).at(-1);
    if (last !== undefined) columns.add(last);
  }
  return { relations, columns: [...columns] };
}

/**
 * An index element's expression without what follows it in the element (`DESC`, `NULLS LAST`, an
 * operator class, `COLLATE`): a parenthesised expression or a function call ends at its closing paren.
 */
function withoutIndexOptions(expression: Expression | undefined): Expression | undefined {
  if (!expression) return undefined;
  const text = expression.text;
  const open = text.startsWith('(') ? 0 : /^[\w$."]+\s*\(/.exec(text)?.[0].length;
  if (open === undefined) return expression;
  let depth = 0;
  for (let index = text.startsWith('(') ? 0 : open - 1; index < text.length; index++) {
    const character = text[index];
    if (character === "'") index = text.indexOf("'", index + 1) < 0 ? text.length : text.indexOf("'", index + 1);
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) {
      const end = index + 1;
      return { ...expression, text: text.slice(0, end), range: { start: expression.range.start, end: expression.range.start + end } };
    }
  }
  return expression;
}
