/**
 * What the review screen and `verso diff` show of one segment, built from the stored records.
 *
 * Every text here is the sanitised display copy (sanitizeForTerminal: no control sequence, NFC,
 * tabs expanded): diffs and widths are computed on exactly what is shown. The stored text stays
 * untouched in the records. Views are built lazily, only for the segments on screen, and the
 * diffs inside them only when first drawn.
 */
import type { Article, Segment, SegmentState, SegmentStatus } from '../model.js';
import { currentCandidates, segmentStatus } from '../status/status.js';
import { sanitizeForTerminal } from '../text/sanitize.js';
import { postEditDistance, wordDiff, type DiffSpan } from './wordDiff.js';

export interface AttributedText {
  text: string;
  by: string;
  at: string;
}

export interface SegmentView {
  /** Changes whenever the segment's state changes: caches key on it. */
  id: string;
  key: string;
  kind: Segment['kind'];
  status: SegmentStatus;
  source: string;
  /** The origin-language paragraph aligned to this segment (e.g. Vietnamese), when imported. */
  origin: string | null;
  /** For a stale segment: the source text the work was done against, when known. */
  previousSource: string | null;
  machine: AttributedText | null;
  human: (AttributedText & { approved: boolean }) | null;
  /** The text the inline editor opens with: the human text, else the machine one, else empty. */
  editable: string;
}

const clean = (text: string) => sanitizeForTerminal(text);

/** The machine candidate to show: the best one for the current source, else the latest one. */
function machineCandidate(segment: Segment, state: SegmentState | undefined) {
  const current = currentCandidates(segment, state).find((c) => c.origin === 'machine');
  if (current) return current;
  const machines = (state?.candidates ?? []).filter((c) => c.origin === 'machine');
  return machines.sort((a, b) => b.at.localeCompare(a.at))[0];
}

export function buildSegmentView(article: Article, segment: Segment, state: SegmentState | undefined, revision: number): SegmentView {
  const status = segmentStatus(segment, state);
  const machine = machineCandidate(segment, state);
  const draft = state?.draft ?? null;
  const approved = state?.approved ?? null;
  const humanSource = draft ?? approved;
  const previous = status === 'stale' ? (segment.previousText ?? approved?.sourceText ?? null) : null;
  const origin = article.origin?.[segment.key];
  return {
    id: `${segment.key}#${revision}`,
    key: segment.key,
    kind: segment.kind,
    status,
    source: clean(segment.text),
    origin: origin ? clean(origin) : null,
    previousSource: previous !== null && previous !== segment.text ? clean(previous) : null,
    machine: machine ? { text: clean(machine.text), by: clean(machine.by), at: machine.at } : null,
    human: humanSource
      ? { text: clean(humanSource.text), by: clean(humanSource.by), at: humanSource.at, approved: draft === null }
      : null,
    editable: clean(humanSource?.text ?? machine?.text ?? ''),
  };
}

// Diffs and distances are computed once per view (a view is rebuilt when its segment changes),
// on first use: the screen asks for them on every frame while the segment is selected.
const memo = new WeakMap<SegmentView, { machine?: DiffSpan[] | null; source?: DiffSpan[] | null; postEdit?: number | null }>();
function memoOf(view: SegmentView) {
  let entry = memo.get(view);
  if (!entry) memo.set(view, (entry = {}));
  return entry;
}

/** The machine → human word diff, when both exist. */
export function machineDiff(view: SegmentView): DiffSpan[] | null {
  const entry = memoOf(view);
  if (entry.machine === undefined) entry.machine = view.machine && view.human ? wordDiff(view.machine.text, view.human.text) : null;
  return entry.machine;
}

/** The previous source → current source word diff of a stale segment. */
export function sourceDiff(view: SegmentView): DiffSpan[] | null {
  const entry = memoOf(view);
  if (entry.source === undefined) entry.source = view.previousSource !== null ? wordDiff(view.previousSource, view.source) : null;
  return entry.source;
}

/** How much the human changed the machine output, in %; null when one of them is missing. */
export function postEdit(view: SegmentView): number | null {
  const entry = memoOf(view);
  if (entry.postEdit === undefined) entry.postEdit = view.machine && view.human ? postEditDistance(view.machine.text, view.human.text) : null;
  return entry.postEdit;
}

/** Active (non-obsolete) segments in document order. */
export function activeSegments(article: Article): Segment[] {
  const out: Segment[] = [];
  for (const key of article.order) {
    const segment = article.segments[key];
    if (segment && !segment.obsolete) out.push(segment);
  }
  return out;
}
