/**
 * How a command is described: its options (for `node:util` parseArgs), its positional
 * arguments and its help text all come from one spec, so `--help` cannot drift from what the
 * command accepts.
 */
import type { Writable } from 'node:stream';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in help, e.g. `<lng,…>`. */
  value?: string;
  description: string;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** Parsed options (string, boolean or string[] for `multiple`). */
  values: Record<string, string | boolean | string[] | undefined>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Aborted on SIGINT/SIGTERM: long-running commands stop cleanly when it fires. */
  signal: AbortSignal;
}

export interface CommandSpec {
  name: string;
  /** e.g. `verso approve <article> <key…> --to <lng>` */
  usage: string;
  /** Longer help: what it does, examples. */
  description?: string;
  options: Record<string, OptionSpec>;
  /** Accepted number of positional arguments. */
  positionals: { min: number; max: number; names?: string };
  /** Returns the exit code: 0 success, 1 findings, 2 usage or input error. */
  run(ctx: CommandContext): Promise<number>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;

export function stringOpt(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v.at(-1) : undefined;
}

export function listOpt(ctx: CommandContext, name: string): string[] {
  const v = ctx.values[name];
  const arr = v === undefined || typeof v === 'boolean' ? [] : typeof v === 'string' ? [v] : v;
  return arr.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
}

export function boolOpt(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
