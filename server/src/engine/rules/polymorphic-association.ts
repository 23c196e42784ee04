// polymorphic-association: a `<x>_type` + `<x>_id` pair (Rails `commentable_type` /
// `commentable_id`) whose id points into whichever table the type names, so no foreign key covers
// it. Judged on the final model, for pairs with a column this file added.
import type { SchemaColumn, SchemaModel } from '../schema/model';
import { enforcesForeignKeys, enumValues, hasForeignKeyOn, isEnumType, isTextType, tableAfterWorkspace, tableNamedBy, tablesByName, tablesWithColumnsAddedHere, typeFamily, type TableEntry } from './lib/design-helpers';
import { defineRule } from './lib/rule';

/** The id column paired with a type column: `<x>_id` for `<x>_type`, `<x>Id` for `<x>Type`. */
function pairedIdName(typeColumn: string): { readonly stem: string; readonly id: string } | undefined {
  const snake = /^(.*[^_])_type$/i.exec(typeColumn)?.[1];
  if (snake !== undefined) return { stem: snake, id: `${snake}_id` };
  const camel = /^(.*[a-z0-9])Type$/.exec(typeColumn)?.[1];
  return camel === undefined ? undefined : { stem: camel, id: `${camel}Id` };
}

/** Ids of rows: integers and uuids. Text ids are also external identifiers (`device_id`, `provider_id`), so they count only in a schema whose keys are text. */
function holdsRowIds(model: SchemaModel, column: SchemaColumn, textKeys: () => boolean): boolean {
  const family = typeFamily(column.type);
  if (family === 'integer' || family === 'uuid') return true;
  return family === 'text' && textKeys() && !isEnumType(model, column.type);
}

/** Whether some table of the model has a single-column text primary key (cuid / nanoid ids). */
function schemaHasTextKeys(model: SchemaModel): boolean {
  for (const table of model.tables.values()) {
    const key = table.keys.find((candidate) => candidate.kind === 'primary-key');
    const column = key?.columns.length === 1 ? table.columns.find((candidate) => candidate.name === key.columns[0]) : undefined;
    if (column && isTextType(column.type)) return true;
  }
  return false;
}

export const polymorphicAssociation = defineRule({
  meta: {
    id: 'polymorphic-association',
    title: 'Avoid polymorphic type + id references',
    category: 'design',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A `commentable_type` + `commentable_id` pair lets one column point at rows of several tables, with the type column saying which. A foreign key references exactly one table, so none can cover the pair: ids of rows that never existed or were deleted stay, nothing cascades, and every join has to branch on the type.',
      safeWay: 'Give each target its own nullable foreign key column (`post_id`, `photo_id`) with a CHECK that exactly one is set (`num_nonnulls(post_id, photo_id) = 1`), or make the targets share a parent table that the column references. The rule reports a `<x>_type` / `<x>Type` text or enum column next to an integer or uuid `<x>_id` / `<x>Id` column (text too, in a schema whose keys are text) that no foreign key covers, unless a table named `<x>` exists (then the pair is an ordinary reference and a type attribute; missing-foreign-key covers it). An enum type column (a PostgreSQL enum type, or MySQL\'s inline `ENUM(…)`) must have a value naming a table of the model (`TRACE` for `traces`), so a `template_type` of `PUBLIC` / `PRIVATE` is left alone.',
      bad: 'CREATE TABLE comments (id bigint PRIMARY KEY, commentable_type text NOT NULL, commentable_id bigint NOT NULL, body text NOT NULL);',
      good: 'CREATE TABLE posts (id bigint PRIMARY KEY);\nCREATE TABLE photos (id bigint PRIMARY KEY);\nCREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id), photo_id bigint REFERENCES photos (id), body text NOT NULL, CHECK (num_nonnulls(post_id, photo_id) = 1));',
    },
  },
  check() {
    // Judged at the end of the unit, when every foreign key of the file is in the model.
  },
  checkEnd(ctx) {
    const model = ctx.state.schema;
    let index: Map<string, TableEntry[]> | undefined;
    let textKeys: boolean | undefined;
    const hasTextKeys = (): boolean => (textKeys ??= schemaHasTextKeys(model));
    for (const { key, table, columns } of tablesWithColumnsAddedHere(ctx.state)) {
      // A MyISAM table can have no foreign key at all: the pair is then no special case.
      if (!enforcesForeignKeys(model, table)) continue;
      const addedHere = new Set(columns);
      for (const typeColumn of table.columns) {
        const pair = pairedIdName(typeColumn.name);
        if (!pair) continue;
        const idColumn = table.columns.find((column) => column.name.toLowerCase() === pair.id.toLowerCase());
        if (!idColumn || (!addedHere.has(idColumn) && !addedHere.has(typeColumn))) continue;
        const typeEnum = enumValues(model, typeColumn.type);
        if (!isTextType(typeColumn.type) && !typeEnum) continue;
        if (hasForeignKeyOn(table, idColumn.name) || !holdsRowIds(model, idColumn, hasTextKeys)) continue;
        const later = tableAfterWorkspace(ctx.state, key);
        if (later && hasForeignKeyOn(later, idColumn.name)) continue;
        const tables = (index ??= tablesByName(model));
        // With a table named `<x>`, `<x>_type` is an attribute of an ordinary reference.
        if (tableNamedBy(tables, pair.stem, table.schema)) continue;
        // An enum shows what the type names: it must name a table (`TRACE` for `traces`), not a kind (`PUBLIC`, `PRIVATE`).
        if (typeEnum && !typeEnum.some((value) => tableNamedBy(tables, value, table.schema))) continue;
        const reported = addedHere.has(idColumn) ? idColumn : typeColumn;
        ctx.report({
          range: reported.definedAt.range,
          message: `\`${table.name}\`.\`${idColumn.name}\` points at a row of whichever table \`${typeColumn.name}\` names: no foreign key can cover it, so it can hold ids of rows that do not exist or were deleted`,
          help: 'Use one nullable foreign key column per target table with a CHECK that exactly one is set, or a parent table that every target shares',
        });
      }
    }
  },
});
