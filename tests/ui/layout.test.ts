import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeLayout, DETAIL_ROWS_WANTED, scrollWindow, SIDE_BY_SIDE_MIN_COLUMNS } from '../../src/ui/layout.js';

describe('computeLayout', () => {
  it('stacks below 100 columns and puts the texts side by side from there', () => {
    expect(computeLayout(SIDE_BY_SIDE_MIN_COLUMNS - 1, 30).mode).toBe('stacked');
    const wide = computeLayout(200, 50);
    expect(wide.mode).toBe('sideBySide');
    expect(wide.columns.left + wide.gutter + wide.columns.right).toBe(200);
  });

  it('never makes the frame as tall as the terminal, and its parts add up to the frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 5, max: 200 }), (columns, rows) => {
        const l = computeLayout(columns, rows);
        expect(l.height).toBeLessThanOrEqual(rows - 1);
        expect(l.headerHeight + l.listHeight + l.separatorHeight + l.detailHeight + l.footerHeight).toBe(l.height);
        expect(l.listHeight).toBeGreaterThanOrEqual(1);
        if (rows >= 8) expect(l.detailHeight).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('the split between the segment list and the details', () => {
  it('a tall terminal shows a long list, while the details keep the rows a long paragraph needs', () => {
    const tall = computeLayout(120, 40);
    expect(tall.listHeight).toBeGreaterThanOrEqual(16);
    expect(tall.detailHeight).toBeGreaterThanOrEqual(DETAIL_ROWS_WANTED.sideBySide);
    const huge = computeLayout(200, 60);
    expect(huge.listHeight).toBeGreaterThanOrEqual(30);
    expect(huge.detailHeight).toBeGreaterThanOrEqual(DETAIL_ROWS_WANTED.sideBySide);
    // Stacked, the source and the target follow each other: the details keep more rows.
    const narrow = computeLayout(80, 50);
    expect(narrow.detailHeight).toBeGreaterThanOrEqual(DETAIL_ROWS_WANTED.stacked);
    expect(narrow.listHeight).toBeGreaterThanOrEqual(20);
  });

  it('a list with fewer segments than rows takes what it needs; the details get the rest', () => {
    const full = computeLayout(120, 40);
    const short = computeLayout(120, 40, 9);
    expect(short.listHeight).toBe(9);
    expect(short.detailHeight).toBe(full.detailHeight + full.listHeight - 9);
    expect(computeLayout(120, 40, 0).listHeight).toBe(1); // the row that says nothing is listed
    expect(computeLayout(120, 40, 500)).toEqual(full);
  });

  it('gives the list at least a quarter of the body, and more rows never shrink either part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 5, max: 199 }), (columns, rows) => {
        const l = computeLayout(columns, rows);
        const body = l.height - l.headerHeight - l.footerHeight;
        expect(l.listHeight).toBeGreaterThanOrEqual(Math.max(1, Math.floor(body / 4)));
        const taller = computeLayout(columns, rows + 1);
        if (taller.headerHeight === l.headerHeight) {
          expect(taller.listHeight).toBeGreaterThanOrEqual(l.listHeight);
          expect(taller.detailHeight).toBeGreaterThanOrEqual(l.detailHeight);
        }
      }),
    );
  });
});

describe('scrollWindow', () => {
  it('keeps the selection visible and moves the window as little as possible', () => {
    expect(scrollWindow(0, 3, 100, 10)).toBe(0);
    expect(scrollWindow(0, 10, 100, 10)).toBe(1);
    expect(scrollWindow(5, 7, 100, 10)).toBe(5);
    expect(scrollWindow(50, 20, 100, 10)).toBe(20);
    expect(scrollWindow(95, 99, 100, 10)).toBe(90);
    expect(scrollWindow(7, 2, 5, 10)).toBe(0);
  });

  it('always shows the cursor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (prev, count, height, c) => {
        const cursor = c % count;
        const top = scrollWindow(prev, cursor, count, height);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(cursor).toBeGreaterThanOrEqual(top);
        expect(cursor).toBeLessThan(top + height);
      }),
    );
  });
});
