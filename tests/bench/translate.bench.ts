/**
 * Batch translation throughput: `translateProject` with the real deepl-node client against the
 * DeepL-compatible server (in its own process) with 100 ms latency per request, 5,000 segments,
 * concurrency 4. Results are saved to the project as they arrive, as in a real run.
 *
 * Rows (medians):
 *   - batched run vs the ideal, ceil(texts / 50) requests × latency ÷ concurrency;
 *   - batched run vs one request per segment (same client, same concurrency; measured on a
 *     sample and scaled linearly — that side is bound by its 5,000 round trips);
 *   - a second run (`--only all`): answered from the cache, the billed requests counted;
 *   - realistic article sizes (20 segments): the article context keeps each article's segments
 *     in their own requests, so the request count is the number of chunks per article, not
 *     texts / 50; the ideal for that many requests is shown beside the formula's.
 *
 * Run: `npm run build && npm run bench -- --only translate` (`--quick`: 500 segments, one run).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Benchmark, BenchRow } from '../../src/bench/types.js';
import { median, timeOnce } from '../../src/bench/measure.js';
import * as deepl from 'deepl-node';
import { DeepLEngine } from '../../src/engines/deepl.js';
import { translateProject, type TranslateReport } from '../../src/services/translate.js';
import { initProject } from '../../src/services/init.js';
import { importArticles } from '../../src/services/import.js';
import { openProject, type Project } from '../../src/storage/project.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { STATS_PATH, TEST_AUTH_KEY } from '../support/deepl-server.js';

/**
 * The DeepL-compatible server in its own process (as DeepL is): its parsing and bookkeeping
 * then do not compete with the client for this process's event loop.
 */
interface ServerProcess {
  url: string;
  stats(): Promise<{ translateRequests: number; characterCount: number }>;
  close(): Promise<void>;
}

async function startServerProcess(repoRoot: string, latencyMs: number): Promise<ServerProcess> {
  const script = join(repoRoot, 'dist', 'dev', 'deepl-server-cli.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  const child: ChildProcess = spawn(process.execPath, [script, '--latency', String(latencyMs), '--limit', String(1e12), '--key', TEST_AUTH_KEY], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the DeepL test server exited (${code}): ${out}`)));
  });
  return {
    url,
    async stats() {
      return (await (await fetch(url + STATS_PATH)).json()) as { translateRequests: number; characterCount: number };
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

const LATENCY_MS = 100;
const CONCURRENCY = 4;

function articleText(id: string, segments: number): string {
  const lines = [`Titre de l'article ${id} sur la situation économique du pays`];
  for (let i = 1; i < segments; i++) {
    lines.push(`Paragraphe ${i} de l'article ${id} : les autorités de Hô Chi Minh-Ville ont annoncé « un plan de 3,5 milliards de dôngs » pour l'année prochaine.`);
  }
  lines.push(`Source : https://example.vn/${id}.htm`);
  return `${lines.join('\n')}\n`;
}

/** A project with `articles × segmentsPerArticle` segments, built once and copied per run. */
async function buildTemplate(articles: number, segmentsPerArticle: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'verso-bench-translate-'));
  await initProject({ dir, sourceLang: 'fr', targetLangs: ['en'] });
  const incoming = join(dir, 'incoming');
  mkdirSync(incoming);
  const files: string[] = [];
  for (let a = 0; a < articles; a++) {
    const id = `art${String(a).padStart(4, '0')}`;
    const file = join(incoming, `${id}.txt`);
    writeFileSync(file, articleText(id, segmentsPerArticle));
    files.push(file);
  }
  await importArticles(await openProject(dir), { files });
  return dir;
}

async function freshCopy(template: string): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'verso-bench-run-'));
  cpSync(template, dir, { recursive: true });
  return openProject(dir);
}

function engine(server: ServerProcess, maxTextsPerRequest?: number): DeepLEngine {
  return new DeepLEngine({ authKey: TEST_AUTH_KEY, serverUrl: server.url, concurrency: CONCURRENCY, ...(maxTextsPerRequest ? { maxTextsPerRequest } : {}) });
}

interface Measured {
  ms: number;
  report: TranslateReport;
  requests: number;
}

async function measure(server: ServerProcess, project: Project, options: { maxTextsPerRequest?: number; articles?: string[]; only?: 'all' } = {}): Promise<Measured> {
  const before = (await server.stats()).translateRequests;
  let report!: TranslateReport;
  const ms = await timeOnce(async () => {
    report = await translateProject(project, {
      engine: engine(server, options.maxTextsPerRequest),
      langs: ['en'],
      concurrency: CONCURRENCY,
      ...(options.articles ? { articles: options.articles } : {}),
      ...(options.only ? { only: options.only } : {}),
    });
  });
  if (report.stopped) throw new Error(`translate stopped: ${report.stopped.message}`);
  return { ms, report, requests: (await server.stats()).translateRequests - before };
}

export const benchmark: Benchmark = {
  id: 'translate',
  title: `Batch translation, ${LATENCY_MS} ms latency per request, concurrency ${CONCURRENCY}`,
  async run(ctx) {
    // --quick only proves the benchmark still runs: small, one timed run per case.
    const segments = ctx.quick ? 500 : 5_000;
    const runs = ctx.quick ? 1 : Math.max(3, Math.min(ctx.runs, 5));
    const server = await startServerProcess(ctx.repoRoot, LATENCY_MS);
    const rows: Omit<BenchRow, 'benchmark' | 'ratio'>[] = [];
    try {
      // 1. Long articles (100 segments): the formula's ideal is reachable.
      ctx.log(`translate: building ${segments} segments in ${segments / 100} articles`);
      const template = await buildTemplate(segments / 100, 100);
      const idealMs = (Math.ceil(segments / 50) * LATENCY_MS) / CONCURRENCY;
      const firstRuns: Measured[] = [];
      let secondRun: Measured | null = null;
      for (let i = 0; i < runs; i++) {
        const project = await freshCopy(template);
        firstRuns.push(await measure(server, project));
        if (i === 0) {
          const billedBefore = (await server.stats()).characterCount;
          secondRun = await measure(server, project, { only: 'all' });
          if ((await server.stats()).characterCount !== billedBefore) throw new Error('the second run billed characters');
        }
      }
      const batchedMs = median(firstRuns.map((m) => m.ms));
      const first = firstRuns[0]!;
      rows.push({
        case: `${segments} segments (${segments / 100} articles × 100), first run`,
        subject: 'verso translate',
        subjectMs: batchedMs,
        baseline: `ideal: ceil(${segments}/50) × ${LATENCY_MS} ms ÷ ${CONCURRENCY}`,
        baselineMs: idealMs,
        runs,
        note: `${first.requests} requests, ${first.report.totals.billedCharacters.toLocaleString('en-US')} characters billed`,
      });

      // 1b. The floor under this machine's current load: the same number of requests through
      //     deepl-node alone (no planning, no cache, nothing saved), measured right after.
      const floorRuns: number[] = [];
      const client = new deepl.DeepLClient(TEST_AUTH_KEY, { serverUrl: server.url });
      const chunkTexts = Array.from({ length: 50 }, (_, i) => articleText('floor', 51).split('\n')[i + 1]!);
      for (let i = 0; i < runs; i++) {
        let next = 0;
        floorRuns.push(
          await timeOnce(() =>
            Promise.all(
              Array.from({ length: CONCURRENCY }, async () => {
                while (next++ < first.requests) await client.translateText(chunkTexts, 'fr', 'en-GB', { context: 'Titre\nChapeau' });
              }),
            ),
          ),
        );
      }
      rows.push({
        case: `${segments} segments, first run`,
        subject: 'verso translate',
        subjectMs: batchedMs,
        baseline: `deepl-node alone, the same ${first.requests} requests`,
        baselineMs: median(floorRuns),
        runs,
        note: 'what verso adds: planning, cache, saving every response',
      });

      // 2. One request per segment, same client and concurrency, on a sample.
      const sample = ctx.quick ? 100 : 400;
      const sampleProject = await freshCopy(template);
      const ids = (await import('../../src/storage/store.js')).listArticles;
      const sampleArticles = (await ids(sampleProject)).slice(0, sample / 100);
      const perSegment = await measure(server, sampleProject, { maxTextsPerRequest: 1, articles: sampleArticles });
      const perSegmentMs = (perSegment.ms / perSegment.report.totals.translated) * segments;
      rows.push({
        case: `${segments} segments, first run`,
        subject: 'verso translate (≤ 50 texts a request)',
        subjectMs: batchedMs,
        baseline: `one request per segment (measured on ${perSegment.report.totals.translated}, scaled)`,
        baselineMs: perSegmentMs,
        runs,
        note: `${perSegment.requests} requests for the sample`,
      });

      // 3. The second run: everything from the cache.
      rows.push({
        case: `${segments} segments, second run (--only all)`,
        subject: 'verso translate, cached',
        subjectMs: secondRun!.ms,
        runs: 1,
        note: `${secondRun!.requests} translate requests, ${secondRun!.report.totals.billedCharacters} characters billed, ${secondRun!.report.totals.fromCache} from the cache`,
      });

      // 4. Realistic article sizes: one context per article means at least one request per article.
      const shortTemplate = await buildTemplate(segments / 20, 20);
      const shortRuns: Measured[] = [];
      for (let i = 0; i < runs; i++) shortRuns.push(await measure(server, await freshCopy(shortTemplate)));
      const shortMs = median(shortRuns.map((m) => m.ms));
      const shortRequests = shortRuns[0]!.requests;
      rows.push({
        case: `${segments} segments (${segments / 20} articles × 20), first run`,
        subject: 'verso translate, article context',
        subjectMs: shortMs,
        baseline: `ideal for its ${shortRequests} requests × ${LATENCY_MS} ms ÷ ${CONCURRENCY}`,
        baselineMs: (shortRequests * LATENCY_MS) / CONCURRENCY,
        runs,
        note: `formula ideal ceil(${segments}/50) requests would be ${idealMs} ms: article context cannot share a request across articles`,
      });
    } finally {
      await server.close();
    }
    return rows;
  },
};
