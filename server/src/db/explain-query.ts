// "Explain this query", end to end and shared by the language server and the CLI: the engine's
// index candidates for the statement, the database layer's safe EXPLAIN and verification, then the
// engine's plan model, warnings and one-line summary.
import {
  indexCandidates,
  isWritingStatement,
  parsePostgresPlan,
  planSummary,
  planWarnings,
  type IndexCandidateSuggestion,
  type SchemaModel,
  type Statement,
} from '../engine';
import type { ExplainFailure, ExplainResult, ExplainSource, IndexSuggestion } from '../protocol';
import type { ExplainRunResult, ExplainService, ExplainTargetSpec } from './explain-types';

/** Statements EXPLAIN accepts. */
const explainableKinds = new Set<Statement['kind']>(['select', 'insert', 'update', 'delete']);

export interface ExplainStatementInput {
  readonly service: ExplainService;
  readonly statement: Statement;
  /** The schema the query runs against (for index candidates); undefined: no candidates. */
  readonly model: SchemaModel | undefined;
  readonly target: ExplainTargetSpec;
  readonly analyze: boolean;
  readonly confirmWrites: boolean;
  readonly parameters: readonly string[] | undefined;
  readonly statementTimeoutMs: number;
}

export type ExplainStatementOutcome = { readonly ok: true; readonly result: Omit<ExplainResult, 'statementRange'> } | { readonly ok: false; readonly failure: ExplainFailure };

/** A verified candidate must cut the plan's cost by at least this share to be suggested. */
const minimumSaving = 0.1;

export async function explainStatement(input: ExplainStatementInput): Promise<ExplainStatementOutcome> {
  const { statement } = input;
  if (!explainableKinds.has(statement.kind)) {
    return { ok: false, failure: { kind: 'not-explainable', message: 'Only queries can be explained: SELECT, INSERT, UPDATE, DELETE (and WITH … of those)' } };
  }
  if (input.analyze && isWritingStatement(statement) && !input.confirmWrites) {
    return {
      ok: false,
      failure: { kind: 'writes-need-confirmation', message: 'EXPLAIN ANALYZE runs the statement, and this one writes: it runs inside a transaction that is rolled back' },
    };
  }
  const shape = statement.kind === 'select' || statement.kind === 'insert' || statement.kind === 'update' || statement.kind === 'delete' ? statement.shape : undefined;
  const candidates = shape && input.model ? indexCandidates(shape, input.model) : [];
  const run = await input.service.explain({
    statement: statement.text,
    target: input.target,
    analyze: input.analyze,
    confirmWrites: input.confirmWrites,
    parameters: input.parameters,
    statementTimeoutMs: input.statementTimeoutMs,
    candidates: candidates.map((candidate) => ({ schema: candidate.schema, table: candidate.table, columns: candidate.columns })),
  });
  if (!run.ok) return run;
  const dialect = input.target.kind === 'connection' ? input.target.connection.dialect : 'postgres';
  if (dialect !== 'postgres') {
    return { ok: false, failure: { kind: 'not-explainable', message: `${dialect} plans are read by a later version of sqlsight; the connection works (the raw plan is in the output)` } };
  }
  let plan;
  try {
    plan = parsePostgresPlan(run.planJson, JSON.stringify(run.planJson, null, 2));
  } catch (error) {
    return { ok: false, failure: { kind: 'error', message: `The server's plan could not be read: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const warnings = planWarnings(plan);
  return {
    ok: true,
    result: {
      statement: statement.text,
      source: sourceOf(input.target, run),
      plan,
      warnings,
      summary: planSummary(plan, warnings),
      suggestions: suggestionsFrom(candidates, run, input.target.kind === 'embedded' && input.target.schema.seedRows === 0),
    },
  };
}

function sourceOf(target: ExplainTargetSpec, run: Extract<ExplainRunResult, { ok: true }>): ExplainSource {
  return target.kind === 'connection'
    ? { kind: 'connection', name: target.connection.name, serverVersion: run.serverVersion }
    : { kind: 'embedded', seededRows: target.schema.seedRows, serverVersion: run.serverVersion };
}

/**
 * Candidates with their verification: a measured one is kept only when it makes the plan cheaper
 * (on empty embedded tables it is kept, unverified); one that could not be measured is kept and
 * marked "not cost-verified".
 */
function suggestionsFrom(candidates: readonly IndexCandidateSuggestion[], run: Extract<ExplainRunResult, { ok: true }>, emptyTables: boolean): IndexSuggestion[] {
  const suggestions: IndexSuggestion[] = [];
  for (const candidate of candidates) {
    const verified = run.verified.find(
      (entry) => entry.candidate.table === candidate.table && entry.candidate.schema === candidate.schema && entry.candidate.columns.join() === candidate.columns.join(),
    );
    const table = candidate.schema && candidate.schema !== 'public' ? `${candidate.schema}.${candidate.table}` : candidate.table;
    const base = { table, columns: candidate.columns, statement: candidate.statement, reason: candidate.reason };
    if (verified) {
      if (verified.costAfter > verified.costBefore * (1 - minimumSaving)) {
        // Empty tables cost next to nothing either way: the measurement says nothing about real data.
        if (emptyTables) suggestions.push({ ...base, verification: { kind: 'not-cost-verified', why: 'the embedded tables are empty, so no index changes the cost; seed rows to measure it (sqlsight.explain.seedRows in the editor, --seed on the command line)' } });
        continue;
      }
      suggestions.push({ ...base, verification: { kind: verified.method, costBefore: verified.costBefore, costAfter: verified.costAfter } });
    } else {
      suggestions.push({ ...base, verification: { kind: 'not-cost-verified', why: run.verificationUnavailable ?? 'the planner could not be asked about this index' } });
    }
  }
  return suggestions;
}
