/**
 * Pure planning for `verso translate`: which articles a shard owns, which segments need a
 * machine candidate, what context each one travels with, and the cache key of a translation.
 * No I/O here, so every rule can be tested with plain data.
 */
import { createHash } from 'node:crypto';
import type { Article, ReviewState, Segment } from '../core/model.js';
import { segmentStatus } from '../core/status/status.js';

/** `--only`: which segments to translate. */
export type OnlyFilter = 'missing' | 'untranslated' | 'stale' | 'all';
/** `--context`: what steers each segment's translation. */
export type ContextMode = 'article' | 'neighbours';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n); returns an error message instead when it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard takes i/n, e.g. 1/4 (got "${text}")`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: i must be between 1 and n (shards are numbered from 1)`;
  return { index, count };
}

/**
 * The articles shard `i/n` owns: every n-th article of the sorted id list, starting at the i-th.
 * Every runner sees the same checkout, hence the same sorted list: the shards are disjoint, cover
 * every article, and differ in size by at most one article.
 */
export function shardArticles(ids: readonly string[], shard: Shard | undefined): string[] {
  const sorted = [...ids].sort();
  if (!shard || shard.count === 1) return sorted;
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}

/** Does this segment need translating under `only`, for an engine with this id? */
export function needsTranslation(segment: Segment, state: ReviewState, only: OnlyFilter, engineId: string): boolean {
  const segmentState = state.segments[segment.key];
  switch (only) {
    case 'all':
      return true;
    case 'untranslated':
      return segmentStatus(segment, segmentState) === 'untranslated';
    case 'stale':
      return segmentStatus(segment, segmentState) === 'stale';
    case 'missing':
      // No candidate from this engine for the current source text. A memory match does not
      // stop DeepL from adding its own candidate later, and vice versa.
      return !(segmentState?.candidates ?? []).some((c) => c.origin === 'machine' && c.by === engineId && c.sourceHash === segment.hash);
  }
}

/** Active segments in document order. */
export function activeSegments(article: Article): Segment[] {
  return article.order.map((key) => article.segments[key]).filter((s): s is Segment => s !== undefined && !s.obsolete);
}

/** Upper bound of a context, in characters: it steers and is not billed, but counts toward DeepL's 128 KiB. */
export const MAX_CONTEXT_CHARS = 1_000;

function bounded(parts: string[], max: number): string | undefined {
  const text = parts.filter((p) => p.trim() !== '').join('\n');
  if (text === '') return undefined;
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * The article's opening: its headline and lead (the first heading, else the first segment, and
 * the first paragraph after it), bounded. Every segment of the article shares it, so they can
 * travel together in as few requests as possible.
 */
export function articleOpening(article: Article, max = MAX_CONTEXT_CHARS): string | undefined {
  const segments = activeSegments(article);
  const headline = segments.find((s) => s.kind === 'heading') ?? segments[0];
  if (!headline) return undefined;
  const lead = segments.slice(segments.indexOf(headline) + 1).find((s) => s.kind === 'paragraph');
  return bounded([headline.text, lead?.text ?? ''], max);
}

/** The context of each active segment, by key. */
export function contextsFor(article: Article, mode: ContextMode, max = MAX_CONTEXT_CHARS): Map<string, string | undefined> {
  const segments = activeSegments(article);
  const out = new Map<string, string | undefined>();
  if (mode === 'article') {
    const opening = articleOpening(article, max);
    for (const s of segments) out.set(s.key, opening);
    return out;
  }
  segments.forEach((s, i) => {
    const before = segments[i - 1]?.text ?? '';
    const after = segments[i + 1]?.text ?? '';
    // Half the budget each side, so a long paragraph before does not crowd out the one after.
    const half = Math.floor(max / 2);
    const prev = before.length > half ? before.slice(before.length - half) : before;
    out.set(s.key, bounded([prev, after.slice(0, half)], max));
  });
  return out;
}

/**
 * The cache key of a translation: everything that changes the output. The engine fingerprint
 * carries the model, formality, target variant and glossary content hash.
 */
export function cacheKey(parts: { engine: string; fingerprint: string; sourceLang: string; targetLang: string; text: string; context: string | undefined }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.engine, parts.fingerprint, parts.sourceLang, parts.targetLang, parts.text, parts.context ?? null]))
    .digest('hex')
    .slice(0, 32);
}

/** Characters DeepL bills for a text: Unicode code points. */
export function billableCharacters(text: string): number {
  if (text.trim() === '') return 0;
  let n = 0;
  for (const _ of text) n++;
  return n;
}
