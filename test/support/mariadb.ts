// The live MariaDB the MySQL schema tests run migrations on (SQLSIGHT_TEST_MYSQL_URL, which
// `.ci/run` sets): one connection, its server version, a file's statements as the mysql client
// sends them, scratch databases created and dropped by the test (also when it fails), and
// information_schema rows checked rather than cast.
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { parseServerVersion, type ServerVersion } from '../../server/src/engine/config';
import { splitMysql } from '../../server/src/engine/dialects/mysql/split';
import type { TextRange } from '../../server/src/engine/model';
import type { CatalogQuery } from './catalog-rows';

export interface ClientStatement {
  /** What the client sends: a statement in an executable comment with the comment, without a DELIMITER's delimiter. */
  readonly text: string;
  /** Where it stands in the file. */
  readonly range: TextRange;
}

/**
 * A file's statements as sqlsight's MySQL splitter cuts them and the mysql client sends them: a
 * segment starts at its first token, so a statement wrapped in `/*!40101 … *\/` or `/*M!… *\/`
 * gets its opener back, and one ended by a DELIMITER's `$$` is sent without it.
 */
export function clientStatements(text: string, version: ServerVersion): ClientStatement[] {
  return splitMysql(text, { dialect: 'mariadb', version })
    .segments.filter((segment) => segment.kind === 'statement')
    .map((segment) => {
      const opener = /\/\*M?!\d*\s*$/.exec(text.slice(Math.max(0, segment.range.start - 40), segment.range.start));
      const start = opener ? segment.range.start - opener[0].length : segment.range.start;
      const statement = text.slice(start, segment.range.end);
      const delimiter = segment.delimiter;
      const sent = delimiter !== undefined && delimiter !== ';' && statement.endsWith(delimiter) ? statement.slice(0, -delimiter.length) : statement;
      return { text: sent, range: { start, end: segment.range.end } };
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rows of a query's result from mysql2. */
export function rowsOf(result: unknown): readonly Record<string, unknown>[] {
  if (!Array.isArray(result) || !result.every(isRecord)) throw new Error('expected rows from a query');
  return result;
}

export function connectMariadb(url: string): Promise<mysql.Connection> {
  const parsed = new URL(url);
  return mysql.createConnection({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    // Dates as text, like every other value information_schema gives back.
    dateStrings: true,
  });
}

/** The server's version; the tests need MariaDB (their claims are MariaDB's). */
export async function mariadbVersion(connection: mysql.Connection): Promise<ServerVersion> {
  const [result] = await connection.query('SELECT VERSION() AS version');
  const text = String(rowsOf(result)[0]?.version ?? '');
  assert.match(text, /MariaDB/, `these tests need a MariaDB server (found ${text})`);
  const version = parseServerVersion(text.split('-')[0] ?? '');
  assert.ok(version, `unreadable server version ${text}`);
  return version;
}

export function catalogQuery(connection: mysql.Connection): CatalogQuery {
  return async (sql) => rowsOf((await connection.query(sql))[0]);
}

/**
 * Runs `work` in a fresh database of that name (utf8mb4, the server's own default, written out so
 * the result does not depend on the server's configuration), used by the connection; drops it
 * afterwards, also when `work` fails. The session starts with foreign key checks on.
 */
export async function withScratchDatabase<T>(connection: mysql.Connection, name: string, work: () => Promise<T>): Promise<T> {
  assert.match(name, /^\w+$/, 'a scratch database name needs no quoting');
  await connection.query(`DROP DATABASE IF EXISTS ${name}`);
  await connection.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  try {
    await connection.query(`USE ${name}`);
    await connection.query('SET foreign_key_checks = 1');
    return await work();
  } finally {
    await connection.query(`DROP DATABASE IF EXISTS ${name}`);
  }
}
