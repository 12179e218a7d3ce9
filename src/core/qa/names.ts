/**
 * Proper names as sequences of capitalised words (`Nguyễn Xuân Phúc`, `Lloyd Austin`,
 * `Hô Chi Minh-Ville`), and acronyms (`ATACMS`, `NATO`). A name at the start of a sentence may
 * carry a capitalised ordinary word in front of it (`Selon Reuters`, `But Nguyen Van An`), so
 * such a sequence also yields itself without its first word.
 *
 * The scanners walk the text by hand instead of running the regular expressions below: they
 * start with a look-behind, which makes V8 try them at every position of every paragraph, and
 * names are looked for in every source, target and machine text. The regular expressions stay
 * as the definition the scanners must agree with (the unit tests hold them against each other):
 *
 *   NAME_WORD     = \p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{L}[\p{Ll}\p{M}]*)*
 *   NAME_SEQUENCE = (?<![\p{L}\p{N}])NAME_WORD(?:[ \u00A0]NAME_WORD)+(?![\p{L}\p{N}])   (gu)
 *   ACRONYM       = (?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])                      (gu)
 */
import { codePointFlags, flagsAt, LETTER, LOWER, MARK, NUMBER, SPACE, UPPER } from './chars.js';
import { BoundedMemo } from './memo.js';
import type { Found } from './text.js';
import { fold } from './text.js';

export interface Name extends Found {
  /** Diacritic- and case-insensitive key: `Nguyen Xuan Phuc` and `Nguyễn Xuân Phúc` share it. */
  key: string;
}

const WORD_CHAR = LETTER | NUMBER;
const NBSP = 0xa0;

/** Multi-word capitalised names (at least two words after dropping a sentence-initial word). */
export function findNames(text: string): Name[] {
  // Source paragraphs are searched once per target language and per check: remember them.
  return NAMES.get(text) ?? NAMES.set(text, scanNames(text));
}

const NAMES = new BoundedMemo<string, Name[]>();

/** Code units of the character at `i`: 2 for a well-formed surrogate pair, else 1. */
function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Classes of the character at `i`, 0 past the end (so "not a letter or number" there). */
function classesAt(text: string, i: number): number {
  return i < text.length ? flagsAt(text, i) : 0;
}

/** `\p{Lu}` at index `i`, false past the end; ASCII decided without a table lookup (most characters of a text). */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : (classesAt(text, i) & UPPER) !== 0;
}

function isJoinerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === NBSP;
}

// parseWord's two results, in module variables so that the scan allocates nothing per word.
let wordEnd = 0;
let wordLookaheadEnd = -1;

/**
 * One NAME_WORD from `start` (an upper-case letter). `wordEnd`: where the greedy match ends (the
 * only end from which another word can follow, since a shorter one is followed by a lower-case
 * letter, a mark or an apostrophe/hyphen, never by a space). `wordLookaheadEnd`: the furthest
 * end at which the regex, backtracking, would find `(?![\p{L}\p{N}])` satisfied — the greedy end
 * if no letter or number follows, else the last place inside the word before a mark or before an
 * apostrophe/hyphen (`Jean-PIERRE` ends as `Jean`), or -1 when there is none.
 */
function parseWord(text: string, start: number): void {
  let i = start + charLength(text, start);
  let lookaheadEnd = -1;
  for (;;) {
    // `i` is a possible end of the word (every position after a letter or mark of it).
    const f = classesAt(text, i);
    if ((f & (LOWER | MARK)) !== 0) {
      if ((f & MARK) !== 0) lookaheadEnd = i;
      i += charLength(text, i);
      continue;
    }
    const c = text.charCodeAt(i);
    if ((c === 0x27 || c === 0x2019 || c === 0x2d) && (classesAt(text, i + 1) & LETTER) !== 0) {
      lookaheadEnd = i;
      i += 1 + charLength(text, i + 1);
      continue;
    }
    if ((f & WORD_CHAR) === 0) lookaheadEnd = i;
    wordEnd = i;
    wordLookaheadEnd = lookaheadEnd;
    return;
  }
}

// scanSequence's results.
let sequenceEnd = 0;
let sequenceJoiners = 0;
let sequenceHasSpace = false;

/**
 * NAME_SEQUENCE at `start` (an upper-case letter after no letter or number), as the regex's
 * backtracking finds it: every word but the last ends greedily and is followed by one joiner and
 * an upper-case letter; the last word ends at its `wordLookaheadEnd`, or, when it has none, the
 * sequence gives it up and ends after the word before (a joiner follows it), if two words remain.
 * False when there is no match at `start`.
 */
function scanSequence(text: string, start: number): boolean {
  parseWord(text, start);
  let previousEnd = wordEnd;
  if (!isJoinerAt(text, previousEnd) || !isUpperAt(text, previousEnd + 1)) return false;
  let joiners = 1;
  let spaces = text.charCodeAt(previousEnd) === 0x20 ? 1 : 0;
  for (;;) {
    parseWord(text, previousEnd + 1);
    if (isJoinerAt(text, wordEnd) && isUpperAt(text, wordEnd + 1)) {
      previousEnd = wordEnd;
      joiners++;
      if (text.charCodeAt(previousEnd) === 0x20) spaces++;
      continue;
    }
    if (wordLookaheadEnd >= 0) {
      sequenceEnd = wordLookaheadEnd;
    } else {
      if (joiners < 2) return false;
      // Give up the last word and its joiner.
      if (text.charCodeAt(previousEnd) === 0x20) spaces--;
      joiners--;
      sequenceEnd = previousEnd;
    }
    sequenceJoiners = joiners;
    sequenceHasSpace = spaces > 0;
    return true;
  }
}

/**
 * The same without remembering the result, for a text read once (a translation, searched for
 * the source's names once per run): storing it would only push source paragraphs out of the memo.
 */
export function scanNames(text: string): Name[] {
  const out: Name[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Skip to the next upper-case letter (one code unit at a time: the second half of a pair has
    // the class of the whole character, so it is skipped too unless the pair is upper-case).
    if (!isUpperAt(text, i)) {
      i++;
      continue;
    }
    if ((i > 0 && (flagsAt(text, i - 1) & WORD_CHAR) !== 0) || !scanSequence(text, i)) {
      i += charLength(text, i);
      continue;
    }
    pushName(out, text, i, sequenceEnd, sequenceJoiners, sequenceHasSpace);
    i = sequenceEnd;
  }
  return out;
}

function pushName(out: Name[], text: string, start: number, end: number, joiners: number, hasSpace: boolean): void {
  const name = text.slice(start, end);
  const ascii = isAscii(name);
  // For ASCII text fold() only lower-cases (a name holds no backtick to normalise).
  const key = ascii ? name.toLowerCase() : fold(name);
  out.push({ text: name, start, end, key });
  // The name without its first word, when that may be an ordinary capitalised word. Only a
  // sequence with an ordinary space qualifies (as the original rule had it), and at least two
  // words must remain.
  if (hasSpace && joiners >= 2 && atSentenceStart(text, start)) {
    let firstJoiner = start;
    while (!isJoinerAt(text, firstJoiner)) firstJoiner++;
    const restStart = firstJoiner + 1;
    const rest = text.slice(restStart, end);
    out.push({ text: rest, start: restStart, end, key: ascii ? key.slice(restStart - start) : fold(rest) });
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Whether `index` starts a sentence: only white space lies before it back to the start of the
 * text or to a line break, or the last other character before it is sentence or quotation
 * punctuation. (The test used to read only the four characters before the name, so four spaces
 * in the middle of a sentence, `a déclaré    Lloyd Austin`, counted as a sentence start.)
 */
function atSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isSpaceUnit(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    i--;
  }
  if (i < 0) return true;
  switch (text.charCodeAt(i)) {
    case 0x2e: case 0x21: case 0x3f: case 0x3a: case 0x3b: // . ! ? : ;
    case 0xab: case 0x201c: case 0x22: // « “ "
    case 0x2014: case 0x2013: case 0x2d: // — – -
      return true;
    default:
      return false;
  }
}

/** `\s` for one code unit (no white space lies outside the BMP; a surrogate half has no class). */
function isSpaceUnit(c: number): boolean {
  return (codePointFlags(c) & SPACE) !== 0;
}

export function findAcronyms(text: string): Name[] {
  // Source paragraphs are searched once per target language: remember them.
  return ACRONYMS.get(text) ?? ACRONYMS.set(text, scanAcronyms(text));
}

const ACRONYMS = new BoundedMemo<string, Name[]>();

/**
 * ACRONYM by hand: a maximal run of two or more upper-case letters with no letter or number on
 * either side (a shorter run inside it is followed by an upper-case letter, so backtracking
 * finds nothing else).
 */
function scanAcronyms(text: string): Name[] {
  const out: Name[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isUpperAt(text, i)) {
      i += text.charCodeAt(i) < 0x80 ? 1 : charLength(text, i);
      continue;
    }
    const start = i;
    let letters = 0;
    while (i < n && (flagsAt(text, i) & UPPER) !== 0) {
      i += charLength(text, i);
      letters++;
    }
    if (letters >= 2 && (classesAt(text, i) & WORD_CHAR) === 0 && (start === 0 || (flagsAt(text, start - 1) & WORD_CHAR) === 0)) {
      const acronym = text.slice(start, i);
      out.push({ text: acronym, start, end: i, key: acronym });
    }
  }
  return out;
}

/** Whether a folded key occurs in a text as whole words, diacritics and case aside. */
export function containsFolded(text: string, key: string): boolean {
  return containsFoldedKey(fold(text), key);
}

/**
 * Same, for a text folded once beforehand (article-wide searches). A neighbour outside the Basic
 * Multilingual Plane is read as the whole character (`flagsAt`), not as half of a surrogate pair,
 * which has no class: a letter there joins the name to a longer word like any other letter.
 */
export function containsFoldedKey(folded: string, key: string): boolean {
  let i = folded.indexOf(key);
  while (i >= 0) {
    const before = i > 0 ? flagsAt(folded, i - 1) : 0;
    const after = i + key.length < folded.length ? flagsAt(folded, i + key.length) : 0;
    if ((before & WORD_CHAR) === 0 && (after & WORD_CHAR) === 0) return true;
    i = folded.indexOf(key, i + 1);
  }
  return false;
}
