/**
 * `quotes`, `punctuation-spacing`, `end-punctuation`, `brackets`: punctuation compared after the
 * source's French typography is normalised (see ../typography.ts), so `« Oui », dit-il.` and
 * `“Yes,” he said.` agree.
 */
import { baseLang, maskLinks, SPACE_CHARS } from '../text.js';
import { CLOSING_QUOTES, neutralTypography, OPENING_QUOTES } from '../typography.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

/** Number of quotations: pairs of double quotes of any style. */
function quotations(text: string): { count: number; balanced: boolean; firstIndex: number } {
  if (!/["“”„«»]/.test(text)) return { count: 0, balanced: true, firstIndex: -1 };
  let opening = 0;
  let closing = 0;
  let straight = 0;
  let firstIndex = -1;
  let low = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') straight++;
    else if (OPENING_QUOTES.has(ch)) opening++;
    else if (CLOSING_QUOTES.has(ch)) closing++;
    else continue;
    if (ch === '„') low = true;
    if (firstIndex < 0) firstIndex = i;
  }
  // German-style „…“ closes with “, which is also an English opener; count it as balanced by total.
  const curlyBalanced = opening === closing || (low && (opening + closing) % 2 === 0);
  // With „…“ both marks of a quotation may count as openers, so pairs are counted by total.
  const curly = low ? Math.ceil((opening + closing) / 2) : Math.max(opening, closing);
  return { count: Math.ceil(straight / 2) + curly, balanced: straight % 2 === 0 && curlyBalanced, firstIndex };
}

export function checkQuotes(pair: SegmentPair, opts: QaOptions): Draft[] {
  const src = quotations(neutralTypography(pair.source, opts.sourceLang));
  const tgt = quotations(pair.target);
  if (!tgt.balanced) {
    return [{ check: 'quotes', message: 'quotation marks in the translation are unbalanced (an opening or closing quote is missing)', span: tgt.firstIndex >= 0 ? { side: 'target', start: tgt.firstIndex, end: tgt.firstIndex + 1 } : null }];
  }
  if (src.count !== tgt.count) {
    return [{ check: 'quotes', message: `the source has ${src.count} quotation(s), the translation ${tgt.count}`, span: null }];
  }
  return [];
}

const SP = `[${SPACE_CHARS}]`;

export function checkPunctuationSpacing(pair: SegmentPair, opts: QaOptions): Draft[] {
  const text = maskLinks(pair.target);
  const out: Draft[] = [];
  if (baseLang(opts.targetLang) === 'fr') {
    // French: a (narrow) no-break space before ; : ! ? » and after «. `14:30` and `?!` are fine.
    for (const m of text.matchAll(/(?<=[\p{L}\p{N})»”])([;:!?])(?!\p{N})/gu)) {
      if (m[1] === ':' && /\d$/.test(text.slice(0, m.index))) continue;
      out.push({ check: 'punctuation-spacing', message: `French typography wants a no-break space before “${m[1]}”`, span: { side: 'target', start: m.index, end: m.index + 1 } });
    }
    for (const m of text.matchAll(/«(?=\p{L})|(?<=[\p{L}\p{N}.!?])»/gu)) {
      out.push({ check: 'punctuation-spacing', message: `French typography wants a no-break space ${m[0] === '«' ? 'after «' : 'before »'}`, span: { side: 'target', start: m.index, end: m.index + 1 } });
    }
    return out;
  }
  // Other languages: no space before ; : ! ? and no guillemets spacing (French habits leaking in).
  for (const m of text.matchAll(new RegExp(`(?<=[\\p{L}\\p{N}”"’)])${SP}+([;:!?])`, 'gu'))) {
    out.push({ check: 'punctuation-spacing', message: `no space belongs before “${m[1]}” in this language`, span: { side: 'target', start: m.index, end: m.index + m[0].length } });
  }
  if (baseLang(opts.targetLang) === 'en' && /[«»]/.test(text)) {
    const i = text.search(/[«»]/);
    out.push({ check: 'punctuation-spacing', message: 'French guillemets « » in English text; use “ ”', span: { side: 'target', start: i, end: i + 1 } });
  }
  return out;
}

type EndClass = 'stop' | 'question' | 'exclamation' | 'colon' | 'semicolon' | 'ellipsis' | 'none';
const END_NAMES: Record<EndClass, string> = {
  stop: 'a full stop', question: 'a question mark', exclamation: 'an exclamation mark', colon: 'a colon',
  semicolon: 'a semicolon', ellipsis: 'an ellipsis', none: 'no punctuation',
};

/** The final punctuation, looking through closing quotes and brackets (`… prêts. »` ends with a stop). */
export function endClass(text: string): { cls: EndClass; index: number } {
  let i = text.length - 1;
  while (i >= 0 && /[\s\u00A0\u202F”"»’')\]]/.test(text[i]!)) i--;
  const ch = text[i] ?? '';
  const cls: EndClass =
    ch === '.' ? (text.slice(Math.max(0, i - 2), i + 1) === '...' ? 'ellipsis' : 'stop')
    : ch === '…' ? 'ellipsis' : ch === '?' ? 'question' : ch === '!' ? 'exclamation'
    : ch === ':' ? 'colon' : ch === ';' ? 'semicolon' : 'none';
  return { cls, index: i };
}

export function checkEndPunctuation(pair: SegmentPair, opts: QaOptions): Draft[] {
  const src = endClass(neutralTypography(pair.source, opts.sourceLang));
  const tgt = endClass(pair.target);
  if (src.cls === tgt.cls) return [];
  const span = tgt.cls === 'none' ? null : { side: 'target' as const, start: tgt.index, end: tgt.index + 1 };
  return [{ check: 'end-punctuation', message: `the source ends with ${END_NAMES[src.cls]}, the translation with ${END_NAMES[tgt.cls]}`, span }];
}

const BRACKETS: Array<[string, string]> = [['(', ')'], ['[', ']'], ['{', '}']];

/** Counts of each bracket character in one pass (i18next `{{x}}` placeholders left out). */
function bracketCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!/[()[\]{}]/.test(text)) return counts;
  const t = text.includes('{{') ? text.replace(/\{\{[^{}]*\}\}/g, '') : text;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ('()[]{}'.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

export function checkBrackets(pair: SegmentPair): Draft[] {
  const source = bracketCounts(maskLinks(pair.source));
  const target = bracketCounts(maskLinks(pair.target));
  if (source.size === 0 && target.size === 0) return [];
  const out: Draft[] = [];
  for (const [open, close] of BRACKETS) {
    const so = source.get(open) ?? 0;
    const to = target.get(open) ?? 0;
    const tc = target.get(close) ?? 0;
    if (to !== tc) {
      const at = pair.target.indexOf(to > tc ? open : close);
      out.push({ check: 'brackets', message: `unbalanced “${open}${close}” in the translation (${to} opening, ${tc} closing)`, span: at >= 0 ? { side: 'target', start: at, end: at + 1 } : null });
    } else if (so !== to) {
      out.push({ check: 'brackets', message: `the source has ${so} “${open}…${close}”, the translation ${to}`, span: null });
    }
  }
  return out;
}
