/**
 * A rule-based sentence splitter for news text (French, English, Vietnamese).
 *
 * A sentence ends at `.`, `!`, `?` or `…` (possibly followed by closing quotes or brackets)
 * when white space follows and the next word can start a sentence (an upper-case letter, a
 * digit, an opening quote or a dash). It does not end:
 *  - after an abbreviation from the language's rules, a single letter or dotted initials
 *    (`M. Belousov`, `J. Biden`, `U.S. forces`), when the terminal is a dot;
 *  - inside an open quotation (« … », “ … ”): a quoted statement with its attribution stays one
 *    unit, which is what translators and aligners want for news quotes.
 *
 * The result is a list of half-open spans over the input; the text between spans is white
 * space only, so segmentation never loses or duplicates text.
 */
import type { SentenceSpan } from '../model.js';
import type { SentenceRules } from './sentence-rules.js';

const TERMINALS = new Set(['.', '!', '?', '…']);
// Characters allowed between a terminal and the following white space.
const CLOSERS = new Set(['»', '”', '"', "'", '’', ')', ']', '}']);
const SPACE = /[\s\u00a0\u202f]/u;
const STARTS_SENTENCE = /[\p{Lu}\p{Lt}\p{N}«“"„‘'(\[—–-]/u;

export function splitSentences(text: string, rules: SentenceRules): SentenceSpan[] {
  const opens = new Map<string, string>();
  const closes = new Set<string>();
  for (const [open, close] of rules.quotePairs) {
    opens.set(open, close);
    closes.add(close);
  }
  const abbreviations = new Set(rules.abbreviations);

  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let depth = 0;
  let straightQuoteOpen = false;

  for (let i = start; i < text.length; i++) {
    const ch = text[i] as string;
    if (opens.has(ch) && !(closes.has(ch) && depth > 0)) depth++;
    else if (closes.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') straightQuoteOpen = !straightQuoteOpen;

    if (!TERMINALS.has(ch)) continue;
    // Absorb a run of terminals ("?!", "...") and closing quotes/brackets, with the French
    // space that may stand before a closing guillemet.
    let j = i + 1;
    let closingDepth = depth;
    let straight: boolean = straightQuoteOpen;
    while (j < text.length) {
      const c = text[j] as string;
      if (TERMINALS.has(c)) j++;
      else if (CLOSERS.has(c)) {
        if (closes.has(c)) closingDepth = Math.max(0, closingDepth - 1);
        if (c === '"') straight = !straight;
        j++;
      } else if (SPACE.test(c) && closingDepth > 0 && closes.has(text[skipSpace(text, j)] ?? '')) {
        // French puts a space before the closing guillemet: `prêts. »`. Only a quote that is
        // open can be closed this way (`“` also opens, so it must not be taken as a closer).
        j = skipSpace(text, j);
      }
      else break;
    }
    if (j >= text.length) break; // end of text: the last span closes below
    if (!SPACE.test(text[j] as string)) continue;
    const next = skipSpace(text, j);
    if (next >= text.length) break;
    if (closingDepth > 0 || straight) continue;
    if (!STARTS_SENTENCE.test(text[next] as string)) continue;
    if (ch === '.' && j === i + 1 && isAbbreviation(text, i, abbreviations)) continue;

    spans.push({ start, end: j });
    // Quotes closed in the absorbed run are closed for the next sentence too.
    depth = closingDepth;
    straightQuoteOpen = straight;
    start = next;
    i = next - 1;
  }
  const end = trimEnd(text, text.length);
  if (end > start) spans.push({ start, end });
  return spans;
}

/** The word before the dot at `dot` is an abbreviation, a single letter or dotted initials. */
function isAbbreviation(text: string, dot: number, abbreviations: ReadonlySet<string>): boolean {
  let k = dot;
  while (k > 0 && !SPACE.test(text[k - 1] as string)) k--;
  // Strip opening punctuation (quotes, brackets) from the token.
  const token = text.slice(k, dot).replace(/^[«“"„‘'(\[]+/u, '');
  if (token.length === 0) return false;
  if (abbreviations.has(token)) return true;
  // Single letters and dotted initials: "J", "U.S", "J.-C", "A.F.P".
  return /^\p{Lu}(?:\.-?\p{L})*$/u.test(token) || /^\p{L}(?:\.\p{L})+$/u.test(token);
}

function skipSpace(text: string, from: number): number {
  let k = from;
  while (k < text.length && SPACE.test(text[k] as string)) k++;
  return k;
}

function trimEnd(text: string, to: number): number {
  let k = to;
  while (k > 0 && SPACE.test(text[k - 1] as string)) k--;
  return k;
}

/** The sentence texts of `text` (convenience over `splitSentences`). */
export function sentenceTexts(text: string, rules: SentenceRules): string[] {
  return splitSentences(text, rules).map((s) => text.slice(s.start, s.end));
}
