/**
 * Turning segment views into screen lines: pure functions from (view, width, options) to styled
 * lines that already fit their width. Components only map these lines to `<Text>` elements, so
 * Ink never wraps anything and the number of mounted nodes is the number of rows on screen.
 */
import { separateReplacements, type DiffSpan } from '../../core/diff/wordDiff.js';
import type { SegmentStatus } from '../../core/model.js';
import { displayWidth, truncateToWidth, wrapSpans, wrapText, type StyledSpan } from '../../core/text/wrap.js';
import type { Translate } from '../i18n/index.js';
import { locateCursor, type EditorBuffer } from '../state/editor.js';
import { machineDiff, postEdit, sourceDiff, type SegmentView } from '../model/segmentView.js';

/** Visual roles; the theme maps them to colours. */
export type Role =
  | 'text' | 'dim' | 'label' | 'key' | 'selected' | 'origin'
  | 'added' | 'removed' | 'cursor' | 'notice' | 'error' | 'success' | 'link' | 'match'
  | `status-${SegmentStatus}`;

/** A styled run; `href` (a URL validated by safeHttpUrl) makes it a terminal hyperlink. */
export type Span = StyledSpan<Role> & { href?: string };
export type Line = Span[];

export interface LineOptions {
  t: Translate;
  /** Without colour, diffs are marked in the text: `[-removed-]` `{+added+}` (wdiff style). */
  markers: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const plain = (text: string, style: Role = 'text'): Line => [{ text, style }];

function wrapped(text: string, width: number, style: Role = 'text'): Line[] {
  return wrapText(text, width).map((row) => plain(row, style));
}

/** A diff as styled spans; with markers when colour cannot show it. */
export function diffSpans(spans: readonly DiffSpan[], markers: boolean): Span[] {
  const out: Span[] = [];
  for (const span of markers ? spans : separateReplacements(spans)) {
    if (span.kind === 'same') {
      out.push({ text: span.text, style: 'text' });
      continue;
    }
    // Surrounding spaces stay outside the style and the marks: no struck-through blank.
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
    const style: Role = span.kind === 'added' ? 'added' : 'removed';
    const [open, close] = !markers ? ['', ''] : span.kind === 'added' ? ['{+', '+}'] : ['[-', '-]'];
    if (m[1]) out.push({ text: m[1], style: 'text' });
    if (m[2]) out.push({ text: `${open}${m[2]}${close}`, style });
    if (m[3]) out.push({ text: m[3], style: 'text' });
  }
  return out;
}

/** ISO timestamp → `2024-06-26 07:02` (UTC), short enough for a label. */
export function shortDate(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso.slice(0, 16);
}

const label = (text: string, width: number): Line => plain(truncateToWidth(text, width), 'label');

/** `p3 · paragraph · draft · post-edit 23 %` */
export function titleLine(view: SegmentView, width: number, { t }: LineOptions): Line {
  const distance = postEdit(view);
  const parts: Span[] = [
    { text: view.key, style: 'key' },
    { text: ` · ${t(`kind.${view.kind}`)} · `, style: 'dim' },
    { text: t(`status.${view.status}`), style: `status-${view.status}` },
  ];
  if (distance !== null) parts.push({ text: ` · ${t('label.postEdit', { percent: distance })}`, style: 'dim' });
  return fitLine(parts, width);
}

/** Origin paragraph, source, and for a stale segment the change of the source. */
export function sourceBlock(view: SegmentView, width: number, options: LineOptions): Line[] {
  const { t } = options;
  const lines: Line[] = [];
  if (view.origin !== null) {
    lines.push(label(t('label.origin'), width), ...wrapped(view.origin, width, 'origin'));
  }
  // A stale segment's source is shown as its change since the approval (the current text with
  // what was removed and added marked): the plain text as well would repeat the paragraph and
  // push the translation, what the translator has to fix, off a small screen.
  const change = sourceDiff(view);
  if (change) lines.push(label(t('label.sourceChange'), width), ...wrapSpans(diffSpans(change, options.markers), width));
  else lines.push(label(t('label.source'), width), ...wrapped(view.source, width));
  return lines;
}

function machineLabel(view: SegmentView, t: Translate): string {
  return view.machine ? t('label.machine', { engine: view.machine.by, date: shortDate(view.machine.at) }) : t('label.noMachine');
}

function humanLabel(view: SegmentView, t: Translate): string {
  if (!view.human) return t('label.noHuman');
  const values = { by: view.human.by, date: shortDate(view.human.at) };
  return view.human.approved ? t('label.approved', values) : t('label.draft', values);
}

/**
 * The target side. Diff view: the two labels, then one text where the machine's words the human
 * dropped are struck and the human's additions are marked. Full view: both texts in turn.
 */
export function targetBlock(view: SegmentView, width: number, diffView: boolean, options: LineOptions): Line[] {
  const { t } = options;
  const diff = diffView ? machineDiff(view) : null;
  if (diff) {
    return [
      label(machineLabel(view, t), width),
      label(humanLabel(view, t), width),
      label(t('label.diff'), width),
      ...wrapSpans(diffSpans(diff, options.markers), width),
    ];
  }
  const lines: Line[] = [label(machineLabel(view, t), width)];
  if (view.machine) lines.push(...wrapped(view.machine.text, width, view.human ? 'dim' : 'text'));
  lines.push(label(humanLabel(view, t), width));
  if (view.human) lines.push(...wrapped(view.human.text, width));
  return lines;
}

/** The inline editor: its label, then the buffer wrapped with the cursor drawn in reverse video. */
export function editorBlock(buffer: EditorBuffer, width: number, { t, markers }: LineOptions): { lines: Line[]; cursorLine: number } {
  // One column is kept free so the cursor can sit after the last character of a full row.
  const textWidth = Math.max(1, width - 1);
  const place = locateCursor(buffer.text, buffer.cursor, textWidth);
  const lines: Line[] = [label(t('label.editing'), width)];
  place.rows.forEach((row, i) => {
    if (i !== place.row) {
      lines.push(plain(row.text));
      return;
    }
    // Split the row's text at the cursor's column.
    let before = '';
    let used = 0;
    // The row as covered, trailing spaces included: a space just typed at the end of a row
    // moves the cursor past it.
    const covered = buffer.text.slice(row.start, row.end).replace(/\n$/, '');
    const parts = [...graphemes.segment(covered)].map((s) => s.segment);
    let index = 0;
    // Walk graphemes until the cursor's column: the cursor cell is the grapheme under it.
    while (index < parts.length && used + displayWidth(parts[index]!) <= place.column) {
      before += parts[index];
      used += displayWidth(parts[index]!);
      index++;
    }
    const under = parts[index] ?? ' ';
    const after = parts.slice(index + 1).join('');
    // Reverse video is a style, and without colour there is no style: then the cursor is a bar
    // drawn before the character (the row keeps one free column for it).
    const spans: Line = markers
      ? [{ text: before, style: 'text' }, { text: '▏', style: 'cursor' }, { text: parts.slice(index).join(''), style: 'text' }]
      : [{ text: before, style: 'text' }, { text: under, style: 'cursor' }, { text: after, style: 'text' }];
    lines.push(spans.filter((span) => span.text !== ''));
  });
  return { lines, cursorLine: place.row + 1 };
}

/** Cuts a line of spans to `width` columns, with `…` when something was cut. */
export function fitLine(spans: readonly Span[], width: number): Line {
  const out: Line = [];
  let room = width;
  for (const span of spans) {
    // A span longer than 2 × room UTF-16 units cannot fit: no need to measure all of it.
    const w = span.text.length > 2 * room + 2 ? room + 1 : displayWidth(span.text);
    if (w <= room) {
      out.push(span);
      room -= w;
      continue;
    }
    // This span overflows: cut it (its `…` marks the cut) and drop what follows.
    out.push({ ...span, text: truncateToWidth(span.text, room) });
    return out;
  }
  return out;
}

/** Pads a line with spaces to exactly `width` columns (for side-by-side columns). */
export function padLine(line: Line, width: number): Line {
  const fitted = fitLine(line, width);
  const used = fitted.reduce((sum, span) => sum + displayWidth(span.text), 0);
  return used < width ? [...fitted, { text: ' '.repeat(width - used), style: 'text' }] : fitted;
}

export interface ListLineInput {
  view: SegmentView;
  selected: boolean;
  /** The segment has QA findings: marked `!` beside the selection marker. */
  flagged?: boolean;
  width: number;
  sideBySide: boolean;
  keyWidth: number;
  statusWidth: number;
}

/** One row of the segment list: marker, key, status, then the source (and target when wide). */
export function listLine({ view, selected, flagged, width, sideBySide, keyWidth, statusWidth }: ListLineInput, { t }: LineOptions): Line {
  const status = t(`status.${view.status}`);
  const head: Span[] = [
    { text: selected ? '▸' : ' ', style: selected ? 'selected' : 'dim' },
    { text: flagged ? '!' : ' ', style: 'error' },
    { text: view.key.padEnd(keyWidth), style: 'key' },
    { text: ' ', style: 'text' },
    { text: status + ' '.repeat(Math.max(0, statusWidth - displayWidth(status))), style: `status-${view.status}` },
    { text: ' ', style: 'text' },
  ];
  const used = head.reduce((sum, span) => sum + displayWidth(span.text), 0);
  const room = Math.max(0, width - used);
  const oneLine = (text: string) => text.replace(/\n/g, ' ');
  const target = view.human?.text ?? view.machine?.text ?? '';
  if (!sideBySide) return fitLine([...head, { text: oneLine(view.source), style: selected ? 'selected' : 'text' }], width);
  const sourceWidth = Math.floor((room - 3) / 2);
  const targetWidth = room - 3 - sourceWidth;
  return fitLine([
    ...head,
    ...padLine([{ text: oneLine(view.source), style: selected ? 'selected' : 'text' }], sourceWidth),
    { text: ' │ ', style: 'dim' },
    ...fitLine([{ text: oneLine(target), style: view.human ? 'text' : 'dim' }], targetWidth),
  ], width);
}

/** Roles of running text, where a search match is marked (labels, diffs and keys keep theirs). */
const SEARCHABLE: ReadonlySet<Role> = new Set<Role>(['text', 'dim', 'origin']);

/**
 * Marks the occurrences of `needle` (lower-case NFC, as the search compares) in a line's running
 * text. A match cut by a line wrap or a style change is not marked; a span whose lower-case form
 * has another length (a few rare letters) is left as it is rather than marked at wrong offsets.
 */
export function highlightMatches(line: Line, needle: string): Line {
  if (needle === '') return line;
  const out: Line = [];
  for (const span of line) {
    const lower = span.text.toLowerCase();
    if (!SEARCHABLE.has(span.style) || lower.length !== span.text.length || !lower.includes(needle)) {
      out.push(span);
      continue;
    }
    let from = 0;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      if (at > from) out.push({ ...span, text: span.text.slice(from, at) });
      out.push({ ...span, text: span.text.slice(at, at + needle.length), style: 'match' });
      from = at + needle.length;
    }
    if (from < span.text.length) out.push({ ...span, text: span.text.slice(from) });
  }
  return out;
}
