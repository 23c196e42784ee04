// Lowers PostgreSQL CREATE TABLE / ALTER TABLE / RENAME into the statement model: columns,
// constraints and ALTER actions with exact ranges.
import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateStmt, Node, RenameStmt } from '@pgsql/types';
import type { AlterTableAction, ColumnDefinition, StatementBody, TableConstraint, TextRange } from '../../model';
import { nodeAs, nodeType, relationName, stringValues } from './ast';
import { noStopWords, type LoweringContext } from './lowering-context';
import { elementEnd, tokenIndexAt } from './tokens';
import { lowerTypeName } from './types';

const columnClauseWords = new Set([
  'NOT', 'NULL', 'CONSTRAINT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'CHECK', 'DEFAULT', 'GENERATED', 'COLLATE',
  'DEFERRABLE', 'INITIALLY',
]);

const deleteActions: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

export function lowerCreateTable(context: LoweringContext, create: CreateStmt): StatementBody {
  const relation = relationName(create.relation);
  const columns: ColumnDefinition[] = [];
  const constraints: TableConstraint[] = [];
  for (const element of create.tableElts ?? []) {
    const column = nodeAs(element, 'ColumnDef');
    const constraint = nodeAs(element, 'Constraint');
    if (column) columns.push(lowerColumn(context, column, context.elementRange(column.location)));
    else if (constraint) constraints.push(lowerConstraint(context, constraint, [], context.elementRange(constraint.location)));
  }
  const parent = nodeAs(create.inhRelations?.[0], 'RangeVar');
  const partitionParent = create.partbound && parent ? relationName(parent) : undefined;
  const inherits = create.partbound
    ? []
    : (create.inhRelations ?? []).flatMap((node) => {
        const range = nodeAs(node, 'RangeVar');
        if (!range) return [];
        const name = relationName(range);
        return [context.objectName(name.schema, name.name, name.location)];
      });
  return {
    kind: 'create-table',
    table: context.objectName(relation.schema, relation.name, relation.location),
    ifNotExists: create.if_not_exists ?? false,
    temporary: create.relation?.relpersistence === 't',
    unlogged: create.relation?.relpersistence === 'u',
    columns,
    constraints,
    partitionOf: partitionParent
      ? context.objectName(partitionParent.schema, partitionParent.name, partitionParent.location)
      : undefined,
    ...(inherits.length > 0 ? { inherits } : {}),
    fromQuery: (create.tableElts ?? []).some((element) => nodeType(element) === 'TableLikeClause'),
  };
}

export function lowerColumn(context: LoweringContext, column: ColumnDef, columnRange: TextRange): ColumnDefinition {
  const name = column.colname ?? '';
  let notNull = column.is_not_null ?? false;
  let defaultValue: ColumnDefinition['default'];
  let identity = column.identity !== undefined && column.identity !== '';
  let generated: ColumnDefinition['generated'];
  let primaryKey = false;
  let unique = false;
  const constraints: TableConstraint[] = [];
  for (const node of column.constraints ?? []) {
    const constraint = nodeAs(node, 'Constraint');
    if (!constraint) continue;
    switch (constraint.contype) {
      case 'CONSTR_NOTNULL':
        notNull = true;
        break;
      case 'CONSTR_DEFAULT':
        defaultValue = context.expression(constraint.raw_expr, constraint.location);
        break;
      case 'CONSTR_IDENTITY':
        identity = true;
        break;
      case 'CONSTR_GENERATED':
        generated = { stored: constraint.generated_kind !== 'v' };
        break;
      case 'CONSTR_PRIMARY':
      case 'CONSTR_UNIQUE':
      case 'CONSTR_FOREIGN':
      case 'CONSTR_CHECK':
        if (constraint.contype === 'CONSTR_PRIMARY') primaryKey = true;
        if (constraint.contype === 'CONSTR_UNIQUE') unique = true;
        constraints.push(lowerConstraint(context, constraint, [name], inlineConstraintRange(context, constraint.location)));
        break;
      default:
        break;
    }
  }
  const nameRange = context.tokenRange(column.location);
  return {
    name,
    nameRange,
    range: columnRange,
    type: lowerTypeName(context, column.typeName),
    notNull: notNull || primaryKey,
    default: defaultValue,
    identity,
    generated,
    primaryKey,
    unique,
    autoIncrement: false,
    constraints,
  };
}

/** An inline constraint ends where the next column clause starts (its own leading words excepted). */
function inlineConstraintRange(context: LoweringContext, byteLocation: number | undefined): TextRange {
  const start = context.offset(byteLocation) - context.base;
  const tokens = context.tokens;
  const index = tokenIndexAt(tokens, start);
  // `CONSTRAINT name` and the clause's own keyword (`REFERENCES`, `CHECK` …) are part of it.
  const clauseStart = tokens[index]?.value === 'CONSTRAINT' ? index + 2 : index;
  const end = elementEnd(tokens, clauseStart, columnClauseWords);
  return context.localRange(start, Math.max(start, end));
}

const constraintKinds: Partial<Record<string, TableConstraint['kind']>> = {
  CONSTR_PRIMARY: 'primary-key',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreign-key',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclusion',
  CONSTR_NOTNULL: 'not-null',
};

export function lowerConstraint(
  context: LoweringContext,
  constraint: Constraint,
  inlineColumns: readonly string[],
  constraintRange: TextRange,
): TableConstraint {
  const kind = constraintKinds[constraint.contype ?? ''] ?? 'check';
  const keyColumns =
    kind === 'foreign-key' ? stringValues(constraint.fk_attrs) : kind === 'exclusion' ? exclusionColumns(constraint) : stringValues(constraint.keys);
  const referenced = constraint.pktable ? relationName(constraint.pktable) : undefined;
  return {
    kind,
    name: constraint.conname,
    range: constraintRange,
    columns: keyColumns.length > 0 ? keyColumns : [...inlineColumns],
    notValid: constraint.skip_validation ?? false,
    usingIndex: constraint.indexname,
    references: referenced
      ? {
          table: context.objectName(referenced.schema, referenced.name, referenced.location),
          columns: stringValues(constraint.pk_attrs),
          onDelete: deleteActions[constraint.fk_del_action ?? 'a'],
        }
      : undefined,
    check: kind === 'check' ? context.expression(constraint.raw_expr, constraint.location) : undefined,
    ...(kind === 'exclusion' && constraint.where_clause ? { where: context.expression(constraint.where_clause, undefined, noStopWords) } : {}),
    notNullColumns: kind === 'check' ? notNullColumns(constraint.raw_expr) : undefined,
    indexOptions:
      kind === 'primary-key' || kind === 'unique'
        ? {
            include: stringValues(constraint.including),
            nullsNotDistinct: constraint.nulls_not_distinct ?? false,
            storage: (constraint.options?.length ?? 0) > 0 || constraint.indexspace !== undefined,
            deferrable: constraint.deferrable ?? false,
            initiallyDeferred: constraint.initdeferred ?? false,
          }
        : undefined,
  };
}

/** The plain columns of an EXCLUDE constraint's elements (`room WITH =`), in order. */
function exclusionColumns(constraint: Constraint): string[] {
  return (constraint.exclusions ?? []).flatMap((pair) => {
    const [element] = nodeAs(pair, 'List')?.items ?? [];
    const name = nodeAs(element, 'IndexElem')?.name;
    return name === undefined ? [] : [name];
  });
}

/** Columns a CHECK expression proves NOT NULL: `col IS NOT NULL`, alone or as a term of an AND. */
function notNullColumns(expression: Node | undefined): string[] {
  const test = nodeAs(expression, 'NullTest');
  if (test) {
    const fields = stringValues(nodeAs(test.arg, 'ColumnRef')?.fields);
    return test.nulltesttype === 'IS_NOT_NULL' && fields.length === 1 && fields[0] !== undefined ? [fields[0]] : [];
  }
  const bool = nodeAs(expression, 'BoolExpr');
  if (bool?.boolop === 'AND_EXPR') return (bool.args ?? []).flatMap(notNullColumns);
  return [];
}

/** Ranges of the comma-separated actions after the table name, in order. */
function actionRanges(context: LoweringContext, nameEnd: number): TextRange[] {
  const tokens = context.tokens;
  const ranges: TextRange[] = [];
  let index = tokenIndexAt(tokens, nameEnd - context.base);
  if (tokens[index]?.value === '*') index++;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token || token.value === ';') break;
    const end = elementEnd(tokens, index);
    ranges.push(context.localRange(token.start, end));
    index = tokenIndexAt(tokens, end);
    if (tokens[index]?.value === ',') index++;
    else break;
  }
  return ranges;
}

export function lowerAlterTable(context: LoweringContext, alter: AlterTableStmt): StatementBody {
  const relation = relationName(alter.relation);
  const table = context.objectName(relation.schema, relation.name, relation.location);
  const ranges = actionRanges(context, table.range.end);
  const actions = (alter.cmds ?? []).map((node, position) => {
    const command = nodeAs(node, 'AlterTableCmd') ?? {};
    return lowerAction(context, command, ranges[position] ?? ranges[ranges.length - 1] ?? table.range);
  });
  return { kind: 'alter-table', table, ifExists: alter.missing_ok ?? false, actions };
}

function lowerAction(context: LoweringContext, command: AlterTableCmd, actionRange: TextRange): AlterTableAction {
  const column = command.name ?? '';
  const definition: Node | undefined = command.def;
  switch (command.subtype) {
    case 'AT_AddColumn': {
      const columnDefinition = nodeAs(definition, 'ColumnDef') ?? {};
      const columnStart = context.offset(columnDefinition.location) - context.base;
      const columnRange = context.localRange(columnStart, actionRange.end - context.base);
      return {
        kind: 'add-column',
        range: actionRange,
        column: lowerColumn(context, columnDefinition, columnRange),
        ifNotExists: command.missing_ok ?? false,
      };
    }
    case 'AT_DropColumn': {
      // `DROP [COLUMN] name`: the name follows DROP and the optional COLUMN.
      const tokens = context.tokens;
      let index = tokenIndexAt(tokens, actionRange.start - context.base) + 1;
      if (tokens[index]?.kind === 'word' && tokens[index]?.value === 'COLUMN') index++;
      return {
        kind: 'drop-column',
        range: actionRange,
        column,
        ifExists: command.missing_ok ?? false,
        cascade: command.behavior === 'DROP_CASCADE',
        ifExistsInsertAt: context.base + (tokens[index]?.start ?? actionRange.end - context.base),
      };
    }
    case 'AT_AlterColumnType': {
      const columnDefinition = nodeAs(definition, 'ColumnDef') ?? {};
      return {
        kind: 'alter-column-type',
        range: actionRange,
        column,
        type: lowerTypeName(context, columnDefinition.typeName),
        using: context.expression(columnDefinition.raw_default),
      };
    }
    case 'AT_SetNotNull':
      return { kind: 'set-not-null', range: actionRange, column };
    case 'AT_DropNotNull':
      return { kind: 'drop-not-null', range: actionRange, column };
    case 'AT_ColumnDefault': {
      const value = context.expression(definition);
      return value
        ? { kind: 'set-default', range: actionRange, column, default: value }
        : { kind: 'drop-default', range: actionRange, column };
    }
    case 'AT_AddConstraint': {
      const constraint = nodeAs(definition, 'Constraint') ?? {};
      const start = context.offset(constraint.location) - context.base;
      const constraintRange = context.localRange(start, actionRange.end - context.base);
      return { kind: 'add-constraint', range: actionRange, constraint: lowerConstraint(context, constraint, [], constraintRange) };
    }
    case 'AT_ValidateConstraint':
      return { kind: 'validate-constraint', range: actionRange, name: column };
    case 'AT_DropConstraint':
      return { kind: 'drop-constraint', range: actionRange, name: column, ifExists: command.missing_ok ?? false, cascade: command.behavior === 'DROP_CASCADE' };
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      return { kind: 'set-logged', range: actionRange, logged: command.subtype === 'AT_SetLogged' };
    case 'AT_AttachPartition':
    case 'AT_DetachPartition': {
      const partitionCommand = nodeAs(definition, 'PartitionCmd');
      const partition = relationName(partitionCommand?.name);
      const partitionName = context.objectName(partition.schema, partition.name, partition.location);
      return command.subtype === 'AT_AttachPartition'
        ? { kind: 'attach-partition', range: actionRange, partition: partitionName }
        : { kind: 'detach-partition', range: actionRange, partition: partitionName, concurrently: partitionCommand?.concurrent ?? false };
    }
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_EnableTrigUser':
      return { kind: 'enable-disable-trigger', range: actionRange, enable: true };
    case 'AT_DisableTrig':
    case 'AT_DisableTrigAll':
    case 'AT_DisableTrigUser':
      return { kind: 'enable-disable-trigger', range: actionRange, enable: false };
    default:
      return { kind: 'other', range: actionRange, description: (command.subtype ?? 'unknown').replace(/^AT_/, ''), column: command.name };
  }
}

/** `ALTER TABLE … RENAME …` arrives as a RenameStmt; table renames become ALTER TABLE actions. */
export function lowerRename(context: LoweringContext, rename: RenameStmt, statementEnd: number): StatementBody | undefined {
  const relation = relationName(rename.relation);
  if (!rename.relation) return undefined;
  const table = context.objectName(relation.schema, relation.name, relation.location);
  const actionRange = actionRanges(context, table.range.end)[0] ?? context.localRange(table.range.end - context.base, statementEnd);
  const to = rename.newname ?? '';
  let action: AlterTableAction | undefined;
  if (rename.renameType === 'OBJECT_TABLE') action = { kind: 'rename-table', range: actionRange, to };
  else if (rename.renameType === 'OBJECT_COLUMN' && rename.relationType === 'OBJECT_TABLE')
    action = { kind: 'rename-column', range: actionRange, from: rename.subname ?? '', to };
  else if (rename.renameType === 'OBJECT_TABCONSTRAINT')
    action = { kind: 'rename-constraint', range: actionRange, from: rename.subname ?? '', to };
  if (!action) return undefined;
  return { kind: 'alter-table', table, ifExists: rename.missing_ok ?? false, actions: [action] };
}
