/**
 * Large checks spread over threads. QA is CPU work (dozens of scans per approved string) and
 * articles are independent, so a 2,000-article project is cut into contiguous slices, one per
 * core: this thread checks the first slice itself while worker threads check the others (a
 * worker of its own would only add its start-up and the copy of its results back to this thread),
 * and results are put together in slice order, so the report is the same as a single-threaded run. Small projects (and runs from TypeScript sources, where the compiled
 * worker does not exist) stay in this thread: starting a worker costs more than it saves there.
 *
 * Errors keep their class across the thread boundary: a damaged file is still an input error
 * (exit 2) with its file and position.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QaOptions } from '../core/qa/types.js';
import { FileProblemError } from '../storage/errors.js';
import type { Project } from '../storage/project.js';
import type { LanguageOutcome } from './check.js';
import { entryId, type QaCacheEntry, type QaCacheView } from './check-qa-cache.js';
import { UserError } from './errors.js';

/** Below this much work (in articles that need QA), a worker's start-up (~100 ms) and the copy of its results outweigh what it saves. */
const MIN_ARTICLES_FOR_WORKERS = 200;
const MAX_WORKERS = 8;
/** How many articles with cached QA results weigh as much as one that needs QA. */
const CACHED_ARTICLE_SHARE = 6;

export interface WorkerInput {
  root: string;
  ids: string[];
  langs: string[];
  qa: Array<[string, QaOptions]>;
  /** The QA cache entries of this slice's articles. */
  cache?: { version: string; entries: Array<[string, QaCacheEntry]> };
}

export type WorkerOutput =
  | { ok: true; outcomes: LanguageOutcome[][] }
  | { ok: false; error: { kind: 'file' | 'user' | 'other'; message: string; file?: string; position?: { line: number; column: number } | null; hint?: string; details?: UserError['details']; stack?: string } };

export function serializeError(e: unknown): Extract<WorkerOutput, { ok: false }>['error'] {
  if (e instanceof FileProblemError) return { kind: 'file', message: e.message, file: e.file, position: e.position, ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  if (e instanceof UserError) return { kind: 'user', message: e.message, details: e.details };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'other', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

function reviveError(e: Extract<WorkerOutput, { ok: false }>['error']): Error {
  if (e.kind === 'file') return new FileProblemError(e.message, e.file ?? '', e.position ?? null, e.hint);
  if (e.kind === 'user') return new UserError(e.message, e.details ?? {});
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

type Settled = { ok: true; outcomes: LanguageOutcome[][] } | { ok: false; error: unknown };

/** Checks some articles in this thread (the service's own loop), results in the order of `ids`. */
export type CheckHere = (ids: string[]) => Promise<LanguageOutcome[][]>;

/**
 * `threads`: how many threads to use, this one included (default: one per core, up to 8); 1 keeps
 * everything in this thread. Returns null when the project is too small to be worth splitting.
 */
export async function checkInWorkers(project: Project, ids: string[], langs: string[], qaByLang: ReadonlyMap<string, QaOptions>, checkHere: CheckHere, threadsWanted?: number, cache?: QaCacheView): Promise<LanguageOutcome[][] | null> {
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const threads = Math.min(MAX_WORKERS, threadsWanted ?? availableParallelism());
  // Workers pay for QA, the CPU-heavy part. An article whose QA results are all in the cache
  // costs only the reading of its files, about a sixth of one that needs QA (measured on
  // 2,000 articles: 2.4 s against 9.4 s in one thread), so it counts for that much here.
  const needQa = cache ? ids.filter((id) => langs.some((lang) => !cache.entries.has(entryId(lang, id)))).length : ids.length;
  const work = needQa + (ids.length - needQa) / CACHED_ARTICLE_SHARE;
  if (work < MIN_ARTICLES_FOR_WORKERS || threads < 2 || !existsSync(fileURLToPath(workerUrl))) return null;
  const size = Math.ceil(ids.length / threads);
  const slices = Array.from({ length: threads }, (_, i) => ids.slice(i * size, (i + 1) * size)).filter((s) => s.length > 0);
  const qa = [...qaByLang.entries()];
  const [own, ...others] = slices;
  const inWorkers = others.map(
      (slice) =>
        new Promise<WorkerOutput>((resolve, reject) => {
          const input: WorkerInput = { root: project.root, ids: slice, langs, qa, ...(cache ? { cache: cacheSlice(cache, slice, langs) } : {}) };
          // QA allocates many short-lived strings: a larger young generation means far fewer
          // scavenges (the default is sized for interactive programs).
          const worker = new Worker(workerUrl, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
          worker.once('message', (out: WorkerOutput) => resolve(out));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`check worker exited with code ${code}`));
          });
        }),
  );
  // This thread's slice runs while the workers start; every slice is awaited before an error
  // is raised, so the error reported is the first in article order, as in a single thread.
  const here = checkHere(own!).then(
    (outcomes): Settled => ({ ok: true, outcomes }),
    (error: unknown): Settled => ({ ok: false, error }),
  );
  const fromWorkers = inWorkers.map((p) => p.then((r): Settled => (r.ok ? r : { ok: false, error: reviveError(r.error) })));
  const results = await Promise.all([here, ...fromWorkers]);
  const outcomes: LanguageOutcome[][] = [];
  for (const r of results) {
    if (!r.ok) throw r.error;
    outcomes.push(...r.outcomes);
  }
  return outcomes;
}

function cacheSlice(cache: QaCacheView, ids: readonly string[], langs: readonly string[]): NonNullable<WorkerInput['cache']> {
  const entries: Array<[string, QaCacheEntry]> = [];
  for (const id of ids) {
    for (const lang of langs) {
      const e = cache.entries.get(entryId(lang, id));
      if (e) entries.push([entryId(lang, id), e]);
    }
  }
  return { version: cache.version, entries };
}
