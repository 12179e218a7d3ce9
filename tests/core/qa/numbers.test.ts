import { describe, expect, it } from 'vitest';
import { checkNumbers } from '../../../src/core/qa/checks/numbers.js';
import { compareTokens, extractNumericTokens } from '../../../src/core/qa/numbers.js';
import { unitAfter } from '../../../src/core/qa/units.js';

const values = (text: string, lang: string) =>
  extractNumericTokens(text, lang)
    .filter((t) => !t.word)
    .map((t) => (t.kind === 'number' ? t.value : `${t.kind}:${t.value}`));

describe('numbers read as values per locale', () => {
  it('reads French decimal commas and every kind of group space', () => {
    expect(values('Hausse de 7,5 % en 2023.', 'fr')).toEqual([7.5, 2023]);
    expect(values('1 200 000 habitants', 'fr')).toEqual([1200000]);
    expect(values('1\u00A0200\u00A0000 habitants', 'fr')).toEqual([1200000]);
    expect(values('1\u202F200\u202F000 habitants', 'fr')).toEqual([1200000]);
  });

  it('reads English and Vietnamese group and decimal marks', () => {
    expect(values('Up 7.5% to 1,200,000 people', 'en')).toEqual([7.5, 1200000]);
    expect(values('tăng 7,5% lên 1.200.000 người', 'vi')).toEqual([7.5, 1200000]);
    // A Vietnamese text with an English decimal point is wrong: it reads as two numbers.
    expect(values('tăng 7.5%', 'vi')).toEqual([7, 5]);
  });

  it('does not glue a year to the number after it', () => {
    expect(values('en 2023, 25 personnes', 'fr')).toEqual([2023, 25]);
    expect(values('en 2023 200 personnes', 'fr')).toEqual([2023, 200]);
    expect(values('in 2023, 25 people', 'en')).toEqual([2023, 25]);
  });

  it('applies scale words, including the French long-scale billion', () => {
    expect(values('1,2 milliard d’euros', 'fr')).toEqual([1.2e9]);
    expect(values('€1.2 billion', 'en')).toEqual([1.2e9]);
    expect(values('1,2 tỷ euro', 'vi')).toEqual([1.2e9]);
    expect(values('3 billions', 'fr')).toEqual([3e12]);
    expect(values('3.000 nghìn tỷ đồng', 'vi')).toEqual([3e15]);
    expect(values('un million de personnes', 'fr')).toEqual([1e6]);
    expect(values('a million people', 'en')).toEqual([1e6]);
    expect(values('$2.5m', 'en')).toEqual([2.5e6]);
    expect(values('a 25 m wall', 'en')).toEqual([25]);
  });

  it('reads dates as day and month, whatever the order', () => {
    expect(values('le 25 juin 2024', 'fr')).toEqual([25, 'month:6', 2024]);
    expect(values('on June 25, 2024', 'en')).toEqual(['month:6', 25, 2024]);
    expect(values('ngày 25 tháng 6 năm 2024', 'vi')).toEqual([25, 'month:6', 2024]);
    expect(values('ngày 25/6', 'vi')).toEqual([25, 'month:6']);
    expect(values('trong 3 tháng', 'vi')).toEqual([3]);
    expect(values('vào tháng Sáu', 'vi')).toEqual(['month:6']);
    // `may` is a verb; `May` alone is a month that may also be a name (see below).
    expect(extractNumericTokens('You may go in May', 'en').map((t) => [t.kind, t.value, t.word === true])).toEqual([['month', 5, true]]);
  });

  it('takes a month name with no day or year beside it as uncertain when it may be a name', () => {
    const read = (text: string, lang: string) => extractNumericTokens(text, lang).map((t) => [t.text, t.kind, t.word === true]);
    // French writes months in lower case: a capital makes a person or a planet possible.
    expect(read('en mai', 'fr')).toEqual([['mai', 'month', false]]);
    expect(read('Mme Nguyễn Thị Mai', 'fr')).toEqual([['Mai', 'month', true]]);
    expect(read('la planète Mars', 'fr')).toEqual([['Mars', 'month', true]]);
    expect(read('Mars 2024 : bilan', 'fr')).toEqual([['Mars', 'month', false], ['2024', 'number', false]]);
    // English and German capitalise every month: alone, each is uncertain; with a day or year, a date.
    expect(read('Theresa May', 'en')).toEqual([['May', 'month', true]]);
    expect(read('on May 5', 'en')).toEqual([['May', 'month', false], ['5', 'number', false]]);
    // An uncertain month matches a certain one but is never reported on its own.
    const fr = extractNumericTokens('Les élections auront lieu en mai.', 'fr');
    expect(compareTokens(fr, extractNumericTokens('The elections will be held in May.', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('Theresa May a démissionné.', 'fr'), extractNumericTokens('Theresa May resigned.', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(fr, extractNumericTokens('The elections will be held in March.', 'en')).missing.map((t) => t.text)).toEqual(['mai']);
  });

  it('reads clock times in 24-hour and 12-hour notations', () => {
    const fr = extractNumericTokens('à 14h30', 'fr');
    const en = extractNumericTokens('at 2:30 p.m.', 'en');
    expect(compareTokens(fr, en).missing).toEqual([]);
    expect(compareTokens(extractNumericTokens('à 14 h 30', 'fr'), extractNumericTokens('at 4:30 p.m.', 'en')).missing).toHaveLength(1);
  });

  it('reads the British `8.30am` as a time, and `8.30` alone as a decimal', () => {
    expect(compareTokens(extractNumericTokens('à 20 h 30', 'fr'), extractNumericTokens('at 8.30pm', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('à 8 h 30', 'fr'), extractNumericTokens('at 8.30 a.m.', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('à 20 h 30', 'fr'), extractNumericTokens('at 8.30am', 'en')).missing).toHaveLength(1);
    expect(values('up 8.30 points', 'en')).toEqual([8.3]);
  });

  it('reads French Roman-numeral centuries', () => {
    expect(values('au XXIe siècle', 'fr')).toEqual([21]);
    expect(values('in the 21st century', 'en')).toEqual([21]);
    expect(values('thế kỷ XXI', 'vi')).toEqual([21]);
  });

  it('ignores digits inside URLs', () => {
    expect(values('voir https://example.com/article-185240626.htm', 'fr')).toEqual([]);
  });
});

describe('compareTokens', () => {
  const cmp = (s: string, sl: string, t: string, tl: string) => compareTokens(extractNumericTokens(s, sl), extractNumericTokens(t, tl));

  it('finds the ×10 decimal-comma error', () => {
    const r = cmp('Hausse de 7,5 % en 2023.', 'fr', 'Up 75% in 2023.', 'en');
    expect(r.missing.map((t) => t.text)).toEqual(['7,5']);
    expect(r.extra.map((t) => t.text)).toEqual(['75']);
  });

  it('compares spelled-out numbers with a scale word as values', () => {
    expect(cmp('un million de personnes', 'fr', 'a billion people', 'en').missing.map((t) => t.value)).toEqual([1e6]);
    expect(cmp('un million de personnes', 'fr', 'one million people', 'en').missing).toEqual([]);
  });

  it('matches digits with digits before spelled-out words, and keeps each list in text order', () => {
    const r = cmp('trois et 3, puis 3 et 5', 'fr', '3 then three, 5 and 7', 'en');
    // The second `3` falls back on `three`; `trois` then finds nothing, and is not reported.
    expect(r.matched.map((t) => t.text)).toEqual(['3', '3', '5']);
    expect(r.missing).toEqual([]);
    expect(r.extra.map((t) => t.text)).toEqual(['7']);
  });

  it('accepts a digit spelled out on the other side', () => {
    expect(cmp('cinq missiles, 3 morts', 'fr', 'five missiles, three dead', 'en').missing).toEqual([]);
    expect(cmp('trois morts', 'fr', '3 dead', 'en').extra).toEqual([]);
  });
});

describe('word scanning edge cases (the hand-written scans read what the old patterns read)', () => {
  const read = (text: string, lang: string, words = true) =>
    extractNumericTokens(text, lang, { words }).map((t) => [t.text, t.kind === 'number' ? t.value : `${t.kind}:${t.value}`, t.start]);

  it('reads spelled-out numbers only as whole words, at either end of the text', () => {
    expect(read('un', 'fr')).toEqual([['un', 1, 0]]);
    expect(read('Deux chats et trois', 'fr')).toEqual([['Deux', 2, 0], ['trois', 3, 14]]);
    expect(read('chacun aucune unis', 'fr')).toEqual([]);
    expect(read('UN', 'fr')).toEqual([['UN', 1, 0]]);
  });

  it('treats a hyphen as part of the word', () => {
    expect(read('dix-sept ans', 'fr')).toEqual([['dix-sept', 17, 0]]);
    // `vingt-deux` holds no `deux`: it is read whole, as the compound it is.
    expect(read('vingt-deux ans', 'fr')).toEqual([['vingt-deux', 22, 0]]);
    expect(read('-un-', 'fr')).toEqual([]);
  });

  it('reads hyphenated compound numbers by adding their pieces (quatre-vingt is 80)', () => {
    const value = (text: string, lang: string) => extractNumericTokens(text, lang).map((t) => t.value);
    expect(value('soixante-dix-sept', 'fr')).toEqual([77]);
    expect(value('quatre-vingt-dix-neuf', 'fr')).toEqual([99]);
    expect(value('quatre-vingts', 'fr')).toEqual([80]);
    expect(value('vingt-et-un', 'fr')).toEqual([21]);
    expect(value('twenty-two', 'en')).toEqual([22]);
    expect(value('quatre-vingt mille', 'fr')).toEqual([80000]);
    // Words that only look like it: a name, a fraction, an ordinal inside.
    expect(value('Jean-Pierre', 'fr')).toEqual([]);
    expect(value('trois-quarts', 'fr')).toEqual([]);
    expect(value('vingt-premier', 'fr')).toEqual([]);
    // A spelled-out number stands for the digits on the other side.
    expect(compareTokens(extractNumericTokens('Il a trente-cinq ans.', 'fr'), extractNumericTokens('He is 35.', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('le typhon le plus puissant depuis trente ans', 'fr'), extractNumericTokens('the strongest typhoon in 30 years', 'en'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('baisse de 0,5 point', 'fr'), extractNumericTokens('down half a percentage point', 'en'))).toMatchObject({ missing: [], extra: [] });
  });

  it('reads a word after an apostrophe', () => {
    expect(read('l’un et l\'une', 'fr')).toEqual([['un', 1, 2], ['une', 1, 10]]);
  });

  it('reads scale words after a no-break or narrow no-break space, and glued abbreviations only glued', () => {
    expect(read('3\u00A0millions', 'fr')).toEqual([['3\u00A0millions', 3e6, 0]]);
    expect(read('3\u202Fmilliards', 'fr')).toEqual([['3\u202Fmilliards', 3e9, 0]]);
    expect(read('3bn and 3 bn', 'en')).toEqual([['3bn', 3e9, 0], ['3', 3, 8]]);
    expect(read('un million', 'fr', false)).toEqual([['un million', 1e6, 0]]);
    expect(read('a million', 'en', false)).toEqual([['a million', 1e6, 0]]);
    expect(read('a dog', 'en')).toEqual([]);
  });

  it('reads Vietnamese words with their diacritics', () => {
    expect(read('một triệu người', 'vi')).toEqual([['một triệu', 1e6, 0]]);
    expect(read('Năm 2024', 'vi')).toEqual([['Năm', 5, 0], ['2024', 2024, 4]]);
    expect(read('mot trieu', 'vi')).toEqual([]);
  });

  it('sees a letter or a number outside the Basic Multilingual Plane as part of the word', () => {
    expect(read('𝐀un', 'fr')).toEqual([]);
    expect(read('😀un', 'fr')).toEqual([['un', 1, 2]]);
    expect(read('un𝟙', 'fr')).toEqual([]);
    expect(read('3𝟙', 'fr')).toEqual([]);
    expect(read('𝟙3', 'fr')).toEqual([]);
  });

  it('reads month names whole, abbreviations with their dot, English and German ones only capitalised', () => {
    expect(read('le 3 sept. et en sept', 'fr')).toEqual([['3', 3, 3], ['sept.', 'month:9', 5], ['sept', 7, 17]]);
    expect(read('MAI 2024', 'fr')).toEqual([['MAI', 'month:5', 0], ['2024', 2024, 4]]);
    expect(read('Jan.5 and Sept. 3', 'en')).toEqual([['Jan.', 'month:1', 0], ['5', 5, 4], ['Sept.', 'month:9', 10], ['3', 3, 16]]);
    expect(read('you may march', 'en')).toEqual([]);
    expect(read('Mai and mai', 'de')).toEqual([['Mai', 'month:5', 0]]);
    expect(read('maintenant', 'fr')).toEqual([]);
  });

  it('reads `sept.` as September only beside a day or a year: at the end of a sentence it is seven', () => {
    expect(values('Ils étaient sept.', 'fr')).toEqual([]);
    expect(extractNumericTokens('Ils étaient sept.', 'fr').map((t) => [t.value, t.word])).toEqual([[7, true]]);
    expect(values('Le 12 sept. 2024', 'fr')).toEqual([12, 'month:9', 2024]);
    expect(values('En sept.\u00A02024', 'fr')).toEqual(['month:9', 2024]);
    expect(values('le 3 sept., puis', 'fr')).toEqual([3, 'month:9']);
    // `janv.` is no number word: it is a month wherever it stands.
    expect(values('Fin janv., rien.', 'fr')).toEqual(['month:1']);
  });

  it('reads the words for "one" before a scale word in their own language only', () => {
    // French `a` is a verb (has), not "one": `a mille raisons` holds no 1000.
    expect(values('La France a mille raisons.', 'fr')).toEqual([]);
    expect(values('Il y a un million de personnes.', 'fr')).toEqual([1000000]);
    expect(values('There are a million reasons.', 'en')).toEqual([1000000]);
    expect(values('Es gibt eine Million Gründe.', 'de')).toEqual([1000000]);
  });

  it('reads French `mille` on its own as a thousand and after a number as a scale, once', () => {
    const read = (text: string) => extractNumericTokens(text, 'fr').map((t) => [t.text, t.value, t.word === true]);
    expect(read('Mille personnes')).toEqual([['Mille', 1000, true]]);
    expect(read('deux mille personnes')).toEqual([['deux mille', 2000, false]]);
    expect(read('3 mille ans')).toEqual([['3 mille', 3000, false]]);
    expect(read('mille milliards')).toEqual([['mille milliards', 1e12, false]]);
    expect(read('un millier de soldats')).toEqual([['un millier', 1000, false]]);
    expect(read('des milliers de soldats')).toEqual([]);
    // A thousand in English is as definite as digits, and matches the French word.
    expect(compareTokens(extractNumericTokens('Mille personnes', 'fr'), extractNumericTokens('A thousand people', 'en'))).toMatchObject({ missing: [], extra: [] });
  });

  it('reads a Vietnamese day/month without ngày as an uncertain date (it may be a fraction)', () => {
    const read = (text: string) => extractNumericTokens(text, 'vi').map((t) => [t.kind, t.value, t.word === true]);
    expect(read('hôm thứ Ba (12/3)')).toEqual([['number', 3, true], ['number', 12, true], ['month', 3, true]]);
    expect(read('ngày 8-9/10')).toEqual([['number', 8, true], ['number', 9, true], ['month', 10, true]]);
    expect(read('1/3 dân số')).toEqual([['number', 1, true], ['month', 3, true]]);
    expect(read('ngày 25/6/2024')).toEqual([['number', 25, false], ['month', 6, false], ['number', 2024, false]]);
    expect(read('tỷ lệ 3/4,5')).toEqual([['number', 3, false], ['number', 4.5, false]]);
    // It stands for the source's date, and a wrong day is still found from the source side.
    expect(compareTokens(extractNumericTokens('mardi 12 mars', 'fr'), extractNumericTokens('hôm thứ Ba (12/3)', 'vi'))).toMatchObject({ missing: [], extra: [] });
    expect(compareTokens(extractNumericTokens('mardi 12 mars', 'fr'), extractNumericTokens('hôm thứ Ba (13/3)', 'vi')).missing.map((t) => t.text)).toEqual(['12']);
    expect(compareTokens(extractNumericTokens('un tiers de la population', 'fr'), extractNumericTokens('1/3 dân số', 'vi'))).toMatchObject({ missing: [], extra: [] });
  });

  it('reads a range of years written short (`2023-24`) as the years it stands for', () => {
    expect(values('the 2023-24 budget', 'en')).toEqual([2023, 2024]);
    expect(values('the 1999/00 season', 'en')).toEqual([1999, 2000]);
    expect(values('2023–24', 'en')).toEqual([2023, 2024]);
    // Not a year range: no four-digit year before, a space around the dash, or too far apart.
    expect(values('pages 12-24', 'en')).toEqual([12, 24]);
    expect(values('2023 - 24', 'en')).toEqual([2023, 24]);
    expect(values('2023-99', 'en')).toEqual([2023, 99]);
  });

  it('takes only its own scale words, never a name inherited from Object', () => {
    expect(values('3 constructor', 'en')).toEqual([3]);
    expect(values('5 toString', 'fr')).toEqual([5]);
  });

  it('does not read numbers inside links, even in a text without digits', () => {
    expect(extractNumericTokens('voir https://exemple.org/trois ici', 'fr')).toEqual([]);
    expect(extractNumericTokens('write to trois@exemple.org', 'fr')).toEqual([]);
  });

  it('reads times and dates next to other characters', () => {
    expect(read('14h30', 'fr')).toEqual([['14h30', 'time:870', 0]]);
    expect(read('114h30', 'fr')).toEqual([['114', 114, 0], ['30', 30, 4]]);
    expect(read('1:14:30', 'en')).toEqual([['1:14', 'time:74', 0], ['30', 30, 5]]);
    expect(read('(25/06/2024)', 'fr')).toEqual([['25', 25, 1], ['06', 'month:6', 4], ['2024', 2024, 7]]);
  });
});

describe('case-insensitive word lists', () => {
  // The scans look a word up by its lower-cased form where the old patterns matched with the `iu`
  // flags (Unicode simple case folding). They agree because every character whose lower case is
  // one character also case-folds to it, and the one whose lower case is longer (İ → i + U+0307)
  // cannot spell a listed word (no list has U+0307).
  it('every character that lower-cases to one character matches it case-insensitively', () => {
    const longer: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const lower = ch.toLowerCase();
      if (lower === ch) continue;
      if ([...lower].length !== 1) {
        longer.push(cp);
        continue;
      }
      const escaped = lower.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      expect(new RegExp(`^${escaped}$`, 'iu').test(ch), `U+${cp.toString(16)}`).toBe(true);
      // Lower-casing never moves a character into or out of the Basic Multilingual Plane.
      expect(lower.length, `U+${cp.toString(16)}`).toBe(ch.length);
    }
    expect(longer).toEqual([0x130]);
  });
});

describe('clock-time patterns are tried only where a digit is followed by what they need', () => {
  // The times passes are skipped when no digit of the text is followed by `am`/`pm`, `:`, `h` or
  // ` giờ`. That reads the letters as ASCII: no other character matches them case-insensitively.
  it('only ASCII letters match a, p, m case-insensitively', () => {
    for (const letter of ['a', 'p', 'm']) {
      const re = new RegExp(`^${letter}$`, 'iu');
      const matching: number[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && re.test(String.fromCodePoint(cp))) matching.push(cp);
      expect(matching).toEqual([letter.toUpperCase().charCodeAt(0), letter.charCodeAt(0)]);
    }
  });

  it('reads each notation, and a time right after another one', () => {
    const times = (text: string, lang: string) => extractNumericTokens(text, lang).filter((t) => t.kind === 'time').map((t) => [t.text, t.value]);
    expect(times('5am3:45 and 7 P.M.', 'en')).toEqual([['5am', 300], ['3:45', 225], ['7 P.M.', 1140]]);
    expect(times('12 a.m.', 'en')).toEqual([['12 a.m.', 0]]);
    expect(times('8h, 14 h 30, 9h15', 'fr')).toEqual([['8h', 480], ['14 h 30', 870], ['9h15', 555]]);
    expect(times('lúc 14 giờ 30 phút', 'vi')).toEqual([['14 giờ 30 phút', 870]]);
    expect(times('2 ans, 3 pays, 4 heures', 'fr')).toEqual([]);
  });
});

describe('numbers professional translations write differently', () => {
  const N = '\u202F';
  const NB = '\u00A0';
  /** The numbers and dates findings of one pair, as `check: message`. */
  const findings = (source: string, target: string, targetLang = 'en') =>
    checkNumbers({ source, target }, { sourceLang: 'fr', targetLang }).map((d) => `${d.check}: ${d.message}`);

  it('reads a spelled-out number written in several words as one number', () => {
    expect(values('Vingt et un soldats', 'fr').length).toBe(0);
    expect(extractNumericTokens('Vingt et un soldats', 'fr').map((t) => [t.text, t.value])).toEqual([['Vingt et un', 21]]);
    expect(extractNumericTokens('soixante et onze morts', 'fr').map((t) => t.value)).toEqual([71]);
    expect(extractNumericTokens('mille neuf cent quatre-vingt-dix', 'fr').map((t) => t.value)).toEqual([1990]);
    expect(values('deux cent cinquante personnes', 'fr')).toEqual([250]);
    expect(values('un million deux cent mille', 'fr')).toEqual([1200000]);
    // The way an English sentence that starts with a number writes it.
    expect(values('One hundred twenty-five people', 'en')).toEqual([125]);
    expect(values('One hundred and twenty-five people', 'en')).toEqual([125]);
    // Numbers side by side that do not compose stay apart.
    expect(extractNumericTokens('deux trois', 'fr').map((t) => t.value)).toEqual([2, 3]);
    expect(extractNumericTokens('dix et un', 'fr').map((t) => t.value)).toEqual([10, 1]);
    expect(findings('Vingt et un soldats ont été tués.', 'Twenty-one soldiers were killed.')).toEqual([]);
    expect(findings('Vingt et un soldats ont été tués.', '21 binh sĩ đã thiệt mạng.', 'vi')).toEqual([]);
    expect(findings('Le bilan est passé à soixante et onze morts.', 'The death toll rose to 71.')).toEqual([]);
    expect(findings('Le bilan est passé à soixante et onze morts.', 'The death toll rose to 61.')).toHaveLength(1);
    expect(findings('125 personnes ont été blessées.', 'One hundred twenty-five people were injured.')).toEqual([]);
    expect(findings('152 personnes ont été blessées.', 'One hundred twenty-five people were injured.')).toEqual(['numbers: source “152” became “One hundred twenty-five” in the translation']);
  });

  it('reads German numbers: words, one-word compounds, ordinals, groups with a dot or a space, Mio. and Mrd.', () => {
    const word = (text: string) => extractNumericTokens(text, 'de').map((t) => t.value);
    expect(word('zwanzig dreißig Dutzende')).toEqual([20, 30]);
    expect(word('Einundzwanzig Soldaten, fünfundneunzig Jahre')).toEqual([21, 95]);
    expect(word('zweihundertfünfzig, Hunderttausend, dreitausend')).toEqual([250, 100000, 3000]);
    // Words that only end like a number.
    expect(word('im 19. Jahrhundert, seit einem Jahrtausend, während')).toEqual([19]);
    expect(word('im dritten Quartal wurde er Dritter')).toEqual([3, 3]);
    expect(values('12 500 Mitarbeiter und 12.500 Euro', 'de')).toEqual([12500, 12500]);
    // One separator throughout: a number written twice stays two numbers.
    expect(values('201.612 201.612 Personen', 'de')).toEqual([201612, 201612]);
    expect(values('1,2 Mrd. Euro und 3 Mio. Menschen', 'de')).toEqual([1.2e9, 3e6]);
    expect(findings(`Le pays compte 1${N}200${N}000 chômeurs.`, 'Das Land zählt 1,2 Millionen Arbeitslose.', 'de')).toEqual([]);
    expect(findings('25 personnes ont été blessées.', 'Fünfundzwanzig Menschen wurden verletzt.', 'de')).toEqual([]);
    expect(findings('25 personnes ont été blessées.', 'Fünfunddreißig Menschen wurden verletzt.', 'de')).toHaveLength(1);
    expect(findings('Il a terminé 3e du classement.', 'Er wurde Dritter der Gesamtwertung.', 'de')).toEqual([]);
  });

  it('reads German dates and times: `25.6.`, `14.30 Uhr`, `14 Uhr`', () => {
    expect(values('am 25.6. und am 03.10.', 'de')).toEqual([25, 'month:6', 3, 'month:10']);
    expect(values('um 14.30 Uhr', 'de')).toEqual(['time:870']);
    expect(values('um 14 Uhr', 'de')).toEqual(['time:840']);
    expect(values('Version 2.1 und 3.000 Euro', 'de')).toEqual([2, 1, 3000]);
    expect(findings('Le vote aura lieu le 25 juin.', 'Die Abstimmung findet am 25.6. statt.', 'de')).toEqual([]);
    expect(findings('Le vote aura lieu le 25 juin.', 'Die Abstimmung findet am 25.7. statt.', 'de')).toEqual(['dates: source month June (“juin”) became month July (“7”) in the translation']);
    expect(findings(`La réunion commencera à 14${NB}h${NB}30.`, 'Die Sitzung beginnt um 14.30 Uhr.', 'de')).toEqual([]);
    expect(findings(`La réunion commencera à 14${NB}h${NB}30.`, 'Die Sitzung beginnt um 15.30 Uhr.', 'de')).toHaveLength(1);
  });

  it('reads French hours with the `h` spaced off, and hours and minutes of a duration as numbers', () => {
    expect(values(`à 19${NB}h.`, 'fr')).toEqual(['time:1140']);
    expect(values(`vers 4${NB}h du matin`, 'fr')).toEqual(['time:240']);
    expect(values(`en 2${NB}h${NB}01${NB}min${NB}09${NB}s`, 'fr')).toEqual(['time:120', 1, 9]);
    expect(findings(`Le match aura lieu le 7 novembre à 19${NB}h.`, 'Trận đấu diễn ra lúc 19h ngày 7/11.', 'vi')).toEqual([]);
    expect(findings(`Le typhon a touché terre vers 4${NB}h du matin.`, 'The typhoon made landfall at around 4 a.m.')).toEqual([]);
    expect(findings(`Le marathonien a couru en 2${NB}h${NB}01${NB}min${NB}09${NB}s.`, 'The marathoner ran 2 hours, 1 minute and 9 seconds.')).toEqual([]);
  });

  it('takes a time on the hour for the number of its hour, and nothing else', () => {
    expect(findings('La réunion est prévue à 19 heures.', 'The meeting is scheduled for 7 p.m.')).toEqual([]);
    expect(findings('La réunion est prévue à 19 heures.', 'Die Sitzung ist für 19 Uhr angesetzt.', 'de')).toEqual([]);
    expect(findings(`Il a été arrêté en 24${NB}h.`, 'He was arrested within 24 hours.')).toEqual([]);
    expect(findings('La réunion est prévue à 19 heures.', 'The meeting is scheduled for 8 p.m.')).toEqual(['numbers: source “19” became time “8 p.m.” in the translation']);
    expect(findings(`Il a été arrêté en 24${NB}h.`, 'He was arrested within 42 hours.')).toHaveLength(1);
    expect(findings(`à 14${NB}h${NB}30`, 'at 14')).not.toEqual([]);
  });

  it('reads noon and midnight as uncertain times, never the afternoon', () => {
    expect(extractNumericTokens('à midi et à minuit, cet après-midi', 'fr').map((t) => [t.text, t.kind, t.value, t.word])).toEqual([
      ['midi', 'time', 720, true],
      ['minuit', 'time', 0, true],
    ]);
    expect(findings(`Le sommet s’ouvrira à 12${NB}h.`, 'The summit will open at noon.')).toEqual([]);
    expect(findings('Le couvre-feu commence à minuit.', 'The curfew begins at 12 a.m.')).toEqual([]);
    expect(findings(`Le couvre-feu commence à 24${NB}h.`, 'Die Ausgangssperre beginnt um Mitternacht.', 'de')).toEqual([]);
    expect(findings(`Le couvre-feu commence à 22${NB}h.`, 'The curfew begins at midnight.')).toHaveLength(1);
  });

  it('reads French `cents` after digits as money, after a spelled-out number as hundreds', () => {
    expect(values('Le ticket coûte 50 cents.', 'fr')).toEqual([50]);
    expect(values('trois cents personnes', 'fr')).toEqual([300]);
  });

  it('reads news agencies’ `0630 GMT`', () => {
    expect(values('at 0630 GMT and 1400 UTC, 2024 GMT', 'en')).toEqual(['time:390', 'time:840', 'time:1224']);
    expect(findings(`Les frappes ont commencé à 14${NB}h GMT.`, 'The strikes began at 1400 GMT.')).toEqual([]);
    expect(findings(`Les frappes ont commencé à 14${NB}h GMT.`, 'The strikes began at 1500 GMT.')).toHaveLength(1);
  });

  it('reads French `M€` and `Md€` as millions and billions, and `25 m` still as a length', () => {
    expect(values('180 M€, 1,5 Md€ et un mur de 25 m', 'fr')).toEqual([180e6, 1.5e9, 25]);
    expect(findings('Le club a dépensé 180 M€.', 'The club spent €180 million.')).toEqual([]);
    expect(findings('Le club a dépensé 180 M€.', 'The club spent €18 million.')).toHaveLength(1);
  });

  it('reads a Vietnamese `ngày 30-4` as a date, and `10-15` alone as a range', () => {
    expect(values('ngày 30-4', 'vi')).toEqual([30, 'month:4']);
    expect(values('tăng 10-12%', 'vi')).toEqual([10, 12]);
    expect(findings('La guerre a pris fin le 30 avril.', 'Chiến tranh kết thúc ngày 30-4.', 'vi')).toEqual([]);
    expect(findings('La guerre a pris fin le 30 avril.', 'Chiến tranh kết thúc ngày 30-5.', 'vi')).toHaveLength(1);
  });

  it('reads Vietnamese quarters in Roman numerals', () => {
    expect(values('Quý III/2024, GDP tăng 7,4%', 'vi')).toEqual([3, 2024, 7.4]);
    expect(findings(`Au 3e trimestre, le PIB a progressé de 7,4${N}%.`, 'Trong quý III, GDP tăng 7,4%.', 'vi')).toEqual([]);
    expect(findings(`Au 3e trimestre, le PIB a progressé de 7,4${N}%.`, 'Trong quý II, GDP tăng 7,4%.', 'vi')).toHaveLength(1);
  });

  it('accepts a percentage given as a fraction, and back, only where there is a percent sign or word', () => {
    expect(findings(`50${N}% des électeurs ont voté.`, 'Half of voters cast a ballot.')).toEqual([]);
    expect(findings('La moitié des électeurs ont voté.', '50% of voters cast a ballot.')).toEqual([]);
    expect(findings('La moitié des électeurs ont voté.', '50 Prozent der Wähler stimmten ab.', 'de')).toEqual([]);
    expect(findings(`25${N}% des électeurs ont voté.`, 'A quarter of voters cast a ballot.')).toEqual([]);
    expect(findings(`75${N}% des électeurs ont voté.`, 'Three quarters of voters voted.')).toEqual([]);
    // `quarter` (three months) and `half` (six) excuse no other 25 or 50.
    expect(findings('Au dernier trimestre, le 25 octobre.', 'In the last quarter, on October 55.')).toEqual(['numbers: source “25” became “55” in the translation']);
    expect(findings('Au premier semestre, 50 entreprises ont fermé.', 'In the first half, companies closed.')).toEqual(['numbers: source “50” is missing from the translation']);
    expect(findings(`60${N}% des électeurs ont voté.`, 'Half of voters cast a ballot.')).toHaveLength(1);
  });

  it('reads a half after a scale (`un million et demi`), approximate French collectives and German `eineinhalb`', () => {
    expect(values('Un million et demi de personnes, 2 millions et demi d’euros', 'fr')).toEqual([1.5e6, 2.5e6]);
    expect(values('One and a half million people', 'en')).toEqual([1.5e6]);
    expect(values('Eineinhalb Millionen Menschen, anderthalb Milliarden Euro', 'de')).toEqual([1.5e6, 1.5e9]);
    // Without a scale, `et demi` is no part of the number: `trois heures et demie`.
    expect(extractNumericTokens('trois heures et demie', 'fr').map((t) => t.value)).toEqual([3]);
    expect(findings('Un million et demi de personnes ont manifesté.', '1.5 million people demonstrated.')).toEqual([]);
    expect(findings('Deux millions et demi de personnes ont manifesté.', '2 million people demonstrated.')).toHaveLength(1);
    expect(findings('Une quinzaine de personnes ont été interpellées.', 'About 15 people were arrested.')).toEqual([]);
    expect(findings('Une centaine de personnes ont été interpellées.', 'Rund 100 Menschen wurden festgenommen.', 'de')).toEqual([]);
  });

  it('accepts a duration read as a clock time on one side and written as hours and minutes on the other', () => {
    expect(findings(`Il s'est imposé 6-4, 6-3 en 1${NB}h${NB}25.`, 'He won 6-4, 6-3 in 1 hour 25 minutes.')).toEqual([]);
    expect(findings(`Il s'est imposé 6-4, 6-3 en 1${NB}h${NB}25.`, 'He won 6-4, 6-3 in 1 hour 52 minutes.')).not.toEqual([]);
  });

  it('accepts an amount in another currency the translation adds in brackets, and nothing else in brackets', () => {
    expect(findings('Le déficit s’élève à 1,2 milliard d’euros.', 'The deficit stands at 1.2 billion euros ($1.3 billion).')).toEqual([]);
    expect(findings(`L’amende s’élève à 10${N}000 yuans.`, 'The fine is 10,000 yuan (about $1,400).')).toEqual([]);
    expect(findings('Le contrat vaut 2 milliards de dollars.', 'Hợp đồng trị giá 2 tỷ USD (hơn 50.000 tỷ đồng).', 'vi')).toEqual([]);
    expect(findings('Le contrat vaut 2 milliards de dollars.', 'Der Vertrag ist 2 Milliarden Dollar (rund 1,8 Milliarden Euro) wert.', 'de')).toEqual([]);
    // The amount itself is still compared; a bracket that holds no amount is no conversion.
    expect(findings(`L’amende s’élève à 10${N}000 yuans.`, 'The fine is 100,000 yuan ($1,400).')).toHaveLength(1);
    expect(findings(`L’amende s’élève à 10${N}000 yuans.`, 'The fine is 10,000 yuan (5 years in prison).')).toHaveLength(1);
    expect(findings('Il a reçu 3 lettres.', 'He received 3 letters ($5).')).toHaveLength(1);
  });

  it('reports a rounded figure: `3,47 millions` is not `3.5 million`', () => {
    // Rounding a figure is an editorial decision a reviewer accepts with `verso qa ignore`.
    expect(findings('Le chantier a coûté 3,47 millions d’euros.', 'The project cost €3.5 million.')).toEqual(['numbers: source “3,47 millions” became “3.5 million” in the translation']);
    expect(findings('Le chantier a coûté 3,47 millions d’euros.', 'The project cost €3.47m.')).toEqual([]);
  });
});

describe('unit conversions in a US rendering', () => {
  const NB = '\u00A0';
  const findings = (source: string, target: string) => checkNumbers({ source, target }, { sourceLang: 'fr', targetLang: 'en' }).map((d) => d.message);

  it('reads the unit after a number', () => {
    const name = (text: string, end: number) => unitAfter(text, end)?.name ?? null;
    expect(name(`44${NB}°C`, 2)).toBe('°C');
    expect(name('111F', 3)).toBe('°F');
    expect(name('a 110-pound bag', 5)).toBe('pounds');
    expect(name('130 km/h', 3)).toBe('km/h');
    expect(name('500 km²', 3)).toBe('km²');
    expect(name('193 square miles', 3)).toBe('square miles');
    expect(name('93 miles per hour', 2)).toBe('mph');
    expect(name('150 kilomètres par heure', 3)).toBe('km/h');
    expect(name('10 et 15 °C', 2)).toBe('°C');
    expect(name('5 Flights', 1)).toBeNull();
    expect(name('5 in 10 people', 1)).toBeNull();
  });

  it('accepts the converted figure, rounded as a newsroom rounds it', () => {
    expect(findings(`Les températures ont atteint 44${NB}°C à Phoenix.`, 'Temperatures hit 111F in Phoenix.')).toEqual([]);
    expect(findings(`Les températures ont atteint 44${NB}°C à Phoenix.`, 'Temperatures reached 44C (111F) in Phoenix.')).toEqual([]);
    expect(findings(`Le coureur a parcouru 10${NB}km.`, 'The runner covered 6 miles.')).toEqual([]);
    expect(findings(`Un sac de 50${NB}kg.`, 'A 110-pound bag.')).toEqual([]);
    expect(findings(`L'incendie a ravagé 2${NB}000 hectares.`, 'The fire ravaged nearly 5,000 acres.')).toEqual([]);
    expect(findings('Le niveau est monté de 2 mètres.', 'The level rose 7 feet.')).toEqual([]);
    expect(findings(`Des rafales à 150${NB}km/h.`, 'Gusts of 93 mph.')).toEqual([]);
    expect(findings(`La zone couvre 500${NB}km².`, 'The zone covers 193 square miles.')).toEqual([]);
    expect(findings(`Une hausse de 1,5${NB}°C.`, 'A rise of 2.7 degrees Fahrenheit.')).toEqual([]);
    expect(findings(`Il a fait -10${NB}°C à Moscou.`, 'It was 14F in Moscow.')).toEqual([]);
    expect(findings(`Entre 10 et 15${NB}°C.`, 'Between 50 and 59F.')).toEqual([]);
    expect(findings('Il faisait 44 degrés.', 'It was 111 degrees.')).toEqual([]);
  });

  it('still finds a wrong figure, and says what the conversion gives', () => {
    expect(findings(`Les températures ont atteint 44${NB}°C.`, 'Temperatures hit 115F.')).toEqual(['source “44” became “115” in the translation (44 °C is about 111 °F)']);
    expect(findings(`Le coureur a parcouru 10${NB}km.`, 'The runner covered 16 miles.')).toHaveLength(1);
    expect(findings(`Il a fait -10${NB}°C à Moscou.`, 'It was 50F in Moscow.')).toHaveLength(1);
    expect(findings('Le niveau est monté de 2 mètres.', 'The level rose 20 feet.')).toHaveLength(1);
  });

  it('accepts rounding to fewer figures, not a changed digit in the converted figure', () => {
    expect(findings(`Les températures ont atteint 44${NB}°C.`, 'Temperatures hit 110F.')).toEqual([]);
    expect(findings(`Les températures ont atteint 44${NB}°C.`, 'Temperatures hit 112F.')).toHaveLength(1);
    expect(findings(`Les températures ont atteint 44${NB}°C.`, 'Temperatures hit 100F.')).toHaveLength(1);
    expect(findings(`Une hausse de 1,5${NB}°C.`, 'A rise of 3.7 degrees Fahrenheit.')).toHaveLength(1);
    expect(findings(`L'incendie a ravagé 2${NB}000 hectares.`, 'The fire ravaged about 4,900 acres.')).toEqual([]);
    expect(findings(`L'incendie a ravagé 2${NB}000 hectares.`, 'The fire ravaged nearly 5,100 acres.')).toHaveLength(1);
    expect(findings('Le niveau est monté de 2 mètres.', 'The level rose 6.5 feet.')).toEqual([]);
    expect(findings(`Un sac de 50${NB}kg.`, 'A 111-pound bag.')).toHaveLength(1);
    // One source quantity converts once.
    expect(findings(`Un sac de 50${NB}kg.`, 'A 110-pound 110-pound bag.')).toEqual(['translation has “110”, which the source does not have']);
  });

  it('finds the same number in a unit of the other system', () => {
    expect(findings(`L'incendie a ravagé 2${NB}000 hectares.`, 'The fire ravaged 2,000 acres.')).toEqual([
      `source “2${NB}000 hectares” became “2,000 acres” in the translation: the same number in another unit (2${NB}000 hectares is about 4942 acres)`,
    ]);
    expect(findings(`Le coureur a parcouru 10${NB}km.`, 'The runner covered 10 miles.')).toHaveLength(1);
    expect(findings(`Les températures ont atteint 44${NB}°C.`, 'Temperatures hit 44F.')).toHaveLength(1);
    // Both figures given, or the unit kept: fine.
    expect(findings(`Un sac de 50${NB}kg.`, 'A 50-kilogram (110-pound) bag.')).toEqual([]);
    expect(findings(`Le coureur a parcouru 10${NB}km.`, 'The runner covered 10 km.')).toEqual([]);
    expect(findings('Il faisait 44 degrés.', 'It was 44 degrees.')).toEqual([]);
  });
});
