// The EXPLAIN output in fixtures/ (captured from PostgreSQL 15, PGlite and MariaDB 10.11; the
// MySQL 8 ones written from the manual, fixtures/README.md), read into the plan model the way the
// explain command reads a server's answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMysqlPlan, parsePostgresPlan, type Plan } from '../../server/src/engine';

export function fixtureText(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8');
}

export function fixturePlan(name: string): Plan {
  const raw = fixtureText(name);
  return parsePostgresPlan(JSON.parse(raw) as unknown, raw);
}

/** A `mariadb…` or `mysql8-doc-…` fixture, read as the server it came from. */
export function mysqlFixturePlan(name: string): Plan {
  const raw = fixtureText(name);
  return parseMysqlPlan(JSON.parse(raw) as unknown, raw, name.startsWith('mariadb') ? 'mariadb' : 'mysql');
}
