/**
 * Matching the paragraphs of an old and a new version of the same article, in order.
 *
 * First the paragraphs that did not change at all anchor the two versions (a longest common
 * subsequence on exact text). Between two anchors, old and new paragraphs are matched by the
 * aligner (see `pairGap`), so an edited paragraph keeps its key
 * while a rewritten-from-scratch one counts as removed plus added. Paragraphs that moved
 * unchanged are paired out of order, before any word-overlap pairing.
 */
import { matchParagraphs as alignParagraphs } from '../align/match.js';

export interface ParagraphMatch {
  oldIndex: number;
  newIndex: number;
  /** 1 for identical text, otherwise the word-overlap score that paired them. */
  similarity: number;
}

/** Pairs whose word overlap (Dice) is below this are not the same paragraph edited. */
export const EDIT_SIMILARITY_THRESHOLD = 0.4;

export function matchParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): ParagraphMatch[] {
  const anchors = exactAnchors(oldTexts, newTexts);
  // Exact matches always win over fuzzy ones: pair moved paragraphs before the gaps are paired
  // by word overlap, or a look-alike (same words, other punctuation) could take their key.
  const moved = movedParagraphs(oldTexts, newTexts, anchors);
  const takenOld = new Set(moved.map((m) => m.oldIndex));
  const takenNew = new Set(moved.map((m) => m.newIndex));
  const range = (from: number, to: number, taken: Set<number>) => Array.from({ length: to - from }, (_, k) => from + k).filter((i) => !taken.has(i));
  const matches: ParagraphMatch[] = [...moved];
  let oi = 0;
  let ni = 0;
  for (const a of [...anchors, { oldIndex: oldTexts.length, newIndex: newTexts.length, similarity: 1 }]) {
    matches.push(...pairGap(oldTexts, newTexts, range(oi, a.oldIndex, takenOld), range(ni, a.newIndex, takenNew)));
    if (a.oldIndex < oldTexts.length) matches.push(a);
    oi = a.oldIndex + 1;
    ni = a.newIndex + 1;
  }
  return matches.sort((x, y) => x.newIndex - y.newIndex);
}

/**
 * The common subsequence keeps document order, so a paragraph that moved (two paragraphs
 * swapped, one moved up) is not an anchor. Pair those that are word for word the same, so a
 * moved paragraph keeps its key and its translations instead of becoming removed + added.
 */
function movedParagraphs(oldTexts: readonly string[], newTexts: readonly string[], anchors: readonly ParagraphMatch[]): ParagraphMatch[] {
  const usedOld = new Set(anchors.map((m) => m.oldIndex));
  const usedNew = new Set(anchors.map((m) => m.newIndex));
  const freeOldByText = new Map<string, number[]>();
  oldTexts.forEach((t, i) => {
    if (!usedOld.has(i)) freeOldByText.set(t, [...(freeOldByText.get(t) ?? []), i]);
  });
  const out: ParagraphMatch[] = [];
  newTexts.forEach((t, j) => {
    const oldIndex = usedNew.has(j) ? undefined : freeOldByText.get(t)?.shift();
    if (oldIndex !== undefined) out.push({ oldIndex, newIndex: j, similarity: 1 });
  });
  return out;
}

/** Longest common subsequence of identical paragraphs. O(n·m) on paragraph counts, fine for articles. */
function exactAnchors(a: readonly string[], b: readonly string[]): ParagraphMatch[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[i] === b[j] ? (table[at(i + 1, j + 1)] as number) + 1 : Math.max(table[at(i + 1, j)] as number, table[at(i, j + 1)] as number);
    }
  }
  const out: ParagraphMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ oldIndex: i, newIndex: j, similarity: 1 });
      i++;
      j++;
    } else if ((table[at(i + 1, j)] as number) >= (table[at(i, j + 1)] as number)) i++;
    else j++;
  }
  return out;
}

/**
 * Pairs the old and new paragraphs between two unchanged ones with the aligner (`core/align`:
 * lengths, shared words, numbers and names), so edited, merged and split paragraphs are
 * recognised the way translations are; a pair whose word overlap is below the threshold is a
 * removal plus an addition, not an edit.
 */
function pairGap(oldTexts: readonly string[], newTexts: readonly string[], oldIdx: readonly number[], newIdx: readonly number[]): ParagraphMatch[] {
  if (oldIdx.length === 0 || newIdx.length === 0) return [];
  const pairs = alignParagraphs(
    oldIdx.map((i) => oldTexts[i] as string),
    newIdx.map((j) => newTexts[j] as string),
    { minSimilarity: EDIT_SIMILARITY_THRESHOLD },
  );
  return pairs.map((p) => ({ oldIndex: oldIdx[p.oldIndex] as number, newIndex: newIdx[p.newIndex] as number, similarity: p.similarity }));
}
