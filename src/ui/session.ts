/**
 * What the review screen needs from the project, as one small interface: load an article's
 * records in a language, and the review actions. The real implementation goes through the same
 * services as `verso approve` and `verso edit` (each call one atomic transaction: when it
 * returns, the review state and the locale file are on disk); tests can pass their own.
 */
import type { Article, ReviewState, SegmentState } from '../core/model.js';
import type { QaOptions } from '../core/qa/types.js';
import { actorNow } from '../services/actor.js';
import { qaOptionsFor } from '../services/check.js';
import * as review from '../services/review.js';
import type { Project } from '../storage/project.js';
import { loadArticle, loadState, recoverIfNeeded } from '../storage/store.js';

export interface ReviewData {
  article: Article;
  state: ReviewState;
}

export interface ReviewSession {
  readonly articleId: string;
  /** Target languages the translator can switch between. */
  readonly languages: readonly string[];
  load(lang: string): Promise<ReviewData>;
  /** Approves `text`, or the draft when no text is given. Returns the segment's new state. */
  approve(lang: string, key: string, text?: string): Promise<SegmentState | undefined>;
  edit(lang: string, key: string, text: string): Promise<SegmentState | undefined>;
  acceptMachine(lang: string, key: string): Promise<SegmentState | undefined>;
  revertDraft(lang: string, key: string): Promise<SegmentState | undefined>;
  /** Puts a segment's approval and draft back as they were in `before` (undo). */
  restore(lang: string, key: string, before: SegmentState | undefined): Promise<SegmentState | undefined>;
  /** The project's QA settings for a target language (checks switched off, glossary); absent: no QA. */
  qaOptions?(lang: string): Promise<QaOptions>;
}

const sameApproval = (a: SegmentState['approved'], b: SegmentState['approved']) =>
  a === b || (a !== null && b !== null && a.text === b.text && a.sourceHash === b.sourceHash);

export function projectSession(project: Project, articleId: string, user: string): ReviewSession {
  const ref = (lang: string) => ({ article: articleId, lang });
  const actor = () => actorNow(user);
  const segmentOf = (state: ReviewState, key: string) => state.segments[key];
  return {
    articleId,
    languages: project.config.targetLangs,
    async load(lang) {
      await recoverIfNeeded(project);
      const [article, state] = await Promise.all([loadArticle(project, articleId), loadState(project, articleId, lang)]);
      return { article, state };
    },
    qaOptions: (lang) => qaOptionsFor(project, lang),
    approve: async (lang, key, text) => segmentOf(await review.approve(project, ref(lang), [key], actor(), text), key),
    edit: async (lang, key, text) => segmentOf(await review.edit(project, ref(lang), key, text, actor()), key),
    acceptMachine: async (lang, key) => segmentOf(await review.acceptMachine(project, ref(lang), key, actor()), key),
    revertDraft: async (lang, key) => segmentOf(await review.revertDraft(project, ref(lang), key, actor()), key),
    /**
     * Undo is made of the same public actions rather than by overwriting the record, so the
     * segment's history says what happened: first the approval (withdrawn or given back), then
     * the draft (rewritten or dropped). Each step is its own atomic write.
     */
    async restore(lang, key, before) {
      let current = segmentOf(await loadState(project, articleId, lang), key);
      const wantApproval = before?.approved ?? null;
      if (!sameApproval(current?.approved ?? null, wantApproval)) {
        current = wantApproval === null
          ? segmentOf(await review.unapprove(project, ref(lang), key, actor()), key)
          : segmentOf(await review.approve(project, ref(lang), [key], actor(), wantApproval.text), key);
      }
      const wantDraft = before?.draft ?? null;
      if (wantDraft !== null && current?.draft?.text !== wantDraft.text) {
        current = segmentOf(await review.edit(project, ref(lang), key, wantDraft.text, actor()), key);
      } else if (wantDraft === null && current?.draft) {
        current = segmentOf(await review.revertDraft(project, ref(lang), key, actor()), key);
      }
      return current;
    },
  };
}
