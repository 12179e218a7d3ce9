/**
 * The seeded generator of realistic verso projects, from one article to 2,000 articles × 25
 * segments × 3 target languages, for benchmarks and for fault tests that need a project of a
 * given size.
 *
 * It produces exactly the files verso itself writes, by going through verso's own pure code:
 * the original is parsed with `parseOriginal` and the configured boilerplate, the article built
 * with `buildArticle`, records serialised with `serializeRecord` and locale files derived with
 * `sourceLocaleEntries` / `targetLocaleEntries` + `serializeLocale`. Only the final write differs
 * from `verso import`: plain writes instead of one journaled transaction, because a 2,000-article
 * project is 18,000 files and the generator runs before anything reads them. (A test imports a
 * generated original through the CLI and checks the records come out identical.)
 *
 * Review state is generated per target language and segment with a realistic mix: approved,
 * stale (approved against a previous source text), human draft, machine only, untranslated.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Article, ReviewState, SegmentState, SegmentStatus } from '../core/model.js';
import { initialRawConfig } from '../core/config/config.js';
import { parseOriginal } from '../core/segment/parse-original.js';
import { buildArticle } from '../core/segment/build-article.js';
import { hashText } from '../core/hash.js';
import { serializeLocale, sourceLocaleEntries, targetLocaleEntries } from '../core/catalog/locale-file.js';
import { serializeRecord } from '../storage/records.js';
import { projectPaths } from '../storage/project.js';
import { compileBoilerplate } from '../services/import.js';
import { seededRandom, type Random } from './random.js';
import { generateOriginal, translationOf } from './text.js';

/** Shares of segment states per target language; what is left over is untranslated. */
export interface StateMix {
  approved: number;
  stale: number;
  draft: number;
  machine: number;
}

export const DEFAULT_MIX: StateMix = { approved: 0.55, stale: 0.05, draft: 0.1, machine: 0.2 };

export interface GenerateOptions {
  /** Project root; created if missing. Must not already hold a verso project. */
  dir: string;
  articles: number;
  segmentsPerArticle: number;
  /** Default `['en', 'vi', 'de']`. The source language is French, like the bundled article. */
  targetLangs?: string[];
  seed?: number;
  mix?: StateMix;
  /**
   * No paragraph text twice in the whole project. Real projects repeat captions across articles
   * (and so do generated ones by default); a test that identifies segments by their text wants
   * them distinct.
   */
  uniqueTexts?: boolean;
}

export interface GeneratedProject {
  root: string;
  articleIds: string[];
  targetLangs: string[];
  /** Active segments over all articles. */
  segments: number;
  /** Expected `verso status` counts per language, summed over articles. */
  expected: Record<string, Record<SegmentStatus, number>>;
  files: number;
  bytes: number;
}

/** Ids shaped like the seed's (`000_8c1828b71475e020`): an index and 16 hex digits. */
export function articleIdFor(index: number, rng: Random): string {
  return `${String(index).padStart(4, '0')}_${rng.hex(16)}`;
}

export async function generateProject(options: GenerateOptions): Promise<GeneratedProject> {
  const targetLangs = options.targetLangs ?? ['en', 'vi', 'de'];
  const mix = options.mix ?? DEFAULT_MIX;
  const rng = seededRandom(options.seed ?? 1);
  const paths = projectPaths(options.dir);
  const rawConfig = initialRawConfig('fr', targetLangs);
  const boilerplate = compileBoilerplate(rawConfig['boilerplate'] as string[]);

  await fs.mkdir(options.dir, { recursive: true });
  await fs.writeFile(paths.config, `${JSON.stringify(rawConfig, null, 2)}\n`, { flag: 'wx' });
  const dirs = [paths.originals, join(paths.locales, 'fr'), join(paths.data, 'articles')];
  for (const lang of targetLangs) dirs.push(join(paths.locales, lang), join(paths.data, 'state', lang));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });

  const expected: GeneratedProject['expected'] = Object.fromEntries(
    targetLangs.map((l) => [l, { approved: 0, stale: 0, draft: 0, machine: 0, untranslated: 0 }]),
  );
  const articleIds: string[] = [];
  let segments = 0;
  let files = 1;
  let bytes = 0;
  const write = async (path: string, text: string) => {
    await fs.writeFile(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  const seenAcrossArticles = options.uniqueTexts ? new Set<string>() : undefined;
  for (let i = 0; i < options.articles; i++) {
    const id = articleIdFor(i, rng);
    const original = generateOriginal(rng, options.segmentsPerArticle, seenAcrossArticles);
    const parsed = parseOriginal(original.text, boilerplate);
    const article = buildArticle(id, 'fr', parsed.originUrl, parsed.paragraphs);
    const states = targetLangs.map((lang) => generateState(rng, article, lang, mix, expected[lang]!));
    articleIds.push(id);
    segments += article.order.length;

    await write(paths.original(id), parsed.normalizedText);
    await write(paths.article(id), serializeRecord(article));
    await write(paths.locale('fr', id), serializeLocale(sourceLocaleEntries(article)));
    for (const state of states) {
      if (Object.keys(state.segments).length === 0) continue;
      await write(paths.state(state.lang, id), serializeRecord(state));
      await write(paths.locale(state.lang, id), serializeLocale(targetLocaleEntries(article, state)));
    }
  }
  return { root: options.dir, articleIds, targetLangs, segments, expected, files, bytes };
}

const DAY = 86_400_000;

/**
 * One language's review state for an article. A stale segment needs a previous source text:
 * the article's segment gets `previousText` (as a re-import would leave it) and the approval
 * is recorded against that text's hash.
 */
function generateState(rng: Random, article: Article, lang: string, mix: StateMix, counts: Record<SegmentStatus, number>): ReviewState {
  const segments: Record<string, SegmentState> = {};
  const base = Date.UTC(2024, 5, 1);
  for (const key of article.order) {
    const seg = article.segments[key]!;
    const at = (offsetDays: number) => new Date(base + offsetDays * DAY + rng.int(0, DAY - 1)).toISOString();
    const machineText = translationOf(rng, seg.text, lang);
    const machine = { origin: 'machine' as const, by: 'deepl', text: machineText, sourceHash: seg.hash, at: at(0), note: 'latency_optimized' };
    const r = rng.next();
    let state: SegmentState | null = null;
    let status: SegmentStatus = 'untranslated';
    if (r < mix.approved) {
      const text = rng.chance(0.5) ? machineText : translationOf(rng, seg.text, lang);
      state = {
        status: 'approved',
        candidates: [machine],
        draft: null,
        approved: { text, by: 'lan', at: at(2), sourceHash: seg.hash, sourceText: seg.text },
        history: [
          { at: machine.at, by: 'deepl', action: 'candidate:machine' },
          { at: at(1), by: 'lan', action: 'edit', text },
          { at: at(2), by: 'lan', action: 'approve', text },
        ],
      };
      status = 'approved';
    } else if (r < mix.approved + mix.stale) {
      const previous = seg.previousText ?? `${seg.text.replace(/\.$/, '')} (version précédente).`;
      seg.previousText = previous;
      const oldHash = hashText(previous);
      const text = translationOf(rng, previous, lang);
      state = {
        status: 'approved',
        candidates: [{ ...machine, sourceHash: oldHash }],
        draft: null,
        approved: { text, by: 'minh', at: at(1), sourceHash: oldHash, sourceText: previous },
        history: [{ at: at(1), by: 'minh', action: 'approve', text }],
      };
      status = 'stale';
    } else if (r < mix.approved + mix.stale + mix.draft) {
      const text = translationOf(rng, seg.text, lang);
      state = {
        status: 'draft',
        candidates: [machine],
        draft: { text, by: 'lan', at: at(1), sourceHash: seg.hash },
        approved: null,
        history: [
          { at: machine.at, by: 'deepl', action: 'candidate:machine' },
          { at: at(1), by: 'lan', action: 'edit', text },
        ],
      };
      status = 'draft';
    } else if (r < mix.approved + mix.stale + mix.draft + mix.machine) {
      state = { status: 'machine', candidates: [machine], draft: null, approved: null, history: [{ at: machine.at, by: 'deepl', action: 'candidate:machine' }] };
      status = 'machine';
    }
    if (state) segments[key] = state;
    counts[status]++;
  }
  return { article: article.id, lang, segments };
}
