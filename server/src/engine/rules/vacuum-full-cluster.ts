// vacuum-full-cluster: VACUUM FULL and CLUSTER rewrite the whole table (and rebuild its indexes)
// under ACCESS EXCLUSIVE; without a table list they do so for many tables in a row.
import { lockBlocks } from '../analysis/locks';
import { defineRule } from './lib/rule';

export const vacuumFullCluster = defineRule({
  meta: {
    id: 'vacuum-full-cluster',
    title: 'VACUUM FULL and CLUSTER rewrite tables under an exclusive lock',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      pgfence: ['vacuum-full'],
    },
    fix: undefined,
    docs: {
      why: '`VACUUM FULL` and `CLUSTER` write a new copy of the table and rebuild all its indexes while holding an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the copy is done, and the copy needs as much free disk as the table. Without a table list, `VACUUM FULL` does this for every table of the database and `CLUSTER` for every table clustered before.',
      safeWay: 'Reclaim space online with an extension such as pg_repack or pg_squeeze, which copy the table in the background and take the exclusive lock only for the final swap; plain `VACUUM` (without FULL) needs no exclusive lock and makes dead space reusable. Tables created earlier in the same migration are not reported.',
      bad: 'VACUUM FULL orders;',
      good: 'VACUUM (ANALYZE) orders;',
    },
  },
  check(ctx, stmt) {
    const blocked = lockBlocks['ACCESS EXCLUSIVE'];
    if (stmt.kind === 'vacuum' && stmt.full) {
      const tables = stmt.tables.filter((table) => !ctx.isNewTable(table));
      if (stmt.tables.length > 0 && tables.length === 0) return;
      ctx.report({
        range: stmt.range,
        message:
          tables.length === 0
            ? 'VACUUM FULL without a table list rewrites every table of the database, each under an ACCESS EXCLUSIVE lock held until its copy is written: it blocks every query on that table, reads included'
            : `VACUUM FULL rewrites ${tables.map((table) => `\`${table.name}\``).join(', ')} under an ACCESS EXCLUSIVE lock held until the copy is written: it blocks ${blocked}`,
        help: 'Use pg_repack or pg_squeeze to rewrite online, or plain VACUUM to make dead space reusable without a lock',
      });
    }
    if (stmt.kind === 'cluster') {
      if (stmt.table && ctx.isNewTable(stmt.table)) return;
      ctx.report({
        range: stmt.range,
        message: stmt.table
          ? `CLUSTER rewrites \`${stmt.table.name}\` in index order under an ACCESS EXCLUSIVE lock held until the copy is written: it blocks ${blocked}`
          : 'CLUSTER without a table rewrites every table clustered before, each under an ACCESS EXCLUSIVE lock held until its copy is written: it blocks every query on that table, reads included',
        help: 'Use pg_repack (it can reorder by an index) to rewrite online',
      });
    }
  },
});
