// drop-not-null: DROP NOT NULL on an existing column lets NULLs in, which application code still
// running the previous release was written never to meet.
import { defineRule } from './lib/rule';

export const dropNotNull = defineRule({
  meta: {
    id: 'drop-not-null',
    title: 'Dropping NOT NULL lets old code meet NULLs',
    category: 'destructive',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-drop-not-null'],
    },
    fix: undefined,
    docs: {
      why: 'Code written against a NOT NULL column assumes every value is present. Once the constraint is dropped, new code (or any other writer) can store NULLs, and the previous release, still running during the deploy or brought back by a rollback, fails on them: null dereferences, failed decoding into non-optional fields, wrong aggregates. The statement itself only changes the catalog.',
      safeWay: 'First ship code that copes with NULL in the column, then drop the constraint. When it is a step towards removing the column, make sure no running code reads it first. A table created earlier in the same migration is not used by running code, so it is fine there.',
      bad: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
      good: 'ALTER TABLE users ALTER COLUMN email SET DEFAULT \'\';',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'drop-not-null') continue;
      ctx.report({
        range: action.range,
        message: `\`${stmt.table.name}\`.\`${action.column}\` may hold NULL from now on, and old application code still running was written never to meet one`,
        help: 'Ship code that handles NULL in this column first, then drop the constraint',
      });
    }
  },
});
