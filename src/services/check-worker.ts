/**
 * The worker-thread side of check-parallel.ts: checks the batches of articles it claims from
 * the shared counter and posts the outcomes (with the first failure, if any) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../storage/project.js';
import { CLAIM_BATCH, checkClaimed } from './check.js';
import { serializeError, type WorkerInput, type WorkerOutput } from './check-parallel.js';

const input = workerData as WorkerInput;
const counter = new Int32Array(input.next);
let out: WorkerOutput;
try {
  const project = await openProject(input.root);
  const cache = input.cache ? { version: input.cache.version, entries: new Map(input.cache.entries) } : undefined;
  const claimed = await checkClaimed(
    project,
    input.ids,
    input.langs,
    new Map(input.qa),
    () => Atomics.add(counter, 0, CLAIM_BATCH),
    () => Atomics.store(counter, 0, input.ids.length),
    cache,
  );
  // The copy back to the main thread costs in proportion to what is sent: without the
  // per-segment list, an outcome is its findings and its counts.
  if (!input.perSegment) for (const [, perLang] of claimed.outcomes) for (const o of perLang) o.segments = [];
  out = claimed.failure
    ? { ok: true, outcomes: claimed.outcomes, failure: { index: claimed.failure.index, error: serializeError(claimed.failure.error) } }
    : { ok: true, outcomes: claimed.outcomes };
} catch (e) {
  out = { ok: false, error: serializeError(e) };
}
parentPort!.postMessage(out);
