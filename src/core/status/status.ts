/**
 * A segment's status in one target language, as users see it. `stale` is derived, never
 * stored: the work recorded was done against a source text that has since changed.
 */
import type { Segment, SegmentState, SegmentStatus } from '../model.js';

export function segmentStatus(segment: Segment, state: SegmentState | undefined): SegmentStatus {
  if (!state) return 'untranslated';
  switch (state.status) {
    case 'approved':
      return state.approved && state.approved.sourceHash === segment.hash ? 'approved' : 'stale';
    case 'draft':
      return state.draft && state.draft.sourceHash === segment.hash ? 'draft' : 'stale';
    case 'machine':
      return state.candidates.some((c) => c.origin === 'machine' && c.sourceHash === segment.hash) ? 'machine' : 'stale';
    case 'untranslated':
      return 'untranslated';
  }
}

/** Candidates that translate the current source text, best first (human, then highest match, newest). */
export function currentCandidates(segment: Segment, state: SegmentState | undefined) {
  return (state?.candidates ?? [])
    .filter((c) => c.sourceHash === segment.hash)
    .sort((a, b) => rank(b) - rank(a) || b.at.localeCompare(a.at));
}

function rank(c: { origin: 'machine' | 'human'; match?: number }): number {
  return (c.origin === 'human' ? 1000 : 0) + (c.match ?? 100);
}

export type StatusCounts = Record<SegmentStatus, number> & { total: number };

export function emptyCounts(): StatusCounts {
  return { total: 0, untranslated: 0, machine: 0, draft: 0, approved: 0, stale: 0 };
}
