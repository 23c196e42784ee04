// The plan view's page: one explain (or the previous and the new explain of the same statement, side
// by side) → an HTML string. Pure (no vscode import), so tests read the HTML; every text from the
// statement, the plan or the server is escaped, and the page loads nothing but its own style sheet
// and script (the CSP allows only those, the script by nonce). The script only toggles and posts.
import type { ExplainResult, ExplainSource, IndexSuggestion, PlanNode, PlanWarning } from '../../server/src/protocol';

export interface PlanPage {
  /** The explain shown now ("After" when there is a previous one). */
  readonly current: ExplainResult;
  /** The previous explain of the same statement ("Before"). */
  readonly previous: ExplainResult | undefined;
  /** Names this rendering: the script sends it back with "Add index", so a click on an old page is ignored. */
  readonly renderId: number;
}

export interface PageAssets {
  readonly nonce: string;
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

type Severity = PlanWarning['severity'];
const severityRank: Record<Severity, number> = { low: 1, medium: 2, high: 3 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fixed decimals with thousands separators, independent of the locale (`1,234.50`). */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Row counts: whole numbers plainly, PostgreSQL 18's fractional per-loop averages with two decimals. */
function formatRows(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

function formatCost(value: number): string {
  return formatNumber(value, 2);
}

function formatMs(value: number): string {
  return `${formatNumber(value, 3)} ms`;
}

function formatChange(before: number, after: number): string {
  if (before === 0) return after === 0 ? '±0%' : 'new';
  const percent = ((after - before) / before) * 100;
  if (Math.abs(percent) < 0.05) return '±0%';
  return `${percent > 0 ? '+' : '−'}${formatNumber(Math.abs(percent), 1)}%`;
}

function pluralize(count: number, one: string, many: string): string {
  return `${formatNumber(count, 0)} ${count === 1 ? one : many}`;
}

export function describeSource(source: ExplainSource): string {
  if (source.kind === 'connection') return `${source.name} · ${source.serverVersion}`;
  const rows = source.seededRows > 0 ? `embedded, seeded with ${pluralize(source.seededRows, 'row', 'rows')} per table` : 'embedded, empty tables';
  return `${rows} · ${source.serverVersion}`;
}

function describeMode(result: ExplainResult): string {
  return result.plan.analyzed ? 'EXPLAIN ANALYZE: executed, then rolled back' : 'EXPLAIN: estimated, not executed';
}

/** `Seq Scan on public.orders o`, `Index Scan using orders_pkey on orders`, `Hash Join (Left)`. */
export function describeNode(node: PlanNode): string {
  const parts = [node.nodeType];
  if (node.joinType && !node.nodeType.includes(node.joinType)) parts.push(`(${node.joinType})`);
  if (node.index) parts.push(`using ${node.index}`);
  if (node.relation) {
    const relation = node.schema ? `${node.schema}.${node.relation}` : node.relation;
    parts.push(`on ${relation}${node.alias && node.alias !== node.relation ? ` ${node.alias}` : ''}`);
  }
  return parts.join(' ');
}

function pathKey(path: readonly number[]): string {
  return path.length === 0 ? 'root' : path.join('-');
}

function nodeId(side: string, path: readonly number[]): string {
  return `${side}-node-${pathKey(path)}`;
}

function highestSeverity(warnings: readonly PlanWarning[]): Severity | undefined {
  let highest: Severity | undefined;
  for (const warning of warnings) if (!highest || severityRank[warning.severity] > severityRank[highest]) highest = warning.severity;
  return highest;
}

function warningsByPath(warnings: readonly PlanWarning[]): Map<string, PlanWarning[]> {
  const byPath = new Map<string, PlanWarning[]>();
  for (const warning of warnings) {
    const key = pathKey(warning.path);
    byPath.set(key, [...(byPath.get(key) ?? []), warning]);
  }
  return byPath;
}

/** The node a warning's path leads to, if the plan has it. */
function nodeAt(root: PlanNode, path: readonly number[]): PlanNode | undefined {
  let node: PlanNode | undefined = root;
  for (const index of path) node = node?.children[index];
  return node;
}

/** The longer explanation a warning may carry (the numbers behind it, what to do). */
function warningDetail(warning: PlanWarning): string {
  return warning.detail ? `<div class="warning-detail">${escapeHtml(warning.detail)}</div>` : '';
}

function severityBadge(severity: Severity): string {
  return `<span class="badge severity-${severity}">${severity}</span>`;
}

function metric(label: string, value: string, extraClass = ''): string {
  return `<span class="metric${extraClass ? ` ${extraClass}` : ''}"><span class="metric-label">${escapeHtml(label)}</span> ${escapeHtml(value)}</span>`;
}

/** MariaDB's EXPLAIN FORMAT=JSON gives no costs: a plan without them shows none rather than zeros. */
function nodeMetrics(node: PlanNode, costs: boolean): string[] {
  const metrics = costs ? [metric('cost', `${formatCost(node.startupCost)}..${formatCost(node.totalCost)}`)] : [];
  if (node.actual) {
    const loops = node.actual.loops === 1 ? '' : ` × ${pluralize(node.actual.loops, 'loop', 'loops')}`;
    metrics.push(metric('rows', `${formatRows(node.planRows)} est. / ${formatRows(node.actual.rows)} actual${loops}`, 'analyze'));
    metrics.push(metric('time', `${formatNumber(node.actual.startupTimeMs, 3)}..${formatMs(node.actual.totalTimeMs)}`, 'analyze'));
  } else {
    metrics.push(metric('rows', `${formatRows(node.planRows)} est.`));
  }
  if (node.buffers) {
    const { sharedHit, sharedRead, tempRead, tempWritten } = node.buffers;
    const parts = [`hit ${formatNumber(sharedHit, 0)}`, `read ${formatNumber(sharedRead, 0)}`];
    if (tempRead > 0 || tempWritten > 0) parts.push(`temp read ${formatNumber(tempRead, 0)}`, `temp written ${formatNumber(tempWritten, 0)}`);
    metrics.push(metric('buffers', parts.join(', '), 'analyze'));
  }
  return metrics;
}

function conditionRows(node: PlanNode): [string, string][] {
  const rows: [string, string][] = [];
  if (node.indexCondition) rows.push(['Index condition', node.indexCondition]);
  if (node.joinCondition) rows.push(['Join condition', node.joinCondition]);
  if (node.filter) rows.push(['Filter', node.filter]);
  if (node.rowsRemovedByFilter !== undefined) rows.push(['Rows removed by filter', formatRows(node.rowsRemovedByFilter)]);
  if (node.sortKey && node.sortKey.length > 0) rows.push(['Sort key', node.sortKey.join(', ')]);
  if (node.sortMethod) rows.push(['Sort method', node.sortMethod]);
  if (node.sortSpace) rows.push(['Sort space', `${formatNumber(node.sortSpace.usedKb, 0)} kB (${node.sortSpace.type})`]);
  if (node.hashBatches !== undefined) rows.push(['Hash batches', formatNumber(node.hashBatches, 0)]);
  if (node.heapFetches !== undefined) rows.push(['Heap fetches', formatNumber(node.heapFetches, 0)]);
  if (node.parentRelationship) rows.push(['Parent relationship', node.parentRelationship]);
  return rows;
}

function definitionList(rows: readonly [string, string][], className: string): string {
  if (rows.length === 0) return '';
  return `<dl class="${className}">${rows.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd><code>${escapeHtml(value)}</code></dd></div>`).join('')}</dl>`;
}

function nodeLabel(node: PlanNode, warnings: readonly PlanWarning[], costs: boolean): string {
  const parts = [describeNode(node), ...(costs ? [`cost ${formatCost(node.totalCost)}`] : []), `${formatRows(node.planRows)} rows estimated`];
  if (node.actual) parts.push(`${formatRows(node.actual.rows)} rows actual`, `${formatMs(node.actual.totalTimeMs)}`);
  const severity = highestSeverity(warnings);
  if (severity) parts.push(`${pluralize(warnings.length, 'warning', 'warnings')}, ${severity} severity`);
  if (node.children.length > 0) parts.push(pluralize(node.children.length, 'child', 'children'));
  return parts.join(', ');
}

interface TreeContext {
  readonly side: string;
  readonly warnings: Map<string, PlanWarning[]>;
  /** The server reported costs (MariaDB does not). */
  readonly costs: boolean;
}

function renderNode(context: TreeContext, node: PlanNode, path: readonly number[]): string {
  const warnings = context.warnings.get(pathKey(path)) ?? [];
  const severity = highestSeverity(warnings);
  const classes = ['plan-node', ...(severity ? ['has-warning', `severity-${severity}`] : [])];
  const hasChildren = node.children.length > 0;
  const attributes = [
    `id="${nodeId(context.side, path)}"`,
    'role="treeitem"',
    `class="${classes.join(' ')}"`,
    `aria-level="${path.length + 1}"`,
    `aria-label="${escapeHtml(nodeLabel(node, warnings, context.costs))}"`,
    `tabindex="${path.length === 0 ? 0 : -1}"`,
    ...(hasChildren ? ['aria-expanded="true"'] : []),
  ];
  const detailRows = Object.entries(node.details).map(([key, value]): [string, string] => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
  const warningList =
    warnings.length === 0
      ? ''
      : `<ul class="node-warnings">${warnings.map((warning) => `<li class="severity-${warning.severity}">${severityBadge(warning.severity)} ${escapeHtml(warning.message)}${warningDetail(warning)}</li>`).join('')}</ul>`;
  const details =
    detailRows.length === 0 ? '' : `<details class="node-details"><summary>More (${detailRows.length})</summary>${definitionList(detailRows, 'details-list')}</details>`;
  const children = hasChildren
    ? `<ul role="group">${node.children.map((child, index) => renderNode(context, child, [...path, index])).join('')}</ul>`
    : '';
  return (
    `<li ${attributes.join(' ')}>` +
    `<div class="node-row"><span class="twisty" aria-hidden="true"></span><span class="node-title">${escapeHtml(describeNode(node))}</span>` +
    (severity ? ` ${severityBadge(severity)}` : '') +
    ` <span class="metrics">${nodeMetrics(node, context.costs).join(' ')}</span></div>` +
    `<div class="node-body">${definitionList(conditionRows(node), 'conditions')}${warningList}${details}</div>` +
    children +
    '</li>'
  );
}

function renderTree(result: ExplainResult, side: string, label: string): string {
  const context: TreeContext = { side, warnings: warningsByPath(result.warnings), costs: !result.plan.withoutCosts };
  return `<ul class="plan-tree" role="tree" aria-label="${escapeHtml(label)}">${renderNode(context, result.plan.root, [])}</ul>`;
}

function planTimes(result: ExplainResult): string {
  const times: string[] = [];
  if (result.plan.planningTimeMs !== undefined) times.push(`planning ${formatMs(result.plan.planningTimeMs)}`);
  if (result.plan.executionTimeMs !== undefined) times.push(`execution ${formatMs(result.plan.executionTimeMs)}`);
  return times.length === 0 ? '' : `<p class="times">${escapeHtml(times.join(' · '))}</p>`;
}

function renderWarnings(result: ExplainResult, side: string): string {
  if (result.warnings.length === 0) return '<section class="warnings" aria-labelledby="warnings-heading"><h2 id="warnings-heading">Warnings</h2><p class="none">No warnings.</p></section>';
  const sorted = [...result.warnings].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
  const items = sorted.map((warning) => {
    const node = nodeAt(result.plan.root, warning.path);
    const target = node
      ? ` <button type="button" class="link" data-action="focus-node" data-target="${nodeId(side, warning.path)}" aria-label="${escapeHtml(`Show the node: ${describeNode(node)}`)}">${escapeHtml(describeNode(node))}</button>`
      : '';
    return `<li class="warning severity-${warning.severity}">${severityBadge(warning.severity)} ${escapeHtml(warning.message)}${target}${warningDetail(warning)}</li>`;
  });
  return `<section class="warnings" aria-labelledby="warnings-heading"><h2 id="warnings-heading">Warnings (${result.warnings.length})</h2><ul class="warning-list">${items.join('')}</ul></section>`;
}

function describeVerification(suggestion: IndexSuggestion): string {
  const verification = suggestion.verification;
  if (verification.kind === 'not-cost-verified') return `Not cost-verified: ${verification.why}`;
  const method = verification.kind === 'hypothetical-index' ? 'with a hypothetical index (hypopg)' : 'by building it in a transaction that was rolled back';
  return `Verified ${method}: cost ${formatCost(verification.costBefore)} → ${formatCost(verification.costAfter)} (${formatChange(verification.costBefore, verification.costAfter)})`;
}

function renderSuggestions(result: ExplainResult): string {
  if (result.suggestions.length === 0) return '';
  const items = result.suggestions.map((suggestion, index) => {
    const verified = suggestion.verification.kind === 'not-cost-verified' ? 'unverified' : 'verified';
    const label = `Add index on ${suggestion.table} (${suggestion.columns.join(', ')}) to a migration`;
    return (
      `<li class="suggestion ${verified}">` +
      `<p class="reason"><strong>${escapeHtml(suggestion.table)}</strong> (${escapeHtml(suggestion.columns.join(', '))}): ${escapeHtml(suggestion.reason)}</p>` +
      `<pre class="sql"><code>${escapeHtml(suggestion.statement)}</code></pre>` +
      `<p class="verification">${escapeHtml(describeVerification(suggestion))}</p>` +
      `<button type="button" data-action="add-index" data-suggestion="${index}" aria-label="${escapeHtml(label)}">Add index</button>` +
      '</li>'
    );
  });
  return `<section class="suggestions" aria-labelledby="suggestions-heading"><h2 id="suggestions-heading">Index suggestions (${result.suggestions.length})</h2><ul class="suggestion-list">${items.join('')}</ul></section>`;
}

function renderComparison(before: ExplainResult, after: ExplainResult): string {
  const rows: [string, string, string, string][] = [
    ['Mode', before.plan.analyzed ? 'ANALYZE' : 'estimated', after.plan.analyzed ? 'ANALYZE' : 'estimated', ''],
    ['Source', describeSource(before.source), describeSource(after.source), ''],
    before.plan.withoutCosts || after.plan.withoutCosts
      ? ['Total cost', before.plan.withoutCosts ? '—' : formatCost(before.plan.root.totalCost), after.plan.withoutCosts ? '—' : formatCost(after.plan.root.totalCost), '']
      : ['Total cost', formatCost(before.plan.root.totalCost), formatCost(after.plan.root.totalCost), formatChange(before.plan.root.totalCost, after.plan.root.totalCost)],
    ['Top node', describeNode(before.plan.root), describeNode(after.plan.root), ''],
    ['Estimated rows', formatRows(before.plan.root.planRows), formatRows(after.plan.root.planRows), ''],
  ];
  const beforeTime = before.plan.executionTimeMs;
  const afterTime = after.plan.executionTimeMs;
  if (beforeTime !== undefined || afterTime !== undefined) {
    rows.push([
      'Execution time',
      beforeTime === undefined ? '—' : formatMs(beforeTime),
      afterTime === undefined ? '—' : formatMs(afterTime),
      beforeTime !== undefined && afterTime !== undefined ? formatChange(beforeTime, afterTime) : '',
    ]);
  }
  rows.push(['Warnings', String(before.warnings.length), String(after.warnings.length), '']);
  const body = rows
    .map(([label, beforeText, afterText, change]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(beforeText)}</td><td>${escapeHtml(afterText)}</td><td>${escapeHtml(change)}</td></tr>`)
    .join('');
  return (
    '<section class="comparison" aria-labelledby="comparison-heading"><h2 id="comparison-heading">Before and after</h2>' +
    '<table><thead><tr><th scope="col"></th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th></tr></thead>' +
    `<tbody>${body}</tbody></table></section>`
  );
}

function renderHeader(result: ExplainResult): string {
  return (
    '<header class="explain-header">' +
    `<h1>${escapeHtml(describeMode(result))}</h1>` +
    `<pre class="sql statement"><code>${escapeHtml(result.statement)}</code></pre>` +
    `<p class="source"><span class="label">Database:</span> ${escapeHtml(describeSource(result.source))}</p>` +
    `<p class="summary">${escapeHtml(result.summary)}</p>` +
    planTimes(result) +
    '<button type="button" class="secondary" data-action="reveal">Go to statement</button>' +
    '</header>'
  );
}

function renderColumn(result: ExplainResult, side: 'before' | 'after', heading: string): string {
  return (
    `<section class="plan-column" aria-labelledby="${side}-heading">` +
    `<h3 id="${side}-heading">${escapeHtml(heading)}</h3>` +
    `<p class="column-meta">${escapeHtml(`${result.plan.analyzed ? 'ANALYZE' : 'estimated'} · ${describeSource(result.source)}${result.plan.withoutCosts ? '' : ` · total cost ${formatCost(result.plan.root.totalCost)}`}`)}</p>` +
    planTimes(result) +
    renderTree(result, side, `${heading} plan`) +
    '</section>'
  );
}

function renderRaw(result: ExplainResult): string {
  return `<details class="raw"><summary>Raw plan (as the server sent it)</summary><pre><code>${escapeHtml(result.plan.raw)}</code></pre></details>`;
}

export function contentSecurityPolicy(assets: PageAssets): string {
  return [`default-src 'none'`, `style-src ${assets.cspSource}`, `img-src ${assets.cspSource}`, `font-src ${assets.cspSource}`, `script-src 'nonce-${assets.nonce}'`].join('; ');
}

export function renderPlanPage(page: PlanPage, assets: PageAssets): string {
  const { current, previous } = page;
  const plans = previous
    ? `<div class="side-by-side">${renderColumn(previous, 'before', 'Before')}${renderColumn(current, 'after', 'After')}</div>`
    : renderTree(current, 'after', 'Plan');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(assets))}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<link rel="stylesheet" href="${escapeHtml(assets.styleUri)}">` +
    '<title>sqlsight plan</title></head>' +
    `<body data-render-id="${page.renderId}">` +
    '<main>' +
    renderHeader(current) +
    (previous ? renderComparison(previous, current) : '') +
    renderWarnings(current, 'after') +
    renderSuggestions(current) +
    `<section class="plan" aria-labelledby="plan-heading"><h2 id="plan-heading">Plan</h2>` +
    '<p class="hint">Enter or Space expands and collapses a node; the arrow keys move between nodes.</p>' +
    plans +
    '</section>' +
    renderRaw(current) +
    '</main>' +
    `<script nonce="${escapeHtml(assets.nonce)}" src="${escapeHtml(assets.scriptUri)}"></script>` +
    '</body></html>'
  );
}
