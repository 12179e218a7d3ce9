import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { buildArticle, buildState, MemorySession, type SegmentSpec } from './support/memorySession.js';
import { KEYS, renderReview } from './support/renderApp.js';

const SPECS: SegmentSpec[] = [
  {
    text: 'Le porte-parole du Pentagone, Patrick Ryder, a déclaré que le secrétaire Austin avait initié l’appel.',
    machine: 'Pentagon spokesman Patrick Ryder said Secretary Austin initiated the call.',
    draft: 'Pentagon press secretary Patrick Ryder said Secretary Austin had initiated the call.',
    origin: 'Người phát ngôn Lầu Năm Góc Patrick Ryder cho biết Bộ trưởng Austin đã khởi xướng cuộc gọi.',
  },
  { text: 'Le secrétaire américain à la Défense, Lloyd Austin', kind: 'caption', machine: 'US Secretary of Defense Lloyd Austin' },
  { text: 'Selon Reuters, les deux parties ont discuté de nombreux sujets.', approved: 'According to Reuters, the two sides discussed many topics.' },
  {
    text: 'Le ministère russe de la Défense a déclaré que le ministre Belousov avait mis en garde son homologue.',
    previousSource: 'Le ministère russe a déclaré que Belousov avait mis en garde son homologue.',
    approved: 'The Russian ministry said Belousov had warned his counterpart.',
  },
  { text: 'Point de conflit : l’Ukraine change à nouveau de général' , kind: 'heading' },
];

function session(specs = SPECS, langs = ['en', 'vi']) {
  const article = buildArticle('000_8c1828b71475e020', specs);
  return new MemorySession(article, Object.fromEntries(langs.map((l) => [l, buildState(article, l === 'en' ? specs : [], l)])), langs);
}

const selected = (frame: string) => /▸ (p\d+)/.exec(frame)?.[1];

afterEach(() => cleanup());

describe('the review screen', () => {
  it('shows the article, the origin link, the target language and the progress counts', async () => {
    const app = renderReview(session());
    const frame = await app.waitFor((f) => f.includes('p5'));
    expect(frame).toContain('000_8c1828b71475e020');
    expect(frame).toContain('→ en');
    expect(frame).toContain('1/5 approved');
    expect(frame).toContain('1/5 approved · draft 1 · machine 1 · untranslated 1 · stale 1');
    // The origin URL is a terminal hyperlink (OSC 8) around the visible URL.
    expect(frame).toContain('\u001b]8;;https://thanhnien.vn/bai-viet-185240626070252909.htm\u001b\\');
  });

  it('shows for the selected segment its kind and status, origin, source, machine (engine, date), draft, diff and post-edit distance', async () => {
    const app = renderReview(session(), { columns: 90, rows: 40 });
    const frame = await app.waitFor((f) => f.includes('Diff machine → human'));
    expect(frame).toContain('p1 · paragraph · draft · post-edit');
    expect(frame).toContain('Người phát ngôn Lầu Năm Góc');
    expect(frame).toContain('Machine · deepl · 2026-11-26 08:30');
    expect(frame).toContain('Draft · tester');
    // Markers show the word diff without colour: the machine's "spokesman" went, "press secretary" came.
    expect(frame).toContain('[-spokesman-]');
    expect(frame).toContain('{+press secretary+}');
    expect(frame).toContain('{+had+}');
  });

  it('d switches between the diff and both texts in full', async () => {
    const app = renderReview(session(), { columns: 90, rows: 40 });
    await app.waitFor((f) => f.includes('[-spokesman-]'));
    const full = await app.press('d');
    expect(full).not.toContain('[-spokesman-]');
    expect(full).toContain('Pentagon spokesman Patrick Ryder said Secretary Austin initiated the call.');
    expect(full).toContain('Pentagon press secretary Patrick Ryder');
  });

  it('shows a stale segment with the change of its source', async () => {
    const app = renderReview(session(), { columns: 90, rows: 40 });
    await app.waitFor((f) => f.includes('p5'));
    const frame = await app.press('f', (f) => f.includes('filter: needs work'));
    expect(frame).not.toMatch(/ {2}p3 /);
    await app.press('f', (f) => f.includes('filter: stale'));
    const stale = await app.waitFor((f) => f.includes('Source, changed since the approval'));
    expect(selected(stale)).toBe('p4');
    expect(stale).toContain('{+de la Défense+}');
    expect(stale).toContain('{+le ministre+}');
    // The change stands for the source: the paragraph is not shown twice, the translation follows.
    expect(stale).not.toMatch(/^Source\s*$/m);
    expect(stale).toContain('The Russian ministry said Belousov had warned his counterpart.');
  });

  it('moves with j/k and the arrows, and jumps with n to the next segment needing work', async () => {
    const app = renderReview(session());
    await app.waitFor((f) => selected(f) === 'p1');
    expect(selected(await app.press('j'))).toBe('p2');
    expect(selected(await app.press(KEYS.down))).toBe('p3');
    expect(selected(await app.press('k'))).toBe('p2');
    expect(selected(await app.press('n'))).toBe('p4');
    expect(selected(await app.press('G'))).toBe('p5');
    expect(selected(await app.press('g'))).toBe('p1');
  });

  it('several keys in one chunk (key repeat) move once each', async () => {
    const app = renderReview(session());
    await app.waitFor((f) => selected(f) === 'p1');
    expect(selected(await app.press('jjj'))).toBe('p4');
  });

  it('approves the draft with Enter, saves it at once and moves on; u undoes it', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    const after = await app.press(KEYS.enter, (f) => f.includes('p1 approved and saved.'));
    expect(s.log).toEqual(['approve en p1']);
    expect(s.segment('en', 'p1')?.approved?.text).toBe(SPECS[0]!.draft);
    expect(selected(after)).toBe('p2');
    expect(after).toContain('2/5 approved');
    const undone = await app.press('u', (f) => f.includes('p1: undone.'));
    expect(selected(undone)).toBe('p1');
    expect(s.segment('en', 'p1')?.approved).toBeNull();
    expect(s.segment('en', 'p1')?.draft?.text).toBe(SPECS[0]!.draft);
    expect(undone).toContain('1/5 approved');
  });

  it('a move and an approval typed in one burst approve the segment the move selected', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    app.stdin.write('j\r');
    await app.waitFor((f) => f.includes('p2 approved and saved.'));
    expect(s.log).toEqual(['approve en p2']);
  });

  it('approves the machine text of a segment without draft, and refuses when there is nothing to approve', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press(KEYS.enter, (f) => f.includes('p2 approved'));
    expect(s.segment('en', 'p2')?.approved?.text).toBe('US Secretary of Defense Lloyd Austin');
    await app.press('G');
    await app.press(KEYS.enter, (f) => f.includes('p5 has no text to approve'));
    expect(s.log).toEqual(['approve en p2']);
  });

  it('a takes the machine translation as the draft; r removes the draft', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press('a', (f) => f.includes('p2: machine translation taken as the draft.'));
    expect(s.segment('en', 'p2')?.draft?.text).toBe('US Secretary of Defense Lloyd Austin');
    await app.press('r', (f) => f.includes('p2: draft removed.'));
    expect(s.segment('en', 'p2')?.draft).toBeNull();
    await app.press('G');
    await app.press('a', (f) => f.includes('p5 has no machine translation yet.'));
  });

  it('edits inline with cursor movement and a new line, saving the draft with ctrl+s', async () => {
    const s = session();
    const app = renderReview(s, { columns: 90, rows: 40 });
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press('e', (f) => f.includes('Editing'));
    await app.press(KEYS.ctrl('a')); // start of line
    await app.press('T');
    await app.press('h');
    await app.press('e');
    await app.press(' ');
    await app.press(KEYS.right);
    await app.press(KEYS.backspace);
    await app.press(KEYS.ctrl('e'));
    await app.press('\n'); // ctrl+j: new line
    await app.press('(');
    await app.press('A');
    await app.press('F');
    await app.press('P');
    await app.press(')');
    await app.press(KEYS.ctrl('s'), (f) => f.includes('p2: draft saved.'));
    expect(s.segment('en', 'p2')?.draft?.text).toBe('The S Secretary of Defense Lloyd Austin\n(AFP)');
  });

  it('Esc keeps what was typed; ctrl+x discards it', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('G');
    await app.press('e', (f) => f.includes('Editing'));
    await app.press('x');
    const discarded = await app.press(KEYS.ctrl('x'), (f) => !f.includes('Editing'));
    expect(discarded).toContain('p5: changes discarded, nothing saved.');
    expect(s.log).toEqual([]);
    await app.press('e', (f) => f.includes('Editing'));
    await app.press('O');
    await app.press('K');
    await app.press(KEYS.escape, (f) => f.includes('p5: draft saved.'));
    expect(s.segment('en', 'p5')?.draft?.text).toBe('OK');
  });

  it('Esc typed fast and a key (one Alt chord to the terminal) saves, leaves the editor and runs the key', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press('e', (f) => f.includes('Editing'));
    await app.press('!');
    const after = await app.press(`${KEYS.escape}j`, (f) => f.includes('p2: draft saved.') && selected(f) === 'p3');
    expect(after).not.toContain('Editing');
    expect(s.segment('en', 'p2')?.draft?.text).toBe('US Secretary of Defense Lloyd Austin!');
    // Same from the search prompt: the search is left, the key moves.
    await app.press('/', (f) => f.includes('Search:'));
    await app.press('x');
    const moved = await app.press(`${KEYS.escape}k`, (f) => !f.includes('Search:') && selected(f) === 'p2');
    expect(moved).toContain('5 shown');
    // And in the list, where Esc does nothing, the key still counts.
    expect(selected(await app.press(`${KEYS.escape}j`))).toBe('p3');
  });

  it('refuses to save an emptied translation and keeps the editor open', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press('e', (f) => f.includes('Editing'));
    for (let i = 0; i < 6; i++) await app.press(KEYS.ctrl('w')); // six words: "US Secretary of Defense Lloyd Austin"
    const frame = await app.press(KEYS.ctrl('s'), (f) => f.includes('An empty translation is not saved'));
    expect(frame).toContain('Editing');
    expect(s.log).toEqual([]);
  });

  it('hands long edits to $EDITOR and saves what comes back', async () => {
    const s = session();
    const seen: string[] = [];
    const app = renderReview(s, { externalEditor: async (text) => { seen.push(text); return `${text} (edited)`; } });
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('E', (f) => f.includes('p1: draft saved.'));
    expect(seen).toEqual([SPECS[0]!.draft]);
    expect(s.segment('en', 'p1')?.draft?.text).toBe(`${SPECS[0]!.draft} (edited)`);
  });

  it('searches with / and shows how many segments match', async () => {
    const app = renderReview(session());
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('/', (f) => f.includes('Search:'));
    for (const ch of 'reuters') await app.press(ch);
    const frame = await app.press(KEYS.enter, (f) => !f.includes('Search:'));
    expect(frame).toContain('search: “reuters” · 1 shown');
    expect(selected(frame)).toBe('p3');
  });

  it('switches the target language with l', async () => {
    const app = renderReview(session());
    await app.waitFor((f) => f.includes('p5'));
    const frame = await app.press('l', (f) => f.includes('→ vi') && f.includes('0/5 approved'));
    expect(frame).toContain('untranslated 5');
  });

  it('u undoes only changes made in the language on screen: after switching language it leaves the other language alone', async () => {
    // vi has its own approval of p1; the translator approves p2 in en, switches to vi and presses u.
    const article = buildArticle('000_8c1828b71475e020', SPECS);
    const viSpecs: SegmentSpec[] = [{ text: SPECS[0]!.text, approved: 'Người phát ngôn Lầu Năm Góc.' }];
    const s = new MemorySession(article, { en: buildState(article, SPECS, 'en'), vi: buildState(article, viSpecs, 'vi') }, ['en', 'vi']);
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('j');
    await app.press(KEYS.enter, (f) => f.includes('p2 approved and saved.'));
    await app.press('k', (f) => selected(f) === 'p2');
    await app.press('k', (f) => selected(f) === 'p1');
    await app.press('l', (f) => f.includes('→ vi') && f.includes('1/5 approved'));
    await app.press('u', (f) => f.includes('Nothing to undo.'));
    expect(s.log).toEqual(['approve en p2']);
    expect(s.segment('vi', 'p1')?.approved?.text).toBe('Người phát ngôn Lầu Năm Góc.');
    // Back in en, u undoes the en approval.
    await app.press('l', (f) => f.includes('→ en') && f.includes('2/5 approved'));
    await app.press('u', (f) => f.includes('p2: undone.'));
    expect(s.log).toEqual(['approve en p2', 'restore en p2']);
    expect(s.segment('en', 'p2')?.approved ?? null).toBeNull();
    expect(s.segment('vi', 'p1')?.approved?.text).toBe('Người phát ngôn Lầu Năm Góc.');
  });

  it('reports a failed write in the footer and keeps going', async () => {
    const s = session();
    s.failNext = 'EACCES: permission denied, open \u001b]52;c;aGk=\u0007.verso/state/en/x.json';
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    const frame = await app.press(KEYS.enter, (f) => f.includes('Not saved'));
    expect(frame).toContain('EACCES: permission denied');
    expect(frame).not.toContain('\u001b]52');
    expect(selected(frame)).toBe('p1');
  });

  it('opens the help with ? listing every key, and closes it with Esc', async () => {
    const app = renderReview(session(), { rows: 60 });
    await app.waitFor((f) => selected(f) === 'p1');
    const help = await app.press('?', (f) => f.includes('Keys'));
    expect(help).toContain('Next segment needing work');
    expect(help).toContain('Take the machine translation as the draft');
    const closed = await app.press(KEYS.escape, (f) => !f.includes('Next segment needing work'));
    expect(selected(closed)).toBe('p1');
  });

  it('on a short terminal the help says it goes on below, and scrolls', async () => {
    const app = renderReview(session(), { rows: 24 });
    await app.waitFor((f) => selected(f) === 'p1');
    const help = await app.press('?', (f) => f.includes('Keys'));
    expect(help).toMatch(/↓ \d+ more lines/);
    expect(help).toContain('↑↓ scroll · ? or esc close');
    const scrolled = await app.press('J');
    expect(scrolled).not.toContain('Keys —');
  });

  it('the key line says what the keys do now: the list, the editor, the search prompt', async () => {
    const app = renderReview(session(), { columns: 120, rows: 30 });
    const list = await app.waitFor((f) => selected(f) === 'p1');
    // Wide enough for words, not the compact form; help and quit always shown.
    expect(list).toContain('↑↓ move · n/N needs work · enter approve');
    expect(list).toMatch(/\? help · q quit\s*$/m);
    const editing = await app.press('e', (f) => f.includes('esc or ctrl+s save'));
    expect(editing).toContain('esc or ctrl+s save · ctrl+x discard');
    expect(editing).not.toContain('q quit');
    await app.press(KEYS.ctrl('x'), (f) => !f.includes('Editing'));
    const searching = await app.press('/', (f) => f.includes('Search:'));
    expect(searching).toContain('enter keep this search · esc clear it');
  });

  it('speaks French and Vietnamese', async () => {
    const fr = renderReview(session(), { uiLanguage: 'fr' });
    const frFrame = await fr.waitFor((f) => f.includes('p5'));
    expect(frFrame).toContain('1/5 approuvés');
    expect(frFrame).toContain('brouillon');
    cleanup();
    const vi = renderReview(session(), { uiLanguage: 'vi' });
    const viFrame = await vi.waitFor((f) => f.includes('p5'));
    expect(viFrame).toContain('1/5 đã duyệt');
  });
});

describe('QA findings', () => {
  const specs: SegmentSpec[] = [
    { text: 'Cinq missiles ont été lancés, tuant 4 personnes et en blessant plus de 150.', draft: 'Five missiles were launched, killing four people and injuring more than 150.' },
    { text: 'Le ministre russe de la Défense Andrei Beloussov', draft: 'Russian Defence Minister Andrei Belousov' },
    { text: 'Le président a déclaré le 24 juin que l’attaque était certaine.', draft: 'The president said on June 25 that the attack was certain.' },
  ];
  const qaSession = () => {
    const article = buildArticle('0001_qa', specs);
    return new MemorySession(article, { en: buildState(article, specs, 'en') }, ['en'], { sourceLang: 'fr', targetLang: 'en' });
  };

  it('shows the selected segment’s findings under its texts', async () => {
    const app = renderReview(qaSession(), { columns: 100, rows: 40 });
    await app.waitFor((f) => f.includes('p3'));
    const frame = await app.press('G', (f) => f.includes('· numbers'));
    // The severity in words, not only in colour.
    expect(frame).toContain('QA error · numbers: source “24” became “25” in the translation');
  });

  it('in the editor, the cursor row is never hidden under the "more lines" row', async () => {
    const long = `${'The president said that the attack was certain and that nothing would change. '.repeat(12)}It happened on June 25 at the end.`;
    const specs: SegmentSpec[] = [{ text: 'Le président a déclaré le 24 juin que l’attaque était certaine.', draft: long }];
    const article = buildArticle('0001_qa', specs);
    const s = new MemorySession(article, { en: buildState(article, specs, 'en') }, ['en'], { sourceLang: 'fr', targetLang: 'en' });
    const app = renderReview(s, { columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('!p1'), 'p1 marked with its QA findings');
    const editing = await app.press('e', (f) => f.includes('esc or ctrl+s save'));
    // The cursor sits after the last word; lines (the findings) follow the text.
    expect(editing).toMatch(/more lines/);
    expect(editing).toContain('the end.▏');
  });

  it('names the check and its severity in the UI language', async () => {
    const app = renderReview(qaSession(), { columns: 100, rows: 40, uiLanguage: 'vi' });
    await app.waitFor((f) => f.includes('p3'));
    const frame = await app.press('G', (f) => f.includes('số liệu'));
    expect(frame).toContain('Lỗi QA · số liệu (numbers): source “24” became “25”');
  });

  it('marks with ! every listed segment that has findings, before it is opened', async () => {
    const app = renderReview(qaSession(), { columns: 100, rows: 40 });
    const frame = await app.waitFor((f) => /^ !p3 /m.test(f), 'p3 marked');
    expect(selected(frame)).toBe('p1');
    expect(frame).toMatch(/^ {2}p2 /m);
  });

  it('the QA filter lists only the segments with findings, marked with !', async () => {
    const app = renderReview(qaSession(), { columns: 100, rows: 40 });
    await app.waitFor((f) => f.includes('p3'));
    await app.press('f');
    await app.press('f');
    const frame = await app.press('f', (f) => f.includes('filter: QA issues') && f.includes('QA checked'));
    expect(frame).toContain('1 shown');
    expect(frame).toMatch(/▸!p3/);
    expect(frame).not.toMatch(/p2 +draft/);
  });
});

describe('layout and size', () => {
  it('stacks the texts below 100 columns and puts them side by side from 100 on', async () => {
    const app = renderReview(session(), { columns: 80, rows: 30 });
    const stacked = await app.waitFor((f) => f.includes('Source'));
    const detail = (f: string) => f.split('\n').filter((l) => l.includes('Source') || l.includes('Machine ·'));
    expect(detail(stacked).some((l) => l.includes('│'))).toBe(false);
    app.resize(140, 30);
    const side = await app.waitFor((f) => f.split('\n').some((l) => l.includes('Source') && l.includes('│')));
    // Source side on the left, target side on the right of the same rows.
    expect(side.split('\n').some((l) => l.startsWith('Origin') && l.includes('│ Machine · deepl'))).toBe(true);
  });

  it('never draws a frame as tall as the terminal, at any size, and re-lays out on resize', async () => {
    const app = renderReview(session(), { columns: 80, rows: 24 });
    await app.waitFor((f) => f.includes('p1 · paragraph'));
    for (const [columns, rows] of [[80, 24], [200, 50], [60, 10], [120, 15], [100, 6]] as const) {
      app.resize(columns, rows);
      const frame = await app.waitFor((f) => f.split('\n').every((line) => line.length <= columns * 3) && f.split('\n').length <= rows - 1, `${columns}×${rows}`);
      expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
    }
  });

  it('a short article on a tall terminal gives the rows its list does not need to the details', async () => {
    const long = 'Le ministère a déclaré que les négociations reprendraient à Genève dans les prochaines semaines. '.repeat(8);
    const specs: SegmentSpec[] = [{ text: long, machine: long.replace(/Le ministère/g, 'The ministry') }, ...SPECS.slice(1)];
    const app = renderReview(session(specs, ['en']), { columns: 120, rows: 40 });
    const frame = await app.waitFor((f) => f.includes('p1 · paragraph') && !f.includes('Loading'));
    // The list shows its 5 segments; the details, with the rows left over, show p1 whole.
    expect(frame).not.toContain('more lines');
    expect(frame).toContain('Human: none yet');
  });

  it('keeps the list columns in place when it scrolls from p9 to p10', async () => {
    const twelve: SegmentSpec[] = Array.from({ length: 12 }, (_, i) => ({ text: `Paragraphe ${i + 1}.`, machine: `Paragraph ${i + 1}.` }));
    const app = renderReview(session(twelve, ['en']), { columns: 100, rows: 24 });
    const top = await app.waitFor((f) => f.includes('p1 · paragraph'));
    expect(top).toMatch(/^▸ p1  machine/m);
    const bottom = await app.press('G');
    expect(bottom).toMatch(/^▸ p12 machine/m);
  });

  it('uses the height of a tall terminal for the list, and the selected segment stays readable below it', async () => {
    const many: SegmentSpec[] = Array.from({ length: 40 }, (_, i) => ({
      text: `Paragraphe ${i + 1} : le ministère a déclaré que les négociations reprendraient à Genève dans les prochaines semaines, selon Reuters.`,
      machine: `Paragraph ${i + 1}: the ministry said talks would resume in Geneva in the coming weeks, according to Reuters.`,
    }));
    const app = renderReview(session(many, ['en']), { columns: 120, rows: 40 });
    const listedIn = (f: string) => f.split('\n').filter((line) => /^[▸ ][ !]p\d+ /.test(line));
    // (The fake terminal takes its size just after the first frame.)
    const frame = await app.waitFor((f) => f.includes('p1 · paragraph') && listedIn(f).length >= 16, 'a list of 16 rows or more');
    const listed = listedIn(frame);
    // The details still show the whole source and machine text of the selected segment.
    expect(frame).toContain('Reuters.');
    expect(frame).not.toContain('more lines');
    // PgDn moves by what the list shows.
    // PgDn turns a page: the selection moves by what the list shows, and the list with it.
    const paged = await app.press(KEYS.pageDown);
    expect(selected(paged)).toBe(`p${1 + listed.length}`);
    expect(listedIn(paged)[0]).toMatch(new RegExp(`^▸ p${1 + listed.length} `));
    const back = await app.press(KEYS.pageUp);
    expect(listedIn(back)[0]).toMatch(/^▸ p1 /);
  });

  it('lets no control sequence from the data reach the terminal', async () => {
    const hostile: SegmentSpec[] = [
      {
        text: 'Titre\u001b]0;pwned\u0007 avec \u001b[2J effacement, \u009b31m C1 et \u202eretour',
        machine: 'Title \u001b]52;c;Y3VybCBldmlsLnNo\u0007 copied\rover\b',
        draft: 'Title\ttabbed \u0085 next',
        origin: 'Tiêu đề \u001bP+q\u001b\\ gốc',
      },
    ];
    const app = renderReview(session(hostile, ['en']), { columns: 90, rows: 30 });
    const frame = await app.waitFor((f) => f.includes('Titre'));
    // Take out the one sequence verso writes itself (the origin hyperlink), then nothing may remain.
    const ours = frame.replace(/\u001b\]8;;https:\/\/[\x21-\x7e]+?\u001b\\/g, '').replace(/\u001b\]8;;\u001b\\/g, '');
    expect(ours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(ours).toContain('Titre avec  effacement');
    expect(ours).toContain('tabbed');
    expect(ours).toMatch(/copied\s+over/);
  });
});

describe('leaving', () => {
  it('ctrl+c from the inline editor saves what was typed, then leaves', async () => {
    const s = session();
    const app = renderReview(s);
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('G');
    await app.press('e', (f) => f.includes('Editing'));
    await app.press('O');
    await app.press('K');
    app.stdin.write(KEYS.ctrl('c'));
    await vi.waitFor(() => expect(s.segment('en', 'p5')?.draft?.text).toBe('OK'));
    expect(s.log).toEqual(['edit en p5']);
  });
});

describe('signals', () => {
  it('flushes what the inline editor holds before the process leaves', async () => {
    const s = session();
    const hooks: { flush?: () => Promise<void> } = {};
    const app = renderReview(s, { exitHooks: hooks });
    await app.waitFor((f) => selected(f) === 'p1');
    await app.press('G');
    await app.press('e', (f) => f.includes('Editing'));
    await app.press('H');
    await app.press('i');
    await hooks.flush!();
    expect(s.segment('en', 'p5')?.draft?.text).toBe('Hi');
  });
});
