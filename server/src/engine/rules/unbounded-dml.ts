// unbounded-dml: UPDATE or DELETE without WHERE on an existing table in a migration touches every row
// in one transaction: each row stays locked against other writers until it commits. A MySQL/MariaDB
// multi-table UPDATE or DELETE is bounded by its inner join instead of a WHERE.
import type { StatementOf } from '../model';
import { defineRule } from './lib/rule';

/** MySQL `UPDATE a JOIN b ON … SET …` / `DELETE a FROM a JOIN b …`: the join keeps only matching rows of the target. */
function boundedByJoin(stmt: StatementOf<'update'> | StatementOf<'delete'>): boolean {
  const shape = stmt.shape;
  if (stmt.dialect === 'postgres' || !shape) return false;
  const target = shape.tables.find((table) => table.name === stmt.table.name && table.schema === stmt.table.schema);
  return target !== undefined && shape.columns.some((use) => use.use === 'join' && use.table === target.ref && use.preserved !== true);
}

export const unboundedDml = defineRule({
  meta: {
    id: 'unbounded-dml',
    title: 'UPDATE or DELETE without WHERE in a migration',
    category: 'destructive',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'An `UPDATE` or `DELETE` without `WHERE` touches every row of the table in one transaction. Every row it changes stays locked until the migration commits, so application writes to those rows wait (and their callers time out); on a large table it also writes a new version of every row, doubling the table until VACUUM catches up, and floods replication. On MySQL and MariaDB every changed row also goes to the binary log, and replicas apply the whole statement at once. Often the missing `WHERE` is simply a mistake. A MySQL multi-table `UPDATE … JOIN … SET` or `DELETE … FROM … JOIN` is bounded by its join and is not reported.',
      safeWay: 'Backfill in bounded batches (`UPDATE … WHERE id BETWEEN … AND …`), each in its own transaction, from a script or a non-transactional migration; and write the `WHERE` that names the rows you mean. A table created earlier in the same migration holds no production rows, so it is fine there.',
      bad: "UPDATE users SET plan = 'free';",
      good: "UPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000 AND plan IS NULL;",
    },
  },
  check(ctx, stmt) {
    if ((stmt.kind !== 'update' && stmt.kind !== 'delete') || stmt.hasWhere || stmt.limited || ctx.isNewTable(stmt.table) || boundedByJoin(stmt)) return;
    const table = stmt.table.name;
    ctx.report({
      range: stmt.range,
      message:
        stmt.kind === 'update'
          ? `This UPDATE rewrites every row of \`${table}\` in one transaction: application writes to any of them wait until it commits`
          : `This DELETE removes every row of \`${table}\` in one transaction, for good: application writes to any of them wait until it commits`,
      help: 'Add the WHERE that names the rows you mean, and backfill large tables in bounded batches, each in its own transaction',
    });
  },
});
