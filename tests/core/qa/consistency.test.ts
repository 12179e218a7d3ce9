import { describe, expect, it } from 'vitest';
import { checkNameConsistency, checkTranslationConsistency, type KeyedPair } from '../../../src/core/qa/checks/consistency.js';
import { fold } from '../../../src/core/qa/text.js';

const pairs = (...list: Array<[string, string]>): KeyedPair[] => list.map(([source, target], i) => ({ key: `k${i}`, source, target }));

describe('fold(), character by character, as the source signature of inconsistent-translation relies on it', () => {
  it('keeps ASCII digits and makes none, keeps white space apart, and erases exactly the combining marks', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = fold(ch);
      const space = /^\s$/u.test(ch);
      const mark = /^\p{M}$/u.test(ch);
      const digit = cp >= 0x30 && cp <= 0x39;
      if (digit ? folded !== ch : /[0-9]/.test(folded)) wrong.push(`U+${cp.toString(16)} digits`);
      if (space ? !/^\s+$/.test(folded) : /\s/.test(folded)) wrong.push(`U+${cp.toString(16)} white space`);
      if (mark ? folded !== '' : !space && folded === '') wrong.push(`U+${cp.toString(16)} emptiness`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('inconsistent-translation', () => {
  it('finds sources that are the same but for case, diacritics and white space', () => {
    const found = checkTranslationConsistency(
      pairs(
        ['Le président a 25 ans.', 'The president is 25.'],
        ['Autre chose.', 'Something else.'],
        ['le  president a 25 ans. ', 'The President is 25.'],
        ['Le président a 26 ans.', 'The president is 26.'],
        ['Le pre\u0301sident \u0301 a 25 ans.', 'The president is 25.'],
        ['Le président a 25 ans.', '  '],
      ),
    );
    expect([...found.keys()]).toEqual(['k2']);
    expect(found.get('k2')![0]!.message).toBe('same source text as k0, translated differently there');
  });

  it('does not fold sources that no other source resembles, and still finds the ones that are alike', () => {
    const list = pairs(['Un.', 'One.'], ['Deux mots.', 'Two words.'], ['Trois mots ici.', 'Three words here.'], ['UN.', 'One!']);
    expect([...checkTranslationConsistency(list).keys()]).toEqual(['k3']);
  });
});

describe('inconsistent-name', () => {
  it('takes the longest runs of a translation’s capitalised words that are names of the source', () => {
    const found = checkNameConsistency(
      pairs(
        ['Nguyễn Văn Thắng a parlé.', 'Nguyễn Văn Thắng spoke.'],
        ['Selon Nguyễn Văn Thắng, non.', 'Finance Minister Nguyen Van Thang said no.'],
        ['Nguyễn Văn Thắng encore.', 'Nguyễn\u00A0Văn Thắng again.'],
      ),
    );
    // A no-break space is not another spelling: only the one without diacritics is reported.
    expect([...found.keys()]).toEqual(['k1']);
    expect(found.get('k1')).toHaveLength(1);
    expect(found.get('k1')![0]).toMatchObject({ message: '“Nguyen Van Thang” here, but “Nguyễn Văn Thắng” in k0', span: { side: 'target', start: 17, end: 33 } });
  });

  it('does not call a no-break space inside a name a different spelling', () => {
    const found = checkNameConsistency(pairs(['Lloyd Austin a parlé.', 'Lloyd Austin spoke.'], ['Lloyd\u00A0Austin encore.', 'Lloyd\u00A0Austin again.']));
    expect([...found.keys()]).toEqual([]);
  });
});
