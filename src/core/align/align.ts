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
 * The work is then about n × band width rather than n × m.
 */
import { bandAroundPath, fullBand, pathTouchesEdge, type Band } from './band.js';
import { runDp, type DpResult } from './dp.js';
import { anchorsOf, buildFeatures, DEFAULT_FEATURE_OPTIONS, Vocabulary, wordsOf, type UnitFeatures } from './features.js';
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
  shape(1, 0, 0.008),
  shape(0, 1, 0.008),
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

export const DEFAULT_LEXICAL: LexicalModel = { matchReward: 0, unmatchedPenalty: 0, diceWeight: 2, diceBaseline: 0.1, insertionLengthCost: 0 };
const DEFAULT_VARIANCE = 6.8;
const DEFAULT_FULL_GRID_LIMIT = 1_000_000;
const DEFAULT_COARSE_BLOCKS = 400;

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
  const sourceTokens = source.map((text, k) => {
    const anchors = anchorsOf(text, featureOptions);
    return options.sourceMt ? anchors.concat(wordsOf(options.sourceMt[k]!)) : anchors;
  });
  const targetTokens = target.map((text) => {
    const anchors = anchorsOf(text, featureOptions);
    return options.sourceMt ? anchors.concat(wordsOf(text)) : anchors;
  });
  const vocab = new Vocabulary();
  const sourceFeatures = buildFeatures(source, sourceTokens, vocab);
  const targetFeatures = buildFeatures(target, targetTokens, vocab);

  const totalS = sourceFeatures.lengths.reduce((x, y) => x + y, 0);
  const totalT = targetFeatures.lengths.reduce((x, y) => x + y, 0);
  const shapes = (options.shapes ?? DEFAULT_SHAPES).map((s) =>
    (s.a === 0 || s.b === 0) && options.insertionPrior !== undefined ? { ...s, logPrior: Math.log(options.insertionPrior) } : s,
  );
  const context: Context = {
    vocabSize: vocab.size,
    shapes,
    length: { ratio: totalS > 0 && totalT > 0 ? totalT / totalS : 1, variance: options.lengthVariance ?? DEFAULT_VARIANCE },
    lexical: { ...DEFAULT_LEXICAL, ...options.lexical },
    fullGridLimit: options.fullGridLimit ?? DEFAULT_FULL_GRID_LIMIT,
    coarseBlocks: options.coarseBlocks ?? DEFAULT_COARSE_BLOCKS,
  };
  return alignFeatures(sourceFeatures, targetFeatures, context).beads;
}

interface Context {
  vocabSize: number;
  shapes: readonly BeadShape[];
  length: { ratio: number; variance: number };
  lexical: LexicalModel;
  fullGridLimit: number;
  coarseBlocks: number;
}

function alignFeatures(source: UnitFeatures, target: UnitFeatures, context: Context): DpResult {
  const n = source.count;
  const m = target.count;
  const maxSide = Math.max(...context.shapes.map((s) => Math.max(s.a, s.b)));
  const solve = (band: Band): DpResult =>
    runDp(band, context.shapes, new BeadScorer({ source, target, vocabSize: context.vocabSize, length: context.length, lexical: context.lexical, band, maxSide }));

  if (n * m <= context.fullGridLimit) return solve(fullBand(n, m));

  const sourceBlock = Math.ceil(n / context.coarseBlocks);
  const targetBlock = Math.ceil(m / context.coarseBlocks);
  const coarse = alignFeatures(coarsen(source, sourceBlock), coarsen(target, targetBlock), context);
  const guide = coarse.path.map(([i, j]) => [Math.min(n, i * sourceBlock), Math.min(m, j * targetBlock)] as const);
  let radius = 2 * Math.max(sourceBlock, targetBlock) + 2 * maxSide;
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
  return { count, lengths, offsets, ids: Int32Array.from(ids), counts: Int32Array.from(counts) };
}
