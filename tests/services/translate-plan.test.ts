import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Article, ReviewState, Segment } from '../../src/core/model.js';
import { articleOpening, billableCharacters, cacheKey, contextsFor, needsTranslation, parseShard, shardArticles } from '../../src/services/translate-plan.js';

const seg = (key: string, text: string, kind: Segment['kind'] = 'paragraph', extra: Partial<Segment> = {}): Segment => ({ key, kind, text, hash: `h-${text}`, line: 1, ...extra });
function article(segments: Segment[]): Article {
  return {
    id: 'a',
    sourceLang: 'fr',
    originUrl: null,
    originalPath: 'originals/a.txt',
    order: segments.map((s) => s.key),
    segments: Object.fromEntries(segments.map((s) => [s.key, s])),
    nextKeyNumber: segments.length + 1,
  };
}

describe('--shard', () => {
  it('parses i/n with 1 ≤ i ≤ n and explains anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toMatch(/between 1 and n/);
    expect(parseShard('5/4')).toMatch(/between 1 and n/);
    expect(parseShard('a/b')).toMatch(/i\/n/);
  });

  it('splits articles into disjoint shards that together cover all of them, balanced within one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (ids, count) => {
        const shards = Array.from({ length: count }, (_, i) => shardArticles(ids, { index: i + 1, count }));
        const all = shards.flat();
        expect(all.length).toBe(ids.length);
        expect(new Set(all)).toEqual(new Set(ids));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // Deterministic whatever order the ids were listed in.
        expect(shardArticles([...ids].reverse(), { index: 1, count })).toEqual(shards[0]);
      }),
    );
  });
});

describe('segment selection', () => {
  const s = seg('p1', 'Bonjour');
  const state = (segments: ReviewState['segments']): ReviewState => ({ article: 'a', lang: 'en', segments });
  const machine = (by: string, sourceHash: string) => ({ origin: 'machine' as const, by, text: 'Hello', sourceHash, at: '2026-01-01T00:00:00Z' });

  it('by default picks segments without a current candidate from this engine', () => {
    expect(needsTranslation(s, state({}), 'missing', 'deepl')).toBe(true);
    const withDeepl = state({ p1: { status: 'machine', candidates: [machine('deepl', s.hash)], draft: null, approved: null, history: [] } });
    expect(needsTranslation(s, withDeepl, 'missing', 'deepl')).toBe(false);
    expect(needsTranslation(s, withDeepl, 'missing', 'memory')).toBe(true);
    const outdated = state({ p1: { status: 'machine', candidates: [machine('deepl', 'old')], draft: null, approved: null, history: [] } });
    expect(needsTranslation(s, outdated, 'missing', 'deepl')).toBe(true);
    expect(needsTranslation(s, outdated, 'stale', 'deepl')).toBe(true);
    expect(needsTranslation(s, outdated, 'untranslated', 'deepl')).toBe(false);
    expect(needsTranslation(s, withDeepl, 'all', 'deepl')).toBe(true);
    expect(needsTranslation(s, state({}), 'untranslated', 'deepl')).toBe(true);
  });
});

describe('context', () => {
  const a = article([seg('p1', 'Le titre', 'heading'), seg('p2', 'Le chapeau.'), seg('p3', 'Suite.'), seg('p4', 'Retiré.', 'paragraph', { obsolete: true }), seg('p5', 'Fin.')]);

  it('article mode: every segment gets the headline and lead', () => {
    expect(articleOpening(a)).toBe('Le titre\nLe chapeau.');
    expect(new Set(contextsFor(a, 'article').values())).toEqual(new Set(['Le titre\nLe chapeau.']));
    expect(contextsFor(a, 'article').has('p4')).toBe(false);
  });

  it('neighbours mode: each paragraph gets the active paragraphs around it', () => {
    const c = contextsFor(a, 'neighbours');
    expect(c.get('p1')).toBe('Le chapeau.');
    expect(c.get('p3')).toBe('Le chapeau.\nFin.');
    expect(c.get('p5')).toBe('Suite.');
  });

  it('is bounded in size', () => {
    const long = article([seg('p1', 'Titre', 'heading'), seg('p2', 'mot '.repeat(2000))]);
    expect(articleOpening(long)!.length).toBeLessThanOrEqual(1000);
    expect(contextsFor(long, 'neighbours').get('p1')!.length).toBeLessThanOrEqual(1000);
  });
});

describe('cache key', () => {
  it('changes with every input that changes the output', () => {
    const base = { engine: 'deepl', fingerprint: 'm=1', sourceLang: 'fr', targetLang: 'en', text: 'Bonjour', context: 'ctx' };
    const key = cacheKey(base);
    expect(cacheKey({ ...base })).toBe(key);
    for (const change of [{ engine: 'x' }, { fingerprint: 'm=2' }, { sourceLang: 'de' }, { targetLang: 'vi' }, { text: 'Bonsoir' }, { context: undefined }, { context: 'other' }]) {
      expect(cacheKey({ ...base, ...change })).not.toBe(key);
    }
  });

  it('counts billable characters in code points, blank texts as zero', () => {
    expect(billableCharacters('Đà Nẵng 😀')).toBe(9);
    expect(billableCharacters('  ')).toBe(0);
  });
});
