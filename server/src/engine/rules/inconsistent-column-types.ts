// inconsistent-column-types: a column this file added has a name other tables use with another
// type (`user_id integer` here, `bigint` in `orders` and `payments`). The convention is the type
// most tables use, ties going to the earliest definition; only a column that departs from it is
// reported, so one mismatch gives one finding.
import type { AnalysisState } from '../analysis/state';
import type { ColumnType, SchemaColumn, SchemaModel, SchemaTable } from '../schema/model';
import { isEnumType, isTextType, nameList, referenceStem, tablesWithColumnsAddedHere } from './lib/design-helpers';
import { displayType } from './lib/type-helpers';
import { defineRule } from './lib/rule';

interface Use {
  readonly table: SchemaTable;
  readonly column: SchemaColumn;
}

interface TypeGroup {
  /** The type as compared (see `comparedType`). */
  readonly compared: string;
  readonly uses: Use[];
  /** Where the type first appears: 0 for an earlier file, else 1 + the offset in this file. */
  first: number;
}

/** Names that identify or point at a row (`user_id`, `authorId`, `account_uuid`): their types must match exactly, or joins and foreign keys between them break. */
function isKeyName(name: string): boolean {
  return referenceStem(name) !== undefined || /(_uuid|[a-z0-9]Uuid)$/.test(name);
}

/** Kinds of values: other names are compared only within one, since a `status` integer and a `status` text are different things, not drift. */
const kinds: Readonly<Record<string, string>> = {
  int2: 'integer', int4: 'integer', int8: 'integer',
  float4: 'number', float8: 'number', numeric: 'number', money: 'number',
  date: 'time', timestamp: 'time', timestamptz: 'time',
  json: 'json', jsonb: 'json',
  // MySQL/MariaDB canonical names.
  tinyint: 'integer', smallint: 'integer', mediumint: 'integer', int: 'integer', bigint: 'integer',
  float: 'number', double: 'number', decimal: 'number',
  datetime: 'time',
};

function kindOf(model: SchemaModel, type: ColumnType): string {
  // Every enum is its own kind: two enums are two domains.
  const kind = isEnumType(model, type) ? `enum ${type.canonical}` : isTextType({ ...type, isArray: false }) ? 'text' : (kinds[type.canonical] ?? type.canonical);
  return type.isArray ? `${kind}[]` : kind;
}

/**
 * The type as compared. Key names keep their modifiers (`numeric(20)` against `numeric(10)`); other
 * names drop them. Text types are one type: `varchar(255)` and `text` compare and join without a
 * cast, and a different length limit is a choice, not drift (prefer-text has its own say).
 */
function comparedType(type: ColumnType, keyName: boolean): string {
  const text = isTextType({ ...type, isArray: false });
  const modifiers = keyName && !text && type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  // MySQL's UNSIGNED halves or doubles the range: `int` and `int unsigned` are two types.
  return `${text ? 'text' : type.canonical}${modifiers}${type.unsigned ? ' unsigned' : ''}${type.isArray ? '[]' : ''}`;
}

/** Every plain table's columns by name (views have no columns; partitions repeat their parent's). */
function columnsByName(model: SchemaModel): Map<string, Use[]> {
  const byName = new Map<string, Use[]>();
  for (const table of model.tables.values()) {
    if (table.kind !== 'table' || table.partitionOf !== undefined) continue;
    for (const column of table.columns) {
      const list = byName.get(column.name) ?? [];
      list.push({ table, column });
      byName.set(column.name, list);
    }
  }
  return byName;
}

function groupByType(state: AnalysisState, uses: readonly Use[], keyName: boolean): TypeGroup[] {
  const groups: TypeGroup[] = [];
  for (const use of uses) {
    const origin = use.column.definedAt;
    const position = origin.path === state.path ? origin.range.start + 1 : 0;
    const compared = comparedType(use.column.type, keyName);
    const group = groups.find((candidate) => candidate.compared === compared);
    if (group) {
      group.uses.push(use);
      group.first = Math.min(group.first, position);
    } else {
      groups.push({ compared, uses: [use], first: position });
    }
  }
  return groups;
}

/** The type most tables give the name; on a tie, the one defined first. */
function convention(groups: readonly TypeGroup[]): TypeGroup | undefined {
  let best: TypeGroup | undefined;
  for (const group of groups) {
    if (!best || group.uses.length > best.uses.length || (group.uses.length === best.uses.length && group.first < best.first)) best = group;
  }
  return best;
}

export const inconsistentColumnTypes = defineRule({
  meta: {
    id: 'inconsistent-column-types',
    title: 'Give a column name one type across tables',
    category: 'design',
    severity: 'hint',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'When `user_id` is `integer` in one table and `bigint` in the others, columns that hold the same thing disagree: the narrow one overflows first, joins and foreign keys between them compare across types (and a `uuid` never equals a `varchar` without a cast), and values copied from one to the other can fail. `created_at` as `timestamp` in one table and `timestamptz` in another, or `payload` as `json` against `jsonb`, drift the same way.',
      safeWay: 'Use the type the rest of the schema uses for that name. The rule compares each column the file adds with the columns of the same name in the other tables of the schema model, and reports a column whose type differs from the one most tables use (on a tie, the one defined first). Key columns (`*_id`, `*Id`, `*_uuid`) are compared across all types, precision included; other names only within one kind of value (integers, numbers, times, json) and without precisions, so a `status` integer and a `status` text are left alone. Text types count as one (`varchar(255)` and `text` join without a cast), and columns named `id` are ignored.',
      bad: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nCREATE TABLE payments (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nCREATE TABLE invoices (id bigint PRIMARY KEY, user_id integer NOT NULL);',
      good: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nCREATE TABLE payments (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nCREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint NOT NULL);',
    },
  },
  check() {
    // Judged at the end of the unit, against every table of the final model.
  },
  checkEnd(ctx) {
    const state = ctx.state;
    const model = state.schema;
    let byName: Map<string, Use[]> | undefined;
    for (const { columns } of tablesWithColumnsAddedHere(state)) {
      for (const column of columns) {
        if (column.name.toLowerCase() === 'id') continue;
        byName ??= columnsByName(model);
        const keyName = isKeyName(column.name);
        const kind = kindOf(model, column.type);
        const uses = (byName.get(column.name) ?? []).filter((use) => keyName || kindOf(model, use.column.type) === kind);
        if (uses.length < 2) continue;
        const groups = groupByType(state, uses, keyName);
        const common = convention(groups);
        const usual = common?.uses[0]?.column.type;
        if (!common || !usual || groups.length < 2 || common.compared === comparedType(column.type, keyName)) continue;
        const elsewhere = common.uses.map((use) => use.table.name);
        ctx.report({
          range: column.definedAt.range,
          message: `\`${column.name}\` is ${displayType(column.type)} here but ${displayType(usual)} in ${nameList(elsewhere)}: one name holds differently typed values, so copying between the columns can fail or change values, and joins compare across types`,
          help: `Give \`${column.name}\` one type in every table: ${displayType(usual)} here, or migrate the others to ${displayType(column.type)} when that is the better type`,
        });
      }
    }
  },
});
