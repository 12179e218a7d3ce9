/**
 * The review actions as pure functions on a segment's state: each returns a new state and
 * never mutates its input, so services can compute, validate and only then write.
 */
import { capHistory, type Candidate, type ReviewState, type Segment, type SegmentState } from '../model.js';
import { currentCandidates } from '../status/status.js';

export interface Actor {
  by: string;
  at: string;
}

export class ReviewActionError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'ReviewActionError';
  }
}

export function emptyReviewState(article: string, lang: string): ReviewState {
  return { article, lang, segments: {} };
}

export function emptySegmentState(): SegmentState {
  return { status: 'untranslated', candidates: [], draft: null, approved: null, history: [] };
}

function withHistory(state: SegmentState, actor: Actor, action: string, text?: string): SegmentState {
  const entry = { at: actor.at, by: actor.by, action, ...(text !== undefined ? { text } : {}) };
  return { ...state, history: capHistory([...state.history, entry]) };
}

/**
 * Records a candidate. A newer candidate from the same engine/author for the same source
 * replaces the older one, so repeated runs do not pile up duplicates.
 */
export function addCandidate(state: SegmentState, candidate: Candidate): SegmentState {
  const candidates = state.candidates.filter(
    (c) => !(c.origin === candidate.origin && c.by === candidate.by && c.sourceHash === candidate.sourceHash),
  );
  candidates.push(candidate);
  const status = state.status === 'untranslated' || (state.status === 'machine' && candidate.origin === 'machine') ? 'machine' : state.status;
  return withHistory({ ...state, candidates, status }, { by: candidate.by, at: candidate.at }, `candidate:${candidate.origin}`);
}

export function setDraft(state: SegmentState, segment: Segment, text: string, actor: Actor): SegmentState {
  if (text.trim() === '') throw new ReviewActionError('the translation is empty', 'give a non-empty --text, or use `verso revert` to drop the draft');
  const draft = { text, by: actor.by, at: actor.at, sourceHash: segment.hash };
  return withHistory({ ...state, draft, status: 'draft' }, actor, 'edit', text);
}

/** Approves the given text, or the current draft, or (failing both) nothing: an error. */
export function approveSegment(state: SegmentState, segment: Segment, actor: Actor, text?: string): SegmentState {
  const chosen = text ?? state.draft?.text;
  if (chosen === undefined) {
    throw new ReviewActionError(
      `segment ${segment.key} has no draft to approve`,
      `write one first (verso edit … --text "…"), accept the machine candidate, or pass --text`,
    );
  }
  if (chosen.trim() === '') throw new ReviewActionError(`segment ${segment.key}: cannot approve an empty translation`);
  const approved = { text: chosen, by: actor.by, at: actor.at, sourceHash: segment.hash, sourceText: segment.text };
  return withHistory({ ...state, approved, draft: null, status: 'approved' }, actor, 'approve', chosen);
}

/** Makes the best current machine candidate the draft. */
export function acceptMachine(state: SegmentState, segment: Segment, actor: Actor): SegmentState {
  const best = currentCandidates(segment, state).find((c) => c.origin === 'machine');
  if (!best) throw new ReviewActionError(`segment ${segment.key} has no machine candidate for its current source`, 'run `verso translate` first');
  return setDraft(state, segment, best.text, actor);
}

/** Drops the draft: back to the approved text if any, else to the machine candidate, else untranslated. */
export function revertDraft(state: SegmentState, actor: Actor): SegmentState {
  if (!state.draft) return state;
  const status = state.approved ? 'approved' : state.candidates.some((c) => c.origin === 'machine') ? 'machine' : 'untranslated';
  return withHistory({ ...state, draft: null, status }, actor, 'revert');
}

/** Withdraws an approval (the text stays as a draft). */
export function unapprove(state: SegmentState, segment: Segment, actor: Actor): SegmentState {
  if (!state.approved) return state;
  const draft = { text: state.approved.text, by: actor.by, at: actor.at, sourceHash: state.approved.sourceHash };
  return withHistory({ ...state, approved: null, draft, status: 'draft' }, actor, 'unapprove');
}
