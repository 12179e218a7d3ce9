/** `double-word`, `untranslated`, `length-ratio`: checks that read the text as words. */
import { isWordCharAt } from '../chars.js';
import { BoundedMemo } from '../memo.js';
import { baseLang, findEmails, findUrls, fold, isWordJoiner, words } from '../text.js';
import { neutralTypography } from '../typography.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

/**
 * Doubled words that are grammatical: English `had had`, `that that`; French reflexive
 * `nous nous`, `vous vous`. Vietnamese reduplicates freely (`từ từ`, `người người`, `ngày ngày`),
 * so there only function words that never reduplicate are reported.
 */
const ALLOWED_DOUBLES: Record<string, Set<string>> = {
  en: new Set(['had', 'that', 'is', 'do', 'bye', 'no', 'very', 'so', 'ha', 'knock', 'far', 'more', 'many']),
  fr: new Set(['nous', 'vous', 'très', 'si', 'non', 'oui', 'bien', 'beaucoup']),
  de: new Set(['die', 'der', 'das', 'sie']),
};
const VI_NEVER_DOUBLED = new Set(['của', 'và', 'là', 'các', 'những', 'được', 'trong', 'cho', 'với', 'đã', 'này', 'không', 'có', 'một', 'để', 'tại', 'từ', 'theo', 'về', 'sẽ', 'đang', 'bị', 'khi', 'thì', 'mà', 'nhưng', 'hoặc', 'cũng', 'ông', 'bà']);
// `từ` (from) reduplicates as `từ từ` (slowly): allow it despite the list above.
VI_NEVER_DOUBLED.delete('từ');

export function checkDoubleWords(pair: SegmentPair, opts: QaOptions): Draft[] {
  const lang = baseLang(opts.targetLang);
  const out: Draft[] = [];
  let inSource: Set<string> | undefined;
  for (const d of doubledWords(pair.target)) {
    const w = d.word.toLowerCase();
    if (/^\p{N}+$/u.test(w)) continue;
    if (lang === 'vi' ? !VI_NEVER_DOUBLED.has(w) : ALLOWED_DOUBLES[lang]?.has(w)) continue;
    // Doubled in the source too, it is a name or a quotation kept as it is (`Bora Bora`,
    // `Sing Sing`, `Pago Pago`): not a typo of the translation.
    inSource ??= new Set(doubledWords(pair.source).map((s) => fold(s.word)));
    if (inSource.has(fold(d.word))) continue;
    out.push({ check: 'double-word', message: `“${d.word}” twice in a row`, span: { side: 'target', start: d.start, end: d.end } });
  }
  return out;
}

/** A word written twice in a row: `word` is its first occurrence, `start`–`end` spans both. */
export interface DoubledWord {
  word: string;
  start: number;
  end: number;
}

/**
 * Two equal words separated by spaces only (`Yes, yes` is deliberate), equal regardless of case,
 * so `The the` is found too. The definition is this regular expression's matches:
 *
 *     /(?<![\p{L}\p{N}'’-])([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)[ \u00A0\u202F]+\1(?![\p{L}\p{N}'’-])/giu
 *
 * Run as such it is tried at every position of the text (it starts with a look-behind) and was
 * the costliest check, so the words are found by hand and compared with the next one. Characters
 * that differ by more than ASCII case are compared the way the expression's `i` flag compares them,
 * by Unicode simple case folding (`ς` = `σ`, `ß` = `ẞ`, which `toLowerCase()` tells apart): the
 * expression engine is asked (see {@link caselessEqual}, and {@link DOUBLED_AT} for surrogates).
 */
export function doubledWords(text: string): DoubledWord[] {
  const out: DoubledWord[] = [];
  // Whether the character before `i` is an apostrophe or hyphen (a word character is never
  // before `i`: the loop steps over whole words).
  let afterJoiner = false;
  let i = 0;
  while (i < text.length) {
    if (!isCaselessWordCharAt(text, i)) {
      afterJoiner = isWordJoiner(text.charCodeAt(i));
      i++;
      continue;
    }
    // A word starts here unless an apostrophe or hyphen precedes it (`l’homme homme`).
    const wordEnd = caselessWordEnd(text, i);
    let next = wordEnd;
    while (isDoubleWordSpace(text.charCodeAt(next))) next++;
    const found = afterJoiner || next === wordEnd ? undefined : sameWordAt(text, i, wordEnd, next);
    afterJoiner = false;
    if (found === undefined) {
      i = wordEnd;
      continue;
    }
    out.push(found);
    i = found.end;
  }
  return out;
}

/** Whether the word `text[start, wordEnd)` is written again, as a whole word, at `next`. */
function sameWordAt(text: string, start: number, wordEnd: number, next: number): DoubledWord | undefined {
  const length = wordEnd - start;
  if (next + length > text.length) return undefined;
  for (let k = 0; k < length; k++) {
    const a = text.charCodeAt(start + k);
    const b = text.charCodeAt(next + k);
    if (a === b || (isAsciiLetter(a) && (a | 0x20) === (b | 0x20) && isAsciiLetter(b))) continue;
    // V8 compares a caseless back-reference character by character, each folded to one character
    // of the same length (simple case folding): the first pair that differs ends the comparison.
    if (a < 0x80 && b < 0x80) return undefined;
    if (!isSurrogate(a) && !isSurrogate(b)) {
      if (caselessEqual(a, b)) continue;
      return undefined;
    }
    // A surrogate pair folds as a whole: let the expression compare (letters beyond the BMP are rare).
    DOUBLED_AT.lastIndex = start;
    const m = DOUBLED_AT.exec(text);
    return m ? { word: m[1]!, start, end: start + m[0].length } : undefined;
  }
  const end = next + length;
  if (end < text.length && (isCaselessWordCharAt(text, end) || isWordJoiner(text.charCodeAt(end)))) return undefined;
  return { word: text.slice(start, wordEnd), start, end };
}

/**
 * Whether two characters of the BMP (not surrogates) are equal to a back-reference of an `iu`
 * expression, as `\1` of {@link doubledWords}' expression compares them: asked of the expression
 * engine itself, and remembered.
 */
function caselessEqual(a: number, b: number): boolean {
  const key = a * 0x10000 + b;
  return CASELESS_EQUAL.get(key) ?? CASELESS_EQUAL.set(key, SAME_CHARACTER.test(String.fromCharCode(a, b)));
}

const SAME_CHARACTER = /^(.)\1$/iu;
const CASELESS_EQUAL = new BoundedMemo<number, boolean>();

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** {@link doubledWords}' expression without its look-behind, anchored where a word starts. */
const DOUBLED_AT = /([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)[ \u00A0\u202F]+\1(?![\p{L}\p{N}'’-])/iuy;

/**
 * `[\p{L}\p{N}]` under the `i` flag, which adds every character whose case variants are letters:
 * that is one more, U+0345 (combining Greek ypogegrammeni, a variant of `ι`).
 */
function isCaselessWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ASCII first, without a call: most characters of most texts are.
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return c === 0x345 || isWordCharAt(text, i);
}

/** `wordEnd` of ../text.ts with {@link isCaselessWordCharAt}'s letters. */
function caselessWordEnd(text: string, start: number): number {
  let i = start;
  for (;;) {
    while (isCaselessWordCharAt(text, i)) i++;
    if (isWordJoiner(text.charCodeAt(i)) && isCaselessWordCharAt(text, i + 1)) i++;
    else return i;
  }
}

function isDoubleWordSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Letters-only words of a text once URLs, e-mails and digits are set aside. */
function proseWords(text: string): string[] {
  let t = text;
  for (const f of [...findUrls(text), ...findEmails(text)]) t = t.replace(f.text, ' ');
  return words(t).map((w) => w.text).filter((w) => /\p{L}/u.test(w));
}

/**
 * The first `count` words, letters and digits only, space-separated: for four, what
 * `/[\p{L}\p{N}]+(?:[^\p{L}\p{N}]+[\p{L}\p{N}]+){0,3}/u` finds, with each run between them made one space.
 */
function firstWords(text: string, count: number): string {
  let out = '';
  let i = 0;
  for (let n = 0; n < count; n++) {
    while (i < text.length && !isWordCharAt(text, i)) i++;
    if (i === text.length) break;
    const start = i;
    while (isWordCharAt(text, i)) i++;
    out = n === 0 ? text.slice(start, i) : `${out} ${text.slice(start, i)}`;
  }
  return out;
}

/**
 * A copy of the source is fine for a name, a number or a URL (`Lloyd Austin`, `COVID-19`), not for a
 * sentence. Three or more words of prose copied unchanged means the segment was not translated.
 */
export function checkUntranslated(pair: SegmentPair, opts: QaOptions): Draft[] {
  if (pair.target.trim() === '' || baseLang(opts.sourceLang) === baseLang(opts.targetLang)) return [];
  // Typography normalisation only removes a few spaces and quotes: texts of clearly different
  // lengths cannot be copies, and the normalisation below is the costly part.
  if (Math.abs(pair.source.length - pair.target.length) > 8 + pair.source.length / 10) return [];
  // A copy starts with the same words; comparing the first few is far cheaper than normalising all.
  // The first word alone settles most pairs. Folding never turns a letter or digit into a space
  // and reads no context across one, so the first words of two texts fold alike if they do.
  if (fold(firstWords(pair.source, 1)) !== fold(firstWords(pair.target, 1))) return [];
  if (fold(firstWords(pair.source, 4)) !== fold(firstWords(pair.target, 4))) return [];
  const norm = (t: string, lang: string) => fold(neutralTypography(t, lang)).replace(/[\s\u00A0\u202F]+/g, ' ').replace(/[“”"]/g, '"').trim();
  if (norm(pair.source, opts.sourceLang) !== norm(pair.target, opts.targetLang)) return [];
  const prose = proseWords(pair.source);
  const lowercaseWords = prose.filter((w) => w === w.toLowerCase()).length;
  // Names are capitalised; a sentence has lower-case words too.
  if (prose.length < 3 || lowercaseWords < 2) return [];
  return [{ check: 'untranslated', message: 'the translation is identical to the source text', span: { side: 'target', start: 0, end: pair.target.length } }];
}

/**
 * Typical target/source length ratios in characters for news prose. Pairs not listed use 1.
 * They set the centre of the accepted band, not a target: the band is wide on purpose.
 */
const EXPECTED_RATIO: Record<string, number> = {
  'fr>en': 0.9, 'fr>vi': 1.0, 'fr>de': 1.05, 'vi>fr': 1.1, 'vi>en': 1.0, 'en>fr': 1.12, 'en>vi': 1.1,
};

export function checkLengthRatio(pair: SegmentPair, opts: QaOptions): Draft[] {
  const { min, max, minSourceLength } = opts.lengthRatio ?? { min: 0.5, max: 2, minSourceLength: 40 };
  const src = pair.source.trim();
  const tgt = pair.target.trim();
  // Short strings (titles, captions) vary too much to judge; empty targets are `blank`'s business.
  if (src.length < minSourceLength || tgt === '') return [];
  const expected = EXPECTED_RATIO[`${baseLang(opts.sourceLang)}>${baseLang(opts.targetLang)}`] ?? 1;
  const relative = tgt.length / src.length / expected;
  if (relative >= min && relative <= max) return [];
  const pct = Math.round((tgt.length / src.length) * 100);
  const draft: Draft = {
    check: 'length-ratio',
    message: `the translation is ${pct}% of the source’s length (${tgt.length} vs ${src.length} characters): ${relative < min ? 'something may be missing' : 'something may have been added or repeated'}`,
    span: null,
  };
  // News desks condense: a long French sentence with its clauses of attribution and context may
  // come out at a third of its length, and every fact that matters most (numbers, dates, names,
  // negations) is checked on its own. Between the usual bound and CONCISE of it, a short
  // translation is a note; shorter than that, a sentence is probably missing.
  if (relative < min && relative >= min * CONCISE) draft.weak = true;
  // Likewise a short source whose translation adds an explanation (`Vilnius, the Lithuanian
  // capital`, an acronym spelled out): a few words over the bound, not a repeated or stray sentence.
  // A repeated run of words (a sentence pasted twice) is what the upper bound is for: that stays a warning.
  if (relative > max && tgt.length - max * expected * src.length < EXPLANATION && !repeatsItself(tgt)) draft.weak = true;
  return [draft];
}

/** Whether the same four words occur twice in the text (case and diacritics aside). */
function repeatsItself(text: string): boolean {
  const w = words(text).map((x) => fold(x.text));
  const seen = new Set<string>();
  for (let i = 0; i + 4 <= w.length; i++) {
    const key = `${w[i]} ${w[i + 1]} ${w[i + 2]} ${w[i + 3]}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** How many characters over the upper bound an added apposition or spelled-out acronym may take. */
const EXPLANATION = 40;

/** How far below the lower bound a translation may fall and still be read as condensed on purpose. */
const CONCISE = 0.6;
