/**
 * Loading the benchmark modules other parts of verso keep in `tests/bench/*.bench.ts` (check
 * against i18n-check, batch translation, review-screen keys, aligner). They are TypeScript
 * beside the tests, so the harness compiles them — and whatever of `src/` and `tests/support/`
 * they import — with the project's own tsc into `.bench-results/build/`, then imports them.
 */
import { existsSync, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './types.js';
import { runProcess } from './measure.js';

export interface LoadedBenchmarks {
  benchmarks: Benchmark[];
  /** Files found, and what became of each (for the report). */
  files: { file: string; loaded: string[]; problem?: string }[];
}

function isBenchmark(v: unknown): v is Benchmark {
  return typeof v === 'object' && v !== null && typeof (v as Benchmark).id === 'string' && typeof (v as Benchmark).run === 'function';
}

export async function loadExternalBenchmarks(repoRoot: string, log: (m: string) => void): Promise<LoadedBenchmarks> {
  const dir = join(repoRoot, 'tests', 'bench');
  const names = existsSync(dir) ? (await fs.readdir(dir)).filter((n) => n.endsWith('.bench.ts')).sort() : [];
  if (names.length === 0) return { benchmarks: [], files: [] };
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    return { benchmarks: [], files: names.map((n) => ({ file: `tests/bench/${n}`, loaded: [], problem: 'typescript is not installed (npm install)' })) };
  }
  const outDir = join(repoRoot, '.bench-results', 'build');
  log(`compiling ${names.length} benchmark module(s) from tests/bench/`);
  const build = await runProcess(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--outDir', outDir], { cwd: repoRoot });
  if (build.code !== 0) log(`tsc reported problems (modules are still loaded when emitted):\n${(build.stdout + build.stderr).split('\n').slice(0, 20).join('\n')}`);

  const benchmarks: Benchmark[] = [];
  const files: LoadedBenchmarks['files'] = [];
  for (const name of names) {
    const file = `tests/bench/${name}`;
    const js = join(outDir, 'tests', 'bench', name.replace(/\.ts$/, '.js'));
    if (!existsSync(js)) {
      files.push({ file, loaded: [], problem: 'not emitted by tsc' });
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(js).href)) as Record<string, unknown>;
      const found = [mod['benchmark'], ...(Array.isArray(mod['benchmarks']) ? mod['benchmarks'] : [])].filter(isBenchmark);
      benchmarks.push(...found);
      files.push({ file, loaded: found.map((b) => b.id), ...(found.length ? {} : { problem: 'exports no `benchmark` / `benchmarks`' }) });
    } catch (e) {
      files.push({ file, loaded: [], problem: `failed to load: ${(e as Error).message}` });
    }
  }
  log(`loaded ${benchmarks.map((b) => b.id).join(', ') || 'nothing'} from ${relative(repoRoot, dir)}`);
  return { benchmarks, files };
}
