// How plans are written for people: node labels in the style of EXPLAIN's text format
// (`Parallel Seq Scan on orders o`, `HashAggregate`), short numbers (1.2k, 3.4M), durations and
// sizes, and the column names a condition text mentions (PostgreSQL's, or MySQL's and MariaDB's
// `attached_condition`). Shared by the warnings, the inline summary and the plan view; no I/O.
import type { Dialect } from '../model';
import type { PlanNode } from './plan';

const units: readonly (readonly [string, number])[] = [
  ['B', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/** `950`, `1.2k`, `25.4k`, `125k`, `3.4M`; below 10 a fraction keeps up to two decimals (`8.27`). */
export function humanNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  if (magnitude < 10 && !Number.isInteger(magnitude)) return sign + trimZeros(magnitude.toFixed(2));
  if (Math.round(magnitude) < 1000) return sign + String(Math.round(magnitude));
  // The largest unit the (rounded) value reaches: 999,960 is written 1M, not 1000k.
  for (let index = units.length - 1; index >= 0; index--) {
    const [suffix, size] = units[index] ?? ['', 1];
    const scaled = magnitude / size;
    const text = scaled < 100 ? trimZeros(scaled.toFixed(1)) : String(Math.round(scaled));
    const next = units[index - 1];
    if (Number(text) >= 1000 && next) continue;
    return `${sign}${text}${suffix}`;
  }
  return sign + String(Math.round(magnitude));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** `0.42 ms`, `12.3 ms`, `312 ms`, `1.24 s`, `2.5 min`. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 10) return `${trimZeros(milliseconds.toFixed(2))} ms`;
  if (milliseconds < 100) return `${trimZeros(milliseconds.toFixed(1))} ms`;
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${trimZeros((milliseconds / 1000).toFixed(2))} s`;
  return `${trimZeros((milliseconds / 60_000).toFixed(1))} min`;
}

/** A size given in kB (as EXPLAIN reports sort and hash memory): `512 kB`, `8.4 MB`, `1.2 GB`. */
export function formatKilobytes(kilobytes: number): string {
  if (kilobytes < 1024) return `${Math.round(kilobytes)} kB`;
  if (kilobytes < 1024 * 1024) return `${trimZeros((kilobytes / 1024).toFixed(1))} MB`;
  return `${trimZeros((kilobytes / 1024 / 1024).toFixed(1))} GB`;
}

const aggregateNames: Readonly<Record<string, string>> = { Hashed: 'HashAggregate', Sorted: 'GroupAggregate', Mixed: 'MixedAggregate' };
const joinNodes = new Set(['Hash Join', 'Merge Join', 'Nested Loop']);

/** The node as EXPLAIN's text format names it: `Index Scan using orders_pkey on orders o`, `Hash Left Join`, `Update on orders`. */
export function nodeLabel(node: PlanNode): string {
  let name = node.nodeType;
  const strategy = node.details['Strategy'];
  if (name === 'Aggregate' && typeof strategy === 'string') name = aggregateNames[strategy] ?? name;
  const partialMode = node.details['Partial Mode'];
  if (partialMode === 'Partial' || partialMode === 'Finalize') name = `${partialMode} ${name}`;
  if (node.details['Parallel Aware'] === true) name = `Parallel ${name}`;
  if (joinNodes.has(node.nodeType) && node.joinType && node.joinType !== 'Inner') {
    name = node.nodeType === 'Nested Loop' ? `${name} ${node.joinType} Join` : name.replace(/ Join$/, ` ${node.joinType} Join`);
  }
  const operation = node.details['Operation'];
  if (node.nodeType === 'ModifyTable' && typeof operation === 'string') name = operation;
  if (node.index !== undefined) name += node.nodeType === 'Bitmap Index Scan' ? ` on ${node.index}` : ` using ${node.index}`;
  if (node.relation !== undefined) {
    const relation = node.schema !== undefined ? `${node.schema}.${node.relation}` : node.relation;
    name += ` on ${relation}`;
    if (node.alias !== undefined && node.alias !== node.relation) name += ` ${node.alias}`;
  } else if (node.alias !== undefined && (node.nodeType.endsWith('Scan') || node.details['CTE Name'] !== undefined)) {
    name += ` on ${node.alias}`;
  }
  return name;
}

/** Words that continue a multi-word type name after `::` (`timestamp with time zone`, `character varying`). */
const typeContinuations = new Set(['with', 'without', 'time', 'zone', 'varying', 'precision']);
/** Lower-case words EXPLAIN writes into conditions that are not columns (MariaDB writes its keywords in lower case). */
const conditionWords = new Set(['true', 'false', 'hashed', 'subplan', 'initplan', 'and', 'or', 'not', 'is', 'null', 'any', 'all', 'array', 'in', 'between', 'like', 'xor', 'regexp', 'select', 'from', 'where']);
/** Comparisons a btree index on the column can serve (`~~` is LIKE, with a pattern that does not start with a wildcard; `<=>` MySQL's NULL-safe equality). */
const indexableOperators = new Set(['=', '<', '<=', '>', '>=', '~~', '<=>']);
const operatorCharacters = new Set([...'=<>!~*@&|#^%+-/?']);

interface ConditionToken {
  readonly kind: 'identifier' | 'punctuation' | 'literal';
  readonly text: string;
  readonly quoted: boolean;
}

/**
 * Columns a condition as EXPLAIN prints it compares directly with an operator a btree index
 * serves, in order, without duplicates: `((status)::text = 'paid'::text) AND (o.customer_id = 42)`
 * → status, customer_id. A column inside a function call, a subquery or an arithmetic expression
 * (`lower(email)`, `id % 7`), compared with `<>`, or matched by a LIKE pattern starting with a
 * wildcard is left out, as is a column qualified by another table than `qualifiers` (when given).
 * MySQL and MariaDB quote names with backticks, escape strings with backslashes and write
 * `between`, `like`, `in (…)` and markers such as `<cache>(…)`.
 */
export function conditionColumns(condition: string, qualifiers?: ReadonlySet<string>, dialect: Dialect = 'postgres'): string[] {
  const columns: string[] = [];
  const tokens = conditionTokens(condition, dialect);
  /** For each open parenthesis: whether it opened a function call's arguments (or a subquery: its columns are another query's). */
  const parentheses: boolean[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    if (token.kind === 'punctuation' && token.text === '(') {
      const before = tokens[index - 1];
      parentheses.push(before?.kind === 'identifier' && !before.quoted && !isKeyword(before.text));
      continue;
    }
    if (token.kind === 'identifier' && !token.quoted && token.text.toLowerCase() === 'select' && parentheses.length > 0) {
      parentheses[parentheses.length - 1] = true;
      continue;
    }
    if (token.kind === 'punctuation' && token.text === ')') {
      parentheses.pop();
      continue;
    }
    if (token.kind !== 'identifier') continue;
    const next = tokens[index + 1];
    if (next?.kind === 'punctuation' && (next.text === '(' || next.text === '.')) continue;
    const previous = tokens[index - 1];
    let qualifier: string | undefined;
    if (previous?.kind === 'punctuation' && previous.text === '.') {
      const before = tokens[index - 2];
      // `(InitPlan 1).col1` names an output of a subplan, not a column.
      if (before?.kind !== 'identifier') continue;
      qualifier = before.text;
    }
    if (!token.quoted && isKeyword(token.text)) continue;
    if (qualifier !== undefined && qualifiers !== undefined && !qualifiers.has(qualifier)) continue;
    if (parentheses.includes(true) || !comparedDirectly(tokens, index, qualifier !== undefined ? index - 2 : index)) continue;
    if (!columns.includes(token.text)) columns.push(token.text);
  }
  return columns;
}

/** The column token at `index` (its qualifier from `start`) is one operand of an indexable comparison. */
function comparedDirectly(tokens: readonly ConditionToken[], index: number, start: number): boolean {
  // After: `)` closing a parenthesised column (`(status)::text`), then the operator.
  let after = index + 1;
  while (tokens[after]?.kind === 'punctuation' && tokens[after]?.text === ')') after++;
  const following = operatorAt(tokens, after, 1);
  if (following.text !== '') return indexable(following.text, tokens[following.end]);
  const word = tokens[after];
  if (word?.kind === 'identifier' && !word.quoted) {
    const keyword = word.text.toUpperCase();
    if (keyword === 'IS') return tokens[after + 1]?.text.toUpperCase() === 'NULL';
    // MySQL and MariaDB print BETWEEN, LIKE and IN as written (PostgreSQL: `>=`/`<=`, `~~`, `= ANY`).
    if (keyword === 'BETWEEN') return true;
    if (keyword === 'LIKE') return indexable('~~', tokens[after + 1]);
    if (keyword === 'IN') return tokens[after + 1]?.text === '(';
  }
  // Before: the column is the right operand (`42 = customer_id`).
  let before = start - 1;
  while (tokens[before]?.kind === 'punctuation' && tokens[before]?.text === '(') before--;
  const preceding = operatorAt(tokens, before, -1);
  return preceding.text !== '' && preceding.text !== '~~' && indexableOperators.has(preceding.text);
}

/** The operator made of consecutive operator characters from `index` going in `step` direction. */
function operatorAt(tokens: readonly ConditionToken[], index: number, step: 1 | -1): { text: string; end: number } {
  let text = '';
  let position = index;
  while (tokens[position]?.kind === 'punctuation' && operatorCharacters.has(tokens[position]?.text ?? '')) {
    text = step === 1 ? text + (tokens[position]?.text ?? '') : (tokens[position]?.text ?? '') + text;
    position += step;
  }
  return { text, end: position };
}

function indexable(operator: string, operand: ConditionToken | undefined): boolean {
  if (!indexableOperators.has(operator)) return false;
  if (operator !== '~~') return true;
  // LIKE: only a pattern with a fixed prefix.
  return operand?.kind === 'literal' && operand.text !== '' && !operand.text.startsWith('%') && !operand.text.startsWith('_');
}

function isKeyword(word: string): boolean {
  return conditionWords.has(word.toLowerCase()) || (/[A-Z]/.test(word) && /^[A-Z_]+$/.test(word));
}

const isWordStart = (character: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(character);
const isWordPart = (character: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(character);

/** Identifiers, string literals and punctuation; numbers, parameters, comments and casts' type names dropped. */
function conditionTokens(text: string, dialect: Dialect): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  const mysql = dialect !== 'postgres';
  let index = 0;
  const readString = (): string => {
    let value = '';
    index++;
    while (index < text.length) {
      if (mysql && text[index] === '\\') {
        value += text[index + 1] ?? '';
        index += 2;
      } else if (text[index] === "'" && text[index + 1] === "'") {
        value += "'";
        index += 2;
      } else if (text[index] === "'") break;
      else value += text[index++];
    }
    index++;
    return value;
  };
  const readQuoted = (): string => {
    const quote = text[index];
    let value = '';
    index++;
    while (index < text.length) {
      if (text[index] === quote && text[index + 1] === quote) {
        value += quote;
        index += 2;
      } else if (text[index] === quote) break;
      else value += text[index++];
    }
    index++;
    return value;
  };
  const readWord = (): string => {
    const start = index;
    while (index < text.length && isWordPart(text[index] ?? '')) index++;
    return text.slice(start, index);
  };
  const skipSpaces = (): void => {
    while (index < text.length && /\s/.test(text[index] ?? '')) index++;
  };
  while (index < text.length) {
    const character = text[index] ?? '';
    if (character === "'") tokens.push({ kind: 'literal', text: readString(), quoted: false });
    else if (character === '"' || (character === '`' && mysql)) tokens.push({ kind: 'identifier', text: readQuoted(), quoted: true });
    else if (character === '<' && mysql && /^<[a-z_]+>/.test(text.slice(index, index + 64))) {
      // MySQL's `<cache>(…)`, `<in_optimizer>(…)`, `<exists>(…)`: wrappers read like function calls.
      const close = text.indexOf('>', index);
      tokens.push({ kind: 'identifier', text: text.slice(index, close + 1), quoted: false });
      index = close + 1;
    } else if (character === '/' && text[index + 1] === '*' && mysql) {
      // MySQL prints `/* select#2 */` before a subquery.
      const close = text.indexOf('*/', index + 2);
      index = close < 0 ? text.length : close + 2;
    } else if (character === ':' && text[index + 1] === ':') {
      index += 2;
      skipTypeName();
    } else if (isWordStart(character)) {
      const word = readWord();
      // E'…', B'…', X'…': a string literal's prefix.
      if (text[index] === "'") tokens.push({ kind: 'literal', text: readString(), quoted: false });
      else tokens.push({ kind: 'identifier', text: word, quoted: false });
    } else if (character === '$' || /[0-9]/.test(character)) {
      index++;
      while (index < text.length && /[0-9.]/.test(text[index] ?? '')) index++;
      tokens.push({ kind: 'literal', text: '0', quoted: false });
    } else {
      if (!/\s/.test(character)) tokens.push({ kind: 'punctuation', text: character, quoted: false });
      index++;
    }
  }
  return tokens;

  /** `::timestamp(3) with time zone`, `::character varying[]`, `::public."Mood"`. */
  function skipTypeName(): void {
    skipSpaces();
    let first = true;
    for (;;) {
      if (text[index] === '"') readQuoted();
      else if (isWordStart(text[index] ?? '')) {
        const save = index;
        const word = readWord();
        if (!first && !typeContinuations.has(word.toLowerCase())) {
          index = save;
          return;
        }
      } else return;
      first = false;
      if (text[index] === '.') {
        index++;
        first = true;
        continue;
      }
      if (text[index] === '(') {
        while (index < text.length && text[index] !== ')') index++;
        index++;
      }
      while (text[index] === '[' && text[index + 1] === ']') index += 2;
      const save = index;
      skipSpaces();
      if (!isWordStart(text[index] ?? '') || !typeContinuations.has(peekWord().toLowerCase())) {
        index = save;
        return;
      }
    }
  }

  function peekWord(): string {
    const start = index;
    const word = readWord();
    index = start;
    return word;
  }
}
