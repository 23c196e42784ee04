// PostgreSQL's `EXPLAIN (FORMAT JSON[, ANALYZE, BUFFERS …])` output normalised into the plan model.
// Reads the field names of PostgreSQL 13–18 (explain.c; PGlite reports 18's, such as `Disabled`
// and `Planning`); a field it does not map is kept in the node's `details` when it is a scalar.
// The JSON comes from a server, not from the user: input that is not a plan is reported as a
// value (`readPostgresPlan`) or, for callers that prefer it, a thrown Error (`parsePostgresPlan`).
import type { Plan, PlanActuals, PlanBuffers, PlanNode } from './plan';
import { detailValue, isObject, jsonDocument, PlanFormatError, readPlanWith, type JsonObject, type PlanReadResult } from './plan-json';

export type { PlanReadResult } from './plan-json';

/** Plans nest one level per node; a deeper document is not a plan PostgreSQL wrote. */
const maxDepth = 1000;

/** Fields that become PlanNode properties; every other scalar field goes to `details`. */
const mappedFields = new Set([
  'Node Type',
  'Relation Name',
  'Schema',
  'Alias',
  'Index Name',
  'Join Type',
  'Parent Relationship',
  'Startup Cost',
  'Total Cost',
  'Plan Rows',
  'Plan Width',
  'Actual Startup Time',
  'Actual Total Time',
  'Actual Rows',
  'Actual Loops',
  'Filter',
  'Rows Removed by Filter',
  'Index Cond',
  'Sort Key',
  'Sort Method',
  'Sort Space Used',
  'Sort Space Type',
  'Hash Batches',
  'Heap Fetches',
  'Shared Hit Blocks',
  'Shared Read Blocks',
  'Temp Read Blocks',
  'Temp Written Blocks',
  'Plans',
]);

/**
 * Reads an EXPLAIN (FORMAT JSON) result: the array PostgreSQL returns (`[{ "Plan": … }]`), its
 * single object, or the JSON text of either. `raw` is kept for the raw view.
 */
export function readPostgresPlan(json: unknown, raw: string): PlanReadResult {
  return readPlanWith(() => parsePostgresPlan(json, raw));
}

/** As `readPostgresPlan`, but throws an Error whose message says what is wrong when the input is not a plan. */
export function parsePostgresPlan(json: unknown, raw: string): Plan {
  let document = jsonDocument(json, 'the EXPLAIN output is not JSON (run EXPLAIN with FORMAT JSON)');
  if (Array.isArray(document)) {
    if (document.length !== 1) throw new PlanFormatError(`expected one plan in the EXPLAIN output, found ${document.length}`);
    document = document[0];
  }
  if (!isObject(document) || !isObject(document['Plan'])) throw new PlanFormatError('the EXPLAIN output has no "Plan" object (is it EXPLAIN (FORMAT JSON) output?)');
  const root = readNode(document['Plan'], 'Plan', 0);
  const planningTimeMs = optionalNumber(document, 'Planning Time', 'Plan');
  const executionTimeMs = optionalNumber(document, 'Execution Time', 'Plan');
  return {
    dialect: 'postgres',
    root,
    analyzed: root.actual !== undefined || executionTimeMs !== undefined,
    ...(planningTimeMs !== undefined ? { planningTimeMs } : {}),
    ...(executionTimeMs !== undefined ? { executionTimeMs } : {}),
    raw,
  };
}

function readNode(value: JsonObject, where: string, depth: number): PlanNode {
  if (depth > maxDepth) throw new PlanFormatError(`the plan nests more than ${maxDepth} levels deep`);
  const nodeType = value['Node Type'];
  if (typeof nodeType !== 'string' || nodeType === '') throw new PlanFormatError(`${where} has no "Node Type"`);
  const at = `${where} (${nodeType})`;
  const children = value['Plans'];
  if (children !== undefined && !Array.isArray(children)) throw new PlanFormatError(`"Plans" of ${at} is not a list`);
  const childNodes = (children ?? []).map((child: unknown, index: number) => {
    if (!isObject(child)) throw new PlanFormatError(`child ${index} of ${at} is not an object`);
    return readNode(child, `${where}.Plans[${index}]`, depth + 1);
  });
  const sortSpaceType = value['Sort Space Type'];
  const sortSpaceUsed = optionalNumber(value, 'Sort Space Used', at);
  const sortKey = value['Sort Key'];
  const joinField = joinConditionField(value);
  const joinCondition = joinField === undefined ? undefined : value[joinField];
  const actual = actualsOf(value, at);
  const rowsRemovedByFilter = optionalNumber(value, 'Rows Removed by Filter', at);
  const hashBatches = optionalNumber(value, 'Hash Batches', at);
  const heapFetches = optionalNumber(value, 'Heap Fetches', at);
  const buffers = buffersOf(value, at);
  return {
    nodeType,
    ...optionalStrings(value, {
      relation: 'Relation Name',
      schema: 'Schema',
      alias: 'Alias',
      index: 'Index Name',
      joinType: 'Join Type',
      parentRelationship: 'Parent Relationship',
      filter: 'Filter',
      indexCondition: 'Index Cond',
      sortMethod: 'Sort Method',
    }),
    startupCost: optionalNumber(value, 'Startup Cost', at) ?? 0,
    totalCost: optionalNumber(value, 'Total Cost', at) ?? 0,
    planRows: optionalNumber(value, 'Plan Rows', at) ?? 0,
    planWidth: optionalNumber(value, 'Plan Width', at) ?? 0,
    ...(actual ? { actual } : {}),
    ...(rowsRemovedByFilter !== undefined ? { rowsRemovedByFilter } : {}),
    ...(typeof joinCondition === 'string' ? { joinCondition } : {}),
    ...(Array.isArray(sortKey) ? { sortKey: sortKey.filter((key): key is string => typeof key === 'string') } : {}),
    ...((sortSpaceType === 'Memory' || sortSpaceType === 'Disk') && sortSpaceUsed !== undefined ? { sortSpace: { type: sortSpaceType, usedKb: sortSpaceUsed } } : {}),
    ...(hashBatches !== undefined ? { hashBatches } : {}),
    ...(heapFetches !== undefined ? { heapFetches } : {}),
    ...(buffers ? { buffers } : {}),
    children: childNodes,
    details: detailsOf(value, joinField),
  };
}

/** The join's condition: a hash or merge join's key condition, else a join filter (kept in details when both exist). */
function joinConditionField(value: JsonObject): string | undefined {
  for (const field of ['Hash Cond', 'Merge Cond', 'Join Filter']) if (typeof value[field] === 'string') return field;
  return undefined;
}

function actualsOf(value: JsonObject, at: string): PlanActuals | undefined {
  const loops = optionalNumber(value, 'Actual Loops', at);
  if (loops === undefined) return undefined;
  // TIMING OFF leaves the times out; a node that never ran reports zero loops.
  return {
    startupTimeMs: optionalNumber(value, 'Actual Startup Time', at) ?? 0,
    totalTimeMs: optionalNumber(value, 'Actual Total Time', at) ?? 0,
    rows: optionalNumber(value, 'Actual Rows', at) ?? 0,
    loops,
  };
}

function buffersOf(value: JsonObject, at: string): PlanBuffers | undefined {
  const fields = ['Shared Hit Blocks', 'Shared Read Blocks', 'Temp Read Blocks', 'Temp Written Blocks'];
  if (!fields.some((field) => field in value)) return undefined;
  return {
    sharedHit: optionalNumber(value, 'Shared Hit Blocks', at) ?? 0,
    sharedRead: optionalNumber(value, 'Shared Read Blocks', at) ?? 0,
    tempRead: optionalNumber(value, 'Temp Read Blocks', at) ?? 0,
    tempWritten: optionalNumber(value, 'Temp Written Blocks', at) ?? 0,
  };
}

/** Scalars as they are; lists of strings (`Group Key`, `Output`, `Presorted Key`) joined with ", "; objects (`Workers`) left out. */
function detailsOf(value: JsonObject, joinField: string | undefined): Record<string, string | number | boolean> {
  const details: Record<string, string | number | boolean> = {};
  for (const [field, item] of Object.entries(value)) {
    if (mappedFields.has(field) || field === joinField) continue;
    const detail = detailValue(item);
    if (detail !== undefined) details[field] = detail;
  }
  return details;
}

function optionalNumber(value: JsonObject, field: string, at: string): number | undefined {
  const item = value[field];
  if (item === undefined || item === null) return undefined;
  if (typeof item !== 'number' || !Number.isFinite(item)) throw new PlanFormatError(`"${field}" of ${at} is not a number`);
  return item;
}

function optionalStrings<K extends string>(value: JsonObject, fields: Readonly<Record<K, string>>): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const property of Object.keys(fields) as K[]) {
    const item = value[fields[property]];
    if (typeof item === 'string') found[property] = item;
  }
  return found;
}
