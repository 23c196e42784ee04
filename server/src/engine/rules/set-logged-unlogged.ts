// set-logged-unlogged: ALTER TABLE … SET LOGGED / SET UNLOGGED rewrites the table under ACCESS
// EXCLUSIVE (SET LOGGED also writes all of it to the WAL).
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';

export const setLoggedUnlogged = defineRule({
  meta: {
    id: 'set-logged-unlogged',
    title: 'SET LOGGED / SET UNLOGGED rewrite the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {},
    fix: undefined,
    docs: {
      why: '`ALTER TABLE … SET LOGGED` and `SET UNLOGGED` write a new copy of the table and its indexes under an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the copy is done. `SET LOGGED` also writes the whole table to the WAL (and to replicas). An unlogged table is emptied after a crash and is not replicated.',
      safeWay: 'There is no online form. Decide a table\'s persistence when creating it; to change it on a large table, run the statement in a maintenance window, or create a new table with the wanted persistence, copy the rows in batches and swap the tables. Tables created earlier in the same migration are not reported.',
      bad: 'ALTER TABLE imports SET LOGGED;',
      good: 'CREATE TABLE imports (id bigint PRIMARY KEY, payload jsonb);\nALTER TABLE imports SET UNLOGGED;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    for (const action of stmt.actions) {
      if (action.kind !== 'set-logged') continue;
      ctx.report({
        range: action.range,
        message: `${action.logged ? 'SET LOGGED' : 'SET UNLOGGED'} rewrites \`${stmt.table.name}\`${action.logged ? ' and writes all of it to the WAL' : ''} under an ACCESS EXCLUSIVE lock held until the copy is written: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: action.logged
          ? 'Run it in a maintenance window, or copy the rows into a new logged table in batches and swap the tables'
          : 'Run it in a maintenance window; note that an unlogged table is emptied after a crash and is not replicated',
      });
    }
  },
});
