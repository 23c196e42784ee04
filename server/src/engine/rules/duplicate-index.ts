// duplicate-index: a second index with the same table, method, key and predicate doubles the write
// cost and serves no query the first does not. Judged against the schema model before the statement,
// and reported only if both indexes still exist when the migration ends (replace-then-drop is fine).
import { fix, removeStatement } from './lib/edits';
import { createdIndexKey, elementKey, existingIndexKey, indexBeingCreated, predicateKey, reportIfIndexesRemain, sameKeys, type PendingIndexFinding } from './lib/index-helpers';
import { defineRule } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

const pending = unitMemory<PendingIndexFinding[]>(() => []);

export const duplicateIndex = defineRule({
  meta: {
    id: 'duplicate-index',
    title: 'Index identical to an existing one',
    category: 'indexes',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'Every INSERT, UPDATE of an indexed column and DELETE maintains every index; a second index with the same columns, method and predicate doubles that work and the disk and cache it takes, and the planner only ever uses one of them. It usually comes from an ORM creating an index a constraint already created (a UNIQUE constraint builds its own index).',
      safeWay: 'Keep one: drop the new statement, or drop the old index (`DROP INDEX CONCURRENTLY`) if the new one is the one you want to keep (for example, a unique index that replaces a plain one).',
      bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_email_idx ON users (email);',
      good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_lower_email_idx ON users (lower(email));',
    },
  },
  check(ctx, stmt) {
    if (ctx.state.reverting || stmt.kind !== 'create-index') return;
    const created = indexBeingCreated(ctx.state.schema, stmt);
    if (!created) return;
    const predicate = predicateKey(stmt.where?.text);
    const twin = created.others.find(
      (index) =>
        index.method === stmt.method &&
        predicateKey(index.predicate) === predicate &&
        (index.unique || !stmt.unique) &&
        sameKeys(index.elements.map(elementKey), created.keys),
    );
    if (!twin) return;
    const source = twin.constraint ? `the index of constraint \`${twin.constraint}\`` : `index \`${twin.name}\``;
    const createdKey = createdIndexKey(stmt);
    const indexKeys = [existingIndexKey(ctx.state.schema, twin), ...(createdKey ? [createdKey] : [])];
    pending(ctx).push({ indexKeys, report: {
      range: stmt.range,
      message: `This index duplicates ${source} on \`${stmt.table.name}\` (same columns, method and predicate): every write to the table maintains both, and queries use only one`,
      help: `Remove this statement, or drop \`${twin.name}\` if this one should replace it`,
      fixes: [fix('Remove this duplicate index', 'review', [removeStatement(ctx.text, stmt.range)])],
    } });
  },
  checkEnd(ctx) {
    reportIfIndexesRemain(ctx, pending(ctx));
  },
});
