import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildArticle, reimportArticle } from '../../../src/core/segment/build-article.js';
import type { ParsedParagraph } from '../../../src/core/segment/parse-original.js';

const paras = (...texts: string[]): ParsedParagraph[] => texts.map((text, i) => ({ text, kind: 'paragraph', line: i + 1 }));

describe('re-import', () => {
  const v1 = buildArticle('a', 'fr', null, paras('Premier paragraphe sur la défense.', 'Deuxième paragraphe sur Moscou et Kiev.', 'Troisième paragraphe final.'));

  it('keeps keys of unchanged paragraphs and reports nothing changed', () => {
    const { article, report } = reimportArticle(v1, null, paras('Premier paragraphe sur la défense.', 'Deuxième paragraphe sur Moscou et Kiev.', 'Troisième paragraphe final.'));
    expect(article.order).toEqual(['p1', 'p2', 'p3']);
    expect(report.unchanged).toEqual(['p1', 'p2', 'p3']);
  });

  it('keeps the key of an edited paragraph with its previous text, adds new keys, marks removed obsolete', () => {
    const { article, report } = reimportArticle(
      v1,
      'https://x.vn/a',
      paras('Nouveau chapeau inséré.', 'Premier paragraphe sur la défense.', 'Deuxième paragraphe sur Moscou, Kiev et Washington.'),
    );
    expect(report.unchanged).toEqual(['p1']);
    expect(report.changed).toEqual(['p2']);
    expect(article.order.slice(0, 3)).toEqual(['p4', 'p1', 'p2']);
    expect(article.segments['p2']!.previousText).toBe('Deuxième paragraphe sur Moscou et Kiev.');
    expect(report.removed).toContain('p3');
    expect(article.segments['p3']!.obsolete).toBe(true);
    expect(report.added.every((k) => /^p[4-9]$/.test(k))).toBe(true);
    expect(article.nextKeyNumber).toBeGreaterThan(4);
    expect(report.originChanged).toBe(true);
  });

  it('never reuses a key, and revives an obsolete paragraph that comes back', () => {
    const v2 = reimportArticle(v1, null, paras('Premier paragraphe sur la défense.', 'Troisième paragraphe final.')).article;
    expect(v2.segments['p2']!.obsolete).toBe(true);
    const v3 = reimportArticle(v2, null, paras('Premier paragraphe sur la défense.', 'Un tout autre texte, rien à voir.', 'Troisième paragraphe final.'));
    expect(v3.report.added).toEqual(['p4']);
    const v4 = reimportArticle(v3.article, null, paras('Premier paragraphe sur la défense.', 'Deuxième paragraphe sur Moscou et Kiev.', 'Troisième paragraphe final.'));
    expect(v4.report.revived).toEqual(['p2']);
    expect(v4.article.segments['p2']!.obsolete).toBeUndefined();
  });

  it('keeps every key ever assigned and never renumbers (property)', () => {
    const sentence = fc.array(fc.constantFrom('la', 'défense', 'Moscou', 'Kiev', 'appel', 'ministre', 'guerre', 'paix', 'Ukraine', 'OTAN'), { minLength: 1, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { maxLength: 8 }), { minLength: 1, maxLength: 5 }), (versions) => {
        let article = buildArticle('a', 'fr', null, paras(...(versions[0] ?? [])));
        const everKeys = new Set(article.order);
        for (const v of versions.slice(1)) {
          const before = new Map(article.order.map((k) => [k, article.segments[k]!.text]));
          const r = reimportArticle(article, null, paras(...v));
          article = r.article;
          // No key disappears from the record; keys are unique; active texts are the new document.
          for (const k of everKeys) expect(article.order).toContain(k);
          expect(new Set(article.order).size).toBe(article.order.length);
          expect(article.order.filter((k) => !article.segments[k]!.obsolete).map((k) => article.segments[k]!.text)).toEqual(v);
          for (const k of r.report.unchanged) expect(article.segments[k]!.text).toBe(before.get(k));
          for (const k of article.order) everKeys.add(k);
        }
      }),
      { numRuns: 200 },
    );
  });
});
