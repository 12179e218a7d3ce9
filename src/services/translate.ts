/**
 * `verso translate`: batch machine translation into the review state.
 *
 * For each target language: pick the segments that need a candidate (`--only`), in the articles
 * this shard owns; answer what the cache already knows; send the rest to the engine with their
 * context; store every result as a machine candidate (never approved) as soon as it arrives.
 *
 * Saving as results arrive is what makes the batch resumable: each engine response is appended
 * to the cache and committed to the review state through one store transaction (responses that
 * arrive while a commit runs are coalesced into the next one), so a crash or a kill loses at most
 * the requests in flight, and running the same command again continues where it stopped — the
 * default `--only missing` skips what already has a candidate, and the cache answers anything
 * that was paid for but not yet recorded.
 *
 * Engine failures (bad key, quota, rate limit, server, network) and Ctrl-C stop the batch
 * cleanly: everything done is kept, and the report says what stopped it and how many segments
 * remain.
 */
import type { Candidate, Lang } from '../core/model.js';
import type { Project } from '../storage/project.js';
import { loadArticle, loadState, recoverIfNeeded, transaction } from '../storage/store.js';
import { MtCache, type MtCacheEntry } from '../storage/mt-cache.js';
import type { TranslationEngine, TranslationRequest, TranslationResult, Usage } from '../engines/types.js';
import { EngineError, type EngineErrorKind } from '../engines/errors.js';
import { putCandidates } from './review.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';
import {
  activeSegments,
  billableCharacters,
  cacheKey,
  contextsFor,
  needsTranslation,
  shardArticles,
  type ContextMode,
  type OnlyFilter,
  type Shard,
} from './translate-plan.js';

export interface TranslateOptions {
  engine: TranslationEngine;
  /** Article ids; default every article. */
  articles?: string[];
  /** Target languages; default every configured one. */
  langs?: string[];
  only?: OnlyFilter;
  context?: ContextMode;
  shard?: Shard;
  /** Requests in flight at once (remote engines). */
  concurrency?: number;
  /** Count what would be sent and billed; send and write nothing. */
  dryRun?: boolean;
  /** Interrupt (Ctrl-C): stop sending, keep what is done. */
  signal?: AbortSignal;
  /** After an interrupt, how long in-flight requests may take before they are abandoned. */
  graceMs?: number;
  onProgress?: (progress: TranslateProgress) => void;
  now?: () => Date;
}

export interface TranslateProgress {
  lang: Lang;
  /** Segments answered so far (engine and cache), over every language. */
  done: number;
  total: number;
  /** Source characters of the answered segments. */
  characters: number;
  billedCharacters: number;
  fromCache: number;
}

export interface LangReport {
  lang: Lang;
  /** Segments that needed a candidate. */
  selected: number;
  /** Answered from the cache, without a request. */
  fromCache: number;
  /** Answered by the engine. */
  translated: number;
  billedCharacters: number;
  /** The engine gave nothing (no memory match, or a text too large to send). */
  notTranslated: number;
  /** Still to do when the run stopped early. */
  remaining: number;
  /** Dry run: segments and characters that would be sent. */
  wouldSend?: { segments: number; characters: number };
}

export interface TranslateReport {
  engine: string;
  dryRun: boolean;
  articles: number;
  shard: Shard | null;
  langs: LangReport[];
  totals: { selected: number; fromCache: number; translated: number; billedCharacters: number; notTranslated: number; remaining: number };
  /** Dry run: the account's usage, when the engine can tell. */
  usage?: Usage | null;
  usageError?: string;
  /** Why the run stopped before the end, or null when it finished. */
  stopped: { kind: EngineErrorKind | 'write'; message: string; hint?: string } | null;
}

interface WorkItem {
  id: string;
  article: string;
  key: string;
  text: string;
  hash: string;
  context: string | undefined;
  sourceLang: Lang;
  cacheKey: string;
  /** This engine's current candidate, if any: an identical answer is not written again. */
  existing: string | undefined;
}

interface PendingWrite {
  article: string;
  lang: Lang;
  key: string;
  candidate: Candidate;
  cache?: MtCacheEntry;
}

/**
 * Saves results as they arrive. Each answer goes to the MT cache at once (an append, chained so
 * appends stay in order), because that is what makes a killed run cheap to resume: whatever was
 * paid for is never requested again. The review state is then committed in small batches, one
 * transaction per batch, since a transaction costs far more than an append.
 */
class ResultWriter {
  private queue: PendingWrite[] = [];
  private running: Promise<void> | null = null;
  failure: unknown = null;
  closed = false;
  written = 0;

  constructor(
    private readonly project: Project,
    private readonly caches: Map<Lang, MtCache>,
    private readonly onFailure: () => void,
  ) {}

  private cacheChain: Promise<void> = Promise.resolve();

  enqueue(items: PendingWrite[]): void {
    if (this.closed || items.length === 0) return;
    this.cacheNow(items);
    this.queue.push(...items);
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length > 0 && this.failure === null) {
      const batch = this.queue.splice(0);
      try {
        await this.commit(batch);
        this.written += batch.length;
      } catch (error) {
        this.failure = error;
        this.onFailure();
      }
    }
  }

  private async commit(batch: PendingWrite[]): Promise<void> {
    const groups = new Map<string, PendingWrite[]>();
    for (const item of batch) {
      const k = `${item.lang}\u0000${item.article}`;
      const list = groups.get(k);
      if (list) list.push(item);
      else groups.set(k, [item]);
    }
    await transaction(this.project, async (tx) => {
      for (const items of groups.values()) {
        await putCandidates(tx, { article: items[0]!.article, lang: items[0]!.lang }, items.map((i) => ({ key: i.key, candidate: i.candidate })));
      }
    });
  }

  private cacheNow(items: readonly PendingWrite[]): void {
    const groups = new Map<string, PendingWrite[]>();
    for (const item of items) {
      if (!item.cache) continue;
      const k = `${item.lang}\u0000${item.article}`;
      const list = groups.get(k);
      if (list) list.push(item);
      else groups.set(k, [item]);
    }
    for (const group of groups.values()) {
      const { lang, article } = group[0]!;
      const entries = group.map((i) => i.cache!);
      this.cacheChain = this.cacheChain
        .then(() => this.caches.get(lang)!.append(article, entries))
        .catch((error: unknown) => {
          if (this.failure === null) {
            this.failure = error;
            this.onFailure();
          }
        });
    }
  }

  /** Waits until everything queued is cached and committed (or the first failure). */
  async drain(): Promise<void> {
    await this.cacheChain;
    while (this.running) await this.running;
    await this.cacheChain;
  }
}

export async function translateProject(project: Project, options: TranslateOptions): Promise<TranslateReport> {
  const { engine } = options;
  const only = options.only ?? 'missing';
  const contextMode = options.context ?? project.config.deepl.context;
  const now = options.now ?? (() => new Date());
  if (!options.dryRun) await recoverIfNeeded(project);

  const allIds = await resolveArticles(project, options.articles);
  const ids = shardArticles(allIds, options.shard);
  const langs = resolveTargetLangs(project, options.langs);

  // Plan: the work items of every language, before anything is sent.
  const plans = new Map<Lang, WorkItem[]>();
  for (const lang of langs) plans.set(lang, []);
  // Records are read a few at a time (reads overlap; order of the plan stays the sorted ids).
  const loaded = await mapLimit(ids, 8, async (id) => ({
    article: await loadArticle(project, id),
    states: await Promise.all(langs.map((lang) => loadState(project, id, lang))),
  }));
  for (const [index, id] of ids.entries()) {
    const { article, states } = loaded[index]!;
    const contexts = contextsFor(article, contextMode);
    for (const [langIndex, lang] of langs.entries()) {
      const state = states[langIndex]!;
      const fingerprint = engine.fingerprintFor?.(article.sourceLang, lang) ?? engine.fingerprint;
      for (const segment of activeSegments(article)) {
        if (!needsTranslation(segment, state, only, engine.id)) continue;
        const context = contexts.get(segment.key);
        const existing = state.segments[segment.key]?.candidates.find((c) => c.origin === 'machine' && c.by === engine.id && c.sourceHash === segment.hash);
        plans.get(lang)!.push({
          id: `${id}\u0000${segment.key}`,
          article: id,
          key: segment.key,
          text: segment.text,
          hash: segment.hash,
          context,
          sourceLang: article.sourceLang,
          cacheKey: cacheKey({ engine: engine.id, fingerprint, sourceLang: article.sourceLang, targetLang: lang, text: segment.text, context }),
          existing: existing?.text,
        });
      }
    }
  }

  const caches = new Map<Lang, MtCache>();
  for (const lang of langs) caches.set(lang, await MtCache.open(project, lang));

  const reports: LangReport[] = langs.map((lang) => ({
    lang,
    selected: plans.get(lang)!.length,
    fromCache: 0,
    translated: 0,
    billedCharacters: 0,
    notTranslated: 0,
    remaining: plans.get(lang)!.length,
  }));
  const report: TranslateReport = {
    engine: engine.id,
    dryRun: options.dryRun ?? false,
    articles: ids.length,
    shard: options.shard ?? null,
    langs: reports,
    totals: { selected: 0, fromCache: 0, translated: 0, billedCharacters: 0, notTranslated: 0, remaining: 0 },
    stopped: null,
  };

  if (options.dryRun) {
    for (const r of reports) {
      const toSend = plans.get(r.lang)!.filter((item) => !caches.get(r.lang)!.get(item.cacheKey));
      r.fromCache = r.selected - toSend.length;
      r.wouldSend = {
        segments: toSend.filter((i) => billableCharacters(i.text) > 0).length,
        characters: engine.id === 'memory' ? 0 : toSend.reduce((n, i) => n + billableCharacters(i.text), 0),
      };
    }
    if (engine.usage) {
      try {
        report.usage = await engine.usage();
      } catch (error) {
        report.usageError = error instanceof EngineError ? error.message : String(error);
      }
    }
    return finish(report);
  }

  const total = reports.reduce((n, r) => n + r.selected, 0);
  const progress: TranslateProgress = { lang: langs[0] ?? '', done: 0, total, characters: 0, billedCharacters: 0, fromCache: 0 };
  const internal = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, internal.signal]) : internal.signal;
  const writer = new ResultWriter(project, caches, () => internal.abort());

  for (const r of reports) {
    if (signal.aborted) break;
    const lang = r.lang;
    progress.lang = lang;
    const items = plans.get(lang)!;
    const byId = new Map(items.map((i) => [i.id, i]));
    const cache = caches.get(lang)!;
    const candidate = (item: WorkItem, text: string, extra: Partial<Candidate> = {}): Candidate => ({
      origin: 'machine',
      by: engine.id,
      text,
      sourceHash: item.hash,
      at: now().toISOString(),
      ...extra,
    });

    // Cache hits: no request, nothing billed.
    const hits: PendingWrite[] = [];
    const misses: WorkItem[] = [];
    for (const item of items) {
      const hit = cache.get(item.cacheKey);
      if (!hit) {
        misses.push(item);
        continue;
      }
      r.fromCache++;
      progress.fromCache++;
      progress.characters += billableCharacters(item.text);
      if (hit.text !== item.existing) hits.push({ article: item.article, lang, key: item.key, candidate: candidate(item, hit.text) });
    }
    r.remaining -= r.fromCache;
    progress.done += r.fromCache;
    writer.enqueue(hits);
    options.onProgress?.({ ...progress });

    // One engine batch per source language (normally just the project's).
    const bySource = new Map<Lang, WorkItem[]>();
    for (const item of misses) {
      const list = bySource.get(item.sourceLang);
      if (list) list.push(item);
      else bySource.set(item.sourceLang, [item]);
    }
    for (const [sourceLang, batch] of bySource) {
      if (signal.aborted) break;
      const onResults = (results: TranslationResult[]) => {
        if (writer.closed) return;
        const writes: PendingWrite[] = [];
        for (const result of results) {
          const item = byId.get(result.id);
          if (!item) continue;
          const cacheEntry: MtCacheEntry | undefined =
            result.billedCharacters > 0 ? { key: item.cacheKey, text: result.text, billed: result.billedCharacters, engine: engine.id, at: now().toISOString() } : undefined;
          r.translated++;
          r.remaining--;
          r.billedCharacters += result.billedCharacters;
          progress.done++;
          progress.characters += billableCharacters(item.text);
          progress.billedCharacters += result.billedCharacters;
          if (result.text === item.existing && !cacheEntry) continue;
          writes.push({
            article: item.article,
            lang,
            key: item.key,
            candidate: candidate(item, result.text, {
              ...(result.match !== undefined ? { match: result.match } : {}),
              ...(result.note !== undefined ? { note: result.note } : {}),
            }),
            ...(cacheEntry ? { cache: cacheEntry } : {}),
          });
        }
        writer.enqueue(writes);
        options.onProgress?.({ ...progress });
      };
      const requests: TranslationRequest[] = batch.map((i) => ({ id: i.id, text: i.text, ...(i.context !== undefined ? { context: i.context } : {}) }));
      const before = r.translated;
      try {
        await abandonAfterGrace(
          engine.translate(requests, { sourceLang, targetLang: lang, signal, onResults, ...(options.concurrency ? { concurrency: options.concurrency } : {}) }),
          signal,
          options.graceMs ?? 5_000,
        );
        // Whatever the engine did not answer, it could not translate (no match, too large).
        const unanswered = batch.length - (r.translated - before);
        r.notTranslated += unanswered;
        r.remaining -= unanswered;
        progress.done += unanswered;
        options.onProgress?.({ ...progress });
      } catch (error) {
        if (error instanceof AbandonedError) {
          writer.closed = true;
          report.stopped = { kind: 'cancelled', message: 'Interrupted: requests still in flight were abandoned.' };
        } else if (error instanceof EngineError) {
          report.stopped = { kind: error.kind, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
        } else if (writer.failure === null) {
          throw error;
        }
        break;
      }
    }
    if (report.stopped) break;
  }

  await writer.drain();
  if (writer.failure !== null) {
    // A write failed (disk full, lock held too long…): what was committed before it stays.
    const e = writer.failure;
    report.stopped = { kind: 'write', message: `Could not save results: ${e instanceof Error ? e.message : String(e)}`, hint: 'fix the problem and run the same command again: finished work is kept' };
  } else if (options.signal?.aborted && report.stopped === null && reports.some((r) => r.remaining > 0)) {
    report.stopped = { kind: 'cancelled', message: 'Interrupted.' };
  }
  return finish(report);
}

function finish(report: TranslateReport): TranslateReport {
  for (const r of report.langs) {
    report.totals.selected += r.selected;
    report.totals.fromCache += r.fromCache;
    report.totals.translated += r.translated;
    report.totals.billedCharacters += r.billedCharacters;
    report.totals.notTranslated += r.notTranslated;
    report.totals.remaining += report.dryRun ? 0 : r.remaining;
  }
  return report;
}

/** `Promise.all(items.map(fn))` with at most `limit` calls running at once. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

class AbandonedError extends Error {}

/**
 * Resolves with `work`, unless `signal` fires and `work` has not settled `graceMs` later: then
 * rejects with `AbandonedError`, leaving the in-flight requests to finish (or not) unobserved.
 */
async function abandonAfterGrace<T>(work: Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<never>((_, reject) => {
    onAbort = () => {
      timer = setTimeout(() => reject(new AbandonedError()), graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  abandoned.catch(() => undefined);
  try {
    return await Promise.race([work, abandoned]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
