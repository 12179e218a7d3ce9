/**
 * `quotes`, `punctuation-spacing`, `end-punctuation`, `brackets`: punctuation compared after the
 * source's French typography is normalised (see ../typography.ts), so `« Oui », dit-il.` and
 * `“Yes,” he said.` agree.
 */
import { flagsAt, isLetterAt, isWordCharAt, NUMBER, SPACE } from '../chars.js';
import { baseLang, maskLinks } from '../text.js';
import { neutralTypographyEnd } from '../typography.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

const QUOTATION_MARK = /["“”„«»]/;
const NO_QUOTATIONS = Object.freeze({ count: 0, balanced: true, firstIndex: -1 });

/** Number of quotations: pairs of double quotes of any style. */
function quotations(text: string): { count: number; balanced: boolean; firstIndex: number } {
  // The expression engine finds the first quotation mark faster than the loop below.
  const first = text.search(QUOTATION_MARK);
  if (first < 0) return NO_QUOTATIONS;
  let opening = 0;
  let closing = 0;
  let straight = 0;
  let firstIndex = -1;
  let low = false;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every quotation mark is `"` or in U+00AB–U+201E: one comparison skips almost every character.
    if (c !== 0x22 && (c < 0xab || c > 0x201e)) continue;
    if (c === 0x22) straight++;
    else if (c === 0x201c || c === 0x201e || c === 0xab) opening++; // OPENING_QUOTES: “ „ «
    else if (c === 0x201d || c === 0xbb) closing++; // CLOSING_QUOTES: ” »
    else continue;
    if (c === 0x201e) low = true;
    if (firstIndex < 0) firstIndex = i;
  }
  // German-style „…“ closes with “, which is also an English opener; count it as balanced by total.
  const curlyBalanced = opening === closing || (low && (opening + closing) % 2 === 0);
  // With „…“ both marks of a quotation may count as openers, so pairs are counted by total.
  const curly = low ? Math.ceil((opening + closing) / 2) : Math.max(opening, closing);
  return { count: Math.ceil(straight / 2) + curly, balanced: straight % 2 === 0 && curlyBalanced, firstIndex };
}

export function checkQuotes(pair: SegmentPair): Draft[] {
  // The source's quotations are counted as they are, not after `neutralTypography`: it turns « into “
  // and » into ” (an opener into an opener, a closer into a closer) and otherwise only removes
  // spaces and joins `...`, so the count is the same and the normalisation can be skipped.
  const src = quotations(pair.source);
  const tgt = quotations(pair.target);
  if (!tgt.balanced) {
    return [{ check: 'quotes', message: 'quotation marks in the translation are unbalanced (an opening or closing quote is missing)', span: tgt.firstIndex >= 0 ? { side: 'target', start: tgt.firstIndex, end: tgt.firstIndex + 1 } : null }];
  }
  // A quotation inside a quotation takes single quotes in English (`"It is 'unacceptable'"` for
  // `« C'est “inacceptable” »`): those count too when the double ones fall short.
  if (src.count !== tgt.count && !(src.count > tgt.count && tgt.count + singleQuotationsInside(pair.target) === src.count)) {
    // With every quotation of the translation balanced, a different count is how news is
    // translated (a quotation turned into reported speech or back, two merged, a partial quotation
    // kept): a note, not a warning. An unbalanced quotation above is a real typo and stays one.
    return [{ check: 'quotes', message: `the source has ${src.count} quotation(s), the translation ${tgt.count} (reported speech?)`, span: null, weak: true }];
  }
  return [];
}

/**
 * Quotations in single quotes (`'…'` or `‘…’`) inside a double-quoted one. An opening single quote
 * follows a space or a double quote and comes before a letter; a closing one follows a letter or
 * punctuation and comes before a space, punctuation or a double quote. An apostrophe (`it's`,
 * `Austin's`) is neither, and a closer without an opener before it (`the players' union`) is not
 * counted.
 */
function singleQuotationsInside(text: string): number {
  if (!/['‘’]/.test(text)) return 0;
  let insideDouble = false;
  let open = false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === '“' || c === '”') {
      insideDouble = c === '"' ? !insideDouble : c === '“';
      open = false;
      continue;
    }
    if (!insideDouble || (c !== "'" && c !== '‘' && c !== '’')) continue;
    const before = text[i - 1] ?? ' ';
    const after = text[i + 1] ?? ' ';
    const letterAfter = /\p{L}/u.test(after);
    if (!open && c !== '’' && /[\s"“(]/u.test(before) && letterAfter) open = true;
    else if (open && c !== '‘' && /[\p{L}\p{N}.,!?]/u.test(before) && !letterAfter) {
      open = false;
      count++;
    }
  }
  return count;
}

/**
 * Spacing before `; : ! ?` and inside guillemets, by target language. The rules were written as
 * expressions that begin with a look-behind (`(?<=[\p{L}\p{N}])…`), which are tried at every
 * position of the text; this finds the few punctuation marks and looks around each one instead,
 * giving the same findings in the same order (see each rule for the expression it stands for).
 */
export function checkPunctuationSpacing(pair: SegmentPair, opts: QaOptions): Draft[] {
  const text = maskLinks(pair.target);
  const lang = baseLang(opts.targetLang);
  if (lang === 'fr') return frenchSpacing(text);
  const out: Draft[] = [];
  // Other languages: no space before ; : ! ? and no guillemets spacing (French habits leaking in).
  // `(?<=[\p{L}\p{N}”"’)])[ SPACE_CHARS]+([;:!?])`
  // The engine's scan finds the few marks faster than a loop over every character.
  SPACED_PUNCTUATION.lastIndex = 0;
  for (let m = SPACED_PUNCTUATION.exec(text); m !== null; m = SPACED_PUNCTUATION.exec(text)) {
    const i = m.index;
    let start = i;
    while (start > 0 && isSpaceChar(text.charCodeAt(start - 1))) start--;
    if (start === i || start === 0) continue;
    if (!(isWordCharAt(text, start - 1) || isClosingBeforeSpace(text.charCodeAt(start - 1)))) continue;
    out.push({ check: 'punctuation-spacing', message: `no space belongs before “${text[i]}” in this language`, span: { side: 'target', start, end: i + 1 } });
  }
  const i = lang === 'en' ? text.search(/[«»]/) : -1;
  if (i >= 0) {
    out.push({ check: 'punctuation-spacing', message: 'French guillemets « » in English text; use “ ”', span: { side: 'target', start: i, end: i + 1 } });
  }
  return out;
}

/** French: a (narrow) no-break space before ; : ! ? » and after «. `14:30` and `?!` are fine. */
function frenchSpacing(text: string): Draft[] {
  const out: Draft[] = [];
  // `(?<=[\p{L}\p{N})»”])([;:!?])(?!\p{N})`, except `:` after a digit.
  SPACED_PUNCTUATION.lastIndex = 1;
  for (let m = SPACED_PUNCTUATION.exec(text); m !== null; m = SPACED_PUNCTUATION.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    const before = text.charCodeAt(i - 1);
    if (!(isWordCharAt(text, i - 1) || before === 0x29 || before === 0xbb || before === 0x201d)) continue;
    if (i + 1 < text.length && (flagsAt(text, i + 1) & NUMBER) !== 0) continue;
    if (c === 0x3a && before >= 0x30 && before <= 0x39) continue;
    out.push({ check: 'punctuation-spacing', message: `French typography wants a no-break space before “${text[i]}”`, span: { side: 'target', start: i, end: i + 1 } });
  }
  // `«(?=\p{L})|(?<=[\p{L}\p{N}.!?])»`
  GUILLEMET.lastIndex = 0;
  for (let m = GUILLEMET.exec(text); m !== null; m = GUILLEMET.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0xab ? isLetterAt(text, i + 1) : c === 0xbb && i > 0 && (isWordCharAt(text, i - 1) || isSentenceEnd(text.charCodeAt(i - 1)))) {
      out.push({ check: 'punctuation-spacing', message: `French typography wants a no-break space ${c === 0xab ? 'after «' : 'before »'}`, span: { side: 'target', start: i, end: i + 1 } });
    }
  }
  return out;
}

const GUILLEMET = /[«»]/g;

/** `; : ! ?`: the marks French typography spaces and other languages do not. */
const SPACED_PUNCTUATION = /[;:!?]/g;

/** `SPACE_CHARS` of ../text.ts: space, no-break space, narrow no-break space, thin space. */
function isSpaceChar(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** `” " ’ )`: may end a word or quotation before a wrongly spaced mark. */
function isClosingBeforeSpace(c: number): boolean {
  return c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x29;
}

/** `. ! ?` */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

type EndClass = 'stop' | 'question' | 'exclamation' | 'colon' | 'semicolon' | 'ellipsis' | 'none';
const END_NAMES: Record<EndClass, string> = {
  stop: 'a full stop', question: 'a question mark', exclamation: 'an exclamation mark', colon: 'a colon',
  semicolon: 'a semicolon', ellipsis: 'an ellipsis', none: 'no punctuation',
};

/** The final punctuation, looking through closing quotes and brackets (`… prêts. »` ends with a stop). */
export function endClass(text: string): { cls: EndClass; index: number } {
  let i = text.length - 1;
  while (i >= 0 && isTrailingCloser(text, i)) i--;
  const ch = text[i] ?? '';
  const cls: EndClass =
    ch === '.' ? (text.slice(Math.max(0, i - 2), i + 1) === '...' ? 'ellipsis' : 'stop')
    : ch === '…' ? 'ellipsis' : ch === '?' ? 'question' : ch === '!' ? 'exclamation'
    : ch === ':' ? 'colon' : ch === ';' ? 'semicolon' : 'none';
  return { cls, index: i };
}

export function checkEndPunctuation(pair: SegmentPair, opts: QaOptions): Draft[] {
  const src = endClass(neutralTypographyEnd(pair.source, opts.sourceLang));
  const tgt = endClass(pair.target);
  if (src.cls === tgt.cls) return [];
  const span = tgt.cls === 'none' ? null : { side: 'target' as const, start: tgt.index, end: tgt.index + 1 };
  const draft: Draft = { check: 'end-punctuation', message: `the source ends with ${END_NAMES[src.cls]}, the translation with ${END_NAMES[tgt.cls]}`, span };
  if (tgt.cls === 'stop' && isToneDown(src.cls, pair.target, opts.targetLang)) draft.weak = true;
  return [draft];
}

/**
 * Whether a full stop where the source has another ending is the usual news rewording rather
 * than a lost sentence type: news English and Vietnamese avoid exclamation marks and trailing
 * ellipses, and a question is often reported as an indirect one (`Qui succédera… ?` → `It is
 * unclear who will succeed…`). A question that became a plain statement (`Est-ce la fin ?` →
 * `This is the end.`) has no question word left and stays a warning.
 */
function isToneDown(source: EndClass, target: string, targetLang: string): boolean {
  if (source === 'exclamation' || source === 'ellipsis') return true;
  if (source !== 'question') return false;
  const re = INDIRECT_QUESTION[baseLang(targetLang)];
  return re !== undefined && re.test(target);
}

/** A question word that an indirect question keeps (`whether`, `who`…; Vietnamese `liệu`, `hay không`…). */
const INDIRECT_QUESTION: Record<string, RegExp> = {
  en: /\b(?:whether|if|who|whom|whose|what|which|why|how|when|where)\b/i,
  vi: /(?:^|[^\p{L}])(?:liệu|hay không|hay chưa|ai|gì|sao|nào|bao giờ|bao nhiêu|thế nào)(?![\p{L}])/iu,
  fr: /(?:^|[^\p{L}])(?:si|qui|que|quoi|quel|quelle|quels|quelles|pourquoi|comment|quand|où|combien)(?![\p{L}])/iu,
  de: /(?:^|[^\p{L}])(?:ob|wer|wen|wem|was|welche[rsmn]?|warum|wie|wann|wo)(?![\p{L}])/iu,
};

/** `[\s\u00A0\u202F”"»’')\]]`: what may follow a sentence's final punctuation. */
function isTrailingCloser(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x201d || c === 0x22 || c === 0xbb || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d || (flagsAt(text, i) & SPACE) !== 0;
}

const BRACKETS = '()[]{}';

/**
 * Counts of each bracket character of {@link BRACKETS}, in that order, outside URLs, e-mail
 * addresses and i18next `{{x}}` placeholders; `undefined` when there is none.
 */
const DATE_ASIDE = /\([ \u00A0\u202F]*\d[\d \u00A0\u202F/.,:–-]*\)/g;
/**
 * An acronym in brackets after what it stands for (`la Banque centrale européenne (BCE)`): news
 * translation drops it, keeps it, or adds the target language's own (`(ECB)`) as its style
 * wants, and it carries nothing the words before it do not. Not counted on either side.
 */
const ACRONYM_ASIDE = /\(\p{Lu}{2,}\)/gu;

function bracketCounts(text: string): number[] | undefined {
  // Most paragraphs have no bracket: the expression engine's scan finds that fastest, and
  // masking the links (which only turns characters into spaces) is then not needed either.
  if (!/[()[\]{}]/.test(text)) return undefined;
  const masked = maskLinks(text);
  const unplaced = masked.includes('{{') ? masked.replace(/\{\{[^{}]*\}\}/g, '') : masked;
  // A date or a number put in brackets is a house style, not a bracket to carry over:
  // Vietnamese news writes `hôm thứ Ba (12/3)` for `mardi 12 mars`.
  const t = unplaced.includes('(') ? unplaced.replace(DATE_ASIDE, '').replace(ACRONYM_ASIDE, '') : unplaced;
  let counts: number[] | undefined;
  for (let i = 0; i < t.length; i++) {
    const b = bracketIndex(t.charCodeAt(i));
    if (b < 0) continue;
    counts ??= [0, 0, 0, 0, 0, 0];
    counts[b]!++;
  }
  return counts;
}

/** The first `ch` of the text outside URLs and e-mail addresses (the ones the counts read), or -1. */
function bracketOutsideLinks(text: string, ch: string): number {
  const first = text.indexOf(ch);
  return first < 0 ? first : maskLinks(text).indexOf(ch, first);
}

function bracketIndex(c: number): number {
  switch (c) {
    case 0x28: return 0; // (
    case 0x29: return 1; // )
    case 0x5b: return 2; // [
    case 0x5d: return 3; // ]
    case 0x7b: return 4; // {
    case 0x7d: return 5; // }
    default: return -1;
  }
}

export function checkBrackets(pair: SegmentPair): Draft[] {
  const source = bracketCounts(pair.source);
  const target = bracketCounts(pair.target);
  if (source === undefined && target === undefined) return [];
  const out: Draft[] = [];
  for (let b = 0; b < BRACKETS.length; b += 2) {
    const open = BRACKETS[b]!;
    const close = BRACKETS[b + 1]!;
    const so = source?.[b] ?? 0;
    const to = target?.[b] ?? 0;
    const tc = target?.[b + 1] ?? 0;
    if (to !== tc) {
      const at = bracketOutsideLinks(pair.target, to > tc ? open : close);
      out.push({ check: 'brackets', message: `unbalanced “${open}${close}” in the translation (${to} opening, ${tc} closing)`, span: at >= 0 ? { side: 'target', start: at, end: at + 1 } : null });
    } else if (so !== to) {
      // Balanced, but not as many as the source: news translation drops asides (`(heure locale)`,
      // `(Suisse)`, an acronym after its expansion), writes them between commas, or adds one
      // (`sân Mỹ Đình (Hà Nội)`). Worth a look (the aside may carry facts), not a warning.
      out.push({ check: 'brackets', message: `the source has ${so} “${open}…${close}”, the translation ${to} (an aside dropped or rewritten?)`, span: null, weak: true });
    }
  }
  return out;
}
