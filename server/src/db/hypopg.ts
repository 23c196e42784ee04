// Index candidates measured with hypopg's hypothetical indexes (REFERENCE.md §2, advisor A): the
// plan's cost without them, then with each candidate alone. Runs inside the caller's explain
// transaction; hypothetical indexes live in the backend, not the transaction, so every path ends
// with `hypopg_reset()`. Never creates the extension: a database without it says so instead.
import type { IndexCandidate, VerifiedCandidate } from './explain-types';
import type { PlanProbe, SqlSession, VerificationOutcome } from './postgres';
import { quoteIdentifier } from './statement-text';

/** `CREATE INDEX ON s.t (a, b)`; the name is left to hypopg (it ignores one anyway). */
export function candidateIndexStatement(candidate: IndexCandidate): string {
  const table = `${candidate.schema === undefined ? '' : `${quoteIdentifier(candidate.schema)}.`}${quoteIdentifier(candidate.table)}`;
  return `CREATE INDEX ON ${table} (${candidate.columns.map(quoteIdentifier).join(', ')})`;
}

/** Where hypopg is installed in this database, or why it cannot be used. */
export async function hypopgSchema(session: SqlSession): Promise<{ ok: true; schema: string } | { ok: false; why: string }> {
  const available = await session.query("SELECT installed_version FROM pg_available_extensions WHERE name = 'hypopg'");
  if (available.length === 0) return { ok: false, why: 'hypopg is not available on this server (its package is not installed), so index candidates are not cost-verified' };
  if (available[0]?.installed_version === null || available[0]?.installed_version === undefined) {
    return { ok: false, why: 'hypopg is not installed in this database (CREATE EXTENSION hypopg would add it; sqlsight does not create extensions)' };
  }
  const rows = await session.query("SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'hypopg'");
  const schema = rows[0]?.schema;
  return typeof schema === 'string' ? { ok: true, schema } : { ok: false, why: 'hypopg is not installed in this database' };
}

export async function verifyWithHypopg(session: SqlSession, probe: PlanProbe, candidates: readonly IndexCandidate[], log: (message: string) => void): Promise<VerificationOutcome> {
  const found = await hypopgSchema(session);
  if (!found.ok) return { verified: [], unavailable: found.why };
  const functions = quoteIdentifier(found.schema);
  const reset = `SELECT ${functions}.hypopg_reset()`;
  await session.query(reset);
  try {
    const costBefore = await probe.totalCost();
    const verified: VerifiedCandidate[] = [];
    for (const candidate of candidates) {
      // A candidate hypopg refuses (no such column, no btree operator class) must not abort the
      // transaction for the others.
      await session.simple('SAVEPOINT sqlsight_candidate');
      try {
        await session.query(reset);
        await session.query(`SELECT indexrelid FROM ${functions}.hypopg_create_index($1)`, [candidateIndexStatement(candidate)]);
        const costAfter = await probe.totalCost();
        await session.simple('RELEASE SAVEPOINT sqlsight_candidate');
        verified.push({ candidate, method: 'hypothetical-index', costBefore, costAfter });
      } catch (error) {
        await session.simple('ROLLBACK TO SAVEPOINT sqlsight_candidate');
        log(`explain: hypopg could not measure ${candidateIndexStatement(candidate)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { verified, unavailable: verified.length < candidates.length ? 'hypopg could not build some candidates (see the output log)' : undefined };
  } finally {
    await session.query(reset).catch(() => undefined);
  }
}
