/**
 * Shared vocabulary of the aligner.
 *
 * A *bead* groups consecutive source units with consecutive target units that translate each
 * other: `{ source: [3, 4], target: [5] }` is a 2–1 bead. A *ladder* is the list of beads of a
 * whole alignment, in document order: monotone (indices only grow) and covering every unit of
 * both sides exactly once. Either side of a bead may be empty (an omission or an addition).
 */
export interface Bead {
  source: number[];
  target: number[];
}

/** A bead shape the dynamic programme may use: `a` source units against `b` target units. */
export interface BeadShape {
  a: number;
  b: number;
  /** Natural log of the prior probability of this shape. */
  logPrior: number;
}
