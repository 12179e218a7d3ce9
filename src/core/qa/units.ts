/**
 * Units of measure after a number, so that a converted figure is read as the same quantity.
 *
 * Why: a professional US rendering converts (`44 °C` → `111F` or `44C (111F)`, `10 km` →
 * `6 miles`, `2 000 hectares` → `nearly 5,000 acres`). Compared as bare numbers, `111` is not
 * `44`; compared as quantities it is, while `115F` is not, and `2,000 acres` for `2 000
 * hectares` is a wrong figure although the digits agree.
 *
 * A unit is read from the word after a number (after a space, a no-break space or a hyphen:
 * `110-pound`), in French or English, with the symbols both use (`km`, `°C`, `km/h`, `km²`).
 */
import { flagsAt, isInlineSpace, LETTER } from './chars.js';

export type Dimension = 'length' | 'mass' | 'area' | 'volume' | 'speed' | 'temperature';

export interface Unit {
  /** How the unit is named in messages. */
  name: string;
  dimension: Dimension;
  /** Metric (what a French source uses) or imperial/US (what a US rendering converts to). */
  metric: boolean;
  /** The size of the unit in the dimension's base unit (metre, kilogram, m², litre, km/h); unused for temperatures. */
  size: number;
}

const unit = (name: string, dimension: Dimension, metric: boolean, size: number): Unit => ({ name, dimension, metric, size });
const KM = unit('km', 'length', true, 1000);
const M = unit('m', 'length', true, 1);
const CM = unit('cm', 'length', true, 0.01);
const MM = unit('mm', 'length', true, 0.001);
const MILE = unit('miles', 'length', false, 1609.344);
const FOOT = unit('feet', 'length', false, 0.3048);
const INCH = unit('inches', 'length', false, 0.0254);
const YARD = unit('yards', 'length', false, 0.9144);
const KG = unit('kg', 'mass', true, 1);
const GRAM = unit('g', 'mass', true, 0.001);
const POUND = unit('pounds', 'mass', false, 0.45359237);
const OUNCE = unit('ounces', 'mass', false, 0.028349523125);
const HECTARE = unit('hectares', 'area', true, 1e4);
const KM2 = unit('km²', 'area', true, 1e6);
const M2 = unit('m²', 'area', true, 1);
const ACRE = unit('acres', 'area', false, 4046.8564224);
const SQUARE_MILE = unit('square miles', 'area', false, 2589988.110336);
const SQUARE_FOOT = unit('square feet', 'area', false, 0.09290304);
const LITRE = unit('litres', 'volume', true, 1);
const GALLON = unit('gallons', 'volume', false, 3.785411784);
const KMH = unit('km/h', 'speed', true, 1);
const MPH = unit('mph', 'speed', false, 1.609344);
const CELSIUS = unit('°C', 'temperature', true, 1);
const FAHRENHEIT = unit('°F', 'temperature', false, 1);
/**
 * English `degrees` alone: Fahrenheit in US copy, Celsius elsewhere. Taken as Fahrenheit for a
 * conversion (the same number as the source's °C already matches as a number); never reported
 * as the wrong system.
 */
const DEGREES = unit('degrees', 'temperature', false, 1);

/** Unit words (lower case) and symbols, French and English. */
const WORDS = new Map<string, Unit>();
const add = (u: Unit, ...words: string[]) => {
  for (const w of words) WORDS.set(w, u);
};
add(KM, 'km', 'kilomètre', 'kilomètres', 'kilometre', 'kilometres', 'kilometer', 'kilometers');
add(M, 'm', 'mètre', 'mètres', 'metre', 'metres', 'meter', 'meters');
add(CM, 'cm', 'centimètre', 'centimètres', 'centimetre', 'centimetres', 'centimeter', 'centimeters');
add(MM, 'mm', 'millimètre', 'millimètres', 'millimetre', 'millimetres', 'millimeter', 'millimeters');
add(MILE, 'mile', 'miles', 'mi');
add(FOOT, 'foot', 'feet', 'ft');
add(INCH, 'inch', 'inches');
add(YARD, 'yard', 'yards', 'yd');
add(KG, 'kg', 'kilo', 'kilos', 'kilogramme', 'kilogrammes', 'kilogram', 'kilograms');
add(GRAM, 'gramme', 'grammes', 'gram', 'grams');
add(POUND, 'pound', 'pounds', 'lb', 'lbs');
add(OUNCE, 'ounce', 'ounces', 'oz');
add(HECTARE, 'ha', 'hectare', 'hectares');
add(ACRE, 'acre', 'acres');
add(LITRE, 'litre', 'litres', 'liter', 'liters');
add(GALLON, 'gallon', 'gallons');
add(MPH, 'mph');
add(KMH, 'kmh');
add(DEGREES, 'degree', 'degrees');
add(CELSIUS, 'degré', 'degrés', 'celsius');
add(FAHRENHEIT, 'fahrenheit');

const SQUARE: ReadonlyMap<Unit, Unit> = new Map([[KM, KM2], [M, M2], [MILE, SQUARE_MILE], [FOOT, SQUARE_FOOT]]);

const HYPHEN = 0x2d;
const DEGREE_SIGN = 0xb0;
const SUPERSCRIPT_TWO = 0xb2;
const DIGIT_TWO = 0x32;
const SLASH = 0x2f;

/** The end of the run of letters starting at `from` (`from` itself when there is none). */
function lettersEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && (flagsAt(text, i) & LETTER) !== 0) i++;
  return i;
}

/** The word of letters at `from` in lower case, and where it ends; null when there is no letter there. */
function wordAt(text: string, from: number): { word: string; end: number } | null {
  const end = lettersEnd(text, from);
  return end === from ? null : { word: text.slice(from, end).toLowerCase(), end };
}

/**
 * The unit written right after a number that ends at `end`: glued (`44C`, `10km`), after one
 * space of any kind or a hyphen (`10 km`, `110-pound`), with or without a degree sign
 * (`44 °C`, `111°F`), in two words where the unit takes two (`square miles`, `miles per hour`,
 * `kilomètres carrés`, `degrees Fahrenheit`). Null when no known unit follows.
 */
export function unitAfter(text: string, end: number): Unit | null {
  return unitRightAfter(text, end) ?? unitAfterRange(text, end);
}

/** Words that join the two ends of a range (`10 à 15 °C`, `10 to 15 miles`, `10 bis 15 Grad`). */
const RANGE_WORDS = new Set(['à', 'et', 'to', 'and', 'bis', 'und', 'đến', 'or', 'ou']);

/** The unit after the second number of a range whose first number ends at `end`: `10-15 °C`, `10 et 15 °C`. */
function unitAfterRange(text: string, end: number): Unit | null {
  let i = end;
  const c = text.charCodeAt(i);
  if (c === HYPHEN || c === 0x2013) i++;
  else if (isInlineSpace(c)) {
    const w = wordAt(text, i + 1);
    if (w === null || !RANGE_WORDS.has(w.word) || !isInlineSpace(text.charCodeAt(w.end))) return null;
    i = w.end + 1;
  } else return null;
  const digits = i;
  while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
  return i === digits ? null : unitRightAfter(text, i);
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e;
}

function unitRightAfter(text: string, end: number): Unit | null {
  let i = end;
  const c = text.charCodeAt(i);
  if (isInlineSpace(c) || c === HYPHEN) i++;
  if (text.charCodeAt(i) === DEGREE_SIGN) {
    i++;
    if (isInlineSpace(text.charCodeAt(i))) i++;
    const letter = text.charCodeAt(i);
    if (lettersEnd(text, i) !== i + 1) return null;
    return letter === 0x43 ? CELSIUS : letter === 0x46 ? FAHRENHEIT : null; // C, F
  }
  const w = wordAt(text, i);
  if (w === null) return null;
  // `44C`, `111F`: a capital glued to the number (`F` alone after a space is too many other things).
  if (w.end === i + 1 && i === end) {
    const letter = text.charCodeAt(i);
    if (letter === 0x43) return CELSIUS;
    if (letter === 0x46) return FAHRENHEIT;
  }
  if (w.word === 'square' || w.word === 'sq') {
    const next = isInlineSpace(text.charCodeAt(w.end)) ? wordAt(text, w.end + 1) : null;
    const base = next ? WORDS.get(next.word) : undefined;
    return (base && SQUARE.get(base)) ?? null;
  }
  const found = WORDS.get(w.word);
  if (found === undefined) return null;
  const after = text.charCodeAt(w.end);
  if (found === KM && after === SLASH && (text.charCodeAt(w.end + 1) | 0x20) === 0x68 && lettersEnd(text, w.end + 1) === w.end + 2) return KMH; // km/h
  if ((after === SUPERSCRIPT_TWO || after === DIGIT_TWO) && SQUARE.has(found)) return SQUARE.get(found)!;
  if (found.dimension === 'length' || found.dimension === 'temperature') {
    const next = isInlineSpace(after) ? wordAt(text, w.end + 1) : null;
    if (next !== null) {
      if ((next.word === 'carré' || next.word === 'carrés') && SQUARE.has(found)) return SQUARE.get(found)!;
      if ((next.word === 'per' || next.word === 'par' || next.word === 'an' || next.word === 'à') && isInlineSpace(text.charCodeAt(next.end))) {
        const third = wordAt(text, next.end + 1);
        if (third && (third.word === 'hour' || third.word === 'heure')) return found === MILE ? MPH : found === KM ? KMH : found;
      }
      if (found.dimension === 'temperature') {
        if (next.word === 'fahrenheit' || (next.word === 'f' && next.end === w.end + 2)) return FAHRENHEIT;
        if (next.word === 'celsius' || (next.word === 'c' && next.end === w.end + 2)) return CELSIUS;
      }
    }
  }
  return found;
}

/**
 * Whether `target` (in `to`) is `value` (in `from`) converted and rounded as a newsroom rounds:
 * to any number of significant figures (`10 km` → `6 miles`, `2 000 ha` → `nearly 5,000
 * acres` or `4,900 acres`, `2 m` → `7 feet`), or a length to the nearest half (`6.5 feet`).
 * A temperature keeps at least two figures (`44 °C` → `111F` or `110F`, never `100F`), as a
 * reading or as a difference (`1,5 °C` of warming → `2.7F`). A digit changed in a converted
 * figure (`112F`, `5,100 acres`, `3.7F`) is no rounding.
 */
export function isConversion(value: number, from: Unit, target: number, to: Unit): boolean {
  if (from.dimension !== to.dimension || from === to || from.metric === to.metric) return false;
  if (from.dimension === 'temperature') {
    const difference = from.metric ? (value * 9) / 5 : (value * 5) / 9;
    return roundsTo(convert(value, from, to), target, 2) || roundsTo(difference, target, 2);
  }
  const converted = convert(value, from, to);
  return roundsTo(converted, target, 1) || (Number.isInteger(target * 2) && Math.abs(target - converted) < 0.25);
}

/** Whether `exact` rounded to some number of significant figures (at least `minFigures`) is `written`. */
function roundsTo(exact: number, written: number, minFigures: number): boolean {
  for (let figures = minFigures; figures <= 7; figures++) {
    const rounded = Number(exact.toPrecision(figures));
    if (Math.abs(rounded - written) <= 1e-9 * Math.max(1, Math.abs(written))) return true;
  }
  return false;
}

/** `value` in `from` expressed in `to` (same dimension), for messages. */
export function convert(value: number, from: Unit, to: Unit): number {
  if (from.dimension === 'temperature') return from.metric ? (value * 9) / 5 + 32 : ((value - 32) * 5) / 9;
  return (value * from.size) / to.size;
}

/**
 * A cheap first test before `unitAfter`, without cutting any text out: whether what follows a
 * number that ends at `end` may be a unit of the imperial/US system (`miles`, `feet`, `acres`,
 * `°F`, a glued `F`…), by the first and last letters and the length of the word there.
 */
export function mayBeImperialUnit(text: string, end: number): boolean {
  let i = end;
  const c = text.charCodeAt(i);
  if (isInlineSpace(c) || c === HYPHEN) i++;
  const first = text.charCodeAt(i);
  if (first === DEGREE_SIGN) return true;
  if (first >= 0x80) return false;
  let e = i;
  while (e < text.length && e - i < 12 && isAsciiLetter(text.charCodeAt(e))) e++;
  if (e === i || e - i >= 12) return false;
  if (first === 0x46 && e === i + 1 && i === end) return true; // 111F
  return (IMPERIAL_SHAPES[((first | 0x20) - 0x61) * 26 + ((text.charCodeAt(e - 1) | 0x20) - 0x61)]! & (1 << (e - i))) !== 0;
}

function isAsciiLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

/** Per first and last letter (a–z), a bit per length of the imperial unit words. */
const IMPERIAL_SHAPES = new Uint16Array(26 * 26);
for (const [word, u] of WORDS) {
  if (u.metric || !/^[a-z]+$/.test(word)) continue;
  IMPERIAL_SHAPES[(word.charCodeAt(0) - 0x61) * 26 + (word.charCodeAt(word.length - 1) - 0x61)]! |= 1 << word.length;
}
for (const word of ['square', 'sq']) IMPERIAL_SHAPES[(word.charCodeAt(0) - 0x61) * 26 + (word.charCodeAt(word.length - 1) - 0x61)]! |= 1 << word.length;
