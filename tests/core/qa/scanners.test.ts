/**
 * The hand-written scanners of the word and punctuation checks against the regular expressions
 * they replaced: same matches, same offsets, on edge cases and on seeded random texts built from
 * the characters that make the difference (apostrophes, hyphens, no-break spaces, case pairs that
 * only Unicode case folding equates, combining marks, surrogate pairs).
 */
import { describe, expect, it } from 'vitest';
import { checkPunctuationSpacing, checkQuotes, endClass } from '../../../src/core/qa/checks/punctuation.js';
import { checkWhitespace } from '../../../src/core/qa/checks/whitespace.js';
import { doubledWords } from '../../../src/core/qa/checks/words.js';
import { fold, words } from '../../../src/core/qa/text.js';
import type { QaOptions } from '../../../src/core/qa/types.js';
import { neutralTypography, neutralTypographyEnd } from '../../../src/core/qa/typography.js';

const DOUBLED = /(?<![\p{L}\p{N}'’-])([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)[ \u00A0\u202F]+\1(?![\p{L}\p{N}'’-])/giu;
const doubledByRegex = (t: string) => [...t.matchAll(DOUBLED)].map((m) => ({ word: m[1], start: m.index, end: m.index + m[0].length }));
const wordsByRegex = (t: string) => [...t.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
/** fold() as it was defined before the per-character table. */
const foldByDefinition = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[’ʼ‘`]/g, "'").toLowerCase();

/** Seeded random texts over a small alphabet, so that words repeat and edge cases meet. */
function randomTexts(alphabet: string[], count: number, seed: number): string[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const piece = () => Array.from({ length: 1 + Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return Array.from({ length: count }, () => {
    if (random() < 0.5) return piece();
    const w = piece();
    return `${piece()} ${w} ${random() < 0.5 ? w.toUpperCase() : w}${piece()}`;
  });
}

const TRICKY = ['a', 'A', 'b', 'k', 'K', '\u212A', 's', 'S', 'ſ', 'ß', 'ẞ', 'σ', 'ς', 'Σ', 'é', 'É', 'e\u0301', '\u0345', 'ι', ' ', ' ', '\u00A0', '\u202F', '\u2009', "'", '’', '-', '.', '1', '٣', 'đ', 'Đ', 'ư', 'ễ', 'Ễ', '\u{10400}', '\u{10428}', '\uD801', '\uDC00', 'İ', 'ı', 'ǅ', 'ǆ', '\n', '«', '»', ';', ':', '!', '?', ')', '”', '"', '“', '„', '\t'];

describe('doubled words', () => {
  it('rely on U+0345 being the only character the i flag adds to [\\p{L}\\p{N}]', () => {
    const caseless = /^[\p{L}\p{N}]$/iu;
    const plain = /^[\p{L}\p{N}]$/u;
    const added: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (caseless.test(ch) !== plain.test(ch)) added.push(cp);
    }
    expect(added).toEqual([0x345]);
  });

  it('are the matches of the regular expression they were defined by', () => {
    const cases = [
      'the the', 'The the end', 'that that', 'l’homme homme', 'homme l’homme', 'a-b a-b', 'a-b a-b-c', 'a-b a-', 'ab ab-',
      'le le’', 'x  x', 'x\u00A0x', 'x\u202Fx', 'x\u2009x', 'x\nx', 'co-op co-op.', '12 12', 'très très', 'ngày ngày',
      'σ ς', 'Σ σ', 'ß ẞ', 'ſ s', 'k \u212A', 'é é', 'é e\u0301', '\u{10400} \u{10428}', '\u{10400}\u{10400} \u{10400}',
      'ι\u0345 ι\u0345', "'a a", 'a a a a', 'word word word', 'a', '', ' ', 'Từ từ',
    ];
    for (const t of [...cases, ...randomTexts(TRICKY, 20000, 7)]) expect(doubledWords(t), JSON.stringify(t)).toEqual(doubledByRegex(t));
  });
});

describe('words', () => {
  it('are the matches of the regular expression they were defined by', () => {
    const cases = ['', 'l’homme', "aujourd'hui", '-abc-', 'COVID-19', 'a--b', "a''b", '\u{1D400}bc', 'x\uD800y', 'Nguyễn Xuân Phúc'];
    for (const t of [...cases, ...randomTexts(TRICKY, 5000, 11)]) expect(words(t), JSON.stringify(t)).toEqual(wordsByRegex(t));
  });
});

describe('fold', () => {
  it('gives what decomposition, mark removal and lower-casing give, text by text', () => {
    const latin: string[] = [];
    for (const [first, last] of [[0, 0x36f], [0x1e00, 0x1eff], [0x2000, 0x206f], [0x370, 0x3ff]] as const) {
      for (let c = first; c <= last; c++) latin.push(String.fromCharCode(c));
    }
    const cases = ['', 'Nguyễn Xuân Phúc', 'ĐÀ NẴNG', 'l’État', 'a`b', 'ΟΔΟΣ Σ', 'İstanbul', 'e\u0301\u0323', '\u{1D400}', 'x\uD800'];
    for (const t of [...cases, ...latin, ...randomTexts(latin, 20000, 13), ...randomTexts(TRICKY, 5000, 17)]) {
      expect(fold(t), JSON.stringify(t)).toBe(foldByDefinition(t));
    }
  });

  it('folds long texts and remembers them without changing the result', () => {
    const long = 'Le Président de la République s’est rendu à Hô Chi Minh-Ville, où ĐÀ NẴNG l’attendait.';
    expect(fold(long)).toBe(foldByDefinition(long));
    expect(fold(long)).toBe(foldByDefinition(long));
  });
});

describe('punctuation spacing', () => {
  const en: QaOptions = { sourceLang: 'fr', targetLang: 'en' };
  const fr: QaOptions = { sourceLang: 'en', targetLang: 'fr' };
  /** The expressions the check was written with. */
  function byRegex(text: string, opts: QaOptions) {
    const out: Array<{ start: number; end: number; message: string }> = [];
    if (opts.targetLang === 'fr') {
      for (const m of text.matchAll(/(?<=[\p{L}\p{N})»”])([;:!?])(?!\p{N})/gu)) {
        if (m[1] === ':' && /\d$/.test(text.slice(0, m.index))) continue;
        out.push({ start: m.index, end: m.index + 1, message: `French typography wants a no-break space before “${m[1]}”` });
      }
      for (const m of text.matchAll(/«(?=\p{L})|(?<=[\p{L}\p{N}.!?])»/gu)) {
        out.push({ start: m.index, end: m.index + 1, message: `French typography wants a no-break space ${m[0] === '«' ? 'after «' : 'before »'}` });
      }
      return out;
    }
    for (const m of text.matchAll(/(?<=[\p{L}\p{N}”"’)])[ \u00A0\u202F\u2009]+([;:!?])/gu)) {
      out.push({ start: m.index, end: m.index + m[0].length, message: `no space belongs before “${m[1]}” in this language` });
    }
    const g = text.search(/[«»]/);
    if (g >= 0) out.push({ start: g, end: g + 1, message: 'French guillemets « » in English text; use “ ”' });
    return out;
  }

  it('finds what the look-behind expressions found, in French and in other languages', () => {
    const cases = ['Quoi ?', 'Quoi?', 'à 14:30', 'a: b', '1:2', '«Oui»', '« Oui »', 'Oui.»', '?!', 'a ;', 'a  ;', '” ;', ') ?', '\u{1D400} !', '\u{1D400}!', ';', ' ;'];
    for (const t of [...cases, ...randomTexts(TRICKY, 5000, 19)]) {
      for (const opts of [en, fr]) {
        const found = checkPunctuationSpacing({ source: '', target: t }, opts).map((d) => ({ start: d.span!.start, end: d.span!.end, message: d.message }));
        expect(found, `${opts.targetLang} ${JSON.stringify(t)}`).toEqual(byRegex(t, opts));
      }
    }
  });
});

describe('quotations', () => {
  it('are counted the same in the French source whether or not its typography is normalised first', () => {
    expect(checkQuotes({ source: '« Oui », dit-il. « Non ! »', target: '“Yes,” he said. “No!”' })).toEqual([]);
    expect(checkQuotes({ source: '« Oui », dit-il.', target: 'Yes, he said.' })).toEqual([{ check: 'quotes', message: 'the source has 1 quotation(s), the translation 0 (reported speech?)', span: null, weak: true }]);
    expect(checkQuotes({ source: 'x', target: 'a “b' })[0]!.span).toEqual({ side: 'target', start: 2, end: 3 });
  });
});

describe('whitespace', () => {
  it('finds leading, trailing and doubled white space and line breaks where the expressions did', () => {
    const pair = (source: string, target: string) => checkWhitespace({ source, target }).map((d) => [d.check, d.span?.start, d.span?.end]);
    expect(pair('a', ' a')).toEqual([['whitespace-start', 0, 1]]);
    expect(pair(' a', 'a')).toEqual([['whitespace-start', undefined, undefined]]);
    expect(pair('\u00A0a', ' a')).toEqual([['whitespace-start', 0, 1]]);
    expect(pair('a ', 'a\u202F')).toEqual([['whitespace-end', 1, 2]]);
    expect(pair('a', 'a \t b\u00A0\u2009c  ')).toEqual([['whitespace-end', 8, 10], ['whitespace-double', 1, 4], ['whitespace-double', 5, 7]]);
    expect(pair('a b', 'a\nb')).toEqual([['newline', 1, 2]]);
    expect(pair('a\nb', 'a\nb')).toEqual([]);
    expect(pair('a', 'a\n')).toEqual([['whitespace-end', 1, 2]]);
  });
});

describe('the end of a normalised source', () => {
  it('ends like the whole source normalised', () => {
    const alphabet = ['a', 'é', ' ', '\u00A0', '\u202F', '\u2009', '\t', '\n', '«', '»', '‹', '›', ';', ':', '!', '?', '.', '…', '”', '"', '’', "'", ')', ']', '(', '“', '1', '\uD801', '\u{10400}'];
    const cases = ['Prêts ?', '« Oui . . . »', 'Fin...', 'Fin....', 'a ‹ b ›', '» !', '', '.', 'x ... »'];
    for (const t of [...cases, ...randomTexts(alphabet, 20000, 23)]) {
      for (const lang of ['fr', 'fr-CA', 'en']) {
        expect(endClass(neutralTypographyEnd(t, lang)).cls, `${lang} ${JSON.stringify(t)}`).toBe(endClass(neutralTypography(t, lang)).cls);
      }
    }
  });
});
