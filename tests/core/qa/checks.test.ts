import { describe, expect, it } from 'vitest';
import { runArticleQa, runSegmentQa } from '../../../src/core/qa/run.js';
import { normalizeFrenchTypography } from '../../../src/core/qa/typography.js';
import type { QaOptions } from '../../../src/core/qa/types.js';

const frEn: QaOptions = { sourceLang: 'fr', targetLang: 'en' };
const checks = (source: string, target: string, opts: QaOptions = frEn, machine?: string) =>
  runSegmentQa(machine === undefined ? { source, target } : { source, target, machine }, opts).map((f) => f.check);

describe('French typography is normalised before punctuation is compared', () => {
  it('turns guillemets into curly quotes and drops the spaces French puts before ; : ! ?', () => {
    expect(normalizeFrenchTypography('«\u202fOui\u202f», dit-il\u00A0: «\u00A0Allons-y\u202f!\u00A0»')).toBe('“Oui”, dit-il: “Allons-y!”');
  });

  it('passes the pair pofilter flags four times', () => {
    expect(checks('«\u202fNous sommes prêts\u202f», a déclaré le ministre.', '“We are ready,” the minister said.')).toEqual([]);
  });

  it('still finds the decimal-comma error pofilter passes, and points at it', () => {
    const [f] = runSegmentQa({ source: 'Hausse de 7,5\u202f% en 2023.', target: 'Up 75% in 2023.' }, frEn);
    expect(f).toMatchObject({ check: 'numbers', severity: 'error', span: { side: 'target', start: 3, end: 5 } });
    expect(f!.message).toContain('7,5');
  });
});

describe('German quotation marks', () => {
  const frDe: QaOptions = { sourceLang: 'fr', targetLang: 'de' };
  it('count „…“ as one quotation, like the « … » of the source', () => {
    expect(checks('«\u202fLa situation est claire\u202f», a déclaré M. Belousov.', '„Die Lage ist klar“, sagte Herr Belousov.', frDe)).toEqual([]);
    expect(checks('« Oui » et « non ».', '„Ja“ und „nein“.', frDe)).toEqual([]);
  });
  it('still find a quotation the translation dropped', () => {
    expect(checks('« Oui » et « non ».', '„Ja“ und nein.', frDe)).toEqual(['quotes']);
  });
});

describe('numbers spelled out with a scale word', () => {
  it('are compared even when no digit differs', () => {
    expect(checks('Un million de touristes sont attendus.', 'A billion tourists are expected.')).toEqual(['numbers']);
    expect(checks('Un million de touristes sont attendus.', 'One million tourists are expected.')).toEqual([]);
  });
});

describe('punctuation spacing depends on the target language', () => {
  it('asks for a no-break space before ! in French targets, not before the colon of a time', () => {
    const viFr: QaOptions = { sourceLang: 'vi', targetLang: 'fr' };
    expect(checks('Tuyệt vời!', 'Formidable!', viFr)).toEqual(['punctuation-spacing']);
    expect(checks('Tuyệt vời!', 'Formidable\u202f!', viFr)).toEqual([]);
    expect(checks('Lúc 14:30.', 'À 14:30.', viFr)).toEqual([]);
  });

  it('reports French spacing leaking into English', () => {
    expect(checks('Pourquoi\u202f?', 'Why ?')).toEqual(['punctuation-spacing']);
  });
});

describe('severity', () => {
  it('can be overridden or turned off per check', () => {
    const opts: QaOptions = { ...frEn, severity: { numbers: 'warning', 'end-punctuation': 'off' } };
    const found = runSegmentQa({ source: 'Hausse de 7,5\u202f% en 2023.', target: 'Up 75% in 2023' }, opts);
    expect(found.map((f) => [f.check, f.severity])).toEqual([['numbers', 'warning']]);
  });
});

describe('doubled words', () => {
  it('allows Vietnamese reduplication and French reflexive pronouns but not a doubled function word', () => {
    const frVi: QaOptions = { sourceLang: 'fr', targetLang: 'vi' };
    expect(checks('Ils reviennent peu à peu.', 'Họ đang dần dần quay trở lại.', frVi)).toEqual([]);
    expect(checks('Ils reviennent et partent.', 'Họ quay lại và và đi.', frVi)).toEqual(['double-word']);
    expect(checks('We did it.', 'Nous nous sommes engagés.', { sourceLang: 'en', targetLang: 'fr' })).toEqual([]);
  });
});

describe('untranslated copies', () => {
  it('accepts a copied name but not a copied sentence', () => {
    expect(checks('Lloyd Austin', 'Lloyd Austin')).toEqual([]);
    expect(checks('Le ministre a démissionné hier.', 'Le ministre a démissionné hier.')).toEqual(['untranslated']);
  });
});

describe('URLs', () => {
  it('keeps the sentence full stop out of the URL', () => {
    expect(checks('Voir https://example.org/a.', 'See https://example.org/a.')).toEqual([]);
  });
});

describe('article consistency', () => {
  it('points at the segment that spells a name differently from the rest', () => {
    const found = runArticleQa(
      [
        { key: 'p1', source: 'Nguyễn Văn Thắng parle.', target: 'Nguyễn Văn Thắng speaks.' },
        { key: 'p2', source: 'Selon Nguyễn Văn Thắng, tout va bien.', target: 'According to Nguyễn Văn Thắng, all is well.' },
        { key: 'p3', source: 'Nguyễn Văn Thắng est parti.', target: 'Nguyen Van Thang left.' },
      ],
      frEn,
    );
    expect(found.get('p1')).toEqual([]);
    expect(found.get('p2')).toEqual([]);
    expect(found.get('p3')).toMatchObject([{ check: 'inconsistent-name', span: { side: 'target', start: 0, end: 16 } }]);
  });
});

describe('machine translation as a second opinion', () => {
  it('stays silent when the approved text has the negation in other words', () => {
    expect(checks("Il n'y a pas eu de victimes.", 'Nobody was hurt.', frEn, 'There were no casualties.')).toEqual([]);
  });
  it('reports a negation the human dropped', () => {
    expect(checks("Il n'y a pas eu de victimes.", 'There were casualties.', frEn, 'There were no casualties.')).toEqual(['mt-disagrees']);
  });
});

describe('brackets', () => {
  const frVi: QaOptions = { sourceLang: 'fr', targetLang: 'vi' };
  it('leave a date or a number put in brackets alone (a house style), not a bracket that went missing', () => {
    expect(checks('Le Premier ministre a appelé, mardi 12 mars, à accélérer.', 'Thủ tướng hôm thứ Ba (12/3) kêu gọi đẩy nhanh.', frVi)).toEqual([]);
    expect(checks('Le budget (en hausse de 5 %) a été adopté.', 'The budget (up 5%) was adopted.')).toEqual([]);
    expect(checks('Le budget (en hausse de 5 %) a été adopté.', 'The budget, up 5%, was adopted.')).toEqual(['brackets']);
    expect(checks('Le budget a été adopté.', 'The budget (up was adopted.')).toEqual(['brackets']);
  });
});

describe('quotes', () => {
  it('count a quotation in single quotes inside a double-quoted one (English nesting), not apostrophes', () => {
    expect(checks('« C’est “inacceptable” », a-t-il dit.', '"It is \'unacceptable\'," he said.')).toEqual([]);
    expect(checks('« C’est “inacceptable” », a-t-il dit.', '“It is ‘unacceptable’,” he said.')).toEqual([]);
    // An apostrophe is no quotation: one quotation is still missing.
    expect(checks('« C’est “inacceptable” », a-t-il dit.', '"It\'s unacceptable," he said.')).toEqual(['quotes']);
    expect(checks('« Nous sommes prêts », a dit M. Austin.', '"We\'re ready," Austin\'s spokesman said.')).toEqual([]);
  });
});
