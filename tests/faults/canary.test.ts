/**
 * The DeepL key never leaves the environment: with a canary `DEEPL_AUTH_KEY` set, every command
 * `verso --help` lists is run in a temporary project against the local DeepL-compatible server
 * (successes, and failures: a rejected key, an exhausted quota, an unreachable server), then
 * the whole project tree, the home and temp directories verso could write to, and everything
 * it printed are searched for the key (and for its distinctive middle part alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, SEED, SEED_ID, runCli, tempDir, type CliResult } from '../support/cli.js';
import { startDeepLServer, type DeepLTestServer } from '../support/deepl-server.js';

const SECRET = `canary${randomBytes(12).toString('hex')}`;
const CANARY = `${SECRET}:fx`;

let server: DeepLTestServer;
let project: string;
let home: string;
let tmp: string;
const transcript: string[] = [];
const ran = new Set<string>();

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DEEPL_AUTH_KEY: CANARY, DEEPL_SERVER_URL: server.url, HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'), ...extra };
}

async function verso(args: string[], extra: NodeJS.ProcessEnv = {}, cwd = project): Promise<CliResult> {
  const r = await runCli(args, { cwd, env: env(extra) });
  transcript.push(`$ verso ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  ran.add(args[0]!);
  expect(r.code, `verso ${args.join(' ')} crashed:\n${r.stderr}`).not.toBe(70);
  return r;
}

/** Every file under `dir` whose bytes contain `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && readFileSync(p).includes(needle)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

beforeAll(async () => {
  server = await startDeepLServer({ authKeys: [CANARY] });
  home = tempDir('verso-canary-home-');
  tmp = tempDir('verso-canary-tmp-');
  project = tempDir('verso-canary-project-');
});

afterAll(async () => {
  await server?.close();
});

describe('a canary DEEPL_AUTH_KEY after a full run of every command', () => {
  it('appears in no file, log or output', async () => {
    const help = await verso(['--help']);
    const listed = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(5);
    const inbox = tempDir('verso-canary-inbox-');

    expect((await verso(['init', '--to', 'en,vi'])).code).toBe(0);
    expect((await verso(['import', SEED])).code).toBe(0);
    await verso(['segment', '--sentences', SEED]);
    await verso(['translate', '--dry-run', '--to', 'en,vi']);
    expect((await verso(['translate', '--to', 'en,vi'])).code).toBe(0);
    await verso(['translate', '--to', 'en', '--only', 'all', '--json']);
    // The server did receive the key, so the runs really used it.
    expect(server.requests.some((r) => r.authKey === CANARY)).toBe(true);
    // Failures are where keys leak: error messages, stack traces, request dumps.
    server.inject({ kind: 'status', status: 403, times: 100 });
    await verso(['translate', '--to', 'en', '--only', 'all']);
    server.reset();
    server.characterLimit = server.characterCount;
    await verso(['translate', '--to', 'vi', '--only', 'all']);
    server.characterLimit = 10_000_000;
    await verso(['translate', '--to', 'en', '--only', 'all'], { DEEPL_SERVER_URL: 'http://127.0.0.1:9' });
    await verso(['translate', '--to', 'en', '--only', 'all', '--engine', 'memory']);
    await verso(['status']);
    await verso(['status', '--json']);
    await verso(['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'A human draft.']);
    await verso(['approve', SEED_ID, 'p1', '--to', 'en']);
    await verso(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'The US Secretary of Defense, Lloyd Austin']);
    await verso(['revert', SEED_ID, 'p1', '--to', 'en', '--approval']);
    await verso(['diff', SEED_ID, '--to', 'en']);
    await verso(['diff', SEED_ID, '--to', 'en', '--json']);
    await verso(['check']);
    for (const format of ['json', 'github', 'junit']) await verso(['check', '--format', format]);
    await verso(['qa', 'checks']);
    await verso(['qa', 'ignore', SEED_ID, 'p2', 'numbers', '--reason', 'checked by hand', '--to', 'en']);
    await verso(['review', SEED_ID, '--to', 'en']); // no terminal here: it says so
    await verso(['render', SEED_ID, '--to', 'en']);
    await verso(['export', 'xliff', SEED_ID, '--to', 'en', '-o', join(inbox, 'out.xlf')]);
    await verso(['import-xliff', join(inbox, 'out.xlf')]);
    await verso(['export', 'tmx', '-o', join(inbox, 'out.tmx')]);
    await verso(['import-tmx', join(inbox, 'out.tmx')]);
    writeFileSync(join(inbox, 'en.txt'), readFileSync(SEED, 'utf8').split('\n').map((l, i) => `English line ${i}: ${l.length} characters.`).join('\n'));
    await verso(['align', SEED_ID, join(inbox, 'en.txt'), '--to', 'en', '--dry-run']);
    await verso(['align', '--lines', SEED, join(inbox, 'en.txt')]);
    const state = join(project, '.verso', 'state', 'en', `${SEED_ID}.json`);
    for (const side of ['base', 'ours', 'theirs']) copyFileSync(state, join(inbox, side));
    await verso(['merge-driver', join(inbox, 'base'), join(inbox, 'ours'), join(inbox, 'theirs'), `.verso/state/en/${SEED_ID}.json`]);
    mkdirSync(join(project, 'sub'), { recursive: true });
    await verso(['status'], {}, join(project, 'sub'));
    // Commands this test has no recipe for yet still run: bare and with --help.
    for (const name of listed.filter((n) => !ran.has(n))) {
      await verso([name]);
      await verso([name, '--help']);
    }
    expect(listed.filter((n) => !ran.has(n)), 'commands never run').toEqual([]);

    const output = transcript.join('\n');
    expect(output.includes(SECRET), 'the key was printed').toBe(false);
    for (const dir of [project, home, tmp, inbox]) expect(filesContaining(dir, SECRET), `files under ${dir} hold the key`).toEqual([]);
    // The built CLI was what ran.
    expect(CLI).toMatch(/dist[\\/]cli[\\/]main\.js$/);
  }, 120_000);
});
