// `sqlsight rules` (the rule table) and `sqlsight rules <id>` / `explain-rule <id>` (one rule's docs),
// rendered from rule metadata only, so the CLI never shows docs the rule does not carry.
import type { Rule } from '../engine';
import { closestMatch } from '../engine';

export type RulesOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

function byId(a: Rule, b: Rule): number {
  return a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0;
}

/** An aligned table: id, default severity, category, dialects, fix, title. */
export function renderRulesTable(rules: readonly Rule[]): string {
  const header = ['ID', 'SEVERITY', 'CATEGORY', 'DIALECTS', 'FIX', 'TITLE'];
  const rows = [...rules].sort(byId).map((rule) => {
    const { meta } = rule;
    return [
      meta.id,
      meta.optIn ? `${meta.severity} (opt-in)` : meta.severity,
      meta.category,
      meta.dialects.join(','),
      meta.fix === undefined ? 'no' : 'yes',
      meta.title,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const count = rules.length === 1 ? '1 rule' : `${rules.length} rules`;
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${count}; sqlsight rules <id> shows one rule's documentation\n`;
}

function versionText(rule: Rule): string {
  const versions = rule.meta.versions;
  if (versions?.min !== undefined && versions.max !== undefined) return `${versions.min} to ${versions.max}`;
  if (versions?.min !== undefined) return `${versions.min} and later`;
  if (versions?.max !== undefined) return `up to ${versions.max}`;
  return 'all';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}

export function renderRuleDocs(rule: Rule): string {
  const { meta } = rule;
  const aliases = Object.entries(meta.aliases)
    .filter((entry): entry is [string, readonly string[]] => entry[1] !== undefined && entry[1].length > 0)
    .map(([tool, ids]) => `${tool}: ${ids.join(', ')}`);
  const fields: [string, string][] = [
    ['id', meta.id],
    ['severity', `${meta.severity}${meta.optIn ? ' (opt-in: off unless enabled in sqlsight.json)' : ''}`],
    ['category', meta.category],
    ['dialects', meta.dialects.join(', ')],
    ['versions', versionText(rule)],
    ['fix', meta.fix === undefined ? 'none' : meta.fix === 'safe' ? 'yes (safe to apply unread)' : 'yes (review before applying)'],
    ['aliases', aliases.length > 0 ? aliases.join('; ') : 'none'],
  ];
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  const out = [meta.title, '', ...fields.map(([name, value]) => `${`${name}:`.padEnd(width)} ${value}`), ''];
  const sections: [string, string][] = [
    ['Why', meta.docs.why],
    ['Safe way', meta.docs.safeWay],
    ['Bad', meta.docs.bad],
    ['Good', meta.docs.good],
  ];
  for (const [title, body] of sections) {
    if (body.trim() === '') continue;
    out.push(title, indent(body.trimEnd()), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A rule by id, or by another tool's id for the same check (users arrive with squawk's names). */
export function findRule(rules: readonly Rule[], id: string): Rule | undefined {
  return (
    rules.find((rule) => rule.meta.id === id) ??
    rules.find((rule) => Object.values(rule.meta.aliases).some((aliases) => aliases?.includes(id) === true))
  );
}

export function rulesCommand(rules: readonly Rule[], id: string | undefined): RulesOutcome {
  if (id === undefined) return { ok: true, text: renderRulesTable(rules) };
  const rule = findRule(rules, id);
  if (rule) return { ok: true, text: renderRuleDocs(rule) };
  const suggestion = closestMatch(
    id,
    rules.map((candidate) => candidate.meta.id),
  );
  const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
  return { ok: false, message: `unknown rule ${JSON.stringify(id)}${hint}; sqlsight rules lists them all` };
}
