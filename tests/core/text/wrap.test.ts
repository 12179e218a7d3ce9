import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayWidth, truncateToWidth, wrapSpans, wrapText, wrapWithOffsets } from '../../../src/core/text/wrap.js';
import { WrapCache } from '../../../src/core/text/wrapCache.js';

describe('wrapWithOffsets', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapText('le premier entre les dirigeants', 12)).toEqual(['le premier', 'entre les', 'dirigeants']);
  });

  it('counts Vietnamese letters with stacked diacritics as one column each', () => {
    const text = 'Bộ trưởng Quốc phòng Nga cảnh báo Mỹ';
    for (const row of wrapText(text, 10)) expect(displayWidth(row)).toBeLessThanOrEqual(10);
    expect(wrapText(text, 10)[0]).toBe('Bộ trưởng');
  });

  it('keeps explicit line breaks and empty lines', () => {
    expect(wrapText('one\n\ntwo', 20)).toEqual(['one', '', 'two']);
  });

  it('splits a word longer than the row between graphemes, never inside one', () => {
    const decomposed = 'ệệệệệ'.normalize('NFD');
    const rows = wrapText(decomposed, 2);
    expect(rows.map((r) => r.normalize('NFC'))).toEqual(['ệệ', 'ệệ', 'ệ']);
  });

  it('covers the text contiguously and never exceeds the width', () => {
    const piece = fc.constantFrom('a', 'bb', 'ccc', 'đường', 'écrasé', '«', '»', ' ', ' ', '  ', '\n', 'supercalifragilistic');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 15 }), (pieces, width) => {
        const text = pieces.join('');
        const rows = wrapWithOffsets(text, width);
        expect(rows[0]!.start).toBe(0);
        expect(rows[rows.length - 1]!.end).toBe(text.length);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBe(rows[i - 1]!.end);
        for (const row of rows) {
          expect(row.width).toBeLessThanOrEqual(width);
          expect(displayWidth(row.text)).toBe(row.width);
          expect(text.slice(row.start, row.end).startsWith(row.text)).toBe(true);
        }
        // Only whitespace is ever left out of the displayed rows.
        expect(rows.map((r) => r.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('wrapSpans', () => {
  it('keeps each word in its style across row breaks', () => {
    const lines = wrapSpans([
      { text: 'the minister ', style: 'same' },
      { text: 'secretary', style: 'added' },
      { text: ' warned', style: 'same' },
    ], 16);
    expect(lines).toEqual([
      [{ text: 'the minister', style: 'same' }],
      [{ text: 'secretary', style: 'added' }, { text: ' warned', style: 'same' }],
    ]);
  });
});

describe('truncateToWidth', () => {
  it('cuts to the width with an ellipsis', () => {
    expect(truncateToWidth('Le ministère russe', 8)).toBe('Le mini…');
    expect(displayWidth(truncateToWidth('漢字漢字漢字', 5))).toBeLessThanOrEqual(5);
    expect(truncateToWidth('court', 10)).toBe('court');
  });
});

describe('WrapCache', () => {
  it('computes once per (item, width) and forgets the least recently used beyond its bound', () => {
    const cache = new WrapCache<string[]>(2);
    let computed = 0;
    const wrap = (id: string, width: number) => cache.get(id, width, () => { computed++; return wrapText(id, width); });
    wrap('a b', 1);
    wrap('a b', 1);
    expect(computed).toBe(1);
    wrap('a b', 3);
    expect(computed).toBe(2);
    wrap('a b', 1); // refreshes (a b, 1)
    wrap('c d', 1); // evicts (a b, 3)
    expect(cache.size).toBe(2);
    wrap('a b', 1);
    expect(computed).toBe(3);
    wrap('a b', 3);
    expect(computed).toBe(4);
  });
});
