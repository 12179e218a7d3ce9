/**
 * `mt-disagrees`: machine translation as a second opinion on an approved human translation.
 *
 * When the source and the machine candidate agree on something checkable — a number spelled out
 * in words, a name, an acronym, a negation — and the human translation lacks it, the human
 * probably slipped. Digits, dates and URLs are not repeated here: the `numbers`, `dates` and `urls`
 * checks already compare them against the source directly.
 */
import { baseLang, fold, words } from '../text.js';
import { compareTokens, extractNumericTokens, type NumericToken } from '../numbers.js';
import { containsFoldedKey, findAcronyms, findNames, type Name } from '../names.js';
import { BoundedMemo } from '../memo.js';
import { flagsAt, LETTER, UPPER } from '../chars.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

const NEGATION: Record<string, RegExp> = {
  // `(?<![\p{L}])(?:ne(?![\p{L}])|n['’])[^.;!?]*?(?<![\p{L}])(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|nullement)(?![\p{L}])|(?<![\p{L}])(?:sans|aucun|aucune|jamais)(?![\p{L}])`
  // with each leading look-behind moved after the first letter (`n(?<!\p{L}n)`: an n after no
  // letter): the same matches, but V8 can now skip to the letters that may start one instead of
  // trying the look-behind at every position (French sources are read by every language pair).
  fr: /n(?<!\p{L}n)(?:e(?!\p{L})|['’])[^.;!?]*?(?<!\p{L})(?:pas|jamais|plus|rien|personne|aucun|aucune|guère|nullement)(?!\p{L})|s(?<!\p{L}s)ans(?!\p{L})|a(?<!\p{L}a)(?:ucun|ucune)(?!\p{L})|j(?<!\p{L}j)amais(?!\p{L})/giu,
  // News English also negates with a verb: `declined to comment`, `failed to`, `has yet to`.
  // `unless` is `if not` (`Sans accord…` → `unless a deal is reached`).
  en: /(?<![\p{L}])(?:not|no|never|none|nobody|nothing|neither|nor|without|unless|cannot|(?:declin|refus)(?:e|es|ed|ing) to|fail(?:s|ed|ing)? to|yet to|unable to)(?![\p{L}])|n['’]t(?![\p{L}])/giu,
  // `từ chối` (refuse): `từ chối bình luận` for `n'a pas souhaité commenter`. `chưa bao giờ`,
  // `không hề`… are one negation (never, not at all): matched whole, so that the words after
  // one are the verb it negates (see droppedNegation).
  vi: /(?<![\p{L}])(?:(?:chưa|chẳng|không(?! (?:quân|gian|khí|phận|lưu|kích|ảnh)))(?: (?:bao giờ|hề|từng))?|chả|đừng|chớ|từ chối)(?![\p{L}])/giu,
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
    let inCompounds: Set<NumericToken> | undefined;
    for (const t of src) {
      if (inMachine.has(t) && !inHuman.has(t)) {
        // `deux ans de prison` → `a two-year sentence`: the number is the first half of a compound.
        inCompounds ??= new Set(compareTokens(src, extractNumericTokens(numbersInWords(pair.target, opts.targetLang), opts.targetLang)).matched);
        if (inCompounds.has(t)) continue;
        // `les deux pays` → `both countries`, `bilateral trade`, `song phương`: two said as a word of pairs.
        if (t.value === 2 && DUAL[baseLang(opts.targetLang)]?.test(pair.target)) continue;
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
        if (inHuman) continue;
        if (literal ? isAcronymRewritten(pair.source, n, pair.target) : isNameAdapted(n, (foldedHuman ??= fold(pair.target)))) continue;
        out.push({ check: 'mt-disagrees', message: `the source and the machine translation both have “${n.text}”; the approved translation does not`, span: { side: 'source', start: n.start, end: n.end } });
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
    const dropped = droppedNegation(machine, pair.target, opts.targetLang);
    const draft: Draft = {
      check: 'mt-disagrees',
      message: (inHuman === 0
        ? 'the source and the machine translation are negative; the approved translation has no negation'
        : `the source and the machine translation have ${agreed} negation(s); the approved translation ${inHuman}`)
        + (dropped ? '' : ' (reworded: check that the meaning is kept)'),
      span: null,
    };
    // A negation said without a negative word (`ne participera à aucune` → `will stay out of`,
    // `n'a jamais reconnu` → `has always denied`) is how good translators write: when the human
    // text does not keep the machine's words around any of its negations, it was reworded, and
    // the finding is a note. Kept words with the negation gone or swapped is the slip to catch.
    if (!dropped) draft.weak = true;
    out.push(draft);
  }
  return out;
}

/**
 * Whether the human translation keeps the words around one of the machine's negations with the
 * negation itself left out or replaced by one other word (`is not considering` → `is considering`,
 * `không xem xét` → `đang xem xét`). The words are compared folded; a negation that sits at an edge
 * of the machine text is judged on the two words on its other side.
 */
function droppedNegation(machine: string, target: string, lang: string): boolean {
  const re = NEGATION[baseLang(lang)];
  if (!re) return true;
  // A human text without a diacritic when the machine's negations have some (`Khong co nan
  // nhan`) has lost them: its own negation words, if any, cannot be read, so no rewording can be
  // told either.
  const unmarked = target.normalize('NFD').length === target.length;
  const mWords = words(machine);
  const mKeys = mWords.map((w) => fold(w.text));
  const tKeys = words(target).map((w) => fold(w.text));
  const foldedTarget = ` ${tKeys.join(' ')} `;
  // The sites first: the comparison below counts negations with the same expression.
  const sites: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(machine); m !== null; m = re.exec(machine)) sites.push([m.index, m.index + m[0].length]);
  for (const [start, end] of sites) {
    // The negation itself is there, only not readable as one (`khong` for `không`: diacritics
    // lost): no rewording, a damaged text.
    const written = machine.slice(start, end);
    if (unmarked && written.normalize('NFD').length > written.length) return true;
    const negation = words(written).map((w) => fold(w.text)).join(' ');
    if (negation !== '' && foldedTarget.includes(` ${negation} `)) return true;
    // The word before the negation's first word and the word after its last (a contraction
    // `didn't` is one word: its neighbours are the words around it).
    let before = -1;
    let after = mWords.length;
    for (let k = 0; k < mWords.length; k++) {
      const w = mWords[k]!;
      if (w.end <= start) before = k;
      else if (w.start >= end) {
        after = k;
        break;
      }
    }
    const left = mKeys[before];
    const right = mKeys[after];
    if (left !== undefined && right !== undefined) {
      if (hasAround(tKeys, left, right, lang)) return true;
      // The word before may be an auxiliary that goes with the negation (`did not wish` →
      // `wished`): the word before it anchors the comparison too.
      const left2 = mKeys[before - 1];
      if (left2 !== undefined && hasAround(tKeys, left2, right, lang)) return true;
    } else if (right !== undefined) {
      const next = mKeys[after + 1];
      if (next === undefined || hasPair(tKeys, right, next)) return true;
    } else if (left !== undefined) {
      const prev = mKeys[before - 1];
      if (prev === undefined || hasPair(tKeys, prev, left)) return true;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * `left right` or `left X right` in the words, X not itself a negation; `right` may be inflected
 * (`wish` = `wished`: see {@link sameStem}), since taking a negation out may change the verb's form.
 */
function hasAround(keys: string[], left: string, right: string, lang: string): boolean {
  for (let k = 0; k + 1 < keys.length; k++) {
    if (keys[k] !== left) continue;
    if (sameStem(keys[k + 1]!, right)) return true;
    if (k + 2 < keys.length && sameStem(keys[k + 2]!, right) && negations(keys[k + 1]!, lang) === 0) return true;
  }
  return false;
}

/** Equal, or one a prefix of the other by at most three letters with four in common (`consider`, `considering`). */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length - short.length <= 3 && long.startsWith(short);
}

function hasPair(keys: string[], a: string, b: string): boolean {
  for (let k = 0; k + 1 < keys.length; k++) if (keys[k] === a && keys[k + 1] === b) return true;
  return false;
}

/**
 * The text with two ways of writing a number that news uses and the token reader does not take
 * made readable, for a second look at a spelled-out source number the human text seems to lack:
 * the hyphen of a compound whose second half is no number becomes a space (`two-year` → `two
 * year`, `six-week`; `twenty-two` stays one number), and a Roman numeral after a lower-case word
 * becomes digits (`quý III` for `troisième trimestre`, `World War II`; a lone `I` only in
 * Vietnamese, where it is no pronoun).
 */
function numbersInWords(text: string, lang: string): string {
  let out = text.includes('-') ? text.replace(/(?<=\p{L})-(\p{L}+)/gu, (whole, rest: string) => (extractNumericTokens(rest, lang).length === 0 ? ` ${rest}` : whole)) : text;
  const single = baseLang(lang) === 'vi';
  out = out.replace(/(?<=\p{Ll} )[IVX]+(?![\p{L}\p{N}])/gu, (numeral) => {
    const value = romanValue(numeral);
    return value === undefined || (numeral.length === 1 && !(single && numeral === 'I')) ? numeral : String(value);
  });
  return out;
}

/** Words that say "two" without the number: `deux` is often rendered by them. */
const DUAL: Record<string, RegExp> = {
  en: /\b(?:both|bilateral(?:ly)?|twice|twin|pair|dual|either|neither)\b/i,
  vi: /(?:^|[^\p{L}])(?:cả hai|song phương|đôi|cặp)(?![\p{L}])/iu,
  de: /(?:^|[^\p{L}])(?:beide[nmrs]?|bilateral(?:e[nmrs]?)?|zweimal|paar)(?![\p{L}])/iu,
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** 1–20 for a well-formed Roman numeral up to XX. */
function romanValue(numeral: string): number | undefined {
  const i = ROMAN.indexOf(numeral);
  return i < 0 ? undefined : i + 1;
}

/**
 * Whether an acronym of the source that the human text lacks was rewritten as news does it: it
 * stands in brackets after its expansion in the source (`la Banque centrale européenne (BCE)`),
 * so dropping it loses nothing; or the human text spells it out, with initials in any order
 * (`RN` = `National Rally`, `BCE` = `European Central Bank`, `PSG` = `Paris Saint-Germain`).
 */
function isAcronymRewritten(source: string, acronym: Name, target: string): boolean {
  if (source.charCodeAt(acronym.start - 1) === 0x28 && source.charCodeAt(acronym.end) === 0x29) return true;
  return spelledOut(acronym.text, target);
}

/** Whether consecutive capitalised words of the text (small lower-case words aside) have the acronym's letters as initials. */
function spelledOut(acronym: string, text: string): boolean {
  const letters = [...acronym].sort().join('');
  const n = letters.length;
  let initials: string[] = [];
  const check = (): boolean => {
    for (let k = 0; k + n <= initials.length; k++) if (initials.slice(k, k + n).sort().join('') === letters) return true;
    return false;
  };
  for (const w of words(text)) {
    if ((flagsAt(w.text, 0) & UPPER) !== 0) {
      // Each capitalised part of a hyphenated word (`Saint-Germain`, `Co-operation`) is one initial.
      for (let i = 0; i < w.text.length; i++) {
        if ((i === 0 || w.text.charCodeAt(i - 1) === 0x2d) && (flagsAt(w.text, i) & UPPER) !== 0) initials.push(fold(w.text[i]!).toUpperCase());
      }
    } else if (w.text.length > 3 || (flagsAt(w.text, 0) & LETTER) === 0) {
      if (initials.length >= n && check()) return true;
      initials = [];
    }
  }
  return initials.length >= n && check();
}

/**
 * Whether a name of the source whose last word is a hyphenated compound is in the human text
 * with that compound's last part translated: `Hô Chi Minh-Ville` as `Ho Chi Minh City` or
 * `TP Hồ Chí Minh`. The rest of the name (two words at least) must be there as it is.
 */
function isNameAdapted(name: Name, foldedTarget: string): boolean {
  const hyphen = name.key.lastIndexOf('-');
  if (hyphen < 0 || name.key.indexOf(' ') < 0 || name.key.indexOf(' ', hyphen) >= 0) return false;
  const stem = name.key.slice(0, hyphen);
  return stem.indexOf(' ') > 0 && containsFoldedKey(foldedTarget, stem);
}
