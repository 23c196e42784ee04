// enum-add-value: before PostgreSQL 12, ALTER TYPE … ADD VALUE refuses to run inside a transaction
// block ("ALTER TYPE ... ADD cannot run inside a transaction block"), unless the enum type was
// created earlier in the same transaction. PostgreSQL 12 lifted the restriction (an uncommitted
// value just cannot be used until the transaction commits), so the rule stops at 11.
import { tableKey } from '../analysis/state';
import { defineRule } from './lib/rule';

export const enumAddValue = defineRule({
  meta: {
    id: 'enum-add-value',
    title: 'Add enum values outside a transaction before PostgreSQL 12',
    category: 'transactions',
    severity: 'error',
    dialects: ['postgres'],
    versions: { max: 11 },
    aliases: {},
    fix: undefined,
    docs: {
      why: 'Up to PostgreSQL 11, `ALTER TYPE … ADD VALUE` cannot run inside a transaction block: the server stops with "ALTER TYPE ... ADD cannot run inside a transaction block" and the whole migration rolls back. That includes the transaction a migration tool wraps each file in (Flyway, golang-migrate, Prisma …), so the migration passes on a PostgreSQL 12+ development database and fails on an older production server. The one exception is an enum type created earlier in the same transaction, which is not reported. From PostgreSQL 12 on the statement runs in a transaction block (the new value cannot be used until the transaction commits) and the rule is quiet.',
      safeWay: 'Run `ALTER TYPE … ADD VALUE` outside any transaction block: in its own migration marked non-transactional (or after `COMMIT` when the file manages its own transactions). Add `IF NOT EXISTS` so the statement can be re-run if a later step fails.',
      bad: "BEGIN;\nALTER TYPE order_status ADD VALUE 'refunded';\nCOMMIT;",
      good: "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';",
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-enum-add-value' || !ctx.state.inTransaction) return;
    // Allowed for an enum created in the same transaction (pg_dump --binary-upgrade relies on it).
    if (ctx.state.typesCreatedInTransaction.has(tableKey(stmt.type))) return;
    const { major, minor } = ctx.settings.serverVersion;
    const version = major >= 10 ? String(major) : `${major}.${minor}`;
    ctx.report({
      range: stmt.range,
      message: `PostgreSQL ${version} refuses ALTER TYPE … ADD VALUE inside a transaction block: adding '${stmt.value}' to \`${stmt.type.name}\` fails and the migration rolls back`,
      help: ctx.state.explicitTransaction
        ? 'Move the statement out of the BEGIN … COMMIT block (PostgreSQL 12+ allows it inside one)'
        : 'Put the statement in its own migration that does not run in a transaction (PostgreSQL 12+ allows it inside one)',
      related: ctx.state.transactionStart ? [{ range: ctx.state.transactionStart, message: 'The transaction block starts here' }] : [],
    });
  },
});
