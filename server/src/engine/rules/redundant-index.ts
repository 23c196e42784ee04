// redundant-index: a plain B-tree index whose key is the leading part of another index's key serves
// no lookup the longer one cannot, and costs a write on every change. Judged against the model (and,
// on MySQL/MariaDB, the keys the same statement built before), and reported only if both indexes
// still exist when the migration ends and InnoDB would let the shorter one go.
import type { Statement } from '../model';
import { fix } from './lib/edits';
import {
  indexesToCompare,
  isLeadingPrefix,
  keysOf,
  predicateKey,
  primaryKeyColumns,
  reportIfIndexesRemain,
  sameKeys,
  storedKeys,
  type BuiltIndex,
  type ComparedIndex,
  type PendingIndexFinding,
} from './lib/index-helpers';
import { defineRule, type ReportInput, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

const pending = unitMemory<PendingIndexFinding[]>(() => []);

const comparable = (index: { readonly method: string; readonly predicate: string | undefined }): boolean => index.method === 'btree' && predicateKey(index.predicate) === '';

/** `shorter` is redundant beside `longer`: not unique, and its key leads the longer one's (a unique index over the same key serves it too). */
function covers(longer: ComparedIndex | BuiltIndex, shorter: ComparedIndex | BuiltIndex): boolean {
  if (shorter.unique) return false;
  return isLeadingPrefix(keysOf(shorter), keysOf(longer)) || (longer.unique && sameKeys(keysOf(shorter), keysOf(longer)));
}

/** The help's way to drop an existing index: concurrently on PostgreSQL, in place on MySQL. */
function dropAdvice(stmt: Statement, table: string, index: string): string {
  return stmt.dialect === 'postgres' ? `Drop \`${index}\` (DROP INDEX CONCURRENTLY) once this index is built` : `Drop \`${index}\` (ALTER TABLE ${table} DROP INDEX ${index}, in place) once this index is built`;
}

/** A finding on an index the statement builds, with a fix removing it. */
function redundantHere(stmt: Statement, redundant: BuiltIndex, longer: ComparedIndex, table: string): ReportInput {
  const longerName = longer.primary && longer.name === 'PRIMARY' ? 'The primary key' : `\`${longer.name ?? 'An index this statement builds'}\``;
  return {
    range: redundant.range,
    message: `${longerName} on \`${table}\` starts with the same columns, so this index serves no lookup it does not, yet every write maintains both`,
    help: `Remove this ${stmt.dialect === 'postgres' ? 'statement' : 'index'}: queries on these columns use the longer index`,
    fixes: redundant.removal ? [fix('Remove this redundant index', 'review', [redundant.removal])] : [],
  };
}

export const redundantIndex = defineRule({
  meta: {
    id: 'redundant-index',
    title: 'Index covered by a longer index',
    category: 'indexes',
    severity: 'info',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A B-tree index on (a, b) already serves every lookup and ordering on (a) alone. A separate non-unique index on (a) adds write cost and memory without making any query faster (the longer index is a little bigger to scan, rarely enough to matter). On MySQL and MariaDB the primary key is the table itself (InnoDB clusters rows on it), so a plain index on its leading columns is redundant too.',
      safeWay: 'Drop the shorter index (`DROP INDEX CONCURRENTLY`; MySQL: `ALTER TABLE … DROP INDEX`, in place), or do not create it. Unique indexes are never redundant: they enforce a rule. Partial indexes and other methods are not compared, nor are MySQL prefix parts (`col(10)`) with whole columns. On MySQL an index that alone serves a foreign key is not reported: InnoDB refuses to drop it.',
      bad: 'CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, created_at timestamptz);\nCREATE INDEX events_account_created_idx ON events (account_id, created_at);\nCREATE INDEX events_account_idx ON events (account_id);',
      good: 'CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, created_at timestamptz);\nCREATE INDEX events_account_created_idx ON events (account_id, created_at);\nCREATE INDEX events_created_idx ON events (created_at);',
    },
  },
  check(ctx, stmt) {
    if (ctx.state.reverting) return;
    for (const { built, others } of indexesToCompare(ctx, stmt)) judge(ctx, stmt, built, others.filter(comparable));
  },
  checkEnd(ctx) {
    reportIfIndexesRemain(ctx, pending(ctx));
  },
});

function judge(ctx: RuleContext, stmt: Statement, built: BuiltIndex, others: readonly ComparedIndex[]): void {
  if (!comparable(built)) return;
  const primaryKey = primaryKeyColumns(ctx, stmt, built.tableKey);
  // Indexes InnoDB stores alike are duplicates (duplicate-index), not one redundant beside the other.
  const stored = storedKeys(built, primaryKey);
  const candidates = primaryKey.length === 0 ? others : others.filter((index) => index.primary || built.primary || !sameKeys(storedKeys(index, primaryKey), stored));
  const here = { path: ctx.state.path, start: built.originStart };
  const table = built.table.name;
  const longer = candidates.find((index) => covers(index, built) && !sameKeys(keysOf(index), keysOf(built)));
  if (longer) {
    pending(ctx).push({ dropped: here, kept: longer.origin, report: redundantHere(stmt, built, longer, table) });
    return;
  }
  // The new index makes an older, shorter plain index redundant.
  const shorter = candidates.find((index) => index.constraint === undefined && covers(built, index));
  if (!shorter) return;
  if (shorter.built) {
    // One finding per redundant index, however many longer ones the statement builds after it.
    const start = shorter.origin.start;
    if (pending(ctx).some((finding) => finding.dropped.path === shorter.origin.path && finding.dropped.start === start)) return;
    pending(ctx).push({ dropped: shorter.origin, kept: here, report: redundantHere(stmt, shorter.built, { ...built, constraint: undefined, origin: here }, table) });
    return;
  }
  pending(ctx).push({
    dropped: shorter.origin,
    kept: here,
    report: {
      range: built.range,
      message: `With this index, \`${shorter.name ?? ''}\` on \`${table}\` becomes redundant: its columns lead this one, so it only adds write cost`,
      help: dropAdvice(stmt, table, shorter.name ?? ''),
    },
  });
}
