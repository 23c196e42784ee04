// duplicate-index: a second index with the same table, method, key and predicate doubles the write
// cost and serves no query the first does not. Judged against the schema model before the statement
// (MySQL/MariaDB: also against the keys and indexes the same statement built before), and reported
// only if both indexes still exist when the migration ends (replace-then-drop is fine) and, on MySQL,
// InnoDB would let the duplicate go (a foreign key may need it).
import type { Statement } from '../model';
import { fix } from './lib/edits';
import {
  indexesToCompare,
  indexLabel,
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
import { defineRule, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

const pending = unitMemory<PendingIndexFinding[]>(() => []);

interface Twin {
  readonly index: ComparedIndex;
  /** Equal only once InnoDB appends the primary key to both (MySQL secondary indexes). */
  readonly throughPrimaryKey: readonly string[] | undefined;
}

function findTwin(ctx: RuleContext, stmt: Statement, built: BuiltIndex, others: readonly ComparedIndex[]): Twin | undefined {
  const predicate = predicateKey(built.predicate);
  const keys = keysOf(built);
  const comparable = others.filter((index) => index.method === built.method && predicateKey(index.predicate) === predicate);
  const declared = comparable.find((index) => (index.unique || !built.unique) && sameKeys(keysOf(index), keys));
  if (declared) return { index: declared, throughPrimaryKey: undefined };
  const primaryKey = primaryKeyColumns(ctx, stmt, built.tableKey);
  if (built.unique || primaryKey.length === 0) return undefined;
  const stored = storedKeys(built, primaryKey);
  const twin = comparable.find((index) => !index.primary && sameKeys(storedKeys(index, primaryKey), stored));
  return twin ? { index: twin, throughPrimaryKey: primaryKey } : undefined;
}

function message(stmt: Statement, built: BuiltIndex, twin: Twin): string {
  const source = indexLabel(stmt, twin.index);
  const table = `\`${built.table.name}\``;
  if (built.fromSerial) return `SERIAL adds a UNIQUE key on \`${built.elements[0]?.column ?? ''}\` that duplicates ${source} of ${table}: every write to the table maintains both, and queries use only one`;
  if (twin.throughPrimaryKey) {
    const key = twin.throughPrimaryKey.map((column) => `\`${column}\``).join(', ');
    return `This index holds the same entries as ${source} on ${table}: InnoDB appends the primary key (${key}) to every secondary index, so every write maintains both and queries use only one`;
  }
  const same = stmt.dialect === 'postgres' ? 'same columns, method and predicate' : 'same columns';
  return `This index duplicates ${source} on ${table} (${same}): every write to the table maintains both, and queries use only one`;
}

function help(stmt: Statement, built: BuiltIndex, twin: ComparedIndex): string {
  if (built.fromSerial) return 'Write BIGINT UNSIGNED NOT NULL AUTO_INCREMENT instead of SERIAL, which adds the UNIQUE key';
  if (stmt.dialect === 'postgres') return `Remove this statement, or drop \`${twin.name ?? ''}\` if this one should replace it`;
  return twin.name === undefined || twin.primary
    ? 'Remove this index'
    : `Remove this index, or drop \`${twin.name}\` (ALTER TABLE ${built.table.name} DROP INDEX ${twin.name}) if this one should replace it`;
}

export const duplicateIndex = defineRule({
  meta: {
    id: 'duplicate-index',
    title: 'Index identical to an existing one',
    category: 'indexes',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: 'Every INSERT, UPDATE of an indexed column and DELETE maintains every index; a second index with the same columns, method and predicate doubles that work and the disk and cache it takes, and the planner only ever uses one of them. It usually comes from an ORM creating an index a constraint already created (a UNIQUE constraint builds its own index). MySQL and MariaDB accept a duplicate with only a note (1831, "Duplicate index … deprecated"), and InnoDB appends the primary key to every secondary index, so `(a)` and `(a, id)` hold the same entries when `id` is the primary key; MySQL\'s `SERIAL` adds a UNIQUE key that duplicates a primary key declared on its own.',
      safeWay: 'Keep one: drop the new statement, or drop the old index (`DROP INDEX CONCURRENTLY`; MySQL: `ALTER TABLE … DROP INDEX`, in place) if the new one is the one you want to keep (for example, a unique index that replaces a plain one). On MySQL an index that alone serves a foreign key is not reported: InnoDB would refuse to drop it.',
      bad: 'CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_email_idx ON users (email);',
      good: 'CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);\nCREATE INDEX users_lower_email_idx ON users (lower(email));',
    },
  },
  check(ctx, stmt) {
    if (ctx.state.reverting) return;
    for (const { built, others } of indexesToCompare(ctx, stmt)) {
      const twin = findTwin(ctx, stmt, built, others);
      if (!twin) continue;
      pending(ctx).push({
        dropped: { path: ctx.state.path, start: built.originStart },
        kept: twin.index.origin,
        report: {
          range: built.range,
          message: message(stmt, built, twin),
          help: help(stmt, built, twin.index),
          fixes: built.removal ? [fix('Remove this duplicate index', 'review', [built.removal])] : [],
        },
      });
    }
  },
  checkEnd(ctx) {
    reportIfIndexesRemain(ctx, pending(ctx));
  },
});
