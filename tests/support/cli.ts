/**
 * Running the built verso CLI (`dist/cli/main.js`, produced by `npm test`'s build step) in a
 * real temporary directory, as a user would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(REPO_ROOT, 'dist', 'cli', 'main.js');
export const SEED = join(REPO_ROOT, '..', 'shared', 'seed', '000_8c1828b71475e020.txt');
export const SEED_ID = '000_8c1828b71475e020';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string } ): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', VERSO_USER: 'tester', ...options.env };
    delete env['DEEPL_AUTH_KEY'];
    if (options.env?.['DEEPL_AUTH_KEY']) env['DEEPL_AUTH_KEY'] = options.env['DEEPL_AUTH_KEY'];
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function tempDir(prefix = 'verso-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A new project in a temp directory with the given target languages. */
export async function tempProject(targets = ['en', 'vi']): Promise<string> {
  const dir = tempDir();
  const r = await runCli(['init', '--to', targets.join(',')], { cwd: dir });
  if (r.code !== 0) throw new Error(`verso init failed: ${r.stderr}`);
  return dir;
}

/** Every file under `dir` with a hash of its content: to prove a failed command changed nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
