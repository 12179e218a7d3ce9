/**
 * The review screen's per-segment data: the display view (shared with `verso diff`, in
 * core/diff/segmentView) and the list row used to filter and search.
 */
import type { Segment, SegmentState } from '../../core/model.js';
import { segmentStatus } from '../../core/status/status.js';
import type { SegmentRow } from '../state/reviewReducer.js';

export {
  activeSegments, buildSegmentView, machineDiff, postEdit, sourceDiff, type SegmentView,
} from '../../core/diff/segmentView.js';

/**
 * The list's summary of a segment: status for filters, text for search. The search text is built
 * on first use (the first search), not for 10,000 segments while the screen opens.
 */
export function buildRow(segment: Segment, state: SegmentState | undefined, qaIssues = 0): SegmentRow {
  let haystack: string | undefined;
  return {
    key: segment.key,
    status: segmentStatus(segment, state),
    qaIssues,
    get haystack() {
      if (haystack === undefined) {
        const human = state?.draft?.text ?? state?.approved?.text ?? '';
        const machine = state?.candidates.find((c) => c.origin === 'machine')?.text ?? '';
        haystack = `${segment.key}\n${segment.text}\n${machine}\n${human}`.normalize('NFC').toLowerCase();
      }
      return haystack;
    },
  };
}
