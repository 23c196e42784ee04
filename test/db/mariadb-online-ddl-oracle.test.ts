// The MariaDB oracle for the online-DDL table: every case of scripts/online-ddl-cases.ts is judged
// by sqlsight (MySQL front-end, schema model, engine/analysis/mysql-online-ddl.ts) for the live
// server's version, then run on the real server (SQLSIGHT_TEST_MYSQL_URL, a scratch database made
// and dropped here) with the claimed ALGORITHM (and LOCK=NONE when writes are claimed to go on):
// it must succeed; with the next stricter algorithm, or LOCK=NONE when writes are claimed to wait,
// the server must refuse (1845/1846); and the table must be rebuilt exactly when claimed (InnoDB
// table ids). A claim the server disproves fails here: fix the table, not the test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mysql from 'mysql2/promise';
import { parseServerVersion, type ServerVersion } from '../../server/src/engine/config';
import { algorithmsStrictestFirst, pinClauseText, type OnlineDdlAlgorithm } from '../../server/src/engine/analysis/mysql-online-ddl';
import { judgeCase, onlineDdlCases, setups, type CaseJudgement, type OnlineDdlCase } from '../../scripts/online-ddl-cases';
import { liveMysqlUrl } from './support';

/** ER_ALTER_OPERATION_NOT_SUPPORTED, ER_ALTER_OPERATION_NOT_SUPPORTED_REASON. */
const refusedErrnos = new Set([1845, 1846]);

interface ResultRow {
  readonly id: string;
  readonly claim: string;
  readonly accepted: string;
  readonly stricter: string;
  readonly rebuild: string;
}

function errnoOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'errno' in error && typeof error.errno === 'number' ? error.errno : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The statement with ALGORITHM (and LOCK=NONE) where sqlsight's own pin fix puts them; before `PARTITION BY` for repartitioning. */
function withClauses(judgement: CaseJudgement, text: string, algorithm: OnlineDdlAlgorithm, lockNone: boolean): string {
  const { statement, onlineDdl } = judgement;
  const partitioning = statement.kind === 'alter-table' ? statement.actions.find((action) => action.kind === 'partitioning') : undefined;
  if (partitioning) {
    const first = statement.kind === 'alter-table' && statement.actions[0] === partitioning;
    const clause = `${first ? '' : ', '}ALGORITHM=${algorithm.toUpperCase()}${lockNone ? ', LOCK=NONE' : ''} `;
    return text.slice(0, partitioning.range.start) + clause + text.slice(partitioning.range.start);
  }
  const insertAt = onlineDdl.clauses?.clausesInsertAt ?? text.length;
  return text.slice(0, insertAt) + pinClauseText(statement, algorithm, lockNone) + text.slice(insertAt);
}

function stricterThan(algorithm: OnlineDdlAlgorithm): OnlineDdlAlgorithm | undefined {
  return algorithmsStrictestFirst[algorithmsStrictestFirst.indexOf(algorithm) - 1];
}

function claimText(judgement: CaseJudgement): string {
  const { cost } = judgement.onlineDdl;
  return `${cost.algorithm.toUpperCase()}${cost.rebuildsTable ? ' rebuild' : ''}${cost.concurrentDml ? '' : ' no-DML'}`;
}

describe('MariaDB online-DDL oracle', { skip: liveMysqlUrl === undefined ? 'SQLSIGHT_TEST_MYSQL_URL is not set (.ci/run sets it)' : false }, () => {
  const url = new URL(liveMysqlUrl ?? 'mysql://root@127.0.0.1:3306/test');
  const database = `sqlsight_online_ddl_${process.pid}`;
  const rows: ResultRow[] = [];
  let connection: mysql.Connection;
  let version: ServerVersion;

  before(async () => {
    connection = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      multipleStatements: true,
    });
    const [result] = await connection.query('SELECT VERSION() AS version');
    const text = Array.isArray(result) ? String(Object.values(result[0] ?? {})[0] ?? '') : '';
    assert.match(text, /MariaDB/, 'the oracle needs a MariaDB server');
    const parsed = parseServerVersion(text.split('-')[0] ?? '');
    assert.ok(parsed, `unreadable server version ${text}`);
    version = parsed;
  });

  after(async () => {
    await connection?.query(`DROP DATABASE IF EXISTS ${database}`);
    await connection?.end();
    const widths = [36, 24, 10, 10, 9];
    const line = (cells: readonly string[]): string => cells.map((cell, index) => cell.padEnd(widths[index] ?? 10)).join(' ');
    console.log([line(['case', 'sqlsight claims', 'accepted', 'stricter', 'rebuild']), ...rows.map((row) => line([row.id, row.claim, row.accepted, row.stricter, row.rebuild]))].join('\n'));
  });

  /** A fresh scratch database with the case's tables and rows; foreign_key_checks as the case says. */
  async function prepare(testCase: OnlineDdlCase): Promise<void> {
    await connection.query(`SET foreign_key_checks = 1; DROP DATABASE IF EXISTS ${database}; CREATE DATABASE ${database}; USE ${database}`);
    await connection.query(setups[testCase.setup]);
    if (testCase.foreignKeyChecksOff) await connection.query('SET foreign_key_checks = 0');
  }

  /** InnoDB table ids of the case's table (and its partitions): a rebuild replaces them all, a rename keeps them, DROP PARTITION keeps the others. */
  async function tableIds(judgement: CaseJudgement): Promise<string[]> {
    const name = `${database}/${judgement.onlineDdl.table.name}`;
    const [result] = await connection.query('SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = ? OR NAME LIKE ?', [name, `${name}#P#%`]);
    return Array.isArray(result) ? result.map((row) => String(Object.values(row)[0])) : [];
  }

  /** Runs the statement and says whether it rebuilt the table: none of its InnoDB table ids survived. */
  async function runAndSeeRebuild(judgement: CaseJudgement, statement: string): Promise<boolean> {
    const before = await tableIds(judgement);
    await connection.query(statement);
    const [result] = await connection.query('SELECT COUNT(*) AS n FROM information_schema.INNODB_SYS_TABLES WHERE TABLE_ID IN (?)', [before]);
    return before.length > 0 && Array.isArray(result) && Number(Object.values(result[0] ?? {})[0]) === 0;
  }

  async function refusal(statement: string): Promise<number | undefined> {
    try {
      await connection.query(statement);
    } catch (error) {
      return errnoOf(error);
    }
    return undefined;
  }

  for (const testCase of onlineDdlCases) {
    it(`${testCase.id}: ${testCase.statement}`, async () => {
      const judgement = judgeCase(testCase, 'mariadb', version);
      assert.ok(typeof judgement !== 'string', `sqlsight could not judge the case: ${String(judgement)}`);
      const { cost } = judgement.onlineDdl;
      const row = { id: testCase.id, claim: claimText(judgement), accepted: '-', stricter: '-', rebuild: '-' };
      rows.push(row);
      const text = testCase.statement;
      // A statement that takes no ALGORITHM clause runs as written: only the rebuild claim is checked.
      if (testCase.notCheckable) assert.equal(judgement.onlineDdl.acceptsAppendedClauses, false, `sqlsight should know: ${testCase.notCheckable}`);
      const claimed = testCase.notCheckable ? text : withClauses(judgement, text, cost.algorithm, cost.concurrentDml);

      await prepare(testCase);
      let rebuilt = false;
      try {
        rebuilt = await runAndSeeRebuild(judgement, claimed);
      } catch (error) {
        row.accepted = `refused ${errnoOf(error) ?? ''}`;
        assert.fail(`the server refused the claimed ${claimText(judgement)}: ${messageOf(error)}`);
      }
      row.accepted = testCase.notCheckable ? 'no clause' : 'yes';
      row.rebuild = rebuilt ? 'yes' : 'no';
      assert.equal(rebuilt, cost.rebuildsTable, `sqlsight claims the table is ${cost.rebuildsTable ? '' : 'not '}rebuilt`);

      if (testCase.notCheckable) return;
      const stricter = stricterThan(cost.algorithm);
      if (stricter) {
        await prepare(testCase);
        const errno = await refusal(withClauses(judgement, text, stricter, false));
        row.stricter = errno === undefined ? `${stricter} accepted` : `refused ${errno}`;
        assert.ok(errno !== undefined && refusedErrnos.has(errno), `ALGORITHM=${stricter.toUpperCase()} should be refused (got ${errno ?? 'success'})`);
      }
      if (!cost.concurrentDml) {
        await prepare(testCase);
        const errno = await refusal(withClauses(judgement, text, cost.algorithm, true));
        row.stricter += errno === undefined ? ', LOCK=NONE accepted' : `, LOCK=NONE refused ${errno}`;
        assert.ok(errno !== undefined && refusedErrnos.has(errno), `LOCK=NONE should be refused: sqlsight claims writes wait (got ${errno ?? 'success'})`);
      }
    });
  }
});
