import { describe, expect, it } from 'vitest';
import {
  initialReviewState, reviewReducer, selectedKey, undoEntry,
  type ReviewAction, type ReviewScreenState, type SegmentRow,
} from '../../../src/ui/state/reviewReducer.js';
import { commandFor, type CommandId } from '../../../src/ui/keys/bindings.js';
import { key, row } from '../support/builders.js';

function loaded(rows = [
  row('p1', 'approved', 'Le porte-parole du Pentagone'),
  row('p2', 'machine', 'Le secrétaire américain'),
  row('p3', 'approved', 'Selon Reuters'),
  row('p4', 'stale', 'Le ministère russe', 2),
  row('p5', 'untranslated', 'Point de conflit'),
]): ReviewScreenState {
  // On the first segment (opening selects the first one needing work, p2 here).
  return reviewReducer(opened(rows), { type: 'command', command: 'first' });
}

function opened(rows: SegmentRow[]): ReviewScreenState {
  const start = initialReviewState({ lang: 'en', languages: ['en', 'vi'] });
  return reviewReducer(start, { type: 'loaded', lang: 'en', rows });
}

const run = (state: ReviewScreenState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, state);
const cmd = (command: CommandId): ReviewAction => ({ type: 'command', command });
/** What a key press does, going through the bindings table like the app does. */
const press = (state: ReviewScreenState, input: string, flags = {}) => {
  const command = commandFor('list', input, key(flags));
  if (!command) throw new Error(`"${input}" is not bound`);
  return reviewReducer(state, cmd(command));
};

describe('moving', () => {
  it('j/k and the arrows move one segment and stop at the ends', () => {
    let s = loaded();
    expect(selectedKey(s)).toBe('p1');
    s = press(s, 'k');
    expect(selectedKey(s)).toBe('p1');
    s = press(s, 'j');
    s = press(s, '', { downArrow: true });
    expect(selectedKey(s)).toBe('p3');
    s = press(s, '', { upArrow: true });
    expect(selectedKey(s)).toBe('p2');
  });

  it('g and G jump to the first and last segment; PgDn/PgUp move by the page size', () => {
    let s = run(loaded(), { type: 'pageSize', rows: 2 });
    s = press(s, 'G');
    expect(selectedKey(s)).toBe('p5');
    s = press(s, 'g');
    expect(selectedKey(s)).toBe('p1');
    s = press(s, '', { pageDown: true });
    expect(selectedKey(s)).toBe('p3');
    s = press(s, '', { pageDown: true });
    s = press(s, '', { pageDown: true });
    expect(selectedKey(s)).toBe('p5');
    s = press(s, '', { pageUp: true });
    expect(selectedKey(s)).toBe('p3');
  });

  it('n and N go to the next and previous segment that needs work, skipping approved ones', () => {
    let s = press(loaded(), 'n');
    expect(selectedKey(s)).toBe('p2');
    s = press(s, 'n');
    expect(selectedKey(s)).toBe('p4');
    s = press(s, 'N');
    expect(selectedKey(s)).toBe('p2');
    s = press(press(s, 'G'), 'n');
    expect(selectedKey(s)).toBe('p5');
    expect(s.notice?.id).toBe('message.noMoreNeedsWork');
  });

  it('moving resets the detail scroll', () => {
    let s = press(press(loaded(), 'J'), 'J');
    expect(s.detailScroll).toBeGreaterThan(0);
    s = press(s, 'j');
    expect(s.detailScroll).toBe(0);
  });
});

describe('filters and search', () => {
  it('f cycles all → needs work → stale → QA issues → all, keeping the selection when it stays listed', () => {
    let s = press(loaded(), 'G'); // p5, untranslated
    s = press(s, 'f');
    expect(s.filter).toBe('needsWork');
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p2', 'p4', 'p5']);
    expect(selectedKey(s)).toBe('p5');
    s = press(s, 'f');
    expect(s.filter).toBe('stale');
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p4']);
    s = press(s, 'f');
    expect(s.filter).toBe('qa');
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p4']);
    s = press(s, 'f');
    expect(s.filter).toBe('all');
    expect(selectedKey(s)).toBe('p4');
  });

  it('/ opens the prompt; typed text narrows the list case-insensitively; Esc clears it', () => {
    let s = press(loaded(), '/');
    expect(s.search.editing).toBe(true);
    s = run(s, { type: 'searchTyped', text: 'LE ' });
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p1', 'p2', 'p4']);
    s = run(s, { type: 'searchTyped', text: 'S' }, cmd('searchConfirm'));
    expect(s.search).toEqual({ query: 'LE S', editing: false });
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p2']);
    s = run(s, cmd('search'), cmd('searchBackspace'));
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p1', 'p2', 'p4']);
    s = run(s, cmd('searchCancel'));
    expect(s.visible).toHaveLength(5);
    expect(selectedKey(s)).toBe('p2');
  });

  it('/ on an earlier search shows it selected: typing starts a new search, → keeps it to type more', () => {
    let s = run(press(loaded(), '/'), { type: 'searchTyped', text: 'reuters' }, cmd('searchConfirm'));
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p3']);
    s = run(press(s, '/'), { type: 'searchTyped', text: 'conflit' });
    expect(s.search.query).toBe('conflit');
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p5']);
    s = run(s, cmd('searchConfirm'), cmd('search'));
    s = run(s, { type: 'command', command: commandFor('search', '', key({ rightArrow: true }))! }, { type: 'searchTyped', text: ' de' });
    expect(s.search.query).toBe('conflit de');
  });

  it('a search that matches nothing loses no selection: clearing it selects the segment selected before', () => {
    let s = run(press(loaded(), 'j'), cmd('moveDown'), cmd('moveDown')); // p4
    s = run(press(s, '/'), { type: 'searchTyped', text: 'zzz' });
    expect(s.visible).toEqual([]);
    expect(selectedKey(s)).toBeUndefined();
    s = run(s, cmd('searchCancel'));
    expect(selectedKey(s)).toBe('p4');
    // Same when the search is narrowed to nothing and widened again with Backspace.
    s = run(press(s, '/'), { type: 'searchTyped', text: 'ministère' }, { type: 'searchTyped', text: 'x' });
    expect(s.visible).toEqual([]);
    s = run(s, cmd('searchBackspace'));
    expect(selectedKey(s)).toBe('p4');
  });

  it('searches accented text in NFC whatever form was typed', () => {
    let s = press(loaded(), '/');
    s = run(s, { type: 'searchTyped', text: 'secrétaire'.normalize('NFD') });
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p2']);
  });

  it('drops control characters typed into the search', () => {
    const s = run(press(loaded(), '/'), { type: 'searchTyped', text: '\u001b[31mSelon' });
    expect(s.search.query).toBe('[31mSelon');
  });
});

describe('saving updates', () => {
  it('an approval advances to the next segment ("approve and move on")', () => {
    let s = press(loaded(), 'j'); // p2
    s = run(s, { type: 'rowUpdated', row: row('p2', 'approved'), advance: true });
    expect(s.rows[1]!.status).toBe('approved');
    expect(selectedKey(s)).toBe('p3');
  });

  it('under the needs-work filter the approved segment leaves the list and the next one is selected', () => {
    let s = press(press(loaded(), 'f'), 'g'); // needs work: p2, p4, p5; on p2
    s = run(s, { type: 'rowUpdated', row: row('p2', 'approved'), advance: true });
    expect(s.visible.map((i) => s.rows[i]!.key)).toEqual(['p4', 'p5']);
    expect(selectedKey(s)).toBe('p4');
  });

  it('keeps an undo stack of what each action replaced', () => {
    let s = run(loaded(), { type: 'undoPushed', entry: { key: 'p2', lang: 'en', before: undefined } },
      { type: 'undoPushed', entry: { key: 'p3', lang: 'en', before: { status: 'draft' } } });
    expect(s.undo.map((e) => e.key)).toEqual(['p2', 'p3']);
    s = run(s, { type: 'undoPopped' });
    expect(s.undo.map((e) => e.key)).toEqual(['p2']);
  });

  it('QA counts that change nothing leave the state as it was (no redraw)', () => {
    const s = loaded();
    expect(run(s, { type: 'qaCounted', lang: 'en', counts: { p4: 2, p1: 0 } })).toBe(s);
    expect(run(s, { type: 'qaCounted', lang: 'en', counts: { p1: 1 } }).rows[0]!.qaIssues).toBe(1);
  });

  it('undoes per language: the entry u takes is the last one of the language on screen', () => {
    let s = run(loaded(), { type: 'undoPushed', entry: { key: 'p2', lang: 'en', before: undefined } },
      { type: 'undoPushed', entry: { key: 'p3', lang: 'vi', before: undefined } });
    expect(undoEntry(s)?.key).toBe('p2');
    s = run(s, { type: 'undoPopped' });
    expect(s.undo.map((e) => `${e.lang} ${e.key}`)).toEqual(['vi p3']);
    expect(undoEntry(s)).toBeUndefined();
  });
});

describe('opening an article', () => {
  it('selects the first segment that needs work, or the first one when all are approved', () => {
    expect(selectedKey(opened([row('p1', 'approved'), row('p2', 'machine'), row('p3', 'untranslated')]))).toBe('p2');
    expect(selectedKey(opened([row('p1', 'approved'), row('p2', 'approved')]))).toBe('p1');
    expect(selectedKey(opened([row('p1', 'machine'), row('p2', 'approved')]))).toBe('p1');
  });
});

describe('keys typed while the article loads', () => {
  it('are kept and applied once the segments are there', () => {
    let s = initialReviewState({ lang: 'en', languages: ['en'] });
    s = run(s, cmd('moveDown'), cmd('moveDown'), cmd('cycleFilter'));
    expect(s.pending).toEqual(['moveDown', 'moveDown', 'cycleFilter']);
    s = run(s, { type: 'loaded', lang: 'en', rows: loaded().rows });
    expect(s.pending).toEqual([]);
    expect(s.filter).toBe('needsWork');
    expect(selectedKey(s)).toBe('p4'); // p3, then under "needs work" the next listed one
  });
});

describe('select', () => {
  it('selects a listed segment by key and ignores one the filter hides', () => {
    let s = run(loaded(), { type: 'select', key: 'p4' });
    expect(selectedKey(s)).toBe('p4');
    s = run(press(s, 'f'), { type: 'select', key: 'p1' }); // needs work: p1 is approved, not listed
    expect(selectedKey(s)).toBe('p4');
  });
});

describe('views and languages', () => {
  it('d toggles the diff view; ? toggles the help', () => {
    const s = loaded();
    expect(press(s, 'd').diffView).toBe(!s.diffView);
    expect(press(s, '?').help).toBe(true);
    expect(press(press(s, '?'), '?').help).toBe(false);
  });

  it('l switches to the next target language and a reload keeps the same segment selected', () => {
    let s = press(press(loaded(), 'j'), 'j');
    s = press(s, 'l');
    expect(s).toMatchObject({ lang: 'vi', loading: true });
    s = run(s, { type: 'loaded', lang: 'vi', rows: loaded().rows.map((r) => ({ ...r, status: 'untranslated' as const })) });
    expect(s.loading).toBe(false);
    expect(selectedKey(s)).toBe('p3');
    expect(press(s, 'l').lang).toBe('en');
  });

  it('does nothing on l with a single target language', () => {
    const one = reviewReducer(initialReviewState({ lang: 'en', languages: ['en'] }), { type: 'loaded', lang: 'en', rows: [row('p1', 'draft')] });
    expect(press(one, 'l')).toBe(one);
  });
});

describe('inline editor', () => {
  it('types at the cursor, moves it, makes new lines, deletes, and undoes typing', () => {
    let s = run(loaded(), { type: 'editStarted', key: 'p2', text: 'The secretary' });
    expect(s.editor?.buffer.cursor).toBe('The secretary'.length);
    const ed = (command: CommandId) => ({ type: 'editorCommand', command, width: 40 }) as const;
    s = run(s, ed('editorHome'), { type: 'editorTyped', text: 'US: ' });
    expect(s.editor?.buffer.text).toBe('US: The secretary');
    s = run(s, ed('editorEnd'), ed('editorNewline'), { type: 'editorTyped', text: 'Lloyd Austin' });
    expect(s.editor?.buffer.text).toBe('US: The secretary\nLloyd Austin');
    s = run(s, ed('editorUp'));
    // From column 12 of "Lloyd Austin" to column 12 of the row above: "US: The secr|etary".
    expect(s.editor?.buffer.cursor).toBe('US: The secr'.length);
    s = run(s, ed('editorBackspace'), ed('editorBackspace'));
    expect(s.editor?.buffer.text).toBe('US: The seetary\nLloyd Austin');
    s = run(s, ed('editorUndo'), ed('editorUndo'));
    expect(s.editor?.buffer.text).toBe('US: The secretary\nLloyd Austin');
    s = run(s, { type: 'editClosed' });
    expect(s.editor).toBeNull();
  });
});

describe('d (diffs on and off)', () => {
  it('says in words whether diffs are shown, since a segment with nothing to compare looks the same either way', () => {
    const start = loaded();
    expect(start.diffView).toBe(true);
    const off = press(start, 'd');
    expect(off.diffView).toBe(false);
    expect(off.notice).toEqual({ id: 'message.diffHidden', tone: 'info' });
    const on = press(off, 'd');
    expect(on.diffView).toBe(true);
    expect(on.notice).toEqual({ id: 'message.diffShown', tone: 'info' });
  });
});
