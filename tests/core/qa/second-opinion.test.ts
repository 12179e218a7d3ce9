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
