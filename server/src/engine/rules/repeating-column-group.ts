// repeating-column-group: three or more columns that differ only by a consecutive number
// (`phone1, phone2, phone3`, `tag_1 … tag_5`) store a list as columns. Reported once per group of
// a table whose columns this file added, at the group's first column added here.
import type { SchemaColumn } from '../schema/model';
import { nameList, tablesWithColumnsAddedHere } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** Fewer would flag pairs such as `address_line1, address_line2`, a common and harmless layout. */
const minimumGroup = 3;

interface Numbered {
  readonly column: SchemaColumn;
  readonly number: number;
}

/**
 * Columns by stem (lower-cased, a trailing `_` dropped): `phone`, `phone2`, `phone3` share the stem
 * `phone`, the unnumbered one counting as 1. The stem must hold a letter, so `_1` is no group.
 */
function numberedGroups(columns: readonly SchemaColumn[]): Map<string, Numbered[]> {
  const groups = new Map<string, Numbered[]>();
  const add = (stem: string, entry: Numbered): void => {
    const list = groups.get(stem) ?? [];
    list.push(entry);
    groups.set(stem, list);
  };
  const plain = new Map<string, SchemaColumn>();
  for (const column of columns) {
    const match = /^(.*[a-z].*?)_?(\d+)$/i.exec(column.name);
    if (match?.[1] !== undefined && match[2] !== undefined) add(match[1].toLowerCase(), { column, number: Number(match[2]) });
    else plain.set(column.name.toLowerCase(), column);
  }
  for (const [stem, list] of groups) {
    const unnumbered = plain.get(stem);
    if (unnumbered && !list.some((entry) => entry.number === 1) && list.some((entry) => entry.number === 2)) list.push({ column: unnumbered, number: 1 });
  }
  return groups;
}

/** The longest run of consecutive numbers in a group, in number order. */
function longestRun(entries: readonly Numbered[]): Numbered[] {
  const sorted = [...entries].sort((a, b) => a.number - b.number);
  let best: Numbered[] = [];
  let current: Numbered[] = [];
  for (const entry of sorted) {
    const last = current[current.length - 1];
    if (last && entry.number === last.number) continue;
    current = last && entry.number === last.number + 1 ? [...current, entry] : [entry];
    if (current.length > best.length) best = current;
  }
  return best;
}

export const repeatingColumnGroup = defineRule({
  meta: {
    id: 'repeating-column-group',
    title: 'Store lists as rows, not numbered columns',
    category: 'design',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'Numbered columns (`phone1`, `phone2`, `phone3`) are a list laid out sideways: the number of entries is fixed by the schema, so the day a fourth one is needed the table must change; every query that looks for a value must test each column (`WHERE phone1 = $1 OR phone2 = $1 OR …`) and none of them can use one index; and empty slots fill up with NULLs. This is the repeating group that first normal form removes.',
      safeWay: 'Move the list to a child table with one row per entry and a foreign key to the parent (`customer_phones (customer_id, position, phone)`), or, when the entries are never queried or referenced on their own, one array or jsonb column. The rule reports three or more columns whose names differ only by consecutive numbers (a column without a number counts as the first); two, such as `address_line1` and `address_line2`, are left alone.',
      bad: 'CREATE TABLE customers (id bigint PRIMARY KEY, phone1 text, phone2 text, phone3 text);',
      good: 'CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE customer_phones (customer_id bigint NOT NULL REFERENCES customers (id), position int NOT NULL, phone text NOT NULL, PRIMARY KEY (customer_id, position));',
    },
  },
  check() {
    // Judged at the end of the unit, on the tables' final columns.
  },
  checkEnd(ctx) {
    for (const { table, columns } of tablesWithColumnsAddedHere(ctx.state)) {
      const addedHere = new Set(columns);
      for (const entries of numberedGroups(table.columns).values()) {
        const run = longestRun(entries);
        if (run.length < minimumGroup) continue;
        const first = run.map((entry) => entry.column).find((column) => addedHere.has(column));
        if (!first) continue;
        const names = run.map((entry) => entry.column.name);
        ctx.report({
          range: first.definedAt.range,
          message: `\`${table.name}\` stores a list in ${run.length} numbered columns (${nameList(names, 4)}): its length is fixed by the schema, and finding a value means testing every column`,
          help: `Move the entries to a child table with one row per entry and a foreign key to this table (or one ${ctx.state.schema.dialect === 'postgres' ? 'array' : 'JSON'} column when they are never queried on their own)`,
        });
      }
    }
  },
});
