// add-exclusion-constraint: an exclusion constraint added to an existing table builds its index and
// checks every row under ACCESS EXCLUSIVE; there is no concurrent way to add one.
import { defineRule } from './lib/rule';

export const addExclusionConstraint = defineRule({
  meta: {
    id: 'add-exclusion-constraint',
    title: 'Adding an exclusion constraint blocks the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      strong_migrations: ['add_exclusion_constraint'],
      eugene: ['E8'],
    },
    fix: undefined,
    docs: {
      why: '`ADD CONSTRAINT … EXCLUDE` builds the constraint\'s index and checks every existing row while holding an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits for the whole build. Unlike UNIQUE, it cannot be attached to an index built concurrently, and unlike CHECK it cannot be added `NOT VALID`.',
      safeWay: 'There is no online way. Add it while the table is small or in a maintenance window with a `lock_timeout`, or create a new table with the constraint, copy the data over in batches and switch. A table created earlier in the same migration is empty, so adding it there is fine.',
      bad: 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);',
      good: 'CREATE TABLE bookings (room_id bigint, during tstzrange, EXCLUDE USING gist (room_id WITH =, during WITH &&));',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'add-constraint' || action.constraint.kind !== 'exclusion') continue;
      ctx.report({
        range: action.range,
        message: `Adding this exclusion constraint builds its index and checks every row of \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until it ends`,
        help: 'There is no online way: add it in a maintenance window with a lock_timeout, or copy to a new table that has it',
      });
    }
  },
});
