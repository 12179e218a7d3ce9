/**
 * Word-level differences between two texts, as display spans.
 *
 * The review screen and `verso diff` show how the human translation departs from the machine
 * one (or how a stale segment's source changed). Callers pass the text exactly as it will be
 * shown (sanitised, NFC): span offsets and widths are then those of what the translator reads.
 *
 * jsdiff's `diffWords` treats each word and each punctuation mark as a token and ignores
 * whitespace differences; that is what a reader wants — a re-spaced « guillemet » is not an edit.
 */
import { diffWords } from 'diff';

export type DiffSpanKind = 'same' | 'added' | 'removed';

export interface DiffSpan {
  kind: DiffSpanKind;
  text: string;
}

/** Spans that read `before` → `after`: kept words, removed words (from `before`), added words. */
export function wordDiff(before: string, after: string): DiffSpan[] {
  const before_ = before.normalize('NFC');
  const after_ = after.normalize('NFC');
  const spans: DiffSpan[] = [];
  for (const change of diffWords(before_, after_)) {
    const kind: DiffSpanKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = spans[spans.length - 1];
    // jsdiff can emit neighbouring changes of one kind; one span per run keeps rendering simple.
    if (last && last.kind === kind) last.text += change.value;
    else if (change.value !== '') spans.push({ kind, text: change.value });
  }
  return spans;
}

// A word is a run of letters, digits and combining marks, with inner apostrophes or hyphens
// (« l'appel », « aujourd’hui », « porte-parole » are one word each); every other visible
// character (punctuation, « ») is a token of its own.
const WORD_TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

/** The word and punctuation tokens of a text, in order, whitespace dropped. */
export function tokenizeWords(text: string): string[] {
  return text.normalize('NFC').match(WORD_TOKEN) ?? [];
}

/** Levenshtein distance between two token sequences (insert, delete and substitute cost 1). */
export function tokenEditDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Two rows of the dynamic-programming table are enough; keep the shorter sequence in the row.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let previous = Array.from({ length: short.length + 1 }, (_, i) => i);
  let current = new Array<number>(short.length + 1).fill(0);
  for (let i = 1; i <= long.length; i++) {
    current[0] = i;
    for (let j = 1; j <= short.length; j++) {
      const substitution = previous[j - 1]! + (long[i - 1] === short[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[short.length]!;
}

/**
 * Post-edit distance: how much of the machine output the human changed, in percent.
 *
 * Word-level edit distance divided by the length of the longer text, so 0 means the human kept
 * the machine text word for word and 100 means nothing of it survived. Dividing by the longer
 * side (rather than by the human text, as TER does) keeps the figure within 0–100 even when the
 * translator deletes most of the machine output.
 */
export function postEditDistance(machine: string, human: string): number {
  const a = tokenizeWords(machine);
  const b = tokenizeWords(human);
  const length = Math.max(a.length, b.length);
  if (length === 0) return 0;
  return Math.round((tokenEditDistance(a, b) / length) * 100);
}

/**
 * For showing a diff in colour: a replaced word reads `spokesmanpress` when its removed and added
 * spans touch. A space between them (display only) keeps the two words apart; with textual
 * markers (`[-spokesman-]{+press+}`) the brackets already do that, so callers skip this there.
 */
export function separateReplacements(spans: readonly DiffSpan[]): DiffSpan[] {
  const out: DiffSpan[] = [];
  spans.forEach((span, i) => {
    out.push(span);
    const next = spans[i + 1];
    if (span.kind === 'removed' && next?.kind === 'added' && !/\s$/.test(span.text) && !/^\s/.test(next.text)) {
      out.push({ kind: 'same', text: ' ' });
    }
  });
  return out;
}
