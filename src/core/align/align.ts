/**
 * The aligner's entry point: two lists of units (sentences or paragraphs) in, a ladder of beads out.
 *
 * How it works, in order:
 * 1. Each unit becomes features: its length and its lexical anchors (features.ts). When a machine
 *    translation of the source is supplied, its words are compared with the human target's words
 *    as well (the idea of Bleualign: the MT and the human translation share vocabulary).
 * 2. Small inputs are aligned by one dynamic programme over the whole grid (dp.ts, scorer.ts).
 * 3. Long inputs are aligned coarse-to-fine: consecutive units are grouped into blocks, the blocks
 *    are aligned (recursively), and the fine alignment only explores a band around the block path.
 *    The band is widened and the search repeated if the best path runs along its edge.
 *    The work is then about n × band width rather than n × m.
 * 4. Word pairs that the first alignment keeps putting together (`Gipfel`/`sommet`) are learnt
 *    (lexicon.ts) and added as anchors; a second pass, in a narrow band around the first path on
 *    long inputs, gives the result.
 * The parameters (shape priors, variance, weights) were tuned on the development set in
 * ../shared/align-dev (see tests/bench/align-dev-score.mjs), never on test data.
 */
import { bandAroundPath, fullBand, pathTouchesEdge, type Band } from './band.js';
import { runDp, type DpResult } from './dp.js';
import { anchorsOf, buildFeatures, DEFAULT_FEATURE_OPTIONS, unitLength, Vocabulary, wordsOf, type UnitFeatures } from './features.js';
import { learnLexicon, wordSet } from './lexicon.js';
import { BeadScorer, type LexicalModel } from './scorer.js';
import type { Bead, BeadShape } from './types.js';

export interface AlignOptions {
  /** Machine translation of each source unit into the target language (same length as source). */
  sourceMt?: readonly string[];
  /** Bead shapes and their priors; defaults to DEFAULT_SHAPES. */
  shapes?: readonly BeadShape[];
  /** Gale–Church variance per character. */
  lengthVariance?: number;
  lexical?: Partial<LexicalModel>;
  /** Prior probability of a 1–0 or 0–1 bead (overrides the shape table). */
  insertionPrior?: number;
  /**
   * Per source unit, a log-score bonus for leaving it without translation: e.g. for captions and
   * related-article lines, which translators and origin pages often leave out.
   */
  sourceSkipBonus?: readonly number[];
  /** Learn word pairs from a first pass and realign with them (default true). */
  learnLexicon?: boolean;
  /** Folded prefix length that identifies a word (cognates share it). */
  prefixLength?: number;
  /** Inputs with at most this many grid cells are aligned in one pass over the whole grid. */
  fullGridLimit?: number;
  /** Number of blocks per side at the coarse level of a long input. */
  coarseBlocks?: number;
}

/** Shape priors, roughly the frequencies seen in human-aligned literary and magazine texts. */
export const DEFAULT_SHAPES: readonly BeadShape[] = [
  shape(1, 1, 0.8),
  shape(1, 0, 0.05),
  shape(0, 1, 0.05),
  shape(1, 2, 0.07),
  shape(2, 1, 0.07),
  shape(2, 2, 0.01),
  shape(1, 3, 0.01),
  shape(3, 1, 0.01),
  shape(2, 3, 0.004),
  shape(3, 2, 0.004),
  shape(1, 4, 0.003),
  shape(4, 1, 0.003),
];

export const DEFAULT_LEXICAL: LexicalModel = { matchWeight: 3, chanceMatch: 0.7, insertionLengthCost: 1 };
// Gale and Church measured 6.8 on parliamentary text; literary and OCR-noisy text varies more.
const DEFAULT_VARIANCE = 10;
const DEFAULT_FULL_GRID_LIMIT = 250_000;
const DEFAULT_COARSE_BLOCKS = 2000;

function shape(a: number, b: number, p: number): BeadShape {
  return { a, b, logPrior: Math.log(p) };
}

export function alignUnits(source: readonly string[], target: readonly string[], options: AlignOptions = {}): Bead[] {
  const n = source.length;
  const m = target.length;
  if (n === 0 || m === 0) {
    return [...source.map((_, i) => ({ source: [i], target: [] })), ...target.map((_, j) => ({ source: [], target: [j] }))];
  }
  if (options.sourceMt && options.sourceMt.length !== n) {
    throw new RangeError(`sourceMt has ${options.sourceMt.length} units, source has ${n}`);
  }
  const featureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...(options.prefixLength ? { prefixLength: options.prefixLength } : {}) };
  const vocab = new Vocabulary();
  const intern = (tokens: string[]): number[] => tokens.map((t) => vocab.id(t));
  const sourceIds = source.map((text, k) => {
    const anchors = anchorsOf(text, featureOptions);
    return intern(options.sourceMt ? anchors.concat(wordsOf(options.sourceMt[k]!)) : anchors);
  });
  const targetIds = target.map((text) => {
    const anchors = anchorsOf(text, featureOptions);
    return intern(options.sourceMt ? anchors.concat(wordsOf(text)) : anchors);
  });
  const sourceLengths = Float64Array.from(source, unitLength);
  const targetLengths = Float64Array.from(target, unitLength);
  const totalS = sourceLengths.reduce((x, y) => x + y, 0);
  const totalT = targetLengths.reduce((x, y) => x + y, 0);
  const shapes = (options.shapes ?? DEFAULT_SHAPES).map((s) =>
    (s.a === 0 || s.b === 0) && options.insertionPrior !== undefined ? { ...s, logPrior: Math.log(options.insertionPrior) } : s,
  );
  const context: Context = {
    vocabSize: 0,
    shapes,
    length: { ratio: totalS > 0 && totalT > 0 ? totalT / totalS : 1, variance: options.lengthVariance ?? DEFAULT_VARIANCE },
    lexical: { ...DEFAULT_LEXICAL, ...options.lexical },
    fullGridLimit: options.fullGridLimit ?? DEFAULT_FULL_GRID_LIMIT,
    coarseBlocks: options.coarseBlocks ?? DEFAULT_COARSE_BLOCKS,
  };
  if (options.sourceSkipBonus && options.sourceSkipBonus.length !== n) {
    throw new RangeError(`sourceSkipBonus has ${options.sourceSkipBonus.length} values, source has ${n}`);
  }
  const skipBonus = options.sourceSkipBonus ? Float64Array.from(options.sourceSkipBonus) : undefined;
  const sourceFeaturesOf = (ids: readonly number[][]): UnitFeatures => {
    const features = buildFeatures(sourceLengths, ids);
    return skipBonus ? { ...features, skipBonus } : features;
  };
  const pass = (sIds: readonly number[][], tIds: readonly number[][], guide: DpResult | null, passShapes = shapes): DpResult =>
    alignFeatures(
      sourceFeaturesOf(sIds),
      buildFeatures(targetLengths, tIds),
      { ...context, shapes: passShapes, vocabSize: vocab.size, universal: vocab.universal() },
      guide?.path,
    );

  // The first pass only guides the second and feeds the lexicon: the common shapes suffice, at
  // half the cost. (Without a second pass, it is the result, and uses every shape.)
  const firstShapes = options.learnLexicon === false ? shapes : shapes.filter((s) => s.a <= 2 && s.b <= 2);
  const firstPass = pass(sourceIds, targetIds, null, firstShapes);
  const first = firstPass.beads;
  if (options.learnLexicon === false) return first;
  // Second pass: word pairs that the first pass keeps putting together become anchors too.
  const sourceWords = source.map(wordSet);
  const targetWords = target.map(wordSet);
  const lexicon = learnLexicon(sourceWords, targetWords, first);
  if (lexicon.length === 0) return first;
  const pairOfS = new Map<string, number>();
  const pairOfT = new Map<string, number>();
  for (const [s, t] of lexicon) {
    const id = vocab.id('x:' + s + '=' + t);
    pairOfS.set(s, id);
    pairOfT.set(t, id);
  }
  const withPairs = (ids: number[][], words: string[][], pairOf: Map<string, number>): number[][] =>
    ids.map((unit, k) => {
      let extended: number[] | null = null;
      for (const w of words[k]!) {
        const id = pairOf.get(w);
        if (id !== undefined) (extended ??= unit.slice()).push(id);
      }
      return extended ?? unit;
    });
  // The first path guides the second: on long inputs it only searches a narrow band around it.
  return pass(withPairs(sourceIds, sourceWords, pairOfS), withPairs(targetIds, targetWords, pairOfT), firstPass).beads;
}

interface Context {
  vocabSize: number;
  universal?: Uint8Array;
  shapes: readonly BeadShape[];
  length: { ratio: number; variance: number };
  lexical: LexicalModel;
  fullGridLimit: number;
  coarseBlocks: number;
}

function alignFeatures(
  source: UnitFeatures,
  target: UnitFeatures,
  context: Context,
  guidePath?: ReadonlyArray<readonly [number, number]>,
): DpResult {
  const n = source.count;
  const m = target.count;
  const maxSide = Math.max(...context.shapes.map((s) => Math.max(s.a, s.b)));
  const solve = (band: Band): DpResult =>
    runDp(band, context.shapes, new BeadScorer({ source, target, vocabSize: context.vocabSize, ...(context.universal ? { universal: context.universal } : {}), length: context.length, lexical: context.lexical, band, maxSide }));

  if (n * m <= context.fullGridLimit) return solve(fullBand(n, m));

  let guide: ReadonlyArray<readonly [number, number]>;
  let radius: number;
  if (guidePath) {
    guide = guidePath;
    radius = 3 * maxSide;
  } else {
    // Blocks of at least two units on each side that has two, so every level is smaller.
    const sourceBlock = Math.max(Math.ceil(n / context.coarseBlocks), n > 1 ? 2 : 1);
    const targetBlock = Math.max(Math.ceil(m / context.coarseBlocks), m > 1 ? 2 : 1);
    const coarse = alignFeatures(coarsen(source, sourceBlock), coarsen(target, targetBlock), context);
    guide = coarse.path.map(([i, j]) => [Math.min(n, i * sourceBlock), Math.min(m, j * targetBlock)] as const);
    radius = Math.max(sourceBlock, targetBlock) + 2 * maxSide;
  }
  for (;;) {
    const band = bandAroundPath(n, m, guide, radius);
    const result = solve(band);
    // A best path that hugs the band's edge may have been cut off: search a wider band.
    if (!pathTouchesEdge(band, result.path, maxSide) || radius >= Math.max(n, m)) return result;
    radius *= 2;
  }
}

/** Groups every `size` consecutive units into one block (lengths add up, anchors merge). */
function coarsen(features: UnitFeatures, size: number): UnitFeatures {
  if (size <= 1) return features;
  const count = Math.ceil(features.count / size);
  const lengths = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const ids: number[] = [];
  const counts: number[] = [];
  for (let block = 0; block < count; block++) {
    const merged = new Map<number, number>();
    const end = Math.min(features.count, (block + 1) * size);
    for (let k = block * size; k < end; k++) {
      lengths[block]! += features.lengths[k]!;
      for (let p = features.offsets[k]!; p < features.offsets[k + 1]!; p++) {
        const id = features.ids[p]!;
        merged.set(id, (merged.get(id) ?? 0) + features.counts[p]!);
      }
    }
    for (const id of [...merged.keys()].sort((x, y) => x - y)) {
      ids.push(id);
      counts.push(merged.get(id)!);
    }
    offsets[block + 1] = ids.length;
  }
  const coarse: UnitFeatures = { count, lengths, offsets, ids: Int32Array.from(ids), counts: Int32Array.from(counts) };
  if (features.skipBonus) {
    const bonus = new Float64Array(count);
    for (let k = 0; k < features.count; k++) bonus[Math.floor(k / size)]! += features.skipBonus[k]!;
    coarse.skipBonus = bonus;
  }
  return coarse;
}
