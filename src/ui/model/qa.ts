/**
 * QA findings for the review screen: the segment-level checks of `verso check` (core/qa), run on
 * the human text a translator is working on (draft, else approval) — before approval, when they
 * are cheapest to fix. Article-level checks (consistent names and translations across an article)
 * stay with `verso check`, which sees the whole article at once.
 */
import type { Segment, SegmentState } from '../../core/model.js';
import { runSegmentQa } from '../../core/qa/run.js';
import type { QaFinding, QaOptions } from '../../core/qa/types.js';
import { currentCandidates } from '../../core/status/status.js';

/** Findings for one segment; none when there is no human text yet. */
export function segmentQa(segment: Segment, state: SegmentState | undefined, options: QaOptions): QaFinding[] {
  const target = state?.draft?.text ?? state?.approved?.text;
  if (target === undefined) return [];
  const machine = currentCandidates(segment, state).find((c) => c.origin === 'machine')?.text;
  const findings = runSegmentQa(machine === undefined ? { source: segment.text, target } : { source: segment.text, target, machine }, options);
  // A finding accepted with `verso qa ignore` stays quiet until the segment is approved again
  // (the rule `verso check` applies).
  const approvedAt = state?.approved?.at ?? '';
  const ignored = new Set((state?.qaIgnored ?? []).filter((i) => i.at >= approvedAt).map((i) => i.check));
  return findings.filter((f) => !ignored.has(f.check));
}
