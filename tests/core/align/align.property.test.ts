import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignUnits, distributeSentences, isValidLadder, matchParagraphs, type Bead } from '../../../src/core/align/index.js';

/** Sentences made of a small vocabulary, with names and numbers: enough for anchors to matter. */
const word = fc.constantFrom('the', 'house', 'river', 'Paris', 'Lloyd', 'Austin', 'maison', 'fleuve', 'guerre', '2023', '150', '«', '»', 'said', '?', 'Ukraine');
const sentence = fc.array(word, { minLength: 0, maxLength: 12 }).map((ws) => ws.join(' '));
const side = fc.array(sentence, { minLength: 0, maxLength: 40 });

function covered(beads: Bead[]): { source: number[]; target: number[] } {
  return { source: beads.flatMap((b) => b.source), target: beads.flatMap((b) => b.target) };
}

describe('alignUnits: every ladder is monotone and covers each unit exactly once', () => {
  it('for random inputs, including empty sides', () => {
    fc.assert(
      fc.property(side, side, (source, target) => {
        const beads = alignUnits(source, target);
        expect(isValidLadder(beads, source.length, target.length)).toBe(true);
        const c = covered(beads);
        expect(c.source).toEqual(source.map((_, i) => i));
        expect(c.target).toEqual(target.map((_, j) => j));
      }),
      { numRuns: 150 },
    );
  });

  it('for very unequal lengths', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 0, maxLength: 3 }), fc.array(sentence, { minLength: 30, maxLength: 120 }), fc.boolean(), (few, many, flip) => {
        const [source, target] = flip ? [many, few] : [few, many];
        expect(isValidLadder(alignUnits(source, target), source.length, target.length)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('when the banded coarse-to-fine search is forced on small inputs', () => {
    fc.assert(
      fc.property(side, side, fc.integer({ min: 2, max: 12 }), (source, target, blocks) => {
        const beads = alignUnits(source, target, { fullGridLimit: 4, coarseBlocks: blocks });
        expect(isValidLadder(beads, source.length, target.length)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('with a machine translation of the source', () => {
    fc.assert(
      fc.property(side, side, (source, target) => {
        const beads = alignUnits(source, target, { sourceMt: source.map((s) => s.toUpperCase()) });
        expect(isValidLadder(beads, source.length, target.length)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('aligns a text with itself one to one', () => {
    const distinct = fc.uniqueArray(fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(distinct, (texts) => {
        const beads = alignUnits(texts, texts);
        expect(beads).toEqual(texts.map((_, i) => ({ source: [i], target: [i] })));
      }),
      { numRuns: 80 },
    );
  });
});

describe('matchParagraphs and distributeSentences: structural guarantees', () => {
  it('matchParagraphs pairs each paragraph at most once, in order, with similarity in (0, 1]', () => {
    fc.assert(
      fc.property(side, side, (oldTexts, newTexts) => {
        const pairs = matchParagraphs(oldTexts, newTexts);
        for (let k = 0; k < pairs.length; k++) {
          const p = pairs[k]!;
          expect(p.similarity).toBeGreaterThan(0);
          expect(p.similarity).toBeLessThanOrEqual(1);
          if (k > 0) {
            expect(p.oldIndex).toBeGreaterThan(pairs[k - 1]!.oldIndex);
            expect(p.newIndex).toBeGreaterThan(pairs[k - 1]!.newIndex);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('matchParagraphs pairs every paragraph of an unchanged text with itself', () => {
    const distinct = fc.uniqueArray(fc.array(word, { minLength: 3, maxLength: 12 }).map((ws) => ws.join(' ')), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(distinct, (texts) => {
        expect(matchParagraphs(texts, texts)).toEqual(texts.map((_, i) => ({ oldIndex: i, newIndex: i, similarity: 1 })));
      }),
      { numRuns: 60 },
    );
  });

  it('distributeSentences loses and duplicates no sentence: the parts, in order, are the target sentences', () => {
    const sentences = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ') + '.'), { minLength: 1, maxLength: 6 });
    const splitter = (t: string) => t.split(/(?<=\.) /);
    fc.assert(
      fc.property(fc.array(sentences, { minLength: 2, maxLength: 4 }), sentences, (paragraphs, targetSentences) => {
        const target = targetSentences.join(' ');
        const parts = distributeSentences(paragraphs.map((p) => p.join(' ')), target, splitter, splitter);
        if (parts === null) return;
        expect(parts).toHaveLength(paragraphs.length);
        expect(parts.join(' ')).toBe(target);
      }),
      { numRuns: 100 },
    );
  });
});
