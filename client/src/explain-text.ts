// The pure side of "Explain This Query": checking what the server and a CodeLens send, how long to
// wait for an answer, which explain counts as "the same statement again" (for before/after), and the
// texts of the prompts. No vscode import, so tests run without an editor.
import type { ExplainFailure, ExplainResponse, ExplainResult, ExplainTarget, IndexSuggestion, Plan, PlanNode, PlanWarning, Range } from '../../server/src/protocol';

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOptional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every(isString);
}

function isPosition(value: unknown): boolean {
  const position = fields(value);
  return position !== undefined && isNumber(position.line) && isNumber(position.character) && position.line >= 0 && position.character >= 0;
}

function isRange(value: unknown): value is Range {
  const range = fields(value);
  return range !== undefined && isPosition(range.start) && isPosition(range.end);
}

/** The argument a CodeLens passes to `commands.explain`. */
export function isExplainTarget(value: unknown): value is ExplainTarget {
  const target = fields(value);
  return target !== undefined && isString(target.uri) && isPosition(target.position);
}

function isActuals(value: unknown): boolean {
  const actual = fields(value);
  return actual !== undefined && isNumber(actual.startupTimeMs) && isNumber(actual.totalTimeMs) && isNumber(actual.rows) && isNumber(actual.loops);
}

function isBuffers(value: unknown): boolean {
  const buffers = fields(value);
  return buffers !== undefined && isNumber(buffers.sharedHit) && isNumber(buffers.sharedRead) && isNumber(buffers.tempRead) && isNumber(buffers.tempWritten);
}

// The detail fields are only printed (as text), so any value is accepted: a server that reports a
// list or an object there must not cost the user the whole plan.
function isDetails(value: unknown): boolean {
  return fields(value) !== undefined;
}

// Plans are trees of a few hundred nodes at most; the depth bound keeps a malformed answer from
// exhausting the stack.
function isPlanNode(value: unknown, depth: number): value is PlanNode {
  const node = fields(value);
  if (!node || depth > 200) return false;
  const sortSpace = fields(node.sortSpace);
  return (
    isString(node.nodeType) &&
    ['relation', 'schema', 'alias', 'index', 'joinType', 'parentRelationship', 'filter', 'indexCondition', 'joinCondition', 'sortMethod'].every((key) =>
      isOptional(node[key], isString),
    ) &&
    isNumber(node.startupCost) &&
    isNumber(node.totalCost) &&
    isNumber(node.planRows) &&
    isNumber(node.planWidth) &&
    ['rowsRemovedByFilter', 'hashBatches', 'heapFetches'].every((key) => isOptional(node[key], isNumber)) &&
    isOptional(node.sortKey, isStringArray) &&
    (node.sortSpace === undefined || (sortSpace !== undefined && isString(sortSpace.type) && isNumber(sortSpace.usedKb))) &&
    isOptional(node.actual, isActuals) &&
    isOptional(node.buffers, isBuffers) &&
    isDetails(node.details) &&
    Array.isArray(node.children) &&
    node.children.every((child) => isPlanNode(child, depth + 1))
  );
}

function isPlan(value: unknown): value is Plan {
  const plan = fields(value);
  return (
    plan !== undefined &&
    isString(plan.dialect) &&
    isPlanNode(plan.root, 0) &&
    typeof plan.analyzed === 'boolean' &&
    isOptional(plan.planningTimeMs, isNumber) &&
    isOptional(plan.executionTimeMs, isNumber) &&
    isString(plan.raw)
  );
}

function isWarning(value: unknown): value is PlanWarning {
  const warning = fields(value);
  return (
    warning !== undefined &&
    isString(warning.kind) &&
    (warning.severity === 'low' || warning.severity === 'medium' || warning.severity === 'high') &&
    Array.isArray(warning.path) &&
    warning.path.every((index) => Number.isInteger(index) && index >= 0) &&
    isString(warning.message) &&
    isOptional(warning.detail, isString)
  );
}

function isSuggestion(value: unknown): value is IndexSuggestion {
  const suggestion = fields(value);
  const verification = fields(suggestion?.verification);
  if (!suggestion || !verification) return false;
  const verified =
    verification.kind === 'not-cost-verified'
      ? isString(verification.why)
      : (verification.kind === 'hypothetical-index' || verification.kind === 'built-and-rolled-back') && isNumber(verification.costBefore) && isNumber(verification.costAfter);
  return isString(suggestion.table) && isStringArray(suggestion.columns) && isString(suggestion.statement) && isString(suggestion.reason) && verified;
}

function isResult(value: unknown): value is ExplainResult {
  const result = fields(value);
  const source = fields(result?.source);
  if (!result || !source) return false;
  const sourceOk =
    source.kind === 'connection'
      ? isString(source.name) && isString(source.serverVersion)
      : source.kind === 'embedded' && isNumber(source.seededRows) && isString(source.serverVersion);
  return (
    isString(result.statement) &&
    isRange(result.statementRange) &&
    sourceOk &&
    isPlan(result.plan) &&
    Array.isArray(result.warnings) &&
    result.warnings.every(isWarning) &&
    isString(result.summary) &&
    Array.isArray(result.suggestions) &&
    result.suggestions.every(isSuggestion)
  );
}

const failureKinds: readonly string[] = ['needs-parameters', 'writes-need-confirmation', 'connection', 'timeout', 'untrusted', 'not-explainable', 'error'];

function isFailure(value: unknown): value is ExplainFailure {
  const failure = fields(value);
  if (!failure || !isString(failure.kind) || !failureKinds.includes(failure.kind) || !isString(failure.message)) return false;
  return failure.kind !== 'needs-parameters' || isStringArray(failure.names);
}

/** The server's answer arrives as JSON: check all of it before the plan view renders it. */
export function isExplainResponse(value: unknown): value is ExplainResponse {
  const response = fields(value);
  if (!response) return false;
  if (response.ok === true) return isResult(response.result);
  return response.ok === false && isFailure(response.failure);
}

/**
 * How long the client waits for an explain before giving up: the server applies the statement
 * timeout to the connection attempt and to the statement (and verifies index candidates after), so
 * twice that plus five seconds covers a slow but healthy answer. Time spent in a password prompt
 * does not count (the caller pauses the clock).
 */
export function giveUpAfterMs(statementTimeoutMs: number): number {
  const timeout = Number.isFinite(statementTimeoutMs) && statementTimeoutMs > 0 ? statementTimeoutMs : 10_000;
  return 2 * timeout + 5_000;
}

/** An explain shown in the plan view: the result and the document the statement is in. */
export interface ShownExplain {
  readonly uri: string;
  readonly result: ExplainResult;
}

function normalizeSql(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/;\s*$/, '').trim();
}

/**
 * Whether a new explain is the same statement as the one shown, so the view shows both (before and
 * after): the same document and either the statement starts on the same line (it was edited in
 * place, e.g. a rewritten WHERE) or its text is unchanged (it moved, or an index was added since).
 */
export function isSameStatement(shown: ShownExplain, next: ShownExplain): boolean {
  if (shown.uri !== next.uri) return false;
  if (shown.result.statementRange.start.line === next.result.statementRange.start.line) return true;
  return normalizeSql(shown.result.statement) === normalizeSql(next.result.statement);
}

/** The prompt for one parameter value (`$1`, `?`, `:customer_id`). */
export function parameterPrompt(name: string, index: number, count: number): { readonly title: string; readonly prompt: string } {
  return {
    title: `sqlsight: Explain — value for ${name}${count > 1 ? ` (${index + 1}/${count})` : ''}`,
    prompt: `The value of ${name} as an SQL literal, like 42, 'shipped' or NULL; the plan is for this value`,
  };
}

export function validateParameterValue(value: string): string | undefined {
  return value.trim() === '' ? 'An SQL literal, like 42 or \'shipped\' (NULL for no value)' : undefined;
}

/** The detail of the modal that asks before ANALYZE runs a statement that writes. */
export const writesConfirmationDetail =
  'EXPLAIN ANALYZE runs the statement inside a transaction that is rolled back, so its changes are not kept. ' +
  'It still takes the statement\'s locks while it runs, and effects outside the transaction (sequence values, NOTIFY, ' +
  'calls to other servers) are not undone.';
