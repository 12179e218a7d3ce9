/**
 * Small text helpers shared by the checks: language codes, diacritic folding, masking of
 * URLs and e-mail addresses so that other checks do not read inside them.
 */
import type { Lang } from '../model.js';

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
  const cached = FOLDED.get(text);
  if (cached !== undefined) return cached;
  // Plain ASCII needs no decomposition (the costly part): lower-case and apostrophes only.
  const folded = (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd'))
    .replace(/[’ʼ‘`]/g, "'")
    .toLowerCase();
  // The same source paragraph is folded once per target language and per check: remember it.
  if (FOLDED.size >= 4096) FOLDED.clear();
  FOLDED.set(text, folded);
  return folded;
}

const FOLDED = new Map<string, string>();

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
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** A short, single-line excerpt for messages. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
