/**
 * Proper names as sequences of capitalised words (`Nguyễn Xuân Phúc`, `Lloyd Austin`,
 * `Hô Chi Minh-Ville`), and acronyms (`ATACMS`, `NATO`). A name at the start of a sentence may
 * carry a capitalised ordinary word in front of it (`Selon Reuters`, `But Nguyen Van An`), so
 * such a sequence also yields itself without its first word.
 */
import type { Found } from './text.js';
import { fold } from './text.js';

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}]*(?:['’-]\\p{L}[\\p{Ll}\\p{M}]*)*";
const NAME_SEQUENCE = new RegExp(`(?<![\\p{L}\\p{N}])${NAME_WORD}(?:[ \\u00A0]${NAME_WORD})+(?![\\p{L}\\p{N}])`, 'gu');
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;

function atSentenceStart(text: string, index: number): boolean {
  return /(^|[.!?:;«“"—–-][\s\u00A0\u202F]*|^[\s\u00A0\u202F]*)$/u.test(text.slice(Math.max(0, index - 4), index)) || index === 0;
}

export interface Name extends Found {
  /** Diacritic- and case-insensitive key: `Nguyen Xuan Phuc` and `Nguyễn Xuân Phúc` share it. */
  key: string;
}

/** Multi-word capitalised names (at least two words after dropping a sentence-initial word). */
export function findNames(text: string): Name[] {
  // Source paragraphs are searched once per target language and per check: remember them.
  const cached = NAMES.get(text);
  if (cached) return cached;
  const out = scanNames(text);
  if (NAMES.size >= 4096) NAMES.clear();
  NAMES.set(text, out);
  return out;
}

const NAMES = new Map<string, Name[]>();

function scanNames(text: string): Name[] {
  const out: Name[] = [];
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, key: fold(m[0]) });
    if (atSentenceStart(text, m.index)) {
      const rest = m[0].indexOf(' ') >= 0 ? m[0].slice(m[0].search(/[ \u00A0]/) + 1) : '';
      if (/[ \u00A0]/.test(rest)) {
        const start = m.index + m[0].length - rest.length;
        out.push({ text: rest, start, end: m.index + m[0].length, key: fold(rest) });
      }
    }
  }
  return out;
}

export function findAcronyms(text: string): Name[] {
  return [...text.matchAll(ACRONYM)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, key: m[0] }));
}

/** Whether a folded key occurs in a text as whole words, diacritics and case aside. */
export function containsFolded(text: string, key: string): boolean {
  return containsFoldedKey(fold(text), key);
}

/** Same, for a text folded once beforehand (article-wide searches). */
export function containsFoldedKey(folded: string, key: string): boolean {
  let i = folded.indexOf(key);
  while (i >= 0) {
    const before = folded[i - 1] ?? ' ';
    const after = folded[i + key.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    i = folded.indexOf(key, i + 1);
  }
  return false;
}
