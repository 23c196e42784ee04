// prefer-jsonb: json keeps the raw text: no equality operator (DISTINCT, GROUP BY, UNION fail), no
// GIN indexing, and every access re-parses the document.
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { arraySuffix, typeUses } from './lib/type-helpers';

export const preferJsonb = defineRule({
  meta: {
    id: 'prefer-jsonb',
    title: 'Use jsonb instead of json',
    category: 'types',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {
      strong_migrations: ['add_column_json'],
      eugene: ['E3'],
    },
    fix: 'review',
    docs: {
      why: '`json` stores the document as text and re-parses it on every access. It has no equality operator, so `SELECT DISTINCT`, `GROUP BY`, `UNION` and unique indexes over it fail with "could not identify an equality operator for type json", and it cannot use GIN indexes or the containment operators (`@>`, `?`).',
      safeWay: 'Use `jsonb`: it stores a parsed binary form, supports equality, containment and GIN indexes. It does not keep key order, duplicate keys or whitespace; keep `json` only when the exact text must survive.',
      bad: 'ALTER TABLE orders ADD COLUMN metadata json;',
      good: 'ALTER TABLE orders ADD COLUMN metadata jsonb;',
    },
  },
  check(ctx, stmt) {
    for (const use of typeUses(ctx, stmt)) {
      if (use.type.canonical !== 'json') continue;
      const replacement = `jsonb${arraySuffix(use.type)}`;
      ctx.report({
        range: use.type.range,
        message: `\`${use.table.name}\`.\`${use.column}\` is json: it has no equality operator, so DISTINCT, GROUP BY and UNION over it fail, and every access re-parses the text`,
        help: 'Use jsonb unless the exact text (key order, duplicate keys, whitespace) must be kept',
        fixes: [fix(`Change the type to ${replacement}`, 'review', [replace(use.type.range, replacement)])],
      });
    }
  },
});
