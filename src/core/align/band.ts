/**
 * The part of the (source × target) grid the dynamic programme explores.
 *
 * A DP cell (i, j) means "the first i source units and the first j target units are aligned".
 * Row i may use columns `lo[i] ..= hi[i]`. Both bounds never decrease from one row to the next,
 * row 0 starts at column 0 and row n ends at column m, so a monotone path from (0, 0) to (n, m)
 * always fits. A full band is the whole grid; a narrow band around a first-pass path makes the
 * work proportional to n × width instead of n × m.
 */
export interface Band {
  n: number;
  m: number;
  lo: Int32Array;
  hi: Int32Array;
}

export function fullBand(n: number, m: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1).fill(m);
  return { n, m, lo, hi };
}

/** Number of cells in the band. */
export function bandSize(band: Band): number {
  let total = 0;
  for (let i = 0; i <= band.n; i++) total += band.hi[i]! - band.lo[i]! + 1;
  return total;
}

/**
 * A band of half-width `radius` around a path given as grid points (i, j), sorted by i then j.
 * Gaps between points are filled with the straight line between them, so the path may be coarse.
 */
export function bandAroundPath(n: number, m: number, path: ReadonlyArray<readonly [number, number]>, radius: number): Band {
  // Per row, the columns the path passes through.
  const minCol = new Int32Array(n + 1).fill(m);
  const maxCol = new Int32Array(n + 1).fill(0);
  const visit = (i: number, j: number): void => {
    if (j < minCol[i]!) minCol[i] = j;
    if (j > maxCol[i]!) maxCol[i] = j;
  };
  const points: Array<readonly [number, number]> = [[0, 0], ...path, [n, m]];
  for (let k = 1; k < points.length; k++) {
    const [i0, j0] = points[k - 1]!;
    const [i1, j1] = points[k]!;
    const steps = Math.max(1, i1 - i0);
    for (let s = 0; s <= steps; s++) {
      const i = Math.min(n, Math.max(0, i0 + Math.round(((i1 - i0) * s) / steps)));
      const jA = j0 + ((j1 - j0) * Math.max(0, s - 1)) / steps;
      const jB = j0 + ((j1 - j0) * Math.min(steps, s + 1)) / steps;
      visit(i, Math.min(m, Math.max(0, Math.floor(jA))));
      visit(i, Math.min(m, Math.max(0, Math.ceil(jB))));
    }
  }
  // Rows the path skipped (none after the fill above, but be safe) inherit the previous row.
  for (let i = 1; i <= n; i++) {
    if (minCol[i]! > maxCol[i]!) {
      minCol[i] = maxCol[i - 1]!;
      maxCol[i] = maxCol[i - 1]!;
    }
  }
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  // Widen by `radius` rows and columns: a sliding window over rows, then the column margin.
  for (let i = 0; i <= n; i++) {
    const from = Math.max(0, i - radius);
    const to = Math.min(n, i + radius);
    lo[i] = Math.max(0, minCol[from]! - radius);
    hi[i] = Math.min(m, maxCol[to]! + radius);
  }
  return monotone(n, m, lo, hi);
}

/** Makes bounds non-decreasing and pins the corners, keeping every column already allowed. */
function monotone(n: number, m: number, lo: Int32Array, hi: Int32Array): Band {
  lo[0] = 0;
  hi[n] = m;
  for (let i = n - 1; i >= 0; i--) if (lo[i]! > lo[i + 1]!) lo[i] = lo[i + 1]!;
  for (let i = 1; i <= n; i++) if (hi[i]! < hi[i - 1]!) hi[i] = hi[i - 1]!;
  for (let i = 0; i <= n; i++) if (hi[i]! < lo[i]!) hi[i] = lo[i]!;
  // Consecutive rows must overlap, or no 1–0 step could cross from one to the next.
  for (let i = n - 1; i >= 0; i--) if (hi[i]! < lo[i + 1]!) hi[i] = lo[i + 1]!;
  for (let i = 1; i <= n; i++) if (hi[i]! < hi[i - 1]!) hi[i] = hi[i - 1]!;
  return { n, m, lo, hi };
}

/** Whether the path comes within `margin` of a band edge that is not the grid's edge. */
export function pathTouchesEdge(band: Band, path: ReadonlyArray<readonly [number, number]>, margin: number): boolean {
  for (const [i, j] of path) {
    if (j - band.lo[i]! < margin && band.lo[i]! > 0) return true;
    if (band.hi[i]! - j < margin && band.hi[i]! < band.m) return true;
  }
  return false;
}
