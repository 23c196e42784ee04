// non-idempotent-ddl (opt-in): outside a transaction every statement commits on its own, so when a
// later statement fails the migration is fixed and re-run from the start, and a CREATE without
// IF NOT EXISTS (or a DROP without IF EXISTS) then fails on what the first run already did. MySQL and
// MariaDB commit every DDL statement implicitly, inside a transaction too, so their DDL is judged
// whatever the transaction; fixes only where the server takes the clause: MySQL has CREATE TABLE /
// DATABASE IF NOT EXISTS and DROP … IF EXISTS but no IF [NOT] EXISTS for indexes and columns, which
// MariaDB has ([ran] MariaDB 10.11: CREATE INDEX IF NOT EXISTS, DROP INDEX IF EXISTS … ON,
// ADD [COLUMN] IF NOT EXISTS, DROP [COLUMN] IF EXISTS).
import { objectKey } from '../analysis/state';
import { versionAtLeast, type FileSettings } from '../config';
import type { Dialect, DropObjectKind, ObjectName, TextEdit } from '../model';
import { fix, indentationAt, insertAt, lineStart, newlineOf, qualifiedIdentifier } from './lib/edits';
import { defineRule, type ReportInput, type RuleContext } from './lib/rule';
import { unitMemory } from './lib/unit-memory';

/** IF [NOT] EXISTS clauses the server accepts beyond CREATE TABLE / DATABASE and DROP TABLE / VIEW / DATABASE … */
interface ClauseSupport {
  /** `CREATE INDEX IF NOT EXISTS` and `DROP INDEX IF EXISTS` (MariaDB 10.1.4+). */
  readonly index: boolean;
  /** `ADD COLUMN IF NOT EXISTS` and `DROP COLUMN IF EXISTS` (MariaDB 10.0.2+). */
  readonly column: boolean;
}

function clauseSupport(settings: FileSettings): ClauseSupport {
  if (settings.dialect === 'postgres') return { index: true, column: true };
  if (settings.dialect === 'mysql') return { index: false, column: false };
  return { index: versionAtLeast(settings.serverVersion, 10, 1, 4), column: versionAtLeast(settings.serverVersion, 10, 0, 2) };
}

/** Help for a statement the server has no IF [NOT] EXISTS for. */
const noClauseHelp = (dialect: Dialect, clause: string): string =>
  `${dialect === 'mysql' ? 'MySQL' : 'This MariaDB version'} has no ${clause}: put each DDL statement in a migration of its own, so a failed migration has applied nothing and re-runs cleanly`;

const dropWords: Record<DropObjectKind, string> = {
  table: 'TABLE',
  index: 'INDEX',
  view: 'VIEW',
  'materialized-view': 'MATERIALIZED VIEW',
  sequence: 'SEQUENCE',
  schema: 'SCHEMA',
  database: 'DATABASE',
  type: 'TYPE',
  function: 'FUNCTION',
  trigger: 'TRIGGER',
  extension: 'EXTENSION',
  other: 'DROP',
};

const commitsAtOnce: Readonly<Record<Dialect, string>> = {
  postgres: 'Outside a transaction this commits at once',
  mysql: 'MySQL commits DDL at once, in a transaction too',
  mariadb: 'MariaDB commits DDL at once, in a transaction too',
};

/** The message: what a re-run after a later failure meets at this statement. */
const rerunFails = (dialect: Dialect, command: string, reason: string): string =>
  `${commitsAtOnce[dialect]}: if a later statement fails and the migration is re-run, ${command} fails here because ${reason}`;

/** How MySQL names a drop the model lowers to a shared kind: DATABASE for `schema`, plain DROP for routines and events. */
function dropCommand(dialect: Dialect, kind: DropObjectKind): string {
  if (dialect !== 'postgres' && kind === 'schema') return 'DROP DATABASE';
  if (kind === 'other' || (dialect !== 'postgres' && kind === 'function')) return 'DROP';
  return `DROP ${dropWords[kind]}`;
}

/** An earlier `DROP … IF EXISTS` of the same object makes the CREATE re-runnable. */
function droppedBefore(ctx: RuleContext, kind: DropObjectKind, names: readonly Pick<ObjectName, 'schema' | 'name'>[]): boolean {
  return names.some((name) => ctx.state.droppedIfExists.has(objectKey(kind, name)));
}

function addClause(title: string, offset: number | undefined, clause: string): ReturnType<typeof fix>[] {
  return offset === undefined ? [] : [fix(title, 'safe', [insertAt(offset, clause)])];
}

/** A statement inserted before `start`, on its own line when `start` begins one. */
function insertStatementBefore(text: string, start: number, statement: string): TextEdit {
  const indentation = indentationAt(text, start);
  const ownLine = start - lineStart(text, start) === indentation.length;
  return insertAt(start, ownLine ? `${statement}${newlineOf(text)}${indentation}` : `${statement} `);
}

/**
 * MySQL/MariaDB findings wait for the end of the unit: a DDL statement that fails there applied
 * nothing (MySQL 8.0 DDL is atomic), so only one followed by another statement can be left done
 * when the migration fails, and the last statement of the unit is not reported.
 */
const pendingFindings = unitMemory<ReportInput[]>(() => []);

function report(ctx: RuleContext, dialect: Dialect, finding: ReportInput): void {
  if (dialect === 'postgres') ctx.report(finding);
  else pendingFindings(ctx).push(finding);
}

export const nonIdempotentDdl = defineRule({
  meta: {
    id: 'non-idempotent-ddl',
    title: 'Make DDL outside a transaction re-runnable',
    category: 'transactions',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: { squawk: ['prefer-robust-stmts'] },
    fix: 'safe',
    optIn: true,
    docs: {
      why: 'A migration that does not run in a transaction (because it uses `CREATE INDEX CONCURRENTLY`, or the tool is configured that way) commits each statement as it goes. When a later statement fails, everything before it stays done, and the usual recovery, fixing the file and running the migration again, stops at the first `CREATE TABLE`, `CREATE INDEX`, `ADD COLUMN` … whose object already exists, or the first `DROP` whose object is already gone. Statements inside a transaction block, or in a migration the tool wraps in one, roll back together and are not reported (a `BEGIN … COMMIT` block that commits before a later failure is re-run too, but is not reported). Temporary tables and objects dropped with `DROP … IF EXISTS` earlier in the file are not reported either. MySQL and MariaDB commit every DDL statement at once, inside a transaction too, so their DDL is reported whatever the transaction, except the migration\'s last statement: a DDL statement that fails applies nothing (MySQL 8.0 DDL is atomic), so only one followed by others can be left done by a failed run.',
      safeWay: 'Write `CREATE TABLE / INDEX / SCHEMA / SEQUENCE / EXTENSION IF NOT EXISTS`, `ALTER TABLE … ADD COLUMN IF NOT EXISTS`, and `DROP … IF EXISTS` / `DROP COLUMN IF EXISTS`, so a re-run skips what is already done. `CREATE INDEX CONCURRENTLY` is the exception: a failed concurrent build leaves an INVALID index that `IF NOT EXISTS` would keep (see concurrent-if-not-exists), so the fix puts `DROP INDEX CONCURRENTLY IF EXISTS` before it instead; review it, as a re-run then rebuilds the index. An unnamed `CREATE INDEX` cannot take `IF NOT EXISTS` and builds a second copy on every run: name it. MySQL accepts `CREATE TABLE` / `CREATE DATABASE IF NOT EXISTS` and `DROP TABLE / VIEW / DATABASE / TRIGGER / PROCEDURE … IF EXISTS`, but has no `IF [NOT] EXISTS` for indexes and columns: there, put each DDL statement in a migration of its own (MySQL 8.0 DDL is atomic, so a failed one applied nothing). MariaDB also accepts `CREATE INDEX IF NOT EXISTS`, `DROP INDEX IF EXISTS`, `ADD COLUMN IF NOT EXISTS` and `DROP COLUMN IF EXISTS`, and the fix adds them there.',
      bad: 'CREATE TABLE audit_log (id bigint PRIMARY KEY, body jsonb);',
      good: 'CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, body jsonb);',
    },
  },
  check(ctx, stmt) {
    const dialect = stmt.dialect;
    if (ctx.state.inTransaction && dialect === 'postgres') return;
    const supports = clauseSupport(ctx.settings);
    switch (stmt.kind) {
      case 'create-table':
        if (stmt.ifNotExists || stmt.temporary || droppedBefore(ctx, 'table', [stmt.table])) return;
        report(ctx, dialect, {
          range: stmt.range,
          message: rerunFails(dialect, 'CREATE TABLE', `\`${stmt.table.name}\` already exists`),
          help: 'Write CREATE TABLE IF NOT EXISTS so a re-run skips it',
          fixes: addClause('Add IF NOT EXISTS', stmt.table.range.start, 'IF NOT EXISTS '),
        });
        return;
      case 'create-index': {
        if (stmt.ifNotExists) return;
        if (!stmt.name) {
          report(ctx, dialect, {
            range: stmt.range,
            message: `Outside a transaction this commits at once: if a later statement fails, the re-run builds a second copy of this unnamed index on \`${stmt.table.name}\` under a new name`,
            help: 'Name the index and write CREATE INDEX … IF NOT EXISTS (IF NOT EXISTS needs a name)',
          });
          return;
        }
        const name = { schema: stmt.table.schema, name: stmt.name.name };
        if (droppedBefore(ctx, 'index', [name, { schema: undefined, name: stmt.name.name }])) return;
        if (stmt.concurrently) {
          const drop = `DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedIdentifier(name)};`;
          report(ctx, dialect, {
            range: stmt.range,
            message: rerunFails(dialect, 'CREATE INDEX', `\`${stmt.name.name}\` already exists (built, or left INVALID by a failed concurrent build)`),
            help: 'Drop a leftover first with DROP INDEX CONCURRENTLY IF EXISTS; IF NOT EXISTS would keep an INVALID index',
            fixes: [fix('Drop a leftover index first', 'review', [insertStatementBefore(ctx.text, stmt.range.start, drop)])],
          });
          return;
        }
        report(ctx, dialect, {
          range: stmt.range,
          message: rerunFails(dialect, 'CREATE INDEX', `\`${stmt.name.name}\` already exists`),
          help: supports.index ? 'Write CREATE INDEX IF NOT EXISTS so a re-run skips it' : noClauseHelp(dialect, 'CREATE INDEX IF NOT EXISTS'),
          fixes: supports.index ? addClause('Add IF NOT EXISTS', stmt.ifNotExistsInsertAt, 'IF NOT EXISTS ') : [],
        });
        return;
      }
      case 'create-other': {
        if (stmt.ifNotExists !== false || stmt.temporary === true || !stmt.name) return;
        if ((stmt.objectKind === 'schema' || stmt.objectKind === 'sequence' || stmt.objectKind === 'extension') && droppedBefore(ctx, stmt.objectKind, [stmt.name])) return;
        const command = dialect !== 'postgres' && stmt.objectKind === 'schema' ? 'CREATE DATABASE' : `CREATE ${stmt.objectKind.toUpperCase()}`;
        report(ctx, dialect, {
          range: stmt.range,
          // `CREATE SCHEMA AUTHORIZATION role` names the schema after the role.
          message: rerunFails(dialect, command, stmt.name.name ? `\`${stmt.name.name}\` already exists` : `the ${stmt.objectKind} already exists`),
          help: `Write ${command} IF NOT EXISTS so a re-run skips it`,
          fixes: addClause('Add IF NOT EXISTS', stmt.ifNotExistsInsertAt, 'IF NOT EXISTS '),
        });
        return;
      }
      case 'drop': {
        if (stmt.ifExists) return;
        const command = dropCommand(dialect, stmt.objectKind);
        const accepted = stmt.objectKind !== 'index' || supports.index;
        // Functions and types are not named in the model (their names carry signatures).
        const named = stmt.names.filter((name) => name.name !== '');
        const gone =
          named.length === 0
            ? `${stmt.names.length > 1 ? 'these' : 'the'} ${stmt.objectKind === 'other' ? 'object' : dropWords[stmt.objectKind].toLowerCase()}${stmt.names.length > 1 ? 's are' : ' is'} already gone`
            : `${named.map((name) => `\`${name.name}\``).join(', ')} ${named.length > 1 ? 'are' : 'is'} already gone`;
        report(ctx, dialect, {
          range: stmt.range,
          message: rerunFails(dialect, command, gone),
          help: !accepted ? noClauseHelp(dialect, 'DROP INDEX IF EXISTS') : command === 'DROP' ? 'Add IF EXISTS so a re-run skips it' : `Write ${command} IF EXISTS so a re-run skips it`,
          fixes: accepted ? addClause('Add IF EXISTS', stmt.ifExistsInsertAt, 'IF EXISTS ') : [],
        });
        return;
      }
      case 'alter-table':
        for (const action of stmt.actions) {
          if (action.kind === 'add-column' && !action.ifNotExists) {
            report(ctx, dialect, {
              range: action.range,
              message: rerunFails(dialect, 'ADD COLUMN', `column \`${action.column.name}\` of \`${stmt.table.name}\` already exists`),
              help: supports.column ? 'Write ADD COLUMN IF NOT EXISTS so a re-run skips it' : noClauseHelp(dialect, 'ADD COLUMN IF NOT EXISTS'),
              fixes: supports.column ? addClause('Add IF NOT EXISTS', action.column.nameRange.start, 'IF NOT EXISTS ') : [],
            });
          } else if (action.kind === 'drop-column' && !action.ifExists) {
            report(ctx, dialect, {
              range: action.range,
              message: rerunFails(dialect, 'DROP COLUMN', `column \`${action.column}\` of \`${stmt.table.name}\` is already gone`),
              help: supports.column ? 'Write DROP COLUMN IF EXISTS so a re-run skips it' : noClauseHelp(dialect, 'DROP COLUMN IF EXISTS'),
              fixes: supports.column ? addClause('Add IF EXISTS', action.ifExistsInsertAt, 'IF EXISTS ') : [],
            });
          }
        }
        return;
      default:
        return;
    }
  },
  checkEnd(ctx) {
    const last = ctx.state.lastStatementRange;
    for (const finding of pendingFindings(ctx)) if (last && finding.range.end <= last.start) ctx.report(finding);
  },
});
