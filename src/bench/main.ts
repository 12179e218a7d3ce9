#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [--runs N] [--only id,…] [--out file]`
 *
 * Runs every benchmark (verso's own in `src/bench/`, and the modules in `tests/bench/`), prints
 * one table of medians and ratios and writes it as JSON (default `.bench-results/latest.json`).
 * Exits 1 if any benchmark failed, so a broken benchmark cannot pass unnoticed.
 */
import { existsSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext, Benchmark, BenchRow } from './types.js';
import { generateProject } from './generate.js';
import { coldStart } from './cold-start.js';
import { statusScale } from './status-scale.js';
import { alignSpeed } from './align.js';
import { loadExternalBenchmarks } from './external.js';
import { formatTable, machineInfo, type BenchReport } from './report.js';

const BUILT_IN: Benchmark[] = [coldStart, statusScale, alignSpeed];

export interface HarnessOptions {
  quick: boolean;
  runs?: number;
  only?: string[];
  out: string;
  repoRoot: string;
  log?: (m: string) => void;
}

export async function runHarness(options: HarnessOptions): Promise<BenchReport> {
  const log = options.log ?? ((m: string) => process.stderr.write(`bench: ${m}\n`));
  const runs = options.runs ?? (options.quick ? 3 : 9);
  const cli = join(options.repoRoot, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);

  const scratch = await fs.mkdtemp(join(tmpdir(), 'verso-bench-'));
  let counter = 0;
  const tempDir = async (name = 'tmp') => {
    const dir = join(scratch, `${String(++counter).padStart(3, '0')}-${name}`);
    await fs.mkdir(dir, { recursive: true });
    return dir;
  };
  const ctx: BenchContext = {
    quick: options.quick,
    runs,
    repoRoot: options.repoRoot,
    cli,
    tempDir,
    generateProject: async (o) => generateProject({ ...o, dir: o.dir ?? join(await tempDir('project'), 'p') }),
    log,
  };

  const external = await loadExternalBenchmarks(options.repoRoot, log);
  const all = [...BUILT_IN, ...external.benchmarks];
  const selected = options.only?.length ? all.filter((b) => options.only!.includes(b.id)) : all;
  const rows: BenchRow[] = [];
  const failures: BenchReport['failures'] = [];
  try {
    for (const b of selected) {
      log(`running ${b.id}: ${b.title}`);
      try {
        for (const r of await b.run(ctx)) {
          const ratio = r.baselineMs !== undefined && r.baselineMs > 0 ? r.subjectMs / r.baselineMs : undefined;
          rows.push({ benchmark: b.id, ...r, ...(ratio !== undefined ? { ratio } : {}) });
        }
      } catch (e) {
        failures.push({ benchmark: b.id, error: (e as Error).stack ?? String(e) });
      }
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  const report: BenchReport = { date: new Date().toISOString(), quick: options.quick, runs, machine: machineInfo(), rows, failures, modules: external.files };
  await fs.mkdir(dirname(options.out), { recursive: true });
  await fs.writeFile(options.out, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: npm run bench -- [--quick] [--runs N] [--only id,…] [--out file.json]\n');
    return 0;
  }
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    process.stderr.write('bench: --runs must be a positive integer\n');
    return 2;
  }
  const out = resolve(values.out ?? join(repoRoot, '.bench-results', 'latest.json'));
  const report = await runHarness({
    quick: values.quick === true,
    ...(runs !== undefined ? { runs } : {}),
    ...(values.only ? { only: values.only.split(',').map((s) => s.trim()) } : {}),
    out,
    repoRoot,
  });
  process.stdout.write(formatTable(report));
  process.stdout.write(`\nresults written to ${out}\n`);
  return report.failures.length ? 1 : 0;
}

// Run only when executed, not when imported (the test suite imports runHarness).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
