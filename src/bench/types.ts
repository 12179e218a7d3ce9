/**
 * The contract between the harness (`npm run bench`) and each benchmark module.
 *
 * A benchmark measures something verso does and, where one exists, the same job done by the
 * thing a user would otherwise pick (a peer tool, or `node -e 0` as the floor for start-up),
 * in the same run, alternating between the two so machine noise hits both alike. It reports
 * medians; the harness prints the ratios in one table and writes them to a JSON file.
 *
 * Benchmark modules live in `src/bench/` or in `tests/bench/*.bench.ts`; the latter export
 * `benchmarks: Benchmark[]` (or one `benchmark`), and the harness compiles and loads them.
 */
import type { GenerateOptions, GeneratedProject } from './generate.js';

export interface BenchContext {
  /** `--quick`: small sizes and few runs, the whole harness well under a minute. */
  quick: boolean;
  /** Timed runs per side (odd, so the median is one of them). */
  runs: number;
  /** The repository checkout. */
  repoRoot: string;
  /** The built CLI, `dist/cli/main.js`. */
  cli: string;
  /** A fresh empty temporary directory, removed when the harness ends. */
  tempDir(name?: string): Promise<string>;
  /** A seeded, realistic project (see `generate.ts`). `dir` defaults to a fresh temp dir. */
  generateProject(options: Omit<GenerateOptions, 'dir'> & { dir?: string }): Promise<GeneratedProject>;
  /** Progress for the human watching (stderr); not part of the results. */
  log(message: string): void;
}

/** One line of the results table. Times are medians in milliseconds. */
export interface BenchRow {
  /** Which benchmark module produced it (`cold-start`, `check`, …). */
  benchmark: string;
  /** What was measured, e.g. `verso status, 1 article`. */
  case: string;
  /** The verso side. */
  subject: string;
  subjectMs: number;
  /** The comparison side, when there is one: `node -e 0`, `i18n-check`, … */
  baseline?: string;
  baselineMs?: number;
  /** subjectMs ÷ baselineMs (filled in by the harness when both are known). */
  ratio?: number;
  runs: number;
  /** Sizes, throughput or anything a reader needs to interpret the figure. */
  note?: string;
}

export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Omit<BenchRow, 'benchmark' | 'ratio'>[]>;
}
