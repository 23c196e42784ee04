// The plan view's page as HTML: every text from the statement, the plan and the server is escaped;
// warnings sit on the node their path names; suggestions carry the "Add index" data; the previous
// explain of the same statement shows beside the new one; ANALYZE figures appear only when measured.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, formatNumber, renderPlanPage, type PageAssets } from '../../client/src/plan-html';
import type { ExplainResult, PlanNode } from '../../server/src/protocol';

const assets: PageAssets = { nonce: 'n0nce', cspSource: 'https://webview.test', styleUri: 'https://webview.test/plan-view.css', scriptUri: 'https://webview.test/plan-view.js' };

function node(fields: Partial<PlanNode> & Pick<PlanNode, 'nodeType'>): PlanNode {
  return { startupCost: 0, totalCost: 1, planRows: 1, planWidth: 8, children: [], details: {}, ...fields };
}

const seqScan = node({
  nodeType: 'Seq Scan',
  relation: 'orders',
  schema: 'public',
  alias: 'o',
  startupCost: 0,
  totalCost: 25_480.5,
  planRows: 1_200,
  filter: "(customer_id = 42) AND (note <> '<b>')",
  rowsRemovedByFilter: 998_800,
});
const estimated: ExplainResult = {
  statement: "SELECT * FROM orders o WHERE customer_id = 42 AND note <> '<script>alert(1)</script>' ORDER BY created_at",
  statementRange: { start: { line: 3, character: 0 }, end: { line: 3, character: 96 } },
  source: { kind: 'embedded', seededRows: 10_000, serverVersion: 'PostgreSQL 17.4 (PGlite)' },
  plan: {
    dialect: 'postgres',
    analyzed: false,
    raw: '[{"Plan": {"Node Type": "Sort", "Filter": "<script>"}}]',
    root: node({ nodeType: 'Sort', startupCost: 25_500, totalCost: 25_503.25, planRows: 1_200, sortKey: ['created_at'], children: [seqScan] }),
  },
  warnings: [
    { kind: 'seq-scan-with-filter', severity: 'high', path: [0], message: 'Seq Scan on orders reads every row to find 1,200: no index on customer_id' },
    { kind: 'misestimate', severity: 'low', path: [], message: 'Estimate <off> by 10x', detail: 'Estimated 1,200 rows, got 37: run ANALYZE on orders' },
  ],
  summary: 'Seq Scan on orders · 1.2k rows · cost 25k · no index on customer_id',
  suggestions: [
    {
      table: 'public.orders',
      columns: ['customer_id'],
      statement: 'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id);',
      reason: 'WHERE customer_id = …',
      verification: { kind: 'built-and-rolled-back', costBefore: 25_503.25, costAfter: 12.5 },
    },
    {
      table: 'public.orders',
      columns: ['created_at'],
      statement: 'CREATE INDEX CONCURRENTLY orders_created_at_idx ON public.orders (created_at);',
      reason: 'ORDER BY created_at',
      verification: { kind: 'not-cost-verified', why: 'hypopg is not installed on "orders-prod"' },
    },
  ],
};

const analyzed: ExplainResult = {
  ...estimated,
  source: { kind: 'connection', name: 'orders-prod', serverVersion: 'PostgreSQL 16.3' },
  plan: {
    ...estimated.plan,
    analyzed: true,
    planningTimeMs: 0.21,
    executionTimeMs: 1.5,
    root: node({
      nodeType: 'Index Scan',
      relation: 'orders',
      index: 'orders_customer_id_idx',
      totalCost: 12.5,
      planRows: 1_200,
      actual: { startupTimeMs: 0.01, totalTimeMs: 1.234, rows: 37, loops: 3 },
      buffers: { sharedHit: 12, sharedRead: 3, tempRead: 0, tempWritten: 0 },
      indexCondition: '(customer_id = 42)',
    }),
  },
  warnings: [],
  suggestions: [],
};

function page(current: ExplainResult, previous?: ExplainResult): string {
  return renderPlanPage({ current, previous, renderId: 7 }, assets);
}

/** The opening tag of the element with that id. */
function openingTag(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(html);
  assert.ok(match, `an element with id ${id}`);
  return match[0];
}

describe('plan view HTML', () => {
  it('escapes the statement, the plan texts and the raw plan', () => {
    const html = page(estimated);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.match(html, /note &#60;&#62; &#39;&#60;b&#62;&#39;/);
    assert.match(html, /Estimate &#60;off&#62; by 10x/);
    assert.match(html, /&#34;Filter&#34;: &#34;&#60;script&#62;&#34;/);
    // The only script is the page's own, by nonce.
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="n0nce" src="https://webview.test/plan-view.js">']);
    assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
  });

  it('allows only its own style sheet and the nonce script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page(estimated))?.[1];
    assert.equal(csp, "default-src &#39;none&#39;; style-src https://webview.test; img-src https://webview.test; font-src https://webview.test; script-src &#39;nonce-n0nce&#39;");
  });

  it('shows the statement, the source and the mode in the header', () => {
    const html = page(estimated);
    assert.match(html, /<h1>EXPLAIN: estimated, not executed<\/h1>/);
    assert.match(html, /embedded, seeded with 10,000 rows per table · PostgreSQL 17\.4 \(PGlite\)/);
    assert.match(page({ ...estimated, source: { kind: 'embedded', seededRows: 0, serverVersion: '17.4' } }), /embedded, empty tables · 17\.4/);
    assert.match(page(analyzed), /<h1>EXPLAIN ANALYZE: executed, then rolled back<\/h1>/);
    assert.match(page(analyzed), /orders-prod · PostgreSQL 16\.3/);
  });

  it('renders the plan as a tree of focusable nodes with costs, rows and conditions', () => {
    const html = page(estimated);
    assert.match(html, /<ul class="plan-tree" role="tree" aria-label="Plan">/);
    const root = openingTag(html, 'after-node-root');
    assert.match(root, /role="treeitem"/);
    assert.match(root, /aria-expanded="true"/);
    assert.match(root, /tabindex="0"/);
    const child = openingTag(html, 'after-node-0');
    assert.match(child, /aria-level="2"/);
    assert.match(child, /tabindex="-1"/);
    assert.doesNotMatch(child, /aria-expanded/, 'a leaf cannot be expanded');
    assert.match(html, /Seq Scan on public\.orders o/);
    assert.match(html, /cost<\/span> 0\.00\.\.25,480\.50/);
    assert.match(html, /rows<\/span> 1,200 est\./);
    assert.match(html, /<dt>Rows removed by filter<\/dt><dd><code>998,800<\/code>/);
    assert.match(html, /<dt>Sort key<\/dt><dd><code>created_at<\/code>/);
  });

  it('puts each warning on the node its path names, with its severity', () => {
    const html = page(estimated);
    assert.match(openingTag(html, 'after-node-0'), /class="plan-node has-warning severity-high"/);
    assert.match(openingTag(html, 'after-node-root'), /class="plan-node has-warning severity-low"/);
    const scanNode = html.slice(html.indexOf('id="after-node-0"'));
    assert.match(scanNode, /^[^]*?<ul class="node-warnings"><li class="severity-high"><span class="badge severity-high">high<\/span> Seq Scan on orders reads every row/);
    // The list, most severe first, links to the node.
    const list = /<ul class="warning-list">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    assert.ok(list.indexOf('severity-high') < list.indexOf('severity-low'));
    assert.match(list, /data-action="focus-node" data-target="after-node-0"/);
    // A warning's longer detail, when it has one, follows its message.
    assert.match(list, /Estimate &#60;off&#62; by 10x.*<div class="warning-detail">Estimated 1,200 rows, got 37: run ANALYZE on orders<\/div>/);
  });

  it('lists index suggestions with their statement, verification and Add index data', () => {
    const html = page(estimated);
    assert.match(html, /<h2 id="suggestions-heading">Index suggestions \(2\)<\/h2>/);
    assert.match(html, /CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public\.orders \(customer_id\);/);
    assert.match(html, /Verified by building it in a transaction that was rolled back: cost 25,503\.25 → 12\.50 \(−100\.0%\)/);
    assert.match(html, /Not cost-verified: hypopg is not installed on &#34;orders-prod&#34;/);
    assert.match(html, /<button type="button" data-action="add-index" data-suggestion="0" aria-label="Add index on public\.orders \(customer_id\) to a migration">Add index<\/button>/);
    assert.match(html, /data-suggestion="1"/);
    assert.match(html, /<body data-render-id="7">/);
  });

  it('shows ANALYZE figures only when the plan was executed', () => {
    const plain = page(estimated);
    assert.doesNotMatch(plain, /actual|buffers|loops|execution|planning/);
    const html = page(analyzed);
    assert.match(html, /rows<\/span> 1,200 est\. \/ 37 actual × 3 loops/);
    assert.match(html, /time<\/span> 0\.010\.\.1\.234 ms/);
    assert.match(html, /buffers<\/span> hit 12, read 3</);
    assert.match(html, /planning 0\.210 ms · execution 1\.500 ms/);
    assert.match(html, /Index Scan using orders_customer_id_idx on orders/);
  });

  it('keeps the raw plan in a collapsed block', () => {
    assert.match(page(estimated), /<details class="raw"><summary>Raw plan \(as the server sent it\)<\/summary><pre><code>\[\{&#34;Plan&#34;/);
  });

  it('shows the previous explain of the statement beside the new one', () => {
    const html = page(analyzed, estimated);
    assert.match(html, /<table><thead><tr><th scope="col"><\/th><th scope="col">Before<\/th><th scope="col">After<\/th><th scope="col">Change<\/th>/);
    assert.match(html, /<tr><th scope="row">Total cost<\/th><td>25,503\.25<\/td><td>12\.50<\/td><td>−100\.0%<\/td><\/tr>/);
    assert.match(html, /<tr><th scope="row">Top node<\/th><td>Sort<\/td><td>Index Scan using orders_customer_id_idx on orders<\/td>/);
    assert.match(html, /<tr><th scope="row">Execution time<\/th><td>—<\/td><td>1\.500 ms<\/td>/);
    assert.match(html, /<div class="side-by-side"><section class="plan-column" aria-labelledby="before-heading"><h3 id="before-heading">Before<\/h3>/);
    assert.ok(html.indexOf('id="before-node-root"') < html.indexOf('id="after-node-root"'));
    assert.match(html, /aria-label="Before plan"/);
    assert.match(html, /aria-label="After plan"/);
    // The before plan keeps its own warnings on its own nodes.
    assert.match(openingTag(html, 'before-node-0'), /severity-high/);
    assert.doesNotMatch(page(estimated), /side-by-side|Before/);
  });

  it('shows no costs for a plan whose server gives none (MariaDB)', () => {
    const mariadb: ExplainResult = {
      ...estimated,
      plan: { dialect: 'mariadb', analyzed: false, withoutCosts: true, raw: '{}', root: node({ nodeType: 'Full Table Scan', relation: 'orders', totalCost: 0, planRows: 5_000 }) },
      warnings: [],
      summary: 'Full Table Scan on orders · 5k rows',
    };
    const html = page(mariadb);
    assert.doesNotMatch(html, /metric-label">cost|cost 0/);
    assert.match(html, /metric-label">rows<\/span> 5,000 est\./);
    const comparison = page(mariadb, mariadb);
    assert.match(comparison, /<tr><th scope="row">Total cost<\/th><td>—<\/td><td>—<\/td><td><\/td><\/tr>/);
    assert.doesNotMatch(comparison, /total cost/);
  });

  it('formats numbers the same in every locale', () => {
    assert.deepEqual([formatNumber(1234567.891, 2), formatNumber(-1000, 0), formatNumber(0.5, 3), formatNumber(999, 0)], ['1,234,567.89', '-1,000', '0.500', '999']);
  });
});
