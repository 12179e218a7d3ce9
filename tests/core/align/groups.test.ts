import { describe, expect, it } from 'vitest';
import { distributeSentences, matchParagraphs, sharesFromLadder, summarizeLadder } from '../../../src/core/align/index.js';

const split = (t: string) => t.split(/(?<=[.!?])\s+(?=\p{Lu})/u);

describe('summarizeLadder', () => {
  it('counts beads as a translator would describe them', () => {
    const s = summarizeLadder([
      { source: [0], target: [0] },
      { source: [1, 2], target: [1] },
      { source: [3], target: [2, 3] },
      { source: [4, 5], target: [4, 5] },
      { source: [6], target: [] },
      { source: [], target: [6] },
      { source: [7], target: [7] },
    ]);
    expect(s).toEqual({ oneToOne: 2, merges: 1, splits: 1, regrouped: 1, unmatchedSource: 1, unmatchedTarget: 1 });
  });
});

describe('distributeSentences', () => {
  const fr = ['Le ministre est arrivé à 9 heures.', 'Il a visité 3 usines. Il est reparti à 17 heures.'];
  it('gives each source paragraph the target sentences aligned to its own sentences', () => {
    const en = 'The minister arrived at 9 o’clock. He visited 3 factories. He left at 17:00.';
    expect(distributeSentences(fr, en, split, split)).toEqual(['The minister arrived at 9 o’clock.', 'He visited 3 factories. He left at 17:00.']);
  });
  it('gives up (null) when the target has fewer sentences than there are paragraphs', () => {
    expect(distributeSentences(fr, 'The minister arrived at 9, visited 3 factories and left at 17:00.', split, split)).toBeNull();
  });
});

describe('sharesFromLadder', () => {
  it('joins a split paragraph, and lets the first paragraph of an unsplittable merge hold the text', () => {
    const source = ['Un.', 'Deux, 2.', 'Trois, 3.'];
    const target = ['One,', 'and one.', 'Two, 2, and three, 3.'];
    const shares = sharesFromLadder(source, target, [{ source: [0], target: [0, 1] }, { source: [1, 2], target: [2] }], split, split);
    expect(shares).toEqual([
      { kind: 'own', text: 'One, and one.' },
      { kind: 'group', text: 'Two, 2, and three, 3.', covers: [2] },
      { kind: 'covered', by: 1 },
    ]);
  });
});

describe('matchParagraphs (for re-import)', () => {
  const old = [
    'Le porte-parole du Pentagone a déclaré que le secrétaire Austin avait initié l’appel.',
    'Le secrétaire américain à la Défense, Lloyd Austin',
    'Selon Reuters, les deux parties ont discuté de nombreux sujets lors de l’appel du 25 juin.',
    'Le ministère russe de la Défense a mis en garde son homologue.',
  ];
  it('pairs unchanged paragraphs with similarity 1 and an edited one by word overlap', () => {
    const edited = [old[0]!, old[1]!, 'Selon Reuters, les deux parties ont discuté de plusieurs sujets lors de l’appel téléphonique du 25 juin.', old[3]!];
    const pairs = matchParagraphs(old, edited);
    expect(pairs.map((p) => [p.oldIndex, p.newIndex])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(pairs[0]!.similarity).toBe(1);
    expect(pairs[2]!.similarity).toBeGreaterThan(0.6);
    expect(pairs[2]!.similarity).toBeLessThan(1);
  });
  it('leaves removed and added paragraphs unpaired', () => {
    const changed = [old[0]!, 'Une toute nouvelle phrase sur un autre sujet, sans rapport.', old[2]!, old[3]!];
    const pairs = matchParagraphs(old, changed);
    expect(pairs.map((p) => [p.oldIndex, p.newIndex])).toEqual([[0, 0], [2, 2], [3, 3]]);
  });
  it('pairs each new paragraph at most once, in order, for any input', () => {
    const inputs: Array<[string[], string[]]> = [[[], old], [old, []], [old, [...old].reverse()], [old, [old[0]!, old[0]!, old[1]!]]];
    for (const [a, b] of inputs) {
      const pairs = matchParagraphs(a, b);
      expect(new Set(pairs.map((p) => p.newIndex)).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p.oldIndex)).size).toBe(pairs.length);
      for (let k = 1; k < pairs.length; k++) {
        expect(pairs[k]!.oldIndex).toBeGreaterThan(pairs[k - 1]!.oldIndex);
        expect(pairs[k]!.newIndex).toBeGreaterThan(pairs[k - 1]!.newIndex);
      }
    }
  });
});
