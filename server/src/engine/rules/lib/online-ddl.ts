// The section G rules' one door to the MySQL/MariaDB online-DDL table: the statement's verdicts for
// this file's dialect, version, schema and foreign_key_checks, or nothing for a table created
// earlier in the unit (it is empty; nobody waits for it). Rules must not judge algorithms themselves.
import { statementOnlineDdl, type StatementOnlineDdl } from '../../analysis/mysql-online-ddl';
import type { Statement } from '../../model';
import { serverVersionText } from '../../config';
import type { RuleContext } from './rule';

function onlineDdlOfExistingTable(ctx: RuleContext, stmt: Statement): StatementOnlineDdl | undefined {
  const onlineDdl = statementOnlineDdl(stmt, {
    dialect: ctx.settings.dialect,
    version: ctx.settings.serverVersion,
    schema: ctx.state.schema,
    foreignKeyChecksOff: ctx.state.foreignKeyChecksOff,
  });
  return onlineDdl && !ctx.isNewTable(onlineDdl.table) ? onlineDdl : undefined;
}

/** Judged once per statement for all eight section G rules. */
export function existingTableOnlineDdl(ctx: RuleContext, stmt: Statement): StatementOnlineDdl | undefined {
  return ctx.statementFact(onlineDdlOfExistingTable, stmt);
}

/** How the table is named in messages. */
export function tableText(onlineDdl: StatementOnlineDdl): string {
  return `\`${onlineDdl.table.name}\``;
}

export const onlineSchemaChangeTools = 'gh-ost or pt-online-schema-change';

/** The server as messages name it: "MariaDB 10.11", "MySQL 8.0.28" (a patch only when given). */
export function serverText(onlineDdl: StatementOnlineDdl): string {
  const { dialect, version } = onlineDdl.target;
  return `${dialect === 'mysql' ? 'MySQL' : 'MariaDB'} ${serverVersionText(dialect, version)}`;
}

/** A verdict's subject opening a message: "Adding `x` …". */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
