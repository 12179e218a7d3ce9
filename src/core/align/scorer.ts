/**
 * How good a bead is: the sum of four log-scores.
 *
 * 1. The prior of its shape (1–1 is common, 2–2 rare…).
 * 2. For beads with both sides, the Gale–Church length model (see length-model.ts).
 * 3. For 1–0 / 0–1 beads, a cost growing with the unit's length (a translator easily drops a
 *    short caption, hardly ever a long paragraph), less an optional per-unit skip bonus.
 * 4. Lexical evidence: every unit of the bead that has anchors (numbers, names, cognates,
 *    quotes…) scores the share of its anchor weight found on the other side of the bead, minus
 *    the share unrelated units match by chance. Summed per unit, so one 2–2 bead and two 1–1
 *    beads with the same matches score alike, and a unit glued into a bead where nothing matches
 *    it costs. Words that occur on one side of the document only carry no information and weigh
 *    0 (numbers and URLs do weigh: seen on one side only, they mark a unit without counterpart);
 *    rarer anchors weigh more (an inverse document frequency), and anchors whose frequency
 *    differs a lot between the two sides weigh less.
 *
 * The anchor weight shared by a source unit and a target unit is computed once per pair inside
 * the band and cached.
 */
import type { Band } from './band.js';
import { documentFrequency, type UnitFeatures } from './features.js';
import { lengthLogProb, type LengthModel } from './length-model.js';

export interface LexicalModel {
  /** Share of a unit's anchor weight an unrelated unit matches by chance: below it, pairing costs. */
  chanceMatch: number;
  /**
   * Weight of the lexical evidence: each unit with anchors in a bead adds `matchWeight / 2 ×
   * (matched share − chanceMatch)`, so one 2–2 bead and two 1–1 beads with the same matches score
   * the same.
   */
  matchWeight: number;
  /**
   * Extra cost of leaving a unit unaligned, per mean unit length: a short caption is easily
   * dropped by a translator, a long paragraph hardly ever.
   */
  insertionLengthCost: number;
}

export interface ScorerInput {
  source: UnitFeatures;
  target: UnitFeatures;
  vocabSize: number;
  length: LengthModel;
  lexical: LexicalModel;
  band: Band;
  /** Largest bead side the DP uses: pairs this far outside a band cell must be cached. */
  maxSide: number;
  /** 1 for anchor ids that do not depend on the language (numbers, URLs). */
  universal?: Uint8Array;
}

/** Weight of each anchor id from its document frequency on both sides. */
export function anchorWeights(source: UnitFeatures, target: UnitFeatures, vocabSize: number, universal?: Uint8Array): Float64Array {
  const dfS = documentFrequency(source, vocabSize);
  const dfT = documentFrequency(target, vocabSize);
  const total = source.count + target.count;
  const w = new Float64Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    const s = dfS[id]!;
    const t = dfT[id]!;
    if (s === 0 || t === 0) {
      // A number or URL found on one side only is evidence too: its unit has no counterpart there.
      if (universal?.[id]) w[id] = Math.max(0, Math.log((total + 1) / (s + t)));
      continue;
    }
    const idf = Math.log((total + 1) / (s + t));
    const balance = Math.min(s, t) / Math.max(s, t);
    w[id] = Math.max(0, idf) * Math.sqrt(balance);
  }
  return w;
}

export class BeadScorer {
  private readonly prefS: Float64Array;
  private readonly prefT: Float64Array;
  /** Prefix sums of each unit's total anchor weight (sum of weight × count). */
  private readonly massPrefS: Float64Array;
  private readonly massPrefT: Float64Array;
  private readonly massS: Float64Array;
  private readonly massT: Float64Array;
  /** Reused per call: shared weight of each target unit of the bead being scored. */
  private readonly colScratch: Float64Array;
  /** Pair cache: for source unit s, target units pairLo[s] .. pairLo[s] + width(s) − 1. */
  private readonly pairLo: Int32Array;
  private readonly pairOffset: Int32Array;
  private readonly pairs: Float64Array;
  readonly weights: Float64Array;
  private readonly meanS: number;
  private readonly meanT: number;

  constructor(private readonly input: ScorerInput) {
    const { source, target, band, maxSide } = input;
    this.colScratch = new Float64Array(Math.max(1, maxSide));
    this.weights = anchorWeights(source, target, input.vocabSize, input.universal);
    this.prefS = prefixSums(source.lengths);
    this.prefT = prefixSums(target.lengths);
    this.meanS = Math.max(1, this.prefS[source.count]! / Math.max(1, source.count));
    this.meanT = Math.max(1, this.prefT[target.count]! / Math.max(1, target.count));
    this.massS = unitMass(source, this.weights);
    this.massT = unitMass(target, this.weights);
    this.massPrefS = prefixSums(this.massS);
    this.massPrefT = prefixSums(this.massT);

    // Which target units each source unit can meet inside a bead ending in the band.
    const n = source.count;
    const m = target.count;
    this.pairLo = new Int32Array(n);
    this.pairOffset = new Int32Array(n + 1);
    const pairHi = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      // A bead containing source unit s ends in a row in s+1 .. s+maxSide.
      const lo = Math.max(0, band.lo[s + 1]! - maxSide);
      const hi = Math.min(m - 1, band.hi[Math.min(n, s + maxSide)]! - 1);
      this.pairLo[s] = lo;
      pairHi[s] = Math.max(lo - 1, hi);
      this.pairOffset[s + 1] = this.pairOffset[s]! + (pairHi[s]! - lo + 1);
    }
    this.pairs = new Float64Array(this.pairOffset[n]!);
    for (let s = 0; s < n; s++) {
      const base = this.pairOffset[s]! - this.pairLo[s]!;
      for (let t = this.pairLo[s]!; t <= pairHi[s]!; t++) this.pairs[base + t] = this.sharedWeight(s, t);
    }
  }

  /** Weighted size of the multiset intersection of two units' anchors: a sorted-list merge. */
  private sharedWeight(s: number, t: number): number {
    const { source, target } = this.input;
    let p = source.offsets[s]!;
    const pEnd = source.offsets[s + 1]!;
    let q = target.offsets[t]!;
    const qEnd = target.offsets[t + 1]!;
    let sum = 0;
    while (p < pEnd && q < qEnd) {
      const a = source.ids[p]!;
      const b = target.ids[q]!;
      if (a === b) {
        sum += this.weights[a]! * Math.min(source.counts[p]!, target.counts[q]!);
        p++;
        q++;
      } else if (a < b) p++;
      else q++;
    }
    return sum;
  }

  private pair(s: number, t: number): number {
    const k = t - this.pairLo[s]!;
    const start = this.pairOffset[s]!;
    return k >= 0 && start + k < this.pairOffset[s + 1]! ? this.pairs[start + k]! : 0;
  }

  /** Log-score of the bead made of source units i..i+a−1 and target units j..j+b−1. */
  score(i: number, a: number, j: number, b: number, logPrior: number): number {
    const { lexical } = this.input;
    const mass = this.massPrefS[i + a]! - this.massPrefS[i]! + this.massPrefT[j + b]! - this.massPrefT[j]!;
    let result = logPrior;
    if (mass > 0 && a > 0 && b > 0) {
      // Each unit with anchors scores the share of its anchor weight found on the other side of
      // the bead, minus what unrelated units share by chance. Units without anchors score 0, as
      // do units left unaligned (their cost is the insertion prior and length cost below).
      // Shared weight per source unit (row) and per target unit (column) of the bead, in one
      // pass over its pairs.
      const cols = this.colScratch;
      for (let t = 0; t < b; t++) cols[t] = 0;
      let matched = 0;
      let anchored = 0;
      for (let s = i; s < i + a; s++) {
        const start = this.pairOffset[s]!;
        const width = this.pairOffset[s + 1]! - start;
        const first = j - this.pairLo[s]!;
        let row = 0;
        for (let t = 0; t < b; t++) {
          const k = first + t;
          if (k >= 0 && k < width) {
            const w = this.pairs[start + k]!;
            row += w;
            cols[t]! += w;
          }
        }
        const own = this.massS[s]!;
        if (own > 0) {
          anchored++;
          matched += row >= own ? 1 : row / own;
        }
      }
      for (let t = 0; t < b; t++) {
        const own = this.massT[j + t]!;
        if (own > 0) {
          anchored++;
          matched += cols[t]! >= own ? 1 : cols[t]! / own;
        }
      }
      result += (lexical.matchWeight / 2) * (matched - lexical.chanceMatch * anchored);
    }
    if (a === 0) {
      result -= lexical.insertionLengthCost * ((this.prefT[j + b]! - this.prefT[j]!) / this.meanT);
    } else if (b === 0) {
      result -= lexical.insertionLengthCost * ((this.prefS[i + a]! - this.prefS[i]!) / this.meanS);
      const bonus = this.input.source.skipBonus;
      if (bonus) for (let s = i; s < i + a; s++) result += bonus[s]!;
    } else {
      result += lengthLogProb(this.input.length, this.prefS[i + a]! - this.prefS[i]!, this.prefT[j + b]! - this.prefT[j]!);
    }
    return result;
  }
}

function prefixSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  for (let k = 0; k < values.length; k++) out[k + 1] = out[k]! + values[k]!;
  return out;
}

function unitMass(features: UnitFeatures, weights: Float64Array): Float64Array {
  const out = new Float64Array(features.count);
  for (let k = 0; k < features.count; k++) {
    let sum = 0;
    for (let p = features.offsets[k]!; p < features.offsets[k + 1]!; p++) sum += weights[features.ids[p]!]! * features.counts[p]!;
    out[k] = sum;
  }
  return out;
}
