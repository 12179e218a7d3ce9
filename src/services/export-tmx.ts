/**
 * `verso export tmx`: every approved translation of every article, as a TMX 1.4b memory.
 * One `<tu>` per segment and source text, with a `<tuv>` per language approved for it; the
 * article's origin URL, id and segment key travel as `<prop>`s. A stale approval (the source has
 * changed since) is still a valid pair for the source it was made from, so it is exported with
 * that earlier source text.
 */
import type { Project } from '../storage/project.js';
import { listArticles, loadArticle, loadState } from '../storage/store.js';
import { serializeTmx, TMX_PROP_ARTICLE, TMX_PROP_KEY, TMX_PROP_ORIGIN, type TmxUnit } from '../storage/tmx.js';
import { UserError } from './errors.js';
import { resolveTargetLangs } from './scope.js';

export interface ExportTmxOptions {
  /** Target languages; all configured ones when empty. */
  targetLangs: readonly string[];
  toolVersion: string;
}

export interface ExportTmxResult {
  text: string;
  units: number;
  /** Approved pairs per target language. */
  pairs: Record<string, number>;
}

export async function exportTmx(project: Project, options: ExportTmxOptions): Promise<ExportTmxResult> {
  const langs = resolveTargetLangs(project, options.targetLangs);
  const sourceLang = project.config.sourceLang;
  const units: TmxUnit[] = [];
  const pairs: Record<string, number> = Object.fromEntries(langs.map((l) => [l, 0]));
  for (const id of await listArticles(project)) {
    const article = await loadArticle(project, id);
    if (article.sourceLang !== sourceLang) continue;
    const states = await Promise.all(langs.map(async (lang) => ({ lang, state: await loadState(project, id, lang) })));
    for (const key of article.order) {
      const segment = article.segments[key];
      if (!segment || segment.obsolete) continue;
      // Group the languages by the source text their approval was made for.
      const bySource = new Map<string, TmxUnit>();
      for (const { lang, state } of states) {
        const approval = state.segments[key]?.approved;
        if (!approval) continue;
        const sourceText = approval.sourceHash === segment.hash ? segment.text : approval.sourceText;
        let unit = bySource.get(sourceText);
        if (!unit) {
          unit = {
            tuid: bySource.size === 0 ? `${id}/${key}` : `${id}/${key}#${bySource.size + 1}`,
            props: [
              ...(article.originUrl ? [{ type: TMX_PROP_ORIGIN, value: article.originUrl }] : []),
              { type: TMX_PROP_ARTICLE, value: id },
              { type: TMX_PROP_KEY, value: key },
            ],
            notes: [],
            variants: [{ lang: sourceLang, text: sourceText }],
          };
          bySource.set(sourceText, unit);
        }
        unit.variants.push({ lang, text: approval.text, changedAt: approval.at, changedBy: approval.by });
        pairs[lang] = (pairs[lang] ?? 0) + 1;
      }
      units.push(...bySource.values());
    }
  }
  if (units.length === 0) {
    throw new UserError(`no approved translation to export (${langs.join(', ')})`, { hint: 'approve segments first: verso approve <article> <key…> --to <lng>' });
  }
  return { text: serializeTmx({ sourceLang, units }, { toolVersion: options.toolVersion }), units: units.length, pairs };
}
