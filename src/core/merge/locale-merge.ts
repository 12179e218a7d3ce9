/**
 * Three-way merge of an i18next locale file (a flat key → string object), key by key.
 *
 * A key changed (added, edited, removed) on one side only takes that side's value. A key changed
 * differently on both sides keeps the BASE value (or stays absent if the base had none): the file
 * stays valid JSON and keeps saying what was approved before the two branches diverged. The same
 * rule decides the approved text in the review-state merge (`state-merge.ts`), which is what
 * keeps a target locale file and its review state in agreement although git merges them
 * separately: merging the locale file gives the same strings as deriving it from the merged state.
 */
import { mergeKeyOrder, pickThreeWay } from './three-way.js';

export type LocaleStrings = Record<string, string>;

export interface LocaleKeyConflict {
  key: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
}

export interface LocaleMergeResult {
  strings: LocaleStrings;
  /** Keys both sides changed differently; each kept its base value. */
  conflicts: LocaleKeyConflict[];
}

export function mergeLocaleStrings(base: LocaleStrings, ours: LocaleStrings, theirs: LocaleStrings): LocaleMergeResult {
  const get = (o: LocaleStrings, k: string): string | null => (Object.hasOwn(o, k) ? o[k]! : null);
  const strings: LocaleStrings = {};
  const conflicts: LocaleKeyConflict[] = [];
  // Keys deleted on one side must still be visited, so base keys join the order too.
  const keys = mergeKeyOrder(mergeKeyOrder(Object.keys(ours), Object.keys(theirs)), Object.keys(base));
  for (const key of keys) {
    const b = get(base, key);
    const o = get(ours, key);
    const t = get(theirs, key);
    const pick = pickThreeWay(b, o, t);
    const value = pick.clash ? b : pick.value;
    if (pick.clash) conflicts.push({ key, base: b, ours: o, theirs: t });
    if (value !== null) strings[key] = value;
  }
  return { strings, conflicts };
}

/**
 * The strings in document order (the article's `order`), which is how verso writes locale files;
 * keys the order does not know keep their merged order, after the known ones.
 */
export function inDocumentOrder(strings: LocaleStrings, order: readonly string[]): LocaleStrings {
  const rank = new Map(order.map((k, i) => [k, i]));
  const keys = Object.keys(strings);
  const sorted = keys
    .map((k, i) => ({ k, r: rank.get(k) ?? order.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.k);
  return Object.fromEntries(sorted.map((k) => [k, strings[k]!]));
}
