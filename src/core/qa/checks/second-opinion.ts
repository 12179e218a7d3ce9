/**
 * `mt-disagrees`: machine translation as a second opinion on an approved human translation.
 *
 * When the source and the machine candidate agree on something checkable — a number spelled out
 * in words, a name, an acronym, a negation — and the human translation lacks it, the human
 * probably slipped. Digits, dates and URLs are not repeated here: the `numbers`, `dates` and `urls`
 * checks already compare them against the source directly.
 */
import { baseLang } from '../text.js';
import { compareTokens, extractNumericTokens } from '../numbers.js';
import { containsFoldedKey, findAcronyms, findNames } from '../names.js';
import { BoundedMemo } from '../memo.js';
import { fold } from '../text.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

const NEGATION: Record<string, RegExp> = {
  // `(?<![\p{L}])(?:ne(?![\p{L}])|n['’])[^.;!?]*?(?<![\p{L}])(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|nullement)(?![\p{L}])|(?<![\p{L}])(?:sans|aucun|aucune|jamais)(?![\p{L}])`
  // with each leading look-behind moved after the first letter (`n(?<!\p{L}n)`: an n after no
  // letter): the same matches, but V8 can now skip to the letters that may start one instead of
  // trying the look-behind at every position (French sources are read by every language pair).
  fr: /n(?<!\p{L}n)(?:e(?!\p{L})|['’])[^.;!?]*?(?<!\p{L})(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|nullement)(?!\p{L})|s(?<!\p{L}s)ans(?!\p{L})|a(?<!\p{L}a)(?:ucun|ucune)(?!\p{L})|j(?<!\p{L}j)amais(?!\p{L})/giu,
  // News English also negates with a verb: `declined to comment`, `failed to`, `has yet to`.
  en: /(?<![\p{L}])(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|(?:declin|refus)(?:e|es|ed|ing) to|fail(?:s|ed|ing)? to|yet to|unable to)(?![\p{L}])|n['’]t(?![\p{L}])/giu,
  // `từ chối` (refuse): `từ chối bình luận` for `n'a pas souhaité commenter`.
  vi: /(?<![\p{L}])(?:chưa|chẳng|chả|đừng|chớ|từ chối|không(?! (?:quân|gian|khí|phận|lưu|kích|ảnh)))(?![\p{L}])/giu,
  de: /(?<![\p{L}])(?:nicht|nie|niemals|kein|keine|keinen|keiner|nichts|niemand|ohne)(?![\p{L}])/giu,
};

/** How many negations a text has (`ne … pas` counts once); undefined for a language without rules. */
export function negations(text: string, lang: string): number | undefined {
  const re = NEGATION[baseLang(lang)];
  if (!re) return undefined;
  re.lastIndex = 0;
  let count = 0;
  while (re.exec(text) !== null) count++;
  return count;
}

/** The same for a source paragraph, which is read once per target language: remembered. */
function sourceNegations(text: string, lang: string): number | undefined {
  const key = baseLang(lang);
  let byText = SOURCE_NEGATIONS.get(key);
  if (!byText) SOURCE_NEGATIONS.set(key, (byText = new BoundedMemo()));
  return byText.has(text) ? byText.get(text) : byText.set(text, negations(text, lang));
}

const SOURCE_NEGATIONS = new Map<string, BoundedMemo<string, number | undefined>>();

export function checkSecondOpinion(pair: SegmentPair, opts: QaOptions): Draft[] {
  const machine = pair.machine;
  if (machine === undefined || machine.trim() === '' || pair.target.trim() === '') return [];
  if (machine.trim() === pair.target.trim()) return [];
  const out: Draft[] = [];

  // Numbers spelled out in the source (`trois`), which `numbers` cannot hold against the target.
  const src = extractNumericTokens(pair.source, opts.sourceLang).filter((t) => t.kind === 'number' && t.word && t.value !== 1);
  if (src.length > 0) {
    const inMachine = new Set(compareTokens(src, extractNumericTokens(machine, opts.targetLang)).matched);
    const inHuman = new Set(compareTokens(src, extractNumericTokens(pair.target, opts.targetLang)).matched);
    for (const t of src) {
      if (inMachine.has(t) && !inHuman.has(t)) {
        out.push({ check: 'mt-disagrees', message: `the source says “${t.text}” (${t.value}) and so does the machine translation; the approved translation does not`, span: { side: 'source', start: t.start, end: t.end } });
      }
    }
  }

  // Names and acronyms the machine kept but the human changed or dropped.
  const names = findNames(pair.source);
  const acronyms = findAcronyms(pair.source);
  if (names.length + acronyms.length > 0) {
    const seen = new Set<string>();
    // Both texts are folded only when a name needs it (an acronym is looked for as it is).
    let foldedMachine: string | undefined;
    let foldedHuman: string | undefined;
    for (const list of [names, acronyms]) {
      for (const n of list) {
        if (seen.has(n.key)) continue;
        seen.add(n.key);
        const literal = n.key === n.text;
        const inMachine = literal ? machine.includes(n.text) : containsFoldedKey((foldedMachine ??= fold(machine)), n.key);
        if (!inMachine) continue;
        const inHuman = literal ? pair.target.includes(n.text) : containsFoldedKey((foldedHuman ??= fold(pair.target)), n.key);
        if (!inHuman) {
          out.push({ check: 'mt-disagrees', message: `the source and the machine translation both have “${n.text}”; the approved translation does not`, span: { side: 'source', start: n.start, end: n.end } });
        }
      }
    }
  }

  // Negation: the source and the machine negate, the human text negates less often. Counting
  // (not just presence) catches one dropped "not" in a paragraph that has others. Each count is
  // only taken when the ones before it leave the answer open.
  const inSource = sourceNegations(pair.source, opts.sourceLang) ?? 0;
  const inMachine = inSource > 0 ? negations(machine, opts.targetLang) ?? 0 : 0;
  const agreed = Math.min(inSource, inMachine);
  const inHuman = agreed > 0 ? negations(pair.target, opts.targetLang) : undefined;
  if (agreed > 0 && inHuman !== undefined && inHuman < agreed) {
    out.push({
      check: 'mt-disagrees',
      message: inHuman === 0
        ? 'the source and the machine translation are negative; the approved translation has no negation'
        : `the source and the machine translation have ${agreed} negation(s); the approved translation ${inHuman}`,
      span: null,
    });
  }
  return out;
}
