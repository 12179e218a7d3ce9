/** `verso status`: completeness per article and target language. */
import type { Article } from '../core/model.js';
import { emptyCounts, segmentStatus, type StatusCounts } from '../core/status/status.js';
import type { Project } from '../storage/project.js';
import { listArticles, loadArticle, loadState, recoverIfNeeded } from '../storage/store.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';
import { qaCountsFor, qaOptionsFor, type QaCounts } from './check.js';

export interface StatusRow {
  article: string;
  lang: string;
  counts: StatusCounts;
  /** Approved and current, as a percentage of active segments (100 when there are none). */
  approvedPct: number;
  /** QA findings on the approved translations, when asked for (`qa: true`). */
  qa?: QaCounts;
}

export interface StatusOptions {
  articles?: string[];
  langs?: string[];
  /** Also run the QA checks and count their findings (slower: every approved string is checked). */
  qa?: boolean;
}

export async function projectStatus(project: Project, options: StatusOptions = {}): Promise<StatusRow[]> {
  await recoverIfNeeded(project);
  const ids = await resolveArticles(project, options.articles);
  const langs = resolveTargetLangs(project, options.langs);
  const rows: StatusRow[] = [];
  const qaOptions = options.qa ? new Map(await Promise.all(langs.map(async (l) => [l, await qaOptionsFor(project, l)] as const))) : null;
  for (const id of ids) {
    const article = await loadArticle(project, id);
    for (const lang of langs) {
      const row = await articleStatus(project, article, lang);
      if (qaOptions) row.qa = await qaCountsFor(project, article, lang, qaOptions.get(lang)!);
      rows.push(row);
    }
  }
  return rows;
}

export async function articleStatus(project: Project, article: Article, lang: string): Promise<StatusRow> {
  const state = await loadState(project, article.id, lang);
  const counts = emptyCounts();
  for (const key of article.order) {
    const seg = article.segments[key];
    if (!seg || seg.obsolete) continue;
    counts.total++;
    counts[segmentStatus(seg, state.segments[key])]++;
  }
  return { article: article.id, lang, counts, approvedPct: counts.total === 0 ? 100 : (100 * counts.approved) / counts.total };
}

export { listArticles };
