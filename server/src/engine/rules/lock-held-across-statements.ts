// lock-held-across-statements: in a transaction, a lock that blocks writes is held until COMMIT,
// so every later statement of the transaction runs while the table stays locked. Consecutive
// ALTER TABLEs of that table could be one statement. Outside a transaction each statement
// commits on its own and releases its locks: not reported.
import { lockBlocks, lockStrength } from '../analysis/locks';
import { tableKey, type StrongLock } from '../analysis/state';
import { labelList, lockedTableLabel } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

/** The first of the strongest locks held, per table, in the order taken. */
function strongestPerTable(locks: readonly StrongLock[]): StrongLock[] {
  const byTable = new Map<string, StrongLock>();
  for (const lock of locks) {
    const held = byTable.get(lock.tableKey);
    if (!held || lockStrength(lock.mode) > lockStrength(held.mode)) byTable.set(lock.tableKey, lock);
  }
  return [...byTable.values()];
}

export const lockHeldAcrossStatements = defineRule({
  meta: {
    id: 'lock-held-across-statements',
    title: 'Statements run while an earlier statement of the transaction holds a blocking lock',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      pgfence: ['statement-after-access-exclusive'],
      eugene: ['E4', 'W12'],
    },
    fix: undefined,
    docs: {
      why: 'A lock taken in a transaction is held until the transaction ends. After a statement takes an ACCESS EXCLUSIVE lock (or another lock that blocks writes) on an existing table, every later statement of the same transaction runs while that table stays locked: a backfill, an index build or even a slow SELECT keeps every query on the table waiting. Several ALTER TABLE statements of one table in a row lock it once each and may rewrite or scan it more than once.',
      safeWay: 'Keep the statement that takes the lock last in its transaction, or move the other statements to their own transactions (migrations). Combine consecutive ALTER TABLE statements of one table into one statement with comma-separated actions. Outside a transaction every statement commits and releases its locks on its own, so this is not reported there; tables created earlier in the same migration are not reported either.',
      bad: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nUPDATE users SET nickname = name;\nCOMMIT;',
      good: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;\nUPDATE users SET nickname = name;',
    },
  },
  check(ctx, stmt) {
    if (!ctx.state.inTransaction) return;
    if (stmt.kind === 'transaction' || stmt.kind === 'set' || stmt.kind === 'reset') return;
    const held = strongestPerTable(ctx.state.locksHeld.filter((lock) => !lock.onNewTable));
    const first = held[0];
    if (!first) return;
    const related = held.map((lock) => ({ range: lock.statementRange, message: `${lock.mode} lock on ${lockedTableLabel(lock)} taken here` }));
    const previous = ctx.state.previousAlterTable;
    if (stmt.kind === 'alter-table' && previous && previous.tableKey === tableKey(stmt.table)) {
      const lock = held.find((candidate) => candidate.tableKey === previous.tableKey) ?? first;
      ctx.report({
        range: stmt.range,
        message: `\`${stmt.table.name}\` is already locked ${lock.mode} by the previous ALTER TABLE of this transaction and stays locked through this one too: the lock blocks ${lockBlocks[lock.mode]}`,
        help: 'Combine the two ALTER TABLE statements into one, with comma-separated actions: the table is locked (and scanned or rewritten) once',
        related: [{ range: previous.range, message: 'The previous ALTER TABLE of this table' }],
      });
      return;
    }
    const strongest = held.reduce((best, lock) => (lockStrength(lock.mode) > lockStrength(best.mode) ? lock : best));
    const message =
      held.length === 1
        ? `Runs while this transaction holds the ${strongest.mode} lock an earlier statement took on ${lockedTableLabel(strongest)} until COMMIT: it blocks ${lockBlocks[strongest.mode]}`
        : `Runs while this transaction holds the locks earlier statements took on ${labelList(held.map(lockedTableLabel))} until COMMIT (${strongest.mode} on ${lockedTableLabel(strongest)}): it blocks ${lockBlocks[strongest.mode]}`;
    ctx.report({
      range: stmt.range,
      message,
      help: 'Move this statement to its own transaction, or make the lock-taking statement the last one before COMMIT',
      related,
    });
  },
});
