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
  /** At most this many beads are read. */
  maxBeads: number;
}

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = { minCount: 2, minDice: 0.5, maxShare: 0.25, maxBeads: 2000 };

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
  // Evidence saturates quickly: a long book is sampled evenly down to `maxBeads` beads.
  const all = beads.filter((b) => b.source.length > 0 && b.target.length > 0);
  const step = Math.max(1, all.length / options.maxBeads);
  const linked = step === 1 ? all : Array.from({ length: Math.floor(all.length / step) }, (_, k) => all[Math.floor(k * step)]!);
  const source = new WordIds();
  const target = new WordIds();
  const beadS = linked.map((b) => source.bag(sourceWords, b.source));
  const beadT = linked.map((b) => target.bag(targetWords, b.target));
  const freqS = countIds(beadS, source.size);
  const freqT = countIds(beadT, target.size);
  const tooCommon = Math.max(options.minCount, options.maxShare * linked.length);
  const usable = (f: number): boolean => f >= options.minCount && f <= tooCommon;

  // Co-occurrence counts, keyed by sourceId × targetCount + targetId. A pair can only reach
  // minDice if the two frequencies are close (Dice ≤ 2·min/(min+max)), so others are skipped.
  const minRatio = options.minDice / (2 - options.minDice);
  const cooc = new Map<number, number>();
  for (let k = 0; k < linked.length; k++) {
    const ts = beadT[k]!.filter((t) => usable(freqT[t]!));
    for (const s of beadS[k]!) {
      const fs = freqS[s]!;
      if (!usable(fs)) continue;
      for (const t of ts) {
        const ft = freqT[t]!;
        if (Math.min(fs, ft) < minRatio * Math.max(fs, ft)) continue;
        const key = s * target.size + t;
        cooc.set(key, (cooc.get(key) ?? 0) + 1);
      }
    }
  }

  // Keep mutual best partners.
  const bestForS = new Map<number, { t: number; dice: number }>();
  const bestForT = new Map<number, { s: number; dice: number }>();
  for (const [key, c] of cooc) {
    if (c < options.minCount) continue;
    const s = Math.floor(key / target.size);
    const t = key % target.size;
    const dice = (2 * c) / (freqS[s]! + freqT[t]!);
    if (dice < options.minDice) continue;
    if ((bestForS.get(s)?.dice ?? 0) < dice) bestForS.set(s, { t, dice });
    if ((bestForT.get(t)?.dice ?? 0) < dice) bestForT.set(t, { s, dice });
  }
  const pairs: Array<[string, string]> = [];
  for (const [s, { t }] of bestForS) {
    const sw = source.word(s);
    const tw = target.word(t);
    if (bestForT.get(t)?.s === s && sw !== tw) pairs.push([sw, tw]);
  }
  return pairs;
}

/** Dense integer ids for the words of one side. */
class WordIds {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  get size(): number {
    return this.words.length;
  }
  word(id: number): string {
    return this.words[id]!;
  }
  /** The distinct word ids of the given units. */
  bag(units: readonly string[][], indices: readonly number[]): number[] {
    const out = new Set<number>();
    for (const k of indices) {
      for (const w of units[k]!) {
        let id = this.ids.get(w);
        if (id === undefined) {
          id = this.words.length;
          this.ids.set(w, id);
          this.words.push(w);
        }
        out.add(id);
      }
    }
    return [...out];
  }
}

function countIds(bags: readonly number[][], size: number): Int32Array {
  const freq = new Int32Array(size);
  for (const bag of bags) for (const id of bag) freq[id]!++;
  return freq;
}
