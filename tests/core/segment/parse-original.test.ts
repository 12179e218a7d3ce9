import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOriginal, classify } from '../../../src/core/segment/parse-original.js';
import { articleIdFromFileName, isValidArticleId } from '../../../src/core/segment/article-id.js';
import { DEFAULT_BOILERPLATE } from '../../../src/core/config/config.js';
import { SEED } from '../../support/cli.js';

const boilerplate = DEFAULT_BOILERPLATE.map((p) => new RegExp(p, 'u'));

describe('parseOriginal', () => {
  it('reads the seed: origin URL, boilerplate dropped, kinds', () => {
    const parsed = parseOriginal(readFileSync(SEED, 'utf8'), boilerplate);
    expect(parsed.originUrl).toBe('https://thanhnien.vn/bo-truong-quoc-phong-nga-canh-bao-my-ve-nguy-co-leo-thang-tai-ukraine-185240626070252909.htm');
    expect(parsed.paragraphs).toHaveLength(9);
    expect(parsed.paragraphs.map((p) => p.kind)).toEqual(['paragraph', 'caption', 'paragraph', 'paragraph', 'related', 'paragraph', 'caption', 'paragraph', 'paragraph']);
    expect(parsed.dropped.map((d) => d.reason)).toEqual(['origin', 'boilerplate']);
    expect(parsed.paragraphs.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('accepts Source:, Source : with NBSP, and the Vietnamese Nguồn:', () => {
    for (const line of ['Source: https://a.vn/x', 'Source\u00a0: https://a.vn/x', 'Nguồn: https://a.vn/x', 'SOURCE : https://a.vn/x']) {
      expect(parseOriginal(`Un paragraphe.\n${line}\n`, boilerplate).originUrl).toBe('https://a.vn/x');
    }
    // Not a URL: kept as text rather than silently dropped.
    const p = parseOriginal('Source : le ministère.\n', boilerplate);
    expect(p.originUrl).toBeNull();
    expect(p.paragraphs).toHaveLength(1);
  });

  it('normalises BOM, CRLF and decomposed Vietnamese to NFC', () => {
    const nfd = 'Bộ trưởng Quốc phòng Nga.'.normalize('NFD');
    const parsed = parseOriginal(`\ufeff${nfd}\r\nDeuxième ligne.\r\n`, boilerplate);
    expect(parsed.paragraphs[0]!.text).toBe('Bộ trưởng Quốc phòng Nga.'.normalize('NFC'));
    expect(parsed.normalizedText.includes('\r')).toBe(false);
    expect(parsed.normalizedText.startsWith('\ufeff')).toBe(false);
  });

  it('uses configurable boilerplate patterns', () => {
    const parsed = parseOriginal('Texte.\nLire aussi\nAutre texte.\n', [/^Lire aussi$/u]);
    expect(parsed.paragraphs.map((p) => p.text)).toEqual(['Texte.', 'Autre texte.']);
  });

  it('classifies title-like lines', () => {
    expect(classify('Un titre sans point', true)).toBe('heading');
    expect(classify('Le ministre russe de la Défense Andrei Beloussov', false)).toBe('caption');
    expect(classify('Point de conflit : un long titre qui renvoie vers un autre article du site', false)).toBe('related');
    expect(classify('« Nous sommes prêts », a-t-il dit.', false)).toBe('paragraph');
  });
});

describe('article ids', () => {
  it('derives a safe id deterministically', () => {
    expect(articleIdFromFileName('000_8c1828b71475e020.txt')).toBe('000_8c1828b71475e020');
    expect(articleIdFromFileName('/x/y/Bộ Trưởng Đà Nẵng.txt')).toBe('bo-truong-da-nang');
    expect(articleIdFromFileName('../../etc/passwd')).toBe('passwd');
    expect(articleIdFromFileName('...')).toBeNull();
    expect(isValidArticleId('../x')).toBe(false);
    expect(isValidArticleId('a/b')).toBe(false);
  });
});
