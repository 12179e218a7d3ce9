/** The worker-thread side of check-parallel.ts: checks one slice of articles and posts the outcomes. */
import { parentPort, workerData } from 'node:worker_threads';
import { openProject } from '../storage/project.js';
import { checkArticles } from './check.js';
import { serializeError, type WorkerInput, type WorkerOutput } from './check-parallel.js';

const input = workerData as WorkerInput;
let out: WorkerOutput;
try {
  const project = await openProject(input.root);
  out = { ok: true, outcomes: await checkArticles(project, input.ids, input.langs, new Map(input.qa)) };
} catch (e) {
  out = { ok: false, error: serializeError(e) };
}
parentPort!.postMessage(out);
