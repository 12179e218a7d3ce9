/**
 * Timing helpers: medians over several runs, and side-by-side measurement that alternates
 * between the two sides (A B A B …, starting side swapped every round) so a background burst or
 * a warming cache does not favour one of them.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds one call of `fn` takes. */
export async function timeOnce(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export interface SideBySide {
  subjectMs: number;
  baselineMs: number;
  subjectAll: number[];
  baselineAll: number[];
}

/** Runs `subject` and `baseline` alternately `runs` times each, after one untimed warm-up of each. */
export async function sideBySide(runs: number, subject: () => Promise<unknown>, baseline: () => Promise<unknown>): Promise<SideBySide> {
  await subject();
  await baseline();
  const subjectAll: number[] = [];
  const baselineAll: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      subjectAll.push(await timeOnce(subject));
      baselineAll.push(await timeOnce(baseline));
    } else {
      baselineAll.push(await timeOnce(baseline));
      subjectAll.push(await timeOnce(subject));
    }
  }
  return { subjectMs: median(subjectAll), baselineMs: median(baselineAll), subjectAll, baselineAll };
}

/** Median of `runs` timed calls, after one untimed warm-up. */
export async function medianOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await timeOnce(fn));
  return median(all);
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and resolves with its output. A non-zero exit is not an error
 * here (`verso check` exits 1 on findings); callers decide with `expectExit`.
 */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a command and fails loudly unless it exits with one of `codes`: a benchmark of a failing command measures nothing. */
export async function expectExit(codes: readonly number[], command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcessResult> {
  const r = await runProcess(command, args, options);
  if (r.code === null || !codes.includes(r.code)) {
    throw new Error(`${command} ${args.join(' ')} exited ${r.code} (expected ${codes.join(' or ')}):\n${r.stderr.slice(0, 2000)}`);
  }
  return r;
}
