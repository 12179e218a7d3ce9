/**
 * How good a bead is: the sum of three log-scores.
 *
 * 1. The prior of its shape (1–1 is common, 2–2 rare, 0–1 rarer still).
 * 2. The Gale–Church length model (see length-model.ts).
 * 3. Lexical evidence: every anchor (number, name, cognate, quote…) found on both sides of the
 *    bead earns `matchReward × weight`; every anchor left unmatched inside the bead costs
 *    `unmatchedPenalty × weight`. Anchors that occur only on one side of the whole document
 *    carry no information and weigh 0; rarer anchors weigh more (an inverse document frequency),
 *    and anchors whose frequency differs a lot between the two sides weigh less.
 *
 * Both lexical terms add up across beads, so comparing "two 1–1 beads" with "one 2–2 bead" is
 * fair: the 2–2 bead only gains the matches that cross between its sentences.
 *
 * The match between a source unit and a target unit is computed once per pair inside the band
 * and cached; a bead's match weight is the sum over its (source, target) pairs.
 */
import type { Band } from './band.js';
import { documentFrequency, type UnitFeatures } from './features.js';
import { lengthLogProb, type LengthModel } from './length-model.js';

export interface LexicalModel {
  matchReward: number;
  unmatchedPenalty: number;
  /** Weight of the Dice similarity term (per unit in the bead). */
  diceWeight: number;
  /** Dice similarity expected between unrelated units: below it, a bead loses score. */
  diceBaseline: number;
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
  /** Extra weight per anchor id (e.g. learnt word pairs), multiplied into the frequency weight. */
  boost?: Float64Array;
}

/** Weight of each anchor id from its document frequency on both sides. */
export function anchorWeights(source: UnitFeatures, target: UnitFeatures, vocabSize: number): Float64Array {
  const dfS = documentFrequency(source, vocabSize);
  const dfT = documentFrequency(target, vocabSize);
  const total = source.count + target.count;
  const w = new Float64Array(vocabSize);
  for (let id = 0; id < vocabSize; id++) {
    const s = dfS[id]!;
    const t = dfT[id]!;
    if (s === 0 || t === 0) continue;
    const idf = Math.log((total + 1) / (s + t));
    const balance = Math.min(s, t) / Math.max(s, t);
    w[id] = Math.max(0, idf) * Math.sqrt(balance);
  }
  return w;
}

export class BeadScorer {
  private readonly prefS: Float64Array;
  private readonly prefT: Float64Array;
  /** Total anchor weight of each unit (sum of weight × count). */
  private readonly massS: Float64Array;
  private readonly massT: Float64Array;
  /** Pair cache: for source unit s, target units pairLo[s] .. pairLo[s] + width(s) − 1. */
  private readonly pairLo: Int32Array;
  private readonly pairOffset: Int32Array;
  private readonly pairs: Float64Array;
  readonly weights: Float64Array;
  private readonly meanS: number;
  private readonly meanT: number;

  constructor(private readonly input: ScorerInput) {
    const { source, target, band, maxSide } = input;
    this.weights = anchorWeights(source, target, input.vocabSize);
    if (input.boost) for (let id = 0; id < this.weights.length; id++) this.weights[id]! *= input.boost[id] ?? 1;
    this.prefS = prefixSums(source.lengths);
    this.prefT = prefixSums(target.lengths);
    this.meanS = Math.max(1, this.prefS[source.count]! / Math.max(1, source.count));
    this.meanT = Math.max(1, this.prefT[target.count]! / Math.max(1, target.count));
    this.massS = unitMass(source, this.weights);
    this.massT = unitMass(target, this.weights);

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
    let mass = 0;
    for (let s = i; s < i + a; s++) mass += this.massS[s]!;
    for (let t = j; t < j + b; t++) mass += this.massT[t]!;
    let shared = 0;
    for (let s = i; s < i + a; s++) for (let t = j; t < j + b; t++) shared += this.pair(s, t);
    let massA = 0;
    for (let s = i; s < i + a; s++) massA += this.massS[s]!;
    const massB = mass - massA;
    shared = Math.min(shared, massA, massB);
    const unmatched = Math.max(0, mass - 2 * shared);
    let result = logPrior + lexical.matchReward * shared - lexical.unmatchedPenalty * unmatched;
    if (lexical.diceWeight > 0) {
      const dice = mass > 0 ? (2 * shared) / mass : lexical.diceBaseline;
      result += lexical.diceWeight * ((a + b) / 2) * (dice - lexical.diceBaseline);
    }
    if (a === 0 || b === 0) {
      const len = a > 0 ? this.prefS[i + a]! - this.prefS[i]! : this.prefT[j + b]! - this.prefT[j]!;
      const mean = a > 0 ? this.meanS : this.meanT;
      result -= lexical.insertionLengthCost * (len / mean);
    } else {
      const ls = this.prefS[i + a]! - this.prefS[i]!;
      const lt = this.prefT[j + b]! - this.prefT[j]!;
      result += lengthLogProb(this.input.length, ls, lt);
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
