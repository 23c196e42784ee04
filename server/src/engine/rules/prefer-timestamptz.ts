// prefer-timestamptz: timestamp without time zone stores wall-clock readings with no offset, so the
// same value means different instants to clients in different time zones.
import { fix, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import { arraySuffix, typeUses } from './lib/type-helpers';

export const preferTimestamptz = defineRule({
  meta: {
    id: 'prefer-timestamptz',
    title: 'Use timestamptz instead of timestamp',
    category: 'types',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['prefer-timestamptz'],
    },
    fix: 'review',
    docs: {
      why: '`timestamp` (without time zone) stores a wall-clock reading with no offset. A value written by a client in one time zone is read back unchanged by a client in another, so it names a different instant; `now()` is silently converted to the session time zone on the way in, and daylight-saving shifts make some readings ambiguous. Comparing it with `timestamptz` values depends on the session\'s TimeZone setting.',
      safeWay: 'Use `timestamptz` (timestamp with time zone): it stores an absolute instant (in UTC) and converts to each session\'s time zone on output; it takes the same 8 bytes. Keep `timestamp` only for readings that really are local, such as a calendar entry "at 9:00 wherever you are". Converting an existing column is a rewrite unless the session time zone is UTC (PostgreSQL 12+).',
      bad: 'CREATE TABLE logins (id bigint, at timestamp NOT NULL);',
      good: 'CREATE TABLE logins (id bigint, at timestamptz NOT NULL);',
    },
  },
  check(ctx, stmt) {
    for (const use of typeUses(ctx, stmt)) {
      if (use.type.canonical !== 'timestamp') continue;
      const precision = use.type.modifiers.length > 0 ? `(${use.type.modifiers.join(', ')})` : '';
      const replacement = `timestamptz${precision}${arraySuffix(use.type)}`;
      ctx.report({
        range: use.type.range,
        message: `\`${use.table.name}\`.\`${use.column}\` is timestamp without time zone: values carry no offset, so clients in other time zones read them as different instants`,
        help: 'Use timestamptz: it stores an absolute instant and converts to each session\'s time zone',
        fixes: [fix(`Change the type to ${replacement}`, 'review', [replace(use.type.range, replacement)])],
      });
    }
  },
});
