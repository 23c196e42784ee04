// add-foreign-key-validated: a foreign key added to an existing table without NOT VALID scans it
// under a SHARE ROW EXCLUSIVE lock on both tables.
import type { TableConstraint, TextRange } from '../model';
import { fix, insertAt } from './lib/edits';
import { defineRule } from './lib/rule';

export const addForeignKeyValidated = defineRule({
  meta: {
    id: 'add-foreign-key-validated',
    title: 'Add foreign keys as NOT VALID, validate later',
    category: 'constraints',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['adding-foreign-key-constraint'],
      pgfence: ['add-constraint-fk-no-not-valid'],
      strong_migrations: ['add_foreign_key'],
      eugene: ['E1'],
    },
    fix: 'safe',
    docs: {
      why: 'Adding a foreign key checks every existing row while holding a SHARE ROW EXCLUSIVE lock on both the table and the referenced table: inserts, updates and deletes on both wait for the whole scan.',
      safeWay: 'Add the constraint with `NOT VALID` (only new rows are checked, the lock is brief), then run `ALTER TABLE … VALIDATE CONSTRAINT …` in a later transaction: validation takes a SHARE UPDATE EXCLUSIVE lock that lets reads and writes continue.',
      bad: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      good: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const report = (constraint: TableConstraint, where: TextRange, canFix: boolean): void => {
      const referenced = constraint.references?.table.name ?? 'the referenced table';
      ctx.report({
        range: where,
        message: `Adding this foreign key scans \`${stmt.table.name}\` under a SHARE ROW EXCLUSIVE lock on \`${stmt.table.name}\` and \`${referenced}\`: writes to both wait until every row is checked`,
        help: 'Add it NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (validation does not block writes)',
        fixes: canFix ? [fix('Add NOT VALID', 'safe', [insertAt(constraint.range.end, ' NOT VALID')])] : [],
      });
    };
    for (const action of stmt.actions) {
      if (action.kind === 'add-constraint' && action.constraint.kind === 'foreign-key' && !action.constraint.notValid) {
        report(action.constraint, action.range, true);
      }
      if (action.kind === 'add-column') {
        // An inline REFERENCES on a new column cannot be NOT VALID; it must be split out to be safe.
        for (const constraint of action.column.constraints) {
          if (constraint.kind === 'foreign-key') report(constraint, constraint.range, false);
        }
      }
    }
  },
});
