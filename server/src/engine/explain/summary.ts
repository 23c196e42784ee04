// The one-line plan summary shown inline next to the statement:
// `Seq Scan on orders · 10 rows · cost 5.2k · no index on customer_id`. The node named is where
// the plan spends most (exclusive time with ANALYZE, exclusive cost otherwise, rows read on a
// MariaDB that reports no costs); the warning is the most severe one.
import { formatDuration, humanNumber, nodeLabel } from './format';
import type { Plan, PlanNode, PlanWarning } from './plan';

const severityRank: Readonly<Record<PlanWarning['severity'], number>> = { high: 3, medium: 2, low: 1 };

export function planSummary(plan: Plan, warnings: readonly PlanWarning[]): string {
  const top = mostSignificantNode(plan);
  const parts = [nodeLabel(top.node)];
  if (plan.analyzed && top.node.actual) {
    // Both over all loops: estimates are per loop (per worker in a parallel plan).
    const actualRows = top.node.actual.rows * top.node.actual.loops;
    const estimatedRows = top.node.planRows * Math.max(1, top.node.actual.loops);
    parts.push(`${rowCount(actualRows)} (est ${humanNumber(estimatedRows)})`);
  } else {
    parts.push(rowCount(top.node.planRows * top.estimatedLoops));
  }
  if (!plan.withoutCosts) parts.push(`cost ${humanNumber(plan.root.totalCost)}`);
  const time = plan.executionTimeMs ?? plan.root.actual?.totalTimeMs;
  if (plan.analyzed && time !== undefined) parts.push(formatDuration(time));
  const worst = worstWarning(warnings);
  if (worst) parts.push(warnings.length > 1 ? `${worst.message} (+${warnings.length - 1} more)` : worst.message);
  return parts.join(' · ');
}

function rowCount(rows: number): string {
  const text = humanNumber(rows);
  return text === '1' ? '1 row' : `${text} rows`;
}

/** The most severe warning; the first in tree order among equals. */
export function worstWarning(warnings: readonly PlanWarning[]): PlanWarning | undefined {
  let worst: PlanWarning | undefined;
  for (const warning of warnings) if (!worst || severityRank[warning.severity] > severityRank[worst.severity]) worst = warning;
  return worst;
}

interface Weighed {
  readonly node: PlanNode;
  readonly weight: number;
  readonly estimatedLoops: number;
}

/**
 * The node with the largest exclusive share: with ANALYZE its time over all loops minus its
 * children's; otherwise its cost minus its children's, a nested loop's inner side counted once per
 * estimated outer row; without costs (MariaDB before 11.0) the rows a table access reads over
 * its estimated loops. The root when every node weighs nothing.
 */
export function mostSignificantNode(plan: Plan): Weighed {
  let best: Weighed = { node: plan.root, weight: -1, estimatedLoops: 1 };
  const visit = (node: PlanNode, estimatedLoops: number): void => {
    const childLoops = node.children.map((child, index) => (node.nodeType === 'Nested Loop' && index === 1 ? estimatedLoops * Math.max(1, node.children[0]?.planRows ?? 1) : estimatedLoops));
    let weight: number;
    if (plan.analyzed && node.actual) {
      const total = (actual: PlanNode['actual']): number => (actual ? actual.totalTimeMs * actual.loops : 0);
      weight = total(node.actual) - node.children.reduce((sum, child) => sum + total(child.actual), 0);
    } else if (plan.withoutCosts) {
      weight = (node.rowsExamined ?? 0) * estimatedLoops;
    } else {
      const own = node.totalCost * estimatedLoops;
      weight = own - node.children.reduce((sum, child, index) => sum + child.totalCost * (childLoops[index] ?? estimatedLoops), 0);
    }
    if (weight > best.weight) best = { node, weight, estimatedLoops };
    node.children.forEach((child, index) => visit(child, childLoops[index] ?? estimatedLoops));
  };
  visit(plan.root, 1);
  return best;
}
