/**
 * Large checks spread over threads. QA is CPU work (dozens of scans per approved string) and
 * articles are independent, so this thread and one worker thread per other core share the
 * articles: each takes the next small batch from a counter in shared memory until none are
 * left, so a thread slowed by its start-up, its garbage collector or another process on the
 * machine simply takes fewer. Results are put together in article order, so the report is the
 * same as a single-threaded run. Small projects (and runs from TypeScript sources, where the
 * compiled worker does not exist) stay in this thread: starting a worker costs more than it
 * saves there.
 *
 * Errors keep their class across the thread boundary: a damaged file is still an input error
 * (exit 2) with its file and position, and it is the first damaged article in order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { QaOptions } from '../core/qa/types.js';
import { FileProblemError } from '../storage/errors.js';
import type { Project } from '../storage/project.js';
import { CLAIM_BATCH, type ClaimedOutcomes, type LanguageOutcome } from './check.js';
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
  /** One Int32: the index in `ids` of the next batch to hand out, shared by every thread. */
  next: SharedArrayBuffer;
  /** Send each segment's outcome back (JUnit); otherwise only findings and counts travel. */
  perSegment: boolean;
  /** The QA cache entries of the articles. */
  cache?: { version: string; entries: Array<[string, QaCacheEntry]> };
}

export type SerializedError = { kind: 'file' | 'user' | 'other'; message: string; file?: string; position?: { line: number; column: number } | null; hint?: string; details?: UserError['details']; stack?: string };

export type WorkerOutput =
  | { ok: true; outcomes: Array<[number, LanguageOutcome[]]>; failure?: { index: number; error: SerializedError } }
  | { ok: false; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof FileProblemError) return { kind: 'file', message: e.message, file: e.file, position: e.position, ...(e.hint !== undefined ? { hint: e.hint } : {}) };
  if (e instanceof UserError) return { kind: 'user', message: e.message, details: e.details };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'other', message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
}

function reviveError(e: SerializedError): Error {
  if (e.kind === 'file') return new FileProblemError(e.message, e.file ?? '', e.position ?? null, e.hint);
  if (e.kind === 'user') return new UserError(e.message, e.details ?? {});
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/** Checks the articles this thread claims with `claim` (see `checkClaimed` in check.ts). */
export type CheckHere = (claim: () => number, stop: () => void) => Promise<ClaimedOutcomes>;

/**
 * `threads`: how many threads to use, this one included (default: one per core, up to 8); 1 keeps
 * everything in this thread. Returns null when the project is too small to be worth sharing out.
 */
export async function checkInWorkers(
  project: Project,
  ids: string[],
  langs: string[],
  qaByLang: ReadonlyMap<string, QaOptions>,
  checkHere: CheckHere,
  options: { threads?: number; perSegment: boolean },
  cache?: QaCacheView,
): Promise<LanguageOutcome[][] | null> {
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const threads = Math.min(MAX_WORKERS, options.threads ?? availableParallelism());
  // Workers pay for QA, the CPU-heavy part. An article whose QA results are all in the cache
  // costs only the reading of its files, about a sixth of one that needs QA (measured on
  // 2,000 articles: 2.4 s against 9.4 s in one thread), so it counts for that much here.
  const needQa = cache ? ids.filter((id) => langs.some((lang) => !cache.entries.has(entryId(lang, id)))).length : ids.length;
  const work = needQa + (ids.length - needQa) / CACHED_ARTICLE_SHARE;
  if (work < MIN_ARTICLES_FOR_WORKERS || threads < 2 || !existsSync(fileURLToPath(workerUrl))) return null;

  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const claim = () => Atomics.add(counter, 0, CLAIM_BATCH);
  const stop = () => Atomics.store(counter, 0, ids.length);
  const input: WorkerInput = { root: project.root, ids, langs, qa: [...qaByLang.entries()], next, perSegment: options.perSegment, ...(cache ? { cache: cacheEntries(cache, ids, langs) } : {}) };
  const inWorkers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<ClaimedOutcomes>((resolve, reject) => {
        // QA allocates many short-lived strings: a larger young generation means far fewer
        // scavenges (the default is sized for interactive programs).
        const worker = new Worker(workerUrl, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
        worker.once('message', (out: WorkerOutput) => {
          if (!out.ok) {
            // The worker could not even start checking (its project did not open): nothing
            // it claimed gets checked, so nothing else may be reported.
            stop();
            reject(reviveError(out.error));
          } else {
            resolve(out.failure ? { outcomes: out.outcomes, failure: { index: out.failure.index, error: reviveError(out.failure.error) } } : { outcomes: out.outcomes });
          }
        });
        worker.once('error', (e) => {
          stop();
          reject(e);
        });
        worker.once('exit', (code) => {
          if (code !== 0) {
            stop();
            reject(new Error(`check worker exited with code ${code}`));
          }
        });
      }),
  );
  // This thread checks too while the workers start, and takes more if they are slow to.
  const results = await Promise.all([checkHere(claim, stop), ...inWorkers]);
  const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
  if (failures.length > 0) throw failures.reduce((a, b) => (b.index < a.index ? b : a)).error;
  const outcomes = new Array<LanguageOutcome[]>(ids.length);
  for (const r of results) for (const [index, perLang] of r.outcomes) outcomes[index] = perLang;
  return outcomes;
}

function cacheEntries(cache: QaCacheView, ids: readonly string[], langs: readonly string[]): NonNullable<WorkerInput['cache']> {
  const entries: Array<[string, QaCacheEntry]> = [];
  for (const id of ids) {
    for (const lang of langs) {
      const e = cache.entries.get(entryId(lang, id));
      if (e) entries.push([entryId(lang, id), e]);
    }
  }
  return { version: cache.version, entries };
}
