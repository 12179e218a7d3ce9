/**
 * The review workbench's container: owns the screen state (reviewReducer), turns key presses
 * into commands through the bindings table, performs the review actions through the session
 * (one atomic write each, in the order they were asked for), and draws the frame.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useApp, useInput, type Key } from 'ink';
import type { SegmentState } from '../core/model.js';
import { currentCandidates } from '../core/status/status.js';
import { sanitizeLine } from '../core/text/sanitize.js';
import { WrapCache } from '../core/text/wrapCache.js';
import { ReviewScreen } from './components/ReviewScreen.js';
import { useQa } from './hooks/useQa.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import type { Translate } from './i18n/index.js';
import { commandFor, type CommandId } from './keys/bindings.js';
import { keyOfChar } from './keys/chunk.js';
import { computeLayout, scrollWindow, type Layout } from './layout.js';
import { activeSegments, buildRow, buildSegmentView, type SegmentView } from './model/segmentView.js';
import type { ReviewData, ReviewSession } from './session.js';
import { isDirty } from './state/editor.js';
import { initialReviewState, reviewReducer, selectedKey, undoEntry, type Notice, type ReviewAction, type ReviewScreenState } from './state/reviewReducer.js';
import { helpLines } from './view/help.js';
import type { Line } from './view/lines.js';
import { buildScreen } from './view/screen.js';

/** Hooks the process wrapper calls: on a signal, save what the editor holds before leaving. */
export interface ExitHooks {
  flush?: () => Promise<void>;
}

export interface ReviewAppProps {
  session: ReviewSession;
  initialLang: string;
  t: Translate;
  uiLanguage: string;
  /** Mark diffs with `[-…-]{+…+}` as well as colour (when colour is off). */
  markers: boolean;
  /** Opens the user's $EDITOR on a text; resolves to the edited text, or null if unchanged/failed. */
  externalEditor?: (text: string, key: string) => Promise<string | null>;
  exitHooks?: ExitHooks;
}

/**
 * Esc followed quickly by a key reaches us as one Alt chord (`Esc j` is alt+j). In the editor and
 * the search prompt an unbound Alt+character is that: the translator leaving with Esc and going
 * on (`Esc j` moves down) — not a chord to ignore, which swallowed both keys.
 */
function isEscapeThenKey(input: string, key: Key): boolean {
  return key.meta && !key.ctrl && [...input].length === 1 && input >= ' ';
}

/** Columns the inline editor wraps its text to (one is kept for the cursor). */
function editorWidth(layout: Layout): number {
  return Math.max(1, (layout.mode === 'stacked' ? layout.width : layout.columns.right) - 1);
}

const NEEDS_DATA = new Set<CommandId>(['approve', 'acceptMachine', 'revertDraft', 'edit', 'externalEdit', 'undo', 'nextLanguage']);

export function ReviewApp({ session, initialLang, t, uiLanguage, markers, externalEditor, exitHooks }: ReviewAppProps) {
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reviewReducer, undefined, () =>
    initialReviewState({ lang: initialLang, languages: session.languages }));
  // The latest state, also between a key and the frame it causes: several keys can arrive in one
  // chunk (`j` then Enter typed fast), and Enter must approve the segment the `j` selected.
  const stateRef = useRef<ReviewScreenState>(state);
  stateRef.current = state;
  const act = useCallback((action: ReviewAction) => {
    stateRef.current = reviewReducer(stateRef.current, action);
    dispatch(action);
  }, []);

  const data = useRef<ReviewData | null>(null);
  const views = useRef(new Map<string, SegmentView>());
  const revision = useRef(0);
  const cache = useRef(new WrapCache<Line[]>(600));
  const listTop = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const size = useTerminalSize();
  const listed = state.loading ? Number.POSITIVE_INFINITY : state.visible.length;
  const layout = useMemo(() => computeLayout(size.columns, size.rows, listed), [size, listed]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  useEffect(() => act({ type: 'pageSize', rows: layout.listHeight }), [layout.listHeight]);

  const notify = (notice: Notice | null) => act({ type: 'notice', notice });
  const failed = (error: unknown) =>
    notify({ id: 'message.failed', values: { error: sanitizeLine(error instanceof Error ? error.message : String(error)) }, tone: 'error' });

  // Load (and reload on a language switch) the article and its review state.
  useEffect(() => {
    if (!state.loading) return;
    let cancelled = false;
    session.load(state.lang).then((loaded) => {
      if (cancelled) return;
      data.current = loaded;
      views.current.clear();
      forgetQa();
      const rows = activeSegments(loaded.article).map((segment) => buildRow(segment, loaded.state.segments[segment.key]));
      act({ type: 'loaded', lang: state.lang, rows });
    }, failed);
    return () => {
      cancelled = true;
    };
  }, [state.loading, state.lang, session]);

  const viewOf = useCallback((key: string): SegmentView => {
    const known = views.current.get(key);
    if (known) return known;
    const loaded = data.current!;
    const view = buildSegmentView(loaded.article, loaded.article.segments[key]!, loaded.state.segments[key], revision.current++);
    views.current.set(key, view);
    return view;
  }, []);

  const { qaOf, qaRef, forgetQa } = useQa({ session, state, stateRef, data, viewOf, act, notify });

  /** Records a segment's new state after a write and refreshes its row and view. */
  const applySegment = (key: string, next: SegmentState | undefined, advance: boolean) => {
    const loaded = data.current;
    if (!loaded) return;
    const segments = { ...loaded.state.segments };
    if (next) segments[key] = next;
    else delete segments[key];
    loaded.state = { ...loaded.state, segments };
    views.current.delete(key);
    act({ type: 'rowUpdated', row: buildRow(loaded.article.segments[key]!, next, qaRef.current(key).length), advance });
  };

  /**
   * Runs one review action after the ones already asked for (key presses are faster than
   * disk writes; order must be kept), then updates the screen from what was written.
   */
  const perform = (key: string, action: (lang: string) => Promise<SegmentState | undefined>, done: Notice['id'], options: { advance?: boolean; undoable?: boolean } = {}) => {
    const lang = stateRef.current.lang;
    const job = async () => {
      const loaded = data.current;
      if (!loaded || stateRef.current.lang !== lang) return;
      const before = loaded.state.segments[key];
      try {
        const after = await action(lang);
        // A language switch meanwhile has reloaded everything from disk, this write included.
        if (data.current !== loaded) return;
        applySegment(key, after, options.advance ?? false);
        if (options.undoable ?? true) act({ type: 'undoPushed', entry: { key, lang, before } });
        notify({ id: done, values: { key }, tone: 'success' });
      } catch (error) {
        failed(error);
      }
    };
    queue.current = queue.current.then(job, job);
    return queue.current;
  };

  const approve = (key: string) => {
    const loaded = data.current;
    if (!loaded) return;
    const segment = loaded.article.segments[key]!;
    const segmentState = loaded.state.segments[key];
    const view = viewOf(key);
    if (view.status === 'approved' && !segmentState?.draft) {
      act({ type: 'command', command: 'moveDown' });
      return;
    }
    // The draft if there is one; a stale approval is re-approved as it stands; else the machine text.
    const text = segmentState?.draft
      ? undefined
      : segmentState?.approved?.text ?? currentCandidates(segment, segmentState).find((c) => c.origin === 'machine')?.text;
    if (!segmentState?.draft && text === undefined) {
      notify({ id: 'message.nothingToApprove', values: { key }, tone: 'error' });
      return;
    }
    void perform(key, (lang) => session.approve(lang, key, text), 'message.approved', { advance: true });
  };

  const saveEditor = () => {
    const editing = stateRef.current.editor;
    if (!editing) return;
    const text = editing.buffer.text;
    if (!isDirty(editing.buffer)) {
      act({ type: 'editClosed' });
      return;
    }
    if (text.trim() === '') {
      notify({ id: 'message.emptyText', tone: 'error' });
      return;
    }
    act({ type: 'editClosed' });
    void perform(editing.key, (lang) => session.edit(lang, editing.key, text), 'message.edited');
  };

  const editExternally = (key: string, text: string) => {
    if (!externalEditor) return;
    act({ type: 'editClosed' });
    // A notice is always shown afterwards, so the frame differs from the one before the editor
    // took the terminal and Ink repaints all of it.
    notify(null);
    void externalEditor(text, key).then((edited) => {
      if (edited === null || edited === text || edited.trim() === '') {
        notify({ id: 'message.unchanged', values: { key }, tone: 'info' });
        return;
      }
      void perform(key, (lang) => session.edit(lang, key, edited), 'message.edited');
    }, failed);
  };

  const runListCommand = (command: CommandId) => {
    const current = stateRef.current;
    const key = selectedKey(current);
    switch (command) {
      case 'quit':
        // Leave once every write asked for is on disk.
        void queue.current.then(() => exit());
        return;
      case 'approve':
        if (key) approve(key);
        return;
      case 'acceptMachine':
        if (key && !viewOf(key).machine) notify({ id: 'message.noMachine', values: { key }, tone: 'error' });
        else if (key) void perform(key, (lang) => session.acceptMachine(lang, key), 'message.accepted');
        return;
      case 'revertDraft':
        if (key && !data.current?.state.segments[key]?.draft) notify({ id: 'message.noDraft', values: { key }, tone: 'error' });
        else if (key) void perform(key, (lang) => session.revertDraft(lang, key), 'message.reverted');
        return;
      case 'edit':
        if (key) act({ type: 'editStarted', key, text: viewOf(key).editable });
        return;
      case 'externalEdit':
        if (key) editExternally(key, viewOf(key).editable);
        return;
      case 'undo': {
        const entry = undoEntry(current);
        if (!entry) {
          notify({ id: 'message.nothingToUndo', tone: 'info' });
          return;
        }
        act({ type: 'undoPopped' });
        act({ type: 'select', key: entry.key });
        void perform(entry.key, (lang) => session.restore(lang, entry.key, entry.before as SegmentState | undefined), 'message.undone', { undoable: false });
        return;
      }
      case 'pageDown':
      case 'pageUp': {
        // A page is what the list shows now (a resize's effect may not have run yet), and the
        // list turns a page with the selection, which keeps its row on screen.
        const rows = layoutRef.current.listHeight;
        if (current.pageSize !== rows) act({ type: 'pageSize', rows });
        const before = current.cursor;
        act({ type: 'command', command });
        listTop.current += stateRef.current.cursor - before;
        return;
      }
      default:
        act({ type: 'command', command });
    }
  };

  const handleKey = (input: string, key: Key) => {
    const current = stateRef.current;
    // Ctrl-C leaves from anywhere, keeping what the editor holds (as a signal would).
    if (key.ctrl && input === 'c') {
      void flush().finally(() => exit());
      return;
    }
    if (current.help) {
      const command = commandFor('list', input, key);
      if (command === 'help' || command === 'quit' || key.escape) act({ type: 'command', command: 'help' });
      else if (command === 'moveDown' || command === 'scrollDetailDown' || command === 'pageDown') act({ type: 'command', command: 'scrollDetailDown' });
      else if (command === 'moveUp' || command === 'scrollDetailUp' || command === 'pageUp') act({ type: 'command', command: 'scrollDetailUp' });
      return;
    }
    if (current.search.editing) {
      const command = commandFor('search', input, key);
      if (command) act({ type: 'command', command });
      else if (isEscapeThenKey(input, key)) {
        act({ type: 'command', command: 'searchCancel' });
        handleKey(...keyOfChar(input));
      } else if (!key.ctrl && !key.meta && input) act({ type: 'searchTyped', text: input });
      return;
    }
    if (current.editor) {
      const command = commandFor('editor', input, key);
      if (command === 'editorSave') saveEditor();
      else if (command === 'editorCancel') {
        act({ type: 'editClosed' });
        // Say so: what was typed is gone (nothing was written, so u cannot bring it back).
        if (isDirty(current.editor.buffer)) notify({ id: 'message.discarded', values: { key: current.editor.key }, tone: 'info' });
      }
      else if (command === 'editorExternal') editExternally(current.editor.key, current.editor.buffer.text);
      else if (command) act({ type: 'editorCommand', command, width: editorWidth(layoutRef.current) });
      else if (isEscapeThenKey(input, key)) {
        // Esc typed quickly followed by a key: leave the editor (saving), then that key is the list's.
        saveEditor();
        if (stateRef.current.editor === null) handleKey(...keyOfChar(input));
      } else if (!key.ctrl && !key.meta && input) act({ type: 'editorTyped', text: input });
      return;
    }
    // In the list Esc does nothing: Esc and a key typed quickly (one Alt chord) is that key.
    const command = commandFor('list', input, key) ?? (isEscapeThenKey(input, key) ? commandFor('list', ...keyOfChar(input)) : undefined);
    // While an article loads, keys still move and filter (the reducer copes with an empty list);
    // actions that need the records wait for them.
    if (command && (!current.loading || !NEEDS_DATA.has(command))) runListCommand(command);
  };

  const onInput = useCallback((input: string, key: Key) => {
    // Several keys can arrive in one chunk (`jjj` from key repeat): handle them one by one,
    // except in the editor and search prompt, where a chunk is pasted text.
    const current = stateRef.current;
    const typing = current.editor !== null || current.search.editing;
    if (!typing && input.length > 1 && !key.ctrl && !key.meta) {
      for (const ch of input) handleKey(...keyOfChar(ch));
      return;
    }
    handleKey(input, key);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useInput(onInput);

  /** Saves what the inline editor holds (if anything changed), then waits for pending writes. */
  async function flush(): Promise<void> {
    const editing = stateRef.current.editor;
    if (editing && isDirty(editing.buffer) && editing.buffer.text.trim() !== '') {
      const text = editing.buffer.text;
      await perform(editing.key, (lang) => session.edit(lang, editing.key, text), 'message.edited');
    }
    await queue.current;
  }

  // On a signal, the process wrapper calls the same flush before unmounting.
  useEffect(() => {
    if (!exitHooks) return;
    exitHooks.flush = flush;
    return () => {
      exitHooks.flush = undefined;
    };
  });

  listTop.current = scrollWindow(listTop.current, state.cursor, state.visible.length, layout.listHeight);
  const screenInput = {
    state,
    layout,
    articleId: session.articleId,
    originUrl: data.current?.article.originUrl ?? null,
    viewOf,
    qaOf,
    listTop: listTop.current,
    options: { t, markers },
    cache: cache.current,
    uiLanguage,
  };
  const screen = buildScreen(screenInput);

  // While the translator reads, prepare the frames of the neighbouring segments (views, wrapped
  // texts, diffs, QA land in the caches), so the next j or k only costs Ink's drawing. A key
  // press re-renders and cancels a preparation that has not started.
  useEffect(() => {
    if (state.loading || state.editor || state.help) return;
    const timer = setTimeout(() => {
      for (const cursor of [state.cursor + 1, state.cursor - 1]) {
        if (cursor < 0 || cursor >= state.visible.length) continue;
        const top = scrollWindow(listTop.current, cursor, state.visible.length, layout.listHeight);
        buildScreen({ ...screenInput, state: { ...state, cursor, detailScroll: 0 }, listTop: top });
      }
    }, 20);
    return () => clearTimeout(timer);
  });
  const allHelp = useMemo(() => helpLines(t, layout.width), [t, layout.width]);
  const helpRoom = layout.height - layout.headerHeight - layout.footerHeight;
  let help: Line[] | null = null;
  if (state.help) {
    const top = Math.min(state.detailScroll, Math.max(0, allHelp.length - helpRoom));
    help = allHelp.slice(top, top + helpRoom);
    // As in the details: say that the help goes on below, rather than cut it silently.
    const hidden = allHelp.length - top - help.length;
    if (hidden > 0 && helpRoom > 1) help = [...help.slice(0, -1), [{ text: t('label.more', { count: hidden + 1 }), style: 'dim' }]];
  }
  return <ReviewScreen screen={screen} layout={layout} help={help} />;
}
