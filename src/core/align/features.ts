/**
 * What the aligner knows about each unit (sentence or paragraph): its length and its lexical
 * anchors, tokens that tend to survive translation unchanged or nearly so.
 *
 * Anchors are language-independent on purpose (no dictionary, no model):
 * - numbers (`1956`, `8848`; `8 848` and `8848,0` give the same digit runs),
 * - URLs and e-mail addresses, kept whole,
 * - words, compared by a folded prefix (lower case, diacritics removed, ß → ss) so that cognates
 *   and names match across languages: `Himalaya`/`himalayens`, `Expedition`/`expédition`,
 * - quotation marks of every style, and `?` / `!` (a question stays a question).
 * Words shorter than the prefix are ignored: they are mostly function words, whose accidental
 * matches between languages would only add noise.
 *
 * Every anchor is interned to an integer id, and a unit's anchors are a sorted id list with
 * counts, so that comparing two units is a linear merge.
 */

/** Tunable knobs of the tokeniser. */
export interface FeatureOptions {
  /** Length of the folded prefix that stands for a word; shorter words are not anchors. */
  prefixLength: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { prefixLength: 4 };

/** One side's units, ready for the aligner. */
export interface UnitFeatures {
  /** Number of units. */
  count: number;
  /** Length of each unit in characters, whitespace excluded (see unitLength). */
  lengths: Float64Array;
  /** Optional log-score bonus for leaving each unit unaligned (a caption a translator may skip). */
  skipBonus?: Float64Array;
  /** For unit k, its anchor ids are `ids[offsets[k] .. offsets[k+1])`, sorted ascending, unique. */
  offsets: Int32Array;
  ids: Int32Array;
  /** How many times the anchor occurs in the unit, parallel to `ids`. */
  counts: Int32Array;
}

/** Removes diacritics and case so that `Expédition` and `expedition` compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe');
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|[\w.+-]+@[\w-]+\.[\w.-]+/giu;
const TOKEN_RE = /\p{N}+|\p{L}+|["«»“”„‟‹›]|[?!¿¡]/gu;

/**
 * The anchors of one text, as strings with a one-letter kind prefix (`n:` number, `w:` word,
 * `u:` URL, `q:` quote, `p:` question/exclamation) so that kinds never collide.
 */
export function anchorsOf(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): string[] {
  const out: string[] = [];
  const withoutUrls = text.replace(URL_RE, (url) => {
    out.push('u:' + url.toLowerCase().replace(/[.,;:)]+$/, ''));
    return ' ';
  });
  const folded = foldText(withoutUrls);
  for (const match of folded.matchAll(TOKEN_RE)) {
    const token = match[0];
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      out.push('n:' + token.replace(/^0+(?=\d)/, ''));
    } else if (/\p{N}/u.test(token[0]!)) {
      out.push('n:' + token); // other scripts' digits, kept as written
    } else if (/\p{L}/u.test(token[0]!)) {
      if (token.length >= options.prefixLength) out.push('w:' + token.slice(0, options.prefixLength));
    } else if (token === '?' || token === '¿') {
      out.push('p:?');
    } else if (token === '!' || token === '¡') {
      out.push('p:!');
    } else {
      out.push('q:"');
    }
  }
  return out;
}

/** Words of a text, whole and folded: used to compare a machine translation with a human one. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const match of foldText(text).matchAll(/\p{L}+|\p{N}+/gu)) out.push('m:' + match[0]);
  return out;
}

/** Interns anchor strings to dense integer ids shared by both sides. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly universalIds: number[] = [];
  /** 1 for ids of anchors that read the same in every language (numbers, URLs). */
  universal(): Uint8Array {
    const flags = new Uint8Array(this.ids.size);
    for (const id of this.universalIds) flags[id] = 1;
    return flags;
  }
  get size(): number {
    return this.ids.size;
  }
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
      if (token.startsWith('n:') || token.startsWith('u:')) this.universalIds.push(id);
    }
    return id;
  }
}

/** A unit's length for the length model: characters without whitespace (tokenised text stays comparable). */
export function unitLength(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) count++;
  }
  return count;
}

/** Builds the features of one side from each unit's length and anchor ids (in any order, repeats allowed). */
export function buildFeatures(lengths: Float64Array, unitIds: readonly (readonly number[])[]): UnitFeatures {
  const count = unitIds.length;
  const offsets = new Int32Array(count + 1);
  const idList: number[] = [];
  const countList: number[] = [];
  for (let k = 0; k < count; k++) {
    const sorted = [...unitIds[k]!].sort((x, y) => x - y);
    for (let p = 0; p < sorted.length; p++) {
      if (p > 0 && sorted[p] === sorted[p - 1]) countList[countList.length - 1]!++;
      else {
        idList.push(sorted[p]!);
        countList.push(1);
      }
    }
    offsets[k + 1] = idList.length;
  }
  return { count, lengths, offsets, ids: Int32Array.from(idList), counts: Int32Array.from(countList) };
}

/** In how many units of a side each anchor id occurs. */
export function documentFrequency(features: UnitFeatures, vocabSize: number): Int32Array {
  const df = new Int32Array(vocabSize);
  for (let p = 0; p < features.ids.length; p++) df[features.ids[p]!]!++;
  return df;
}
