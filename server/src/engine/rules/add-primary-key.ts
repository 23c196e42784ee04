// add-primary-key: ADD PRIMARY KEY without USING INDEX on an existing table builds the index under
// ACCESS EXCLUSIVE; over nullable columns it also scans for NULLs (an implicit SET NOT NULL), with
// or without USING INDEX. The fix builds the index concurrently, then attaches it.
import { lockBlocks } from '../analysis/locks';
import { columnKey, tableKey } from '../analysis/state';
import type { ObjectName } from '../model';
import { fix, replace } from './lib/edits';
import { indexBackedConstraintRecipe, recipeText } from './lib/locking-helpers';
import { defineRule, type RuleContext } from './lib/rule';

/** Columns this unit knows to be nullable and not proven NOT NULL (the primary key will scan them). */
function knownNullable(ctx: RuleContext, table: ObjectName, columns: readonly string[]): string[] {
  const checkCounts = ctx.settings.serverVersion.major >= 12;
  return columns.filter((column) => {
    const key = columnKey(table, column);
    const fact = ctx.state.columns.get(key);
    const proof = ctx.state.notNullProofs.get(key);
    return fact !== undefined && !fact.notNull && !(proof && (!proof.check || checkCounts));
  });
}

export const addPrimaryKey = defineRule({
  meta: {
    id: 'add-primary-key',
    title: 'Add primary keys using a concurrently built index',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['adding-serial-primary-key-field'],
      pgfence: ['add-pk-without-using-index'],
    },
    fix: 'review',
    docs: {
      why: '`ALTER TABLE … ADD PRIMARY KEY (…)` builds a unique index while it holds an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the whole index is built. It also marks the columns NOT NULL, which scans every row when a column may hold NULLs, even with `USING INDEX`.',
      safeWay: 'Make sure the key columns are NOT NULL first (see `set-not-null`), build the index with `CREATE UNIQUE INDEX CONCURRENTLY` (it cannot run in a transaction block), then attach it with `ALTER TABLE … ADD CONSTRAINT name PRIMARY KEY USING INDEX name`. The fix writes these two statements when the ALTER has this single action and does not run in a transaction; review the index name. Without a schema model a column\'s nullability is known only when this file created it, so `USING INDEX` is reported only for columns the file created nullable. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE events ADD PRIMARY KEY (id);',
      good: 'CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const table = stmt.table.name;
    const blocked = lockBlocks['ACCESS EXCLUSIVE'];
    for (const action of stmt.actions) {
      if (action.kind === 'add-constraint' && action.constraint.kind === 'primary-key') {
        const constraint = action.constraint;
        // With USING INDEX the columns are the index's, known when this unit created it.
        const usingIndex = constraint.usingIndex;
        const columns =
          usingIndex === undefined ? constraint.columns : (ctx.state.indexColumns.get(tableKey({ schema: stmt.table.schema, name: usingIndex })) ?? []);
        const nullable = knownNullable(ctx, stmt.table, columns);
        const scan = nullable.length > 0 ? ` and scans every row for NULLs in ${nullable.map((column) => `\`${column}\``).join(', ')}` : '';
        if (usingIndex !== undefined) {
          if (nullable.length === 0) continue;
          ctx.report({
            range: action.range,
            message: `Adding this primary key marks nullable columns NOT NULL${scan} under an ACCESS EXCLUSIVE lock on \`${table}\` held until the scan ends: it blocks ${blocked}`,
            help: 'Make the columns NOT NULL first with a validated CHECK (… IS NOT NULL) constraint (see set-not-null), then add the primary key USING INDEX',
          });
          continue;
        }
        const recipe =
          stmt.actions.length === 1 && !ctx.state.inTransaction && nullable.length === 0
            ? indexBackedConstraintRecipe(ctx, stmt.table, constraint)
            : undefined;
        ctx.report({
          range: action.range,
          message: `Adding this primary key builds its index${scan} under an ACCESS EXCLUSIVE lock on \`${table}\` held until it finishes: it blocks ${blocked}`,
          help: ctx.state.inTransaction
            ? 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY in a migration outside a transaction, then ADD CONSTRAINT … PRIMARY KEY USING INDEX'
            : 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX (a brief lock once the columns are NOT NULL)',
          fixes: recipe
            ? [fix('Build the primary key index concurrently, then add the constraint using it', 'review', [replace(stmt.range, recipeText(ctx, stmt, recipe.statements))])]
            : [],
        });
      }
      if (action.kind === 'add-column' && action.column.primaryKey) {
        const constraint = action.column.constraints.find((candidate) => candidate.kind === 'primary-key');
        ctx.report({
          range: constraint?.range ?? action.range,
          message: `Adding \`${action.column.name}\` as the primary key builds its index under an ACCESS EXCLUSIVE lock on \`${table}\` held until the build ends: it blocks ${blocked}`,
          help: 'Add the column without PRIMARY KEY and fill it, then build a unique index CONCURRENTLY and ADD CONSTRAINT … PRIMARY KEY USING INDEX',
        });
      }
    }
  },
});
