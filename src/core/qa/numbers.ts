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
import { baseLang, maskLinks } from './text.js';

export type TokenKind = 'number' | 'month' | 'time';

export interface NumericToken {
  kind: TokenKind;
  /** Numbers: the value; months: 1–12; times: minutes after midnight. */
  value: number;
  /** For a 12-hour clock time written without am/pm, the other reading (value + 12 h). */
  alt?: number;
  /** Written as a word (`trois`, `three`, `ba`) rather than digits. */
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
  de: { decimal: ',', groups: `.${SI_SPACES}` },
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
  fr: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9, billion: 1e12, billions: 1e12 },
  en: { thousand: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12 },
  vi: { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 },
  de: { tausend: 1e3, million: 1e6, millionen: 1e6, mio: 1e6, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, billion: 1e12, billionen: 1e12 },
};

/** Small numbers are often spelled out; a digit on one side may be a word on the other. */
/** Abbreviated scales count only when glued to the number (`$2.5m`, `3bn`): `25 m` is a length. */
const GLUED_ONLY_SCALES = new Set(['m', 'mn', 'bn', 'tn', 'md', 'mds', 'mio', 'mrd']);
/** Words that mean "one" in front of a scale word: `un million`, `a million`, `một tỷ`. */
const ONE_BEFORE_SCALE = new Set(['un', 'une', 'a', 'an', 'one', 'một', 'ein', 'eine']);

const NUMBER_WORDS: Record<string, string[]> = {
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf', 'vingt'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  vi: ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
};
/** Feminine and other variants that mean the same small number. */
const NUMBER_WORD_VARIANTS: Record<string, Record<string, number>> = {
  fr: { une: 1, premier: 1, première: 1, second: 2, seconde: 2, deuxième: 2, troisième: 3, quatrième: 4, cinquième: 5, dizaine: 10, douzaine: 12, vingtaine: 20 },
  en: { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, dozen: 12, ten: 10, twice: 2, once: 1 },
  vi: { bốn: 4, tư: 4, nhất: 1, nhì: 2, chục: 10 },
  de: { ein: 1, eine: 1, einen: 1, erste: 1, zweite: 2, dritte: 3 },
};

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
const NO_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';

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
  return Number(value.toPrecision(12));
}

/** Regular expressions of one language, compiled once (checks run on every segment of a project). */
interface LocaleRules {
  base: string;
  times: RegExp[];
  /** One alternation of every month name; the match is looked up in `monthOf`. */
  months: RegExp | null;
  monthOf: Map<string, number>;
  caseSensitiveMonths: boolean;
  number: RegExp;
  scales: Record<string, number>;
  /** One alternation of the spelled-out numbers and the words meaning "one" before a scale. */
  numberWords: RegExp | null;
  /** The same plus `a`, `an`…: only worth reading when a scale word follows somewhere. */
  numberWordsWithOnes: RegExp | null;
  /** Whether a text has any scale word at all. */
  hasScaleWord: RegExp | null;
  wordValues: Map<string, number>;
}

const RULES = new Map<string, LocaleRules>();

function rulesFor(lang: Lang): LocaleRules {
  const base = baseLang(lang);
  const cached = RULES.get(base);
  if (cached) return cached;
  const times: RegExp[] = [
    /(?<![\p{N}:])(\d{1,2})[ \u00A0\u202F]?(a\.m\.|p\.m\.|am|pm)(?![\p{L}])/giu,
    /(?<![\p{N}:])(\d{1,2}):(\d{2})(?:[ \u00A0\u202F]?(a\.m\.|p\.m\.|am|pm)(?![\p{L}]))?(?![\p{N}])/giu,
  ];
  if (base === 'fr' || base === 'vi') {
    times.push(/(?<![\p{N}])(\d{1,2})(?:h|[ \u00A0\u202F]h[ \u00A0\u202F])(\d{2})?(?![\p{L}\p{N}])/gu);
    times.push(/(?<![\p{N}])(\d{1,2})h(?![\p{L}\p{N}])/gu);
  }
  if (base === 'vi') times.push(/(?<![\p{N}])(\d{1,2}) giờ(?: (\d{1,2}) phút| (\d{2}))(?![\p{L}\p{N}])/gu);

  const monthOf = new Map<string, number>();
  const caseSensitiveMonths = CASE_SENSITIVE_MONTHS.has(base);
  const names: string[] = [];
  (MONTHS[base] ?? []).forEach((variants, i) => {
    for (const name of variants) {
      monthOf.set(caseSensitiveMonths ? name : name.toLowerCase(), i + 1);
      names.push(name);
    }
  });
  // Longest first, so `sept.` is not read as a prefix of `septembre`.
  names.sort((a, b) => b.length - a.length);
  const months = names.length
    ? new RegExp(`${NO_LETTER_BEFORE}(?:${names.map((n) => (n.endsWith('.') ? escapeRegExp(n) : `${escapeRegExp(n)}${NOT_LETTER}`)).join('|')})`, caseSensitiveMonths ? 'gu' : 'giu')
    : null;

  const fmt = numberFormat(lang);
  const g = `[${escapeClass(fmt.groups)}]`;
  const d = escapeRegExpChar(fmt.decimal);
  const number = new RegExp(`(?<![\\p{N}${d}])(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?(?![\\p{N}])`, 'gu');

  const wordValues = new Map<string, number>();
  (NUMBER_WORDS[base] ?? []).forEach((w, i) => wordValues.set(w, i));
  for (const [w, v] of Object.entries(NUMBER_WORD_VARIANTS[base] ?? {})) wordValues.set(w, v);
  const alternation = (list: Iterable<string>) =>
    new RegExp(`(?<![\\p{L}\\p{N}-])(?:${[...new Set(list)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
  // `a` and `an` are everywhere in English: they are read only in a text that has a scale word.
  const numberWords = wordValues.size ? alternation(wordValues.keys()) : null;
  const numberWordsWithOnes = wordValues.size ? alternation([...wordValues.keys(), ...ONE_BEFORE_SCALE]) : null;
  const scaleWords = Object.keys(SCALES[base] ?? {});
  const hasScaleWord = scaleWords.length ? new RegExp(`(?<![\\p{L}])(?:${scaleWords.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'iu') : null;

  const rules: LocaleRules = { base, times, months, monthOf, caseSensitiveMonths, number, scales: SCALES[base] ?? {}, numberWords, numberWordsWithOnes, hasScaleWord, wordValues };
  RULES.set(base, rules);
  return rules;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ExtractOptions {
  /** Also read spelled-out small numbers on their own (`trois`, `three`); default true. */
  words?: boolean;
}

/**
 * Every numeric token of a text in a language. Tokens never overlap: each pass blanks out
 * what it consumed (times before dates before plain numbers).
 */
export function extractNumericTokens(text: string, lang: Lang, options: ExtractOptions = {}): NumericToken[] {
  // A source paragraph is read once per target language and per check: remember recent results.
  // Tokens are never mutated by callers, so sharing them is safe.
  const memoKey = `${lang}\u0000${options.words === false ? 0 : 1}\u0000${text}`;
  const memo = MEMO.get(memoKey);
  if (memo) return memo;
  const tokens = extract(text, lang, options);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(memoKey, tokens);
  return tokens;
}

const MEMO = new Map<string, NumericToken[]>();
const MEMO_LIMIT = 4096;

function extract(text: string, lang: Lang, options: ExtractOptions): NumericToken[] {
  const rules = rulesFor(lang);
  const { base } = rules;
  const tokens: NumericToken[] = [];
  const hasDigit = /\d/.test(text);
  let work = hasDigit ? maskLinks(text) : text;
  const take = (start: number, end: number, token: Omit<NumericToken, 'start' | 'end' | 'text'>): void => {
    tokens.push({ ...token, text: text.slice(start, end), start, end });
    work = blank(work, start, end);
  };

  // 1. Clock times: `14h30`, `14 h 30`, `8h`, `14:30`, `2:30 p.m.`, `14 giờ 30`.
  if (hasDigit) {
    for (const re of rules.times) {
      for (const m of work.matchAll(re)) {
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
        take(m.index, m.index + m[0].length, { kind: 'time', value: hour * 60 + minute, ...(alt !== undefined ? { alt } : {}) });
      }
    }
  }

  // 2. Full numeric dates (`25/06/2024`): day, month and year. Without a year, `1/2` is a fraction.
  if (hasDigit && /\d[/.-]\d{1,2}[/.-]\d{4}/.test(work)) {
    for (const m of work.matchAll(/(?<![\p{N}/])(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})(?![\p{N}])/gu)) {
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

  // 3. Month names. The day and the year next to them stay plain numbers, so `25 juin`,
  //    `June 25` and `25 tháng 6` all read as {25, month 6}.
  if (base === 'vi') {
    if (/tháng/i.test(work)) {
      for (const m of work.matchAll(/(?<![\p{L}])tháng[ \u00A0](\d{1,2})(?![\p{N}])/giu)) {
        const monthText = m[1]!;
        const month = Number(monthText);
        if (month < 1 || month > 12) continue;
        const mStart = m.index + m[0].length - monthText.length;
        take(mStart, mStart + monthText.length, { kind: 'month', value: month });
      }
      for (const m of work.matchAll(VI_MONTH_WORD_RE)) {
        const word = m[1]!;
        const s = m.index + m[0].length - word.length;
        take(s, s + word.length, { kind: 'month', value: VI_MONTH_VALUE.get(word)! });
      }
    }
    // `ngày 25/6`: day/month without a year, introduced by "ngày" (day).
    if (hasDigit && /ngày \d/i.test(work)) {
      for (const m of work.matchAll(/(?<![\p{L}])ngày (\d{1,2})\/(\d{1,2})(?![\p{N}/])/giu)) {
        const monthText = m[2]!;
        const s = m.index + m[0].length - monthText.length;
        if (Number(monthText) >= 1 && Number(monthText) <= 12) take(s, s + monthText.length, { kind: 'month', value: Number(monthText) });
      }
    }
  } else if (rules.months) {
    for (const m of work.matchAll(rules.months)) {
      const month = rules.monthOf.get(rules.caseSensitiveMonths ? m[0] : m[0].toLowerCase());
      if (month !== undefined) take(m.index, m.index + m[0].length, { kind: 'month', value: month });
    }
  }

  // 4. Ordinal centuries in Roman numerals: `XXIe siècle` (fr), `thế kỷ XXI` (vi).
  if (base === 'fr' && /[IVXLC](?:e|er|re|ère|ème)(?![\p{L}])/u.test(work)) {
    for (const m of work.matchAll(/(?<![\p{L}])([IVXLC]+)(?:e|er|re|ère|ème)(?![\p{L}])/gu)) {
      // `Le` and `Ce` are words, not 50th and 100th: one-letter numerals only for I, V, X.
      if (m[1]!.length === 1 && !'IVX'.includes(m[1]!)) continue;
      take(m.index, m.index + m[0].length, { kind: 'number', value: romanValue(m[1]!) });
    }
  }
  if (base === 'vi' && /th[ếê] k[ỷỉ]/iu.test(work)) {
    for (const m of work.matchAll(/(?<![\p{L}])(?:thế kỷ|thế kỉ) ([IVXLC]+)(?![\p{L}])/giu)) {
      const s = m.index + m[0].length - m[1]!.length;
      take(s, s + m[1]!.length, { kind: 'number', value: romanValue(m[1]!) });
    }
  }

  // 5. Plain numbers in the language's format, with an optional scale word after them.
  if (hasDigit) {
    for (const m of work.matchAll(rules.number)) {
      const intPart = m[1]!.replace(/\D/g, '');
      const value = Number(m[2] ? `${intPart}.${m[2]}` : intPart);
      const scaled = applyScales(work, m.index + m[0].length, rules.scales);
      // Not blanked out like the passes above: the only pass left reads words, not digits.
      tokens.push({ kind: 'number', value: canonical(value * scaled.factor), text: text.slice(m.index, scaled.end), start: m.index, end: scaled.end });
    }
  }

  // 6. Small numbers spelled out, for tolerance (`3` ↔ `three`) and the MT second opinion. A
  //    spelled-out number before a scale word (`un million`) is as definite as digits: it is
  //    read even when `words` is false.
  const wordPattern = rules.hasScaleWord?.test(work) ? rules.numberWordsWithOnes : rules.numberWords;
  if (wordPattern) {
    for (const m of work.matchAll(wordPattern)) {
      const lower = m[0].toLowerCase();
      const v = rules.wordValues.get(lower) ?? (ONE_BEFORE_SCALE.has(lower) ? 1 : undefined);
      if (v === undefined) continue;
      const scaled = applyScales(work, m.index + m[0].length, rules.scales);
      if (scaled.factor !== 1) {
        // `un million`, `three billion`: a value as definite as digits.
        tokens.push({ kind: 'number', value: canonical(v * scaled.factor), text: text.slice(m.index, scaled.end), start: m.index, end: scaled.end });
      } else if (options.words !== false && rules.wordValues.has(lower)) {
        tokens.push({ kind: 'number', value: v, word: true, text: m[0], start: m.index, end: m.index + m[0].length });
      }
    }
  }

  return tokens.sort((a, b) => a.start - b.start);
}

const VI_MONTH_VALUE = new Map(VI_MONTH_WORDS);
const VI_MONTH_WORD_RE = new RegExp(`(?<![\\p{L}])[tT]háng (${VI_MONTH_WORDS.map(([w]) => w).join('|')})${NOT_LETTER}`, 'gu');

const SCALE_WORD = /([ \u00A0\u202F]?)([\p{L}]+)(?![\p{L}\p{N}])/uy;

/** Scale words may chain (`mille milliards`, `nghìn tỷ`); returns their product and where they end. */
function applyScales(work: string, from: number, scales: Record<string, number>): { factor: number; end: number } {
  let factor = 1;
  let end = from;
  for (;;) {
    SCALE_WORD.lastIndex = end;
    const sm = SCALE_WORD.exec(work);
    if (sm === null) break;
    const word = sm[2]!.toLowerCase();
    const f = scales[word];
    if (f === undefined || (GLUED_ONLY_SCALES.has(word) && sm[1] !== '')) break;
    factor *= f;
    end += sm[0].length;
  }
  return { factor, end };
}

function escapeRegExpChar(ch: string): string {
  return ch === '.' ? '\\.' : ch;
}

export function sameValue(a: NumericToken, b: NumericToken): boolean {
  if (a.kind !== b.kind) return false;
  return a.value === b.value || a.alt === b.value || b.alt === a.value || (a.alt !== undefined && a.alt === b.alt);
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
  const freeTarget = new Set(target.map((_, i) => i));
  const matched: NumericToken[] = [];
  const unmatchedSource: NumericToken[] = [];
  const match = (s: NumericToken, allowWord: (t: NumericToken) => boolean): boolean => {
    for (const i of freeTarget) {
      const t = target[i]!;
      if (allowWord(t) && sameValue(s, t)) {
        freeTarget.delete(i);
        return true;
      }
    }
    return false;
  };
  // Digits against digits first, so a spelled-out word does not steal a digit's partner.
  const digitsFirst = [...source].sort((a, b) => Number(a.word ?? false) - Number(b.word ?? false));
  for (const s of digitsFirst) {
    if (match(s, (t) => !t.word) || match(s, (t) => t.word === true)) matched.push(s);
    else unmatchedSource.push(s);
  }
  return {
    missing: unmatchedSource.filter((t) => !t.word),
    extra: [...freeTarget].map((i) => target[i]!).filter((t) => !t.word),
    matched,
  };
}
