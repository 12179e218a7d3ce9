/**
 * Width-aware word wrapping for the terminal, done by us rather than by Ink.
 *
 * Ink measures and wraps every mounted `<Text>` on every frame without caching; the review screen
 * therefore hands Ink lines that already fit (see shared/reference/ink-6.md). Widths are terminal
 * columns (string-width: a Vietnamese letter with its diacritics is one column, a CJK ideograph
 * two), never UTF-16 lengths. Input is expected to be sanitised display text: no control
 * characters other than `\n`, tabs already expanded.
 */
import stringWidth from 'string-width';

/** One visual row of a wrapped text: the half-open UTF-16 range it covers in the text. */
export interface WrappedRow {
  /** First offset of the row. Rows cover the text contiguously: a row ends where the next begins. */
  start: number;
  /** Offset just after the row (its trailing spaces and line break included). */
  end: number;
  /** What the row displays: the covered text without the trailing spaces or line break. */
  text: string;
  /** Display width of `text`, in columns. */
  width: number;
}

const PIECES = /\n|[^\S\n]+|\S+/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Pure ASCII printable text is one column per character: skip string-width for the common case.
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
// string-width is slow on non-ASCII text (it tests each grapheme against emoji patterns), and
// the screen asks for the width of the same pieces — graphemes, words, whole rows — over and
// over, frame after frame. Widths of strings up to a screen row long are remembered (bounded).
const SHORT_WIDTHS = new Map<string, number>();
const SHORT = 256;

export function displayWidth(text: string): number {
  if (ASCII_PRINTABLE.test(text)) return text.length;
  if (text.length > SHORT) return stringWidth(text);
  let width = SHORT_WIDTHS.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (SHORT_WIDTHS.size > 20_000) SHORT_WIDTHS.clear();
    SHORT_WIDTHS.set(text, width);
  }
  return width;
}

/**
 * Wraps `text` to `width` columns: breaks at spaces, keeps explicit line breaks, and splits a
 * word longer than a whole row between graphemes (never inside one: a letter and its combining
 * accent stay together). Always returns at least one row.
 */
export function wrapWithOffsets(text: string, width: number): WrappedRow[] {
  const max = Math.max(1, Math.floor(width));
  const rows: WrappedRow[] = [];
  let rowStart = 0;
  let contentEnd = 0; // offset just after the last non-space content of the current row
  let contentWidth = 0;
  let pendingSpaceWidth = 0;
  let atLineStart = true; // the row starts a logical line (leading spaces are kept as indentation)

  const endRow = (end: number, nextStart: number) => {
    rows.push({ start: rowStart, end, text: text.slice(rowStart, contentEnd), width: contentWidth });
    rowStart = nextStart;
    contentEnd = nextStart;
    contentWidth = 0;
    pendingSpaceWidth = 0;
  };

  for (const match of text.matchAll(PIECES)) {
    const piece = match[0];
    const at = match.index;
    if (piece === '\n') {
      endRow(at + 1, at + 1);
      atLineStart = true;
      continue;
    }
    const pieceWidth = displayWidth(piece);
    if (/^\s/.test(piece)) {
      if (atLineStart && contentWidth === 0 && pieceWidth <= max) {
        contentWidth = pieceWidth;
        contentEnd = at + piece.length;
      } else {
        pendingSpaceWidth += pieceWidth;
      }
      continue;
    }
    if (contentWidth + pendingSpaceWidth + pieceWidth <= max) {
      contentWidth += pendingSpaceWidth + pieceWidth;
      pendingSpaceWidth = 0;
      contentEnd = at + piece.length;
      atLineStart = false;
      continue;
    }
    if (contentWidth > 0 || pendingSpaceWidth > 0) {
      // The word does not fit after what the row holds: it starts the next row, and the spaces
      // before it hang at the end of this one (covered, not displayed).
      endRow(at, at);
    }
    atLineStart = false;
    if (pieceWidth <= max) {
      contentWidth = pieceWidth;
      contentEnd = at + piece.length;
      continue;
    }
    // Longer than a row on its own: fill rows grapheme by grapheme.
    let offset = at;
    for (const { segment } of graphemes.segment(piece)) {
      const w = displayWidth(segment);
      if (contentWidth + w > max && contentWidth > 0) endRow(offset, offset);
      contentWidth += w;
      offset += segment.length;
      contentEnd = offset;
    }
  }
  rows.push({ start: rowStart, end: text.length, text: text.slice(rowStart, contentEnd), width: contentWidth });
  return rows;
}

/** The displayed rows of `text` wrapped to `width` columns. */
export function wrapText(text: string, width: number): string[] {
  return wrapWithOffsets(text, width).map((row) => row.text);
}

/** A run of text with one style (a diff kind, a colour role…). */
export interface StyledSpan<S> {
  text: string;
  style: S;
}
export type StyledLine<S> = StyledSpan<S>[];

/**
 * Wraps a sequence of styled spans as one text: breaks fall where they would in the plain text,
 * and each row keeps the styles of the characters it shows.
 */
export function wrapSpans<S>(spans: readonly StyledSpan<S>[], width: number): StyledLine<S>[] {
  const text = spans.map((span) => span.text).join('');
  const starts: number[] = [];
  let total = 0;
  for (const span of spans) {
    starts.push(total);
    total += span.text.length;
  }
  return wrapWithOffsets(text, width).map((row) => {
    const end = row.start + row.text.length;
    const line: StyledLine<S> = [];
    spans.forEach((span, i) => {
      const spanStart = starts[i]!;
      const from = Math.max(spanStart, row.start);
      const to = Math.min(spanStart + span.text.length, end);
      if (from < to) line.push({ text: span.text.slice(from - spanStart, to - spanStart), style: span.style });
    });
    return line;
  });
}

/**
 * Cuts `text` to at most `width` columns, ending with `…` when something was cut. Used for
 * one-line summaries (the segment list, the header) where wrapping would waste rows.
 */
export function truncateToWidth(text: string, width: number): string {
  const max = Math.max(0, Math.floor(width));
  // Every character but zero-width marks takes a column or more, so beyond 2 × width UTF-16
  // units (a composed letter is one unit, a surrogate pair two) nothing more can be shown:
  // measure only that prefix of a long paragraph.
  const limit = 2 * max + 2;
  const cut = text.length > limit;
  const shown = cut ? text.slice(0, limit) : text;
  if (!cut && displayWidth(shown) <= max) return shown;
  if (max === 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(shown)) {
    const w = displayWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}
