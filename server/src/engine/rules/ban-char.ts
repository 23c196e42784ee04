// ban-char: char(n) pads values with blanks and ignores trailing blanks in comparisons; it is never
// faster than text or varchar in PostgreSQL.
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { arraySuffix, displayType, textReplacement, typeUses } from './lib/type-helpers';

export const banChar = defineRule({
  meta: {
    id: 'ban-char',
    title: 'Use text or varchar instead of char(n)',
    category: 'types',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-char-field'],
    },
    fix: 'review',
    docs: {
      why: '`char(n)` (`character(n)`, bare `char` meaning `char(1)`) pads every value with blanks to n characters and treats trailing blanks as insignificant: `\'ab\'::char(3) = \'ab \'` is true, `length()` ignores the padding, but the padding comes back in some casts and client libraries, so values round-trip differently. In PostgreSQL it is stored like text plus padding and is never faster.',
      safeWay: 'Use `text` with a `CHECK (char_length(col) <= n)` (or `= n` for fixed-length codes), or `varchar(n)`.',
      bad: 'CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);',
      good: 'CREATE TABLE countries (code text PRIMARY KEY CHECK (char_length(code) = 2), name text NOT NULL);',
    },
  },
  check(ctx, stmt) {
    for (const use of typeUses(ctx, stmt)) {
      if (use.type.canonical !== 'bpchar') continue;
      const limit = use.type.modifiers[0];
      const toText = textReplacement(use);
      ctx.report({
        range: use.type.range,
        message: `\`${use.table.name}\`.\`${use.column}\` is ${displayType(use.type)}: values are blank-padded and trailing blanks are ignored in comparisons, so they round-trip differently from what was written`,
        help: 'Use text (with a CHECK on char_length) or varchar(n)',
        // PostgreSQL wiki, "Don't Do This": a legacy type with a better replacement.
        tags: ['deprecated'],
        fixes: [
          fix(toText.title, 'review', toText.edits),
          ...(limit !== undefined
            ? [fix(`Change the type to varchar(${limit})`, 'review', [replace(use.type.range, `varchar(${limit})${arraySuffix(use.type)}`)])]
            : []),
        ],
      });
    }
  },
});
