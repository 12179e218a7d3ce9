export { alignUnits, DEFAULT_SHAPES, DEFAULT_LEXICAL, type AlignOptions } from './align.js';
export { formatBead, formatLadder, isValidLadder } from './format.js';
export { summarizeLadder, sharesFromLadder, distributeSentences, type LadderSummary, type GroupShare, type SentenceSplitter } from './groups.js';
export { matchParagraphs, type ParagraphPair, type MatchOptions } from './match.js';
export type { Bead, BeadShape } from './types.js';
