/**
 * `verso translate` as a user runs it: the built CLI in a real project, against the
 * DeepL-compatible server through DEEPL_SERVER_URL (run `npx tsc -p tsconfig.json` first).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { CLI, runCli, snapshotTree } from '../support/cli.js';
import { startDeepLServer, TEST_AUTH_KEY, type DeepLTestServer } from '../support/deepl-server.js';
import { articleText, makeProject } from '../services/translate-fixtures.js';
import { listArticles, loadState } from '../../src/storage/store.js';
import { progressReporter } from '../../src/cli/commands/translate.js';
import type { Project } from '../../src/storage/project.js';

let server: DeepLTestServer;
beforeEach(async () => {
  server = await startDeepLServer();
});
afterEach(async () => {
  await server.close();
});

const deeplEnv = (extra: Record<string, string> = {}) => ({ DEEPL_SERVER_URL: server.url, DEEPL_AUTH_KEY: TEST_AUTH_KEY, VERSO_DEEPL_MAX_ATTEMPTS: '2', ...extra });

async function machineCount(project: Project, lang = 'en'): Promise<number> {
  let n = 0;
  for (const id of await listArticles(project)) {
    const state = await loadState(project, id, lang);
    n += Object.values(state.segments).filter((s) => s.candidates.some((c) => c.origin === 'machine')).length;
  }
  return n;
}

describe('verso translate', () => {
  it('without a key uses the memory engine and says so', async () => {
    const project = await makeProject({ a: articleText('a', 2) });
    const r = await runCli(['translate', '--to', 'en'], { cwd: project.root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/engine: memory.*no DEEPL_AUTH_KEY/);
    expect(r.stdout).toMatch(/en: 3 segments/);
  });

  it('with DEEPL_SERVER_URL and DEEPL_AUTH_KEY translates, prints plain progress lines off a terminal, and a summary', async () => {
    const project = await makeProject({ a: articleText('a', 70) });
    const r = await runCli(['translate', '--to', 'en'], { cwd: project.root, env: deeplEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`engine: deepl at ${server.url}`);
    expect(r.stderr).toMatch(/^translate: en 100% 71\/71 segments/m);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stdout).toMatch(/en: 71 segments — 71 from deepl, 0 from the cache; [\d,]+ characters billed/);
    expect(await machineCount(project)).toBe(71);
    expect(server.translateCalls()).toHaveLength(2);

    const again = await runCli(['translate', '--to', 'en', '--only', 'all', '--json'], { cwd: project.root, env: deeplEnv() });
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { totals: Record<string, number>; stopped: unknown };
    expect(report.totals).toMatchObject({ selected: 71, fromCache: 71, billedCharacters: 0 });
    expect(report.stopped).toBeNull();
    expect(server.translateCalls()).toHaveLength(2);
  });

  it('--dry-run shows what would be billed and the remaining quota, and writes nothing', async () => {
    const project = await makeProject({ a: articleText('a', 4) });
    server.characterLimit = 1000;
    const before = snapshotTree(project.root);
    const r = await runCli(['translate', '--to', 'en', '--dry-run'], { cwd: project.root, env: deeplEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/en: 5 segments need a candidate; 0 from the cache; 5 would be sent, [\d,]+ characters billed/);
    expect(r.stdout).toMatch(/0 of 1,000 characters; 1,000 remaining/);
    expect(snapshotTree(project.root)).toEqual(before);
  });

  it('a bad key exits 2 with a clear message that does not print the key', async () => {
    const project = await makeProject({ a: articleText('a', 2) });
    const r = await runCli(['translate', '--to', 'en'], { cwd: project.root, env: deeplEnv({ DEEPL_AUTH_KEY: 'wrong-secret-987' }) });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/refused the authentication key/);
    expect(r.stderr).toMatch(/DEEPL_AUTH_KEY/);
    expect(r.stderr + r.stdout).not.toContain('wrong-secret-987');
  });

  it('quota exceeded exits 1, keeps what is done and says how many segments remain', async () => {
    const project = await makeProject({ a: articleText('a', 80) });
    server.characterLimit = 3000; // enough for one request of 50 short paragraphs, not two
    const r = await runCli(['translate', '--to', 'en', '--concurrency', '1'], { cwd: project.root, env: deeplEnv() });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/quota/i);
    expect(r.stderr).toMatch(/kept: 50 segments saved; 31 remain/);
    expect(await machineCount(project)).toBe(50);
  });

  it('--shard i/n: shards are disjoint and together cover every article; a bad shard is a usage error', async () => {
    const project = await makeProject(Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, articleText(id, 1)])));
    const seen: string[][] = [];
    for (const shard of ['1/2', '2/2']) {
      server.reset();
      const r = await runCli(['translate', '--to', 'en', '--shard', shard, '--json'], { cwd: project.root, env: deeplEnv() });
      expect(r.code, r.stderr).toBe(0);
      seen.push(server.translateCalls().map((c) => /article (\w)/.exec(c.params.context![0]!)![1]!));
    }
    expect(seen[0]!.filter((id) => seen[1]!.includes(id))).toEqual([]);
    expect([...seen[0]!, ...seen[1]!].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await machineCount(project)).toBe(10);
    const bad = await runCli(['translate', '--shard', '3/2'], { cwd: project.root, env: deeplEnv() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/between 1 and n/);
  });

  it('Ctrl-C saves what is done and exits non-zero; the same command then continues', async () => {
    const project = await makeProject({ a: articleText('a', 100), b: articleText('b', 100), c: articleText('c', 100) });
    server.latencyMs = 300; // seven sequential requests: ample time for the interrupt to land mid-run
    const child = spawn(process.execPath, [CLI, 'translate', '--to', 'en', '--concurrency', '1'], {
      cwd: project.root,
      env: { ...process.env, ...deeplEnv(), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (/^translate: en \d+% [1-9]/m.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped: .*interrupted/i);
    expect(stderr).toMatch(/kept: [\d,]+ segments saved; [\d,]+ remain/);
    const kept = await machineCount(project);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(303);

    server.latencyMs = 0;
    const again = await runCli(['translate', '--to', 'en', '--json'], { cwd: project.root, env: deeplEnv() });
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { totals: { selected: number } }).totals.selected).toBe(303 - kept);
    expect(await machineCount(project)).toBe(303);
  });
});

describe('a closed terminal (SIGHUP)', () => {
  it('stops like a first Ctrl-C, saving what is done, and exits 129 even when the hang-up comes twice', async () => {
    const project = await makeProject({ a: articleText('a', 100), b: articleText('b', 100) });
    server.latencyMs = 300;
    const child = spawn(process.execPath, [CLI, 'translate', '--to', 'en', '--concurrency', '1'], {
      cwd: project.root,
      env: { ...process.env, ...deeplEnv(), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let hungUp = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!hungUp && /^translate: en \d+% [1-9]/m.test(stderr)) {
        hungUp = true;
        // A terminal that goes away can send SIGHUP twice: that is not a user insisting.
        child.kill('SIGHUP');
        child.kill('SIGHUP');
      }
    });
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    server.latencyMs = 0;
    expect(code).toBe(129);
    expect(stderr).toMatch(/kept: [\d,]+ segments saved; [\d,]+ remain/);
    expect(await machineCount(project)).toBeGreaterThan(0);
  });
});

describe('progress on a terminal', () => {
  it('redraws one sanitised bar line on stderr, with rate and ETA, and clears it at the end', () => {
    let out = '';
    const stderr = Object.assign(new Writable({ write: (chunk: Buffer, _e, cb) => ((out += chunk.toString()), cb()) }), { isTTY: true, columns: 100 });
    let t = 0;
    const reporter = progressReporter({ stderr }, { quiet: false, now: () => t });
    t = 1000;
    reporter.update({ lang: 'en\u001b[31m', done: 50, total: 200, characters: 5000, billedCharacters: 5000, fromCache: 0 });
    t = 2000;
    reporter.update({ lang: 'en', done: 100, total: 200, characters: 10000, billedCharacters: 10000, fromCache: 0 });
    reporter.end();
    const frames = out.split('\r\u001b[2K').filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[0]).not.toContain('\u001b');
    expect(frames[1]).toMatch(/^en \[█+░+\] 50% 100\/200 segments · 10,000 chars · 10,000 billed · 50\.0\/s · ETA 0:02$/);
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });
});
