/** Segment keys: `p<number>`, assigned in increasing order and never reused. */
export function keyForNumber(n: number): string {
  return `p${n}`;
}

export const SEGMENT_KEY_PATTERN = /^p[1-9][0-9]*$/;
