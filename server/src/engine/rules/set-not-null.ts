// set-not-null: ALTER COLUMN … SET NOT NULL on an existing table scans every row under ACCESS
// EXCLUSIVE. PostgreSQL 12+ skips the scan when a validated CHECK (col IS NOT NULL) proves it, so
// the fix rewrites the statement into that recipe. Quiet when this unit already proved the column.
import { lockBlocks } from '../analysis/locks';
import { columnKey } from '../analysis/state';
import { fix, replace } from './lib/edits';
import { quoteName, recipeText, writtenName } from './lib/locking-helpers';
import { makeObjectName } from '../schema/names';
import { defineRule } from './lib/rule';

export const setNotNull = defineRule({
  meta: {
    id: 'set-not-null',
    title: 'SET NOT NULL scans the table under an exclusive lock',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['adding-not-nullable-field'],
      pgfence: ['alter-column-set-not-null'],
      strong_migrations: ['change_column_null_postgresql'],
      eugene: ['E2'],
    },
    fix: 'safe',
    docs: {
      why: '`ALTER TABLE … ALTER COLUMN … SET NOT NULL` checks every row for NULLs while it holds an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits for the whole scan. On PostgreSQL 11 and older there is no way around the scan.',
      safeWay: 'On PostgreSQL 12+: `ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID` (brief lock, no scan), `VALIDATE CONSTRAINT c` (scans without blocking reads or writes), then `SET NOT NULL` (PostgreSQL uses the validated check and skips the scan), then `DROP CONSTRAINT c`. The fix writes these four statements; it is offered outside a transaction only, so the validation does not run under the first statement\'s lock. The recipe\'s constraint is named `<table>_<column>_not_null_check`, not `<table>_<column>_not_null`, because PostgreSQL 18 gives that name to the NOT NULL constraint itself. On PostgreSQL 18 `ADD CONSTRAINT c NOT NULL col NOT VALID` followed by `VALIDATE CONSTRAINT c` works too. The rule is quiet when the column is already NOT NULL or (on PostgreSQL 12+) a validated `CHECK (col IS NOT NULL)` exists — added earlier in the file or by an earlier migration of the workspace — and for tables created earlier in the migration.',
      bad: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      good: "ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_not_null_check;",
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const canUseCheck = ctx.settings.serverVersion.major >= 12;
    for (const action of stmt.actions) {
      if (action.kind !== 'set-not-null') continue;
      const proof = ctx.state.notNullProofs.get(columnKey(stmt.table, action.column));
      // Already NOT NULL: a no-op. A validated CHECK: PostgreSQL 12+ skips the scan.
      if (proof && (!proof.check || canUseCheck)) continue;
      const table = writtenName(ctx, stmt.table);
      const column = quoteName(action.column);
      const constraint = quoteName(makeObjectName(stmt.table.name, action.column, 'not_null_check'));
      const recipe = recipeText(ctx, stmt, [
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} CHECK (${column} IS NOT NULL) NOT VALID`,
        `ALTER TABLE ${table} VALIDATE CONSTRAINT ${constraint}`,
        `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`,
        `ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`,
      ]);
      const fixable = canUseCheck && stmt.actions.length === 1 && !ctx.state.inTransaction;
      ctx.report({
        range: action.range,
        message: `Setting \`${action.column}\` NOT NULL scans every row of \`${stmt.table.name}\` under an ACCESS EXCLUSIVE lock held until the scan ends: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: canUseCheck
          ? `Add CHECK (${column} IS NOT NULL) NOT VALID, VALIDATE it in a separate statement outside a transaction, then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan) and drop the check`
          : 'PostgreSQL 11 and older always scan for SET NOT NULL and have no recipe around it: keep a validated CHECK (… IS NOT NULL) constraint instead, or run this while the table is quiet',
        fixes: fixable ? [fix('Rewrite as CHECK NOT VALID, VALIDATE, SET NOT NULL', 'safe', [replace(stmt.range, recipe)])] : [],
      });
    }
  },
});
