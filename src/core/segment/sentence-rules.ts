/**
 * Sentence-splitting rules, kept as data so a language can be added or corrected without
 * touching the splitter. An abbreviation is written without its final dot; the splitter also
 * treats single letters and dotted initials (`J.`, `U.S.`, `J.-C.`) as non-final.
 */
import type { Lang } from '../model.js';

export interface SentenceRules {
  /** Tokens that end with a dot without ending the sentence (case-sensitive, no final dot). */
  abbreviations: readonly string[];
  /** Quotation marks that open and close; a sentence never ends inside an open quotation. */
  quotePairs: readonly (readonly [open: string, close: string])[];
}

const SHARED_QUOTES = [
  ['«', '»'],
  ['“', '”'],
  ['„', '“'],
] as const;

export const SENTENCE_RULES: Readonly<Record<string, SentenceRules>> = {
  fr: {
    abbreviations: [
      'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Drs', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'Sts',
      'etc', 'cf', 'env', 'av', 'apr', 'vol', 'p', 'pp', 'no', 'n°', 'art', 'chap', 'éd', 'coll',
      'janv', 'févr', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc', 'Cie', 'Gén', 'Col', 'Lt', 'Cdt',
      'Sgt', 'min', 'max', 'hab', 'ex', 'fig', 'resp', 'vs',
    ],
    quotePairs: SHARED_QUOTES,
  },
  en: {
    abbreviations: [
      'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'Rev', 'Hon', 'Gen', 'Col', 'Lt',
      'Capt', 'Cmdr', 'Sgt', 'Gov', 'Sen', 'Rep', 'Pres', 'Supt', 'etc', 'vs', 'e.g', 'i.e', 'cf',
      'approx', 'Inc', 'Ltd', 'Co', 'Corp', 'No', 'Nos', 'Fig', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug',
      'Sept', 'Sep', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft', 'Ave', 'Blvd', 'Dept', 'Univ', 'est',
    ],
    quotePairs: SHARED_QUOTES,
  },
  vi: {
    abbreviations: [
      'TP', 'Tp', 'TS', 'ThS', 'PGS', 'GS', 'BS', 'KS', 'LS', 'NXB', 'Q', 'P', 'TT', 'St', 'Dr',
      'Mr', 'Mrs', 'Ms', 'etc', 'v.v', 'vs',
    ],
    quotePairs: SHARED_QUOTES,
  },
};

/** Rules for a language, falling back to the base language (`pt-br` → `pt`) and then to English's. */
export function sentenceRulesFor(lang: Lang): SentenceRules {
  const base = lang.toLowerCase().split('-')[0] ?? lang;
  return SENTENCE_RULES[lang] ?? SENTENCE_RULES[base] ?? (SENTENCE_RULES['en'] as SentenceRules);
}
