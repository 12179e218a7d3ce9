/**
 * Temporary verso projects for fault tests: a project with the bundled article imported,
 * children of the built CLI started without waiting (to run several at once), and holding the
 * project lock from the test so several processes are made to wait for it together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CLI, SEED, SEED_ID, runCli, tempProject, type CliResult } from './cli.js';
import type { Article, ReviewState } from '../../src/core/model.js';

export { SEED_ID };

/** A project (targets `en`, `vi` by default) with the bundled article imported. */
export async function seededProject(targets = ['en', 'vi']): Promise<string> {
  const dir = await tempProject(targets);
  const r = await runCli(['import', SEED], { cwd: dir });
  if (r.code !== 0) throw new Error(`verso import failed: ${r.stderr}`);
  return dir;
}

/** Fails with the command's output unless it exited 0. */
export async function ok(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<CliResult> {
  const r = await runCli(args, options);
  if (r.code !== 0) throw new Error(`verso ${args.join(' ')} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliResult>;
  /** True once the process has exited. */
  exited(): boolean;
}

/** Starts the built CLI and returns at once; `done` resolves when it exits. */
export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RunningCli {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', VERSO_USER: 'tester', ...options.env };
  if (!options.env?.['DEEPL_AUTH_KEY']) delete env['DEEPL_AUTH_KEY'];
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let hasExited = false;
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      hasExited = true;
      resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr });
    });
  });
  return { child, done, exited: () => hasExited };
}

/**
 * Takes the project lock as a live process (this test) would, so verso commands started now
 * all wait; the returned function releases it and they race for it.
 */
export function holdProjectLock(root: string): () => void {
  const path = join(root, '.verso', 'lock');
  writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }), { flag: 'wx' });
  return () => rmSync(path, { force: true });
}

export function readArticle(root: string, id: string): Article {
  return JSON.parse(readFileSync(join(root, '.verso', 'articles', `${id}.json`), 'utf8')) as Article;
}

export function readState(root: string, lang: string, id: string): ReviewState {
  return JSON.parse(readFileSync(join(root, '.verso', 'state', lang, `${id}.json`), 'utf8')) as ReviewState;
}

export function readLocale(root: string, lang: string, id: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'locales', lang, `${id}.json`), 'utf8')) as Record<string, string>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
