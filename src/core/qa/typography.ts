/**
 * French typography, normalised before punctuation is compared.
 *
 * A correct French sentence `« Nous sommes prêts », a-t-il dit : « Allons-y ! »` has guillemets with
 * (narrow) no-break spaces inside them and a space before `:` and `!`. Its correct English translation
 * has none of these. Comparing the raw strings (pofilter's `doublequoting`, `puncspacing`) calls a
 * correct pair wrong, so the source side is brought to neutral typography first: guillemets become
 * curly double quotes, and the spaces French puts before `; : ! ?` and inside guillemets go away.
 * Lengths change, so normalised text is only used for comparisons, never for offsets.
 */
import { codePointFlags, SPACE } from './chars.js';
import { BoundedMemo } from './memo.js';
import { SPACE_CHARS } from './text.js';

const SP = `[${SPACE_CHARS}]`;
const OPENING_GUILLEMET = new RegExp(`«${SP}*`, 'g');
const CLOSING_GUILLEMET = new RegExp(`${SP}*»`, 'g');
const SPACE_BEFORE_PUNCTUATION = new RegExp(`${SP}+([;:!?])`, 'g');

export function normalizeFrenchTypography(text: string): string {
  // Each replacement only where its character occurs: most paragraphs have no guillemets.
  let out = text;
  if (out.includes('«')) out = out.replace(OPENING_GUILLEMET, '“');
  if (out.includes('»')) out = out.replace(CLOSING_GUILLEMET, '”');
  if (out.includes('‹')) out = out.replace(/‹\s*/g, '‘');
  if (out.includes('›')) out = out.replace(/\s*›/g, '’');
  if (/[;:!?]/.test(out)) out = out.replace(SPACE_BEFORE_PUNCTUATION, '$1');
  return out.includes('...') ? out.replace(/\.\.\./g, '…') : out;
}

/** Normalises the source side when its language uses French typography (fr, and fr-CA etc.). */
export function neutralTypography(text: string, lang: string): string {
  if (!usesFrenchTypography(lang)) return joinEllipses(text);
  // The source side is normalised by several checks and for every target language: remember it.
  return NEUTRAL.get(text) ?? NEUTRAL.set(text, normalizeFrenchTypography(text));
}

/**
 * The end of {@link neutralTypography}'s result, for checks that only read how a text ends: the
 * text is normalised from its last character that is neither white space nor punctuation or a
 * quote that a replacement or such a check reads (`« » ‹ › ; : ! ? .` and the closers `” " ’ ' ) ]`).
 * No replacement reaches across such a character, so the end is the same as the end of the whole
 * text normalised, and only a few characters are normalised instead of the paragraph.
 */
export function neutralTypographyEnd(text: string, lang: string): string {
  let last = text.length - 1;
  while (last > 0 && !isUntouchedEnd(text.charCodeAt(last))) last--;
  const end = last > 0 ? text.slice(last) : text;
  return usesFrenchTypography(lang) ? normalizeFrenchTypography(end) : joinEllipses(end);
}

function isUntouchedEnd(c: number): boolean {
  switch (c) {
    case 0xab: case 0xbb: case 0x2039: case 0x203a: // « » ‹ ›
    case 0x3b: case 0x3a: case 0x21: case 0x3f: case 0x2e: // ; : ! ? .
    case 0x201d: case 0x22: case 0x2019: case 0x27: case 0x29: case 0x5d: // ” " ’ ' ) ]
      return false;
    default:
      return (codePointFlags(c) & SPACE) === 0;
  }
}

function usesFrenchTypography(lang: string): boolean {
  return lang.toLowerCase().startsWith('fr');
}

function joinEllipses(text: string): string {
  return text.includes('...') ? text.replace(/\.\.\./g, '…') : text;
}

const NEUTRAL = new BoundedMemo<string, string>();

/** Double quotation marks of every style, opening and closing. */
export const DOUBLE_QUOTES = /[“”„‟"«»]/g;
export const OPENING_QUOTES = new Set(['“', '„', '«']);
export const CLOSING_QUOTES = new Set(['”', '»']);
