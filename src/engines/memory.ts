/**
 * The `memory` engine: a translation memory built from approved translations (across all
 * articles). It offers the approved translation of the most similar source text it knows, with a
 * match percentage; below the threshold (75 % by default) it offers nothing. It works offline and
 * costs nothing, which makes it the engine of a checkout without a DeepL key.
 *
 * Similarity is word-level: 100 × (1 − edit distance / length of the longer text), counted in
 * tokens (words and punctuation marks), case-insensitive. Only an identical source scores 100;
 * any difference, even of case or spacing, caps the score at 99 so a reviewer sees it is not
 * the same sentence.
 *
 * Finding candidates without comparing against every entry: if two texts have a match score of
 * at least t %, they share at least t % of the longer one's tokens, so an entry that matches must
 * contain at least one of the query's rarest tokens (prefix filtering). Entries found through
 * those tokens are bounded cheaply (length difference, shared tokens) and only the survivors get
 * the exact edit distance.
 */
import type { Lang } from '../core/model.js';
import type { TranslateBatchOptions, TranslationEngine, TranslationRequest, TranslationResult } from './types.js';
import { EngineError } from './errors.js';

export interface MemoryEntry {
  source: string;
  target: string;
}

export interface MemoryEngineOptions {
  /** Approved translations for a language pair (the caller reads them from the project). */
  load: (sourceLang: Lang, targetLang: Lang) => Promise<MemoryEntry[]> | MemoryEntry[];
  /** Lowest match percentage offered. Default 75. */
  threshold?: number;
}

export const DEFAULT_MEMORY_THRESHOLD = 75;
/** Lookups per delivery to `onResults`. */
const MEMORY_SLICE = 200;

export interface MemoryMatch {
  entry: MemoryEntry;
  score: number;
}

/** Words (letters and digits, with inner apostrophes/hyphens) and single punctuation marks. */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** Token edit distance, aborting early (returning `limit + 1`) once it must exceed `limit`. */
export function tokenDistance(a: readonly string[], b: readonly string[], limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Match percentage of two texts, as defined above. */
export function matchScore(query: string, source: string): number {
  if (query === source) return 100;
  const a = tokenize(query);
  const b = tokenize(source);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return query.trim() === source.trim() ? 99 : 0;
  return Math.min(99, Math.floor(100 * (1 - tokenDistance(a, b) / longest)));
}

/** Size of the multiset intersection of the query's tokens (as counts) and `tokens`. */
function sharedTokens(queryCounts: ReadonlyMap<string, number>, tokens: readonly string[]): number {
  const used = new Map<string, number>();
  let shared = 0;
  for (const token of tokens) {
    const available = queryCounts.get(token);
    if (available === undefined) continue;
    const u = used.get(token) ?? 0;
    if (u < available) {
      used.set(token, u + 1);
      shared++;
    }
  }
  return shared;
}

/** An index over one language pair's entries. */
export class TranslationMemory {
  private readonly exact = new Map<string, MemoryEntry>();
  private readonly tokens: string[][] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly entries: readonly MemoryEntry[]) {
    entries.forEach((entry, id) => {
      if (!this.exact.has(entry.source)) this.exact.set(entry.source, entry);
      const tokens = tokenize(entry.source);
      this.tokens.push(tokens);
      for (const token of new Set(tokens)) {
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push(id);
      }
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** The best match at or above `threshold`, or null. Ties go to the entry listed first. */
  lookup(query: string, threshold: number): MemoryMatch | null {
    const exact = this.exact.get(query);
    if (exact) return { entry: exact, score: 100 };
    const queryTokens = tokenize(query);
    if (queryTokens.length === 0) return null;
    // A match shares at least `mustShare` of the query's token occurrences, so it shares one of
    // any (length − mustShare + 1) occurrences: take the rarest ones, whose postings are short.
    const mustShare = Math.max(1, Math.ceil((threshold / 100) * queryTokens.length));
    const postingsOf = (token: string) => this.postings.get(token) ?? [];
    const rarest = new Set(
      [...queryTokens].sort((x, y) => postingsOf(x).length - postingsOf(y).length).slice(0, Math.max(1, queryTokens.length - mustShare + 1)),
    );
    const candidates = new Set<number>();
    for (const token of rarest) for (const id of postingsOf(token)) candidates.add(id);

    const queryCounts = new Map<string, number>();
    for (const token of queryTokens) queryCounts.set(token, (queryCounts.get(token) ?? 0) + 1);

    let best: MemoryMatch | null = null;
    for (const id of [...candidates].sort((x, y) => x - y)) {
      const tokens = this.tokens[id]!;
      const longest = Math.max(tokens.length, queryTokens.length);
      // Largest distance that still reaches the threshold (or beats the best so far).
      const floor = Math.max(threshold, best ? best.score + 1 : threshold);
      const limit = Math.floor(longest * (1 - floor / 100) + 1e-9);
      if (Math.abs(tokens.length - queryTokens.length) > limit) continue;
      // Cheap bound before the edit distance: every token not shared costs at least one edit.
      if (longest - sharedTokens(queryCounts, tokens) > limit) continue;
      const distance = tokenDistance(queryTokens, tokens, limit);
      if (distance > limit) continue;
      const score = Math.min(99, Math.floor(100 * (1 - distance / longest)));
      if (score >= floor) best = { entry: this.entries[id]!, score };
    }
    return best;
  }
}

export class MemoryEngine implements TranslationEngine {
  readonly id = 'memory';
  readonly fingerprint: string;
  private readonly threshold: number;
  private readonly memories = new Map<string, Promise<TranslationMemory>>();

  constructor(private readonly options: MemoryEngineOptions) {
    this.threshold = options.threshold ?? DEFAULT_MEMORY_THRESHOLD;
    this.fingerprint = `memory;threshold=${this.threshold}`;
  }

  async translate(requests: TranslationRequest[], options: TranslateBatchOptions): Promise<TranslationResult[]> {
    const memory = await this.memoryFor(options.sourceLang, options.targetLang);
    const results: TranslationResult[] = [];
    // Delivered in slices, yielding in between, so a caller can save and show progress.
    for (let start = 0; start < requests.length; start += MEMORY_SLICE) {
      if (options.signal?.aborted) throw new EngineError('cancelled', 'Translation was interrupted.');
      const slice: TranslationResult[] = [];
      for (const request of requests.slice(start, start + MEMORY_SLICE)) {
        const match = memory.lookup(request.text, this.threshold);
        if (!match) continue;
        slice.push({
          id: request.id,
          text: match.entry.target,
          billedCharacters: 0,
          match: match.score,
          ...(match.score < 100 ? { note: `${match.score} % match for: ${match.entry.source}` } : {}),
        });
      }
      results.push(...slice);
      if (slice.length > 0) await options.onResults?.(slice);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  }

  private memoryFor(sourceLang: Lang, targetLang: Lang): Promise<TranslationMemory> {
    const key = `${sourceLang}>${targetLang}`;
    let memory = this.memories.get(key);
    if (!memory) {
      memory = Promise.resolve(this.options.load(sourceLang, targetLang)).then((entries) => new TranslationMemory(entries));
      this.memories.set(key, memory);
    }
    return memory;
  }
}
