/**
 * `verso diff`: for every segment of an article in a target language, the texts and the diffs
 * the review screen shows (machine → human, previous → current source for stale segments) and
 * the post-edit distance. Display-ready: texts are the sanitised copies the diffs were computed on.
 */
import type { DiffSpan } from '../core/diff/wordDiff.js';
import { activeSegments, buildSegmentView, machineDiff, postEdit, sourceDiff, type SegmentView } from '../core/diff/segmentView.js';
import type { Project } from '../storage/project.js';
import { loadArticle, loadState, recoverIfNeeded } from '../storage/store.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

export interface SegmentDiff {
  view: SegmentView;
  /** Machine → human word diff, when both exist. */
  machineDiff: DiffSpan[] | null;
  /** Previous → current source, when the segment is stale and the previous text is known. */
  sourceDiff: DiffSpan[] | null;
  /** Post-edit distance in %, when both machine and human text exist. */
  postEdit: number | null;
}

export interface ArticleDiff {
  article: string;
  lang: string;
  originUrl: string | null;
  segments: SegmentDiff[];
}

export async function articleDiff(project: Project, articleId: string, lang: string): Promise<ArticleDiff> {
  await resolveArticles(project, [articleId]);
  resolveTargetLangs(project, [lang]);
  await recoverIfNeeded(project);
  const [article, state] = await Promise.all([loadArticle(project, articleId), loadState(project, articleId, lang)]);
  const segments = activeSegments(article).map((segment, i) => {
    const view = buildSegmentView(article, segment, state.segments[segment.key], i);
    return { view, machineDiff: machineDiff(view), sourceDiff: sourceDiff(view), postEdit: postEdit(view) };
  });
  return { article: article.id, lang, originUrl: article.originUrl, segments };
}
