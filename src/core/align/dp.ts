/**
 * The dynamic programme: the best monotone ladder of beads inside a band, by maximising the sum
 * of bead log-scores (a Viterbi search, so long documents never underflow).
 */
import type { Band } from './band.js';
import type { BeadScorer } from './scorer.js';
import type { Bead, BeadShape } from './types.js';

export interface DpResult {
  beads: Bead[];
  /** Grid points (i, j) after each bead, from the first bead to (n, m). */
  path: Array<[number, number]>;
  score: number;
}

export function runDp(band: Band, shapes: readonly BeadShape[], scorer: BeadScorer): DpResult {
  const { n, m, lo, hi } = band;
  const rowStart = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) rowStart[i + 1] = rowStart[i]! + (hi[i]! - lo[i]! + 1);
  const cells = rowStart[n + 1]!;
  const best = new Float64Array(cells).fill(-Infinity);
  const choice = new Uint8Array(cells);
  const shapeA = Int32Array.from(shapes, (s) => s.a);
  const shapeB = Int32Array.from(shapes, (s) => s.b);
  const shapeP = Float64Array.from(shapes, (s) => s.logPrior);

  best[0] = 0; // cell (0, 0): lo[0] is always 0
  for (let i = 0; i <= n; i++) {
    const lowJ = lo[i]!;
    const highJ = hi[i]!;
    for (let j = lowJ; j <= highJ; j++) {
      if (i === 0 && j === 0) continue;
      let top = -Infinity;
      let arg = 0;
      for (let k = 0; k < shapeA.length; k++) {
        const pi = i - shapeA[k]!;
        const pj = j - shapeB[k]!;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const before = best[rowStart[pi]! + pj - lo[pi]!]!;
        if (before === -Infinity) continue;
        const value = before + scorer.score(pi, shapeA[k]!, pj, shapeB[k]!, shapeP[k]!);
        if (value > top) {
          top = value;
          arg = k;
        }
      }
      const cell = rowStart[i]! + j - lowJ;
      best[cell] = top;
      choice[cell] = arg;
    }
  }

  const endCell = rowStart[n]! + m - lo[n]!;
  if (best[endCell] === -Infinity) throw new Error('alignment band does not connect (0,0) to (n,m)');
  const beads: Bead[] = [];
  const path: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    path.push([i, j]);
    const k = choice[rowStart[i]! + j - lo[i]!]!;
    const a = shapeA[k]!;
    const b = shapeB[k]!;
    beads.push({ source: range(i - a, i), target: range(j - b, j) });
    i -= a;
    j -= b;
  }
  beads.reverse();
  path.reverse();
  return { beads, path, score: best[endCell]! };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
