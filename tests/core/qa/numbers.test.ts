import { describe, expect, it } from 'vitest';
import { compareTokens, extractNumericTokens } from '../../../src/core/qa/numbers.js';

const values = (text: string, lang: string) =>
  extractNumericTokens(text, lang)
    .filter((t) => !t.word)
    .map((t) => (t.kind === 'number' ? t.value : `${t.kind}:${t.value}`));

describe('numbers read as values per locale', () => {
  it('reads French decimal commas and every kind of group space', () => {
    expect(values('Hausse de 7,5 % en 2023.', 'fr')).toEqual([7.5, 2023]);
    expect(values('1 200 000 habitants', 'fr')).toEqual([1200000]);
    expect(values('1\u00A0200\u00A0000 habitants', 'fr')).toEqual([1200000]);
    expect(values('1\u202F200\u202F000 habitants', 'fr')).toEqual([1200000]);
  });

  it('reads English and Vietnamese group and decimal marks', () => {
    expect(values('Up 7.5% to 1,200,000 people', 'en')).toEqual([7.5, 1200000]);
    expect(values('tăng 7,5% lên 1.200.000 người', 'vi')).toEqual([7.5, 1200000]);
    // A Vietnamese text with an English decimal point is wrong: it reads as two numbers.
    expect(values('tăng 7.5%', 'vi')).toEqual([7, 5]);
  });

  it('does not glue a year to the number after it', () => {
    expect(values('en 2023, 25 personnes', 'fr')).toEqual([2023, 25]);
    expect(values('en 2023 200 personnes', 'fr')).toEqual([2023, 200]);
    expect(values('in 2023, 25 people', 'en')).toEqual([2023, 25]);
  });

  it('applies scale words, including the French long-scale billion', () => {
    expect(values('1,2 milliard d’euros', 'fr')).toEqual([1.2e9]);
    expect(values('€1.2 billion', 'en')).toEqual([1.2e9]);
    expect(values('1,2 tỷ euro', 'vi')).toEqual([1.2e9]);
    expect(values('3 billions', 'fr')).toEqual([3e12]);
    expect(values('3.000 nghìn tỷ đồng', 'vi')).toEqual([3e15]);
    expect(values('un million de personnes', 'fr')).toEqual([1e6]);
    expect(values('a million people', 'en')).toEqual([1e6]);
    expect(values('$2.5m', 'en')).toEqual([2.5e6]);
    expect(values('a 25 m wall', 'en')).toEqual([25]);
  });

  it('reads dates as day and month, whatever the order', () => {
    expect(values('le 25 juin 2024', 'fr')).toEqual([25, 'month:6', 2024]);
    expect(values('on June 25, 2024', 'en')).toEqual(['month:6', 25, 2024]);
    expect(values('ngày 25 tháng 6 năm 2024', 'vi')).toEqual([25, 'month:6', 2024]);
    expect(values('ngày 25/6', 'vi')).toEqual([25, 'month:6']);
    expect(values('trong 3 tháng', 'vi')).toEqual([3]);
    expect(values('vào tháng Sáu', 'vi')).toEqual(['month:6']);
    expect(values('You may go in May', 'en')).toEqual(['month:5']);
  });

  it('reads clock times in 24-hour and 12-hour notations', () => {
    const fr = extractNumericTokens('à 14h30', 'fr');
    const en = extractNumericTokens('at 2:30 p.m.', 'en');
    expect(compareTokens(fr, en).missing).toEqual([]);
    expect(compareTokens(extractNumericTokens('à 14 h 30', 'fr'), extractNumericTokens('at 4:30 p.m.', 'en')).missing).toHaveLength(1);
  });

  it('reads French Roman-numeral centuries', () => {
    expect(values('au XXIe siècle', 'fr')).toEqual([21]);
    expect(values('in the 21st century', 'en')).toEqual([21]);
    expect(values('thế kỷ XXI', 'vi')).toEqual([21]);
  });

  it('ignores digits inside URLs', () => {
    expect(values('voir https://example.com/article-185240626.htm', 'fr')).toEqual([]);
  });
});

describe('compareTokens', () => {
  const cmp = (s: string, sl: string, t: string, tl: string) => compareTokens(extractNumericTokens(s, sl), extractNumericTokens(t, tl));

  it('finds the ×10 decimal-comma error', () => {
    const r = cmp('Hausse de 7,5 % en 2023.', 'fr', 'Up 75% in 2023.', 'en');
    expect(r.missing.map((t) => t.text)).toEqual(['7,5']);
    expect(r.extra.map((t) => t.text)).toEqual(['75']);
  });

  it('compares spelled-out numbers with a scale word as values', () => {
    expect(cmp('un million de personnes', 'fr', 'a billion people', 'en').missing.map((t) => t.value)).toEqual([1e6]);
    expect(cmp('un million de personnes', 'fr', 'one million people', 'en').missing).toEqual([]);
  });

  it('accepts a digit spelled out on the other side', () => {
    expect(cmp('cinq missiles, 3 morts', 'fr', 'five missiles, three dead', 'en').missing).toEqual([]);
    expect(cmp('trois morts', 'fr', '3 dead', 'en').extra).toEqual([]);
  });
});
