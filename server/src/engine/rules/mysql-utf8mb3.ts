// mysql-utf8mb3: the `utf8` / `utf8mb3` character set (or a `utf8_…` / `utf8mb3_…` collation) in a
// MySQL/MariaDB column, table or database default, CONVERT TO CHARACTER SET, SET NAMES, and the
// NCHAR/NVARCHAR types (stored in utf8mb3). utf8mb3 keeps at most 3 bytes a character, so characters
// outside the Basic Multilingual Plane (emoji, many CJK extensions) cannot be stored. Fixes rename
// to utf8mb4 in place, editing the character set and collation of one clause together.
import { versionAtLeast } from '../config';
import type { ColumnDefinition, Fix, NamedOption, ObjectName, StatementOf, TableOption, TextEdit, TextRange } from '../model';
import { fix, insertAt, replace } from './lib/edits';
import { defineRule, type RuleContext } from './lib/rule';

const utf8mb3Charsets: ReadonlySet<string> = new Set(['utf8', 'utf8mb3']);

/**
 * utf8mb3 collations without a utf8mb4 twin: MySQL's utf8mb3_tolower_ci, and general_mysql500_ci
 * ([ran] MariaDB 10.11 information_schema.COLLATIONS: every other utf8mb3_x has a utf8mb4_x).
 */
const collationsWithoutTwin: ReadonlySet<string> = new Set(['tolower_ci', 'general_mysql500_ci']);

/** A name may be written as a string or a quoted identifier (`CHARSET 'utf8'`). */
const quoteCharacters = `'"\``;

function prefixOf(name: string): string {
  const underscore = name.indexOf('_');
  return underscore < 0 ? name : name.slice(0, underscore);
}

/** A character set or collation name in utf8mb3 (`utf8`, `utf8mb3`, `utf8_general_ci`, `utf8mb3_bin`). */
function isUtf8mb3(option: NamedOption | undefined): option is NamedOption {
  return option !== undefined && utf8mb3Charsets.has(prefixOf(option.value));
}

/**
 * The edit that renames `utf8…` to `utf8mb4…` in the name as written (quotes and the collation's
 * suffix untouched, the case of the prefix kept); undefined for a collation without a utf8mb4 twin.
 */
function renameEdit(text: string, option: NamedOption): TextEdit | undefined {
  const suffix = option.value.slice(prefixOf(option.value).length + 1);
  if (collationsWithoutTwin.has(suffix)) return undefined;
  const quoted = quoteCharacters.includes(text.charAt(option.range.start)) ? 1 : 0;
  const start = option.range.start + quoted;
  const prefix = text.slice(start, start + prefixOf(option.value).length);
  const replacement = prefix === prefix.toUpperCase() && prefix !== prefix.toLowerCase() ? 'UTF8MB4' : 'utf8mb4';
  return replace({ start, end: start + prefix.length }, replacement);
}

/** One clause's names in utf8mb3: where the finding goes and the fix renaming all of them. */
interface Offence {
  readonly range: TextRange;
  readonly fix: Fix | undefined;
  /** A collation without a utf8mb4 twin: why there is no fix. */
  readonly untwinned?: string;
  /** The national type as written (`NVARCHAR`), when the type is what implies utf8mb3. */
  readonly nationalType?: string;
}

function offence(text: string, options: readonly (NamedOption | undefined)[], extraEdits: readonly TextEdit[] = []): Offence | undefined {
  const offending = options.filter(isUtf8mb3);
  const first = offending[0];
  const last = offending[offending.length - 1];
  if (!first || !last) return undefined;
  const range = { start: first.range.start, end: last.range.end };
  const edits: TextEdit[] = [...extraEdits];
  for (const option of offending) {
    const edit = renameEdit(text, option);
    if (!edit) return { range, fix: undefined, untwinned: option.value };
    edits.push(edit);
  }
  return { range, fix: fix('Use utf8mb4', 'review', edits) };
}

/**
 * NCHAR / NVARCHAR / NATIONAL …: the lowering records utf8mb3 on the type's own words (MySQL
 * manual, "The CHAR and VARCHAR Types"; [ran] MariaDB 10.11 SHOW CREATE TABLE). The fix writes the
 * plain type with `CHARACTER SET utf8mb4`.
 */
function nationalOffence(text: string, column: ColumnDefinition, charset: NamedOption): Offence {
  const written = text.slice(charset.range.start, charset.range.end);
  const lower = written === written.toLowerCase();
  const typeEdits = [
    replace(charset.range, lower ? column.type.canonical : column.type.canonical.toUpperCase()),
    insertAt(column.type.range.end, lower ? ' character set utf8mb4' : ' CHARACTER SET utf8mb4'),
  ];
  const withCollation = offence(text, [column.collation], typeEdits) ?? { range: charset.range, fix: fix('Use utf8mb4', 'review', typeEdits) };
  return { ...withCollation, range: charset.range, nationalType: written.toUpperCase() };
}

function columnOffence(text: string, column: ColumnDefinition): Offence | undefined {
  const charset = column.charset;
  if (charset && isUtf8mb3(charset) && charset.range.start === column.type.range.start) return nationalOffence(text, column, charset);
  return offence(text, [charset, column.collation]);
}

const consequence = 'holds at most 3 bytes a character: emoji and other characters outside the Basic Multilingual Plane are rejected (strict mode) or stored as `?`';

/** Where a column's character set is changed on an existing table: what the change costs, per server. */
function conversionCost(ctx: RuleContext): string {
  // [ran] MariaDB 10.11: MODIFY and CONVERT TO CHARACTER SET from utf8mb3 to utf8mb4 accept
  // ALGORITHM=INSTANT (an indexed column whose collation changes needs NOCOPY); from latin1 they
  // need COPY. MariaDB 10.4 release notes: instant utf8mb3 → utf8mb4 conversion.
  if (ctx.settings.dialect === 'mariadb' && versionAtLeast(ctx.settings.serverVersion, 10, 4)) {
    return 'MariaDB changes utf8mb3 columns to utf8mb4 without copying the table (other character sets are copied)';
  }
  return "changing the character set of an existing table's columns copies the table while writes wait, so run it in a quiet window or with an online schema-change tool";
}

function report(ctx: RuleContext, found: Offence, message: string, help: string): void {
  const untwinned = found.untwinned ? `; ${found.untwinned} has no utf8mb4 counterpart, so choose a utf8mb4 collation (utf8mb4_general_ci, utf8mb4_unicode_ci …)` : '';
  ctx.report({ range: found.range, message, help: `${help}${untwinned}`, fixes: found.fix ? [found.fix] : [] });
}

/** `changesExisting`: CHANGE/MODIFY and CONVERT TO, which re-encode the values of an existing table. */
function columnHelp(ctx: RuleContext, table: ObjectName, changesExisting: boolean): string {
  const base = 'Use utf8mb4 and its collation (utf8_general_ci → utf8mb4_general_ci): it stores every Unicode character';
  return changesExisting && !ctx.isNewTable(table) ? `${base}; ${conversionCost(ctx)}` : base;
}

function reportColumn(ctx: RuleContext, table: ObjectName, column: ColumnDefinition, changesExisting: boolean): void {
  const found = columnOffence(ctx.text, column);
  if (!found) return;
  const stored = found.nationalType ? `is ${found.nationalType}, stored in utf8mb3,` : 'is stored in utf8mb3,';
  report(ctx, found, `\`${table.name}\`.\`${column.name}\` ${stored} which ${consequence}`, columnHelp(ctx, table, changesExisting));
}

function namedOptions(options: readonly TableOption[]): NamedOption[] {
  return options.filter((option) => option.name === 'charset' || option.name === 'collate').map((option) => option.value);
}

function reportDefault(ctx: RuleContext, options: readonly TableOption[], message: string): void {
  const found = offence(ctx.text, namedOptions(options));
  if (found) report(ctx, found, message, 'Use utf8mb4 and its collation as the default; a new default does not convert existing columns (CONVERT TO CHARACTER SET does)');
}

function checkAlterTable(ctx: RuleContext, stmt: StatementOf<'alter-table'>): void {
  const table = stmt.table;
  const tableOptions: TableOption[] = [];
  for (const action of stmt.actions) {
    if (action.kind === 'add-column') reportColumn(ctx, table, action.column, false);
    else if (action.kind === 'change-column') reportColumn(ctx, table, action.definition, true);
    else if (action.kind === 'table-option') tableOptions.push(action.option);
    else if (action.kind === 'convert-charset') {
      const found = offence(ctx.text, [action.charset, action.collation]);
      if (found) report(ctx, found, `Converting \`${table.name}\` to utf8mb3 re-encodes every text column into a character set that ${consequence}`, columnHelp(ctx, table, true));
    }
  }
  reportDefault(ctx, tableOptions, `\`${table.name}\`'s default character set becomes utf8mb3: text columns added later without their own CHARACTER SET hold at most 3 bytes a character (no emoji)`);
}

function checkCreateTable(ctx: RuleContext, stmt: StatementOf<'create-table'>): void {
  for (const column of stmt.columns) reportColumn(ctx, stmt.table, column, false);
  reportDefault(ctx, stmt.options ?? [], `New table \`${stmt.table.name}\` defaults to utf8mb3: its text columns without their own CHARACTER SET hold at most 3 bytes a character (no emoji)`);
}

/** `SET NAMES utf8 [COLLATE utf8_…]` / `SET CHARACTER SET utf8`. */
function checkSetNames(ctx: RuleContext, stmt: StatementOf<'set'>): void {
  const found = offence(ctx.text, [stmt.charset, stmt.collation]);
  if (found) {
    report(ctx, found, `The session's connection character set becomes utf8mb3, which ${consequence}, even in utf8mb4 columns`, "Use SET NAMES utf8mb4 so the migration's strings reach the server unchanged");
  }
}

export const mysqlUtf8mb3 = defineRule({
  meta: {
    id: 'mysql-utf8mb3',
    title: 'utf8 / utf8mb3 cannot store every character',
    category: 'types',
    severity: 'warning',
    dialects: ['mysql', 'mariadb'],
    aliases: {},
    fix: 'review',
    docs: {
      why: "MySQL's and MariaDB's `utf8` is an alias of `utf8mb3`, which stores at most 3 bytes a character: emoji and every other character outside the Basic Multilingual Plane are rejected with \"Incorrect string value\" in strict mode, or silently stored as `?` without it. `NCHAR`, `NVARCHAR` and `NATIONAL` types are utf8mb3 too, and `SET NAMES utf8` makes the connection itself utf8mb3, so such characters in the migration's own strings are lost even in utf8mb4 columns.",
      safeWay: 'Use `utf8mb4` and the matching collation (`utf8_general_ci` → `utf8mb4_general_ci`, `utf8_unicode_ci` → `utf8mb4_unicode_ci`, `utf8_bin` → `utf8mb4_bin`). An index on a long VARCHAR may then exceed InnoDB\'s 3072-byte key limit (768 characters at 4 bytes). Changing an existing table\'s columns to utf8mb4 copies the table on MySQL; MariaDB 10.4 and later change utf8mb3 columns to utf8mb4 in place.',
      bad: 'CREATE TABLE comments (id bigint PRIMARY KEY, body text CHARACTER SET utf8 COLLATE utf8_unicode_ci);',
      good: 'CREATE TABLE comments (id bigint PRIMARY KEY, body text CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci);',
    },
  },
  check(ctx, stmt) {
    if (stmt.kind === 'create-table') checkCreateTable(ctx, stmt);
    else if (stmt.kind === 'alter-table') checkAlterTable(ctx, stmt);
    else if (stmt.kind === 'create-other' && stmt.objectKind === 'schema') {
      reportDefault(ctx, stmt.options ?? [], `Database \`${stmt.name?.name ?? ''}\` defaults to utf8mb3: its tables created without their own character set hold at most 3 bytes a character (no emoji)`);
    } else if (stmt.kind === 'set' && (stmt.name === 'names' || stmt.name === 'character_set')) checkSetNames(ctx, stmt);
  },
});
