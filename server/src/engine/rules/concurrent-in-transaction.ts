// concurrent-in-transaction: CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH
// PARTITION CONCURRENTLY refuse to run inside a transaction block, so the migration fails there.
// REFRESH MATERIALIZED VIEW CONCURRENTLY is allowed in a transaction and is not reported.
import type { RelatedInformation, Statement } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

/** The command name PostgreSQL's error names, when `stmt` uses CONCURRENTLY where a transaction block is refused. */
function concurrentCommand(stmt: Statement): string | undefined {
  switch (stmt.kind) {
    case 'create-index':
      return stmt.concurrently ? 'CREATE INDEX CONCURRENTLY' : undefined;
    case 'drop':
      return stmt.objectKind === 'index' && stmt.concurrently ? 'DROP INDEX CONCURRENTLY' : undefined;
    case 'reindex':
      return stmt.concurrently ? 'REINDEX CONCURRENTLY' : undefined;
    case 'alter-table':
      return stmt.actions.some((action) => action.kind === 'detach-partition' && action.concurrently)
        ? 'ALTER TABLE … DETACH PARTITION … CONCURRENTLY'
        : undefined;
    default:
      return undefined;
  }
}

function transactionOrigin(ctx: RuleContext): { where: string; related: RelatedInformation[] } {
  const start = ctx.state.transactionStart;
  if (ctx.state.explicitTransaction && start) {
    return { where: 'the transaction opened by BEGIN', related: [{ range: start, message: 'The transaction block starts here' }] };
  }
  return { where: 'the transaction the migration tool wraps around this migration', related: [] };
}

export const concurrentInTransaction = defineRule({
  meta: {
    id: 'concurrent-in-transaction',
    title: 'CONCURRENTLY cannot run inside a transaction',
    category: 'transactions',
    severity: 'error',
    dialects: ['postgres'],
    aliases: {
      squawk: ['ban-concurrent-index-creation-in-transaction'],
      pgfence: ['concurrent-in-transaction'],
    },
    fix: undefined,
    docs: {
      why: '`CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX CONCURRENTLY` and `ALTER TABLE … DETACH PARTITION … CONCURRENTLY` work in several transactions of their own, so PostgreSQL refuses them inside a transaction block ("cannot run inside a transaction block"). In a `BEGIN … COMMIT` block, or in a migration the tool wraps in a transaction (Flyway, dbmate and goose by default, `assumeInTransaction`), the migration fails at this statement and everything before it in the transaction is rolled back. `REFRESH MATERIALIZED VIEW CONCURRENTLY` is allowed in a transaction and is not reported.',
      safeWay: 'Move the statement to its own migration that runs outside a transaction: no `BEGIN`/`COMMIT` around it, and mark the migration non-transactional for the tool (dbmate `-- migrate:up transaction:false`, goose `-- +goose NO TRANSACTION`, Flyway `executeInTransaction=false`, Rails `disable_ddl_transaction!`).',
      bad: 'BEGIN;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMIT;',
      good: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);',
    },
  },
  check(ctx, stmt) {
    if (!ctx.state.inTransaction) return;
    const command = concurrentCommand(stmt);
    if (!command) return;
    const origin = transactionOrigin(ctx);
    ctx.report({
      range: stmt.range,
      message: `${command} cannot run inside a transaction block, and this one runs in ${origin.where}: the migration fails here and its earlier statements roll back`,
      help: 'Run it in its own migration outside a transaction (no BEGIN/COMMIT, and mark the migration non-transactional for the tool)',
      related: origin.related,
    });
  },
});
