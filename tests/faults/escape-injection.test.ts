/**
 * Terminal-escape injection: article text, machine output, human text, names in the history and
 * file names all carry control sequences — CSI, OSC (title, clipboard, hyperlink) in their 7-bit
 * and single-byte C1 forms, other C1 controls, CR and backspace that overwrite what was shown,
 * bidi overrides. None of it may reach what verso prints: `status`, `check` (every format),
 * `diff`, `review` (in a real pseudo-terminal), and the other commands that show text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runCli, tempDir, tempProject } from '../support/cli.js';
import { startDeepLServer, TEST_AUTH_KEY, type DeepLTestServer } from '../support/deepl-server.js';
import { describeUnsafe } from './inproc.js';

/** Each payload is unique so a leak says which one got through. */
const PAYLOADS = [
  '\u001b[2J\u001b[H',
  '\u001b[38;5;199mROSE',
  '\u001b]0;PWNED-TITLE\u0007',
  '\u001b]52;c;ZXZpbA==\u0007',
  '\u001b]8;;http://evil.example/\u001b\\lien\u001b]8;;\u001b\\',
  '\u009b2J',
  '\u009d0;PWNED-C1\u009c',
  '\u0090q#DCS\u009c',
  '\u008d\u0084\u0096',
  'visible\rHIDDEN',
  'abc\b\b\bXYZ',
  '\u202eenilno\u202c',
  '\u2066isolate\u2069\u200f',
  'bell\u0007del\u007f',
];
const payloadText = (prefix: string) => PAYLOADS.map((p, i) => `${prefix} ${i} ${p} fin.`).join(' ');

let server: DeepLTestServer;
let project: string;
let articleId: string;
let hostileName: string;
const env = () => ({ DEEPL_AUTH_KEY: TEST_AUTH_KEY, DEEPL_SERVER_URL: server.url, VERSO_USER: `mallory\u001b]0;USER\u0007\u202e` });

/** The SGR colour sequences verso itself writes on a colour terminal. */
const OWN_SGR = /\u001b\[[0-9;]*m/g;

function expectClean(output: string, what: string, colour = false): void {
  expect(output, `${what}: the payload colour got through`).not.toContain('\u001b[38;5;199m');
  const visible = colour ? output.replace(OWN_SGR, '') : output;
  expect(describeUnsafe(visible), `${what} printed a control character`).toBeNull();
}

beforeAll(async () => {
  server = await startDeepLServer();
  project = await tempProject(['en', 'vi']);
  // The file name carries payloads too (Linux allows anything but / and NUL).
  const inbox = tempDir('verso-inject-');
  hostileName = join(inbox, `bai-bao\u001b]0;FILE\u0007\u009b31m\u202e.txt`);
  const lines = [
    `Titre ${PAYLOADS[1]} et ${PAYLOADS[2]}`,
    payloadText('Paragraphe'),
    `Légende ${PAYLOADS[5]}${PAYLOADS[11]}`,
    `Second paragraphe${PAYLOADS[9]} : ${PAYLOADS[4]}.`,
    `Source : https://thanhnien.vn/x${PAYLOADS[2]}-1.htm`,
    'Comment (0)',
  ];
  writeFileSync(hostileName, lines.join('\n'));
  const imported = await runCli(['import', hostileName, '--json'], { cwd: project });
  expect(imported.code, imported.stderr).toBe(0);
  articleId = (JSON.parse(imported.stdout) as { id: string }[])[0]!.id;
  // Machine output carrying the payloads (the test server echoes its input, escapes included).
  const translated = await runCli(['translate', articleId, '--to', 'en,vi'], { cwd: project, env: env() });
  expect(translated.code, translated.stderr).toBe(0);
  expectClean(translated.stdout + translated.stderr, 'translate');
  // Human text and a hostile reviewer name.
  for (const [key, text] of [['p1', payloadText('Draft')], ['p2', payloadText('Approved')]] as const) {
    const r = await runCli(['edit', articleId, key, '--to', 'en', '--text', text], { cwd: project, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expectClean(r.stdout + r.stderr, 'edit');
  }
  const approved = await runCli(['approve', articleId, 'p2', '--to', 'en'], { cwd: project, env: env() });
  expect(approved.code, approved.stderr).toBe(0);
  expectClean(approved.stdout + approved.stderr, 'approve');
  // A stale segment, so diffs of the source are shown too.
  copyFileSync(hostileName, join(inbox, 'v2.txt'));
  writeFileSync(join(inbox, 'v2.txt'), lines.map((l, i) => (i === 1 ? `${l} Ajout ${PAYLOADS[6]}.` : l)).join('\n'));
  const reimport = await runCli(['import', join(inbox, 'v2.txt'), '--id', articleId], { cwd: project });
  expect(reimport.code, reimport.stderr).toBe(0);
  expectClean(reimport.stdout + reimport.stderr, 'import');
}, 60_000);

/** A colour terminal, as a translator has: no NO_COLOR, no FORCE_COLOR=0 from the test runner. */
function ttyEnv(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env(), TERM: 'xterm-256color', COLUMNS: '120', LINES: '40' };
  delete e['NO_COLOR'];
  delete e['FORCE_COLOR'];
  return e;
}

afterAll(async () => {
  await server?.close();
});

describe('terminal escapes in project text never reach the output', () => {
  const cases: { name: string; args: () => string[]; codes: number[]; colour?: boolean }[] = [
    { name: 'status', args: () => ['status'], codes: [0] },
    { name: 'status --json', args: () => ['status', '--json'], codes: [0] },
    { name: 'check', args: () => ['check'], codes: [1] },
    { name: 'check --format json', args: () => ['check', '--format', 'json'], codes: [1] },
    { name: 'check --format github', args: () => ['check', '--format', 'github'], codes: [1] },
    { name: 'check --format junit', args: () => ['check', '--format', 'junit'], codes: [1] },
    { name: 'diff', args: () => ['diff', articleId, '--to', 'en'], codes: [0] },
    { name: 'diff (colour)', args: () => ['diff', articleId, '--to', 'en'], codes: [0], colour: true },
    { name: 'diff --json', args: () => ['diff', articleId, '--to', 'en', '--json'], codes: [0] },
    { name: 'segment', args: () => ['segment', '--sentences', hostileName], codes: [0] },
    { name: 'import (error naming the hostile file)', args: () => ['import', `${hostileName}.missing`], codes: [2] },
  ];
  it.each(cases)('$name', async ({ args, codes, colour, name }) => {
    const r = await runCli(args(), { cwd: project, env: colour ? { ...env(), FORCE_COLOR: '1', NO_COLOR: '' } : env() });
    if (colour) expect(r.stdout, `${name}: colour was not switched on, so this case tests nothing`).toMatch(OWN_SGR);
    expect(codes, `${name} exited ${r.code}: ${r.stderr}`).toContain(r.code);
    expectClean(r.stdout + r.stderr, name, colour);
  });

  // Documents (the rendered article, XLIFF, TMX) go out faithfully to a file or a pipe, and
  // cleaned when stdout is a terminal: run them in a pseudo-terminal.
  it.each([
    { name: 'render', args: () => ['render', articleId, '--to', 'en'] },
    { name: 'export xliff', args: () => ['export', 'xliff', articleId, '--to', 'en'] },
    { name: 'export tmx', args: () => ['export', 'tmx'] },
  ])('$name, in a pseudo-terminal', async ({ args, name }) => {
    const command = [process.execPath, CLI, ...args()].map((a) => JSON.stringify(a)).join(' ');
    const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: project, env: ttyEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code, r.out.slice(0, 500)).toBe(0);
    expect(r.out).toContain('fin.');
    // The pty turns \n into \r\n: that CR is the terminal's, not the text's.
    expectClean(r.out.replace(/\r\n/g, '\n'), name);
  });

  it('review, in a real pseudo-terminal', async () => {
    // `script` gives the command a pty; everything it writes to the terminal comes back here raw.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review ${articleId} --to en`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: project,
      env: ttyEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let raw = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (raw += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (raw += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const waitFor = async (re: RegExp) => {
      for (const until = Date.now() + 20_000; Date.now() < until; ) {
        if (re.test(raw)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`review never showed ${re}; output:\n${JSON.stringify(raw.slice(-2000))}`);
    };
    try {
      await waitFor(/Paragraphe/);
      // Move through every segment so each one's text, machine output and diff is drawn.
      for (const key of ['j', 'j', 'j', 'j', 'j', 'k', 'k']) {
        child.stdin.write(key);
        await new Promise((r) => setTimeout(r, 150));
      }
      child.stdin.write('q');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    } finally {
      child.kill('SIGKILL');
    }
    // Ink moves the cursor and clears lines with its own CSI sequences; the payloads are told
    // apart by what Ink never writes: OSC, C1 bytes, bidi controls, backspace, the payload colour.
    expect(raw).not.toContain('38;5;199');
    // verso links the origin URL (OSC 8) itself; such a link is fine when its URL holds no
    // control character (the review percent-encodes them).
    raw = raw.replace(/\u001b\]8;;[^\u0000-\u001f\u007f-\u009f]*\u001b\\/g, '');
    const osc = raw.indexOf('\u001b]');
    expect(osc, `OSC in the review output: ${JSON.stringify(raw.slice(Math.max(0, osc - 80), osc + 80))}`).toBe(-1);
    expect(raw).not.toMatch(/[\u0080-\u009f]/);
    expect(raw).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(raw).not.toMatch(/[\u0000-\u0006\u0008\u000e-\u001a\u001c-\u001f\u007f]/);
    expect(raw).not.toContain('HIDDEN\r');
  }, 60_000);
});
