// The captured EXPLAIN output in fixtures/ (scripts/capture-plans.ts wrote it from PostgreSQL 15
// and PGlite), read into the plan model the way the explain command reads a server's answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostgresPlan, type Plan } from '../../server/src/engine';

export function fixtureText(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8');
}

export function fixturePlan(name: string): Plan {
  const raw = fixtureText(name);
  return parsePostgresPlan(JSON.parse(raw) as unknown, raw);
}
