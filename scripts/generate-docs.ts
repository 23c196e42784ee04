// Writes docs/rules/<id>.md for every rule and the rule table in README.md, from the rules'
// metadata and by running each documented example through the engine (so every example is real).
// `npm run generate` rewrites them; test/docs.test.ts fails when the committed output is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, defaultFileSettings, loadEngine, resolveFileSettings, type Engine, type Rule, type SchemaBefore } from '../server/src/engine';

const root = join(import.meta.dirname, '..');
const dialectNames: Record<string, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB' };
const toolNames: Record<string, string> = {
  squawk: 'squawk',
  pgfence: 'pgfence',
  strong_migrations: 'strong_migrations',
  atlas: 'Atlas',
  eugene: 'eugene',
};

function versionsText(rule: Rule): string {
  const versions = rule.meta.versions;
  if (!versions) return 'all';
  if (versions.min !== undefined && versions.max !== undefined) return `${versions.min} to ${versions.max}`;
  if (versions.min !== undefined) return `${versions.min} and later`;
  return `up to ${versions.max}`;
}

/** Examples run on the default server version, or the nearest one the rule applies to (a rule for PostgreSQL ≤ 11 on 11). */
function exampleServerVersion(rule: Rule): string | undefined {
  const major = defaultFileSettings.serverVersion.major;
  const { min, max } = rule.meta.versions ?? {};
  const version = min !== undefined && major < min ? min : max !== undefined && major > max ? max : undefined;
  return rule.meta.docs.serverVersion ?? (version === undefined ? undefined : String(version));
}

function renderRule(engine: Engine, rule: Rule): string {
  const { meta } = rule;
  const serverVersion = exampleServerVersion(rule);
  // Examples are PostgreSQL unless the rule is for MySQL/MariaDB only (then its first dialect), as in test/rules.
  const dialect = meta.dialects.includes('postgres') ? undefined : meta.dialects[0];
  const settings = resolveFileSettings({}, () => false, { rules: { [meta.id]: meta.severity }, ...(serverVersion ? { serverVersion } : {}), ...(dialect ? { dialect } : {}) });
  const schema = meta.docs.schema;
  const before = (text: string): SchemaBefore | undefined => {
    if (schema === undefined) return { complete: true };
    const workspace = engine.createWorkspaceSchema(settings.dialect);
    workspace.setMigrations([{ path: 'schema.sql', role: 'up' }, { path: 'example.sql', role: 'up' }], (file) => (file === 'schema.sql' ? schema : text));
    return workspace.before('example.sql');
  };
  const analyse = (text: string) => engine.analyze({ path: 'example.sql', text, settings, before: before(text) }).findings.filter((finding) => finding.ruleId === meta.id);
  const aliases = Object.entries(meta.aliases)
    .map(([tool, ids]) => `${toolNames[tool] ?? tool}: ${(ids ?? []).map((id) => `\`${id}\``).join(', ')}`)
    .join('; ');
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Category | ${meta.category} |`,
    `| Default severity | ${meta.severity}${meta.optIn ? ' (off unless enabled in sqlsight.json)' : ''} |`,
    `| Dialects | ${meta.dialects.map((dialect) => dialectNames[dialect] ?? dialect).join(', ')} |`,
    `| Server versions | ${versionsText(rule)} |`,
    `| Fix | ${meta.fix ?? 'none'} |`,
    `| Same check elsewhere | ${aliases || 'none'} |`,
    '',
    '## Why',
    '',
    meta.docs.why,
    '',
    '## The safe way',
    '',
    meta.docs.safeWay,
    '',
  ];
  if (meta.docs.bad) {
    const findings = analyse(meta.docs.bad);
    if (schema !== undefined) lines.push('## Given an earlier migration', '', '```sql', schema, '```', '');
    lines.push(serverVersion ? `## Flagged (on ${dialectNames[settings.dialect] ?? settings.dialect} ${serverVersion})` : '## Flagged', '', '```sql', meta.docs.bad, '```', '');
    for (const finding of findings) lines.push(`> ${finding.severity}: ${finding.message}`, '');
    const fix = findings[0]?.fixes[0];
    if (fix) {
      lines.push(`### Fix: ${fix.title}${fix.safety === 'review' ? ' (review before applying)' : ''}`, '', '```sql', applyEdits(meta.docs.bad, fix.edits), '```', '');
    }
  }
  lines.push('## Not flagged', '', '```sql', meta.docs.good, '```', '');
  lines.push(`Silence it for one statement with \`-- sqlsight-ignore ${meta.id}\` on the line before, or for a file with \`-- sqlsight-ignore-file ${meta.id}\`.`, '');
  return lines.join('\n');
}

export function renderRuleTable(rules: readonly Rule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.meta.category.localeCompare(b.meta.category) || a.meta.id.localeCompare(b.meta.id))
    .map(
      (rule) =>
        `| [${rule.meta.id}](docs/rules/${rule.meta.id}.md) | ${rule.meta.category} | ${rule.meta.severity} | ${rule.meta.fix ? 'yes' : ''} | ${rule.meta.title} |`,
    );
  return ['| rule | category | severity | fix | what it flags |', '|---|---|---|---|---|', ...rows].join('\n');
}

export async function renderDocs(): Promise<Map<string, string>> {
  const engine = await loadEngine();
  const outputs = new Map<string, string>();
  for (const rule of engine.rules) outputs.set(join('docs', 'rules', `${rule.meta.id}.md`), renderRule(engine, rule));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = renderRuleTable(engine.rules);
  outputs.set('README.md', readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, () => `<!-- rules:start -->\n${table}\n<!-- rules:end -->`));
  return outputs;
}

if (process.argv[1] === import.meta.filename) {
  void renderDocs().then((outputs) => {
    for (const [path, content] of outputs) writeFileSync(join(root, path), content);
  });
}
