import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseXliff, serializeXliff, XliffFormatError, type XliffDocument, type XliffUnit, type XliffVersion } from '../../src/storage/xliff.js';
import { validateXml } from './xliff-validate.js';

const ORIGIN = 'https://thanhnien.vn/bo-truong-quoc-phong-nga-canh-bao-my-ve-nguy-co-leo-thang-tai-ukraine-185240626070252909.htm';

function doc(units: XliffUnit[]): XliffDocument {
  return { sourceLang: 'fr', targetLang: 'en', files: [{ articleId: '000_8c1828b71475e020', originUrl: ORIGIN, units }] };
}

const sample: XliffUnit[] = [
  { key: 'p1', source: 'Le porte-parole a déclaré « Nous sommes prêts ».', target: 'The spokesman said "We are ready".', status: 'approved', notes: [] },
  { key: 'p2', source: 'Hausse de 7,5 % en 2023 & <plus>.', target: 'Up 7.5% in 2023 & <more>.', status: 'draft', notes: [{ text: 'check the figure', from: 'agency' }] },
  { key: 'p3', source: 'Point de conflit : l’Ukraine', target: 'Flashpoint: Ukraine', status: 'machine', notes: [] },
  { key: 'p4', source: 'Le ministre russe de la Défense', target: null, status: 'untranslated', kind: 'caption', notes: [{ text: 'caption' }] },
];

describe.each<XliffVersion>(['1.2', '2.1'])('XLIFF %s', (version) => {
  const schema = version === '1.2' ? 'xliff-1.2' : 'xliff-2.1';

  it('writes a document the official schema accepts', () => {
    const text = serializeXliff(doc(sample), { version });
    const result = validateXml(text, schema);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('reads back every unit, status, note, article id and origin', () => {
    const parsed = parseXliff(serializeXliff(doc(sample), { version }));
    expect(parsed.sourceLang).toBe('fr');
    expect(parsed.targetLang).toBe('en');
    expect(parsed.files).toEqual(doc(sample).files);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties: any text (including characters XML 1.0 forbids, lone surrogates, CR, markup
// characters) survives serialise → parse, and every produced document is schema-valid.
// ------------------------------------------------------------------------------------------------

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const statusArb = fc.constantFrom('untranslated', 'machine', 'draft', 'approved', 'stale' as const);
const unitsArb = fc
  .array(
    fc.record({
      source: anyText,
      target: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      status: statusArb,
      previousSource: anyText,
      kind: fc.option(fc.constantFrom('heading', 'paragraph', 'caption', 'related'), { nil: undefined }),
      notes: fc.array(fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 20 }), from: fc.option(fc.constantFrom('agency', 'Ana Lê', 'qa'), { nil: undefined }) }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw) =>
    raw.map((u, i): XliffUnit => ({
      key: `p${i + 1}`,
      source: u.source,
      target: u.status === 'untranslated' ? null : u.target,
      status: u.status,
      ...(u.status === 'stale' ? { previousSource: u.previousSource } : {}),
      ...(u.kind !== undefined ? { kind: u.kind } : {}),
      notes: u.notes.map((n) => (n.from === undefined ? { text: n.text } : { text: n.text, from: n.from })),
    })),
  );

/** What reading gives back: stale is derived by verso, so it returns as a draft; verso's own notes are dropped. */
function expectedAfterRoundTrip(units: XliffUnit[]): XliffUnit[] {
  return units.map(({ previousSource: _previous, ...u }) => ({ ...u, status: u.status === 'stale' ? 'draft' : u.status }));
}

describe.each<XliffVersion>(['1.2', '2.1'])('XLIFF %s round trip (property)', (version) => {
  it('keeps keys, texts, statuses and notes for arbitrary text', () => {
    fc.assert(
      fc.property(unitsArb, fc.option(fc.webUrl(), { nil: null }), (units, originUrl) => {
        const d: XliffDocument = { sourceLang: 'fr', targetLang: 'vi', files: [{ articleId: 'a-1', originUrl, units }] };
        const parsed = parseXliff(serializeXliff(d, { version }));
        expect(parsed.files).toEqual([{ articleId: 'a-1', originUrl, units: expectedAfterRoundTrip(units) }]);
      }),
      { numRuns: 200 },
    );
  });

  it('always produces schema-valid XLIFF', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const d: XliffDocument = { sourceLang: 'fr', targetLang: 'pt-BR', files: [{ articleId: 'x', originUrl: 'https://e.vn/a?b=1&c=2', units }] };
        const result = validateXml(serializeXliff(d, { version }), version === '1.2' ? 'xliff-1.2' : 'xliff-2.1');
        expect(result.output).toBe('');
      }),
      { numRuns: 25 },
    );
  });
});

describe('XLIFF from other tools', () => {
  it('reads 1.2 states the lenient way: signed-off approves, new is untranslated, mt-suggestion is machine', () => {
    const text = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="art" source-language="fr" target-language="en" datatype="plaintext"><body>
  <group id="g"><trans-unit id="p1"><source>a</source><target state="signed-off">A</target></trans-unit></group>
  <trans-unit id="p2"><source>b</source><target state="new">b</target></trans-unit>
  <trans-unit id="p3"><source>c</source><target state="needs-translation" state-qualifier="mt-suggestion">C</target></trans-unit>
  <trans-unit id="p4" approved="yes"><source>d</source><target>D</target></trans-unit>
  <trans-unit id="p5"><source>e <g id="1">bold</g></source><target>E <g id="1">gras</g></target></trans-unit>
  <trans-unit id="p6"><source>f</source></trans-unit>
 </body></file></xliff>`;
    const units = parseXliff(text).files[0]!.units;
    expect(units.map((u) => [u.key, u.status, u.target])).toEqual([
      ['p1', 'approved', 'A'],
      ['p2', 'untranslated', null],
      ['p3', 'machine', 'C'],
      ['p4', 'approved', 'D'],
      ['p5', 'draft', 'E gras'],
      ['p6', 'untranslated', null],
    ]);
    expect(units[4]!.source).toBe('e bold');
  });

  it('joins a 2.x unit a tool split into segments, taking the least advanced state', () => {
    const text = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
 <file id="f1" original="art"><unit id="p1">
  <segment state="final"><source>Un.</source><target>One.</target></segment>
  <ignorable><source> </source></ignorable>
  <segment state="reviewed"><source>Deux.</source><target>Two.</target></segment>
 </unit></file></xliff>`;
    const [unit] = parseXliff(text).files[0]!.units;
    expect(unit).toMatchObject({ key: 'p1', source: 'Un. Deux.', target: 'One. Two.', status: 'draft' });
  });

  it('rejects malformed XML with line and column, and undeclared entities', () => {
    const bad = '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file original="a">\n</xliff>';
    expect(() => parseXliff(bad)).toThrow(XliffFormatError);
    try {
      parseXliff(bad);
    } catch (error) {
      expect((error as XliffFormatError).line).toBe(4);
    }
    const entity = '<!DOCTYPE x [<!ENTITY e "boom">]>\n<xliff version="2.1" srcLang="fr" trgLang="en"><file id="f" original="a"><unit id="p1"><segment><source>&e;</source></segment></unit></file></xliff>';
    expect(() => parseXliff(entity)).toThrow(/unknown entity "&e;"/);
  });

  it('refuses inline codes that have no text equivalent instead of dropping them silently', () => {
    const text = `<xliff version="1.2"><file original="a" source-language="fr" target-language="en" datatype="plaintext"><body>
      <trans-unit id="p1"><source>a<x id="1"/>b</source><target>A</target></trans-unit></body></file></xliff>`;
    expect(() => parseXliff(text)).toThrow(/a unit p1: inline code <x>/);
  });
});
