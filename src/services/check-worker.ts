/** The worker-thread side of check-parallel.ts: checks one slice of articles and posts the outcomes. */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../storage/project.js';
import { checkArticles } from './check.js';
import { serializeError, type WorkerInput, type WorkerOutput } from './check-parallel.js';

const input = workerData as WorkerInput;
let out: WorkerOutput;
try {
  const project = await openProject(input.root);
  const cache = input.cache ? { version: input.cache.version, entries: new Map(input.cache.entries) } : undefined;
  out = { ok: true, outcomes: await checkArticles(project, input.ids, input.langs, new Map(input.qa), cache) };
} catch (e) {
  out = { ok: false, error: serializeError(e) };
}
parentPort!.postMessage(out);
