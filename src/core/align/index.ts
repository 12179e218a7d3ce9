export { alignUnits, DEFAULT_SHAPES, DEFAULT_LEXICAL, type AlignOptions } from './align.js';
export { formatBead, formatLadder, isValidLadder } from './format.js';
export type { Bead, BeadShape } from './types.js';
