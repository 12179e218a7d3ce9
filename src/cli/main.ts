#!/usr/bin/env node
/**
 * verso's entry point: wires the process (argv, streams, signals) to `run` and turns its result
 * into the exit code. Nothing else in verso calls `process.exit`.
 */
import { run } from './run.js';

const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals) => {
  interrupts++;
  // First Ctrl-C: ask the running command to stop cleanly (it saves what is done).
  // Second: the user insists; leave now (every write is atomic, so nothing is half-written).
  if (interrupts > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
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
process.exitCode = controller.signal.aborted && code === 0 ? 130 : code;
