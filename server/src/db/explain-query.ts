// "Explain this query", end to end and shared by the language server and the CLI: the engine's
// index candidates for the statement, the database layer's safe EXPLAIN and verification, then the
// engine's plan model (read as PostgreSQL, MySQL or MariaDB JSON), warnings and one-line summary.
// A statement is explained only by a database of its own dialect: there is no embedded MySQL, and
// a PostgreSQL plan of MySQL text (or the reverse) would be wrong.
import {
  indexCandidates,
  isWritingStatement,
  planSummary,
  planWarnings,
  queryShape,
  readMysqlPlan,
  readPostgresPlan,
  withTableNames,
  type Dialect,
  type IndexCandidateSuggestion,
  type PlanReadResult,
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
  const wrongTarget = targetMismatch(statement.dialect, input.target);
  if (wrongTarget) return { ok: false, failure: wrongTarget };
  if (input.analyze && isWritingStatement(statement) && !input.confirmWrites) {
    return {
      ok: false,
      failure: { kind: 'writes-need-confirmation', message: 'EXPLAIN ANALYZE runs the statement, and this one writes: it runs inside a transaction that is rolled back' },
    };
  }
  const shape = queryShape(statement);
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
  const read = readPlan(statement.dialect, run);
  if (!read.ok) return { ok: false, failure: { kind: 'error', message: `The server's plan could not be read: ${read.message}` } };
  // MySQL and MariaDB name a table access by its alias; the query's shape knows the table behind it.
  const plan = read.plan.dialect !== 'postgres' && shape ? withTableNames(read.plan, shape.tables) : read.plan;
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

const dialectNames: Readonly<Record<Dialect, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };

/** Why the target cannot plan a statement of this dialect, if it cannot. */
function targetMismatch(dialect: Dialect, target: ExplainTargetSpec): ExplainFailure | undefined {
  const mysqlText = dialect !== 'postgres';
  if (target.kind === 'embedded') {
    if (!mysqlText) return undefined;
    return {
      kind: 'connection',
      message:
        `This is ${dialectNames[dialect]} SQL, and the embedded database is PostgreSQL (PGlite): there is no embedded MySQL. Add a MySQL/MariaDB connection` +
        ' (sqlsight: Add Database Connection in the editor, --connection mysql://… on the command line) and explain against it',
    };
  }
  if (mysqlText === (target.connection.dialect !== 'postgres')) return undefined;
  const wanted = mysqlText ? 'MySQL/MariaDB' : 'PostgreSQL';
  return {
    kind: 'connection',
    message: `This is ${dialectNames[dialect]} SQL, but connection "${target.connection.name}" is ${dialectNames[target.connection.dialect]}: choose a ${wanted} connection`,
  };
}

/** The server's plan in the model: MySQL and MariaDB plans by the server the version names (a `mysql` connection may reach a MariaDB). */
function readPlan(dialect: Dialect, run: Extract<ExplainRunResult, { ok: true }>): PlanReadResult {
  const raw = JSON.stringify(run.planJson, null, 2);
  if (dialect === 'postgres') return readPostgresPlan(run.planJson, raw);
  return readMysqlPlan(run.planJson, raw, /mariadb/i.test(run.serverVersion) ? 'mariadb' : 'mysql');
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
    const base = { table, columns: candidate.columns, statement: candidate.statement, revert: candidate.revert, reason: candidate.reason };
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
