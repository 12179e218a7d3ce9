/**
 * Running verso's CLI in this process (`run` from src/cli/run.ts, exactly what `main.ts` calls),
 * so property tests can try hundreds of hostile inputs in seconds. Exit codes and output are
 * what the real binary would produce; paths are passed absolute because a service reading a
 * user-named file resolves it against the process, as the binary does.
 */
import { Readable, Writable } from 'node:stream';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  columns = 100;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    cb();
  }
}

export async function runInProcess(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await run(argv, {
    cwd,
    env: { NO_COLOR: '1', VERSO_USER: 'tester', ...env },
    stdout,
    stderr,
    stdin: Readable.from([]),
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Names of the commands this build of verso has. */
export function commandNames(): string[] {
  return COMMANDS.map((c) => c.name);
}

/** A copy of a template project in a fresh temp dir (fast: no CLI start-up per case). */
export function copyProject(template: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'verso-hostile-')), 'p');
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** Characters that must never reach a terminal from untrusted text. */
export const UNSAFE_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function describeUnsafe(text: string): string | null {
  const m = UNSAFE_OUTPUT.exec(text);
  if (!m) return null;
  const at = m.index;
  return `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))}`;
}
