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

/**
 * A band around a path given as grid points (i, j), sorted by i then j: every row keeps the
 * columns the path crosses, widened by `radius` on each side. Gaps between points are filled with
 * the straight line between them, so the path may be coarse (e.g. block corners).
 */
export function bandAroundPath(n: number, m: number, path: ReadonlyArray<readonly [number, number]>, radius: number): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1).fill(0);
  const visit = (i: number, j: number): void => {
    const from = Math.max(0, j - radius);
    const to = Math.min(m, j + radius);
    if (from < lo[i]!) lo[i] = from;
    if (to > hi[i]!) hi[i] = to;
  };
  const points: Array<readonly [number, number]> = [[0, 0], ...path, [n, m]];
  for (let k = 1; k < points.length; k++) {
    const [i0, j0] = points[k - 1]!;
    const [i1, j1] = points[k]!;
    if (i1 === i0) {
      visit(Math.min(n, i0), j0);
      visit(Math.min(n, i0), j1);
      continue;
    }
    // Each row of the segment covers the columns the line crosses while in that row.
    for (let i = i0; i <= i1; i++) {
      const jA = j0 + ((j1 - j0) * Math.max(0, i - i0 - 1)) / (i1 - i0);
      const jB = j0 + ((j1 - j0) * Math.min(i1 - i0, i - i0 + 1)) / (i1 - i0);
      visit(Math.min(n, i), Math.floor(jA));
      visit(Math.min(n, i), Math.ceil(jB));
    }
  }
  for (let i = 0; i <= n; i++) if (lo[i]! > hi[i]!) { lo[i] = i > 0 ? lo[i - 1]! : 0; hi[i] = i > 0 ? hi[i - 1]! : 0; }
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
