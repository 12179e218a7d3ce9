/**
 * Numbers, dates and times read as VALUES, the way a reader of each language reads them.
 *
 * Why not compare digit strings: `7,5 %` (French) and `7.5%` (English) are the same value, while
 * `75%` is ten times more; `1 200 000` (French, with a space, a no-break space or a narrow no-break
 * space between groups), `1,200,000` (English) and `1.200.000` (Vietnamese) are one number. A
 * substring test (what pofilter does) passes `7,5 %` → `75%` and fails `1 200` → `1,200`.
 *
 * Each language has a number format (decimal mark, group separators), scale words (`milliard`,
 * `billion` — which is 10^12 in French and 10^9 in English —, `tỷ`), month names and clock-time
 * notations. Everything becomes a {@link NumericToken}; checks compare tokens, never strings.
 */
import type { Lang } from '../model.js';
import { flagsAt, isInlineSpace, LETTER, NUMBER } from './chars.js';
import { baseLang, maskLinks } from './text.js';

export type TokenKind = 'number' | 'month' | 'time';

export interface NumericToken {
  kind: TokenKind;
  /** Numbers: the value; months: 1–12; times: minutes after midnight. */
  value: number;
  /** For a 12-hour clock time written without am/pm, the other reading (value + 12 h). */
  alt?: number;
  /**
   * Read from a word that may mean something else: a spelled-out number (`trois`, `three`, `ba`;
   * `un` is also an article) or a month name that may be a name (`Mai`, `May`, `Mars` with no
   * day or year beside it). Such a token stands for its partner on the other side when there is
   * one, and is never reported as missing or extra on its own.
   */
  word?: boolean;
  text: string;
  start: number;
  end: number;
}

interface NumberFormat {
  decimal: ',' | '.';
  /** Characters allowed between groups of three digits. */
  groups: string;
}

// No-break, narrow no-break and thin spaces group digits in every language (SI style);
// an ordinary space does so only where the language's typography uses it.
const SI_SPACES = '\u00A0\u202F\u2009';
const FORMATS: Record<string, NumberFormat> = {
  fr: { decimal: ',', groups: ` ${SI_SPACES}` },
  en: { decimal: '.', groups: `,${SI_SPACES}` },
  vi: { decimal: ',', groups: `.${SI_SPACES}` },
  // German groups with a dot, or with a space as DIN 5008 and many newsrooms do (`12 500`).
  de: { decimal: ',', groups: `. ${SI_SPACES}` },
  es: { decimal: ',', groups: `.${SI_SPACES}` },
  it: { decimal: ',', groups: `.${SI_SPACES}` },
  pt: { decimal: ',', groups: `.${SI_SPACES}` },
  nl: { decimal: ',', groups: `.${SI_SPACES}` },
  pl: { decimal: ',', groups: ` ${SI_SPACES}` },
  ru: { decimal: ',', groups: ` ${SI_SPACES}` },
  ja: { decimal: '.', groups: `,${SI_SPACES}` },
  zh: { decimal: '.', groups: `,${SI_SPACES}` },
};

export function numberFormat(lang: Lang): NumberFormat {
  return FORMATS[baseLang(lang)] ?? FORMATS.en!;
}

/** Scale words multiply the number before them: `1,2 milliard` = 1 200 000 000. */
const SCALES: Record<string, Record<string, number>> = {
  fr: { cent: 100, cents: 100, mille: 1e3, millier: 1e3, milliers: 1e3, million: 1e6, millions: 1e6, m: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9, billion: 1e12, billions: 1e12 },
  en: { hundred: 100, thousand: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12 },
  vi: { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 },
  de: { hundert: 100, tausend: 1e3, tsd: 1e3, million: 1e6, millionen: 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, billion: 1e12, billionen: 1e12 },
};

/**
 * Abbreviated scales count only when glued to the number (`$2.5m`, `3bn`) or before a currency
 * sign (`1,5 Md€`): `25 m` is a length.
 * German `Mio.` and `Mrd.` are no such abbreviations: they are written after a space (`1,2 Mrd. Euro`)
 * and mean nothing else.
 */
const GLUED_ONLY_SCALES = new Set(['m', 'mn', 'bn', 'tn', 'md', 'mds']);
/** Words that mean "one" in front of a scale word: `un million`, `a million`, `một tỷ`. */
const ONE_BEFORE_SCALE: Record<string, string[]> = { fr: ['un', 'une'], en: ['a', 'an', 'one'], vi: ['một'], de: ['ein', 'eine'] };

/** Small numbers are often spelled out; a digit on one side may be a word on the other. */
const NUMBER_WORDS: Record<string, string[]> = {
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  vi: ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig'],
};
/** Feminine and other variants that mean the same small number. */
const NUMBER_WORD_VARIANTS: Record<string, Record<string, number>> = {
  // `mille` on its own is a thousand (`Mille personnes` = `A thousand people`); after a number it is a scale word.
  fr: {
    une: 1, premier: 1, première: 1, second: 2, seconde: 2, deuxième: 2, troisième: 3, quatrième: 4, cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10, dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100,
    trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, mille: 1000,
  },
  // `half` excuses a `0,5` (`0,5 point` = `half a percentage point`).
  en: { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, dozen: 12, ten: 10, twice: 2, once: 1, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, half: 0.5 },
  vi: { bốn: 4, tư: 4, nhất: 1, nhì: 2, chục: 10 },
  // `hundert` and `tausend` on their own are a hundred and a thousand, like French `mille`.
  de: { ein: 1, eine: 1, einen: 1, ...germanOrdinals(), dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100, tausend: 1000, eineinhalb: 1.5, anderthalb: 1.5, zweieinhalb: 2.5, dreieinhalb: 3.5 },
};

/** German ordinals in every ending: `erste`, `dritten`, `Dritter`, `zehntes`… (1 to 12). */
function germanOrdinals(): Record<string, number> {
  const out: Record<string, number> = {};
  ['erst', 'zweit', 'dritt', 'viert', 'fünft', 'sechst', 'siebt', 'acht', 'neunt', 'zehnt', 'elft', 'zwölft'].forEach((stem, i) => {
    for (const ending of ['e', 'en', 'er', 'es', 'em']) out[stem + ending] = i + 1;
  });
  return out;
}

const MONTHS: Record<string, string[][]> = {
  fr: [['janvier', 'janv.'], ['février', 'févr.'], ['mars'], ['avril', 'avr.'], ['mai'], ['juin'], ['juillet', 'juil.'], ['août'], ['septembre', 'sept.'], ['octobre', 'oct.'], ['novembre', 'nov.'], ['décembre', 'déc.']],
  en: [['January', 'Jan.'], ['February', 'Feb.'], ['March', 'Mar.'], ['April', 'Apr.'], ['May'], ['June', 'Jun.'], ['July', 'Jul.'], ['August', 'Aug.'], ['September', 'Sept.', 'Sep.'], ['October', 'Oct.'], ['November', 'Nov.'], ['December', 'Dec.']],
  de: [['Januar', 'Jänner'], ['Februar'], ['März'], ['April'], ['Mai'], ['Juni'], ['Juli'], ['August'], ['September'], ['Oktober'], ['November'], ['Dezember']],
};
/** Vietnamese names months by number (`tháng 6`) or by a capitalised numeral (`tháng Sáu`). */
const VI_MONTH_WORDS: Array<[string, number]> = [
  ['Mười Một', 11], ['Mười Hai', 12], ['Giêng', 1], ['Hai', 2], ['Ba', 3], ['Tư', 4], ['Năm', 5], ['Sáu', 6],
  ['Bảy', 7], ['Tám', 8], ['Chín', 9], ['Mười', 10], ['Chạp', 12],
];
// English month names are matched only when capitalised (`may`, `march` are verbs).
const CASE_SENSITIVE_MONTHS = new Set(['en', 'de']);

const NOT_LETTER = '(?![\\p{L}\\p{N}])';

/**
 * Digits in groups of three. Where an ordinary space groups digits as well as a mark (German
 * `12 500` and `12.500`), one number keeps one separator: `201.612 201.612` is a number written
 * twice, not one. Elsewhere any of the language's separators may follow another, as before.
 */
function groupedDigits(groups: string): string {
  const marks = [...groups].filter((c) => !/\s/.test(c));
  if (!groups.includes(' ') || marks.length === 0) return `\\d{1,3}(?:[${escapeClass(groups)}]\\d{3})+`;
  const spaces = [...groups].filter((c) => /\s/.test(c)).join('');
  return [...marks.map(escapeRegExpChar), `[${escapeClass(spaces)}]`].map((sep) => `\\d{1,3}(?:${sep}\\d{3})+`).join('|');
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** Replaces a matched range by spaces so later passes do not read it twice. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function romanValue(roman: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const cur = v[roman[i]!] ?? 0;
    const next = v[roman[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** Rounds away binary noise so `7.3 * 1e6` equals `7300000`. */
function canonical(value: number): number {
  // A whole number below 10^12 has at most 12 digits: rounding to 12 would give it back unchanged.
  if (value > 0 && value < 1e12 && Number.isInteger(value)) return value;
  return Number(value.toPrecision(12));
}

/*
 * Word boundaries by hand. The patterns below used to start with a look-behind
 * (`(?<![\p{N}])\d…`), which makes V8 try them at every position of the text. They now start
 * with what they match, and `nextMatch` checks the character before a match itself: a match
 * whose boundary fails is dropped and the search resumes one character further, exactly where
 * the look-behind version would have gone on trying.
 */

const COLON = 0x3a;
const SLASH = 0x2f;
const HYPHEN = 0x2d;
const PERIOD = 0x2e;

/** Whether the character just before index `i` (the whole code point) has one of `flags`. */
function flagsBefore(text: string, i: number, flags: number): boolean {
  return i > 0 && (flagsAt(text, i - 1) & flags) !== 0;
}

type Boundary = (text: string, index: number) => boolean;
const notAfterNumber: Boundary = (text, i) => !flagsBefore(text, i, NUMBER);
const notAfterNumberOrColon: Boundary = (text, i) => !flagsBefore(text, i, NUMBER) && text.charCodeAt(i - 1) !== COLON;
const notAfterNumberOrSlash: Boundary = (text, i) => !flagsBefore(text, i, NUMBER) && text.charCodeAt(i - 1) !== SLASH;
const notAfterLetter: Boundary = (text, i) => !flagsBefore(text, i, LETTER);
const notAfterNumberOrDateMark: Boundary = (text, i) => !flagsBefore(text, i, NUMBER) && !'/.,-–'.includes(text.charAt(i - 1) || ' ');

/** The next match of global `re` in `text` that starts where `boundary` holds. */
function nextMatch(re: RegExp, text: string, boundary: Boundary): RegExpExecArray | null {
  for (;;) {
    const m = re.exec(text);
    if (m === null || boundary(text, m.index)) return m;
    re.lastIndex = m.index + 1;
  }
}

/*
 * Word lists (month names, spelled-out numbers) are read by walking the text's words once and
 * looking each one up, instead of one regular expression with an alternation of every word. The
 * old expressions matched case-insensitively (`i` with `u`: Unicode simple case folding) and then
 * looked the lower-cased match up; a word is now taken when its lower-cased form is in the list.
 * The two agree because, for every letter of the lists, each character that lower-cases to it also
 * case-folds to it (tests/core/qa/numbers.test.ts checks this over all of Unicode).
 */

/** `toLowerCase()` of one code unit when it is one code unit, else -1; remembered per unit. */
const LOWER_UNIT = new Int32Array(0x10000);
function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  let known = LOWER_UNIT[c]!;
  if (known === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    known = lower.length === 1 ? lower.charCodeAt(0) + 1 : -1;
    LOWER_UNIT[c] = known;
  }
  return known < 0 ? -1 : known - 1;
}

/**
 * A cheap first filter for word lookups, so that most words of a text are never cut out and
 * lower-cased: which lengths (a bit each, up to 30) the words of a list have, per pair of first
 * and last character (a slot per low 6 bits of each; collisions only let more words through to
 * the exact lookup).
 */
type WordShapes = Uint32Array;
function wordShapes(words: Iterable<string>): WordShapes {
  const shapes = new Uint32Array(64 * 64);
  for (const w of words) shapes[shapeSlot(w.charCodeAt(0), w.charCodeAt(w.length - 1))]! |= 1 << Math.min(w.length, 30);
  return shapes;
}
function shapeSlot(first: number, last: number): number {
  return ((first & 63) << 6) | (last & 63);
}
/** Whether a word of `length` code units may be in the list, given its first and last characters (lower-cased if the list is). */
function hasShape(shapes: WordShapes, first: number, last: number, length: number): boolean {
  return (shapes[shapeSlot(first, last)]! & (1 << Math.min(length, 30))) !== 0;
}

/**
 * The class of each code unit for the word scans, filled in as characters are met: a letter or
 * a number (`[\p{L}\p{N}]`), the hyphen, or neither. Surrogates are never stored: a half of a
 * pair takes the class of the whole character (see `flagsAt`), so it is asked each time.
 */
const UNKNOWN = 0;
const WORD_CHAR = 1;
const WORD_HYPHEN = 2;
const NOT_WORD = 3;
const WORD_CLASS = new Uint8Array(0x10000);

function wordClassAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const known = WORD_CLASS[c]!;
  if (known !== UNKNOWN) return known;
  const cls = c === HYPHEN ? WORD_HYPHEN : (flagsAt(text, i) & (LETTER | NUMBER)) !== 0 ? WORD_CHAR : NOT_WORD;
  if (c < 0xd800 || c > 0xdfff) WORD_CLASS[c] = cls;
  return cls;
}

interface TimePattern {
  /** Starts with the hour's digits; the character before them is checked by `boundary`. */
  re: RegExp;
  boundary: Boundary;
  /** What must follow some digit of the text for the pattern to match at all (see `digitHints`). */
  hint: number;
}

/** Regular expressions and word tables of one language, built once (checks run on every segment of a project). */
interface LocaleRules {
  base: string;
  times: TimePattern[];
  /** Month names (and abbreviations with their dot) → 1–12; lower-cased unless `caseSensitiveMonths`. */
  monthOf: Map<string, number>;
  monthShapes: WordShapes | null;
  caseSensitiveMonths: boolean;
  /** A number in the language's format; the character before it must be neither a digit nor `decimal`. */
  number: RegExp;
  decimal: number;
  scales: Record<string, number>;
  /** The scale words, a first test before the lookup. */
  scaleShapes: WordShapes;
  /** Spelled-out numbers plus the words meaning "one" before a scale word. */
  numberWordShapes: WordShapes;
  /** The same and the month names (lower-cased, abbreviations without their dot), a first test for both. */
  anyWordShapes: WordShapes;
  /** Whether a text has any scale word at all (then `a`, `an`… are read as "one"). */
  hasScaleWord: RegExp | null;
  /** This language's words meaning "one" in front of a scale word (French `a` is a verb). */
  oneBeforeScale: Set<string>;
  wordValues: Map<string, number>;
}

const RULES = new Map<string, LocaleRules>();

/** The same rules by the language code as given (`fr-CA`), which saves working out its base on every call. */
const RULES_BY_LANG = new Map<string, LocaleRules>();

function rulesFor(lang: Lang): LocaleRules {
  let rules = RULES_BY_LANG.get(lang);
  if (!rules) {
    rules = baseRulesFor(lang);
    RULES_BY_LANG.set(lang, rules);
  }
  return rules;
}

function baseRulesFor(lang: Lang): LocaleRules {
  const base = baseLang(lang);
  const cached = RULES.get(base);
  if (cached) return cached;
  const times: TimePattern[] = [
    { re: /(\d{1,2})[ \u00A0\u202F]?(a\.m\.|p\.m\.|am|pm)(?![\p{L}])/giu, boundary: notAfterNumberOrColon, hint: BEFORE_AM_PM },
    { re: /(\d{1,2}):(\d{2})(?:[ \u00A0\u202F]?(a\.m\.|p\.m\.|am|pm)(?![\p{L}]))?(?![\p{N}])/giu, boundary: notAfterNumberOrColon, hint: BEFORE_COLON },
  ];
  // News agencies' `0630 GMT`, `1400 UTC`: four digits, hours and minutes.
  times.push({ re: /([01]\d|2[0-3])([0-5]\d)[ \u00A0\u202F]?(?:GMT|UTC)(?![\p{L}])/gu, boundary: notAfterNumber, hint: BEFORE_G_OR_U });
  // British style `8.30am`: a dot between hour and minutes, told from a decimal by the am/pm.
  if (base === 'en') times.push({ re: /(\d{1,2})\.(\d{2})[ \u00A0\u202F]?(a\.m\.|p\.m\.|am|pm)(?![\p{L}])/giu, boundary: notAfterNumberOrColon, hint: BEFORE_DATE_MARK });
  if (base === 'fr' || base === 'vi') {
    // `14h30`, `14 h 30`, `14h`, and `19 h` or `4 h du matin` with the `h` spaced off. Minutes
    // followed by `min` are a duration (`2 h 01 min 09 s`): the hours alone are read, the
    // minutes stay a number.
    times.push({ re: /(\d{1,2})[ \u00A0\u202F]?h(?:[ \u00A0\u202F]?(\d{2})(?![ \u00A0\u202F]?min))?(?![\p{L}\p{N}])/gu, boundary: notAfterNumber, hint: BEFORE_H });
  }
  if (base === 'de') {
    // `14.30 Uhr`, `14 Uhr` (the colon form `14:30 Uhr` is read above).
    times.push({ re: /(\d{1,2})\.(\d{2})[ \u00A0\u202F]Uhr(?![\p{L}])/gu, boundary: notAfterNumberOrColon, hint: BEFORE_DOT_DIGIT });
    times.push({ re: /(\d{1,2})[ \u00A0\u202F]Uhr(?![\p{L}])/gu, boundary: notAfterNumber, hint: BEFORE_G_OR_U });
  }
  if (base === 'vi') times.push({ re: /(\d{1,2}) giờ(?: (\d{1,2}) phút| (\d{2}))(?![\p{L}\p{N}])/gu, boundary: notAfterNumber, hint: BEFORE_GIO });

  const monthOf = new Map<string, number>();
  const caseSensitiveMonths = CASE_SENSITIVE_MONTHS.has(base);
  // Abbreviations are looked up with their dot; their shape is the word before it.
  const monthWords: string[] = [];
  (MONTHS[base] ?? []).forEach((variants, i) => {
    for (const name of variants) {
      const key = caseSensitiveMonths ? name : name.toLowerCase();
      monthOf.set(key, i + 1);
      monthWords.push(key.endsWith('.') ? key.slice(0, -1) : key);
    }
  });

  const fmt = numberFormat(lang);
  const d = escapeRegExpChar(fmt.decimal);
  const number = new RegExp(`(${groupedDigits(fmt.groups)}|\\d+)(?:${d}(\\d+))?(?![\\p{N}])`, 'gu');

  const wordValues = new Map<string, number>();
  (NUMBER_WORDS[base] ?? []).forEach((w, i) => wordValues.set(w, i));
  for (const [w, v] of Object.entries(NUMBER_WORD_VARIANTS[base] ?? {})) wordValues.set(w, v);
  const scales = SCALES[base] ?? {};
  const oneBeforeScale = new Set(ONE_BEFORE_SCALE[base] ?? []);
  const scaleWords = Object.keys(scales);
  const hasScaleWord = scaleWords.length ? new RegExp(`(?<![\\p{L}])(?:${scaleWords.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu') : null;

  const rules: LocaleRules = {
    base,
    times,
    monthOf,
    monthShapes: monthWords.length ? wordShapes(monthWords) : null,
    caseSensitiveMonths,
    number,
    decimal: fmt.decimal.charCodeAt(0),
    scales,
    scaleShapes: wordShapes(Object.keys(scales)),
    numberWordShapes: wordShapes([...wordValues.keys(), ...oneBeforeScale]),
    anyWordShapes: wordShapes([...wordValues.keys(), ...oneBeforeScale, ...monthWords.map((w) => w.toLowerCase())]),
    hasScaleWord,
    oneBeforeScale,
    wordValues,
  };
  RULES.set(base, rules);
  return rules;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ExtractOptions {
  /** Also the tokens read from words that may mean something else (see `NumericToken.word`); default true. */
  words?: boolean;
}

/**
 * Every numeric token of a text in a language. Tokens never overlap: each pass blanks out
 * what it consumed (times before dates before plain numbers).
 */
export function extractNumericTokens(text: string, lang: Lang, options: ExtractOptions = {}): NumericToken[] {
  const read = readText(text, lang);
  if (options.words !== false) return read.all;
  // Without `words`, the same tokens less the words read alone: nothing else depends on them.
  return (read.withoutWords ??= read.all.some((t) => t.word) ? read.all.filter((t) => !t.word) : read.all);
}

/** The tokens of one text, and the same without the spelled-out numbers read alone (made when asked). */
interface ReadText {
  all: NumericToken[];
  withoutWords?: NumericToken[];
}

/**
 * A source paragraph is read once per target language and per check, with and without words:
 * remember recent results. Tokens are never mutated by callers, so sharing them is safe. One map
 * per language, keyed by the text itself, whose hash V8 keeps on the string (a key joined from
 * language and text would be a new string to hash on every call).
 */
function readText(text: string, lang: Lang): ReadText {
  let memo = MEMO.get(lang);
  const known = memo?.get(text);
  if (known) return known;
  const read: ReadText = { all: extract(text, lang, true) };
  if (memoSize >= MEMO_LIMIT) {
    MEMO.clear();
    memoSize = 0;
    memo = undefined;
  }
  if (!memo) MEMO.set(lang, (memo = new Map()));
  memo.set(text, read);
  memoSize++;
  return read;
}

const MEMO = new Map<string, Map<string, ReadText>>();
let memoSize = 0;
const MEMO_LIMIT = 4096;

function extract(text: string, lang: Lang, words: boolean): NumericToken[] {
  const rules = rulesFor(lang);
  const { base } = rules;
  const tokens: NumericToken[] = [];
  const hasDigit = /\d/.test(text);
  // Links are masked even without a digit: `https://example.org/trois` holds no number three.
  let work = maskLinks(text);
  const hints = hasDigit ? digitHints(work) : 0;
  // Each pass reads `work` as it was when the pass began (`scanned`) and blanks what it takes
  // in `work`, for the passes after it.
  let scanned = work;
  /** Spelled-out numbers found by `scanWords`, read in pass 6. */
  const candidates: number[] = [];
  let wordsScanned = false;
  const take = (start: number, end: number, kind: TokenKind, value: number, alt?: number, word?: boolean): void => {
    tokens.push(
      alt !== undefined ? { kind, value, alt, text: text.slice(start, end), start, end }
      : word ? { kind, value, word, text: text.slice(start, end), start, end }
      : { kind, value, text: text.slice(start, end), start, end },
    );
    work = blank(work, start, end);
  };

  // 1. Clock times: `14h30`, `14 h 30`, `8h`, `14:30`, `2:30 p.m.`, `14 giờ 30`.
  if (hasDigit) {
    for (const { re, boundary, hint } of rules.times) {
      if ((hints & hint) === 0) continue;
      scanned = work;
      re.lastIndex = 0;
      for (let m = nextMatch(re, scanned, boundary); m !== null; m = nextMatch(re, scanned, boundary)) {
        const groups = m.slice(1).filter((g): g is string => g !== undefined);
        const ampm = groups.find((g) => /^[ap]\.?m\.?$/i.test(g));
        const nums = groups.filter((g) => /^\d+$/.test(g)).map(Number);
        let hour = nums[0] ?? 0;
        const minute = nums[1] ?? 0;
        if (hour > 24 || minute > 59) continue;
        let alt: number | undefined;
        if (ampm) {
          if (/^p/i.test(ampm) && hour < 12) hour += 12;
          if (/^a/i.test(ampm) && hour === 12) hour = 0;
        } else if (base === 'en' && hour >= 1 && hour < 12) {
          // `at 2:30` in English may mean 14:30; accept either reading.
          alt = (hour + 12) * 60 + minute;
        }
        take(m.index, m.index + m[0].length, 'time', hour * 60 + minute, alt);
      }
    }
  }

  // 2. Full numeric dates (`25/06/2024`): day, month and year. Without a year, `1/2` is a fraction.
  if ((hints & BEFORE_DATE_MARK) !== 0 && /\d[/.-]\d{1,2}[/.-]\d{4}/.test(work)) {
    scanned = work;
    NUMERIC_DATE.lastIndex = 0;
    for (let m = nextMatch(NUMERIC_DATE, scanned, notAfterNumberOrSlash); m !== null; m = nextMatch(NUMERIC_DATE, scanned, notAfterNumberOrSlash)) {
      const first = Number(m[1]);
      const second = Number(m[3]);
      // English writes month/day; a first part above 12 can only be a day.
      const monthFirst = base === 'en' && first <= 12;
      const month = monthFirst ? first : second;
      if (month < 1 || month > 12) continue;
      const firstStart = m.index;
      const secondStart = m.index + m[1]!.length + 1;
      const yearStart = m.index + m[0].length - 4;
      const firstKind: TokenKind = monthFirst ? 'month' : 'number';
      const secondKind: TokenKind = monthFirst ? 'number' : 'month';
      tokens.push({ kind: firstKind, value: first, text: m[1]!, start: firstStart, end: firstStart + m[1]!.length });
      tokens.push({ kind: secondKind, value: second, text: m[3]!, start: secondStart, end: secondStart + m[3]!.length });
      tokens.push({ kind: 'number', value: Number(m[4]), text: m[4]!, start: yearStart, end: yearStart + 4 });
      work = blank(work, m.index, m.index + m[0].length);
    }
  }

  // German day and month without a year, each closed by its dot: `am 25.6.`, `25.06.`.
  if (base === 'de' && (hints & BEFORE_DOT_DIGIT) !== 0) {
    scanned = work;
    DE_DAY_MONTH.lastIndex = 0;
    for (let m = nextMatch(DE_DAY_MONTH, scanned, notAfterNumberOrDateMark); m !== null; m = nextMatch(DE_DAY_MONTH, scanned, notAfterNumberOrDateMark)) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
      const monthStart = m.index + m[1]!.length + 1;
      tokens.push({ kind: 'number', value: day, text: m[1]!, start: m.index, end: m.index + m[1]!.length });
      tokens.push({ kind: 'month', value: month, text: m[2]!, start: monthStart, end: monthStart + m[2]!.length });
      work = blank(work, m.index, m.index + m[0].length);
    }
  }

  // 3. Month names. The day and the year next to them stay plain numbers, so `25 juin`,
  //    `June 25` and `25 tháng 6` all read as {25, month 6}.
  if (base === 'vi') {
    if (/tháng/i.test(work)) {
      scanned = work;
      VI_MONTH_NUMBER.lastIndex = 0;
      for (let m = nextMatch(VI_MONTH_NUMBER, scanned, notAfterLetter); m !== null; m = nextMatch(VI_MONTH_NUMBER, scanned, notAfterLetter)) {
        const monthText = m[1]!;
        const month = Number(monthText);
        if (month < 1 || month > 12) continue;
        const mStart = m.index + m[0].length - monthText.length;
        take(mStart, mStart + monthText.length, 'month', month);
      }
      scanned = work;
      VI_MONTH_WORD.lastIndex = 0;
      for (let m = nextMatch(VI_MONTH_WORD, scanned, notAfterLetter); m !== null; m = nextMatch(VI_MONTH_WORD, scanned, notAfterLetter)) {
        const word = m[1]!;
        const s = m.index + m[0].length - word.length;
        take(s, s + word.length, 'month', VI_MONTH_VALUE.get(word)!);
      }
    }
    // `ngày 25/6`, `ngày 30-4`: day/month without a year, introduced by "ngày" (day). After a
    // dash only with `ngày` before it: `10-15` alone is a range.
    if (hasDigit && /ngày \d/i.test(work)) {
      scanned = work;
      VI_DAY_MONTH.lastIndex = 0;
      for (let m = nextMatch(VI_DAY_MONTH, scanned, notAfterLetter); m !== null; m = nextMatch(VI_DAY_MONTH, scanned, notAfterLetter)) {
        const monthText = m[2]!;
        const s = m.index + m[0].length - monthText.length;
        if (Number(monthText) >= 1 && Number(monthText) <= 12) take(s, s + monthText.length, 'month', Number(monthText));
      }
    }
    // `(12/3)`, `đến 7/6`, `8-9/10`: Vietnamese news writes day/month alone everywhere. Without
    // `ngày` it may also be a fraction (`1/3 dân số`), so these are uncertain tokens: they stand
    // for the day and month of the source, and are never reported on their own.
    if ((hints & BEFORE_DATE_MARK) !== 0 && work.includes('/')) {
      scanned = work;
      VI_BARE_DAY_MONTH.lastIndex = 0;
      for (let m = nextMatch(VI_BARE_DAY_MONTH, scanned, notAfterNumberOrDateMark); m !== null; m = nextMatch(VI_BARE_DAY_MONTH, scanned, notAfterNumberOrDateMark)) {
        const days = [m[1]!, m[2]].filter((d): d is string => d !== undefined);
        const month = Number(m[3]);
        if (month < 1 || month > 12 || days.some((d) => Number(d) < 1 || Number(d) > 31)) continue;
        let at = m.index;
        for (const d of days) {
          take(at, at + d.length, 'number', Number(d), undefined, true);
          at += d.length + 1;
        }
        take(m.index + m[0].length - m[3]!.length, m.index + m[0].length, 'month', month, undefined, true);
      }
    }
  } else if (rules.monthShapes) {
    // Month names and spelled-out numbers in one walk over the words (see `scanWords`).
    scanned = work;
    scanWords(scanned, rules, (start, end, month) => take(start, end, 'month', month, undefined, monthMayBeName(scanned, start, end, rules)), candidates);
    wordsScanned = true;
  }

  // 4. Ordinal centuries in Roman numerals: `XXIe siècle` (fr), `thế kỷ XXI` (vi).
  // The first test skips the pass for `Le` and `Ce` alone, which it would not take anyway.
  if (base === 'fr' && /(?:[IVXLC]{2}|[IVX])(?:e|er|re|ère|ème)(?![\p{L}])/u.test(work)) {
    scanned = work;
    ROMAN_CENTURY.lastIndex = 0;
    for (let m = nextMatch(ROMAN_CENTURY, scanned, notAfterLetter); m !== null; m = nextMatch(ROMAN_CENTURY, scanned, notAfterLetter)) {
      // `Le` and `Ce` are words, not 50th and 100th: one-letter numerals only for I, V, X.
      if (m[1]!.length === 1 && !'IVX'.includes(m[1]!)) continue;
      take(m.index, m.index + m[0].length, 'number', romanValue(m[1]!));
    }
  }
  // `quý III` (third quarter), `quý IV/2024`.
  if (base === 'vi' && (work.includes('quý ') || work.includes('Quý ') || work.includes('QUÝ '))) {
    scanned = work;
    VI_QUARTER.lastIndex = 0;
    for (let m = nextMatch(VI_QUARTER, scanned, notAfterLetter); m !== null; m = nextMatch(VI_QUARTER, scanned, notAfterLetter)) {
      const s = m.index + m[0].length - m[1]!.length;
      take(s, s + m[1]!.length, 'number', romanValue(m[1]!));
    }
  }
  if (base === 'vi' && /th[ếê] k[ỷỉ]/iu.test(work)) {
    scanned = work;
    VI_CENTURY.lastIndex = 0;
    for (let m = nextMatch(VI_CENTURY, scanned, notAfterLetter); m !== null; m = nextMatch(VI_CENTURY, scanned, notAfterLetter)) {
      const s = m.index + m[0].length - m[1]!.length;
      take(s, s + m[1]!.length, 'number', romanValue(m[1]!));
    }
  }

  // 5. Plain numbers in the language's format, with an optional scale word after them.
  //    Not blanked out like the passes above: the only pass left reads words, not digits.
  if (hasDigit) readNumbers(text, work, rules, tokens);

  // 6. Small numbers spelled out, for tolerance (`3` ↔ `three`) and the MT second opinion. A
  //    spelled-out number before a scale word (`un million`) is as definite as digits: it is
  //    read even when `words` is false.
  if (!wordsScanned && rules.wordValues.size > 0) scanWords(work, rules, null, candidates);
  if (candidates.length > 0) readNumberWords(text, work, rules, words, candidates, tokens);

  // 7. Noon and midnight, which stand for `12 h`, `0 h` or `24 h` on the other side.
  const timeWords = TIME_WORDS[base];
  if (words && timeWords) readTimeWords(text, work, timeWords, tokens);

  return sortByStart(tokens);
}

/** Words for a time of day (minutes after midnight; midnight is also 24 h), as written and capitalised. */
const TIME_WORDS: Record<string, Array<[string, number]>> = {
  fr: [['midi', 720], ['Midi', 720], ['minuit', 0], ['Minuit', 0]],
  en: [['noon', 720], ['Noon', 720], ['midday', 720], ['Midday', 720], ['midnight', 0], ['Midnight', 0]],
  de: [['Mitternacht', 0], ['mitternachts', 0]],
};

/**
 * Pass 7: `midi` and `midnight` as uncertain times (`le Midi` is also the South of France): they
 * stand for a time on the other side and are never reported alone. Not inside a longer word or
 * a hyphenated one (`après-midi` is the afternoon).
 */
function readTimeWords(text: string, work: string, timeWords: Array<[string, number]>, tokens: NumericToken[]): void {
  for (const [word, minutes] of timeWords) {
    for (let at = work.indexOf(word); at >= 0; at = work.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if ((at > 0 && (isLetterCode(work, at - 1) || work.charCodeAt(at - 1) === HYPHEN)) || isLetterCode(work, end) || work.charCodeAt(end) === HYPHEN) continue;
      tokens.push(minutes === 0 ? { kind: 'time', value: 0, alt: 24 * 60, word: true, text: text.slice(at, end), start: at, end } : { kind: 'time', value: minutes, word: true, text: text.slice(at, end), start: at, end });
    }
  }
}

const DE_DAY_MONTH = /(\d{1,2})\.(\d{1,2})\.(?![\p{N}])/gu;
const NUMERIC_DATE = /(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})(?![\p{N}])/gu;
const VI_MONTH_NUMBER = /tháng[ \u00A0](\d{1,2})(?![\p{N}])/giu;
const VI_MONTH_VALUE = new Map(VI_MONTH_WORDS);
const VI_MONTH_WORD = new RegExp(`[tT]háng (${VI_MONTH_WORDS.map(([w]) => w).join('|')})${NOT_LETTER}`, 'gu');
const VI_DAY_MONTH = /ngày (\d{1,2})[/-](\d{1,2})(?![\p{N}/-])/giu;
const VI_BARE_DAY_MONTH = /(\d{1,2})(?:[-–](\d{1,2}))?\/(\d{1,2})(?![\p{N}/]|[.,]\p{N})/gu;
const ROMAN_CENTURY = /([IVXLC]+)(?:e|er|re|ère|ème)(?![\p{L}])/gu;
const VI_QUARTER = /quý (I{1,3}|IV)(?![\p{L}])/giu;
const VI_CENTURY = /(?:thế kỷ|thế kỉ) ([IVXLC]+)(?![\p{L}])/giu;

/**
 * Orders tokens by where they start, keeping the order of equal starts (as the stable
 * `Array.prototype.sort` does). A text has a handful of tokens, mostly in order already: an
 * insertion sort does that without a comparator call per pair.
 */
function sortByStart(tokens: NumericToken[]): NumericToken[] {
  if (tokens.length > 64) return tokens.sort((a, b) => a.start - b.start);
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    let j = i - 1;
    if (tokens[j]!.start <= token.start) continue;
    while (j >= 0 && tokens[j]!.start > token.start) {
      tokens[j + 1] = tokens[j]!;
      j--;
    }
    tokens[j + 1] = token;
  }
  return tokens;
}

/** Pass 5: numbers written in digits, each with the scale words after it. */
function readNumbers(text: string, work: string, rules: LocaleRules, tokens: NumericToken[]): void {
  const re = rules.number;
  const boundary: Boundary = (t, i) => !flagsBefore(t, i, NUMBER) && t.charCodeAt(i - 1) !== rules.decimal;
  re.lastIndex = 0;
  let previous: NumericToken | undefined;
  for (let m = nextMatch(re, work, boundary); m !== null; m = nextMatch(re, work, boundary)) {
    const intPart = onlyDigits(m[1]!);
    const value = Number(m[2] ? `${intPart}.${m[2]}` : intPart);
    const scaled = applyScales(work, m.index + m[0].length, rules, true);
    const year = scaled.factor === 1 && !m[2] ? yearRangeEnd(work, m.index, intPart, previous) : undefined;
    // `2 millions et demi` is 2.5 million.
    const half = scaled.factor !== 1 ? andAHalf(work, scaled.end, rules) : -1;
    const end = half >= 0 ? half : scaled.end;
    const token: NumericToken = { kind: 'number', value: year ?? canonical(value * scaled.factor + (half >= 0 ? scaled.factor / 2 : 0)), text: text.slice(m.index, end), start: m.index, end };
    tokens.push(token);
    previous = token;
  }
}

/**
 * The end of a range of years written short, `2023-24` or `1999/00` (what English and German
 * often write for `2023-2024`): two digits right after a year and a dash or slash, read as the
 * year they abbreviate when that year is 1 to 10 years after the first.
 */
function yearRangeEnd(work: string, start: number, digits: string, previous: NumericToken | undefined): number | undefined {
  if (digits.length !== 2 || !previous || previous.end !== start - 1 || previous.text.length !== 4) return undefined;
  const mark = work.charCodeAt(start - 1);
  if (mark !== 0x2d && mark !== 0x2f && mark !== 0x2013) return undefined; // - / –
  const first = previous.value;
  if (!Number.isInteger(first) || first < 1000 || first > 2999) return undefined;
  let year = Math.floor(first / 100) * 100 + Number(digits);
  if (year <= first) year += 100;
  return year - first <= 10 ? year : undefined;
}

/** The ASCII digits of a number written with group separators (`1 200` → `1200`). */
function onlyDigits(written: string): string {
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return written.replace(/\D/g, '');
  }
  return written;
}

/** `digitHints` bits: what follows some ASCII digit of a text. */
const BEFORE_AM_PM = 1;
const BEFORE_COLON = 2;
const BEFORE_H = 4;
const BEFORE_GIO = 8;
const BEFORE_DATE_MARK = 16;
const BEFORE_G_OR_U = 32;
const BEFORE_DOT_DIGIT = 64;

/**
 * Which digit-led patterns can match in a text, from what follows the last digit of each run
 * of digits: `am`/`pm`/`a.m.` (after an optional space), `:`, `h` (glued or after a space),
 * ` giờ`, ` Uhr`, `GMT` or `UTC`, a date's `/`, `.` or `-`, or `.` and a digit (`14.30 Uhr`, `25.6.`). One walk over the text instead of one search per pattern;
 * a pattern whose hint is missing cannot match (the passes before it only turn characters into
 * spaces, and never one right after a digit they leave, since their matches start with a digit
 * that no digit precedes).
 */
function digitHints(text: string): number {
  let hints = 0;
  // The regex engine finds runs of digits faster than a loop over every character.
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(text)) {
    const i = DIGIT_RUN.lastIndex - 1;
    const next = text.charCodeAt(i + 1);
    if (next === COLON) hints |= BEFORE_COLON;
    else if (next === SLASH || next === PERIOD || next === HYPHEN) {
      hints |= BEFORE_DATE_MARK;
      const digitAfter = text.charCodeAt(i + 2);
      if (next === PERIOD && digitAfter >= 0x30 && digitAfter <= 0x39) hints |= BEFORE_DOT_DIGIT;
    }
    else if (next === LOWER_H) hints |= BEFORE_H;
    const spaced = isInlineSpace(next);
    const after = spaced ? text.charCodeAt(i + 2) : next;
    // `a`/`A`/`p`/`P`, then `m`, `M` or `.`: only these characters match them case-insensitively.
    const folded = after | 0x20;
    if (folded === LOWER_A || folded === LOWER_P) {
      const second = text.charCodeAt(spaced ? i + 3 : i + 2);
      if ((second | 0x20) === LOWER_M || second === PERIOD) hints |= BEFORE_AM_PM;
    }
    if (spaced && after === LOWER_H) hints |= BEFORE_H;
    if (next === SPACE && after === LOWER_G) hints |= BEFORE_GIO;
    if (after === UPPER_U || after === UPPER_G) hints |= BEFORE_G_OR_U;
  }
  return hints;
}

const DIGIT_RUN = /\d+/g;
const LOWER_A = 0x61;
const LOWER_G = 0x67;
const LOWER_H = 0x68;
const LOWER_M = 0x6d;
const LOWER_P = 0x70;
const UPPER_G = 0x47;
const UPPER_U = 0x55;

/**
 * Walks the words of `scanned`: runs of letters, digits and hyphens, which is how spelled-out
 * numbers are delimited (`dix-sept` is one word, `vingt-deux` holds no `deux`). Each such word
 * that is a spelled-out number (or a word meaning "one" before a scale word) is pushed on
 * `candidates` as start, end and value (-1 for "one" before a scale word only).
 *
 * With `onMonth`, the same walk finds month names: a month name is a run of letters and digits
 * between hyphens (or the word's ends), with its dot if it is an abbreviation. A word holding a
 * month name is no candidate: the old month pass blanked the month out before the number words
 * were read, leaving pieces that begin or end with a hyphen, which no number word does. (The
 * Roman-numeral pass between them blanks out nothing a number word can touch: no French number
 * word is a Roman numeral with an ordinal ending, nor a part of one between hyphens.)
 */
function scanWords(scanned: string, rules: LocaleRules, onMonth: ((start: number, end: number, month: number) => void) | null, candidates: number[]): void {
  const length = scanned.length;
  let i = 0;
  while (i < length) {
    // Between words.
    let cls = classAt(scanned, i);
    if (cls === NOT_WORD) {
      i++;
      continue;
    }
    // A word: runs of letters and digits (pieces) joined by hyphens.
    const start = i;
    let hyphenated = false;
    let hadMonth = false;
    for (;;) {
      if (cls === WORD_CHAR) {
        const piece = i;
        do i++;
        while (i < length && (cls = classAt(scanned, i)) === WORD_CHAR);
        if (i === length) cls = NOT_WORD;
        if (cls === NOT_WORD && !hyphenated) break; // the usual word, one piece: read below
        hyphenated = true;
        if (onMonth && readMonth(scanned, piece, i, rules, onMonth)) hadMonth = true;
      } else {
        hyphenated = true;
        i++;
        cls = i < length ? classAt(scanned, i) : NOT_WORD;
      }
      if (cls === NOT_WORD) break;
    }
    if (!hyphenated) {
      // One shape test for both lists before either lookup.
      const first = lowerUnit(scanned.charCodeAt(start));
      const last = lowerUnit(scanned.charCodeAt(i - 1));
      if (first < 0 || last < 0 || !hasShape(rules.anyWordShapes, first, last, i - start)) {
        if (rules.base === 'de' && i - start >= 7) readGermanCompound(scanned, start, i, candidates);
        continue;
      }
      if (onMonth && readMonth(scanned, start, i, rules, onMonth)) continue;
    }
    if (!hadMonth && !readNumberWord(scanned, start, i, rules, candidates) && hyphenated) readCompoundNumber(scanned, start, i, rules, candidates);
  }
}

/** The word class of the code unit at `i` (inside the text). */
function classAt(text: string, i: number): number {
  const cls = WORD_CLASS[text.charCodeAt(i)]!;
  return cls === UNKNOWN ? wordClassAt(text, i) : cls;
}

/** Pushes the word [start, end) on `candidates` if it is a spelled-out number (see `scanWords`). */
function readNumberWord(scanned: string, start: number, end: number, rules: LocaleRules, candidates: number[]): boolean {
  const first = lowerUnit(scanned.charCodeAt(start));
  const last = lowerUnit(scanned.charCodeAt(end - 1));
  if (first < 0 || last < 0 || !hasShape(rules.numberWordShapes, first, last, end - start)) return false;
  const lower = scanned.slice(start, end).toLowerCase();
  const value = rules.wordValues.get(lower);
  if (value !== undefined) candidates.push(start, end, value);
  else if (rules.oneBeforeScale.has(lower)) candidates.push(start, end, -1);
  else return false;
  return true;
}

/**
 * A number written as a hyphenated compound of number words: French `vingt-deux`,
 * `soixante-dix-sept` (60 + 10 + 7), `quatre-vingt-dix` (4 × 20 + 10), `vingt-et-un`; English
 * `twenty-two`. The pieces add up, except `quatre-vingt(s)`, which is 80. Pushed on `candidates`
 * like a single number word.
 */
function readCompoundNumber(scanned: string, start: number, end: number, rules: LocaleRules, candidates: number[]): void {
  const pieces = scanned.slice(start, end).toLowerCase().split('-');
  let total = 0;
  let previous = -1;
  for (const piece of pieces) {
    if (piece === 'et' || piece === 'and') continue;
    const value = piece === 'vingts' ? 20 : rules.wordValues.get(piece);
    // Only whole numbers below a hundred take part (not `premier`, `dizaine`, `mille`).
    if (value === undefined || !Number.isInteger(value) || value >= 100 || COMPOUND_EXCLUDED.has(piece)) return;
    if (value === 20 && previous === 4 && rules.base === 'fr') total += 80 - 4;
    else total += value;
    previous = value;
  }
  if (total > 0) candidates.push(start, end, total);
}

/**
 * A German number written as one word: `einundzwanzig` (1 + 20), `fünfundneunzig`,
 * `zweihundert`, `dreitausend`, `hundertfünfzig`, `zweihundertfünfzigtausend`. Only words ending
 * like a number (`-zig`, `-ßig`, `-zehn`, `-hundert`, `-tausend`) are cut out and parsed; a word
 * that only ends like one (`Jahrhundert`, `Jahrtausend`) does not parse. Pushed on `candidates`
 * like a single number word.
 */
function readGermanCompound(scanned: string, start: number, end: number, candidates: number[]): void {
  const a = scanned.charCodeAt(end - 1) | 0x20;
  const b = scanned.charCodeAt(end - 2) | 0x20;
  const c = scanned.charCodeAt(end - 3) | 0x20;
  const endsLikeNumber =
    (a === 0x67 && b === 0x69 && (c === 0x7a || c === 0xff)) || // -zig, -ßig (ß | 0x20 is ÿ)
    (a === 0x6e && b === 0x68 && c === 0x65) || // -ehn
    (a === 0x74 && b === 0x72 && c === 0x65) || // -ert
    (a === 0x64 && b === 0x6e && c === 0x65); // -end
  if (!endsLikeNumber) return;
  const value = germanNumber(scanned.slice(start, end).toLowerCase());
  if (value !== undefined) candidates.push(start, end, value);
}

const GERMAN_UNITS = new Map([['ein', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['fünf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8], ['neun', 9]]);
const GERMAN_BELOW_HUNDRED = new Map<string, number>([
  ...NUMBER_WORDS.de!.map((w, i): [string, number] => [w, i]),
  ['dreißig', 30], ['vierzig', 40], ['fünfzig', 50], ['sechzig', 60], ['siebzig', 70], ['achtzig', 80], ['neunzig', 90],
]);

function germanNumber(word: string): number | undefined {
  const at = word.indexOf('tausend');
  if (at < 0) return germanBelowThousand(word);
  const thousands = at === 0 ? 1 : germanBelowThousand(word.slice(0, at));
  const rest = word.length === at + 7 ? 0 : germanBelowThousand(word.slice(at + 7));
  return thousands === undefined || rest === undefined ? undefined : thousands * 1000 + rest;
}

function germanBelowThousand(word: string): number | undefined {
  const at = word.indexOf('hundert');
  if (at < 0) return germanBelowHundred(word);
  const hundreds = at === 0 ? 1 : GERMAN_UNITS.get(word.slice(0, at));
  const rest = word.length === at + 7 ? 0 : germanBelowHundred(word.slice(at + 7));
  return hundreds === undefined || rest === undefined ? undefined : hundreds * 100 + rest;
}

function germanBelowHundred(word: string): number | undefined {
  const direct = GERMAN_BELOW_HUNDRED.get(word);
  if (direct !== undefined) return direct;
  const at = word.indexOf('und');
  if (at <= 0) return undefined;
  const unit = GERMAN_UNITS.get(word.slice(0, at));
  const tens = GERMAN_BELOW_HUNDRED.get(word.slice(at + 3));
  return unit !== undefined && tens !== undefined && tens >= 20 && tens % 10 === 0 ? unit + tens : undefined;
}

/** Number words that are never a piece of a compound number (ordinals, collective nouns, `une`). */
const COMPOUND_EXCLUDED = new Set(['premier', 'première', 'second', 'seconde', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième', 'dizaine', 'douzaine', 'quinzaine', 'vingtaine', 'trentaine', 'quarantaine', 'cinquantaine', 'soixantaine', 'une', 'first', 'second', 'third', 'fourth', 'fifth', 'dozen', 'twice', 'once', 'half']);

/** Whether the run of letters and digits [start, end) is a month name (or, with the dot after it, an abbreviation); takes it if so. */
function readMonth(scanned: string, start: number, end: number, rules: LocaleRules, onMonth: (start: number, end: number, month: number) => void): boolean {
  const c = scanned.charCodeAt(start);
  const l = scanned.charCodeAt(end - 1);
  const first = rules.caseSensitiveMonths ? c : lowerUnit(c);
  const last = rules.caseSensitiveMonths ? l : lowerUnit(l);
  if (first < 0 || last < 0 || !hasShape(rules.monthShapes!, first, last, end - start)) return false;
  const word = rules.caseSensitiveMonths ? scanned.slice(start, end) : scanned.slice(start, end).toLowerCase();
  // An abbreviation takes its dot (`janv.`); no month name is also an abbreviation without it.
  let abbreviated = scanned.charCodeAt(end) === PERIOD ? rules.monthOf.get(`${word}.`) : undefined;
  // `sept.` is also seven at the end of a sentence (`Ils étaient sept.`): an abbreviation that
  // is a number word too is a month only with a day or a year beside it (`12 sept.`, `sept. 2024`).
  if (abbreviated !== undefined && rules.wordValues.has(word.toLowerCase()) && !digitBeside(scanned, start, end + 1)) abbreviated = undefined;
  if (abbreviated !== undefined) {
    onMonth(start, end + 1, abbreviated);
    return true;
  }
  const month = rules.monthOf.get(word);
  if (month === undefined) return false;
  onMonth(start, end, month);
  return true;
}

/**
 * Whether a month name may be a name instead: a month with a day or a year beside it is a date;
 * without, a capitalised one may be a person (`Mme Nguyễn Thị Mai`, `Theresa May`) or a planet
 * (`Mars`). French writes months in lower case, so there only a capital makes it uncertain; in
 * languages that capitalise months (English, German) every month name alone is.
 */
function monthMayBeName(text: string, start: number, end: number, rules: LocaleRules): boolean {
  if (digitBeside(text, start, end)) return false;
  if (rules.caseSensitiveMonths) return true;
  const first = text.charAt(start);
  return first !== first.toLowerCase();
}

/** Whether a digit stands right before [start, end) or right after it, at most one space away. */
function digitBeside(text: string, start: number, end: number): boolean {
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  let before = start - 1;
  if (before >= 0 && isInlineSpace(text.charCodeAt(before))) before--;
  let after = end;
  if (after < text.length && isInlineSpace(text.charCodeAt(after))) after++;
  return (before >= 0 && isDigit(text.charCodeAt(before))) || (after < text.length && isDigit(text.charCodeAt(after)));
}

/**
 * Pass 6: the spelled-out numbers `scanWords` found, each with the scale words after it. The
 * words meaning "one" only before a scale word (`a million`) count only in a text that has a
 * scale word somewhere — asked only when such a word does precede a scale word.
 */
function readNumberWords(text: string, work: string, rules: LocaleRules, alone: boolean, candidates: number[], tokens: NumericToken[]): void {
  let textHasScaleWord: boolean | undefined;
  let readUpTo = 0;
  for (let k = 0; k < candidates.length; k += 3) {
    const start = candidates[k]!;
    const value = candidates[k + 2]!;
    // A word already read as part of a number (`mille` in `deux mille` or `3 mille`, `un` in
    // `vingt et un`) is not read again.
    if (start < readUpTo || insideToken(tokens, start)) continue;
    const scaled = applyScales(work, candidates[k + 1]!, rules);
    if (value < 0 && (scaled.factor === 1 || !(textHasScaleWord ??= rules.hasScaleWord?.test(work) ?? false))) continue;
    let total = canonical((value < 0 ? 1 : value) * scaled.factor);
    let end = scaled.end;
    // `un million`, `three billion`: a value as definite as digits.
    let definite = scaled.factor !== 1;
    let lastScale = scaled.factor;
    // The spelled-out numbers that go on this one: `vingt et un`, `deux cent cinquante`,
    // `One hundred twenty-five` (a number that starts an English sentence).
    for (let j = k + 3; j < candidates.length; j += 3) {
      const nextStart = candidates[j]!;
      if (nextStart < end) continue;
      const nextValue = candidates[j + 2]!;
      if (nextValue <= 0 || !joinsNumber(work, end, nextStart, total, nextValue, rules)) break;
      const nextScaled = applyScales(work, candidates[j + 1]!, rules);
      const added = nextValue * nextScaled.factor;
      if (!continuesNumber(total, added, rules)) break;
      total = canonical(total + added);
      end = nextScaled.end;
      if (nextScaled.factor !== 1) lastScale = nextScaled.factor;
      definite ||= nextScaled.factor !== 1;
    }
    // `un million et demi` (1.5 million), `one and a half million`.
    const half = andAHalf(work, end, rules);
    if (half >= 0 && lastScale !== 1) {
      total = canonical(total + lastScale / 2);
      end = half;
    } else if (half >= 0) {
      const after = applyScales(work, half, rules);
      total = canonical((total + 0.5) * after.factor);
      end = after.end;
      definite ||= after.factor !== 1;
    }
    readUpTo = end;
    if (definite) tokens.push({ kind: 'number', value: total, text: text.slice(start, end), start, end });
    else if (alone) tokens.push({ kind: 'number', value: total, word: true, text: work.slice(start, end), start, end });
  }
}

/**
 * Where ` et demi` (French) or ` and a half` (English) ends when it follows `end`, else -1:
 * a half of the scale before it (`un million et demi`) or of the unit (`one and a half million`).
 */
function andAHalf(work: string, end: number, rules: LocaleRules): number {
  if (!isInlineSpace(work.charCodeAt(end))) return -1;
  const phrase = rules.base === 'fr' ? ' et demi' : rules.base === 'en' ? ' and a half' : '';
  if (phrase === '' || !work.startsWith(phrase, end)) return -1;
  let after = end + phrase.length;
  if (rules.base === 'fr' && work.charCodeAt(after) === 0x65) after++; // demie
  return isLetterCode(work, after) ? -1 : after;
}

/**
 * Whether the text between two spelled-out numbers joins them into one: a single space after
 * tens or hundreds (`deux cent cinquante`, `one hundred twenty`), French `et` before `un`,
 * `une` or `onze` (`vingt et un`, `soixante et onze`), English `and` after hundreds
 * (`one hundred and twenty`).
 */
function joinsNumber(work: string, from: number, to: number, total: number, next: number, rules: LocaleRules): boolean {
  if (to === from + 1) return total >= 20 && isInlineSpace(work.charCodeAt(from));
  if (!isInlineSpace(work.charCodeAt(from)) || !isInlineSpace(work.charCodeAt(to - 1))) return false;
  const word = work.slice(from + 1, to - 1);
  if (word === 'et') return rules.base === 'fr' && (next === 1 || next === 11);
  if (word === 'and') return rules.base === 'en' && total >= 100;
  return false;
}

/**
 * Whether `added` fills a place `total` leaves empty: 20 takes units (`vingt et un`), 200 takes
 * tens and units, 2000 takes hundreds… French 60 and 80 also take 10 to 19 (`soixante et onze`).
 * Two numbers side by side that do not compose (`deux trois`) stay two.
 */
function continuesNumber(total: number, added: number, rules: LocaleRules): boolean {
  if (!Number.isInteger(total) || !Number.isInteger(added) || total < 20) return false;
  let place = 1;
  while (total % (place * 10) === 0) place *= 10;
  if (added < place) return true;
  return rules.base === 'fr' && added < 20 && (total % 100 === 60 || total % 100 === 80);
}

function insideToken(tokens: readonly NumericToken[], at: number): boolean {
  for (const t of tokens) if (at >= t.start && at < t.end) return true;
  return false;
}

const SPACE = 0x20;

/**
 * Scale words may chain (`mille milliards`, `nghìn tỷ`); returns their product and where they end.
 * A scale word is a whole run of letters, not followed by a digit, glued to what precedes it or
 * after one space (ordinary, no-break or narrow no-break).
 */
function applyScales(work: string, from: number, rules: LocaleRules, afterDigits = false): { factor: number; end: number } {
  let factor = 1;
  let end = from;
  for (;;) {
    const c = work.charCodeAt(end);
    const spaced = isInlineSpace(c);
    const start = spaced ? end + 1 : end;
    let wordEnd = start;
    while (wordEnd < work.length && (flagsAt(work, wordEnd) & LETTER) !== 0) wordEnd++;
    if (wordEnd === start || (wordEnd < work.length && (flagsAt(work, wordEnd) & NUMBER) !== 0)) break;
    const first = lowerUnit(work.charCodeAt(start));
    const last = lowerUnit(work.charCodeAt(wordEnd - 1));
    if (first < 0 || last < 0 || !hasShape(rules.scaleShapes, first, last, wordEnd - start)) break;
    const word = work.slice(start, wordEnd).toLowerCase();
    // Own words only: `3 constructor` is no number times Object's constructor.
    const f = Object.hasOwn(rules.scales, word) ? rules.scales[word] : undefined;
    if (f === undefined) break;
    // French `50 cents` is money: `cent` multiplies only a spelled-out number (`trois cents`), digits write 300.
    if (afterDigits && factor === 1 && f === 100 && rules.base === 'fr') break;
    if (GLUED_ONLY_SCALES.has(word) && spaced && !isCurrencySign(work.charCodeAt(wordEnd))) break;
    // French `M€`, `M$`: millions only before the currency sign (`25 m` is a length).
    if (word === 'm' && rules.base === 'fr' && !isCurrencySign(work.charCodeAt(wordEnd))) break;
    factor *= f;
    end = wordEnd;
  }
  return { factor, end };
}
/** `€`, `$`, `£`: after `M`, `Md` or `bn` they make it a scale even after a space (`180 M€`, `1,5 Md€`). */
function isCurrencySign(c: number): boolean {
  return c === 0x20ac || c === 0x24 || c === 0xa3;
}

function escapeRegExpChar(ch: string): string {
  return ch === '.' ? '\\.' : ch;
}

export function sameValue(a: NumericToken, b: NumericToken): boolean {
  if (a.kind !== b.kind) return (a.kind === 'time' && wholeHourIs(a, b)) || (b.kind === 'time' && wholeHourIs(b, a));
  return a.value === b.value || a.alt === b.value || b.alt === a.value || (a.alt !== undefined && a.alt === b.alt);
}

/**
 * Whether a time on the hour is the number of its hour on the other side: `à 19 heures` (a
 * number: `heures` is also a duration) is `at 7 p.m.` or `um 19 Uhr`; `en 24 h` is `in 24 hours`;
 * `2 h 01 min` is `2 hours, 1 minute`. A time with minutes never stands for a bare number.
 */
function wholeHourIs(time: NumericToken, other: NumericToken): boolean {
  if (other.kind !== 'number' || time.value % 60 !== 0) return false;
  const hour = time.value / 60;
  return other.value === hour || (hour > 12 && other.value === hour - 12) || (time.alt !== undefined && other.value === time.alt / 60);
}

export interface TokenComparison {
  /** Source tokens written in digits (or month names, times) that the target does not contain. */
  missing: NumericToken[];
  /** Target tokens written in digits that the source does not contain. */
  extra: NumericToken[];
  /** Source tokens found in the target. */
  matched: NumericToken[];
}

/**
 * Matches source tokens to target tokens as a multiset. A number spelled out on one side
 * (`trois`) may stand for digits on the other (`3`); spelled-out numbers alone are never
 * reported (`un` is also an article), only used to excuse a digit.
 */
export function compareTokens(source: NumericToken[], target: NumericToken[]): TokenComparison {
  const taken = new Uint8Array(target.length);
  const matched: NumericToken[] = [];
  const missing: NumericToken[] = [];
  // Digits against digits first, so a spelled-out word does not steal a digit's partner.
  for (const s of source) {
    if (s.word) continue;
    if (takeMatch(s, target, taken, false) || takeMatch(s, target, taken, true)) matched.push(s);
    else missing.push(s);
  }
  // Spelled-out source numbers are never reported missing: they only excuse a digit.
  for (const s of source) {
    if (s.word && (takeMatch(s, target, taken, false) || takeMatch(s, target, taken, true))) matched.push(s);
  }
  const extra: NumericToken[] = [];
  for (let i = 0; i < target.length; i++) if (taken[i] === 0 && !target[i]!.word) extra.push(target[i]!);
  return { missing, extra, matched };
}

/** Takes the first free target token of the same value that is (or is not) a spelled-out word. */
function takeMatch(s: NumericToken, target: NumericToken[], taken: Uint8Array, word: boolean): boolean {
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!;
    if (taken[i] === 0 && (word ? t.word === true : !t.word) && sameValue(s, t)) {
      taken[i] = 1;
      return true;
    }
  }
  return false;
}

/**
 * Fractions spelled out that a translation may give as a percentage, and back: `la moitié des
 * électeurs` ↔ `50% of voters`, `25 %` ↔ `a quarter`. Read only when numbers disagree (see the
 * `numbers` check), never as tokens: `quarter` is also three months, `half` half a year.
 */
const FRACTION_WORDS: Record<string, Record<string, number>> = {
  fr: { moitié: 50, quart: 25, quarts: 25 },
  en: { half: 50, quarter: 25, quarters: 25 },
  de: { hälfte: 50, viertel: 25 },
  vi: { nửa: 50 },
};
/** `three quarters`, `trois quarts`, `drei Viertel`: 75 %. */
const THREE = new Set(['three', 'trois', 'drei']);

/** The percentages the fraction words of `text` stand for, one entry per fraction. */
export function fractionPercents(text: string, lang: Lang): number[] {
  const words = FRACTION_WORDS[baseLang(lang)];
  const out: number[] = [];
  if (!words) return out;
  let start = -1;
  let previous = '';
  for (let i = 0; i <= text.length; i++) {
    const letter = i < text.length && (flagsAt(text, i) & LETTER) !== 0;
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      const word = i - start <= 8 ? text.slice(start, i).toLowerCase() : '';
      if (Object.hasOwn(words, word)) out.push(THREE.has(previous) && words[word] === 25 ? 75 : words[word]!);
      previous = word;
      start = -1;
    }
  }
  return out;
}

const PERCENT_WORDS = ['pour cent', 'pourcent', 'percent', 'per cent', 'prozent', 'phần trăm'];

/** Whether a percent sign or word follows a number that ends at `end` (`50 %`, `50%`, `50 percent`, `50 Prozent`). */
export function percentAfter(text: string, end: number): boolean {
  let i = end;
  if (isInlineSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x25) return true;
  const rest = text.slice(i, i + 10).toLowerCase();
  return PERCENT_WORDS.some((w) => rest.startsWith(w) && !isLetterCode(text, i + w.length));
}

function isLetterCode(text: string, i: number): boolean {
  return i < text.length && (flagsAt(text, i) & LETTER) !== 0;
}
