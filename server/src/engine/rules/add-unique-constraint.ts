// add-unique-constraint: ADD CONSTRAINT … UNIQUE / ADD COLUMN … UNIQUE on an existing table builds
// the unique index under ACCESS EXCLUSIVE. The fix builds it concurrently first, then attaches it.
import { lockBlocks } from '../analysis/locks';
import type { TextEdit } from '../model';
import { fix, replace } from './lib/edits';
import { appendAfter, indexBackedConstraintRecipe, recipeText } from './lib/locking-helpers';
import { defineRule } from './lib/rule';

export const addUniqueConstraint = defineRule({
  meta: {
    id: 'add-unique-constraint',
    title: 'Add unique constraints using a concurrently built index',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['disallowed-unique-constraint'],
      pgfence: ['add-constraint-unique'],
      eugene: ['E7'],
    },
    fix: 'review',
    docs: {
      why: 'Adding a UNIQUE constraint builds its unique index while `ALTER TABLE` holds an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the whole index is built. The same happens for `ADD COLUMN … UNIQUE`.',
      safeWay: 'Build the index first with `CREATE UNIQUE INDEX CONCURRENTLY` (reads and writes continue; it cannot run in a transaction block), then attach it with `ALTER TABLE … ADD CONSTRAINT name UNIQUE USING INDEX name`, which only takes the lock briefly. For `ADD COLUMN … UNIQUE`, add the column first, then do the same. The fix writes these statements when the ALTER has this single action and does not run in a transaction; review the index name. A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
      good: 'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const single = stmt.actions.length === 1 && !ctx.state.inTransaction;
    const message = `Adding this unique constraint builds its index under an ACCESS EXCLUSIVE lock on \`${stmt.table.name}\` held until the build ends: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`;
    const help = ctx.state.inTransaction
      ? 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY in a migration outside a transaction, then ADD CONSTRAINT … UNIQUE USING INDEX'
      : 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX (a brief lock)';
    for (const action of stmt.actions) {
      if (action.kind === 'add-constraint' && action.constraint.kind === 'unique' && action.constraint.usingIndex === undefined) {
        const recipe = single ? indexBackedConstraintRecipe(ctx, stmt.table, action.constraint) : undefined;
        const edits: TextEdit[] = recipe ? [replace(stmt.range, recipeText(ctx, stmt, recipe.statements))] : [];
        ctx.report({
          range: action.range,
          message,
          help,
          fixes: recipe ? [fix('Build the unique index concurrently, then add the constraint using it', 'review', edits)] : [],
        });
      }
      if (action.kind === 'add-column') {
        for (const constraint of action.column.constraints) {
          if (constraint.kind !== 'unique') continue;
          const recipe = single ? indexBackedConstraintRecipe(ctx, stmt.table, constraint) : undefined;
          // Remove the inline UNIQUE (and the blanks before it), then add the recipe after the statement.
          let start = constraint.range.start;
          while (start > action.range.start && (ctx.text.charAt(start - 1) === ' ' || ctx.text.charAt(start - 1) === '\t')) start--;
          const edits: TextEdit[] = recipe ? [replace({ start, end: constraint.range.end }, ''), appendAfter(ctx, stmt, recipe.statements)] : [];
          ctx.report({
            range: constraint.range,
            message,
            help: ctx.state.inTransaction
              ? 'Add the column without UNIQUE, then in a migration outside a transaction build its index with CREATE UNIQUE INDEX CONCURRENTLY and ADD CONSTRAINT … UNIQUE USING INDEX'
              : 'Add the column without UNIQUE, build its index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX (a brief lock)',
            fixes: recipe ? [fix('Add the column, then build the unique index concurrently and attach it', 'review', edits)] : [],
          });
        }
      }
    }
  },
});
