/**
 * `verso qa ignore`: a person accepts one QA finding for one segment, with a reason. The
 * acceptance is recorded in the review state (who, when, why), so it travels with the branch and
 * shows in every report as "ignored"; it holds until the segment is approved again.
 */
import { capHistory, type ReviewState } from '../core/model.js';
import { CHECK_IDS, isCheckId } from '../core/qa/types.js';
import type { Project } from '../storage/project.js';
import { transaction } from '../storage/store.js';
import { UserError } from './errors.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

export interface IgnoreRequest {
  article: string;
  lang: string;
  key: string;
  check: string;
  reason: string;
  by: string;
  at: string;
}

export async function ignoreQaFinding(project: Project, req: IgnoreRequest): Promise<ReviewState> {
  if (!isCheckId(req.check)) throw new UserError(`unknown QA check "${req.check}"`, { hint: `checks: ${CHECK_IDS.join(', ')}` });
  const reason = req.reason.trim();
  if (reason === '') throw new UserError('a reason is required', { hint: 'add --reason "…": the next reviewer reads it in the report' });
  await resolveArticles(project, [req.article]);
  resolveTargetLangs(project, [req.lang]);
  return transaction(project, async (tx) => {
    const article = await tx.getArticle(req.article);
    const segment = article.segments[req.key];
    if (!segment || segment.obsolete) {
      throw new UserError(`article "${req.article}" has no active segment "${req.key}"`, { file: article.originalPath, hint: `keys run from ${article.order[0] ?? 'p1'} to ${article.order.at(-1) ?? 'p1'}` });
    }
    const state = await tx.getState(req.article, req.lang);
    const current = state.segments[req.key];
    if (!current?.approved) {
      throw new UserError(`segment "${req.key}" has no approved ${req.lang} translation: QA checks run on approved translations`, { hint: `approve it first (verso approve ${req.article} ${req.key} --to ${req.lang})` });
    }
    const entry = { check: req.check, reason, by: req.by, at: req.at };
    const qaIgnored = [...(current.qaIgnored ?? []).filter((i) => i.check !== req.check), entry];
    const history = capHistory([...current.history, { at: req.at, by: req.by, action: 'qa-ignore', text: `${req.check}: ${reason}` }]);
    const next: ReviewState = { ...state, segments: { ...state.segments, [req.key]: { ...current, qaIgnored, history } } };
    tx.putState(next);
    return next;
  });
}
