// redundant-index: a plain B-tree index whose key is the leading part of another index's key serves
// no lookup the longer one cannot, and costs a write on every change. Judged against the model, and
// reported only if both indexes still exist when the migration ends.
import { fix, removeStatement } from './lib/edits';
import { createdIndexKey, elementKey, existingIndexKey, indexBeingCreated, isLeadingPrefix, predicateKey, reportIfIndexesRemain, sameKeys, type PendingIndexFinding } from './lib/index-helpers';
import { defineRule } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

const pending = unitMemory<PendingIndexFinding[]>(() => []);
import type { SchemaIndex } from '../schema/model';

const comparable = (index: { readonly method: string; readonly predicate: string | undefined }): boolean => index.method === 'btree' && predicateKey(index.predicate) === '';

export const redundantIndex = defineRule({
  meta: {
    id: 'redundant-index',
    title: 'Index covered by a longer index',
    category: 'indexes',
    severity: 'info',
    dialects: ['postgres'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'A B-tree index on (a, b) already serves every lookup and ordering on (a) alone. A separate non-unique index on (a) adds write cost and memory without making any query faster (the longer index is a little bigger to scan, rarely enough to matter).',
      safeWay: 'Drop the shorter index (`DROP INDEX CONCURRENTLY`), or do not create it. Unique indexes are never redundant: they enforce a rule. Partial indexes and other methods are not compared.',
      bad: 'CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, created_at timestamptz);\nCREATE INDEX events_account_created_idx ON events (account_id, created_at);\nCREATE INDEX events_account_idx ON events (account_id);',
      good: 'CREATE TABLE events (id bigint PRIMARY KEY, account_id bigint, created_at timestamptz);\nCREATE INDEX events_account_created_idx ON events (account_id, created_at);\nCREATE INDEX events_created_idx ON events (created_at);',
    },
  },
  check(ctx, stmt) {
    if (ctx.state.reverting || stmt.kind !== 'create-index' || stmt.method !== 'btree' || stmt.where !== undefined) return;
    const created = indexBeingCreated(ctx.state.schema, stmt);
    if (!created) return;
    const others = created.others.filter(comparable);
    const keysOf = (index: SchemaIndex): string[] => index.elements.map(elementKey);
    const longer = stmt.unique ? undefined : others.find((index) => isLeadingPrefix(created.keys, keysOf(index)));
    const createdKey = createdIndexKey(stmt);
    const keysWith = (other: SchemaIndex): string[] => [existingIndexKey(ctx.state.schema, other), ...(createdKey ? [createdKey] : [])];
    if (longer) {
      pending(ctx).push({ indexKeys: keysWith(longer), report: {
        range: stmt.range,
        message: `\`${longer.name}\` on \`${stmt.table.name}\` starts with the same columns, so this index serves no lookup it does not, yet every write maintains both`,
        help: 'Remove this statement: queries on these columns use the longer index',
        fixes: [fix('Remove this redundant index', 'review', [removeStatement(ctx.text, stmt.range)])],
      } });
      return;
    }
    // The new index makes an older, shorter plain index redundant.
    const shorter = others.find((index) => !index.unique && index.constraint === undefined && (isLeadingPrefix(keysOf(index), created.keys) || (stmt.unique && sameKeys(keysOf(index), created.keys))));
    if (!shorter) return;
    pending(ctx).push({ indexKeys: keysWith(shorter), report: {
      range: stmt.range,
      message: `With this index, \`${shorter.name}\` on \`${stmt.table.name}\` becomes redundant: its columns lead this one, so it only adds write cost`,
      help: `Drop \`${shorter.name}\` (DROP INDEX CONCURRENTLY) once this index is built`,
    } });
  },
  checkEnd(ctx) {
    reportIfIndexesRemain(ctx, pending(ctx));
  },
});
