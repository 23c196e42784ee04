// mysql-add-foreign-key: a foreign key added to an existing MySQL/MariaDB table. With
// foreign_key_checks on, only ALGORITHM=COPY can add it (MySQL 8.0 manual 17.12.1, Foreign Key
// Operations: "The INPLACE algorithm is supported when foreign_key_checks is disabled. Otherwise,
// only the COPY algorithm is supported"); with it off the key is added in place and existing rows
// are never checked. It must not judge other actions of the statement (section G rules do).
import type { AlterTableAction, StatementOf, TableConstraint, TextRange } from '../model';
import { defineRule, type RuleContext } from './lib/rule';

interface AddedForeignKey {
  readonly constraint: TableConstraint;
  readonly range: TextRange;
}

/** Algorithms the server refuses for a checked foreign key (it names COPY and LOCK=SHARED instead). */
const refusedAlgorithms: ReadonlySet<string> = new Set(['INSTANT', 'NOCOPY', 'INPLACE']);

/**
 * ADD CONSTRAINT … FOREIGN KEY, and ADD COLUMN with an inline REFERENCES where the server creates
 * the key (MySQL 9.0, MariaDB 10.5). Not CHANGE/MODIFY: neither grammar takes REFERENCES there
 * (MySQL's sql_yacc `MODIFY_SYM opt_column ident field_def opt_place`; [ran] MariaDB 10.11 `MODIFY r
 * INT REFERENCES p (id)` is ER_PARSE_ERROR), so such a statement fails before it copies anything.
 */
function foreignKeysOf(action: AlterTableAction): readonly AddedForeignKey[] {
  if (action.kind === 'add-constraint') return action.constraint.kind === 'foreign-key' ? [{ constraint: action.constraint, range: action.range }] : [];
  if (action.kind !== 'add-column') return [];
  return action.column.constraints.filter((constraint) => constraint.kind === 'foreign-key').map((constraint) => ({ constraint, range: constraint.range }));
}

/** `the foreign key `fk` on (user_id)`, or how many when the statement adds several. */
function subject(added: readonly AddedForeignKey[]): string {
  const first = added[0]?.constraint;
  if (added.length > 1 || !first) return `adding ${added.length} foreign keys`;
  return `adding the foreign key ${first.name ? `\`${first.name}\` ` : ''}on (${first.columns.join(', ')})`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length < 2 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1] ?? ''}`;
}

function referencedTables(added: readonly AddedForeignKey[]): string[] {
  return [...new Set(added.map((foreignKey) => foreignKey.constraint.references?.table.name).filter((name) => name !== undefined))];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function reportChecked(ctx: RuleContext, stmt: StatementOf<'alter-table'>, added: readonly AddedForeignKey[], range: TextRange): void {
  const table = `\`${stmt.table.name}\``;
  const pinned = stmt.onlineDdl?.algorithm?.value;
  const lockNone = stmt.onlineDdl?.lock?.value === 'NONE';
  if ((pinned && refusedAlgorithms.has(pinned)) || lockNone) {
    const clause = pinned && refusedAlgorithms.has(pinned) ? `ALGORITHM=${pinned}` : 'LOCK=NONE';
    ctx.report({
      range,
      message: `${capitalized(subject(added))} with foreign_key_checks on needs ALGORITHM=COPY and LOCK=SHARED, so the server refuses this statement's ${clause}`,
      help: 'Check for orphan rows with a query first, then run the statement after SET foreign_key_checks = 0 (in place, no copy), or drop the clause and accept a copy that blocks writes',
    });
    return;
  }
  // [ran] MariaDB 10.11: while the copy runs, SELECTs on both tables return at once and INSERTs
  // into either wait (lock_wait_timeout): the referenced table is metadata-locked too.
  const parents = ctx.settings.dialect === 'mariadb' ? referencedTables(added).filter((name) => name !== stmt.table.name) : [];
  const blocked = listed([stmt.table.name, ...parents]);
  ctx.report({
    range,
    message: `${capitalized(subject(added))} with foreign_key_checks on copies ${table} row by row (ALGORITHM=COPY, LOCK=SHARED): reads continue but inserts, updates and deletes on ${blocked} wait until the copy ends`,
    help: 'On a big table, check for orphan rows with a query, then add the key after SET foreign_key_checks = 0 (in place, no copy); or run it with pt-online-schema-change (gh-ost does not support foreign keys) or in a quiet window',
  });
}

function reportUnchecked(ctx: RuleContext, stmt: StatementOf<'alter-table'>, added: readonly AddedForeignKey[], range: TextRange): void {
  const parents = listed(referencedTables(added)) || 'the referenced table';
  ctx.report({
    range,
    severity: 'info',
    message: `With foreign_key_checks = 0, ${subject(added)} runs in place without a copy but checks none of the existing rows of \`${stmt.table.name}\`: rows that match no row of ${parents} stay`,
    help: 'Look for orphan rows with a LEFT JOIN … WHERE the parent is NULL and fix them before (or right after) adding the key; the server enforces the key only for rows written later',
  });
}

export const mysqlAddForeignKey = defineRule({
  meta: {
    id: 'mysql-add-foreign-key',
    title: 'Adding a foreign key to an existing MySQL/MariaDB table',
    category: 'constraints',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'With `foreign_key_checks` on (the default), MySQL and MariaDB can add a foreign key only by copying the table (`ALGORITHM=COPY`, `LOCK=SHARED`): reads continue, but inserts, updates and deletes wait until every row has been copied into a new table, and MariaDB also blocks writes to the referenced table meanwhile. With `SET foreign_key_checks = 0` earlier in the session the key is added in place without a copy, but existing rows are not checked at all: rows that reference nothing stay, and the server never reports them.',
      safeWay: 'Find orphan rows first (`SELECT … FROM child LEFT JOIN parent … WHERE parent.id IS NULL`) and fix them; then add the key after `SET foreign_key_checks = 0` so it runs in place, and set it back to 1 afterwards. On a big table you can also use pt-online-schema-change (gh-ost does not support foreign keys). Foreign keys on tables created in the same migration are not reported: they are empty.',
      bad: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      good: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind !== 'alter-table' || ctx.isNewTable(stmt.table)) return;
    const added = stmt.actions.flatMap(foreignKeysOf);
    const first = added[0];
    if (!first) return;
    // One statement copies the table once, however many keys it adds: one finding, at the first.
    if (ctx.state.foreignKeyChecksOff) reportUnchecked(ctx, stmt, added, first.range);
    else reportChecked(ctx, stmt, added, first.range);
  },
});
