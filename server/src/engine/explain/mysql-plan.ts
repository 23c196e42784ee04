// MySQL's and MariaDB's `EXPLAIN FORMAT=JSON`, and MariaDB's `ANALYZE FORMAT=JSON`, normalised into
// the plan model. Both servers write a `query_block` tree around table accesses. MySQL 8.0/8.4
// (explain_json_format_version 1) writes many numbers as strings, costs in `cost_info`, and sorts
// and groups as flags of `ordering_operation` / `grouping_operation`; MariaDB writes numbers, no
// costs before 11.0, `filesort` / `temporary_table` nodes, and with ANALYZE the `r_*` actuals. The
// tables of a `nested_loop` become left-deep `Nested Loop` nodes, as PostgreSQL draws a join. An
// object it does not know that holds operations becomes a node named after its key, so a newer
// server's plan still reads. Never casts, never talks to a server.
import type { Dialect } from '../model';
import type { Plan, PlanActuals, PlanNode } from './plan';
import { detailValue, isObject, PlanFormatError, readPlanWith, type JsonObject, type PlanReadResult } from './plan-json';

export type MysqlDialect = Exclude<Dialect, 'postgres'>;

/** Plans nest one level per operation; a deeper document is not a plan a server wrote. */
const maxDepth = 1000;

/** The access types of EXPLAIN's `type` column, named close to EXPLAIN FORMAT=TREE's words. */
const accessNames: Readonly<Record<string, string>> = {
  system: 'System Row',
  const: 'Constant Lookup',
  eq_ref: 'Unique Index Lookup',
  ref: 'Index Lookup',
  ref_or_null: 'Index Lookup or NULL',
  fulltext: 'Full-Text Search',
  index_merge: 'Index Merge',
  unique_subquery: 'Unique Subquery Lookup',
  index_subquery: 'Subquery Index Lookup',
  range: 'Index Range Scan',
  index: 'Full Index Scan',
  ALL: 'Full Table Scan',
};

/** Operations that wrap the rows of the operation inside them, by the node they become. */
const wrapperNames: Readonly<Record<string, string>> = {
  ordering_operation: 'Sort',
  grouping_operation: 'Aggregate',
  duplicates_removal: 'Remove Duplicates',
  windowing: 'Window',
  window_functions_computation: 'Window',
  buffer_result: 'Buffer Result',
  filesort: 'Sort',
  temporary_table: 'Temporary Table',
};

/** Objects that only pass their content on (MariaDB); their scalars go to the content's details. */
const transparentKeys = ['read_sorted_file', 'expression_cache'];

/** Lists of subqueries: MySQL attaches them to the block or table evaluating them, MariaDB lists them on the block. */
const subqueryLists = ['attached_subqueries', 'select_list_subqueries', 'optimized_away_subqueries', 'having_subqueries', 'order_by_subqueries', 'group_by_subqueries', 'update_value_subqueries', 'subqueries'];

/** Fields of a table access that become PlanNode properties or children; other scalars go to `details`. */
const mappedTableFields = new Set([
  'table_name',
  'access_type',
  'key',
  'rows',
  'rows_examined_per_scan',
  'attached_condition',
  'index_condition',
  'r_loops',
  'r_rows',
  'r_filtered',
  'r_table_time_ms',
  'r_other_time_ms',
  'r_total_time_ms',
  'materialized',
  'materialized_from_subquery',
  'update',
  'delete',
  'insert',
  ...subqueryLists,
]);

interface Reading {
  /** Set when the server reported any cost (MariaDB before 11.0 reports none). */
  sawCost: boolean;
}

/** Where an operation runs: its path in the document, its depth, and how often the planner expects it to run per execution of the statement. */
interface Place {
  readonly at: string;
  readonly depth: number;
  readonly loops: number;
}

const within = (place: Place, field: string, loops = place.loops): Place => {
  if (place.depth >= maxDepth) throw new PlanFormatError(`the plan nests more than ${maxDepth} levels deep`);
  return { at: `${place.at}.${field}`, depth: place.depth + 1, loops };
};

/** Reads EXPLAIN FORMAT=JSON / ANALYZE FORMAT=JSON output (the object, or its JSON text). `raw` is kept for the raw view. */
export function readMysqlPlan(json: unknown, raw: string, dialect: MysqlDialect): PlanReadResult {
  return readPlanWith(() => parseMysqlPlan(json, raw, dialect));
}

/**
 * The JSON text of an EXPLAIN FORMAT=JSON answer, parsed; undefined when it is not JSON. MariaDB
 * writes a condition's string literal with SQL's escapes (`'it\'s'`), which JSON does not have:
 * such a backslash is kept as a character, and a raw control character is escaped, so the text
 * reads as the server printed it.
 */
export function parseMysqlJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    try {
      return JSON.parse(repairedJson(text)) as unknown;
    } catch {
      return undefined;
    }
  }
}

const jsonEscapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

function repairedJson(text: string): string {
  let repaired = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    if (!inString) {
      if (character === '"') inString = true;
      repaired += character;
    } else if (character === '\\') {
      const next = text[index + 1] ?? '';
      repaired += jsonEscapes.has(next) ? `\\${next}` : `\\\\${next}`;
      index++;
    } else if (character === '"') {
      inString = false;
      repaired += character;
    } else if (character < ' ') {
      repaired += `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    } else {
      repaired += character;
    }
  }
  return repaired;
}

/** As `readMysqlPlan`, but throws an Error whose message says what is wrong when the input is not a plan. */
export function parseMysqlPlan(json: unknown, raw: string, dialect: MysqlDialect): Plan {
  const document = typeof json === 'string' ? parseMysqlJson(json) : json;
  if (document === undefined) throw new PlanFormatError('the EXPLAIN output is not JSON (run EXPLAIN FORMAT=JSON)');
  const block = isObject(document) ? document['query_block'] : undefined;
  if (!isObject(document) || !isObject(block)) {
    // MySQL 8.3+ with explain_json_format_version = 2 writes an iterator tree instead.
    if (isObject(document) && ('inputs' in document || 'operation' in document)) {
      throw new PlanFormatError('this is explain_json_format_version = 2 output; sqlsight reads version 1 (SET explain_json_format_version = 1)');
    }
    throw new PlanFormatError('the EXPLAIN output has no "query_block" object (is it EXPLAIN FORMAT=JSON output?)');
  }
  const reading: Reading = { sawCost: false };
  const root = queryBlockNode(block, { at: 'query_block', depth: 0, loops: 1 }, reading);
  const optimization = document['query_optimization'];
  const planningTimeMs = isObject(optimization) ? numberField(optimization, 'r_total_time_ms', 'query_optimization') : undefined;
  const executionTimeMs = numberField(block, 'r_total_time_ms', 'query_block');
  return {
    dialect,
    root,
    analyzed: executionTimeMs !== undefined || numberField(block, 'r_loops', 'query_block') !== undefined || root.actual !== undefined,
    ...(reading.sawCost ? {} : { withoutCosts: true }),
    ...(planningTimeMs !== undefined ? { planningTimeMs } : {}),
    ...(executionTimeMs !== undefined ? { executionTimeMs } : {}),
    raw,
  };
}

function queryBlockNode(block: JsonObject, place: Place, reading: Reading): PlanNode {
  const main = operationIn(block, place, reading);
  if (!main) throw new PlanFormatError(`${place.at} holds no operation (no "table", "nested_loop" or "message")`);
  const costInfo = block['cost_info'];
  const cost = isObject(costInfo) ? numberField(costInfo, 'query_cost', `${place.at}.cost_info`) : numberField(block, 'cost', place.at);
  if (cost !== undefined) reading.sawCost = true;
  const having = block['having_condition'];
  return {
    ...main,
    totalCost: cost ?? main.totalCost,
    children: [...main.children, ...subqueryNodes(block, place, reading)],
    details: { ...main.details, ...(typeof having === 'string' ? { having_condition: having } : {}) },
  };
}

/** The operation an object holds (a block, a wrapper's content), or undefined when it holds none. */
function operationIn(value: JsonObject, place: Place, reading: Reading): PlanNode | undefined {
  const loop = value['nested_loop'];
  if (Array.isArray(loop)) return nestedLoopNode(loop, within(place, 'nested_loop'), reading);
  const table = value['table'];
  if (isObject(table)) return tableNode(table, within(place, 'table'), reading);
  const union = value['union_result'];
  if (isObject(union)) return unionNode(union, within(place, 'union_result'), reading);
  for (const [key, name] of Object.entries(wrapperNames)) {
    const inner = value[key];
    if (isObject(inner)) return wrapperNode(key, name, inner, within(place, key), reading);
  }
  for (const key of transparentKeys) {
    const inner = value[key];
    if (!isObject(inner)) continue;
    const content = operationIn(inner, within(place, key), reading);
    if (content) return { ...content, details: { ...content.details, ...scalarDetails(inner, new Set(), key) } };
  }
  const block = value['query_block'];
  if (isObject(block)) return queryBlockNode(block, within(place, 'query_block'), reading);
  const message = value['message'];
  if (typeof message === 'string') return messageNode(message);
  // An operation this reader does not know yet (a newer server): a node named after its key.
  for (const [key, item] of Object.entries(value)) {
    if (!isObject(item) || key === 'cost_info') continue;
    const content = operationIn(item, within(place, key), reading);
    if (content) return { ...emptyNode(titleOf(key)), planRows: content.planRows, totalCost: content.totalCost, children: [content], details: scalarDetails(item, new Set()) };
  }
  return undefined;
}

function emptyNode(nodeType: string): PlanNode {
  return { nodeType, startupCost: 0, totalCost: 0, planRows: 0, planWidth: 0, children: [], details: {} };
}

/** `No tables used`, `Impossible WHERE noticed after reading const tables` …: the statement reads no table. */
function messageNode(message: string): PlanNode {
  return { ...emptyNode('Result'), planRows: message === 'No tables used' ? 1 : 0, details: { message } };
}

function titleOf(key: string): string {
  return key
    .split(/[_-]/)
    .filter((word) => word !== '')
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The tables of a nested loop, joined left-deep: each table runs once per row the tables before
 * it produce, unless it is read into a join buffer (a hash join, a block nested loop), which reads
 * it once per buffer fill.
 */
function nestedLoopNode(items: readonly unknown[], place: Place, reading: Reading): PlanNode {
  let joined: PlanNode | undefined;
  items.forEach((item, index) => {
    if (!isObject(item)) throw new PlanFormatError(`${place.at}[${index}] is not an object`);
    const itemPlace: Place = { ...place, at: `${place.at}[${index}]` };
    if (!joined) {
      joined = loopItem(item, itemPlace, reading);
      return;
    }
    const buffer = item['block-nl-join'];
    const table = item['table'];
    const buffered = isObject(buffer) || (isObject(table) && typeof table['using_join_buffer'] === 'string');
    const inner = loopItem(item, { ...itemPlace, loops: buffered ? place.loops : place.loops * Math.max(1, joined.planRows) }, reading);
    joined = joinNode(joined, inner, isObject(buffer) ? buffer : undefined, buffered, place);
  });
  if (!joined) throw new PlanFormatError(`${place.at} is an empty list`);
  return joined;
}

function loopItem(item: JsonObject, place: Place, reading: Reading): PlanNode {
  const buffer = item['block-nl-join'];
  if (isObject(buffer)) {
    const table = buffer['table'];
    if (!isObject(table)) throw new PlanFormatError(`${place.at}.block-nl-join has no "table"`);
    return tableNode(table, within(within(place, 'block-nl-join'), 'table'), reading);
  }
  // MariaDB's DuplicateWeedout: a list of tables whose joined rows are de-duplicated.
  const weedout = item['duplicates_removal'];
  if (Array.isArray(weedout)) {
    const content = nestedLoopNode(weedout, within(place, 'duplicates_removal'), reading);
    return { ...emptyNode('Remove Duplicates'), temporaryTable: true, planRows: content.planRows, totalCost: content.totalCost, children: [content], ...(content.actual ? { actual: content.actual } : {}) };
  }
  const node = operationIn(item, place, reading);
  if (!node) throw new PlanFormatError(`${place.at} holds no table or operation`);
  return node;
}

/** How the inner side is joined: MySQL's `using_join_buffer` on the table, MariaDB's `join_type` of its `block-nl-join`. */
function joinNodeType(inner: PlanNode, buffer: JsonObject | undefined): string {
  const kind = String(buffer?.['join_type'] ?? inner.details['using_join_buffer'] ?? '').toLowerCase();
  if (kind === 'hash join' || kind === 'bnlh' || kind === 'bkah') return 'Hash Join';
  if (kind === 'bka' || kind === 'batched key access') return 'Batched Key Access';
  if (kind === 'bnl' || kind === 'block nested loop') return 'Block Nested Loop';
  return 'Nested Loop';
}

function joinNode(outer: PlanNode, inner: PlanNode, buffer: JsonObject | undefined, buffered: boolean, place: Place): PlanNode {
  // Costs are per loop: the inner side's over all its runs, per run of the join.
  const innerRuns = buffered ? 1 : Math.max(1, outer.planRows);
  const joinCondition = buffer?.['attached_condition'];
  const actual = outer.actual && inner.actual ? joinActuals(outer.actual, inner.actual, buffer, place.at) : undefined;
  return {
    ...emptyNode(joinNodeType(inner, buffer)),
    totalCost: outer.totalCost + inner.totalCost * innerRuns,
    planRows: outer.planRows * inner.planRows,
    ...(typeof joinCondition === 'string' ? { joinCondition } : {}),
    ...(actual ? { actual } : {}),
    children: [
      { ...outer, parentRelationship: 'Outer' },
      { ...inner, parentRelationship: 'Inner' },
    ],
    details: buffer ? scalarDetails(buffer, new Set(['table', 'attached_condition'])) : {},
  };
}

/**
 * A join runs once per run of its block. MariaDB's join buffer reports its own loops, the rows it
 * compared and the share that matched; a plain nested loop produces what its inner side produced.
 */
function joinActuals(outer: PlanActuals, inner: PlanActuals, buffer: JsonObject | undefined, at: string): PlanActuals {
  const bufferLoops = buffer ? numberField(buffer, 'r_loops', at) : undefined;
  const compared = buffer ? numberField(buffer, 'r_effective_rows', at) : undefined;
  const matched = buffer ? numberField(buffer, 'r_filtered', at) : undefined;
  const rows = bufferLoops !== undefined && compared !== undefined ? bufferLoops * compared * ((matched ?? 100) / 100) : inner.rows * inner.loops;
  const bufferTime = buffer ? (numberField(buffer, 'r_unpack_time_ms', at) ?? 0) + (numberField(buffer, 'r_other_time_ms', at) ?? 0) : 0;
  const time = outer.totalTimeMs * outer.loops + inner.totalTimeMs * inner.loops + bufferTime;
  return { startupTimeMs: 0, totalTimeMs: time, rows, loops: 1 };
}

function tableNode(table: JsonObject, place: Place, reading: Reading): PlanNode {
  const accessType = stringField(table, 'access_type', place.at);
  const name = stringField(table, 'table_name', place.at);
  const message = table['message'];
  if (accessType === undefined && typeof message === 'string') return messageNode(message);
  if (accessType === undefined && name === undefined) throw new PlanFormatError(`${place.at} has neither "access_type" nor "table_name"`);
  const rowsExamined = numberField(table, 'rows_examined_per_scan', place.at) ?? numberField(table, 'rows', place.at);
  const filtered = numberField(table, 'filtered', place.at) ?? 100;
  const joinCost = tableCost(table, place.at);
  if (joinCost !== undefined) reading.sawCost = true;
  const actual = tableActuals(table, place.at);
  const filter = stringField(table, 'attached_condition', place.at);
  const indexCondition = stringField(table, 'index_condition', place.at);
  const key = stringField(table, 'key', place.at);
  const materialized = table['materialized_from_subquery'] ?? table['materialized'];
  const children = [
    ...(isObject(materialized) ? [{ ...materializedNode(materialized, within(place, 'materialized', 1), reading), parentRelationship: 'Materialized' }] : []),
    ...subqueryNodes(table, place, reading),
  ];
  const access: PlanNode = {
    ...emptyNode(accessType === undefined ? 'Table' : accessName(accessType)),
    ...(accessType !== undefined ? { accessType } : {}),
    ...(name !== undefined ? { relation: name } : {}),
    ...(key !== undefined ? { index: key } : {}),
    totalCost: joinCost === undefined ? 0 : joinCost / Math.max(1, place.loops),
    planRows: rowsExamined === undefined ? 0 : (rowsExamined * filtered) / 100,
    ...(rowsExamined !== undefined ? { rowsExamined } : {}),
    ...(actual ? { actual } : {}),
    ...(filter !== undefined ? { filter } : {}),
    ...(filter !== undefined && actual?.rowsExamined !== undefined ? { rowsRemovedByFilter: actual.rowsExamined - actual.rows } : {}),
    ...(indexCondition !== undefined ? { indexCondition } : {}),
    children,
    details: scalarDetails(table, mappedTableFields),
  };
  const operation = (['update', 'delete', 'insert'] as const).find((field) => table[field] === true || table[field] === 1);
  if (operation === undefined) return access;
  // UPDATE/DELETE name the table they change on its access; shown as PostgreSQL shows a ModifyTable.
  return {
    ...emptyNode(titleOf(operation)),
    ...(name !== undefined ? { relation: name } : {}),
    totalCost: access.totalCost,
    planRows: access.planRows,
    ...(actual ? { actual } : {}),
    children: [access],
  };
}

function accessName(accessType: string): string {
  // MariaDB's hashed join buffer (BNLH) reads a table into a hash table: `hash_ALL`, `hash_index` …
  if (accessType.startsWith('hash_')) return `Hashed ${accessName(accessType.slice('hash_'.length))}`;
  return accessNames[accessType] ?? accessType;
}

/** MySQL: `read_cost` + `eval_cost`, for all the table's runs in the join; MariaDB 11: `cost`. */
function tableCost(table: JsonObject, at: string): number | undefined {
  const costInfo = table['cost_info'];
  if (isObject(costInfo)) {
    const read = numberField(costInfo, 'read_cost', `${at}.cost_info`);
    const evaluate = numberField(costInfo, 'eval_cost', `${at}.cost_info`);
    if (read !== undefined || evaluate !== undefined) return (read ?? 0) + (evaluate ?? 0);
  }
  return numberField(table, 'cost', at);
}

/** MariaDB's ANALYZE: `r_rows` read per loop (null when it never ran), `r_filtered` % kept, times over all loops. */
function tableActuals(table: JsonObject, at: string): PlanActuals | undefined {
  const loops = numberField(table, 'r_loops', at);
  if (loops === undefined) return undefined;
  const read = numberField(table, 'r_rows', at) ?? 0;
  const kept = numberField(table, 'r_filtered', at) ?? 100;
  const time = numberField(table, 'r_total_time_ms', at) ?? (numberField(table, 'r_table_time_ms', at) ?? 0) + (numberField(table, 'r_other_time_ms', at) ?? 0);
  return { startupTimeMs: 0, totalTimeMs: loops > 0 ? time / loops : 0, rows: (read * kept) / 100, loops, rowsExamined: read };
}

/** A derived table or a materialised subquery: its query block, run once to fill a temporary table. */
function materializedNode(value: JsonObject, place: Place, reading: Reading): PlanNode {
  const content = operationIn(value, place, reading);
  if (!content) throw new PlanFormatError(`${place.at} holds no query block`);
  return { ...content, details: { ...content.details, ...scalarDetails(value, new Set(['query_block'])) } };
}

function subqueryNodes(value: JsonObject, place: Place, reading: Reading): PlanNode[] {
  const nodes: PlanNode[] = [];
  for (const field of subqueryLists) {
    const list = value[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, index) => {
      if (!isObject(entry)) throw new PlanFormatError(`${place.at}.${field}[${index}] is not an object`);
      const node = operationIn(entry, within(place, `${field}[${index}]`, 1), reading);
      if (node) nodes.push({ ...node, parentRelationship: 'SubPlan', details: { ...node.details, ...scalarDetails(entry, new Set()) } });
    });
  }
  return nodes;
}

function unionNode(union: JsonObject, place: Place, reading: Reading): PlanNode {
  const specifications = union['query_specifications'];
  if (!Array.isArray(specifications)) throw new PlanFormatError(`${place.at} has no "query_specifications" list`);
  const members = specifications.map((entry: unknown, index) => {
    if (!isObject(entry)) throw new PlanFormatError(`${place.at}.query_specifications[${index}] is not an object`);
    const member = operationIn(entry, within(place, `query_specifications[${index}]`), reading);
    if (!member) throw new PlanFormatError(`${place.at}.query_specifications[${index}] holds no query block`);
    return { ...member, parentRelationship: 'Member' };
  });
  const actual = wrapperActuals(union, place.at, numberField(union, 'r_rows', place.at));
  return {
    ...emptyNode('Union'),
    ...(union['using_temporary_table'] === true ? { temporaryTable: true } : {}),
    totalCost: members.reduce((sum, member) => sum + member.totalCost, 0),
    planRows: members.reduce((sum, member) => sum + member.planRows, 0),
    ...(actual ? { actual } : {}),
    children: members,
    details: scalarDetails(union, new Set(['query_specifications', 'table_name', 'access_type'])),
  };
}

/**
 * Sorts, groups, DISTINCT, windows and temporary tables around the operation inside them.
 * MySQL's `ordering_operation` that neither sorts nor buffers (rows already come in index order)
 * is left out; the flags say "Using filesort" / "Using temporary".
 */
function wrapperNode(key: string, name: string, value: JsonObject, place: Place, reading: Reading): PlanNode {
  const content = operationIn(value, place, reading);
  const sortKeys = sortKeysOf(key, value);
  const filesort = key === 'filesort' || value['using_filesort'] === true || sortKeys.length > 0;
  const temporaryTable = key === 'temporary_table' || value['using_temporary_table'] === true;
  if (key === 'ordering_operation' && !filesort && !temporaryTable && content) return content;
  const costInfo = value['cost_info'];
  const sortCost = isObject(costInfo) ? numberField(costInfo, 'sort_cost', `${place.at}.cost_info`) : undefined;
  if (sortCost !== undefined) reading.sawCost = true;
  const actual = wrapperActuals(value, place.at, numberField(value, 'r_output_rows', place.at) ?? (content?.actual ? content.actual.rows * content.actual.loops : undefined));
  return {
    ...emptyNode(name),
    ...(filesort ? { filesort } : {}),
    ...(temporaryTable ? { temporaryTable } : {}),
    ...(sortKeys.length > 0 ? { sortKey: sortKeys } : {}),
    totalCost: (content?.totalCost ?? 0) + (sortCost ?? 0),
    planRows: content?.planRows ?? 0,
    ...(actual ? { actual } : {}),
    children: content ? [content] : [],
    details: scalarDetails(value, new Set(['sort_key', 'using_filesort', 'using_temporary_table'])),
  };
}

/**
 * The sorts an operation makes itself: MariaDB's `filesort.sort_key` and the sorts of its
 * window-function computation; MySQL's `windowing.windows[]` with `using_filesort` and
 * `filesort_key`.
 */
function sortKeysOf(key: string, value: JsonObject): string[] {
  const own = value['sort_key'];
  if (typeof own === 'string') return [own];
  const list = key === 'window_functions_computation' ? value['sorts'] : key === 'windowing' ? value['windows'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (!isObject(entry)) return [];
    const filesort = entry['filesort'];
    const sortKey = isObject(filesort) ? filesort['sort_key'] : entry['using_filesort'] === true ? detailValue(entry['filesort_key']) : undefined;
    return typeof sortKey === 'string' ? [sortKey] : [];
  });
}

/** MariaDB's ANALYZE on an operation: `r_loops` and `r_total_time_ms` (over all loops), and the rows it passed on. */
function wrapperActuals(value: JsonObject, at: string, rowsOverAllLoops: number | undefined): PlanActuals | undefined {
  const loops = numberField(value, 'r_loops', at);
  if (loops === undefined) return undefined;
  const time = numberField(value, 'r_total_time_ms', at) ?? 0;
  const perLoop = (total: number): number => (loops > 0 ? total / loops : 0);
  return { startupTimeMs: 0, totalTimeMs: perLoop(time), rows: perLoop(rowsOverAllLoops ?? 0), loops };
}

/** Scalar fields (and lists of strings) for the detail view, and one level of nested objects as `outer.inner` (`cost_info.read_cost`). */
function scalarDetails(value: JsonObject, mapped: ReadonlySet<string>, prefix?: string): Record<string, string | number | boolean> {
  const details: Record<string, string | number | boolean> = {};
  const name = (field: string): string => (prefix === undefined ? field : `${prefix}.${field}`);
  for (const [field, item] of Object.entries(value)) {
    if (mapped.has(field)) continue;
    const detail = detailValue(item);
    if (detail !== undefined) details[name(field)] = detail;
    else if (isObject(item) && prefix === undefined) {
      for (const [inner, innerItem] of Object.entries(item)) {
        const innerDetail = detailValue(innerItem);
        if (innerDetail !== undefined) details[`${field}.${inner}`] = innerDetail;
      }
    }
  }
  return details;
}

/** A number, or MySQL's number written as a string (`"filtered": "10.00"`); null and absent are undefined. */
function numberField(value: JsonObject, field: string, at: string): number | undefined {
  const item = value[field];
  if (item === undefined || item === null) return undefined;
  const number = typeof item === 'string' && item.trim() !== '' ? Number(item) : item;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new PlanFormatError(`"${field}" of ${at} is not a number`);
  return number;
}

function stringField(value: JsonObject, field: string, at: string): string | undefined {
  const item = value[field];
  if (item === undefined || item === null) return undefined;
  if (typeof item !== 'string') throw new PlanFormatError(`"${field}" of ${at} is not a string`);
  return item;
}

/** A table of the query: its name and the alias it is read under. */
export interface QueryTableName {
  readonly name: string;
  readonly alias: string | undefined;
}

/**
 * MySQL and MariaDB name a table access by the alias the query gave it (`o` for `orders o`). With
 * the query's own tables (from its shape), each access gets the table's name as `relation` and
 * the alias as `alias`, as PostgreSQL's plans have them. Aliases compare case-insensitively.
 */
export function withTableNames(plan: Plan, tables: readonly QueryTableName[]): Plan {
  const byAlias = new Map(tables.filter((table) => table.alias !== undefined && table.alias !== table.name).map((table) => [table.alias?.toLowerCase(), table.name]));
  if (byAlias.size === 0) return plan;
  const rename = (node: PlanNode): PlanNode => {
    const name = node.relation === undefined ? undefined : byAlias.get(node.relation.toLowerCase());
    const children = node.children.map(rename);
    return name === undefined || node.relation === undefined ? { ...node, children } : { ...node, relation: name, alias: node.relation, children };
  };
  return { ...plan, root: rename(plan.root) };
}
