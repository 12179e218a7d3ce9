/** `numbers` and `dates`: every number, date and time of the source, as a value, in the target. */
import { isInlineSpace, isWordCharAt } from '../chars.js';
import { compareTokens, extractNumericTokens, fractionPercents, percentAfter, type NumericToken } from '../numbers.js';
import type { QaOptions, SegmentPair } from '../types.js';
import { convert, isConversion, mayBeImperialUnit, unitAfter, type Unit } from '../units.js';
import type { Draft } from './registry.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function describe(t: NumericToken): string {
  if (t.kind === 'month') return `month ${MONTH_NAMES[t.value - 1] ?? t.value} (“${t.text}”)`;
  if (t.kind === 'time') return `time “${t.text}”`;
  return `“${t.text}”`;
}

export function checkNumbers(pair: SegmentPair, opts: QaOptions): Draft[] {
  // Digits alone first: when they agree (the usual case) spelled-out numbers cannot change that.
  const srcDigits = extractNumericTokens(pair.source, opts.sourceLang, { words: false });
  const tgtDigits = extractNumericTokens(pair.target, opts.targetLang, { words: false });
  const digitsOnly = compareTokens(srcDigits, tgtDigits);
  if (digitsOnly.missing.length === 0 && digitsOnly.extra.length === 0) return wrongSystem(pair, srcDigits, tgtDigits, []);
  const src = extractNumericTokens(pair.source, opts.sourceLang);
  const tgt = extractNumericTokens(pair.target, opts.targetLang);
  const { missing, extra } = compareTokens(src, tgt);
  excuseFractions(pair, opts, missing, extra);
  excuseDurations(missing, extra);
  excuseDurations(extra, missing);
  const unpairedExtra = excuseConversions(pair, src, missing, extra).filter((e) => !addedCurrencyConversion(pair.target, e, tgt));
  const out: Draft[] = [];
  for (const m of missing) {
    // Pair a missing value with a target value of the same kind: that is the likely
    // mistranslation. An hour may be a number on one side and a time on the other (`19 heures`, `8 p.m.`).
    let i = unpairedExtra.findIndex((e) => e.kind === m.kind);
    if (i < 0 && m.kind !== 'month') i = unpairedExtra.findIndex((e) => e.kind !== 'month');
    const wrong = i >= 0 ? unpairedExtra.splice(i, 1)[0] : undefined;
    const check = m.kind === 'month' ? 'dates' : 'numbers';
    out.push(
      wrong
        ? { check, message: `source ${describe(m)} became ${describe(wrong)} in the translation${conversionHint(pair, m, wrong)}`, span: { side: 'target', start: wrong.start, end: wrong.end } }
        : { check, message: `source ${describe(m)} is missing from the translation`, span: { side: 'source', start: m.start, end: m.end } },
    );
  }
  for (const e of unpairedExtra) {
    out.push({ check: e.kind === 'month' ? 'dates' : 'numbers', message: `translation has ${describe(e)}, which the source does not have`, span: { side: 'target', start: e.start, end: e.end } });
  }
  return wrongSystem(pair, srcDigits, tgtDigits, out);
}

/**
 * A percentage on one side given as a fraction on the other: `50 % des électeurs` → `half of
 * voters`, `la moitié` → `50%`, `25 %` → `a quarter`, `75 %` → `three quarters`. Only a number
 * with a percent sign or word is excused, once per fraction word: `quarter` (three months)
 * excuses no day `25`.
 */
function excuseFractions(pair: SegmentPair, opts: QaOptions, missing: NumericToken[], extra: NumericToken[]): void {
  const excuse = (list: NumericToken[], text: string, otherText: string, otherLang: string) => {
    let fractions: number[] | undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i]!;
      if (t.kind !== 'number' || (t.value !== 50 && t.value !== 25 && t.value !== 75) || !percentAfter(text, t.end)) continue;
      fractions ??= fractionPercents(otherText, otherLang);
      const at = fractions.indexOf(t.value);
      if (at < 0) continue;
      fractions.splice(at, 1);
      list.splice(i, 1);
    }
  };
  excuse(missing, pair.source, pair.target, opts.targetLang);
  excuse(extra, pair.target, pair.source, opts.sourceLang);
}

/**
 * An amount the translation adds in brackets after an amount, in another currency: `1,2 milliard
 * d'euros` → `1.2 billion euros ($1.3 billion)`, `1,2 tỷ euro (khoảng 34.000 tỷ đồng)`. Wire
 * copy converts for its readers; the rate of the day cannot be checked, so such an addition is
 * no finding. Both must be amounts (a currency sign or word beside them), the second in brackets
 * right after the first (a few words such as `about`, `khoảng`, `rund` may come between).
 */
function addedCurrencyConversion(target: string, e: NumericToken, tgt: NumericToken[]): boolean {
  if (e.kind !== 'number' || !isAmount(target, e)) return false;
  const open = bracketBefore(target, e.start);
  if (open < 0) return false;
  let before: NumericToken | undefined;
  for (const t of tgt) if (t.end <= open) before = t;
  return before !== undefined && before.kind === 'number' && open - before.end <= 30 && !/\d/.test(target.slice(before.end, open)) && isAmount(target, before);
}

/** The index of the `(` a few words before `at` with no digit between, else -1. */
function bracketBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 20; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x28) return i;
    if ((c >= 0x30 && c <= 0x39) || c === 0x29) return -1;
  }
  return -1;
}

/** Currency words after an amount (lower case), in the languages verso translates into. */
const CURRENCY_WORDS = new Set([
  'dollar', 'dollars', 'usd', 'euro', 'euros', 'eur', 'pound', 'pounds', 'sterling', 'yen', 'yuan', 'yuans', 'renminbi', 'won', 'rouble', 'roubles', 'ruble', 'rubles',
  'franc', 'francs', 'rupee', 'rupees', 'baht', 'ringgit', 'peso', 'pesos', 'đồng', 'vnd', 'franken', 'rubel', 'pfund', 'dongs',
]);
const CURRENCY_SIGNS = '$€£¥₫';

/** Whether a number is an amount of money: a currency sign before it (`$1.3 billion`, `US$5`) or a currency word after it. */
function isAmount(text: string, t: NumericToken): boolean {
  let i = t.start - 1;
  if (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0) i--;
  if (i >= 0 && CURRENCY_SIGNS.includes(text.charAt(i))) return true;
  let j = t.end;
  while (j < text.length && isInlineSpace(text.charCodeAt(j))) j++;
  if (j < text.length && CURRENCY_SIGNS.includes(text.charAt(j))) return true;
  // The word right after the number (`tỷ đồng` keeps its scale `tỷ` in the token).
  const word = /^[\p{L}]+/u.exec(text.slice(j, j + 12));
  return word !== null && CURRENCY_WORDS.has(word[0].toLowerCase());
}

/**
 * Hours and minutes read as a clock time on one side and written as two numbers on the other:
 * a duration (`en 1 h 25` → `in 1 hour 25 minutes`). The time and both numbers are excused
 * together, so a wrong minute (`1 hour 52 minutes`) is still found.
 */
function excuseDurations(times: NumericToken[], numbers: NumericToken[]): void {
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i]!;
    if (t.kind !== 'time' || t.value % 60 === 0) continue;
    const hours = numbers.findIndex((n) => n.kind === 'number' && n.value === Math.floor(t.value / 60));
    const minutes = numbers.findIndex((n, k) => k !== hours && n.kind === 'number' && n.value === t.value % 60);
    if (hours < 0 || minutes < 0) continue;
    numbers.splice(Math.max(hours, minutes), 1);
    numbers.splice(Math.min(hours, minutes), 1);
    times.splice(i, 1);
  }
}

/**
 * The target numbers left over that are a source quantity converted to another system of
 * units (`44 °C` → `111F`, `10 km` → `6 miles`); the source number each converts is no longer
 * missing. Returns the extra target tokens that are no conversion. Units are read only here,
 * when numbers disagree.
 */
function excuseConversions(pair: SegmentPair, src: NumericToken[], missing: NumericToken[], extra: NumericToken[]): NumericToken[] {
  const left: NumericToken[] = [];
  // Each source quantity converts once: `111F 111F` for one `44 °C` has a figure too many.
  const used: NumericToken[] = [];
  for (const e of extra) {
    const to = e.kind === 'number' ? unitAfter(pair.target, e.end) : null;
    const converted = to === null ? -1 : convertedFrom(pair.source, src, missing, signed(pair.target, e), to, used);
    if (converted < 0) left.push(e);
    else {
      used.push(src[converted]!);
      const at = missing.indexOf(src[converted]!);
      if (at >= 0) missing.splice(at, 1);
    }
  }
  return left;
}

/** The index in `src` of the number (a missing one first, none of `used`) that `value` in `to` converts; -1 if none. */
function convertedFrom(source: string, src: NumericToken[], missing: NumericToken[], value: number, to: Unit, used: NumericToken[] = []): number {
  let fallback = -1;
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    if (s.kind !== 'number' || s.word || used.includes(s)) continue;
    const from = unitAfter(source, s.end);
    if (from === null || !isConversion(signed(source, s), from, value, to)) continue;
    if (missing.includes(s)) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

/** ` (44 °C is about 111 °F)` when the two numbers are in units one converts to the other. */
function conversionHint(pair: SegmentPair, m: NumericToken, wrong: NumericToken): string {
  if (m.kind !== 'number' || wrong.kind !== 'number') return '';
  const from = unitAfter(pair.source, m.end);
  const to = from && unitAfter(pair.target, wrong.end);
  if (!from || !to || from.dimension !== to.dimension || from.metric === to.metric) return '';
  return ` (${m.text} ${from.name} is about ${roundForMessage(convert(signed(pair.source, m), from, to))} ${to.name})`;
}

/**
 * The value of a number with the minus sign before it, which tokens leave out (`-5 °C` is
 * 23 °F, not 41 °F): a hyphen or minus sign with no digit or letter before it (`10-15 °C` is a
 * range), or the word `moins`, `minus`.
 */
function signed(text: string, t: NumericToken): number {
  let i = t.start - 1;
  const c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2212 || c === 0x2013) {
    return isWordCharAt(text, i - 1) ? t.value : -t.value;
  }
  if (isInlineSpace(c)) {
    i--;
    const word = text.slice(Math.max(0, i - 4), i + 1).toLowerCase();
    if (word === 'moins' || word.endsWith('minus')) return -t.value;
  }
  return t.value;
}

function roundForMessage(value: number): string {
  return String(Number(value.toPrecision(Math.abs(value) >= 100 ? Math.ceil(Math.log10(Math.abs(value))) : 3)));
}

/**
 * The same number in a unit of the other system: `2 000 hectares` → `2,000 acres`, `10 km` →
 * `10 miles`. The digits agree, the quantity does not. English `degrees` alone is no such unit
 * (it is Celsius outside US copy); a target number that converts some source number is fine.
 */
function wrongSystem(pair: SegmentPair, src: NumericToken[], tgt: NumericToken[], out: Draft[]): Draft[] {
  for (const t of tgt) {
    if (t.kind !== 'number' || !mayBeImperialUnit(pair.target, t.end)) continue;
    const to = unitAfter(pair.target, t.end);
    if (to === null || to.metric || to.name === 'degrees') continue;
    for (const s of src) {
      if (s.kind !== 'number' || s.value !== t.value) continue;
      const from = unitAfter(pair.source, s.end);
      if (from === null || !from.metric || from.dimension !== to.dimension) continue;
      if (convertedFrom(pair.source, src, [], t.value, to) >= 0) break;
      out.push({
        check: 'numbers',
        message: `source “${s.text} ${from.name}” became “${t.text} ${to.name}” in the translation: the same number in another unit (${s.text} ${from.name} is about ${roundForMessage(convert(s.value, from, to))} ${to.name})`,
        span: { side: 'target', start: t.start, end: t.end },
      });
      break;
    }
  }
  return out;
}
