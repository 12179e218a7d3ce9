import { describe, expect, it } from 'vitest';
import { alignUnits, formatLadder, isValidLadder } from '../../../src/core/align/index.js';
import { lengthLogProb, logErfc } from '../../../src/core/align/length-model.js';
import { anchorsOf, foldText } from '../../../src/core/align/features.js';
import { human, machine, vi } from '../../fixtures/align/vi-mt-human.js';

const fr = [
  'Le porte-parole du Pentagone, Patrick Ryder, a déclaré que le secrétaire Austin avait initié l’appel.',
  'Selon Reuters, les deux parties ont discuté de nombreux sujets lors de l’appel du 25 juin.',
  'Le ministère russe de la Défense a mis en garde contre la poursuite des livraisons d’armes à l’Ukraine.',
  'Au cours du week-end, cinq missiles ATACMS ont été lancés, tuant quatre personnes et en blessant plus de 150.',
  'Sergueï Lavrov a déclaré le 24 juin que l’implication des États-Unis était certaine.',
];
const en = [
  'Pentagon spokesman Patrick Ryder said Secretary Austin had initiated the call.',
  'According to Reuters, the two sides discussed many subjects during the call on 25 June.',
  'The Russian Defence Ministry warned against continued deliveries of weapons to Ukraine.',
  'Over the weekend, five ATACMS missiles were launched,',
  'killing four people and injuring more than 150.',
  'Sergei Lavrov said on 24 June that US involvement was certain.',
];

describe('alignUnits', () => {
  it('finds a sentence the translator split in two (a 1–2 bead) and keeps the rest 1–1', () => {
    expect(formatLadder(alignUnits(fr, en))).toBe('0:0\n1:1\n2:2\n3:3,4\n4:5\n');
  });

  it('finds two sentences the translator merged (a 2–1 bead), the mirror case', () => {
    expect(formatLadder(alignUnits(en, fr))).toBe('0:0\n1:1\n2:2\n3,4:3\n5:4\n');
  });

  it('leaves an added caption unaligned instead of gluing it to a neighbour', () => {
    const withCaption = [...en.slice(0, 2), 'Photo AFP / Sergei Supinsky', ...en.slice(2)];
    const beads = alignUnits(fr, withCaption);
    expect(beads).toContainEqual({ source: [], target: [2] });
    expect(beads).toContainEqual({ source: [1], target: [1] });
    expect(beads).toContainEqual({ source: [2], target: [3] });
  });

  it('leaves out a sentence the translator dropped, recognised by its unmatched number', () => {
    const source = [
      'Il y avait 12 personnes dans la salle.',
      'Le train est parti à 8 heures.',
      'Il y avait 47 personnes dans la cour.',
      'Le bateau est arrivé à 11 heures.',
      'Il y avait 95 personnes dans la rue.',
      'La réunion a duré 3 heures.',
    ];
    const target = ['There were 12 people in the hall.', "The train left at 8 o'clock.", "The boat arrived at 11 o'clock.", 'There were 95 people in the street.', 'The meeting lasted 3 hours.'];
    expect(formatLadder(alignUnits(source, target))).toBe('0:0\n1:1\n2:\n3:2\n4:3\n5:4\n');
  });

  it('uses a machine translation of the source to find merges and splits that lengths alone miss', () => {
    const expected = '0,1:0\n2,3:1,2\n4:3\n5:4\n';
    expect(formatLadder(alignUnits(vi, human, { sourceMt: machine }))).toBe(expected);
    // Without the machine translation there is nothing lexical to go on, and lengths mislead.
    expect(formatLadder(alignUnits(vi, human))).not.toBe(expected);
  });

  it('does not underflow on long documents: 3,000 units align one to one with themselves', () => {
    const texts = Array.from({ length: 3000 }, (_, k) => `Sentence number ${k} talks about item ${k * 7} of the list.`);
    const beads = alignUnits(texts, texts);
    expect(isValidLadder(beads, 3000, 3000)).toBe(true);
    expect(beads.every((b, k) => b.source[0] === k && b.target[0] === k && b.source.length === 1 && b.target.length === 1)).toBe(true);
  });

  it('rejects a machine translation that does not match the source line for line', () => {
    expect(() => alignUnits(['a', 'b'], ['c'], { sourceMt: ['x'] })).toThrow(RangeError);
  });
});

describe('length model', () => {
  it('gives finite log-probabilities even for absurd length ratios (log space, no underflow)', () => {
    expect(Number.isFinite(logErfc(1000))).toBe(true);
    const model = { ratio: 1, variance: 6.8 };
    expect(Number.isFinite(lengthLogProb(model, 1, 1_000_000))).toBe(true);
    expect(lengthLogProb(model, 100, 100)).toBeCloseTo(0, 5);
  });

  it('prefers matching lengths: the score falls as the mismatch grows', () => {
    const model = { ratio: 1.1, variance: 6.8 };
    const scores = [110, 130, 160, 220, 400].map((lt) => lengthLogProb(model, 100, lt));
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeLessThan(scores[k - 1]!);
  });

  it('matches erfc at known points', () => {
    expect(Math.exp(logErfc(0))).toBeCloseTo(1, 6);
    expect(Math.exp(logErfc(1))).toBeCloseTo(0.157299207, 6);
    expect(Math.exp(logErfc(2))).toBeCloseTo(0.004677735, 7);
  });
});

describe('anchors', () => {
  it('fold diacritics and case so cognates meet: Expédition / Expedition, Zürich / Zurich', () => {
    expect(foldText('Expédition Zürich Œuvre Straße')).toBe('expedition zurich oeuvre strasse');
    const de = anchorsOf('Die Expedition nach Zürich , 1956 « gut » ?');
    const frA = anchorsOf('L’expédition à Zurich en 1956 : « bien » ?');
    for (const a of ['w:expe', 'w:zuri', 'n:1956', 'q:"', 'p:?']) {
      expect(de).toContain(a);
      expect(frA).toContain(a);
    }
  });

  it('keep URLs whole', () => {
    expect(anchorsOf('Source : https://thanhnien.vn/a-b.htm.')).toContain('u:https://thanhnien.vn/a-b.htm');
  });
});
