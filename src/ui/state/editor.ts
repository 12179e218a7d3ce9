/**
 * The inline editor's buffer: text, a cursor (a UTF-16 offset that always sits on a grapheme
 * boundary) and its own typing history. Pure functions, so every key is unit-testable.
 *
 * Vertical movement follows the rows the translator sees, so it needs the wrap width.
 */
import { displayWidth, wrapWithOffsets, type WrappedRow } from '../../core/text/wrap.js';

export interface EditorBuffer {
  text: string;
  cursor: number;
  /** Earlier (text, cursor) pairs, most recent last, for ctrl+z while typing. */
  past: { text: string; cursor: number }[];
  /** The text the editor opened with: saving an unchanged buffer writes nothing. */
  original: string;
}

const PAST_LIMIT = 200;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function openBuffer(text: string): EditorBuffer {
  const normalized = text.normalize('NFC');
  return { text: normalized, cursor: normalized.length, past: [], original: normalized };
}

export function isDirty(buffer: EditorBuffer): boolean {
  return buffer.text !== buffer.original;
}

function boundaries(text: string): number[] {
  const out: number[] = [];
  for (const { index } of graphemes.segment(text)) out.push(index);
  out.push(text.length);
  return out;
}

function previousBoundary(text: string, cursor: number): number {
  let previous = 0;
  for (const b of boundaries(text)) {
    if (b >= cursor) break;
    previous = b;
  }
  return previous;
}

function nextBoundary(text: string, cursor: number): number {
  return boundaries(text).find((b) => b > cursor) ?? text.length;
}

function change(buffer: EditorBuffer, text: string, cursor: number): EditorBuffer {
  if (text === buffer.text) return { ...buffer, cursor };
  const past = [...buffer.past, { text: buffer.text, cursor: buffer.cursor }].slice(-PAST_LIMIT);
  return { ...buffer, text, cursor, past };
}

/**
 * Typed or pasted text goes in at the cursor. Line endings become `\n`, tabs a space, and other
 * control characters are dropped: a translation never stores a terminal control byte.
 */
export function insertText(buffer: EditorBuffer, typed: string): EditorBuffer {
  const clean = typed
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
    .normalize('NFC');
  if (clean === '') return buffer;
  const text = buffer.text.slice(0, buffer.cursor) + clean + buffer.text.slice(buffer.cursor);
  // Re-normalise around the join: a combining accent typed after a letter composes with it.
  const joined = text.normalize('NFC');
  const cursor = Math.min(joined.length, buffer.cursor + clean.length - (text.length - joined.length));
  return change(buffer, joined, cursor);
}

export function backspace(buffer: EditorBuffer): EditorBuffer {
  if (buffer.cursor === 0) return buffer;
  const from = previousBoundary(buffer.text, buffer.cursor);
  return change(buffer, buffer.text.slice(0, from) + buffer.text.slice(buffer.cursor), from);
}

export function deleteForward(buffer: EditorBuffer): EditorBuffer {
  if (buffer.cursor >= buffer.text.length) return buffer;
  const to = nextBoundary(buffer.text, buffer.cursor);
  return change(buffer, buffer.text.slice(0, buffer.cursor) + buffer.text.slice(to), buffer.cursor);
}

/** Deletes from the start of the word before the cursor to the cursor (ctrl+w). */
export function deleteWordBackward(buffer: EditorBuffer): EditorBuffer {
  const from = moveWordLeft(buffer).cursor;
  if (from === buffer.cursor) return buffer;
  return change(buffer, buffer.text.slice(0, from) + buffer.text.slice(buffer.cursor), from);
}

export function moveLeft(buffer: EditorBuffer): EditorBuffer {
  return { ...buffer, cursor: previousBoundary(buffer.text, buffer.cursor) };
}

export function moveRight(buffer: EditorBuffer): EditorBuffer {
  return { ...buffer, cursor: nextBoundary(buffer.text, buffer.cursor) };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}'’-]/u;

export function moveWordLeft(buffer: EditorBuffer): EditorBuffer {
  let i = buffer.cursor;
  while (i > 0 && !WORD_CHAR.test(buffer.text[i - 1]!)) i--;
  while (i > 0 && WORD_CHAR.test(buffer.text[i - 1]!)) i--;
  return { ...buffer, cursor: i };
}

export function moveWordRight(buffer: EditorBuffer): EditorBuffer {
  const n = buffer.text.length;
  let i = buffer.cursor;
  while (i < n && !WORD_CHAR.test(buffer.text[i]!)) i++;
  while (i < n && WORD_CHAR.test(buffer.text[i]!)) i++;
  return { ...buffer, cursor: i };
}

/** Start and end of the logical line (between `\n`s) holding the cursor. */
export function moveLineStart(buffer: EditorBuffer): EditorBuffer {
  return { ...buffer, cursor: buffer.text.lastIndexOf('\n', buffer.cursor - 1) + 1 };
}

export function moveLineEnd(buffer: EditorBuffer): EditorBuffer {
  const end = buffer.text.indexOf('\n', buffer.cursor);
  return { ...buffer, cursor: end === -1 ? buffer.text.length : end };
}

export function undoTyping(buffer: EditorBuffer): EditorBuffer {
  const last = buffer.past[buffer.past.length - 1];
  if (!last) return buffer;
  return { ...buffer, text: last.text, cursor: last.cursor, past: buffer.past.slice(0, -1) };
}

/** Where the cursor is drawn: the wrapped row and the column within it. */
export interface CursorPlace {
  rows: WrappedRow[];
  row: number;
  column: number;
}

export function locateCursor(text: string, cursor: number, width: number): CursorPlace {
  const rows = wrapWithOffsets(text, width);
  let row = rows.length - 1;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    // A row owns offsets [start, end); the very end of the text belongs to the last row.
    if (cursor < r.end || (i === rows.length - 1 && cursor <= r.end)) {
      row = i;
      break;
    }
  }
  const current = rows[row]!;
  return { rows, row, column: displayWidth(text.slice(current.start, cursor)) };
}

/** The offset in `row` closest to `column` columns from its start, on a grapheme boundary. */
function offsetAtColumn(text: string, row: WrappedRow, column: number, isLast: boolean): number {
  // A row's last offset is before its line break or hanging space, except on the last row.
  const limit = isLast ? row.end : Math.max(row.start, row.end - 1);
  let offset = row.start;
  let used = 0;
  for (const { segment } of graphemes.segment(text.slice(row.start, limit))) {
    const w = displayWidth(segment);
    if (used + w > column) break;
    used += w;
    offset += segment.length;
  }
  return offset;
}

function moveVertically(buffer: EditorBuffer, width: number, delta: -1 | 1): EditorBuffer {
  const place = locateCursor(buffer.text, buffer.cursor, width);
  const target = place.row + delta;
  if (target < 0) return { ...buffer, cursor: 0 };
  if (target >= place.rows.length) return { ...buffer, cursor: buffer.text.length };
  const row = place.rows[target]!;
  return { ...buffer, cursor: offsetAtColumn(buffer.text, row, place.column, target === place.rows.length - 1) };
}

export const moveUp = (buffer: EditorBuffer, width: number) => moveVertically(buffer, width, -1);
export const moveDown = (buffer: EditorBuffer, width: number) => moveVertically(buffer, width, 1);
