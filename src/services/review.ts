/**
 * The review actions (approve, edit, accept machine, revert, add candidates): one service each,
 * shared by the CLI (`verso approve`, `verso edit`) and the review screen, so both write the
 * same way. Each call is one transaction: on return, the review state and the locale file are
 * both on disk.
 */
import type { Candidate, ReviewState, Segment, SegmentState } from '../core/model.js';
import {
  acceptMachine as acceptMachineOp,
  addCandidate,
  approveSegment,
  emptySegmentState,
  revertDraft as revertDraftOp,
  ReviewActionError,
  setDraft,
  unapprove as unapproveOp,
  type Actor,
} from '../core/catalog/state-ops.js';
import type { Project } from '../storage/project.js';
import { transaction, type Transaction } from '../storage/store.js';
import { UserError } from './errors.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

export interface SegmentRef {
  article: string;
  lang: string;
}

type Op = (state: SegmentState, segment: Segment) => SegmentState;

/** Applies `op` to each key under one lock, validating everything before anything is written. */
async function applyToKeys(project: Project, ref: SegmentRef, keys: readonly string[], op: Op): Promise<ReviewState> {
  await resolveArticles(project, [ref.article]);
  resolveTargetLangs(project, [ref.lang]);
  if (keys.length === 0) throw new UserError('no segment key given', { hint: 'keys look like p1, p2… (see verso status or verso diff)' });
  return transaction(project, async (tx) => {
    const article = await tx.getArticle(ref.article);
    const state = await tx.getState(ref.article, ref.lang);
    const segments = { ...state.segments };
    for (const key of keys) {
      const segment = article.segments[key];
      if (!segment) throw new UserError(`article "${ref.article}" has no segment "${key}"`, { file: article.originalPath, hint: `keys run from ${article.order[0] ?? 'p1'} to ${article.order.at(-1) ?? 'p1'}` });
      if (segment.obsolete) throw new UserError(`segment "${key}" of "${ref.article}" is obsolete (removed from the original)`, { file: article.originalPath });
      try {
        segments[key] = op(segments[key] ?? emptySegmentState(), segment);
      } catch (e) {
        if (e instanceof ReviewActionError) throw new UserError(e.message, e.hint ? { hint: e.hint } : {});
        throw e;
      }
    }
    const next = { ...state, segments };
    tx.putState(next);
    return next;
  });
}

export function approve(project: Project, ref: SegmentRef, keys: readonly string[], actor: Actor, text?: string): Promise<ReviewState> {
  if (text !== undefined && keys.length !== 1) return Promise.reject(new UserError('--text approves one segment: give a single key with it'));
  return applyToKeys(project, ref, keys, (s, seg) => approveSegment(s, seg, actor, text));
}

export function edit(project: Project, ref: SegmentRef, key: string, text: string, actor: Actor): Promise<ReviewState> {
  return applyToKeys(project, ref, [key], (s, seg) => setDraft(s, seg, text, actor));
}

export function acceptMachine(project: Project, ref: SegmentRef, key: string, actor: Actor): Promise<ReviewState> {
  return applyToKeys(project, ref, [key], (s, seg) => acceptMachineOp(s, seg, actor));
}

export function revertDraft(project: Project, ref: SegmentRef, key: string, actor: Actor): Promise<ReviewState> {
  return applyToKeys(project, ref, [key], (s) => revertDraftOp(s, actor));
}

export function unapprove(project: Project, ref: SegmentRef, key: string, actor: Actor): Promise<ReviewState> {
  return applyToKeys(project, ref, [key], (s, seg) => unapproveOp(s, seg, actor));
}

export interface NewCandidate {
  key: string;
  candidate: Candidate;
}

/**
 * Records candidates (machine output, aligned human text) inside an open transaction; used by
 * services that batch many writes (translate, align, import-xliff). Unknown or obsolete keys are
 * skipped and returned, never fatal: the article may have changed since the work started.
 */
export async function putCandidates(tx: Transaction, ref: SegmentRef, items: readonly NewCandidate[]): Promise<{ skipped: string[] }> {
  const article = await tx.getArticle(ref.article);
  const state = await tx.getState(ref.article, ref.lang);
  const segments = { ...state.segments };
  const skipped: string[] = [];
  for (const { key, candidate } of items) {
    const seg = article.segments[key];
    if (!seg || seg.obsolete) {
      skipped.push(key);
      continue;
    }
    segments[key] = addCandidate(segments[key] ?? emptySegmentState(), candidate);
  }
  tx.putState({ ...state, segments });
  return { skipped };
}

export function addCandidates(project: Project, ref: SegmentRef, items: readonly NewCandidate[]): Promise<{ skipped: string[] }> {
  return transaction(project, (tx) => putCandidates(tx, ref, items));
}
