// transaction-nesting: BEGIN inside an open transaction (PostgreSQL ignores it), COMMIT/ROLLBACK
// with no transaction open, a COMMIT that ends the transaction the migration tool opened, and
// savepoints outside a transaction. Each means the statements are not grouped the way the file says.
import type { RelatedInformation } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

function outerBegin(ctx: RuleContext): RelatedInformation[] {
  const start = ctx.state.transactionStart;
  return ctx.state.explicitTransaction && start ? [{ range: start, message: 'The transaction opened here is still open' }] : [];
}

export const transactionNesting = defineRule({
  meta: {
    id: 'transaction-nesting',
    title: 'BEGIN and COMMIT that do not match the transaction in effect',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['transaction-nesting'],
    },
    fix: undefined,
    docs: {
      why: 'PostgreSQL has no nested transactions. A `BEGIN` inside an open transaction only raises a warning and is ignored, so the first `COMMIT` commits everything, including what the outer transaction meant to keep together. In a migration the tool already runs in a transaction (Flyway, dbmate and goose by default, `assumeInTransaction`), an explicit `BEGIN` is such a nested one and its `COMMIT` ends the tool\'s transaction early: the statements after it, and the tool\'s own bookkeeping, run outside any transaction. A `COMMIT` or `ROLLBACK` with no transaction open does nothing (a `ROLLBACK` there undoes nothing: the statements before it are already committed), and `SAVEPOINT` outside a transaction fails.',
      safeWay: 'Let exactly one party open and close the transaction: either remove `BEGIN`/`COMMIT` from migrations the tool wraps, or mark the migration non-transactional for the tool (dbmate `transaction:false`, goose `-- +goose NO TRANSACTION`) and keep the explicit `BEGIN … COMMIT`. Use `SAVEPOINT` only inside a transaction.',
      bad: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nBEGIN;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;',
      good: 'BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ADD COLUMN bio text;\nCOMMIT;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'transaction') return;
    const { inTransaction, explicitTransaction, toolTransaction, nestedBegin } = ctx.state;
    switch (stmt.action) {
      case 'begin':
        if (!inTransaction) return;
        ctx.report(
          explicitTransaction
            ? {
                range: stmt.range,
                message: 'BEGIN inside a transaction that is already open: PostgreSQL ignores it with a warning, and the next COMMIT commits the outer transaction too',
                help: 'Remove this BEGIN (PostgreSQL has no nested transactions; use SAVEPOINT to roll back part of a transaction)',
                related: outerBegin(ctx),
              }
            : {
                range: stmt.range,
                message: "BEGIN in a migration the tool already runs in a transaction: PostgreSQL ignores it with a warning, and the matching COMMIT ends the tool's transaction early, so later statements run outside it",
                help: 'Remove BEGIN/COMMIT from this migration, or mark the migration non-transactional for the tool and keep them',
              },
        );
        return;
      case 'commit':
      case 'rollback': {
        const word = stmt.action === 'commit' ? 'COMMIT' : 'ROLLBACK';
        if (!inTransaction) {
          ctx.report({
            range: stmt.range,
            message:
              stmt.action === 'commit'
                ? 'COMMIT with no transaction open: PostgreSQL only warns, and the statements before it already ran and committed one by one'
                : 'ROLLBACK with no transaction open undoes nothing: the statements before it already ran and committed one by one',
            help: 'Add the missing BEGIN where the transaction should start, or remove this statement',
          });
          return;
        }
        // A COMMIT after an ignored nested BEGIN is reported at that BEGIN.
        if (!explicitTransaction && toolTransaction && !nestedBegin) {
          ctx.report({
            range: stmt.range,
            message: `${word} inside the transaction the migration tool wraps around this migration ends it early: the statements after it run outside a transaction, and the tool's own COMMIT finds none`,
            help: 'Remove it and let the tool commit, or mark the migration non-transactional for the tool and add an explicit BEGIN',
          });
        }
        return;
      }
      case 'savepoint':
      case 'release':
      case 'rollback-to':
        if (inTransaction) return;
        ctx.report({
          range: stmt.range,
          message: 'Savepoints exist only inside a transaction block: outside one this statement fails and the migration stops here',
          help: 'Open a transaction with BEGIN before the SAVEPOINT, or remove the savepoint statements',
        });
        return;
      default:
        return;
    }
  },
});
