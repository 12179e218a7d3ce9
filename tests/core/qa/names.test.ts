import { describe, expect, it } from 'vitest';
import { containsFoldedKey, findAcronyms, findNames, type Name } from '../../../src/core/qa/names.js';
import { fold } from '../../../src/core/qa/text.js';

// The regular expressions the hand-written scanners replace, with the code that used them: the
// scanners must find exactly what these found.
const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}]*(?:['’-]\\p{L}[\\p{Ll}\\p{M}]*)*";
const NAME_SEQUENCE = new RegExp(`(?<![\\p{L}\\p{N}])${NAME_WORD}(?:[ \\u00A0]${NAME_WORD})+(?![\\p{L}\\p{N}])`, 'gu');
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;

function referenceNames(text: string): Name[] {
  // Only white space back to the start, a line break or sentence or quotation punctuation.
  const atSentenceStart = (index: number) => /(^|[.!?:;«“"—–\r\n-])\s*$/u.test(text.slice(0, index));
  const out: Name[] = [];
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, key: fold(m[0]) });
    if (atSentenceStart(m.index)) {
      const rest = m[0].indexOf(' ') >= 0 ? m[0].slice(m[0].search(/[ \u00A0]/) + 1) : '';
      if (/[ \u00A0]/.test(rest)) {
        const start = m.index + m[0].length - rest.length;
        out.push({ text: rest, start, end: m.index + m[0].length, key: fold(rest) });
      }
    }
  }
  return out;
}

function referenceAcronyms(text: string): Name[] {
  return [...text.matchAll(ACRONYM)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, key: m[0] }));
}

function referenceContainsFoldedKey(folded: string, key: string): boolean {
  let i = folded.indexOf(key);
  while (i >= 0) {
    // Whole characters on each side, also outside the Basic Multilingual Plane.
    const before = [...folded.slice(0, i)].at(-1) ?? ' ';
    const after = i + key.length < folded.length ? String.fromCodePoint(folded.codePointAt(i + key.length)!) : ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    i = folded.indexOf(key, i + 1);
  }
  return false;
}

const texts = (names: Name[]) => names.map((n) => n.text);

describe('names found by the hand-written scanner', () => {
  it('finds multi-word names with diacritics, apostrophes, hyphens and no-break spaces', () => {
    expect(texts(findNames('Le ministre Nguyễn Xuân Phúc a rencontré Lloyd Austin à Hô Chi Minh-Ville.'))).toEqual([
      'Nguyễn Xuân Phúc',
      'Lloyd Austin',
      'Hô Chi Minh-Ville',
    ]);
    expect(texts(findNames('selon Jean\u00A0D’Ormesson et Mary O\'Neil'))).toEqual(['Jean\u00A0D’Ormesson', "Mary O'Neil"]);
    expect(findNames('Nguyễn Xuân Phúc')[0]).toEqual({ text: 'Nguyễn Xuân Phúc', start: 0, end: 16, key: 'nguyen xuan phuc' });
  });

  it('yields a sentence-initial sequence also without its first word', () => {
    expect(texts(findNames('Selon Reuters Media, rien.'))).toEqual(['Selon Reuters Media', 'Reuters Media']);
    expect(texts(findNames('Il dit. But Nguyen Van An came'))).toEqual(['But Nguyen Van An', 'Nguyen Van An']);
    // Two words only: what remains is one word, not a name.
    expect(texts(findNames('Selon Reuters, rien.'))).toEqual(['Selon Reuters']);
    // Joined by no-break spaces only, the sequence never had a remainder (kept as it was).
    expect(texts(findNames('Selon\u00A0Reuters\u00A0Media'))).toEqual(['Selon\u00A0Reuters\u00A0Media']);
    // Not after a lower-case word.
    expect(texts(findNames('et Selon Reuters Media'))).toEqual(['Selon Reuters Media']);
  });

  it('reads a run of spaces in mid-sentence as no sentence start, and a line break as one', () => {
    // Four spaces used to count as a sentence start wherever they were.
    expect(texts(findNames('Il a vu    Selon Reuters Media hier.'))).toEqual(['Selon Reuters Media']);
    expect(texts(findNames('Il a vu.     Selon Reuters Media hier.'))).toEqual(['Selon Reuters Media', 'Reuters Media']);
    expect(texts(findNames('Titre\n  Selon Reuters Media'))).toEqual(['Selon Reuters Media', 'Reuters Media']);
  });

  it('ends a name where the regex, backtracking, would have ended it', () => {
    // A capital after a hyphenated part: the name stops before the hyphen.
    expect(texts(findNames('Xx Jean-PIERRE'))).toEqual(['Xx Jean']);
    // A digit glued to the last word: that word is given up, if two words remain.
    expect(texts(findNames('Aa Bb Cc2'))).toEqual(['Aa Bb']);
    expect(texts(findNames('Aa Bb2'))).toEqual([]);
    // A combining mark is no letter: the name may end before one, and a new one start after it.
    expect(texts(findNames('Xx Ab\u0301Q Rr Ss'))).toEqual(['Xx Ab', 'Q Rr Ss']);
    // Not from a capital inside a word, not after a number.
    expect(texts(findNames('McDonald Trump xAa Bb'))).toEqual([]);
    expect(texts(findNames('x Mc Donald Trump'))).toEqual(['Mc Donald Trump']);
    expect(texts(findNames('3Aa Bb'))).toEqual([]);
  });

  it('handles the ends of the text and characters outside the Basic Multilingual Plane', () => {
    expect(texts(findNames('Aa Bb'))).toEqual(['Aa Bb']);
    expect(texts(findNames('Aa '))).toEqual([]);
    expect(texts(findNames(''))).toEqual([]);
    // 𐐀/𐐨: Deseret capital and small letters, one character each but two code units.
    expect(findNames('x 𐐀𐐨 𐐀𐐨 y')).toEqual(referenceNames('x 𐐀𐐨 𐐀𐐨 y'));
    expect(texts(findNames('x 𐐀𐐨 𐐀𐐨 y'))).toEqual(['𐐀𐐨 𐐀𐐨']);
    expect(texts(findNames('𐐨Aa Bb'))).toEqual([]);
    expect(texts(findNames('\uD800Aa Bb'))).toEqual(['Aa Bb']);
  });

  it('agrees with the regular expression on edge cases', () => {
    const cases = [
      'Aa Bb', ' Aa Bb ', 'Aa  Bb', 'Aa\u202FBb', 'Aa\u00A0Bb Cc', '. Aa Bb Cc', '«\u00A0Aa Bb Cc', '— Aa Bb Cc', 'x: Aa Bb Cc',
      "L'Aa Bb", 'D’Aa Bb', 'Aa’ Bb', 'Aa- Bb', 'Aa-Bb Cc-', 'Aa Bb-', 'Aa Bb’x', 'Aa Bb\u0301', 'Aa B\u0301b Cc\u0301D',
      'Đặng Thị Ngọc Thịnh', 'ĐẶNG Thị', 'Ǆa Bb', 'Aa ǅa', 'İstanbul Havalimanı', 'ΟΔΟΣ Σοφία', 'Aa Bb Cc Dd Ee1', 'Aa Bb1 Cc',
      '\u{1D400}a Bb', 'Aa \u{1D400}', 'Aa \u{1D400}\u{1D41A} Cc', 'Aa B\u{1D41A}', 'a. Aa Bb Cc. Dd Ee Ff',
    ];
    for (const t of cases) expect(findNames(t), t).toEqual(referenceNames(t));
  });

  it('agrees with the regular expression on random texts', () => {
    const pieces = ['A', 'Đ', 'É', 'a', 'đ', 'ễ', '\u0301', "'", '’', '-', ' ', ' ', '\u00A0', '\u202F', '.', '«', '1', '\u{10400}', '\u{10428}', '\uD800', 'ǅ', 'İ', 'Nguyen', 'Jean-PIERRE', '\n', '    '];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 20000; n++) {
      let t = '';
      for (let i = next() % 12; i >= 0; i--) t += pieces[next() % pieces.length];
      expect(findNames(t), JSON.stringify(t)).toEqual(referenceNames(t));
      expect(findAcronyms(t), JSON.stringify(t)).toEqual(referenceAcronyms(t));
    }
  });
});

describe('acronyms', () => {
  it('are runs of two or more capitals standing alone', () => {
    expect(texts(findAcronyms('NATO et ATACMS, pas A ni NATOx ni xNATO ni NATO2 ni Đ\u0110.'))).toEqual(['NATO', 'ATACMS', 'ĐĐ']);
    expect(texts(findAcronyms('\u{1D400}\u{1D401} AB\u0301'))).toEqual(['\u{1D400}\u{1D401}', 'AB']);
    for (const t of ['', 'AB', 'ABc', 'aAB', 'A B', 'AB\u00A0CD', '\u{10400}\u{10400}\u{10428}']) expect(findAcronyms(t), t).toEqual(referenceAcronyms(t));
  });
});

describe('folded keys in a folded text', () => {
  it('match whole words only, a letter outside the BMP being a letter like any other', () => {
    const cases: Array<[string, string]> = [
      ['le ministre nguyen van an', 'nguyen van an'], ['xnguyen van an', 'nguyen van an'], ['nguyen van an2', 'nguyen van an'],
      ['nguyen van anh, nguyen van an.', 'nguyen van an'], ['\u{1D41A}nguyen', 'nguyen'], ['nguyen', 'nguyen'], ['', 'a'],
    ];
    for (const [text, key] of cases) expect(containsFoldedKey(text, key), `${text} / ${key}`).toBe(referenceContainsFoldedKey(text, key));
    // A mathematical or supplementary-plane letter glued to the name makes it part of a longer word.
    expect(containsFoldedKey('\u{1D41A}nguyen', 'nguyen')).toBe(false);
    expect(containsFoldedKey('nguyen\u{20000}', 'nguyen')).toBe(false);
    expect(containsFoldedKey('\u{1F600} nguyen', 'nguyen')).toBe(true);
  });
});
