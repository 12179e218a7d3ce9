import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  separateReplacements,
  postEditDistance,
  tokenEditDistance,
  tokenizeWords,
  wordDiff,
} from '../../../src/core/diff/wordDiff.js';

describe('wordDiff', () => {
  it('marks the replaced Vietnamese word and keeps the rest', () => {
    const spans = wordDiff('Bộ trưởng Quốc phòng Nga cảnh báo', 'Bộ trưởng Quốc phòng Mỹ cảnh báo');
    expect(spans.filter((s) => s.kind === 'removed').map((s) => s.text)).toEqual(['Nga']);
    expect(spans.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(['Mỹ']);
  });

  it('compares NFC text, so a decomposed accent is not an edit', () => {
    const composed = 'le ministère de la Défense';
    const decomposed = composed.normalize('NFD');
    expect(wordDiff(composed, decomposed)).toEqual([{ kind: 'same', text: composed }]);
  });

  it('ignores spacing changes but reports an added word inside guillemets', () => {
    const spans = wordDiff('« Le ministre »', '«  Le premier ministre »');
    expect(spans.filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()])).toEqual([['added', 'premier']]);
  });

  it('old side (same + removed) rebuilds the first text and new side the second, word for word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('le', 'la', 'Nga', 'Mỹ', '«', '»', ',', 'tuant'), { maxLength: 12 }),
        fc.array(fc.constantFrom('le', 'la', 'Nga', 'Mỹ', '«', '»', ',', 'tuant'), { maxLength: 12 }), (a, b) => {
          const before = a.join(' ');
          const after = b.join(' ');
          const spans = wordDiff(before, after);
          const oldSide = spans.filter((s) => s.kind !== 'added').map((s) => s.text).join('');
          const newSide = spans.filter((s) => s.kind !== 'removed').map((s) => s.text).join('');
          expect(tokenizeWords(oldSide)).toEqual(tokenizeWords(before));
          expect(tokenizeWords(newSide)).toEqual(tokenizeWords(after));
        }),
    );
  });
});

describe('tokenizeWords', () => {
  it('keeps elisions and hyphenated words whole and splits punctuation off', () => {
    expect(tokenizeWords("l'appel du porte-parole, « aujourd’hui »")).toEqual([
      "l'appel", 'du', 'porte-parole', ',', '«', 'aujourd’hui', '»',
    ]);
  });
});

describe('post-edit distance', () => {
  it('is 0 when the human kept the machine text', () => {
    expect(postEditDistance('The minister warned.', 'The minister warned.')).toBe(0);
  });

  it('counts one substituted word out of four tokens as 25 %', () => {
    expect(postEditDistance('The minister warned .', 'The secretary warned .')).toBe(25);
  });

  it('is 100 when nothing of the machine output survives', () => {
    expect(postEditDistance('alpha beta', 'gamma delta epsilon')).toBe(100);
  });

  it('stays within 0–100 and is 0 only for equal token sequences', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'đ', 'é');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { maxLength: 10 }), (a, b) => {
        const d = postEditDistance(a.join(' '), b.join(' '));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(100);
        expect(d === 0).toBe(a.join(' ') === b.join(' '));
      }),
    );
  });

  it('edit distance is symmetric and satisfies the triangle inequality', () => {
    const seq = fc.array(fc.constantFrom('x', 'y', 'z'), { maxLength: 8 });
    fc.assert(
      fc.property(seq, seq, seq, (a, b, c) => {
        expect(tokenEditDistance(a, b)).toBe(tokenEditDistance(b, a));
        expect(tokenEditDistance(a, c)).toBeLessThanOrEqual(tokenEditDistance(a, b) + tokenEditDistance(b, c));
      }),
    );
  });
});

describe('separateReplacements', () => {
  it('puts a display space between a removed word and the added word that replaces it', () => {
    const spans = wordDiff('Pentagon spokesman Patrick', 'Pentagon press secretary Patrick');
    const shown = separateReplacements(spans).map((s) => s.text).join('');
    expect(shown).toBe('Pentagon spokesman press secretary Patrick');
  });

  it('adds nothing where whitespace already separates the spans', () => {
    const spans = [{ kind: 'removed', text: 'a ' }, { kind: 'added', text: 'b' }] as const;
    expect(separateReplacements(spans)).toEqual(spans);
  });
});
