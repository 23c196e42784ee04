// Which SQL dialect a file is written in, when nothing configured says so: a `-- sqlsight:
// dialect=…` directive in the file, then the path (`…/mysql/…`, `x.mysql.up.sql`), then the text
// (backticks, ENGINE=, AUTO_INCREMENT, DELIMITER against `::`, `$$`, CONCURRENTLY …). Pure.
import type { Dialect } from './model';

/** Where a file's dialect came from (shown in the status bar). */
export type DialectSource = 'directive' | 'settings' | 'path' | 'text' | 'default';

export interface DialectChoice {
  readonly dialect: Dialect;
  readonly source: DialectSource;
}

const dialectWords: Readonly<Record<string, Dialect>> = {
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  psql: 'postgres',
  pgsql: 'postgres',
  mysql: 'mysql',
  mariadb: 'mariadb',
};

/** Only the leading comments may hold the directive, so a string or a later comment never switches the dialect. */
const directiveWindow = 4096;

/** `-- sqlsight: dialect=mysql` (or `/* sqlsight: dialect=mariadb *\/`, `# sqlsight: …`) among the file's leading comments. */
export function dialectDirective(text: string): Dialect | undefined {
  const head = text.slice(0, directiveWindow);
  // Almost no file has one: skip the regular expression unless the word is there.
  if (!head.includes('sqlsight:')) return undefined;
  const match = /^[ \t]*(?:--|#|\/\*)[ \t]*sqlsight:[ \t]*dialect[ \t]*=[ \t]*([a-z]+)/im.exec(head);
  if (!match) return undefined;
  // Only comments and blank lines may come before the directive.
  const before = head.slice(0, match.index);
  if (before.split(/\r?\n/).some((line) => line.trim() !== '' && !/^\s*(--|#|\/\*|\*)/.test(line))) return undefined;
  return dialectWords[(match[1] ?? '').toLowerCase()];
}

/** A folder or file-name part that names a dialect: `db/mysql/V1.sql`, `0001_x.mysql.up.sql`, `schema.pgsql`. */
const pathDialectPart = /(?:^|[/\\._-])(postgresql|postgres|pgsql|psql|pg|mysql|mariadb)(?=$|[/\\._-])/gi;

export function dialectFromPath(path: string): Dialect | undefined {
  // The nearest part wins: a `mysql` file in a `postgres` repository is MySQL.
  let last: string | undefined;
  pathDialectPart.lastIndex = 0;
  // The lookahead leaves the separator unconsumed, so the next part can start at it.
  for (let match = pathDialectPart.exec(path); match; match = pathDialectPart.exec(path)) last = match[1];
  return last === undefined ? undefined : dialectWords[last.toLowerCase()];
}

/** Signals read in the text, each worth one vote; found with one regular expression per dialect. */
const mysqlSignals = [
  /`[^`\n]+`/g,
  /\bENGINE\s*=/gi,
  /\bAUTO_INCREMENT\b/gi,
  /^\s*DELIMITER\s/gim,
  /\/\*!\d*/g,
  /\bUNSIGNED\b/gi,
  /\b(?:DEFAULT\s+)?CHARSET\s*=/gi,
  /^\s*#/gm,
  /\b(?:TINYINT|MEDIUMINT|LONGTEXT|MEDIUMTEXT|TINYTEXT|DATETIME)\b/gi,
  /\bMODIFY\s+(?:COLUMN\s+)?[`\w]/gi,
];
const postgresSignals = [
  /::\s*[a-z_]/gi,
  /\$[a-z_]*\$/gi,
  /\bCONCURRENTLY\b/gi,
  /\b(?:TIMESTAMPTZ|JSONB|BIGSERIAL|BYTEA|UUID_GENERATE_V4|GEN_RANDOM_UUID)\b/gi,
  /\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:EXTENSION|SEQUENCE|TYPE|DOMAIN|MATERIALIZED)\b/gi,
  /\bLANGUAGE\s+'?plpgsql\b/gi,
  /^\s*\\[a-z]+/gim,
  /\bALTER\s+COLUMN\s+\S+\s+(?:SET|DROP|TYPE)\b/gi,
];

/** How much of a file the text detection reads: enough for any migration's DDL, bounded for dumps. */
const textWindow = 64 * 1024;
/** Capped per signal, so one repeated construct (a thousand backticks) counts like a few. */
const votesPerSignal = 3;

function votes(text: string, signals: readonly RegExp[]): number {
  let total = 0;
  for (const signal of signals) {
    signal.lastIndex = 0;
    let count = 0;
    while (count < votesPerSignal && signal.exec(text)) count++;
    total += count;
  }
  return total;
}

/** `--` line comments and `/* … *\/` block comments (not MySQL's executable `/*! … *\/`): prose in them is no signal. */
const proseComments = /--[^\n]*|\/\*(?!!)[\s\S]*?\*\//g;

/** The dialect the text looks like, when the signals clearly say one; MariaDB only when the text names it. */
export function dialectFromText(text: string): Dialect | undefined {
  const head = text.slice(0, textWindow);
  const code = head.replace(proseComments, ' ');
  const mysql = votes(code, mysqlSignals);
  const postgres = votes(code, postgresSignals);
  if (mysql >= 2 && mysql >= 2 * postgres) return /\bmariadb\b/i.test(head) ? 'mariadb' : 'mysql';
  if (postgres >= 1 && postgres >= 2 * mysql) return 'postgres';
  return undefined;
}

/**
 * The file's dialect: its own directive first (the most specific statement), then a dialect
 * configured for it (sqlsight.json, its overrides, the editor setting, `--dialect`), then its path,
 * then its text, else PostgreSQL.
 */
export function chooseDialect(path: string, text: string, configured: Dialect | undefined): DialectChoice {
  const directive = dialectDirective(text);
  if (directive) return { dialect: directive, source: 'directive' };
  if (configured) return { dialect: configured, source: 'settings' };
  const fromPath = dialectFromPath(path);
  if (fromPath) return { dialect: fromPath, source: 'path' };
  const fromText = dialectFromText(text);
  if (fromText) return { dialect: fromText, source: 'text' };
  return { dialect: 'postgres', source: 'default' };
}
