// validate-same-transaction: VALIDATE CONSTRAINT in the transaction that added the constraint NOT
// VALID gains nothing: the ADD's lock is still held while VALIDATE scans every row.
import { lockBlocks, lockStrength, type LockMode } from '../analysis/locks';
import { tableKey } from '../analysis/state';
import { defineRule } from './lib/rule';

export const validateSameTransaction = defineRule({
  meta: {
    id: 'validate-same-transaction',
    title: 'Validate NOT VALID constraints in a later transaction',
    category: 'constraints',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      strong_migrations: ['validate_check_constraint', 'validate_foreign_key'],
    },
    fix: undefined,
    docs: {
      why: 'Adding a constraint `NOT VALID` is only cheap because the scan of existing rows is postponed. When `VALIDATE CONSTRAINT` runs in the same transaction, the lock the `ADD` took (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign key) is still held, because locks last until the transaction ends, so the table stays blocked for the whole scan, exactly as without `NOT VALID`.',
      safeWay: 'Commit after adding the constraint `NOT VALID`, and run `VALIDATE CONSTRAINT` in its own transaction (a separate migration, or a non-transactional one). On its own, validation takes a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes continue.',
      bad: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;\nCOMMIT;',
      good: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;\nCOMMIT;\n\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || !ctx.state.inTransaction || ctx.isNewTable(stmt.table)) return;
    const transactionStart = ctx.state.explicitTransaction ? ctx.state.transactionStart : undefined;
    for (const action of stmt.actions) {
      if (action.kind !== 'validate-constraint') continue;
      const added = ctx.state.notValidInTransaction.get(action.name);
      // The state keeps NOT VALID additions until a COMMIT; one made before this BEGIN was committed separately.
      if (!added || (transactionStart && added.start < transactionStart.start)) continue;
      const key = tableKey(stmt.table);
      const held = ctx.state.locksHeld
        .filter((lock) => lock.tableKey === key)
        .reduce<LockMode | undefined>((best, lock) => (best === undefined || lockStrength(lock.mode) > lockStrength(best) ? lock.mode : best), undefined);
      const table = `\`${stmt.table.name}\``;
      const lock = held
        ? `the ${held} lock this transaction holds on ${table} stays held while every row is checked, blocking ${lockBlocks[held]}`
        : `the lock the ADD took on ${table} stays held while every row is checked`;
      ctx.report({
        range: action.range,
        message: `\`${action.name}\` was added NOT VALID earlier in this transaction, so ${lock}`,
        help: 'Commit after adding the constraint NOT VALID and run VALIDATE CONSTRAINT in a separate transaction, where it does not block reads or writes',
        related: [{ range: added, message: `\`${action.name}\` is added NOT VALID here, in the same transaction` }],
      });
    }
  },
});
