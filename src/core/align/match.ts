/**
 * Matching the paragraphs of two versions of the same text (an original before and after an
 * upstream edit), for re-import and for detecting edits to a fetched origin.
 *
 * The two lists are aligned with the same aligner as translations (lengths and shared words
 * weigh heavily when both sides are one language). Inside each bead, old and new paragraphs are
 * paired by word overlap, best first; a pair below `minSimilarity` is not "the same paragraph
 * edited" but a removal plus an addition.
 */
import { alignUnits } from './align.js';
import { foldText } from './features.js';

export interface ParagraphPair {
  oldIndex: number;
  newIndex: number;
  /** 1 when the texts are identical, otherwise the Dice overlap of their words (0..1). */
  similarity: number;
}

export interface MatchOptions {
  /** Pairs whose word overlap is below this are not the same paragraph edited (default 0.4). */
  minSimilarity?: number;
}

/** Old/new paragraph pairs, in document order; unpaired indices were removed or added. */
export function matchParagraphs(oldTexts: readonly string[], newTexts: readonly string[], options: MatchOptions = {}): ParagraphPair[] {
  const minSimilarity = options.minSimilarity ?? 0.4;
  const oldBags = oldTexts.map(wordBag);
  const newBags = newTexts.map(wordBag);
  const pairs: ParagraphPair[] = [];
  for (const bead of alignUnits(oldTexts, newTexts, { learnLexicon: false })) {
    const candidates: ParagraphPair[] = [];
    for (const o of bead.source) {
      for (const n of bead.target) {
        const similarity = oldTexts[o] === newTexts[n] ? 1 : dice(oldBags[o]!, newBags[n]!);
        if (similarity >= minSimilarity) candidates.push({ oldIndex: o, newIndex: n, similarity });
      }
    }
    candidates.sort((x, y) => y.similarity - x.similarity);
    const chosen: ParagraphPair[] = [];
    for (const c of candidates) {
      // One partner each, and no crossing with a better pair already taken.
      const clash = chosen.some(
        (p) => p.oldIndex === c.oldIndex || p.newIndex === c.newIndex || Math.sign(p.oldIndex - c.oldIndex) !== Math.sign(p.newIndex - c.newIndex),
      );
      if (!clash) chosen.push(c);
    }
    pairs.push(...chosen.sort((x, y) => x.oldIndex - y.oldIndex));
  }
  return pairs;
}

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [w, c] of a) {
    total += c;
    shared += Math.min(c, b.get(w) ?? 0);
  }
  for (const c of b.values()) total += c;
  return total === 0 ? 1 : (2 * shared) / total;
}
