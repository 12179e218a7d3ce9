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
  if (!lang.toLowerCase().startsWith('fr')) return text.includes('...') ? text.replace(/\.\.\./g, '…') : text;
  // The source side is normalised by several checks and for every target language: remember it.
  const cached = NEUTRAL.get(text);
  if (cached !== undefined) return cached;
  const out = normalizeFrenchTypography(text);
  if (NEUTRAL.size >= 4096) NEUTRAL.clear();
  NEUTRAL.set(text, out);
  return out;
}

const NEUTRAL = new Map<string, string>();

/** Double quotation marks of every style, opening and closing. */
export const DOUBLE_QUOTES = /[“”„‟"«»]/g;
export const OPENING_QUOTES = new Set(['“', '„', '«']);
export const CLOSING_QUOTES = new Set(['”', '»']);
