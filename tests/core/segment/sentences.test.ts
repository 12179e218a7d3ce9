import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sentenceTexts, splitSentences } from '../../../src/core/segment/sentences.js';
import { SENTENCE_RULES, sentenceRulesFor } from '../../../src/core/segment/sentence-rules.js';

const fr = sentenceRulesFor('fr');
const en = sentenceRulesFor('en');
const vi = sentenceRulesFor('vi');

describe('sentence splitter', () => {
  it('splits French sentences at final punctuation followed by a capital', () => {
    expect(sentenceTexts("Il est venu. Elle est partie ! Pourquoi ? Personne ne sait…", fr)).toEqual([
      'Il est venu.',
      'Elle est partie !',
      'Pourquoi ?',
      'Personne ne sait…',
    ]);
  });

  it('does not split after French titles and initials', () => {
    expect(sentenceTexts('M. Belousov a parlé à Mme Dupont et au Dr Martin. J. Biden a répondu.', fr)).toEqual([
      'M. Belousov a parlé à Mme Dupont et au Dr Martin.',
      'J. Biden a répondu.',
    ]);
    expect(sentenceTexts("Il parle de l'an 52 av. J.-C. et de la Gaule.", fr)).toEqual(["Il parle de l'an 52 av. J.-C. et de la Gaule."]);
  });

  it('does not split after etc. when the sentence goes on in lower case', () => {
    expect(sentenceTexts('Des pommes, des poires, etc. sont vendues ici. Voilà.', fr)).toEqual([
      'Des pommes, des poires, etc. sont vendues ici.',
      'Voilà.',
    ]);
  });

  it('keeps a quotation with its attribution, but splits after a closed quotation', () => {
    const text = "« Le président est certain. Je ne commenterai pas », a déclaré M. Ryder. Il est parti.";
    expect(sentenceTexts(text, fr)).toEqual(["« Le président est certain. Je ne commenterai pas », a déclaré M. Ryder.", 'Il est parti.']);
    expect(sentenceTexts('« Nous sommes prêts. » Puis il est sorti.', fr)).toEqual(['« Nous sommes prêts. »', 'Puis il est sorti.']);
  });

  it('handles English titles, dotted abbreviations and curly quotes', () => {
    expect(sentenceTexts('Mr. Austin met Dr. Smith in the U.S. capital. “We are ready. Truly,” he said. Then he left.', en)).toEqual([
      'Mr. Austin met Dr. Smith in the U.S. capital.',
      '“We are ready. Truly,” he said.',
      'Then he left.',
    ]);
  });

  it('handles Vietnamese abbreviations and diacritics', () => {
    expect(sentenceTexts('Ông Nguyễn sống ở TP. Hồ Chí Minh. Bà Lan là PGS. Trần. Họ gặp nhau.', vi)).toEqual([
      'Ông Nguyễn sống ở TP. Hồ Chí Minh.',
      'Bà Lan là PGS. Trần.',
      'Họ gặp nhau.',
    ]);
  });

  it('does not split decimals or before lower-case words', () => {
    expect(sentenceTexts('Une hausse de 7.5 points. ok donc pas de coupure ici.', fr)).toEqual(['Une hausse de 7.5 points. ok donc pas de coupure ici.']);
  });

  it('keeps the rules as data for each language', () => {
    for (const lang of ['fr', 'en', 'vi']) {
      expect(SENTENCE_RULES[lang]!.abbreviations.length).toBeGreaterThan(5);
      expect(SENTENCE_RULES[lang]!.quotePairs.length).toBeGreaterThan(0);
    }
    expect(sentenceRulesFor('pt-br')).toBe(SENTENCE_RULES['en']);
  });

  it('never loses or duplicates text (property)', () => {
    const piece = fc.constantFrom('M.', 'Il', 'est', 'venu.', '«', '»', '“', '”', '"', '!', '?', '…', 'Mme', 'J.', 'etc.', '7,5', 'Đây', 'là', ' ', '  ', '\u00a0', '\u202f', 'A.', '(', ')', '.', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(fr, en, vi), (parts, rules) => {
        const text = parts.join(' ');
        const spans = splitSentences(text, rules);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          // Only white space between sentences; sentences are trimmed.
          expect(text.slice(last, s.start).trim()).toBe('');
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
          last = s.end;
        }
        expect(text.slice(last).trim()).toBe('');
        // Every non-space character is in exactly one sentence.
        const joined = spans.map((s) => text.slice(s.start, s.end)).join('');
        expect(joined.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});
