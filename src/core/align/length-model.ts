/**
 * The Gale–Church length model: a translation's length in characters is roughly proportional to
 * its source's, with a variance that grows with the length. For a bead of source length `ls` and
 * target length `lt`, `delta = (lt - c·ls) / sqrt(s² · mean length)` is about standard normal;
 * the bead's log-probability is that of a deviation at least as large, `log(2·(1 − Φ(|delta|)))`.
 *
 * Everything stays in log space: the tail of the normal is computed as a logarithm directly, so
 * a grossly mismatched bead gets a large negative number, never `log(0)`.
 */

/**
 * `log(erfc(z))` for z ≥ 0, from the Numerical Recipes rational approximation of erfc
 * (fractional error below 1.2e-7), rewritten so the exponential is never evaluated.
 */
export function logErfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

/** `log P(|N(0,1)| ≥ |delta|)` = `log erfc(|delta| / √2)`. */
export function logTwoSidedTail(delta: number): number {
  return logErfc(Math.abs(delta) / Math.SQRT2);
}

export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of the target length per character (Gale and Church measured 6.8). */
  variance: number;
}

/** Log-probability of a bead's lengths under the model (both sides non-empty). */
export function lengthLogProb(model: LengthModel, ls: number, lt: number): number {
  const mean = Math.max(1, (ls + lt / model.ratio) / 2);
  const delta = (lt - ls * model.ratio) / Math.sqrt(model.variance * mean);
  return logTwoSidedTail(delta);
}
