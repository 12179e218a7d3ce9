/**
 * `verso check`: the CI gate. For each article and target language in scope it reads the
 * article record, the review state and the target locale file, and reports
 *  - each segment that is untranslated, unapproved (machine or draft only) or stale;
 *  - QA findings on each approved translation (the string the locale file publishes);
 *  - disagreements between the locale file and the review state: keys the source lacks,
 *    approved strings edited or deleted by hand;
 * then decides the exit code from the gates asked for (`--fail-on`, else `check.failOn`).
 * Only the languages and articles in scope are read, so a check scoped to `en` cannot be
 * failed by `vi`. Damaged or missing records are input errors (exit 2) naming the file.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { FailOn } from '../core/config/config.js';
import type { Article, ReviewState, Segment, SegmentState, SegmentStatus } from '../core/model.js';
import { isCheckId, type CheckId, type QaFinding, type QaOptions, type Severity } from '../core/qa/types.js';
import { runArticleQa, type ArticlePair } from '../core/qa/run.js';
import { finishReport, type CheckReport, type FindingKind, type ReportFinding, type SegmentOutcome, type LanguageSummary } from '../core/report/check-report.js';
import { segmentStatus } from '../core/status/status.js';
import { serializeLocale, sourceLocaleEntries, targetLocaleEntries } from '../core/catalog/locale-file.js';
import { indexLocaleKeys } from '../core/catalog/locale-keys.js';
import { readTextFileIfExists } from '../storage/atomic.js';
import { lineOfKey } from '../storage/json.js';
import { displayPath, type Project } from '../storage/project.js';
import { parseArticleRecord, parseStateRecord } from '../storage/records.js';
import { listArticles, loadLocale, recoverIfNeeded } from '../storage/store.js';
import { loadTerminology } from './check-terminology.js';
import { UserError } from './errors.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';
import { checkInWorkers } from './check-parallel.js';
import { entryId, entryKey, readQaCache, writeQaCache, type QaCacheEntry, type QaCacheView } from './check-qa-cache.js';

export interface CheckOptions {
  articles?: string[];
  langs?: string[];
  /** Gates that fail the check; default: the config's `check.failOn`. */
  failOn?: FailOn[];
  /** Threads for large projects (default: one per core); 1 checks everything in this thread. */
  threads?: number;
  /** Reuse QA results of unchanged articles from `.verso/cache/qa/` and update it (default true). */
  qaCache?: boolean;
  /**
   * Keep the outcome of every segment in `report.segments` (default true). Only the JUnit format
   * reads that list; without it, a large check has far less to copy between threads and hold.
   */
  perSegment?: boolean;
}

export type Draft = Omit<ReportFinding, 'gate' | 'failing'>;

const STATUS_FINDINGS: Partial<Record<SegmentStatus, { kind: FindingKind; severity: Severity; message: string }>> = {
  untranslated: { kind: 'untranslated', severity: 'error', message: 'not translated yet' },
  machine: { kind: 'unapproved', severity: 'warning', message: 'machine translation only, not approved' },
  draft: { kind: 'unapproved', severity: 'warning', message: 'draft, not approved' },
  stale: { kind: 'stale', severity: 'error', message: 'the source changed after this translation was made' },
};

/** The QA options of the project for one target language. */
export async function qaOptionsFor(project: Project, lang: string): Promise<QaOptions> {
  const severity: QaOptions['severity'] = {};
  for (const id of project.config.qa.disabled) {
    if (!isCheckId(id)) throw new UserError(`unknown QA check "${id}" in qa.disabled`, { file: 'verso.config.json', hint: 'see the list of checks in the README (QA checks)' });
    severity[id] = 'off';
  }
  return { sourceLang: project.config.sourceLang, targetLang: lang, terminology: await loadTerminology(project, lang), severity };
}

export async function runCheck(project: Project, options: CheckOptions = {}): Promise<CheckReport> {
  await recoverIfNeeded(project);
  const langs = resolveTargetLangs(project, options.langs);
  const ids = await resolveArticles(project, options.articles);
  const failOn = options.failOn ?? project.config.check.failOn;
  const qaByLang = new Map<string, QaOptions>();
  for (const lang of langs) qaByLang.set(lang, await qaOptionsFor(project, lang));

  const findings: Draft[] = [];
  const segments: SegmentOutcome[] = [];
  const counts = new Map<string, LanguageSummary['byStatus']>(langs.map((l) => [l, { untranslated: 0, machine: 0, draft: 0, approved: 0, stale: 0 }]));
  // Results are put together in article order, whichever thread checked what, so reports are deterministic.
  const cache = options.qaCache === false ? undefined : await readQaCache(project, langs);
  const checkHere = (claim: () => number, stop: () => void) => checkClaimed(project, ids, langs, qaByLang, claim, stop, cache);
  const outcomes = (await checkInWorkers(project, ids, langs, qaByLang, checkHere, { perSegment: options.perSegment ?? true, ...(options.threads ? { threads: options.threads } : {}) }, cache)) ?? (await checkArticles(project, ids, langs, qaByLang, cache));
  if (cache) {
    const checked = new Map<string, Map<string, QaCacheEntry>>(langs.map((l) => [l, new Map()]));
    outcomes.forEach((perLang, i) => {
      for (const o of perLang) if (o.qa) checked.get(o.lang)!.set(ids[i]!, o.qa);
    });
    await writeQaCache(project, cache, checked, !options.articles || options.articles.length === 0);
  }
  const perSegment = options.perSegment ?? true;
  for (const perLang of outcomes) {
    for (const outcome of perLang) {
      // The source language's outcome (its locale file) has no review statuses to count.
      const byStatus = counts.get(outcome.lang);
      if (byStatus) for (const [status, n] of Object.entries(outcome.byStatus) as Array<[SegmentStatus, number]>) byStatus[status] += n;
      if (perSegment) {
        const offset = findings.length;
        for (const seg of outcome.segments) {
          // The outcome is this run's own object: no copy, only its finding indices renumbered.
          if (offset > 0 && seg.findings.length > 0) seg.findings = seg.findings.map((i) => i + offset);
          segments.push(seg);
        }
      }
      for (const f of outcome.findings) findings.push(f);
    }
  }
  // Locale files of articles verso does not know: every key in them lacks a source.
  if (!options.articles || options.articles.length === 0) {
    for (const lang of langs) {
      for (const strayId of await strayLocaleFiles(project, lang, ids)) {
        const locale = await loadLocale(project, lang, strayId);
        if (!locale) continue;
        for (const key of Object.keys(locale.resource)) {
          if (perSegment) segments.push({ article: strayId, lang, key, status: 'orphan', file: locale.file, line: lineOfKey(locale.text, key), findings: [findings.length] });
          findings.push(draft({ kind: 'orphan-key', severity: 'error', article: strayId, lang, key, file: locale.file, line: lineOfKey(locale.text, key), status: null, message: `no article "${strayId}" in this project, so no source for this key` }));
        }
      }
    }
  }
  return finishReport({
    sourceLang: project.config.sourceLang,
    langs,
    failOn,
    articles: ids.length,
    findings,
    segments,
    languages: langs.map((lang) => {
      const byStatus = counts.get(lang)!;
      const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
      return { lang, segments: total, byStatus, approvedPct: total === 0 ? 100 : (100 * byStatus.approved) / total };
    }),
  });
}

export type LanguageOutcome = ArticleOutcome & { lang: string };

/** Articles handed out at a time when threads share the work (small enough to balance, large enough to be cheap). */
export const CLAIM_BATCH = 4;

/** What one thread checked: outcomes by index into the article list, and the first failure if any. */
export interface ClaimedOutcomes {
  outcomes: Array<[number, LanguageOutcome[]]>;
  failure?: { index: number; error: unknown };
}

/**
 * Checks the articles `claim` hands out (the index of the next batch of {@link CLAIM_BATCH} in
 * `ids`) until none are left or one fails. Threads that share one counter balance themselves:
 * whoever is faster takes more. A thread stops at its first failure and ends the handing out;
 * every article before it in `ids` was already claimed and is still checked by its thread, so
 * the failure with the lowest index is the first damaged article in order, as in one thread.
 */
export async function checkClaimed(project: Project, ids: readonly string[], langs: readonly string[], qaByLang: ReadonlyMap<string, QaOptions>, claim: () => number, stop: () => void, cache?: QaCacheView): Promise<ClaimedOutcomes> {
  const outcomes: ClaimedOutcomes['outcomes'] = [];
  for (let start = claim(); start < ids.length; start = claim()) {
    for (let index = start; index < Math.min(start + CLAIM_BATCH, ids.length); index++) {
      try {
        const article = await readArticle(project, ids[index]!);
        const perLang: LanguageOutcome[] = [];
        for (const lang of langs) perLang.push({ lang, ...(await checkArticleLanguage(project, article, lang, qaByLang.get(lang)!, cache)) });
        const source = await checkSourceLocale(project, article);
        if (source) perLang.push(source);
        outcomes.push([index, perLang]);
      } catch (error) {
        stop();
        return { outcomes, failure: { index, error } };
      }
    }
  }
  return { outcomes };
}

/** Checks articles in this thread; one entry per article, each with one outcome per language. */
export async function checkArticles(project: Project, ids: readonly string[], langs: readonly string[], qaByLang: ReadonlyMap<string, QaOptions>, cache?: QaCacheView): Promise<LanguageOutcome[][]> {
  let next = 0;
  const claim = () => {
    const start = next;
    next += CLAIM_BATCH;
    return start;
  };
  const { outcomes, failure } = await checkClaimed(project, ids, langs, qaByLang, claim, () => (next = ids.length), cache);
  if (failure) throw failure.error;
  return outcomes.map(([, perLang]) => perLang);
}

/** Records can be large (an article of thousands of paragraphs); the store allows as much. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

function readIfExists(path: string, display: string): Promise<string | null> {
  return readTextFileIfExists(path, display, MAX_RECORD_BYTES);
}

async function readArticle(project: Project, id: string): Promise<Article> {
  const path = project.paths.article(id);
  const display = displayPath(project, path);
  const text = await readIfExists(path, display);
  if (text === null) throw new UserError(`no article "${id}" in this project`, { file: display });
  return parseArticleRecord(text, display);
}

async function readState(project: Project, id: string, lang: string): Promise<ReviewState | null> {
  const path = project.paths.state(lang, id);
  const display = displayPath(project, path);
  const text = await readIfExists(path, display);
  return text === null ? null : { ...parseStateRecord(text, display), article: id, lang };
}

function draft(f: Omit<Draft, 'check' | 'excerpt' | 'span' | 'ignored'> & Partial<Pick<Draft, 'check' | 'excerpt' | 'span' | 'ignored'>>): Draft {
  return { check: null, excerpt: null, span: null, ignored: null, ...f };
}

async function strayLocaleFiles(project: Project, lang: string, known: string[]): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(join(project.paths.locales, lang));
  } catch {
    return [];
  }
  const knownSet = new Set(known.length ? known : await listArticles(project));
  return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).filter((id) => !knownSet.has(id) && /^[a-z0-9][a-z0-9_-]*$/.test(id)).sort();
}

export interface ArticleOutcome {
  findings: Draft[];
  segments: Array<Omit<SegmentOutcome, 'findings'> & { findings: number[] }>;
  /** How many of the article's segments are in each status (orphan keys are not segments). */
  byStatus: Record<SegmentStatus, number>;
  /** The QA result for the cache (when a cache was given and the article has approved segments). */
  qa?: QaCacheEntry;
}

/** The newest machine candidate for the current source: the second opinion QA compares with. */
function machineText(segment: Segment, state: SegmentState | undefined): string | undefined {
  const current = (state?.candidates ?? []).filter((c) => c.origin === 'machine' && c.sourceHash === segment.hash);
  return current.sort((a, b) => b.at.localeCompare(a.at))[0]?.text;
}

/**
 * An ignore recorded with `verso qa ignore` holds for the approval it was made on: once the
 * segment is approved again (a new text), the check speaks again.
 */
function ignoreFor(state: SegmentState | undefined, check: CheckId): ReportFinding['ignored'] {
  const approvedAt = state?.approved?.at ?? '';
  const hit = (state?.qaIgnored ?? []).filter((i) => i.check === check && i.at >= approvedAt).at(-1);
  return hit ? { reason: hit.reason, by: hit.by, at: hit.at } : null;
}

export async function checkArticleLanguage(project: Project, article: Article, lang: string, qa: QaOptions, cache?: QaCacheView): Promise<ArticleOutcome> {
  const stateFile = displayPath(project, project.paths.state(lang, article.id));
  // Both files are read at once; if both are damaged, the state's error is the one reported.
  const [storedResult, localeResult] = await Promise.allSettled([readState(project, article.id, lang), loadLocale(project, lang, article.id)]);
  if (storedResult.status === 'rejected') throw storedResult.reason;
  if (localeResult.status === 'rejected') throw localeResult.reason;
  const stored = storedResult.value;
  const locale = localeResult.value;
  const stateExists = stored !== null;
  const state: ReviewState = stored ?? { article: article.id, lang, segments: {} };
  const localeFile = locale?.file ?? displayPath(project, project.paths.locale(lang, article.id));
  if (!stateExists && locale && Object.keys(locale.resource).length > 0) {
    throw new UserError(`review state is missing: ${localeFile} has approved strings but ${stateFile} does not exist`, {
      file: stateFile,
      hint: `restore it from git (git checkout -- ${stateFile}); verso keeps who approved what there`,
    });
  }
  const originalFile = article.originalPath;
  const keys = locale ? indexLocaleKeys(locale.text) : { lines: new Map<string, number>(), duplicates: [] };
  const localeLine = (key: string) => keys.lines.get(key) ?? null;
  const onDisk = locale?.resource ?? {};
  const expected = new Map(targetLocaleEntries(article, state));

  const findings: Draft[] = [];
  const segments: ArticleOutcome['segments'] = [];
  const qaPairs: Array<ArticlePair & { status: SegmentStatus }> = [];
  const perKey = new Map<string, number[]>();
  const add = (key: string, f: Draft) => {
    const list = perKey.get(key);
    if (list) list.push(findings.length);
    else perKey.set(key, [findings.length]);
    findings.push(f);
  };

  for (const key of article.order) {
    const seg = article.segments[key];
    if (!seg || seg.obsolete) continue;
    const segState = state.segments[key];
    const status = segmentStatus(seg, segState);
    const inLocale = Object.prototype.hasOwnProperty.call(onDisk, key);
    const published = inLocale ? onDisk[key]! : null;
    const approvedText = expected.get(key) ?? null;
    const where = inLocale ? { file: localeFile, line: localeLine(key) } : { file: originalFile, line: seg.line };
    segments.push({ article: article.id, lang, key, status, ...where, findings: [] });

    const statusFinding = STATUS_FINDINGS[status];
    if (statusFinding) {
      add(key, draft({ kind: statusFinding.kind, severity: statusFinding.severity, article: article.id, lang, key, ...where, status, message: statusFinding.message }));
    }
    // The locale file must say exactly what was approved.
    if (approvedText !== null && published === null) {
      add(key, draft({ kind: 'hand-edited', severity: 'error', article: article.id, lang, key, file: localeFile, line: null, status, message: `the approved translation is missing from ${localeFile} (removed by hand?)`, excerpt: approvedText }));
    } else if (published !== null && published !== approvedText) {
      add(key, draft({
        kind: 'hand-edited', severity: 'error', article: article.id, lang, key, ...where, status,
        message: approvedText === null ? 'the locale file has a string nobody approved in verso (edited by hand?)' : 'the locale file differs from the approved translation (edited by hand?)',
        excerpt: published,
      }));
    }
    // QA applies to what is published and current: the locale file's string of an approved segment.
    if (status === 'approved') {
      const target = published ?? approvedText ?? '';
      const machine = machineText(seg, segState);
      qaPairs.push({ key, source: seg.text, target, status, ...(machine !== undefined ? { machine } : {}) });
    }
  }

  let cacheEntry: QaCacheEntry | undefined;
  if (qaPairs.length > 0) {
    const qaFindings = cache ? cachedArticleQa(cache, article.id, lang, qaPairs, qa) : { findings: runArticleQa(qaPairs, qa), entry: undefined };
    cacheEntry = qaFindings.entry;
    for (const pair of qaPairs) {
      const seg = article.segments[pair.key]!;
      for (const f of qaFindings.findings.get(pair.key) ?? []) add(pair.key, qaDraft(f, pair, seg, article, lang, localeLine(pair.key) === null ? null : localeFile, localeLine(pair.key), state.segments[pair.key]));
    }
  }

  // A key written twice: JSON.parse and i18next keep the last one, whatever the file seems to say.
  for (const dup of keys.duplicates) {
    const earlier = dup.shadowed.length === 1 ? `line ${dup.shadowed[0]}` : `lines ${dup.shadowed.join(', ')}`;
    const seen = segments.find((s) => s.key === dup.key)?.status;
    const status = seen === undefined || seen === 'orphan' || seen === 'source' ? null : seen;
    add(dup.key, draft({
      kind: 'hand-edited', severity: 'error', article: article.id, lang, key: dup.key, file: localeFile, line: dup.line, status,
      message: `the locale file has this key more than once (earlier on ${earlier}); only this last one is published`,
      excerpt: onDisk[dup.key] ?? null,
    }));
  }
  // Keys the locale file has and the source does not.
  for (const key of Object.keys(onDisk)) {
    const seg = article.segments[key];
    if (seg && !seg.obsolete) continue;
    const line = localeLine(key);
    segments.push({ article: article.id, lang, key, status: 'orphan', file: localeFile, line, findings: [] });
    add(key, draft({
      kind: 'orphan-key', severity: 'error', article: article.id, lang, key, file: localeFile, line, status: null,
      message: seg ? 'the source paragraph was removed (obsolete key) but the locale file still has it' : 'the source has no such key',
      excerpt: onDisk[key]!,
    }));
  }
  const byStatus: Record<SegmentStatus, number> = { untranslated: 0, machine: 0, draft: 0, approved: 0, stale: 0 };
  for (const s of segments) {
    s.findings = perKey.get(s.key) ?? [];
    if (s.status !== 'orphan' && s.status !== 'source') byStatus[s.status]++;
  }
  return cacheEntry ? { findings, segments, byStatus, qa: cacheEntry } : { findings, segments, byStatus };
}

/**
 * The source-language locale file (`locales/fr/<id>.json`), which i18next serves as the fallback
 * of every target language, must hold the article's text as imported. A string edited there by
 * hand is published French that no translation was made from, and the next `verso import`
 * overwrites it; the fix belongs in the original. Null when the file is as verso wrote it.
 */
async function checkSourceLocale(project: Project, article: Article): Promise<LanguageOutcome | null> {
  const lang = article.sourceLang;
  const expected = sourceLocaleEntries(article);
  // Almost always the file is byte for byte what verso writes: compared as text, not parsed.
  const path = project.paths.locale(lang, article.id);
  if ((await readIfExists(path, displayPath(project, path))) === serializeLocale(expected)) return null;
  const locale = await loadLocale(project, lang, article.id);
  const file = locale?.file ?? displayPath(project, path);
  const onDisk = locale?.resource ?? {};
  const keys = locale ? indexLocaleKeys(locale.text) : { lines: new Map<string, number>(), duplicates: [] };
  const fix = `make the change in ${article.originalPath} and run verso import on it, or restore the file from git`;
  const findings: Draft[] = [];
  const problem = (key: string, kind: FindingKind, message: string, excerpt: string | null, line = keys.lines.get(key) ?? null) =>
    findings.push(draft({ kind, severity: 'error', article: article.id, lang, key, file, line, status: null, message, excerpt }));
  if (!locale) {
    if (expected.length > 0) problem('', 'hand-edited', `the source locale file is missing (deleted by hand?); restore it from git (git checkout -- ${file})`, null, null);
  } else {
    for (const [key, text] of expected) {
      if (!Object.prototype.hasOwnProperty.call(onDisk, key)) problem(key, 'hand-edited', `the source locale file lacks this paragraph (removed by hand?); ${fix}`, text, null);
      else if (onDisk[key] !== text) problem(key, 'hand-edited', `the source locale file differs from the article's text (edited by hand?); ${fix}`, onDisk[key]!);
    }
    const known = new Set(expected.map(([key]) => key));
    for (const key of Object.keys(onDisk)) if (!known.has(key)) problem(key, 'orphan-key', 'the source locale file has a key the article does not', onDisk[key]!);
    for (const dup of keys.duplicates) {
      const earlier = dup.shadowed.length === 1 ? `line ${dup.shadowed[0]}` : `lines ${dup.shadowed.join(', ')}`;
      problem(dup.key, 'hand-edited', `the source locale file has this key more than once (earlier on ${earlier}); only this last one is published`, onDisk[dup.key] ?? null, dup.line);
    }
  }
  if (findings.length === 0) return null;
  const segments: ArticleOutcome['segments'] = [];
  const byKey = new Map<string, number[]>();
  findings.forEach((f, i) => byKey.set(f.key, [...(byKey.get(f.key) ?? []), i]));
  for (const [key, list] of byKey) segments.push({ article: article.id, lang, key, status: 'source', file, line: keys.lines.get(key) ?? null, findings: list });
  return { lang, findings, segments, byStatus: { untranslated: 0, machine: 0, draft: 0, approved: 0, stale: 0 } };
}

/** QA of an article-language from the cache when nothing it depends on changed, else run now. */
function cachedArticleQa(cache: QaCacheView, articleId: string, lang: string, pairs: ArticlePair[], qa: QaOptions): { findings: Map<string, QaFinding[]>; entry: QaCacheEntry } {
  const key = entryKey(cache.version, qa, pairs);
  const hit = cache.entries.get(entryId(lang, articleId));
  if (hit && hit.key === key) return { findings: new Map(Object.entries(hit.findings)), entry: hit };
  const findings = runArticleQa(pairs, qa);
  const stored: QaCacheEntry['findings'] = {};
  for (const [k, list] of findings) if (list.length > 0) stored[k] = list;
  return { findings, entry: { key, findings: stored } };
}

/** QA findings of an article's approved translations in one language, by severity (for `verso status --qa`). */
export interface QaCounts {
  error: number;
  warning: number;
  info: number;
  /** Accepted with `verso qa ignore` (not counted in the severities). */
  ignored: number;
}

export async function qaCountsFor(project: Project, article: Article, lang: string, qa: QaOptions): Promise<QaCounts> {
  const counts: QaCounts = { error: 0, warning: 0, info: 0, ignored: 0 };
  for (const f of (await checkArticleLanguage(project, article, lang, qa)).findings) {
    if (f.kind !== 'qa') continue;
    if (f.ignored) counts.ignored++;
    else counts[f.severity]++;
  }
  return counts;
}

function qaDraft(f: QaFinding, pair: ArticlePair, seg: Segment, article: Article, lang: string, localeFile: string | null, localeLine: number | null, segState: SegmentState | undefined): Draft {
  // A span in the source points into the original; anything else into the locale file.
  const inSource = f.span?.side === 'source';
  const file = inSource || localeFile === null ? article.originalPath : localeFile;
  const line = inSource || localeFile === null ? seg.line : localeLine;
  const text = f.span ? (f.span.side === 'source' ? pair.source : pair.target).slice(f.span.start, f.span.end) : null;
  return {
    kind: 'qa', severity: f.severity, article: article.id, lang, key: pair.key, file, line, status: 'approved',
    check: f.check, message: f.message, excerpt: text, span: f.span, ignored: ignoreFor(segState, f.check),
  };
}
