// mysql-mixed-instant: one ALTER TABLE on an existing MySQL/MariaDB table mixing actions that are
// INSTANT alone with actions that are not, where the mix costs more than the parts: the instant
// actions fall back (MySQL: to INPLACE; MariaDB: an instant column change beside an index build
// rebuilds the table). The fix moves added columns into an ALTER TABLE of their own, before the rest.
import { costPhrase, type ActionOnlineDdl, type StatementOnlineDdl } from '../analysis/mysql-online-ddl';
import type { Fix, StatementOf } from '../model';
import { fix, indentationAt, insertAt, newlineOf, replace } from './lib/edits';
import { defineRule } from './lib/rule';
import type { RuleContext } from './lib/rule';
import { existingTableOnlineDdl, sentenceStart } from './lib/online-ddl';

/**
 * Added columns first, in `ALTER TABLE t ADD …, ALGORITHM=INSTANT;`, then the statement without
 * them: only when every instant-losing action is an ADD COLUMN (later actions may use the new
 * column) and no ALGORITHM/LOCK clause sits among the actions.
 */
function splitFix(ctx: RuleContext, stmt: StatementOf<'alter-table'>, onlineDdl: StatementOnlineDdl): Fix[] {
  const lost = new Set(onlineDdl.instantLost.map((entry) => entry.action));
  const entriesOfLost = onlineDdl.actions.filter((entry) => lost.has(entry.action));
  const movable = [...lost].every((action) => action?.kind === 'add-column') && entriesOfLost.every((entry) => onlineDdl.instantLost.includes(entry));
  const first = stmt.actions[0];
  const last = stmt.actions[stmt.actions.length - 1];
  if (!movable || !first || !last) return [];
  const span = { start: first.range.start, end: last.range.end };
  const clauses = [onlineDdl.clauses?.algorithm?.range, onlineDdl.clauses?.lock?.range];
  if (clauses.some((range) => range && range.start >= span.start && range.end <= span.end)) return [];
  const textOf = (range: { start: number; end: number }): string => ctx.text.slice(range.start, range.end);
  const moved = stmt.actions.filter((action) => lost.has(action)).map((action) => textOf(action.range));
  const kept = stmt.actions.filter((action) => !lost.has(action)).map((action) => textOf(action.range));
  const newline = newlineOf(ctx.text);
  const instantStatement = `ALTER TABLE ${textOf(stmt.table.range)} ${moved.join(', ')}, ALGORITHM=INSTANT;${newline}${indentationAt(ctx.text, stmt.range.start)}`;
  return [fix('Move the added columns into an ALTER TABLE of their own', 'review', [insertAt(stmt.range.start, instantStatement), replace(span, kept.join(', '))])];
}

function blockingPartner(onlineDdl: StatementOnlineDdl): ActionOnlineDdl | undefined {
  const rest = onlineDdl.actions.filter((entry) => !onlineDdl.instantLost.includes(entry));
  return rest.find((entry) => entry.verdict.buildsIndex || entry.verdict.rebuildsTable) ?? rest[0];
}

export const mysqlMixedInstant = defineRule({
  meta: {
    id: 'mysql-mixed-instant',
    title: 'INSTANT actions mixed with others in one ALTER TABLE lose INSTANT',
    category: 'locks',
    severity: 'info',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'An ALTER TABLE runs as one operation with one algorithm. MySQL cannot combine an INSTANT action with any action that is not INSTANT ("A statement cannot combine the addition of a column with other ALTER TABLE actions that do not support the INSTANT algorithm"), so an added column is then added in place, rebuilding the table; MariaDB cannot combine an instant column change with building an index or a rebuild. The whole table is rewritten for a change that alone would only touch metadata.',
      safeWay: 'Run the INSTANT actions in an ALTER TABLE of their own, with `ALGORITHM=INSTANT`, and the rest in another (the fix moves added columns into a statement before the rest). A table created earlier in the same migration is not reported.',
      bad: 'ALTER TABLE orders ADD COLUMN coupon_code varchar(20), ADD INDEX orders_placed_at (placed_at);',
      good: 'ALTER TABLE orders ADD COLUMN coupon_code varchar(20), ALGORITHM=INSTANT;\nALTER TABLE orders ADD INDEX orders_placed_at (placed_at);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table') return;
    const onlineDdl = existingTableOnlineDdl(ctx, stmt);
    const lost = onlineDdl?.instantLost[0];
    // Without the table's indexes, an instant-looking DROP COLUMN may not be instant at all.
    if (!onlineDdl || !onlineDdl.splittingHelps || !lost || onlineDdl.instantLost.some((entry) => entry.verdict.unknown)) return;
    const partner = blockingPartner(onlineDdl);
    ctx.report({
      range: lost.range,
      message: `${sentenceStart(lost.verdict.subject)} is INSTANT alone, but beside ${partner ? partner.verdict.subject : 'the other actions'} the whole statement ${costPhrase(onlineDdl.cost)}`,
      help: 'Run the INSTANT actions in an ALTER TABLE of their own with ALGORITHM=INSTANT, and the other actions in another',
      fixes: splitFix(ctx, stmt, onlineDdl),
    });
  },
});
