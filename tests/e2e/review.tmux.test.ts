/**
 * The real `verso review` in a real terminal: the built CLI runs inside tmux (a private tmux
 * server, so nothing else on the machine is touched), keys are sent one per `send-keys`, and
 * the screen is read back with `capture-pane` — polling until it changes, never sleeping blind.
 *
 * Needs tmux (CI installs it) and the built CLI (`npm test` builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI, runCli } from '../support/cli.js';
import { readLocale, readState, seededProject, SEED_ID } from '../support/project.js';
import { openProject } from '../../src/storage/project.js';
import { loadArticle } from '../../src/storage/store.js';
import { addCandidates } from '../../src/services/review.js';

const SOCKET = `verso-e2e-${process.pid}`;
let SESSION = 'review';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', SESSION, '-p');
/** The screen with its attributes: the editor's cursor is reverse video, invisible in plain text. */
const styledScreen = () => tmux('capture-pane', '-t', SESSION, '-p', '-e');

/** Polls the screen until `check` holds (or fails with the last screen after `ms`). */
async function waitForScreen(check: (text: string) => boolean, what: string, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${last}`);
}

/** Sends one key and waits until the screen shows its effect (by default: any change). */
async function press(key: string, until?: (text: string) => boolean, literal = false): Promise<string> {
  const before = styledScreen();
  tmux('send-keys', '-t', SESSION, ...(literal ? ['-l', key] : [key]));
  if (until) return waitForScreen(until, `the screen after ${JSON.stringify(key)}`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (styledScreen() !== before) return screen();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the screen did not change after ${JSON.stringify(key)}:\n${screen()}`);
}

let dir: string;

beforeAll(async () => {
  try {
    execFileSync('tmux', ['-V']);
  } catch {
    throw new Error('tmux is not installed: the end-to-end review test needs it (apt-get install tmux)');
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npm run build)`);
  dir = await seededProject(['en', 'vi']);
  const project = await openProject(dir);
  const article = await loadArticle(project, SEED_ID);
  await addCandidates(project, { article: SEED_ID, lang: 'en' }, [
    { key: 'p1', candidate: { origin: 'machine', by: 'deepl', text: 'Pentagon spokesman Patrick Ryder said Secretary Austin initiated the call.', sourceHash: article.segments['p1']!.hash, at: '2026-11-27T08:15:00.000Z' } },
    { key: 'p2', candidate: { origin: 'machine', by: 'deepl', text: 'US Secretary of Defense Lloyd Austin', sourceHash: article.segments['p2']!.hash, at: '2026-11-27T08:15:00.000Z' } },
  ]);
}, 60_000);

afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // The server ends by itself when its last session does.
  }
});

describe('verso review in tmux', () => {
  it('opens, moves, edits, approves and quits; the locale file and the review state hold the approved text', async () => {
    // As a translator's terminal: colours on (the test runner's FORCE_COLOR=0 is not passed on).
    const command = `env -u FORCE_COLOR -u NO_COLOR ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review ${SEED_ID} --to en; echo "VERSO-EXIT=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', '-c', dir, '-e', 'VERSO_USER=e2e-translator', '-e', 'LANG=C.UTF-8', command);

    // Open: the header, the list and the first segment's details.
    const opened = await waitForScreen((s) => s.includes('p1 · paragraph · machine'), 'the review screen');
    expect(opened).toContain(`${SEED_ID} → en`);
    expect(opened).toContain('Origin: https://thanhnien.vn/');
    // The frame leaves the terminal's last row free.
    expect(opened.split('\n')[29] ?? '').toBe('');

    // Move to p2.
    const moved = await press('j', (s) => s.includes('▸ p2'));
    expect(moved).toContain('p2 · caption · machine');
    // The selected row stands out in reverse video; the others do not.
    const rows = styledScreen().split('\n');
    const reverse = /\u001b\[(?:\d+;)*7m/;
    expect(rows.find((line) => line.includes('p2') && line.includes('Lloyd'))).toMatch(reverse);
    expect(rows.find((line) => line.includes('p3') && line.includes('Selon'))).not.toMatch(reverse);

    // Edit inline: the editor opens on the machine text with the cursor at its end.
    await press('e', (s) => s.includes('Editing'));
    for (const ch of ' (archives)') await press(ch, undefined, true);
    await press('Left'); // cursor moves: inside the parenthesis
    await press('C-s', (s) => s.includes('p2: draft saved.'));
    expect(readState(dir, 'en', SEED_ID).segments['p2']?.draft?.text).toBe('US Secretary of Defense Lloyd Austin (archives)');

    // Approve: saved at once, and the next segment is selected.
    const approved = await press('Enter', (s) => s.includes('p2 approved and saved.'));
    expect(approved).toContain('▸ p3');
    expect(approved).toContain('1/9 approved');

    // `verso status` in another terminal already sees it.
    const status = await runCli(['status', '--to', 'en', '--json'], { cwd: dir });
    const row = (JSON.parse(status.stdout) as { rows: { lang: string; counts: { approved: number } }[] }).rows[0]!;
    expect(row.counts.approved).toBe(1);

    // Quit: the process exits 0 and the terminal's normal screen comes back.
    const after = await press('q', (s) => s.includes('VERSO-EXIT='));
    expect(after).toContain('VERSO-EXIT=0');
    expect(after).not.toContain('p1 · paragraph');

    const locale = readLocale(dir, 'en', SEED_ID);
    expect(locale).toEqual({ p2: 'US Secretary of Defense Lloyd Austin (archives)' });
    const state = readState(dir, 'en', SEED_ID).segments['p2']!;
    expect(state.status).toBe('approved');
    expect(state.approved).toMatchObject({ text: 'US Secretary of Defense Lloyd Austin (archives)', by: 'e2e-translator' });
    expect(state.draft).toBeNull();
  }, 90_000);

  it('on SIGTERM, saves what the inline editor holds and gives the terminal back', async () => {
    SESSION = 'signal';
    const command = `env -u FORCE_COLOR -u NO_COLOR ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review ${SEED_ID} --to en; echo "VERSO-EXIT=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', dir, '-e', 'VERSO_USER=e2e-translator', command);
    await waitForScreen((s) => s.includes('p1 · paragraph'), 'the review screen');
    await press('G', (s) => s.includes('▸ p9'));
    await press('e', (s) => s.includes('Editing'));
    for (const ch of 'Meanwhile') await press(ch, undefined, true);

    // The terminal closes or the system stops verso: the typed text must not be lost.
    const shell = tmux('list-panes', '-t', SESSION, '-F', '#{pane_pid}').trim();
    const verso = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/)[0]!;
    process.kill(Number(verso), 'SIGTERM');
    const after = await waitForScreen((s) => s.includes('VERSO-EXIT='), 'verso to exit');
    expect(after).not.toContain('Editing');
    expect(readState(dir, 'en', SEED_ID).segments['p9']?.draft?.text).toBe('Meanwhile');
  }, 60_000);

  it('when the terminal window closes, saves what the inline editor holds', async () => {
    SESSION = 'hangup';
    const command = `env -u FORCE_COLOR -u NO_COLOR ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review ${SEED_ID} --to en`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', dir, '-e', 'VERSO_USER=e2e-translator', command);
    await waitForScreen((s) => s.includes('p1 · paragraph'), 'the review screen');
    await press('G', (s) => s.includes('p9 · paragraph'));
    await press('k', (s) => s.includes('p8 · paragraph'));
    await press('e', (s) => s.includes('Editing'));
    for (const ch of 'Nguyễn') await press(ch, undefined, true);

    // Closing the window: the pty goes away, the keyboard stream ends, SIGHUP follows, and
    // writes to the screen fail. The text typed must reach the review state all the same.
    tmux('kill-session', '-t', SESSION);
    const until = Date.now() + 10_000;
    while (readState(dir, 'en', SEED_ID).segments['p8']?.draft?.text !== 'Nguyễn' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(readState(dir, 'en', SEED_ID).segments['p8']?.draft?.text).toBe('Nguyễn');
  }, 60_000);
});
