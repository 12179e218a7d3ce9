import { describe, expect, it } from 'vitest';
import { MemoryEngine, TranslationMemory, matchScore, tokenDistance, tokenize, type MemoryEntry } from '../../src/engines/memory.js';

const entries: MemoryEntry[] = [
  { source: 'Le président a visité Hanoï hier.', target: 'The president visited Hanoi yesterday.' },
  { source: 'La pluie tombe sur Đà Nẵng depuis trois jours.', target: 'Rain has been falling on Da Nang for three days.' },
  { source: 'Les prix du riz augmentent encore cette semaine.', target: 'Rice prices are rising again this week.' },
];

describe('match score', () => {
  it('is 100 only for an identical source, capped at 99 otherwise', () => {
    expect(matchScore('Le président a visité Hanoï hier.', entries[0]!.source)).toBe(100);
    expect(matchScore('le président a visité Hanoï hier.', entries[0]!.source)).toBe(99);
    // One word out of 7 tokens differs: 1 − 1/7 → 85 %.
    expect(matchScore('Le président a visité Huế hier.', entries[0]!.source)).toBe(85);
    expect(matchScore('Rien à voir.', entries[0]!.source)).toBeLessThan(30);
  });

  it('tokenizes words (with Vietnamese diacritics and apostrophes) and punctuation', () => {
    expect(tokenize("L'État « Đà Nẵng »")).toEqual(["l'état", '«', 'đà', 'nẵng', '»']);
    expect(tokenDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(tokenDistance(['a'], ['a', 'b', 'c', 'd'], 1)).toBe(2); // gave up past the limit
  });
});

describe('translation memory lookup', () => {
  const memory = new TranslationMemory(entries);

  it('finds the exact and the best fuzzy match, and nothing below the threshold', () => {
    expect(memory.lookup(entries[1]!.source, 75)).toEqual({ entry: entries[1], score: 100 });
    const fuzzy = memory.lookup('Les prix du riz augmentent encore ce mois-ci.', 75);
    expect(fuzzy?.entry).toBe(entries[2]);
    expect(fuzzy!.score).toBeGreaterThanOrEqual(75);
    expect(fuzzy!.score).toBeLessThan(100);
    expect(memory.lookup('Les prix du pétrole baissent fortement aujourd’hui.', 75)).toBeNull();
    expect(memory.lookup('', 75)).toBeNull();
  });

  it('agrees with a brute-force scan of every entry (the prefix filter loses nothing)', () => {
    const words = ['le', 'la', 'prix', 'riz', 'pluie', 'Hanoï', 'hier', 'encore', 'semaine', 'trois', 'jours', '.'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sentence = () => Array.from({ length: 3 + Math.floor(rand() * 6) }, () => words[Math.floor(rand() * words.length)]).join(' ');
    const corpus = Array.from({ length: 300 }, (_, i) => ({ source: sentence(), target: `t${i}` }));
    const tm = new TranslationMemory(corpus);
    for (let q = 0; q < 300; q++) {
      const query = sentence();
      for (const threshold of [50, 75, 90]) {
        const best = Math.max(0, ...corpus.map((e) => matchScore(query, e.source)));
        const found = tm.lookup(query, threshold);
        if (best >= threshold) expect(found?.score).toBe(best);
        else expect(found).toBeNull();
      }
    }
  });
});

describe('memory engine', () => {
  it('offers matches at or above the threshold with their percentage, bills nothing, omits the rest', async () => {
    const engine = new MemoryEngine({ load: (s, t) => (s === 'fr' && t === 'en' ? entries : []) });
    const results = await engine.translate(
      [
        { id: 'a/p1', text: entries[0]!.source },
        { id: 'a/p2', text: 'Le président a visité Huế hier.' },
        { id: 'a/p3', text: 'Une phrase sans rapport avec la mémoire.' },
      ],
      { sourceLang: 'fr', targetLang: 'en' },
    );
    expect(results).toEqual([
      { id: 'a/p1', text: entries[0]!.target, billedCharacters: 0, match: 100 },
      { id: 'a/p2', text: entries[0]!.target, billedCharacters: 0, match: 85, note: `85 % match for: ${entries[0]!.source}` },
    ]);
    expect(await engine.translate([{ id: 'x', text: entries[0]!.source }], { sourceLang: 'fr', targetLang: 'vi' })).toEqual([]);
  });

  it('honours a custom threshold', async () => {
    const strict = new MemoryEngine({ load: () => entries, threshold: 90 });
    expect(await strict.translate([{ id: 'a', text: 'Le président a visité Huế hier.' }], { sourceLang: 'fr', targetLang: 'en' })).toEqual([]);
    expect(strict.fingerprint).not.toBe(new MemoryEngine({ load: () => entries }).fingerprint);
  });
});

describe('memory engine: interrupt', () => {
  it('stops between slices when aborted, saying it was cancelled, after delivering what it matched', async () => {
    const engine = new MemoryEngine({ load: () => entries });
    const controller = new AbortController();
    const delivered: string[] = [];
    const requests = Array.from({ length: 1000 }, (_, i) => ({ id: `x/${i}`, text: entries[i % 3]!.source }));
    const error = await engine
      .translate(requests, {
        sourceLang: 'fr',
        targetLang: 'en',
        signal: controller.signal,
        onResults: (r) => {
          delivered.push(...r.map((x) => x.id));
          controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect((error as { kind?: string }).kind).toBe('cancelled');
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.length).toBeLessThan(1000);
  });
});
