/**
 * Three-way merge of a review-state file (one article, one target language), segment by segment,
 * for translators reviewing on parallel git branches.
 *
 * Per segment:
 * - changed on one side only (or identically on both): that side's state;
 * - changed on both sides: candidates, history and QA ignores are merged as sets (nothing either
 *   side added is lost), and the *work* — the draft and the approval — is compared by meaning
 *   (text and source hash; who and when do not matter):
 *   - if only one side changed the work, or both arrived at the same text, there is no conflict;
 *   - if both changed it to different texts, the segment is a CONFLICT: both texts are kept as
 *     human candidates (noted "merge conflict: ours/theirs"), the segment goes back to `draft`
 *     (needs review) with one of them as the draft, and a `merge-conflict` history entry records
 *     both. `verso status`/`verso check` then show the segment as not approved.
 * The approved text always follows the locale-file rule (`locale-merge.ts`): one side changed it →
 * that side's; both changed it differently → the base approval stays. So the target locale file
 * git merges separately says exactly what the merged state's approvals say.
 */
import { capHistory, type Approval, type Candidate, type Draft, type HistoryEntry, type QaIgnore, type ReviewState, type SegmentState, type StoredStatus } from '../model.js';
import { emptySegmentState } from '../catalog/state-ops.js';
import { mergeKeyOrder, mergeSetList, pickThreeWay } from './three-way.js';

export interface SegmentConflict {
  key: string;
  /** The text each side proposes (its new approval, else its new draft); null when it withdrew one. */
  ours: string | null;
  theirs: string | null;
  /** The approved text the merged state (and locale file) keeps. */
  approved: string | null;
}

export interface StateMergeResult {
  state: ReviewState;
  conflicts: SegmentConflict[];
  /** Segments one side deleted while the other changed them: the changed one is kept. */
  keptDeleted: string[];
}

export interface StateMergeOptions {
  /** Timestamp for the conflict history entry (passed in: the merge is a pure function). */
  at: string;
  /** Name recorded as the author of the conflict entry. */
  by?: string;
}

const approvedText = (a: Approval | null) => a?.text ?? null;
/** What an approval means for the merge: its text and the source it was made for. */
const sameApproval = (a: Approval | null, b: Approval | null) => (a === null || b === null ? a === b : a.text === b.text && a.sourceHash === b.sourceHash);
const sameDraft = (a: Draft | null, b: Draft | null) => (a === null || b === null ? a === b : a.text === b.text && a.sourceHash === b.sourceHash);

const candidateId = (c: Candidate) => JSON.stringify([c.origin, c.by, c.sourceHash, c.text, c.at]);
const historyId = (h: HistoryEntry) => JSON.stringify([h.at, h.by, h.action, h.text ?? null]);
const ignoreId = (q: QaIgnore) => JSON.stringify([q.check, q.reason, q.by, q.at]);

/**
 * Candidates from both sides, without repeats: the same engine or author offering the same text
 * for the same source counts once (the newest), however often each branch re-ran it.
 */
function mergeCandidates(b: Candidate[], o: Candidate[], t: Candidate[]): Candidate[] {
  const merged = mergeSetList(b, o, t, candidateId);
  const newest = new Map<string, Candidate>();
  for (const c of merged) {
    const id = JSON.stringify([c.origin, c.by, c.sourceHash, c.text]);
    const prev = newest.get(id);
    if (!prev || c.at > prev.at) newest.set(id, c);
  }
  return merged.filter((c) => newest.get(JSON.stringify([c.origin, c.by, c.sourceHash, c.text])) === c);
}

/** The text a side put forward: its approval if it changed the approval, else its draft. */
function proposal(base: SegmentState, side: SegmentState): { text: string; by: string; at: string; sourceHash: string } | null {
  if (!sameApproval(base.approved, side.approved) && side.approved) return side.approved;
  if (!sameDraft(base.draft, side.draft) && side.draft) return side.draft;
  return null;
}

function workChanged(base: SegmentState, side: SegmentState): boolean {
  return !sameApproval(base.approved, side.approved) || !sameDraft(base.draft, side.draft);
}

/** The status that fits a segment's contents, for when both sides moved the status differently. */
function fittingStatus(s: Pick<SegmentState, 'draft' | 'approved' | 'candidates'>): StoredStatus {
  if (s.draft) return 'draft';
  if (s.approved) return 'approved';
  return s.candidates.some((c) => c.origin === 'machine') ? 'machine' : 'untranslated';
}

function mergeSegment(key: string, base: SegmentState, ours: SegmentState, theirs: SegmentState, options: StateMergeOptions): { state: SegmentState; conflict?: SegmentConflict } {
  let candidates = mergeCandidates(base.candidates, ours.candidates, theirs.candidates);
  const historyMerged = mergeSetList(base.history, ours.history, theirs.history, historyId).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const qaIgnored = mergeSetList(base.qaIgnored ?? [], ours.qaIgnored ?? [], theirs.qaIgnored ?? [], ignoreId);

  // The approval follows the locale-file rule exactly (by text), so both files agree.
  const approvedPick = pickThreeWay(base.approved, ours.approved, theirs.approved, (a, b) => approvedText(a) === approvedText(b));
  const approved = approvedPick.clash ? base.approved : approvedPick.value;

  const oursProposal = workChanged(base, ours) ? proposal(base, ours) : null;
  const theirsProposal = workChanged(base, theirs) ? proposal(base, theirs) : null;
  const isConflict =
    workChanged(base, ours) && workChanged(base, theirs) && (oursProposal?.text ?? null) !== (theirsProposal?.text ?? null);

  let draft: Draft | null;
  let status: StoredStatus;
  let history = historyMerged;
  let conflict: SegmentConflict | undefined;
  if (isConflict) {
    // Keep both texts where a reviewer will see them, and put one forward as the draft: the
    // first (ours preferred) that is not already the approved text.
    for (const [side, p] of [['ours', oursProposal], ['theirs', theirsProposal]] as const) {
      if (p && !candidates.some((c) => c.origin === 'human' && c.text === p.text && c.sourceHash === p.sourceHash)) {
        candidates = [...candidates, { origin: 'human', by: p.by, text: p.text, sourceHash: p.sourceHash, at: p.at, note: `merge conflict: ${side}` }];
      }
    }
    const forward = [oursProposal, theirsProposal].find((p) => p !== null && p.text !== approvedText(approved)) ?? null;
    draft = forward ? { text: forward.text, by: forward.by, at: forward.at, sourceHash: forward.sourceHash } : null;
    status = draft ? 'draft' : fittingStatus({ draft, approved, candidates });
    conflict = { key, ours: oursProposal?.text ?? null, theirs: theirsProposal?.text ?? null, approved: approvedText(approved) };
    const describe = (t: string | null) => (t === null ? '(withdrawn)' : `«${t}»`);
    history = [
      ...history,
      { at: options.at, by: options.by ?? 'verso merge-driver', action: 'merge-conflict', text: `ours: ${describe(conflict.ours)} | theirs: ${describe(conflict.theirs)}` },
    ];
  } else {
    const draftPick = pickThreeWay(base.draft, ours.draft, theirs.draft, sameDraft);
    // Without a work conflict the drafts cannot clash in meaning; take ours if they differ only in who/when.
    draft = draftPick.clash ? ours.draft : draftPick.value;
    const statusPick = pickThreeWay(base.status, ours.status, theirs.status);
    status = statusPick.clash ? fittingStatus({ draft, approved, candidates }) : statusPick.value;
  }

  const merged: SegmentState = { ...ours, status, candidates, draft, approved, history: capHistory(history) };
  if (qaIgnored.length > 0) merged.qaIgnored = qaIgnored;
  else delete merged.qaIgnored;
  return conflict ? { state: merged, conflict } : { state: merged };
}

/** Merges three versions of one review-state file. Pure: same inputs, same output. */
export function mergeReviewState(base: ReviewState | null, ours: ReviewState, theirs: ReviewState, options: StateMergeOptions): StateMergeResult {
  if (ours.article !== theirs.article || ours.lang !== theirs.lang) {
    throw new Error(`review states of different articles or languages (${ours.article}/${ours.lang} vs ${theirs.article}/${theirs.lang})`);
  }
  const baseSegs = base?.segments ?? {};
  const segments: Record<string, SegmentState> = {};
  const conflicts: SegmentConflict[] = [];
  const keptDeleted: string[] = [];
  const keys = mergeKeyOrder(mergeKeyOrder(Object.keys(ours.segments), Object.keys(theirs.segments)), Object.keys(baseSegs));
  for (const key of keys) {
    const b = baseSegs[key];
    const o = ours.segments[key];
    const t = theirs.segments[key];
    const pick = pickThreeWay(b, o, t);
    if (!pick.clash) {
      if (pick.value !== undefined) segments[key] = pick.value;
      continue;
    }
    if (o === undefined || t === undefined) {
      // Deleted on one side, changed on the other: keep the changed state (nothing typed is lost).
      segments[key] = (o ?? t)!;
      keptDeleted.push(key);
      continue;
    }
    const result = mergeSegment(key, b ?? emptySegmentState(), o, t, options);
    segments[key] = result.state;
    if (result.conflict) conflicts.push(result.conflict);
  }
  const state: ReviewState = { ...ours, segments };
  return { state, conflicts, keptDeleted };
}
