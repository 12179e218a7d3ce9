/**
 * From a paragraph ladder to per-segment texts.
 *
 * Paragraphs are aligned first (align.ts). Where a translator merged several source paragraphs
 * into one, or regrouped them, the group's target text is split into sentences and aligned
 * sentence by sentence to the group's source sentences; if every sentence bead stays inside one
 * source paragraph and each source paragraph receives at least one target sentence, the target
 * text is *distributed*: each source paragraph gets its own part. Otherwise the group stays
 * whole and its first source paragraph carries the text for all (the others are *covered*).
 */
import { alignUnits } from './align.js';
import type { Bead } from './types.js';

/** What a paragraph ladder looks like, counted as a translator would describe it. */
export interface LadderSummary {
  /** 1–1 beads. */
  oneToOne: number;
  /** Several source paragraphs translated as one (n–1). */
  merges: number;
  /** One source paragraph translated as several (1–n). */
  splits: number;
  /** Several to several (n–m, both ≥ 2). */
  regrouped: number;
  /** Source paragraphs with no translation (1–0). */
  unmatchedSource: number;
  /** Target paragraphs with no source (0–1). */
  unmatchedTarget: number;
}

export function summarizeLadder(beads: readonly Bead[]): LadderSummary {
  const summary: LadderSummary = { oneToOne: 0, merges: 0, splits: 0, regrouped: 0, unmatchedSource: 0, unmatchedTarget: 0 };
  for (const { source, target } of beads) {
    if (target.length === 0) summary.unmatchedSource += source.length;
    else if (source.length === 0) summary.unmatchedTarget += target.length;
    else if (source.length === 1 && target.length === 1) summary.oneToOne++;
    else if (target.length === 1) summary.merges++;
    else if (source.length === 1) summary.splits++;
    else summary.regrouped++;
  }
  return summary;
}

/** One source paragraph's share of an aligned group. */
export type GroupShare =
  | { kind: 'own'; text: string }
  /** The whole group's text, held by the first paragraph of the group. */
  | { kind: 'group'; text: string; covers: number[] }
  /** Covered by the first paragraph of its group, whose text includes this one's translation. */
  | { kind: 'covered'; by: number }
  | { kind: 'none' };

export type SentenceSplitter = (text: string) => string[];

/**
 * Each source paragraph's share of the target text, for a whole ladder.
 * `joiner` glues target paragraphs of a 1–n group (a space: they become one paragraph).
 */
export function sharesFromLadder(
  sourceTexts: readonly string[],
  targetTexts: readonly string[],
  beads: readonly Bead[],
  splitSource: SentenceSplitter,
  splitTarget: SentenceSplitter,
): GroupShare[] {
  const shares: GroupShare[] = sourceTexts.map(() => ({ kind: 'none' }));
  for (const { source, target } of beads) {
    if (source.length === 0) continue;
    if (target.length === 0) continue;
    const text = target.map((t) => targetTexts[t]!.trim()).join(' ');
    if (source.length === 1) {
      shares[source[0]!] = { kind: 'own', text };
      continue;
    }
    const parts = distributeSentences(
      source.map((s) => sourceTexts[s]!),
      text,
      splitSource,
      splitTarget,
    );
    if (parts) {
      source.forEach((s, k) => (shares[s] = { kind: 'own', text: parts[k]! }));
    } else {
      const [first, ...rest] = source as [number, ...number[]];
      shares[first] = { kind: 'group', text, covers: rest };
      for (const s of rest) shares[s] = { kind: 'covered', by: first };
    }
  }
  return shares;
}

/**
 * Splits `targetText` between the source paragraphs by aligning sentences, or returns null when
 * the sentence alignment does not respect the paragraph boundaries.
 */
export function distributeSentences(
  sourceParagraphs: readonly string[],
  targetText: string,
  splitSource: SentenceSplitter,
  splitTarget: SentenceSplitter,
): string[] | null {
  const owner: number[] = [];
  const sourceSentences: string[] = [];
  sourceParagraphs.forEach((p, k) => {
    for (const s of splitSource(p)) {
      sourceSentences.push(s);
      owner.push(k);
    }
  });
  const targetSentences = splitTarget(targetText);
  if (targetSentences.length < sourceParagraphs.length) return null;
  const beads = alignUnits(sourceSentences, targetSentences);
  const parts: string[][] = sourceParagraphs.map(() => []);
  let lastOwner = -1;
  for (const bead of beads) {
    if (bead.source.length === 0) {
      // An added target sentence goes with the paragraph before it (or the first one).
      parts[Math.max(0, lastOwner)]!.push(...bead.target.map((t) => targetSentences[t]!));
      continue;
    }
    const owners = new Set(bead.source.map((s) => owner[s]!));
    if (owners.size > 1) return null;
    lastOwner = owner[bead.source[0]!]!;
    parts[lastOwner]!.push(...bead.target.map((t) => targetSentences[t]!));
  }
  if (parts.some((p) => p.length === 0)) return null;
  return parts.map((p) => p.map((s) => s.trim()).join(' '));
}
