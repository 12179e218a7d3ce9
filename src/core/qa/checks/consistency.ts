/**
 * Article-level checks: `inconsistent-name` (one name, several spellings across an article's
 * translations) and `inconsistent-translation` (one source paragraph, several translations).
 */
import { findNames } from '../names.js';
import { fold, quote } from '../text.js';
import type { Draft } from './registry.js';

export interface KeyedPair {
  key: string;
  source: string;
  target: string;
}

interface Occurrence {
  key: string;
  text: string;
  start: number;
  end: number;
}

/** Every run of two or more consecutive words of the source's capitalised names, folded. */
function sourceNameKeys(pairs: KeyedPair[]): Set<string> {
  const keys = new Set<string>();
  for (const p of pairs) {
    for (const run of findNames(p.source)) {
      const w = fold(run.text).split(/[ \u00A0]+/);
      for (let i = 0; i < w.length - 1; i++) for (let j = i + 2; j <= w.length; j++) keys.add(w.slice(i, j).join(' '));
    }
  }
  return keys;
}

/**
 * The names of the source as they occur in one target text. A capitalised run in a translation
 * often glues a title to the name (`Finance Minister Nguyễn Văn Thắng`), so the longest runs of
 * two or more of its words that are also a name in the source are taken, not the whole run.
 */
function sourceNamesIn(target: string, sourceKeys: Set<string>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const run of findNames(target)) {
    const wordsOf = [...run.text.matchAll(/[^ \u00A0]+/g)].map((m) => ({ text: m[0], start: run.start + m.index }));
    let i = 0;
    while (i < wordsOf.length - 1) {
      let taken = false;
      for (let j = wordsOf.length; j >= i + 2; j--) {
        const first = wordsOf[i]!;
        const last = wordsOf[j - 1]!;
        const text = target.slice(first.start, last.start + last.text.length);
        const key = fold(text).split(/[ \u00A0]+/).join(' ');
        if (sourceKeys.has(key)) {
          out.push({ key, text, start: first.start, end: last.start + last.text.length });
          i = j;
          taken = true;
          break;
        }
      }
      if (!taken) i++;
    }
  }
  // findNames also yields runs without their sentence-initial word: keep each name once, at its
  // widest (`Nguyen Van Thang`, not also `Van Thang` inside it).
  return out.filter(
    (o, k) =>
      out.findIndex((p) => p.start === o.start && p.end === o.end) === k &&
      !out.some((p) => p.start <= o.start && p.end >= o.end && p.end - p.start > o.end - o.start),
  );
}

/** How much a spelling carries: `Nguyễn` says more than `Nguyen`. */
function diacriticCount(text: string): number {
  return text.normalize('NFD').length - text.length;
}

export function checkNameConsistency(pairs: KeyedPair[]): Map<string, Draft[]> {
  const out = new Map<string, Draft[]>();
  const sourceKeys = sourceNameKeys(pairs);
  if (sourceKeys.size === 0) return out;
  // folded name → spelling → where it occurs
  const forms = new Map<string, Map<string, Array<{ key: string; start: number; end: number }>>>();
  for (const p of pairs) {
    for (const n of sourceNamesIn(p.target, sourceKeys)) {
      const bySpelling = forms.get(n.key) ?? new Map<string, Array<{ key: string; start: number; end: number }>>();
      bySpelling.set(n.text, [...(bySpelling.get(n.text) ?? []), { key: p.key, start: n.start, end: n.end }]);
      forms.set(n.key, bySpelling);
    }
  }
  for (const bySpelling of forms.values()) {
    if (bySpelling.size < 2) continue;
    // The reference spelling: the most frequent; on a tie, the one with its diacritics.
    const ranked = [...bySpelling.entries()].sort((a, b) => b[1].length - a[1].length || diacriticCount(b[0]) - diacriticCount(a[0]));
    const [reference, refPlaces] = ranked[0]!;
    for (const [spelling, places] of ranked.slice(1)) {
      for (const place of places) {
        out.set(place.key, [
          ...(out.get(place.key) ?? []),
          {
            check: 'inconsistent-name',
            message: `“${quote(spelling)}” here, but “${quote(reference)}” in ${refPlaces[0]!.key}`,
            span: { side: 'target', start: place.start, end: place.end },
          },
        ]);
      }
    }
  }
  return out;
}

export function checkTranslationConsistency(pairs: KeyedPair[]): Map<string, Draft[]> {
  const out = new Map<string, Draft[]>();
  const firstBySource = new Map<string, KeyedPair>();
  for (const p of pairs) {
    if (p.target.trim() === '') continue;
    const k = fold(p.source).replace(/\s+/g, ' ').trim();
    const first = firstBySource.get(k);
    if (!first) {
      firstBySource.set(k, p);
    } else if (first.target.trim() !== p.target.trim()) {
      out.set(p.key, [{ check: 'inconsistent-translation', message: `same source text as ${first.key}, translated differently there`, span: null }]);
    }
  }
  return out;
}
