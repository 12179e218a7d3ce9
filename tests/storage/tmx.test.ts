import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromTmxDate, parseTmx, serializeTmx, tmxPairs, toTmxDate, TmxFormatError, type TmxDocument, type TmxUnit } from '../../src/storage/tmx.js';
import { validateXml } from './xliff-validate.js';

const ORIGIN = 'https://thanhnien.vn/bo-truong-quoc-phong-nga-canh-bao-my-ve-nguy-co-leo-thang-tai-ukraine-185240626070252909.htm';

const sample: TmxDocument = {
  sourceLang: 'fr',
  units: [
    {
      tuid: '000_8c1828b71475e020/p1',
      props: [
        { type: 'x-verso-origin', value: ORIGIN },
        { type: 'x-verso-article', value: '000_8c1828b71475e020' },
        { type: 'x-verso-key', value: 'p1' },
      ],
      notes: [],
      variants: [
        { lang: 'fr', text: '« Le ministre Belousov a souligné le risque » & <plus>' },
        { lang: 'en', text: '"Minister Belousov stressed the risk" & <more>', changedAt: '2026-11-27T09:00:00.000Z', changedBy: 'ana' },
        { lang: 'vi', text: 'Bộ trưởng Belousov nhấn mạnh nguy cơ', changedAt: '2026-11-27T10:30:05.000Z', changedBy: 'minh' },
      ],
    },
  ],
};

describe('TMX 1.4b', () => {
  it('writes a document the TMX 1.4 DTD accepts', () => {
    const result = validateXml(serializeTmx(sample, { toolVersion: '0.1.0' }), 'tmx');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('reads back units, origin property, languages, dates and authors', () => {
    expect(parseTmx(serializeTmx(sample, { toolVersion: '0.1.0' }))).toEqual(sample);
  });

  it('converts dates to and from TMX basic format', () => {
    expect(toTmxDate('2026-11-27T09:05:03.120Z')).toBe('20261127T090503Z');
    expect(fromTmxDate('20261127T090503Z')).toBe('2026-11-27T09:05:03.000Z');
    expect(fromTmxDate('2026-11-27')).toBeUndefined();
  });

  it('pairs a source with regional variants of the target and skips empty segments', () => {
    const doc = parseTmx(`<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="FR-fr" datatype="plaintext"/><body>
      <tu><tuv xml:lang="fr-FR"><seg>Bonjour <bpt i="1">&lt;b&gt;</bpt>monde<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="EN-GB"><seg>Hello <hi>world</hi></seg></tuv></tu>
      <tu><tuv xml:lang="fr"><seg>Vide</seg></tuv><tuv xml:lang="en"><seg> </seg></tuv></tu>
      <tu><tuv xml:lang="fr"><seg>Seul</seg></tuv><tuv xml:lang="de"><seg>Allein</seg></tuv></tu>
    </body></tmx>`);
    const pairs = tmxPairs(doc, 'fr', 'en');
    expect(pairs.map((p) => [p.source.text, p.target.text])).toEqual([['Bonjour monde', 'Hello world']]);
  });

  it('rejects a file that is not TMX with a clear message', () => {
    expect(() => parseTmx('<xliff version="1.2"/>')).toThrow(/expected <tmx>/);
    expect(() => parseTmx('<tmx version="1.4"><header/></tmx>')).toThrow(TmxFormatError);
    expect(() => parseTmx('<tmx>\n<body>')).toThrow(TmxFormatError);
  });

  it('round-trips arbitrary text, including characters XML forbids, and stays DTD-valid (property)', () => {
    const unitArb = fc.record({
      tuid: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      origin: fc.webUrl(),
      source: fc.string({ unit: 'binary', maxLength: 40 }),
      target: fc.string({ unit: 'binary', maxLength: 40 }),
      at: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    });
    let validated = 0;
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 6 }), (raw) => {
        const units: TmxUnit[] = raw.map((u) => ({
          tuid: u.tuid,
          props: [{ type: 'x-verso-origin', value: u.origin }],
          notes: [],
          variants: [
            { lang: 'fr', text: u.source },
            { lang: 'de', text: u.target, changedAt: new Date(Math.floor(u.at.getTime() / 1000) * 1000).toISOString(), changedBy: 'x' },
          ],
        }));
        const doc: TmxDocument = { sourceLang: 'fr', units };
        const text = serializeTmx(doc, { toolVersion: '1' });
        expect(parseTmx(text)).toEqual(doc);
        if (validated < 20) {
          validated += 1;
          expect(validateXml(text, 'tmx').output).toBe('');
        }
      }),
      { numRuns: 150 },
    );
  });
});
