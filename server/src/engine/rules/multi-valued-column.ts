// multi-valued-column: a column this file added holds several references in one value: a text
// column named `*_ids` / `*Ids` (or `*_list` naming a table of the model), or an id array named
// `*_ids`. No foreign key can check the elements; a join table can.
import type { ColumnType, SchemaColumn } from '../schema/model';
import { isTextType, referenceStem, tableNamedBy, tablesByName, tablesWithColumnsAddedHere, type TableEntry } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** Element types ids come in; a text array is reported only when its name leads to a table. */
const idElementTypes = new Set(['int2', 'int4', 'int8', 'uuid']);

/** `tag` for `tag_ids`, `tagIds`, `TAG_IDS`. */
function idsStem(name: string): string | undefined {
  return /^(.*[^_])_ids$/i.exec(name)?.[1] ?? /^(.*[a-z0-9])Ids$/.exec(name)?.[1];
}

/** `tag` for `tag_list` and `tagList`; `user` for `user_id_list`. */
function listStem(name: string): string | undefined {
  const stem = /^(.*[^_])_list$/i.exec(name)?.[1] ?? /^(.*[a-z0-9])List$/.exec(name)?.[1];
  return stem === undefined ? undefined : (referenceStem(stem) ?? stem);
}

type Shape = 'text' | 'array';

interface ListColumn {
  readonly shape: Shape;
  /** Named `*_ids` (else `*_list`: the elements may be names rather than ids). */
  readonly ids: boolean;
  /** The table the elements refer to, when the model holds one of that name. */
  readonly target: TableEntry | undefined;
}

function classify(column: SchemaColumn, type: ColumnType, lookup: (stem: string) => TableEntry | undefined): ListColumn | undefined {
  const ids = idsStem(column.name);
  if (ids !== undefined) {
    const target = lookup(ids);
    if (isTextType(type)) return { shape: 'text', ids: true, target };
    if (type.isArray && idElementTypes.has(type.canonical)) return { shape: 'array', ids: true, target };
    if (type.isArray && isTextType({ ...type, isArray: false }) && target) return { shape: 'array', ids: true, target };
    return undefined;
  }
  const list = listStem(column.name);
  if (list === undefined || !isTextType(type)) return undefined;
  // `mailing_list`, `wait_list` and `allow_list` are things in their own right; only a list of a known table's rows is a relation.
  const target = lookup(list);
  return target ? { shape: 'text', ids: false, target } : undefined;
}

export const multiValuedColumn = defineRule({
  meta: {
    id: 'multi-valued-column',
    title: 'Store references in a join table, not a list column',
    category: 'design',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A column holding several ids (`tag_ids text` with `"3,17,42"`, or `tag_ids bigint[]`) is a relation kept where the database cannot see it: no foreign key checks the elements, so they outlive the rows they name; joining needs string splitting or `unnest`, which plain B-tree indexes do not serve; and adding or removing one element rewrites the whole value, so concurrent edits overwrite each other.',
      safeWay: 'Use a join table with one row per pair and foreign keys to both sides (`post_tags (post_id, tag_id, PRIMARY KEY (post_id, tag_id))`). An array of ids can be a deliberate cache of data that is read whole and never joined or checked, next to the join table that holds the truth. The rule reports text columns named `*_ids` / `*Ids`, text columns named `*_list` / `*List` after a table of the model, and integer or uuid arrays named `*_ids` (text arrays only when the name leads to a table).',
      bad: 'CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL, tag_ids text);',
      good: 'CREATE TABLE posts (id bigint PRIMARY KEY, title text NOT NULL);\nCREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE TABLE post_tags (post_id bigint NOT NULL REFERENCES posts (id), tag_id bigint NOT NULL REFERENCES tags (id), PRIMARY KEY (post_id, tag_id));',
    },
  },
  check() {
    // Judged at the end of the unit, when the tables the names may refer to are in the model.
  },
  checkEnd(ctx) {
    const state = ctx.state;
    let index: Map<string, TableEntry[]> | undefined;
    for (const { table, columns } of tablesWithColumnsAddedHere(state)) {
      const lookup = (stem: string): TableEntry | undefined => {
        index ??= tablesByName(state.schema);
        return tableNamedBy(index, stem, table.schema);
      };
      for (const column of columns) {
        if (column.generated !== undefined) continue;
        const found = classify(column, column.type, lookup);
        if (!found) continue;
        const targetName = found.target?.table.name;
        const what = targetName === undefined ? 'a list of ids' : found.ids ? `ids of \`${targetName}\` rows` : `a list of \`${targetName}\``;
        const where = found.shape === 'text' ? 'one text value' : 'an array';
        ctx.report({
          range: column.definedAt.range,
          message: `\`${table.name}\`.\`${column.name}\` keeps ${what} in ${where}: no foreign key checks the elements, joins must unpack them, and every change rewrites the whole list`,
          help: found.target
            ? `Use a join table with one row per pair and foreign keys to \`${table.name}\` and \`${found.target.table.name}\``
            : 'Use a join table with one row per pair and a foreign key to each side',
        });
      }
    }
  },
});
