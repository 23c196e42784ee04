// add-check-validated: a CHECK constraint added to an existing table without NOT VALID scans every
// row while holding ACCESS EXCLUSIVE, so every query on the table waits for the scan.
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const addCheckValidated = defineRule({
  meta: {
    id: 'add-check-validated',
    title: 'Add CHECK constraints as NOT VALID, validate later',
    category: 'constraints',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['constraint-missing-not-valid'],
      strong_migrations: ['add_check_constraint'],
      eugene: ['E1'],
    },
    fix: 'safe',
    docs: {
      why: 'Adding a CHECK constraint takes an ACCESS EXCLUSIVE lock on the table and keeps it while every existing row is checked: every query on the table, reads included, queues behind it for the whole scan. A CHECK written inline in `ADD COLUMN` is checked against every row the same way.',
      safeWay: 'Add the constraint with `NOT VALID`: the lock is held only for a moment and new rows are checked from then on. Then run `ALTER TABLE … VALIDATE CONSTRAINT …` in a later transaction; validation takes a SHARE UPDATE EXCLUSIVE lock, so reads and writes continue while old rows are checked. A table created earlier in the same migration is empty, so a plain CHECK is fine there.',
      bad: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
      good: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const table = stmt.table.name;
    for (const action of stmt.actions) {
      if (action.kind === 'add-constraint' && action.constraint.kind === 'check' && !action.constraint.notValid) {
        ctx.report({
          range: action.range,
          message: `Adding this CHECK constraint scans \`${table}\` under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until every row is checked`,
          help: 'Add it NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (validation does not block reads or writes)',
          fixes: [fix('Add NOT VALID', 'safe', [insertAt(action.constraint.range.end, ' NOT VALID')])],
        });
      }
      if (action.kind === 'add-column') {
        // A column constraint cannot be NOT VALID: the CHECK has to move to its own ADD CONSTRAINT.
        for (const constraint of action.column.constraints) {
          if (constraint.kind !== 'check') continue;
          ctx.report({
            range: constraint.range,
            message: `This inline CHECK on new column \`${action.column.name}\` is checked against every row of \`${table}\` under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the scan ends`,
            help: 'Add the column without the CHECK, then ADD CONSTRAINT … CHECK (…) NOT VALID and VALIDATE CONSTRAINT in a separate transaction',
          });
        }
      }
    }
  },
});
