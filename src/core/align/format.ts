/**
 * The text form of a ladder, one bead per line: `SRC:TGT` with comma-separated 0-based indices,
 * either side possibly empty (`0:0,1`, `3:`, `:4`). It is the format of the alignment
 * development set and its scorer.
 */
import type { Bead } from './types.js';

export function formatBead(bead: Bead): string {
  return `${bead.source.join(',')}:${bead.target.join(',')}`;
}

export function formatLadder(beads: readonly Bead[]): string {
  return beads.map((b) => formatBead(b) + '\n').join('');
}

/** Checks that a ladder is monotone and covers 0..n−1 and 0..m−1 exactly once each, in order. */
export function isValidLadder(beads: readonly Bead[], n: number, m: number): boolean {
  let nextS = 0;
  let nextT = 0;
  for (const bead of beads) {
    if (bead.source.length === 0 && bead.target.length === 0) return false;
    for (const s of bead.source) if (s !== nextS++) return false;
    for (const t of bead.target) if (t !== nextT++) return false;
  }
  return nextS === n && nextT === m;
}
