// btree-on-array-or-json: a B-tree orders whole values; containment (`@>`, `?`, `&&`) needs GIN.
import { qualifiedKey, columnOf } from '../schema/model';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

const jsonTypes = new Set(['json', 'jsonb']);

export const btreeOnArrayOrJson = defineRule({
  meta: {
    id: 'btree-on-array-or-json',
    title: 'B-tree index on an array or JSON column',
    category: 'indexes',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A B-tree index compares whole values: it serves `=` on the entire array or document and nothing else. The queries people run on arrays and JSON — containment (`@>`), key existence (`?`), overlap (`&&`) — cannot use it, so it costs writes and serves nothing; on large documents it can even fail with "index row size exceeds maximum".',
      safeWay: 'Use a GIN index (`USING gin`, or `USING gin (doc jsonb_path_ops)` for `@>` only), or a B-tree on the expression you filter by (`((doc->>\'status\'))`). A `json` column cannot take GIN: make it `jsonb`.',
      bad: 'CREATE TABLE posts (id bigint PRIMARY KEY, tags text[]);\nCREATE INDEX posts_tags_idx ON posts (tags);',
      good: 'CREATE TABLE posts (id bigint PRIMARY KEY, tags text[]);\nCREATE INDEX posts_tags_idx ON posts USING gin (tags);',
    },
  },
  check(ctx, stmt) {
    if (ctx.state.reverting || stmt.kind !== 'create-index' || stmt.method !== 'btree' || stmt.unique) return;
    const table = ctx.state.schema.tables.get(qualifiedKey(stmt.table.schema, stmt.table.name));
    if (!table) return;
    const columns = stmt.elements.flatMap((element) => {
      const column = element.column === undefined ? undefined : columnOf(table, element.column);
      return column && (column.type.isArray || jsonTypes.has(column.type.canonical)) ? [column] : [];
    });
    const [first] = columns;
    if (!first) return;
    const kind = first.type.isArray ? 'array' : first.type.canonical;
    // `USING gin` goes after the table name when no method was written; only for one-column indexes GIN can take.
    const written = ctx.text.slice(stmt.table.range.end, stmt.range.end);
    const canFix = stmt.elements.length === 1 && first.type.canonical !== 'json' && !/^\s*using\b/i.test(written);
    ctx.report({
      range: stmt.range,
      message: `This B-tree index on the ${kind} column \`${first.name}\` serves only whole-value equality: containment and key lookups (@>, ?, &&) cannot use it`,
      help: first.type.canonical === 'json' ? 'Change the column to jsonb and index it USING gin' : 'Index it USING gin, or index the expression your queries filter by',
      fixes: canFix ? [fix('Use a GIN index', 'review', [insertAt(stmt.table.range.end, ' USING gin')])] : [],
    });
  },
});
