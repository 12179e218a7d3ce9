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

/** Check ids with their severity, for rules that report some findings as notes (`info`). */
const graded = (source: string, target: string, opts: QaOptions = frEn, machine?: string) =>
  runSegmentQa(machine === undefined ? { source, target } : { source, target, machine }, opts).map((f) => `${f.check}:${f.severity}`);
const nnbsp = (s: string) => s.replaceAll('« ', '«\u202f').replaceAll(' »', '\u202f»').replaceAll(' ?', '\u202f?').replaceAll(' !', '\u202f!');

describe('what professional news translation does on purpose is a note, not a warning', () => {
  it('a quotation turned into reported speech; an unbalanced quotation stays a warning', () => {
    expect(graded(nnbsp('« Nous ne participerons à aucune coalition », a affirmé le chef du parti.'), 'The party leader said it would take part in no coalition.')).toEqual(['quotes:info']);
    expect(graded(nnbsp('« Nous sommes prêts », a déclaré le ministre.'), 'We are ready,” the minister said.')).toEqual(['quotes:warning']);
  });

  it('an aside dropped or written between commas; an unbalanced bracket stays a warning', () => {
    expect(graded('Météo-France a placé 14 départements en vigilance orange à partir de 16 h (heure locale).', 'Météo-France put 14 departments on orange alert from 4 p.m.')).toEqual(['brackets:info']);
    expect(graded('Le ministre (qui s’exprimait depuis Bruxelles) a appelé à la retenue.', 'The minister (speaking from Brussels called for restraint.')).toEqual(['brackets:warning']);
  });

  it('an acronym in brackets after its expansion is no aside to carry over, on either side', () => {
    expect(graded('La Banque centrale européenne (BCE) a maintenu ses taux.', 'The European Central Bank held rates steady.')).toEqual([]);
    expect(graded('L’Organisation mondiale de la santé a parlé.', 'The World Health Organization (WHO) spoke.')).toEqual([]);
  });

  it('a question reported as an indirect one, an exclamation or ellipsis toned down; a question made a statement stays a warning', () => {
    expect(graded(nnbsp('Faut-il prolonger le confinement ?'), 'Experts are divided over whether to extend the lockdown.')).toEqual(['end-punctuation:info']);
    expect(graded(nnbsp('Les autorités appellent à la prudence !'), 'Authorities urged caution.')).toEqual(['end-punctuation:info']);
    expect(graded(nnbsp('Est-ce la fin de la guerre ?'), 'This is the end of the war.')).toEqual(['end-punctuation:warning']);
    expect(graded(nnbsp('Est-ce la fin de la guerre ?'), 'Đây là dấu chấm hết của cuộc chiến.', { sourceLang: 'fr', targetLang: 'vi' })).toEqual(['end-punctuation:warning']);
    expect(graded(nnbsp('Est-ce la fin de la guerre ?'), 'Chưa rõ liệu đây có phải là dấu chấm hết của cuộc chiến.', { sourceLang: 'fr', targetLang: 'vi' })).toEqual(['end-punctuation:info']);
  });

  it('a condensed translation down to 30 % of the usual length, or a short explanation added; less, or a repetition, stays a warning', () => {
    const long = 'Le groupe automobile Renault a annoncé la suppression de 2 000 postes dans le monde, dont un tiers en France, dans le cadre de son plan de restructuration présenté jeudi aux syndicats.';
    expect(graded(long, 'Renault will cut 2,000 jobs worldwide, a third of them in France.')).toEqual(['length-ratio:info']);
    expect(graded(long, 'Renault will cut 2,000 jobs.')).toEqual(['length-ratio:warning']);
    expect(graded('L’OMS a salué la décision du gouvernement.', 'The World Health Organization (WHO), the United Nations health agency, welcomed the government’s decision.')).toEqual(['length-ratio:info']);
    expect(graded('L’OMS a salué la décision du gouvernement.', 'The WHO welcomed the government’s decision. The WHO welcomed the government’s decision.')).toEqual(['length-ratio:warning']);
  });

  it('a note stays info when the project raised the check, and goes with the check when it is off', () => {
    const source = nnbsp('« Nous sommes prêts », a déclaré le ministre.');
    expect(graded(source, 'The minister said they were ready.', { ...frEn, severity: { quotes: 'error' } })).toEqual(['quotes:info']);
    expect(graded(source, 'The minister said they were ready.', { ...frEn, severity: { quotes: 'off' } })).toEqual([]);
  });
});

describe('doubled words that the source doubles too', () => {
  it('are a name kept as it is, not a typo', () => {
    expect(checks('Il a passé ses vacances à Bora Bora.', 'He spent his holiday in Bora Bora.')).toEqual([]);
    expect(checks('Il a passé ses vacances à Bora.', 'He spent his holiday in Bora Bora.')).toEqual(['double-word']);
  });
});

describe('the span of an unbalanced bracket', () => {
  it('points at the bracket outside a URL that the count found, not at one inside the URL', () => {
    const target = 'See https://en.wikipedia.org/wiki/A_(b) and (more.';
    const [f] = runSegmentQa({ source: 'Voir https://en.wikipedia.org/wiki/A_(b) et plus.', target }, frEn).filter((x) => x.check === 'brackets');
    expect(f!.span).toEqual({ side: 'target', start: target.indexOf('(more'), end: target.indexOf('(more') + 1 });
  });
});
