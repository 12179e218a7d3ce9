/**
 * Article-level checks: `inconsistent-name` (one name, several spellings across an article's
 * translations) and `inconsistent-translation` (one source paragraph, several translations).
 */
import { flagsAt, MARK, SPACE } from '../chars.js';
import { BoundedMemo } from '../memo.js';
import { findNames, scanNames, type Name } from '../names.js';
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
  for (const p of pairs) for (const key of nameKeysOf(p.source)) keys.add(key);
  return keys;
}

/**
 * The folded word runs of one source text's names. A source is read once per target language,
 * so they are remembered (bounded, like the other per-text memos of QA).
 */
function nameKeysOf(source: string): string[] {
  const cached = NAME_KEYS.get(source);
  if (cached) return cached;
  const keys: string[] = [];
  for (const run of findNames(source)) {
    // run.key is fold(run.text): its words, joined by plain spaces, are the keys.
    const spacedKey = readRun(run);
    if (spacedKey === null) {
      const w = run.key.split(/[ \u00A0]+/);
      for (let i = 0; i < w.length - 1; i++) for (let j = i + 2; j <= w.length; j++) keys.push(w.slice(i, j).join(' '));
      continue;
    }
    const count = keyStarts.length;
    for (let i = 0; i < count - 1; i++) {
      for (let j = i + 2; j <= count; j++) keys.push(i === 0 && j === count ? spacedKey : spacedKey.slice(keyStarts[i]!, keyEnds[j - 1]!));
    }
  }
  return NAME_KEYS.set(source, keys);
}

const NAME_KEYS = new BoundedMemo<string, string[]>();

// The words of the name run being read (see readRun): where each starts and ends in the target,
// and in the run's folded key. Reused from run to run: sourceNamesIn allocates no arrays per name.
const wordStarts: number[] = [];
const wordEnds: number[] = [];
const keyStarts: number[] = [];
const keyEnds: number[] = [];

/**
 * Reads the words of a name run (`run.text` is words joined by single spaces or no-break spaces)
 * and of its folded key into the arrays above, and returns the key with a plain space between
 * words. Folding works word by word — a space decomposes to nothing, carries no mark and ends the
 * context of a final sigma — so the key has the same words, each folded; if it ever did not, the
 * result is null and the caller folds each range of words itself, as it used to.
 */
function readRun(run: Name): string | null {
  wordStarts.length = wordEnds.length = keyStarts.length = keyEnds.length = 0;
  const joiners = wordBounds(run.text, run.start, wordStarts, wordEnds);
  const keyJoiners = wordBounds(run.key, 0, keyStarts, keyEnds);
  if (keyStarts.length !== wordStarts.length || keyJoiners !== joiners || keyJoiners !== keyStarts.length - 1) return null;
  return run.key.includes('\u00A0') ? run.key.replaceAll('\u00A0', ' ') : run.key;
}

/** Maximal runs of characters other than space and no-break space (offset by `base`); returns the number of those two characters. */
function wordBounds(text: string, base: number, starts: number[], ends: number[]): number {
  let joiners = 0;
  let wordStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0xa0) continue;
      joiners++;
    }
    if (i > wordStart) {
      starts.push(base + wordStart);
      ends.push(base + i);
    }
    wordStart = i + 1;
  }
  return joiners;
}

/**
 * The names of the source as they occur in one target text. A capitalised run in a translation
 * often glues a title to the name (`Finance Minister Nguyễn Văn Thắng`), so the longest runs of
 * two or more of its words that are also a name in the source are taken, not the whole run.
 */
function sourceNamesIn(target: string, sourceKeys: Set<string>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const run of scanNames(target)) {
    const spacedKey = readRun(run);
    const count = wordStarts.length;
    let i = 0;
    while (i < count - 1) {
      let taken = false;
      for (let j = count; j >= i + 2; j--) {
        const start = wordStarts[i]!;
        const end = wordEnds[j - 1]!;
        // As `fold(text).split(/[ \u00A0]+/).join(' ')` gives it.
        const key =
          spacedKey === null
            ? fold(target.slice(start, end)).split(/[ \u00A0]+/).join(' ')
            : i === 0 && j === count
              ? spacedKey
              : spacedKey.slice(keyStarts[i]!, keyEnds[j - 1]!);
        if (sourceKeys.has(key)) {
          out.push({ key, text: target.slice(start, end), start, end });
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
  return out.length < 2 ? out : out.filter((o, k) => isKept(out, o, k));
}

/** Whether an occurrence is the first at its place and lies inside no wider one. */
function isKept(all: Occurrence[], o: Occurrence, index: number): boolean {
  for (let k = 0; k < all.length; k++) {
    const p = all[k]!;
    if (k < index && p.start === o.start && p.end === o.end) return false;
    if (p.start <= o.start && p.end >= o.end && p.end - p.start > o.end - o.start) return false;
  }
  return true;
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
      // A no-break space is typography, not spelling: `Nguyễn\u00A0Văn Thắng` is `Nguyễn Văn Thắng`.
      const spelling = n.text.includes('\u00A0') ? n.text.replace(/\u00A0/g, ' ') : n.text;
      let bySpelling = forms.get(n.key);
      if (!bySpelling) forms.set(n.key, (bySpelling = new Map()));
      const places = bySpelling.get(spelling);
      if (places) places.push({ key: p.key, start: n.start, end: n.end });
      else bySpelling.set(spelling, [{ key: p.key, start: n.start, end: n.end }]);
    }
  }
  for (const bySpelling of forms.values()) {
    if (bySpelling.size < 2) continue;
    // The reference spelling: the most frequent; on a tie, the one with its diacritics.
    const ranked = [...bySpelling.entries()].sort((a, b) => b[1].length - a[1].length || diacriticCount(b[0]) - diacriticCount(a[0]));
    const [reference, refPlaces] = ranked[0]!;
    for (const [spelling, places] of ranked.slice(1)) {
      for (const place of places) {
        const finding: Draft = {
          check: 'inconsistent-name',
          message: `“${quote(spelling)}” here, but “${quote(reference)}” in ${refPlaces[0]!.key}`,
          span: { side: 'target', start: place.start, end: place.end },
        };
        const drafts = out.get(place.key);
        if (drafts) drafts.push(finding);
        else out.set(place.key, [finding]);
      }
    }
  }
  return out;
}

export function checkTranslationConsistency(pairs: KeyedPair[]): Map<string, Draft[]> {
  const out = new Map<string, Draft[]>();
  // Folding every source is the costly part, and in most articles no two sources are alike: a
  // source whose signature no other translated source shares cannot share its key, so only the
  // others are folded and compared.
  const signatures: number[] = [];
  const bySignature = new Map<number, number>();
  for (const p of pairs) {
    const signature = p.target.trim() === '' ? NaN : sourceSignature(p.source);
    signatures.push(signature);
    if (!Number.isNaN(signature)) bySignature.set(signature, (bySignature.get(signature) ?? 0) + 1);
  }
  const firstBySource = new Map<string, KeyedPair>();
  for (let i = 0; i < pairs.length; i++) {
    const signature = signatures[i]!;
    if (Number.isNaN(signature) || bySignature.get(signature)! < 2) continue;
    const p = pairs[i]!;
    const k = sourceKeyOf(p.source);
    const first = firstBySource.get(k);
    if (!first) {
      firstBySource.set(k, p);
    } else if (first.target.trim() !== p.target.trim()) {
      out.set(p.key, [{ check: 'inconsistent-translation', message: `same source text as ${first.key}, translated differently there`, span: null }]);
    }
  }
  return out;
}

/**
 * A number that sources with the same {@link sourceKeyOf} key always share: how many words of
 * the key there are and which ASCII digits it has, in order (hashed; a collision only costs a
 * fold). Read from the text itself, because fold() keeps each ASCII digit and makes none, maps
 * white space to white space and nothing else to white space, and erases exactly the combining
 * marks (so a "word" of marks alone vanishes from the key); tests/core/qa/consistency.test.ts
 * checks this for every character. Remembered per source text, read once per target language.
 */
function sourceSignature(source: string): number {
  return SIGNATURES.get(source) ?? SIGNATURES.set(source, signatureOf(source));
}

const SIGNATURES = new BoundedMemo<string, number>();

function signatureOf(source: string): number {
  let words = 0;
  let inWord = false;
  let digits = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const f = c < 0x80 && c > 0x20 ? 0 : flagsAt(source, i);
    if ((f & SPACE) !== 0) {
      inWord = false;
    } else if ((f & MARK) === 0) {
      if (!inWord) words++;
      inWord = true;
      if (c >= 0x30 && c <= 0x39) digits = (Math.imul(digits, 31) + c) | 0;
    }
  }
  return Math.imul(digits, 1021) + words;
}

/**
 * A source paragraph's identity for `inconsistent-translation`: folded, white space collapsed.
 * Computed once per source text, not once per target language (bounded memo).
 */
function sourceKeyOf(source: string): string {
  return SOURCE_KEYS.get(source) ?? SOURCE_KEYS.set(source, fold(source).replace(/\s+/g, ' ').trim());
}

const SOURCE_KEYS = new BoundedMemo<string, string>();
