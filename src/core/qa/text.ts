/**
 * Small text helpers shared by the checks: language codes, diacritic folding, masking of
 * URLs and e-mail addresses so that other checks do not read inside them.
 */
import type { Lang } from '../model.js';
import { isWordCharAt } from './chars.js';
import { BoundedMemo } from './memo.js';

/** `pt-BR` → `pt`; checks only care about the base language. */
export function baseLang(lang: Lang): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? lang.toLowerCase();
}

/** Space characters French typography uses: space, no-break space, narrow no-break space, thin space. */
export const SPACE_CHARS = ' \u00A0\u202F\u2009';

/**
 * Lower-case, strip diacritics (including Vietnamese `đ`), normalise apostrophes.
 * `Nguyễn Xuân Phúc` and `Nguyen Xuan Phuc` fold to the same key.
 */
export function fold(text: string): string {
  // Short texts (names, first words) are cheaper to fold than to look up, and would push the
  // paragraphs that are worth remembering out of the cache.
  if (text.length < SHORT_TEXT) return foldLatin(text) ?? foldAny(text);
  // The same source paragraph is folded once per target language and per check: remember it.
  return FOLDED.get(text) ?? FOLDED.set(text, foldLatin(text) ?? foldAny(text));
}

const SHORT_TEXT = 48;
const FOLDED = new BoundedMemo<string, string>();

/** The definition of {@link fold}, for any text: decomposition (NFD) is the costly part. */
function foldAny(text: string): string {
  return (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'))
    .replace(/[’ʼ‘`]/g, "'")
    .toLowerCase();
}

/**
 * {@link fold} character by character, for text written only with the characters of
 * {@link latinIndex}'s blocks (Latin, Vietnamese, combining diacritics, general punctuation);
 * `undefined` for any other text.
 *
 * Why it gives the same result: NFD decomposes each character on its own and then only reorders
 * runs of combining marks. In these blocks a decomposition is a base character followed by marks
 * of U+0300–U+036F, and every mark is removed, so the order of the marks does not matter and the
 * folded text is the concatenation of the folded characters. Lower-casing is left to one
 * `toLowerCase()` of the whole text, as in {@link foldAny} (its only context rule, Greek final
 * sigma, cannot apply: no character of these blocks is or decomposes into a sigma).
 */
function foldLatin(text: string): string | undefined {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c !== 0x60) continue; // ` is an apostrophe
    } else {
      const stripped = latinStripped(c);
      if (stripped === undefined) return undefined;
      if (stripped === null) continue; // unchanged
      out += text.slice(copied, i) + stripped;
      copied = i + 1;
      continue;
    }
    out += text.slice(copied, i) + "'";
    copied = i + 1;
  }
  return (copied === 0 ? text : out + text.slice(copied)).toLowerCase();
}

/**
 * The blocks folded by table, one after the other: Latin-1, Latin Extended-A/B, IPA, spacing
 * modifiers (ʼ) and combining diacritics (U+0080–U+036F); Latin Extended Additional, Vietnamese
 * (U+1E00–U+1EFF); general punctuation, ’ “ ” – … and the no-break spaces (U+2000–U+206F).
 */
function latinIndex(c: number): number {
  if (c >= 0x80 && c <= 0x36f) return c - 0x80;
  if (c >= 0x1e00 && c <= 0x1eff) return c - 0x1e00 + 0x2f0;
  if (c >= 0x2000 && c <= 0x206f) return c - 0x2000 + 0x3f0;
  return -1;
}

/** Each character of the blocks decomposed, stripped of marks and `đ`, apostrophe normalised (`null`: unchanged). */
const LATIN_TABLE = new Array<string | null | undefined>(0x460).fill(undefined);

/** The folded form of one character before lower-casing; `undefined` outside {@link latinIndex}'s blocks. */
function latinStripped(c: number): string | null | undefined {
  const index = latinIndex(c);
  if (index < 0) return undefined;
  let stripped = LATIN_TABLE[index];
  if (stripped === undefined) {
    const ch = String.fromCharCode(c);
    const s = ch.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[’ʼ‘`]/g, "'");
    stripped = s === ch ? null : s;
    LATIN_TABLE[index] = stripped;
  }
  return stripped;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”]+/giu;
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export interface Found {
  text: string;
  start: number;
  end: number;
}

/**
 * URLs as a reader would copy them: the sentence's closing punctuation is not part of the URL,
 * but a `)` that closes a `(` inside it is (Wikipedia links).
 */
export function findUrls(text: string): Found[] {
  // Cheap test first: most paragraphs have no link, and the scan below is the costly part.
  if (!/https?:|www\./i.test(text)) return [];
  const out: Found[] = [];
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    for (;;) {
      const last = url.at(-1) ?? '';
      if (/[.,;:!?'’»”"\]]/.test(last)) url = url.slice(0, -1);
      else if (last === ')' && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
      else break;
    }
    out.push({ text: url, start: m.index, end: m.index + url.length });
  }
  return out;
}

export function findEmails(text: string): Found[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL_RE)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Replaces URLs and e-mail addresses by spaces of the same length, so offsets stay valid. */
export function maskLinks(text: string): string {
  let out = text;
  const links = [...findUrls(text), ...findEmails(text)];
  if (links.length === 0) return text;
  for (const f of links) {
    out = out.slice(0, f.start) + ' '.repeat(f.end - f.start) + out.slice(f.end);
  }
  return out;
}

export function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Words as runs of letters, digits and inner apostrophes/hyphens, with their offsets. */
export function words(text: string): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordCharAt(text, i)) {
      i++;
      continue;
    }
    const end = wordEnd(text, i);
    out.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return out;
}

/**
 * Where the word starting at `start` ends: `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*`, as long as possible
 * (`l’homme`, `COVID-19`; a trailing `-` or `’` is not part of the word).
 */
function wordEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (isWordCharAt(text, i)) i++;
    if (isWordJoiner(text.charCodeAt(i)) && isWordCharAt(text, i + 1)) i++;
    else return i;
  }
}

/** `'`, `’` or `-`: joins two runs of letters into one word. */
export function isWordJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

/** A short, single-line excerpt for messages. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
