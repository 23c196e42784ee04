// The structural invariants every splitter result must keep, whatever the dialect and the input: shared by the
// PostgreSQL and MySQL splitter tests so both are held to the same contract.
import assert from 'node:assert/strict';
import type { SplitResult } from '../../server/src/engine/model/segment';

/** Segments ordered, non-overlapping, non-empty, within their section; comments ordered; no segment starts in one. */
export function assertWellFormedSplit(text: string, result: SplitResult): void {
  let previousEnd = 0;
  for (const segment of result.segments) {
    assert.ok(segment.range.start >= previousEnd, 'segments are ordered and do not overlap');
    assert.ok(segment.range.end > segment.range.start, 'segments are not empty');
    assert.ok(segment.range.end <= text.length, 'segments lie within the text');
    const section = result.sections[segment.section];
    assert.ok(section !== undefined, 'segment points at a section');
    assert.ok(section.range.start <= segment.range.start && segment.range.end <= section.range.end);
    previousEnd = segment.range.end;
  }
  let previousComment = 0;
  let segmentIndex = 0;
  for (const comment of result.comments) {
    assert.ok(comment.range.start < comment.range.end && comment.range.end <= text.length);
    assert.ok(comment.range.start >= previousComment, 'comments are ordered and do not overlap');
    previousComment = comment.range.end;
    // Both lists are ordered, so one forward walk finds the segments that start after the comment does.
    while ((result.segments[segmentIndex]?.range.start ?? Infinity) <= comment.range.start) segmentIndex++;
    const next = result.segments[segmentIndex];
    const inside = next !== undefined && next.range.start < comment.range.end;
    assert.ok(!inside, `no segment starts inside the comment at ${comment.range.start}`);
  }
  assert.ok(result.sections.length >= 1);
}
