// column-type-rewrite: ALTER COLUMN … TYPE on an existing table rewrites the table and its indexes
// under ACCESS EXCLUSIVE unless the change is binary-coercible. The column's current type comes from
// this file or the workspace schema model; when neither knows it, the finding says so.
// Source: PostgreSQL docs, ALTER TABLE "Notes" (rewrite rules; timestamp/timestamptz since 12).
import { lockBlocks } from '../analysis/locks';
import { columnKey } from '../analysis/state';
import type { ObjectName, TypeName } from '../model';
import { columnOf, qualifiedKey, type SchemaModel } from '../schema/model';
import { displayType } from './lib/type-helpers';
import { defineRule } from './lib/rule';

type Verdict = 'no-rewrite' | 'rewrite' | 'rewrite-unless-utc';

const textTypes = new Set(['text', 'varchar']);
const precisionTypes = new Set(['timestamp', 'timestamptz', 'time']);
/** Zones with a fixed UTC offset of zero: with one of these as session TimeZone, PostgreSQL 12+ skips the rewrite. */
const utcZones = new Set(['utc', 'etc/utc', 'uct', 'etc/uct', 'gmt', 'etc/gmt', 'gmt0', 'etc/gmt0', 'zulu', 'etc/zulu', 'universal', 'etc/universal', 'greenwich', 'etc/greenwich', 'z', '0']);

function sameModifiers(a: TypeName, b: TypeName): boolean {
  return a.modifiers.length === b.modifiers.length && a.modifiers.every((value, index) => value === b.modifiers[index]);
}

/** Whether changing `from` to `to` rewrites the table, per PostgreSQL's binary-coercible and typmod-widening rules. */
function typeChangeVerdict(from: TypeName, to: TypeName, options: { usingExpression: boolean; major: number }): Verdict {
  if (options.usingExpression || from.isArray || to.isArray) {
    return from.canonical === to.canonical && sameModifiers(from, to) && from.isArray === to.isArray && !options.usingExpression ? 'no-rewrite' : 'rewrite';
  }
  if (from.canonical === to.canonical && sameModifiers(from, to)) return 'no-rewrite';
  if (textTypes.has(from.canonical) && textTypes.has(to.canonical)) {
    // varchar(n) → text / varchar / varchar(m ≥ n): no length check can fail, no rewrite.
    if (to.canonical === 'text' || to.modifiers.length === 0) return 'no-rewrite';
    const [fromLength] = from.modifiers;
    const [toLength] = to.modifiers;
    return from.canonical === 'varchar' && fromLength !== undefined && toLength !== undefined && toLength >= fromLength ? 'no-rewrite' : 'rewrite';
  }
  if (from.canonical === 'numeric' && to.canonical === 'numeric') {
    if (to.modifiers.length === 0) return 'no-rewrite';
    const [fromPrecision, fromScale = 0] = from.modifiers;
    const [toPrecision, toScale = 0] = to.modifiers;
    return fromPrecision !== undefined && toPrecision !== undefined && toScale === fromScale && toPrecision >= fromPrecision ? 'no-rewrite' : 'rewrite';
  }
  if (from.canonical === 'cidr' && to.canonical === 'inet') return 'no-rewrite';
  if (precisionTypes.has(from.canonical) && from.canonical === to.canonical) {
    // No modifier means the maximum precision (6).
    const [toPrecision = 6] = to.modifiers;
    const [fromPrecision = 6] = from.modifiers;
    return toPrecision >= fromPrecision ? 'no-rewrite' : 'rewrite';
  }
  const zoneSwap =
    (from.canonical === 'timestamp' && to.canonical === 'timestamptz') || (from.canonical === 'timestamptz' && to.canonical === 'timestamp');
  if (zoneSwap && options.major >= 12 && sameModifiers(from, to)) return 'rewrite-unless-utc';
  return 'rewrite';
}

/** When the current type is unknown: the sources from which the new type needs no rewrite, for the help text. */
function compatibleSources(to: TypeName): string | undefined {
  if (to.isArray) return undefined;
  if (to.canonical === 'text' || (to.canonical === 'varchar' && to.modifiers.length === 0)) return 'varchar or text';
  if (to.canonical === 'varchar') return `varchar(n) with n ≤ ${to.modifiers[0] ?? 'the new length'}`;
  if (to.canonical === 'numeric') return to.modifiers.length === 0 ? 'numeric' : `numeric with the same scale and a precision ≤ ${to.modifiers[0] ?? ''}`;
  if (to.canonical === 'inet') return 'cidr';
  if (precisionTypes.has(to.canonical)) return `${to.canonical} with a precision ≤ ${to.modifiers[0] ?? 6}`;
  return undefined;
}

/** The column's type as the earlier migrations left it, from the workspace model. */
function modelType(model: SchemaModel, table: ObjectName, column: string): TypeName | undefined {
  const found = model.tables.get(qualifiedKey(table.schema, table.name));
  const type = found ? columnOf(found, column)?.type : undefined;
  return type ? { ...type, range: { start: 0, end: 0 } } : undefined;
}

const safeWayHelp = 'Add a new column of the new type, backfill it in batches, switch reads and writes to it, then drop the old column';

export const columnTypeRewrite = defineRule({
  meta: {
    id: 'column-type-rewrite',
    title: 'Column type changes that rewrite the table',
    category: 'locks',
    severity: 'warning',
    dialects: ['postgres'],
    aliases: {
      squawk: ['changing-column-type'],
      pgfence: ['alter-column-type'],
      strong_migrations: ['change_column'],
      eugene: ['E5'],
    },
    fix: undefined,
    docs: {
      why: '`ALTER TABLE … ALTER COLUMN … TYPE` holds an ACCESS EXCLUSIVE lock and, unless the old type is binary-coercible to the new one, rewrites every row and rebuilds every index of the table: all queries on the table, reads included, wait for the whole rewrite. No rewrite is needed for varchar(n) → varchar(m ≥ n), varchar or text; varchar → text; numeric(p,s) → numeric(p′ ≥ p, s); cidr → inet; a higher timestamp/timestamptz/time precision; and, on PostgreSQL 12+, timestamp ↔ timestamptz when the session time zone is UTC. sqlsight takes the column\'s current type from the earlier migrations of the workspace (or from earlier in the same file); when it cannot know it (a single file checked alone), the finding says the change rewrites unless it is one of these, and names the compatible current types.',
      safeWay: 'For a real type change: add a new column with the new type, write to both, backfill the new column in batches, switch reads to it, then drop the old column. For a change you know is binary-coercible, suppress the finding (`-- sqlsight-ignore column-type-rewrite`); for timestamp ↔ timestamptz, `SET TIME ZONE \'UTC\'` earlier in the migration (PostgreSQL 12+). A table created earlier in the same migration is empty and is not reported.',
      bad: 'ALTER TABLE prices ALTER COLUMN amount TYPE bigint;',
      good: 'CREATE TABLE labels (id bigint PRIMARY KEY, name varchar(20));\nALTER TABLE labels ALTER COLUMN name TYPE text;',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const table = stmt.table.name;
    for (const action of stmt.actions) {
      if (action.kind !== 'alter-column-type') continue;
      const current = ctx.state.columns.get(columnKey(stmt.table, action.column))?.type ?? modelType(ctx.state.schema, stmt.table, action.column);
      const target = displayType(action.type);
      if (current) {
        const verdict = typeChangeVerdict(current, action.type, { usingExpression: action.using !== undefined, major: ctx.settings.serverVersion.major });
        if (verdict === 'no-rewrite') continue;
        const utc = ctx.state.timeZone !== undefined && utcZones.has(ctx.state.timeZone);
        if (verdict === 'rewrite-unless-utc' && utc) continue;
        ctx.report({
          range: action.range,
          message: `Changing \`${action.column}\` from ${displayType(current)} to ${target} rewrites \`${table}\` and rebuilds its indexes under an ACCESS EXCLUSIVE lock held until the rewrite ends: it blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
          help:
            verdict === 'rewrite-unless-utc'
              ? "Run SET TIME ZONE 'UTC' earlier in this migration: PostgreSQL 12+ then changes between timestamp and timestamptz without a rewrite"
              : safeWayHelp,
        });
        continue;
      }
      const sources = compatibleSources(action.type);
      ctx.report({
        range: action.range,
        message: `Changing \`${action.column}\` to ${target} rewrites \`${table}\` and rebuilds its indexes under an ACCESS EXCLUSIVE lock unless the change is binary-coercible (its current type is not known here): the lock blocks ${lockBlocks['ACCESS EXCLUSIVE']}`,
        help: sources
          ? `No rewrite when \`${action.column}\` is ${sources} today (then suppress this finding); otherwise: ${safeWayHelp.charAt(0).toLowerCase()}${safeWayHelp.slice(1)}`
          : safeWayHelp,
      });
    }
  },
});
