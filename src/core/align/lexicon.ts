/**
 * A bilingual word list learnt from a first alignment of the document itself (the idea of
 * hunalign's second pass): words that keep landing in the same beads are probably translations
 * (`Gipfel`/`sommet`, `said`/`dit`). They become extra anchors for a second, better pass.
 *
 * Association is the Dice coefficient over beads, `2·c(s,t) / (f(s) + f(t))`; a pair is kept when
 * each word is the other's best partner, it co-occurs at least `minCount` times and its Dice
 * reaches `minDice`. Words are folded (see features.ts) and compared whole.
 */
import { foldText } from './features.js';
import type { Bead } from './types.js';

export interface LexiconOptions {
  minCount: number;
  minDice: number;
  /** Words in more than this share of beads are too common to locate anything. */
  maxShare: number;
}

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = { minCount: 2, minDice: 0.5, maxShare: 0.25 };

export function wordSet(text: string): string[] {
  const seen = new Set<string>();
  for (const match of foldText(text).matchAll(/\p{L}{2,}/gu)) seen.add(match[0]);
  return [...seen];
}

/** Learns word pairs from the beads of a first pass; returns [sourceWord, targetWord] pairs. */
export function learnLexicon(
  sourceWords: readonly string[][],
  targetWords: readonly string[][],
  beads: readonly Bead[],
  options: LexiconOptions = DEFAULT_LEXICON_OPTIONS,
): Array<[string, string]> {
  const linked = beads.filter((b) => b.source.length > 0 && b.target.length > 0);
  const sideWords = (units: readonly string[][], idx: number[]): Set<string> => {
    const out = new Set<string>();
    for (const k of idx) for (const w of units[k]!) out.add(w);
    return out;
  };
  const beadS = linked.map((b) => sideWords(sourceWords, b.source));
  const beadT = linked.map((b) => sideWords(targetWords, b.target));
  const freqS = countWords(beadS);
  const freqT = countWords(beadT);
  const tooCommon = Math.max(options.minCount, options.maxShare * linked.length);
  const keep = (freq: Map<string, number>, w: string): boolean => {
    const f = freq.get(w)!;
    return f >= options.minCount && f <= tooCommon;
  };

  const cooc = new Map<string, number>();
  for (let k = 0; k < linked.length; k++) {
    const ts = [...beadT[k]!].filter((w) => keep(freqT, w));
    for (const s of beadS[k]!) {
      if (!keep(freqS, s)) continue;
      for (const t of ts) {
        const key = s + '\u0000' + t;
        cooc.set(key, (cooc.get(key) ?? 0) + 1);
      }
    }
  }

  // Best partner of each word on either side.
  const bestForS = new Map<string, { t: string; dice: number }>();
  const bestForT = new Map<string, { s: string; dice: number }>();
  for (const [key, c] of cooc) {
    if (c < options.minCount) continue;
    const [s, t] = key.split('\u0000') as [string, string];
    const dice = (2 * c) / (freqS.get(s)! + freqT.get(t)!);
    if (dice < options.minDice) continue;
    if ((bestForS.get(s)?.dice ?? 0) < dice) bestForS.set(s, { t, dice });
    if ((bestForT.get(t)?.dice ?? 0) < dice) bestForT.set(t, { s, dice });
  }
  const pairs: Array<[string, string]> = [];
  for (const [s, { t }] of bestForS) if (bestForT.get(t)?.s === s && s !== t) pairs.push([s, t]);
  return pairs;
}

function countWords(sets: readonly Set<string>[]): Map<string, number> {
  const freq = new Map<string, number>();
  for (const set of sets) for (const w of set) freq.set(w, (freq.get(w) ?? 0) + 1);
  return freq;
}
