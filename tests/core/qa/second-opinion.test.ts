import { describe, expect, it } from 'vitest';
import { negations } from '../../../src/core/qa/checks/second-opinion.js';
import { runSegmentQa } from '../../../src/core/qa/run.js';

// The French rule as it was written before its look-behinds moved after the first letter.
const FRENCH =
  /(?<![\p{L}])(?:ne(?![\p{L}])|n['’])[^.;!?]*?(?<![\p{L}])(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|nullement)(?![\p{L}])|(?<![\p{L}])(?:sans|aucun|aucune|jamais)(?![\p{L}])/giu;

describe('French negations', () => {
  it('count ne … pas once, and sans, aucun, jamais alone', () => {
    expect(negations('Il ne viendra pas. Une personne sans billet n’a jamais rien vu.', 'fr')).toBe(3);
    expect(negations('Aucune décision ; une personne, jamais.', 'fr')).toBe(2);
    expect(negations('Une personne donne un avis.', 'fr')).toBe(0);
  });

  it('match as the rule with leading look-behinds did, on random texts', () => {
    const pieces = ['ne', 'Ne', 'NE', 'n’', "n'", 'pas', 'PAS', 'jamais', 'plus', 'rien', 'personne', 'aucun', 'aucune', 'aucuns', 'guère', 'nullement',
      'sans', 'Sans', 'ſans', 'une', 'x', 'é', '\u0301', '\u{1D41A}', '-', 'n', 's', 'a', 'j', ' ', ' ', ' ', '.', ';', '?'];
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 20000; n++) {
      let t = '';
      for (let i = next() % 10; i >= 0; i--) t += pieces[next() % pieces.length];
      expect(negations(t, 'fr'), JSON.stringify(t)).toBe([...t.matchAll(FRENCH)].length);
    }
  });
});

describe('negations that news English and Vietnamese write with a verb', () => {
  it('count `declined to`, `failed to`, `has yet to`, `từ chối` as negations, and `confirmed` as none', () => {
    expect(negations('The ministry declined to comment.', 'en')).toBe(1);
    expect(negations('He failed to specify the date; it has yet to be set.', 'en')).toBe(2);
    expect(negations('He refused to answer.', 'en')).toBe(1);
    expect(negations('He confirmed it.', 'en')).toBe(0);
    expect(negations('Bộ từ chối bình luận.', 'vi')).toBe(1);
  });

  it('so a paraphrase of a negation is no disagreement with the machine translation', () => {
    const opinion = (target: string) =>
      runSegmentQa({ source: 'Le ministère n’a pas souhaité commenter.', machine: 'The ministry did not wish to comment.', target }, { sourceLang: 'fr', targetLang: 'en' }).map((f) => f.check);
    expect(opinion('The ministry declined to comment.')).toEqual([]);
    expect(opinion('The ministry commented at length.')).toEqual(['mt-disagrees']);
  });
});

describe('a negation the approved translation words without a negative word', () => {
  const fr = (s: string) => s.replaceAll('« ', '«\u202f').replaceAll(' »', '\u202f»');
  const opinion = (source: string, machine: string, target: string, targetLang = 'en') =>
    runSegmentQa({ source: fr(source), machine, target }, { sourceLang: 'fr', targetLang }).filter((f) => f.check === 'mt-disagrees').map((f) => f.severity);

  it('is a note when the machine’s words around the negation are gone (a rewording)', () => {
    expect(opinion('« Nous ne participerons à aucune coalition », a affirmé le chef du parti.', '“We will not participate in any coalition,” said the party leader.', 'The party leader said it would stay out of any coalition.')).toEqual(['info']);
    expect(opinion('Kylian Mbappé ne jouera pas contre l’Espagne.', 'Kylian Mbappé will not play against Spain.', 'Kylian Mbappe will miss the game against Spain.')).toEqual(['info']);
    expect(opinion('L’accusé n’a jamais reconnu sa culpabilité.', 'Bị cáo chưa bao giờ thừa nhận tội lỗi của mình.', 'Bị cáo luôn khẳng định mình vô tội.', 'vi')).toEqual(['info']);
  });

  it('is a warning when the words around it are kept and the negation dropped or replaced', () => {
    expect(opinion('Les États-Unis n’envisagent pas d’envoyer des troupes.', 'The United States is not considering sending troops.', 'The United States is considering sending troops.')).toEqual(['warning']);
    expect(opinion('Kylian Mbappé ne jouera pas contre l’Espagne.', 'Kylian Mbappé will not play against Spain.', 'Kylian Mbappe will play against Spain.')).toEqual(['warning']);
    // An auxiliary that goes with the negation, and an inflected verb.
    expect(opinion('Le ministre n’a pas souhaité commenter.', 'The minister did not wish to comment.', 'The minister wished to comment.')).toEqual(['warning']);
    // Replaced by another word: `đang` (is …ing) for `không`.
    expect(opinion('Les États-Unis n’envisagent pas d’envoyer des troupes.', 'Mỹ không xem xét việc gửi quân.', 'Mỹ đang xem xét việc gửi quân.', 'vi')).toEqual(['warning']);
    // `chưa bao giờ` is one negation: the verb after it is the anchor.
    expect(opinion('L’accusé n’a jamais reconnu sa culpabilité.', 'Bị cáo chưa bao giờ thừa nhận tội lỗi.', 'Bị cáo đã thừa nhận tội lỗi.', 'vi')).toEqual(['warning']);
  });

  it('is a warning when the human text lost its diacritics, so that its negation cannot be read', () => {
    expect(opinion('Le ministre n’a pas souhaité commenter.', 'Bộ trưởng không muốn bình luận.', 'Bo truong tu choi binh luan.', 'vi')).toEqual(['warning']);
    expect(opinion('Le ministre n’a pas souhaité commenter.', 'Bộ trưởng không muốn bình luận.', 'Bo truong khong muon binh luan.', 'vi')).toEqual(['warning']);
  });

  it('counts `unless` as the negation it is', () => {
    expect(opinion('Sans accord d’ici vendredi, la grève sera reconduite.', 'Without an agreement by Friday, the strike will be extended.', 'The strike will continue unless a deal is reached by Friday.')).toEqual([]);
  });
});

describe('names and acronyms the approved translation renders as news does', () => {
  const opinion = (source: string, machine: string, target: string) =>
    runSegmentQa({ source, machine, target }, { sourceLang: 'fr', targetLang: 'en' }).filter((f) => f.check === 'mt-disagrees').map((f) => f.message);

  it('accept an acronym dropped after its expansion, or spelled out with its initials in any order', () => {
    expect(opinion('La Banque centrale européenne (BCE) a maintenu ses taux.', 'The European Central Bank (ECB) kept its rates.', 'The European Central Bank held rates.')).toEqual([]);
    expect(opinion('Le RN a remporté les élections européennes.', 'The RN won the European elections.', 'The National Rally won the European elections.')).toEqual([]);
    expect(opinion('Le PSG a battu Lens.', 'PSG beat Lens.', 'Paris Saint-Germain beat Lens.')).toEqual([]);
  });

  it('still report an acronym dropped or replaced', () => {
    expect(opinion('Cinq missiles ATACMS ont été lancés.', 'Five ATACMS missiles were launched.', 'Five missiles were launched.')).toHaveLength(1);
    expect(opinion('Le RN a remporté les élections européennes.', 'The RN won the European elections.', 'The far right won the European elections.')).toHaveLength(1);
  });

  it('accept a place name whose hyphenated last part is translated, not another name', () => {
    expect(opinion('Les inondations ont frappé Hô Chi Minh-Ville.', 'Floods hit Hô Chi Minh-Ville.', 'Floods hit Ho Chi Minh City.')).toEqual([]);
    expect(opinion('Les inondations ont frappé Hô Chi Minh-Ville.', 'Floods hit Hô Chi Minh-Ville.', 'Floods hit Hanoi.')).toHaveLength(1);
    expect(opinion('Le porte-parole, Patrick Ryder, a parlé.', 'The spokesman, Patrick Ryder, spoke.', 'The spokesman, Pat Rider, spoke.')).toHaveLength(1);
  });
});

describe('spelled-out numbers the approved translation writes as news does', () => {
  const opinion = (source: string, machine: string, target: string, targetLang = 'en') =>
    runSegmentQa({ source, machine, target }, { sourceLang: 'fr', targetLang }).filter((f) => f.check === 'mt-disagrees').length;

  it('read the first half of a compound (`two-year`) and a Roman numeral after a word (`quý III`)', () => {
    expect(opinion('Il a été condamné à deux ans de prison.', 'He was sentenced to two years in prison.', 'He was given a two-year prison sentence.')).toBe(0);
    expect(opinion('Il a été condamné à deux ans de prison.', 'He was sentenced to two years in prison.', 'He was given a three-year prison sentence.')).toBe(1);
    expect(opinion('La croissance a atteint 6 % au troisième trimestre.', 'Tăng trưởng đạt 6% trong quý thứ ba.', 'Tăng trưởng đạt 6% trong quý III.', 'vi')).toBe(0);
    expect(opinion('La croissance a atteint 6 % au troisième trimestre.', 'Tăng trưởng đạt 6% trong quý thứ ba.', 'Tăng trưởng đạt 6% trong quý II.', 'vi')).toBe(1);
  });

  it('read `deux` in a word of pairs (`both`, `bilateral`, `song phương`), not in another number', () => {
    const source = 'Les échanges entre les deux pays ont atteint un record.';
    expect(opinion('Les deux pays ont signé un accord.', 'The two countries signed an agreement.', 'Both countries signed a deal.')).toBe(0);
    expect(opinion(source, 'Trade between the two countries reached a record.', 'Bilateral trade hit a record.')).toBe(0);
    expect(opinion(source, 'Thương mại giữa hai nước đạt kỷ lục.', 'Thương mại song phương đạt kỷ lục.', 'vi')).toBe(0);
    expect(opinion(source, 'Trade between the two countries reached a record.', 'Trade between the three countries hit a record.')).toBe(1);
  });
});

describe('a negation of the machine text next to a word between kept words', () => {
  it('is judged once per negation (the check counts the word between with the same expression)', () => {
    // Each negation's words around it are looked for with a word between them; that word is
    // tested for being a negation too, which must not restart the walk over the machine text.
    const found = runSegmentQa(
      { source: 'Il ne viendra pas et ne restera pas.', machine: 'He will not come and will not stay.', target: 'He will surely come and will surely stay.' },
      { sourceLang: 'fr', targetLang: 'en' },
    );
    expect(found.map((f) => [f.check, f.severity])).toEqual([['mt-disagrees', 'warning']]);
  });
});
