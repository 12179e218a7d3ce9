#!/usr/bin/env node
/**
 * verso's entry point: wires the process (argv, streams, signals) to `run` and turns its result
 * into the exit code. Nothing else in verso calls `process.exit`.
 */
import { run } from './run.js';
import { exitCodeForAbort, exitCodeForSignal } from './signals.js';

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  // First Ctrl-C: ask the running command to stop cleanly (it saves what is done).
  // Second: the user insists; leave now (every write is atomic, so nothing is half-written).
  // A hang-up is never insistence: a closed terminal can send SIGHUP twice, and the review
  // screen still has a draft to save when the second one comes.
  if (signal !== 'SIGHUP' && ++interrupts > 1) process.exit(exitCodeForSignal(signal));
  if (!controller.signal.aborted) controller.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// A closed pipe (`verso diff | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  signal: controller.signal,
});
process.exitCode = controller.signal.aborted && code === 0 ? exitCodeForAbort(controller.signal) : code;
