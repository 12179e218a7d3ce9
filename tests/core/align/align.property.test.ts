import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignUnits, isValidLadder, type Bead } from '../../../src/core/align/index.js';

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
