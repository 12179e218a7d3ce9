/**
 * `verso align <article> <translation-file> --to <lng>` and `verso align <article> [<file>] --origin`:
 * a separately supplied document is split into paragraphs, aligned to the article's segments,
 * and stored.
 *
 * How a translation is stored: every segment gets its own human draft when possible. A 1–n group
 * (a paragraph the translator split) gets the paragraphs joined. An n–1 or n–m group (paragraphs
 * the translator merged) is split again sentence by sentence (core/align/groups.ts), so each
 * segment still gets its own draft, and keys stay independent for review and approval. Only
 * when the sentences do not follow the paragraph boundaries does the group's first segment hold
 * the whole text, with a note naming the segments it covers; those segments get a history entry
 * `align:covered` naming the holder, and no draft. Machine candidates already in the review
 * state, when there are any, are used as the machine translation of the source (see align.ts).
 * The text is also kept as a human candidate
 * (`by` the user, note `aligned from <file>`), and an approved segment keeps its approval.
 *
 * How an origin is stored: `article.origin[key]`, the origin text aligned to the segment (a
 * merged group's text is shown on each of its segments, being a reference). Re-aligning compares
 * with what was stored: changed origin text is reported and, in every target language where the
 * segment has a draft or an approval, the segment's history gets an `origin-changed` entry.
 */
import { basename } from 'node:path';
import { alignUnits, sharesFromLadder, summarizeLadder, type Bead, type GroupShare, type LadderSummary } from '../core/align/index.js';
import { addCandidate, emptySegmentState, setDraft, type Actor } from '../core/catalog/state-ops.js';
import { capHistory, type Article, type ReviewState, type Segment, type SegmentState } from '../core/model.js';
import { currentCandidates } from '../core/status/status.js';
import { parseOriginal } from '../core/segment/parse-original.js';
import { sentenceRulesFor } from '../core/segment/sentence-rules.js';
import { sentenceTexts } from '../core/segment/sentences.js';
import { readTextFile } from '../storage/atomic.js';
import type { Project } from '../storage/project.js';
import { loadArticle, loadState, stateLanguages, transaction } from '../storage/store.js';
import { fetchOriginPage, type FetchOriginOptions } from './align-origin-fetch.js';
import { UserError } from './errors.js';
import { compileBoilerplate, MAX_ORIGINAL_BYTES } from './import.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

/** One line of the ladder as shown by `--dry-run`. */
export interface LadderRow {
  keys: string[];
  /** 0-based indices of the paragraphs of the aligned document. */
  paragraphs: number[];
  sourceText: string;
  targetText: string;
}

export interface AlignTranslationOptions {
  article: string;
  file: string;
  lang: string;
  actor: Actor;
  dryRun?: boolean;
}

export interface AlignTranslationResult {
  summary: LadderSummary;
  rows: LadderRow[];
  /** Keys that received a draft. */
  drafted: string[];
  /** Keys covered by another segment's draft (merged group that could not be split). */
  covered: string[];
  /** Keys whose approval was kept (the aligned text is stored as a candidate only). */
  keptApproved: string[];
}

export interface AlignOriginOptions {
  article: string;
  /** The original as a file; without it, the article's origin URL is fetched. */
  file?: string;
  actor: Actor;
  dryRun?: boolean;
  fetch?: FetchOriginOptions;
}

export interface OriginChange {
  key: string;
  previous: string;
  current: string;
}

export interface AlignOriginResult {
  summary: LadderSummary;
  rows: LadderRow[];
  /** Where the original came from: the file name or the URL. */
  from: string;
  /** Segments whose origin text differs from the one stored before. */
  changed: OriginChange[];
  /** Target languages in which changed segments were flagged. */
  flaggedLangs: string[];
}

function activeSegments(article: Article): Segment[] {
  return article.order.map((k) => article.segments[k]!).filter((s) => s && !s.obsolete);
}

async function readParagraphs(project: Project, file: string): Promise<string[]> {
  const raw = await readTextFile(file, file, MAX_ORIGINAL_BYTES);
  const parsed = parseOriginal(raw, compileBoilerplate(project.config.boilerplate));
  if (parsed.paragraphs.length === 0) {
    throw new UserError('the file has no paragraphs to align', { file, hint: 'give a text file with one paragraph a line' });
  }
  return parsed.paragraphs.map((p) => p.text);
}

/** Log-odds added to leaving a caption or related-article line unaligned. */
const SKIPPABLE_BONUS = 2;

function alignToSegments(segments: Segment[], paragraphs: string[], sourceLang: string, targetLang: string, sourceMt?: string[]) {
  const sourceTexts = segments.map((s) => s.text);
  // Captions and related-article lines are often left out of translations and origin pages.
  const sourceSkipBonus = segments.map((s) => (s.kind === 'caption' || s.kind === 'related' ? SKIPPABLE_BONUS : 0));
  const beads = alignUnits(sourceTexts, paragraphs, { sourceSkipBonus, ...(sourceMt ? { sourceMt } : {}) });
  const sourceRules = sentenceRulesFor(sourceLang);
  const targetRules = sentenceRulesFor(targetLang);
  const shares = sharesFromLadder(
    sourceTexts,
    paragraphs,
    beads,
    (t) => sentenceTexts(t, sourceRules),
    (t) => sentenceTexts(t, targetRules),
  );
  return { beads, shares, rows: ladderRows(segments, paragraphs, beads), summary: summarizeLadder(beads) };
}

function ladderRows(segments: Segment[], paragraphs: string[], beads: Bead[]): LadderRow[] {
  return beads.map((b) => ({
    keys: b.source.map((i) => segments[i]!.key),
    paragraphs: b.target,
    sourceText: b.source.map((i) => segments[i]!.text).join(' '),
    targetText: b.target.map((j) => paragraphs[j]!).join(' '),
  }));
}

function withHistory(state: SegmentState, actor: Actor, action: string, text?: string): SegmentState {
  const entry = { at: actor.at, by: actor.by, action, ...(text !== undefined ? { text } : {}) };
  return { ...state, history: capHistory([...state.history, entry]) };
}

export async function alignTranslation(project: Project, options: AlignTranslationOptions): Promise<AlignTranslationResult> {
  await resolveArticles(project, [options.article]);
  resolveTargetLangs(project, [options.lang]);
  if (options.lang === project.config.sourceLang) {
    throw new UserError(`--to ${options.lang} is the source language`, { hint: 'use --origin to align the original, or --to with a target language' });
  }
  const paragraphs = await readParagraphs(project, options.file);
  // Machine translations already in the review state help, as in Bleualign: their words are
  // compared with the human translation's.
  const machineText = (article: Article, state: ReviewState): string[] | undefined => {
    const texts = activeSegments(article).map((seg) => currentCandidates(seg, state.segments[seg.key]).find((c) => c.origin === 'machine')?.text ?? '');
    return texts.some((t) => t !== '') ? texts : undefined;
  };
  const plan = (article: Article, state: ReviewState) =>
    alignToSegments(activeSegments(article), paragraphs, article.sourceLang, options.lang, machineText(article, state));
  const result = (p: ReturnType<typeof plan>, drafted: string[], covered: string[], keptApproved: string[]): AlignTranslationResult => ({
    summary: p.summary,
    rows: p.rows,
    drafted,
    covered,
    keptApproved,
  });
  if (options.dryRun) {
    const p = plan(await loadArticle(project, options.article), await loadState(project, options.article, options.lang));
    return result(p, [], [], []);
  }
  return transaction(project, async (tx) => {
    const article = await tx.getArticle(options.article);
    const state = await tx.getState(options.article, options.lang);
    const p = plan(article, state);
    const segments = activeSegments(article);
    const drafted: string[] = [];
    const covered: string[] = [];
    const keptApproved: string[] = [];
    const next = { ...state.segments };
    const note = `aligned from ${basename(options.file)}`;
    p.shares.forEach((share: GroupShare, i) => {
      const segment = segments[i]!;
      let s = next[segment.key] ?? emptySegmentState();
      if (share.kind === 'none') return;
      if (share.kind === 'covered') {
        next[segment.key] = withHistory(s, options.actor, 'align:covered', `translation held by ${segments[share.by]!.key}`);
        covered.push(segment.key);
        return;
      }
      const coverNote = share.kind === 'group' ? `; also translates ${share.covers.map((c) => segments[c]!.key).join(', ')}` : '';
      s = addCandidate(s, { origin: 'human', by: options.actor.by, text: share.text, sourceHash: segment.hash, at: options.actor.at, note: note + coverNote });
      if (s.approved && s.approved.sourceHash === segment.hash) {
        keptApproved.push(segment.key);
      } else {
        s = setDraft(s, segment, share.text, options.actor);
        drafted.push(segment.key);
      }
      next[segment.key] = s;
    });
    tx.putState({ ...state, segments: next });
    return result(p, drafted, covered, keptApproved);
  });
}

export async function alignOrigin(project: Project, options: AlignOriginOptions): Promise<AlignOriginResult> {
  await resolveArticles(project, [options.article]);
  const before = await loadArticle(project, options.article);
  let paragraphs: string[];
  let from: string;
  if (options.file) {
    paragraphs = await readParagraphs(project, options.file);
    from = options.file;
  } else {
    if (!before.originUrl) {
      throw new UserError(`article "${options.article}" has no origin URL`, {
        file: before.originalPath,
        hint: 'give the original as a file: verso align <article> <file> --origin',
      });
    }
    const page = await fetchOriginPage(before.originUrl, options.fetch);
    paragraphs = page.title && page.paragraphs[0] !== page.title ? [page.title, ...page.paragraphs] : page.paragraphs;
    from = before.originUrl;
  }
  const originLang = 'vi';
  const plan = (article: Article) => alignToSegments(activeSegments(article), paragraphs, article.sourceLang, originLang);
  const originTexts = (article: Article, shares: GroupShare[]): Record<string, string> => {
    const segments = activeSegments(article);
    const out: Record<string, string> = {};
    shares.forEach((share, i) => {
      if (share.kind === 'own' || share.kind === 'group') out[segments[i]!.key] = share.text;
    });
    // A covered segment shows the text of the group that holds it: a reference, not a translation.
    shares.forEach((share, i) => {
      if (share.kind === 'covered') {
        const holder = out[segments[share.by]!.key];
        if (holder !== undefined) out[segments[i]!.key] = holder;
      }
    });
    return out;
  };
  const changesOf = (article: Article, origin: Record<string, string>): OriginChange[] => {
    const previous = article.origin ?? {};
    return activeSegments(article)
      .filter((s) => previous[s.key] !== undefined && previous[s.key] !== origin[s.key])
      .map((s) => ({ key: s.key, previous: previous[s.key]!, current: origin[s.key] ?? '' }));
  };
  if (options.dryRun) {
    const p = plan(before);
    return { summary: p.summary, rows: p.rows, from, changed: changesOf(before, originTexts(before, p.shares)), flaggedLangs: [] };
  }
  const langs = await stateLanguages(project, options.article);
  return transaction(project, async (tx) => {
    const article = await tx.getArticle(options.article);
    const p = plan(article);
    const origin = originTexts(article, p.shares);
    const changed = changesOf(article, origin);
    const flaggedLangs: string[] = [];
    if (changed.length > 0) {
      for (const lang of langs) {
        const state = await tx.getState(options.article, lang);
        const segments = { ...state.segments };
        let touched = false;
        for (const c of changed) {
          const s = segments[c.key];
          if (!s || (!s.draft && !s.approved)) continue;
          segments[c.key] = withHistory(s, options.actor, 'origin-changed', c.current);
          touched = true;
        }
        if (touched) {
          tx.putState({ ...state, segments });
          flaggedLangs.push(lang);
        }
      }
    }
    tx.putArticle({ ...article, origin });
    return { summary: p.summary, rows: p.rows, from, changed, flaggedLangs };
  });
}
