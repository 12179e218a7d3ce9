/**
 * Crash safety of batch translation: `verso translate` over a few thousand segments against the
 * local DeepL-compatible server is killed with SIGKILL at random moments, many times over —
 * during start-up, and while requests are in flight (the kill comes after a random number of
 * requests has reached the server, so it lands mid-batch on any machine speed). After each kill:
 *   - every article, state and locale file parses as it is on disk;
 *   - no approved string is lost (state and locale file still hold every approval);
 *   - the next verso command finds a consistent project (journal replayed, locale = state).
 * Then the resumed run finishes, and no text was billed twice except those in the requests
 * that were in flight at a kill (sent, but their answer not yet saved to the cache).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject, type GeneratedProject } from '../../src/bench/generate.js';
import { seededRandom } from '../../src/bench/random.js';
import type { Article, ReviewState } from '../../src/core/model.js';
import { startDeepLServer, TEST_AUTH_KEY, type DeepLTestServer, type RecordedRequest } from '../support/deepl-server.js';
import { runCli, tempDir } from '../support/cli.js';
import { sleep, startCli } from '../support/project.js';
import { checkProjectTree, listFiles } from './tree.js';

const KILLS = Number(process.env['VERSO_CRASH_KILLS'] ?? 18);
const SEED = Number(process.env['VERSO_CRASH_SEED'] ?? Date.now() % 100_000);
const LANGS = ['en', 'vi'];

let server: DeepLTestServer;
let gen: GeneratedProject;

/** `⟦EN-GB⟧ text` → `en`, `text`: which language and source text a server answer was for. */
const identity = (lang: string, source: string) => `${lang}\u0000${source}`;
const langOfTarget = (target: string) => target.toLowerCase().split('-')[0]!;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every approval in the project: `article/lang/key` → text. */
function approvals(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const lang of LANGS) {
    const dir = join(root, '.verso', 'state', lang);
    for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : []) {
      const state = readJson<ReviewState>(join(dir, name));
      for (const [key, s] of Object.entries(state.segments)) if (s.approved) out.set(`${name.slice(0, -5)}/${lang}/${key}`, s.approved.text);
    }
  }
  return out;
}

/** Source texts whose translation is saved in the MT cache (what a resumed run will not pay for again). */
function cachedIdentities(root: string): Set<string> {
  const out = new Set<string>();
  for (const lang of LANGS) {
    const dir = join(root, '.verso', 'cache', 'mt', lang);
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        try {
          const entry = JSON.parse(line) as { text?: unknown };
          if (typeof entry.text === 'string') out.add(identity(lang, entry.text.replace(/^⟦[^⟧]*⟧ /, '')));
        } catch {
          /* a torn last line is allowed in the cache */
        }
      }
    }
  }
  return out;
}

/** Segments the batch has to translate: active, with no machine candidate for their current text. */
function toTranslate(root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(join(root, '.verso', 'articles'))) {
    const article = readJson<Article>(join(root, '.verso', 'articles', name));
    for (const lang of LANGS) {
      const statePath = join(root, '.verso', 'state', lang, name);
      const state = existsSync(statePath) ? readJson<ReviewState>(statePath) : { segments: {} as ReviewState['segments'] };
      for (const key of article.order) {
        const seg = article.segments[key]!;
        if (seg.obsolete) continue;
        const current = state.segments[key]?.candidates.some((c) => c.origin === 'machine' && c.sourceHash === seg.hash);
        if (!current) counts.set(identity(lang, seg.text), (counts.get(identity(lang, seg.text)) ?? 0) + 1);
      }
    }
  }
  return counts;
}

const answered = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.path === '/v2/translate' && r.outcome === 200);

beforeAll(async () => {
  server = await startDeepLServer({ latencyMs: 60, characterLimit: 1_000_000_000 });
  gen = await generateProject({
    dir: join(tempDir('verso-crash-'), 'p'),
    articles: 60,
    segmentsPerArticle: 25,
    targetLangs: LANGS,
    mix: { approved: 0.2, stale: 0.03, draft: 0.02, machine: 0 },
    seed: 99,
    uniqueTexts: true,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('verso translate killed with SIGKILL, again and again', () => {
  it(`keeps every file whole, loses no approval, and bills nothing twice beyond the requests in flight (seed ${SEED})`, async () => {
    const root = gen.root;
    const rng = seededRandom(SEED);
    const env = { DEEPL_AUTH_KEY: TEST_AUTH_KEY, DEEPL_SERVER_URL: server.url };
    const approvedBefore = approvals(root);
    expect(approvedBefore.size).toBeGreaterThan(200);
    const expected = toTranslate(root);
    const totalToTranslate = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(totalToTranslate).toBeGreaterThan(2000);

    /** Texts of requests answered by the server whose result never reached the cache. */
    const lostIdentities = new Set<string>();
    let lostTexts = 0;
    let killsMidBatch = 0;
    let savedBeforeKill = 0;
    let finishedEarly = false;
    const log: string[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const firstRequest = server.requests.length;
      const run = startCli(['translate', '--to', LANGS.join(',')], { cwd: root, env });
      // Most kills land after a random number of requests reached the server (mid-batch); some
      // during start-up (loading, journal replay, planning).
      const duringStartup = rng.chance(0.2);
      const afterRequests = rng.int(1, 8);
      if (duringStartup) await sleep(rng.int(0, 700));
      else while (!run.exited() && server.requests.length - firstRequest < afterRequests) await sleep(5);
      if (!duringStartup) await sleep(rng.int(0, 80));
      if (run.exited()) {
        finishedEarly = true;
        const r = await run.done;
        expect(r.code, r.stderr).toBe(0);
        break;
      }
      run.child.kill('SIGKILL');
      const r = await run.done;
      expect(r.code).toBe(-1); // killed by the signal
      const inThisRun = server.requests.slice(firstRequest);
      if (inThisRun.length > 0) killsMidBatch++;
      // Requests the killed process had sent may still be in the server (its latency): they are
      // answered, and billed, to a closed socket. Let them finish before counting.
      for (let waited = 0; waited < 3000 && inThisRun.some((q) => q.outcome === 0); waited += 10) await sleep(10);

      // 1. Every file verso keeps parses, as it is on disk right now.
      for (const f of listFiles(root).filter((x) => x.endsWith('.json') && !x.startsWith('.verso/cache'))) {
        expect(() => JSON.parse(readFileSync(join(root, f), 'utf8')), `${f} after kill ${kill + 1}`).not.toThrow();
      }
      // 2. No approval lost, in the state or in the locale file.
      const approvedNow = approvals(root);
      for (const [where, text] of approvedBefore) {
        expect(approvedNow.get(where), `approval ${where} after kill ${kill + 1}`).toBe(text);
        const [article, lang, key] = where.split('/') as [string, string, string];
        expect(readJson<Record<string, string>>(join(root, 'locales', lang, `${article}.json`))[key], `locale ${where} after kill ${kill + 1}`).toBe(text);
      }
      // 3. What was paid for but not saved: the requests in flight at this kill.
      const cached = cachedIdentities(root);
      let lostRequests = 0;
      for (const req of answered(inThisRun)) {
        const lang = langOfTarget(req.params['target_lang']![0]!);
        const lost = req.texts.filter((t) => !cached.has(identity(lang, t)));
        if (lost.length === 0) continue;
        lostRequests++;
        lostTexts += lost.length;
        for (const t of lost) lostIdentities.add(identity(lang, t));
      }
      savedBeforeKill += answered(inThisRun).length - lostRequests;
      log.push(`kill ${kill + 1}: ${duringStartup ? 'start-up' : `after ${afterRequests} requests`}, ${inThisRun.length} requests this run, ${lostRequests} lost`);
      // 4. The next command sees a consistent project (it replays a journal the kill left).
      const status = await runCli(['status', '--json'], { cwd: root });
      expect(status.code, status.stderr).toBe(0);
      // (A kill between writing a temporary file and renaming it leaves that file behind: never
      // read by verso, and counted in the log below.)
      expect(checkProjectTree(root, { allowTempFiles: true }), `after kill ${kill + 1}`).toEqual([]);
    }

    // The resumed run finishes the batch…
    const final = await runCli(['translate', '--to', LANGS.join(',')], { cwd: root, env });
    expect(final.code, final.stderr).toBe(0);
    expect(toTranslate(root).size, 'segments still without a machine candidate').toBe(0);
    expect(approvals(root)).toEqual(approvedBefore);
    expect(checkProjectTree(root, { allowTempFiles: true })).toEqual([]);
    const leftovers = listFiles(root).filter((f) => f.endsWith('.tmp')).length;
    // …and nothing was billed twice except texts of requests that were in flight at a kill.
    const billed = new Map<string, number>();
    for (const req of answered(server.requests)) {
      const lang = langOfTarget(req.params['target_lang']![0]!);
      for (const t of req.texts) billed.set(identity(lang, t), (billed.get(identity(lang, t)) ?? 0) + 1);
    }
    let excess = 0;
    for (const [id, count] of billed) {
      const over = count - (expected.get(id) ?? 0);
      if (over <= 0) continue;
      excess += over;
      expect(lostIdentities.has(id), `"${id.replace('\u0000', ': ')}" billed ${count}× but never in flight at a kill`).toBe(true);
    }
    expect(excess).toBeLessThanOrEqual(lostTexts);
    // A last run has nothing left to pay for.
    const before = answered(server.requests).length;
    const again = await runCli(['translate', '--to', LANGS.join(',')], { cwd: root, env });
    expect(again.code, again.stderr).toBe(0);
    expect(answered(server.requests).length).toBe(before);
    expect(killsMidBatch, log.join('\n')).toBeGreaterThan(0);
    // Results are saved as they arrive, not at the end: killed runs kept answered requests.
    expect(savedBeforeKill, log.join('\n')).toBeGreaterThan(0);
    console.log(`crash test (seed ${SEED}): ${log.length} kills, ${killsMidBatch} mid-batch${finishedEarly ? ', batch finished before the last planned kill' : ''}; ${totalToTranslate} segments; ${excess} texts billed twice, ${lostTexts} texts in flight at kills; ${leftovers} temporary files left by kills`);
  }, 240_000);
});
