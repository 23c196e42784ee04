// prefer-text: the limit of varchar(n) can only be changed with ALTER COLUMN … TYPE, under ACCESS
// EXCLUSIVE; a CHECK on text can be replaced online (NOT VALID, then VALIDATE).
import { fix } from './lib/edits';
import { defineRule } from './lib/rule';
import { textReplacement, typeUses } from './lib/type-helpers';

export const preferText = defineRule({
  meta: {
    id: 'prefer-text',
    title: 'Prefer text with a CHECK over varchar(n)',
    category: 'types',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {
      squawk: ['prefer-text-field'],
    },
    fix: 'review',
    docs: {
      why: 'In PostgreSQL `varchar(n)` is stored exactly like `text`; the limit is its only difference. Changing it later means `ALTER COLUMN … TYPE`, which takes an ACCESS EXCLUSIVE lock on the table (every query waits, if only briefly when widening), and lowering the limit rewrites the whole table. Arbitrary limits such as 255 are also a habit from other databases, not a PostgreSQL need.',
      safeWay: 'Use `text`, and where a limit matters, a `CHECK (char_length(col) <= n)` constraint: it can be replaced online by adding the new one `NOT VALID`, validating it, and dropping the old one.',
      bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL);',
      good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL CHECK (char_length(email) <= 320));',
    },
  },
  check(ctx, stmt) {
    for (const use of typeUses(ctx, stmt)) {
      if (use.type.canonical !== 'varchar' || use.type.modifiers.length === 0) continue;
      const toText = textReplacement(use);
      ctx.report({
        range: use.type.range,
        message: `Changing the varchar(${use.type.modifiers.join(', ')}) limit of \`${use.table.name}\`.\`${use.column}\` later takes an ACCESS EXCLUSIVE lock on the table, and lowering it rewrites every row`,
        help: 'Use text with a CHECK (char_length(…) <= n), which can be replaced without blocking (NOT VALID, then VALIDATE)',
        fixes: [fix(toText.title, 'review', toText.edits)],
      });
    }
  },
});
