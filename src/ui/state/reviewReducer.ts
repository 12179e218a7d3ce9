/**
 * The review screen's state and every change to it, as a pure reducer.
 *
 * Saving is not done here: the container performs an action through the services, then tells
 * the reducer what changed (`rowUpdated`, `undoPushed`…). So the whole screen logic — moving,
 * filtering, searching, editing keystrokes — is testable without rendering or touching disk.
 */
import type { SegmentStatus } from '../../core/model.js';
import type { CommandId } from '../keys/bindings.js';
import * as editor from './editor.js';
import type { EditorBuffer } from './editor.js';

/** What the list needs to know about a segment to place, filter and search it. */
export interface SegmentRow {
  key: string;
  status: SegmentStatus;
  /** Number of open QA findings (0 until a QA module reports some). */
  qaIssues: number;
  /** Lower-cased NFC text searched by `/`: key, source, machine, human (may be computed lazily). */
  readonly haystack: string;
}

export type Filter = 'all' | 'needsWork' | 'stale' | 'qa';
export const FILTERS: readonly Filter[] = ['all', 'needsWork', 'stale', 'qa'];

/** A message for the footer, as an i18n key and its values (translated when drawn). */
export interface Notice {
  id: string;
  values?: Record<string, string | number>;
  tone: 'info' | 'success' | 'error';
}

/** What undo restores: a segment's review state before an action (opaque to the reducer). */
export interface UndoEntry<Snapshot = unknown> {
  key: string;
  lang: string;
  before: Snapshot;
}

export interface ReviewScreenState {
  lang: string;
  languages: readonly string[];
  loading: boolean;
  /** All segments in document order. */
  rows: SegmentRow[];
  /** Indexes into `rows` of the segments the filter and search let through. */
  visible: number[];
  /** Position in `visible` of the selected segment. */
  cursor: number;
  filter: Filter;
  /**
   * The search and its prompt. `replace`: the prompt was reopened on an earlier query, shown
   * selected — typing starts a new search, Backspace or → edits the earlier one (a browser's
   * find bar).
   */
  search: { query: string; editing: boolean; replace?: boolean };
  /**
   * Index into `rows` of the segment selected last. While a filter or search shows nothing,
   * nothing is selected; when segments show again, the selection comes back to this one.
   */
  anchor: number;
  /** Diff view (machine → human diff) or both texts in full. */
  diffView: boolean;
  /** First row of the selected segment's details that is on screen. */
  detailScroll: number;
  help: boolean;
  editor: { key: string; buffer: EditorBuffer } | null;
  undo: UndoEntry[];
  notice: Notice | null;
  /** Segments one page moves by; set from the layout. */
  pageSize: number;
  /** Moves typed before the first load finished, replayed once the segments are there. */
  pending: CommandId[];
}

export type ReviewAction =
  | { type: 'loaded'; lang: string; rows: SegmentRow[] }
  | { type: 'command'; command: CommandId }
  | { type: 'rowUpdated'; row: SegmentRow; advance?: boolean }
  | { type: 'searchTyped'; text: string }
  | { type: 'editStarted'; key: string; text: string }
  | { type: 'editorTyped'; text: string }
  | { type: 'editorCommand'; command: CommandId; width: number }
  | { type: 'editClosed' }
  | { type: 'undoPushed'; entry: UndoEntry }
  /** The entry `undoEntry` returned is being undone: it leaves the stack. */
  | { type: 'undoPopped' }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'pageSize'; rows: number }
  /** QA findings counted for some segments (the QA filter's scan reports as it goes). */
  | { type: 'qaCounted'; lang: string; counts: Record<string, number> }
  /** Selects a segment by key, when it is listed (undo shows the segment it changed). */
  | { type: 'select'; key: string };

export function initialReviewState(options: { lang: string; languages: readonly string[]; diffView?: boolean }): ReviewScreenState {
  return {
    lang: options.lang,
    languages: options.languages.length > 0 ? options.languages : [options.lang],
    loading: true,
    rows: [],
    visible: [],
    cursor: 0,
    anchor: 0,
    filter: 'all',
    search: { query: '', editing: false },
    diffView: options.diffView ?? true,
    detailScroll: 0,
    help: false,
    editor: null,
    undo: [],
    notice: null,
    pageSize: 10,
    pending: [],
  };
}

export function needsWork(status: SegmentStatus): boolean {
  return status !== 'approved';
}

function passesFilter(row: SegmentRow, filter: Filter): boolean {
  switch (filter) {
    case 'all': return true;
    case 'needsWork': return needsWork(row.status);
    case 'stale': return row.status === 'stale';
    case 'qa': return row.qaIssues > 0;
  }
}

function visibleRows(rows: readonly SegmentRow[], filter: Filter, query: string): number[] {
  const needle = query.trim().normalize('NFC').toLowerCase();
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (passesFilter(row, filter) && (needle === '' || row.haystack.includes(needle))) out.push(i);
  });
  return out;
}

/** The selected segment's key, if any segment is visible. */
export function selectedKey(state: ReviewScreenState): string | undefined {
  const index = state.visible[state.cursor];
  return index === undefined ? undefined : state.rows[index]?.key;
}

/**
 * What `u` undoes: the last change made in the language on screen. Each language keeps its own
 * history in the one stack, so after switching languages `u` never restores a segment of the
 * language on screen to a state it had in another language.
 */
export function undoEntry(state: ReviewScreenState): UndoEntry | undefined {
  return state.undo.findLast((entry) => entry.lang === state.lang);
}

function clampCursor(cursor: number, count: number): number {
  return Math.max(0, Math.min(cursor, count - 1));
}

/** Re-applies filter and search, keeping the selection on the same segment when it is still listed. */
function refilter(state: ReviewScreenState, patch: Partial<ReviewScreenState>): ReviewScreenState {
  const next = { ...state, ...patch };
  const keep = selectedKey(state) ?? state.rows[state.anchor]?.key;
  const visible = visibleRows(next.rows, next.filter, next.search.query);
  const at = keep === undefined ? -1 : visible.findIndex((i) => next.rows[i]!.key === keep);
  if (at >= 0) return { ...next, visible, cursor: at };
  // The selected segment left the list: select the next listed one in document order.
  const was = state.visible[state.cursor] ?? state.anchor;
  const after = visible.findIndex((i) => i >= was);
  const cursor = after >= 0 ? after : clampCursor(visible.length - 1, visible.length);
  return { ...next, visible, cursor, detailScroll: 0 };
}

function moveTo(state: ReviewScreenState, cursor: number): ReviewScreenState {
  const target = clampCursor(cursor, state.visible.length);
  if (target === state.cursor) return state;
  return { ...state, cursor: target, detailScroll: 0, notice: null };
}

/** The next (or previous) visible segment, after the cursor, whose status needs work. */
function findNeedingWork(state: ReviewScreenState, direction: 1 | -1): number | undefined {
  for (let i = state.cursor + direction; i >= 0 && i < state.visible.length; i += direction) {
    if (needsWork(state.rows[state.visible[i]!]!.status)) return i;
  }
  return undefined;
}

function runCommand(state: ReviewScreenState, command: CommandId): ReviewScreenState {
  switch (command) {
    case 'moveDown': return moveTo(state, state.cursor + 1);
    case 'moveUp': return moveTo(state, state.cursor - 1);
    case 'pageDown': return moveTo(state, state.cursor + Math.max(1, state.pageSize));
    case 'pageUp': return moveTo(state, state.cursor - Math.max(1, state.pageSize));
    case 'first': return moveTo(state, 0);
    case 'last': return moveTo(state, state.visible.length - 1);
    case 'nextNeedsWork':
    case 'prevNeedsWork': {
      const found = findNeedingWork(state, command === 'nextNeedsWork' ? 1 : -1);
      return found === undefined ? { ...state, notice: { id: 'message.noMoreNeedsWork', tone: 'info' } } : moveTo(state, found);
    }
    case 'toggleDiff':
      // Said in words: on a segment with nothing to compare the screen would not change at all.
      return { ...state, diffView: !state.diffView, detailScroll: 0, notice: { id: state.diffView ? 'message.diffHidden' : 'message.diffShown', tone: 'info' } };
    case 'cycleFilter': {
      const filter = FILTERS[(FILTERS.indexOf(state.filter) + 1) % FILTERS.length]!;
      return refilter(state, { filter, notice: null });
    }
    case 'search': return { ...state, search: { query: state.search.query, editing: true, ...(state.search.query ? { replace: true } : {}) } };
    case 'searchConfirm': return { ...state, search: { query: state.search.query, editing: false } };
    case 'searchKeep': return { ...state, search: { query: state.search.query, editing: true } };
    case 'searchCancel': return refilter(state, { search: { query: '', editing: false } });
    case 'searchBackspace': {
      const query = [...state.search.query].slice(0, -1).join('');
      return refilter(state, { search: { query, editing: true } });
    }
    case 'nextLanguage': {
      if (state.languages.length < 2) return state;
      const lang = state.languages[(state.languages.indexOf(state.lang) + 1) % state.languages.length]!;
      return { ...state, lang, loading: true, editor: null, notice: { id: 'message.language', values: { lang }, tone: 'info' } };
    }
    case 'scrollDetailDown': return { ...state, detailScroll: state.detailScroll + 3 };
    case 'scrollDetailUp': return { ...state, detailScroll: Math.max(0, state.detailScroll - 3) };
    case 'help': return { ...state, help: !state.help, detailScroll: 0 };
    default: return state;
  }
}

function editorCommand(buffer: EditorBuffer, command: CommandId, width: number): EditorBuffer {
  switch (command) {
    case 'editorNewline': return editor.insertText(buffer, '\n');
    case 'editorLeft': return editor.moveLeft(buffer);
    case 'editorRight': return editor.moveRight(buffer);
    case 'editorUp': return editor.moveUp(buffer, width);
    case 'editorDown': return editor.moveDown(buffer, width);
    case 'editorHome': return editor.moveLineStart(buffer);
    case 'editorEnd': return editor.moveLineEnd(buffer);
    case 'editorWordLeft': return editor.moveWordLeft(buffer);
    case 'editorWordRight': return editor.moveWordRight(buffer);
    case 'editorBackspace': return editor.backspace(buffer);
    case 'editorDelete': return editor.deleteForward(buffer);
    case 'editorDeleteWord': return editor.deleteWordBackward(buffer);
    case 'editorUndo': return editor.undoTyping(buffer);
    default: return buffer;
  }
}

const UNDO_LIMIT = 100;

export function reviewReducer(state: ReviewScreenState, action: ReviewAction): ReviewScreenState {
  const next = reduce(state, action);
  const selected = next.visible[next.cursor];
  return selected === undefined || selected === next.anchor ? next : { ...next, anchor: selected };
}

function reduce(state: ReviewScreenState, action: ReviewAction): ReviewScreenState {
  switch (action.type) {
    case 'loaded': {
      // A language switch keeps the translator on the same segment.
      const next = refilter({ ...state, rows: action.rows }, { lang: action.lang, loading: false, pending: [] });
      // Opening an article starts where the work is: on the first segment that needs work (a
      // translator coming back to a half-reviewed article is not sent through the approved ones).
      const start = Math.max(0, next.visible.findIndex((i) => needsWork(next.rows[i]!.status)));
      const first = state.rows.length === 0 ? { ...next, cursor: start } : next;
      return state.pending.reduce(runCommand, first);
    }
    case 'command':
      // Nothing to move in yet: keep the key for when the segments arrive.
      if (state.loading && state.rows.length === 0) return { ...state, pending: [...state.pending, action.command] };
      return runCommand(state, action.command);
    case 'rowUpdated': {
      const index = state.rows.findIndex((row) => row.key === action.row.key);
      if (index === -1) return state;
      const rows = state.rows.slice();
      rows[index] = action.row;
      const wasSelected = selectedKey(state) === action.row.key;
      const next = refilter(state, { rows });
      // "Approve and move on": advance only if the segment is still listed under the cursor
      // (under the needs-work filter it has just left the list, and the next one is already there).
      return action.advance && wasSelected && selectedKey(next) === action.row.key ? moveTo(next, next.cursor + 1) : next;
    }
    case 'searchTyped': {
      // eslint-disable-next-line no-control-regex
      const typed = action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
      if (typed === '') return state;
      const base = state.search.replace ? '' : state.search.query;
      return refilter(state, { search: { query: base + typed, editing: true } });
    }
    case 'editStarted':
      return { ...state, editor: { key: action.key, buffer: editor.openBuffer(action.text) }, notice: null };
    case 'editorTyped':
      return state.editor ? { ...state, editor: { ...state.editor, buffer: editor.insertText(state.editor.buffer, action.text) } } : state;
    case 'editorCommand':
      return state.editor
        ? { ...state, editor: { ...state.editor, buffer: editorCommand(state.editor.buffer, action.command, action.width) } }
        : state;
    case 'editClosed':
      return { ...state, editor: null };
    case 'undoPushed':
      return { ...state, undo: [...state.undo, action.entry].slice(-UNDO_LIMIT) };
    case 'undoPopped': {
      const entry = undoEntry(state);
      return entry ? { ...state, undo: state.undo.filter((e) => e !== entry) } : state;
    }
    case 'notice':
      return { ...state, notice: action.notice };
    case 'qaCounted': {
      if (action.lang !== state.lang) return state;
      let changed = false;
      const rows = state.rows.map((row) => {
        const count = action.counts[row.key];
        if (count === undefined || count === row.qaIssues) return row;
        changed = true;
        return { ...row, qaIssues: count };
      });
      // Nothing new: the same state, so the screen does not draw again.
      if (!changed) return state;
      return state.filter === 'qa' ? refilter(state, { rows }) : { ...state, rows };
    }
    case 'select': {
      const at = state.visible.findIndex((i) => state.rows[i]!.key === action.key);
      return at === -1 ? state : moveTo(state, at);
    }
    case 'pageSize':
      return action.rows === state.pageSize ? state : { ...state, pageSize: Math.max(1, action.rows) };
  }
}
