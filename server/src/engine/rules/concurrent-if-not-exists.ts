// concurrent-if-not-exists: a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind, and
// IF NOT EXISTS then skips the build and keeps the broken index.
import { defineRule } from './lib/rule';

export const concurrentIfNotExists = defineRule({
  meta: {
    id: 'concurrent-if-not-exists',
    title: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS can keep an invalid index',
    category: 'indexes',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'When `CREATE INDEX CONCURRENTLY` fails (a deadlock, a unique violation, a cancelled statement or timeout), PostgreSQL leaves the index behind marked INVALID: it is maintained on every write but never used by queries. Re-running the migration with `IF NOT EXISTS` then sees the name, skips the build, and reports success, so the index silently never works.',
      safeWay: 'Drop a leftover first with `DROP INDEX CONCURRENTLY IF EXISTS …`, then create the index without `IF NOT EXISTS`; or check `pg_index.indisvalid` after the build.',
      bad: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);',
      good: 'DROP INDEX CONCURRENTLY IF EXISTS orders_user_idx;\nCREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'create-index' || !stmt.concurrently || !stmt.ifNotExists) return;
    const name = stmt.name ? `\`${stmt.name.name}\`` : 'the index';
    ctx.report({
      range: stmt.range,
      message: `If an earlier concurrent build of ${name} failed, it left an INVALID index that IF NOT EXISTS keeps: the build is skipped and queries never use the index`,
      help: 'Run DROP INDEX CONCURRENTLY IF EXISTS first and create the index without IF NOT EXISTS, or check pg_index.indisvalid afterwards',
    });
  },
});
