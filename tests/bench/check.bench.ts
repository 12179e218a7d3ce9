/**
 * `verso check` against `@lingual/i18n-check` on the same locale tree.
 *
 * A generated project of 2,000 articles × 25 segments × 3 target languages (`--quick`: 100
 * articles). Side by side, alternating, medians over the harness's runs:
 *   - verso check, all checks (status, staleness, locale-file consistency, every QA check), the
 *     report written as JSON, with the QA cache warm (the first, unmeasured run writes it);
 *   - the same as on a fresh clone (a CI job that keeps no cache): `.verso/cache/` (git-ignored) is
 *     deleted before each run, so every QA check runs and the cache is written anew;
 *   - the floor under any QA speed-up: the same fresh-clone run on a copy of the project whose
 *     config switches every QA check off (`qa.disabled`), so only the reading of the files, the
 *     status, staleness and locale-consistency checks and the report remain;
 *   - i18n-check -l locales -s fr -f i18next: missing and invalid keys across the same tree.
 * Both binaries are started with node directly (no npx start-up on either side), and both write
 * their output to /dev/null, so the figure is the work and not the pipe.
 *
 * Goal from the issue: verso at most half of i18n-check's wall time. The ratio column says
 * where it stands; the note gives CPU times (user + sys of the child) and finding counts.
 *
 * Run: `npm run build && npm run bench -- --only check` (`--quick` for the small size).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Benchmark, BenchRow } from '../../src/bench/types.js';
import { median } from '../../src/bench/measure.js';
import { CHECKS } from '../../src/core/qa/checks/registry.js';

interface Timed {
  ms: number;
  code: number | null;
  cpuMs: number;
}

/** Runs a node script with stdout to /dev/null; wall time, exit code and the child's CPU time. */
function timeNode(reporter: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', reporter, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', DEEPL_AUTH_KEY: '', ...env },
      stdio: ['ignore', devNull, 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      closeSync(devNull);
      const m = /__cpu_ms=(\d+(?:\.\d+)?)/.exec(stderr);
      // Anything else on stderr means the command failed rather than reported: stop the benchmark.
      const rest = stderr.replace(/__cpu_ms=.*\n?/, '').trim();
      if (!m || rest !== '') reject(new Error(`${args.slice(0, 2).join(' ')} failed (exit ${code}): ${rest.slice(0, 500)}`));
      else resolve({ ms, code, cpuMs: Number(m[1]) });
    });
  });
}

// A preload that prints the process's CPU time (user + sys) on exit to stderr, for both sides alike.
// Only the main thread reports (preloads also run in worker threads); the usage is the whole process's.
const CPU_REPORTER = `if (require('node:worker_threads').isMainThread) process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('__cpu_ms=' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n'); });\n`;

export const benchmark: Benchmark = {
  id: 'check',
  title: 'verso check (all checks) vs i18n-check (missing keys) on the same locale tree',
  async run(ctx) {
    const articles = ctx.quick ? 100 : 2000;
    ctx.log(`check: generating ${articles} articles × 25 segments × 3 languages`);
    const project = await ctx.generateProject({ articles, segmentsPerArticle: 25, seed: 5 });
    const reporter = join(await ctx.tempDir('cpu'), 'cpu-reporter.cjs');
    writeFileSync(reporter, CPU_REPORTER);
    const i18nCheck = join(ctx.repoRoot, 'node_modules', '@lingual', 'i18n-check', 'dist', 'bin', 'index.js');
    // Warm: QA results of unchanged articles come from .verso/cache/qa/ (written by the first run),
    // as on a developer's machine or a CI that keeps the cache. Cold: every QA check runs.
    const verso = () => timeNode(reporter, [ctx.cli, 'check', '--format', 'json'], project.root);
    const versoCold = async () => {
      await rm(join(project.root, '.verso', 'cache'), { recursive: true, force: true });
      return timeNode(reporter, [ctx.cli, 'check', '--format', 'json'], project.root);
    };
    // The floor: a copy of the project with every QA check switched off in its config.
    const floorRoot = join(await ctx.tempDir('check-floor'), 'p');
    await cp(project.root, floorRoot, { recursive: true });
    const configPath = join(floorRoot, 'verso.config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { qa?: { disabled?: string[] } };
    config.qa = { ...config.qa, disabled: Object.keys(CHECKS) };
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
    const versoFloor = async () => {
      await rm(join(floorRoot, '.verso', 'cache'), { recursive: true, force: true });
      return timeNode(reporter, [ctx.cli, 'check', '--format', 'json'], floorRoot);
    };
    const peer = () => timeNode(reporter, [i18nCheck, '-l', 'locales', '-s', 'fr', '-f', 'i18next'], project.root);

    const runs = ctx.quick ? ctx.runs : Math.min(ctx.runs, 5);
    const expectCode = (t: Timed, who: string) => {
      // verso: 0 clean, 1 findings (the generated project has both); i18n-check: 0 or 1.
      if (t.code !== 0 && t.code !== 1) throw new Error(`${who} exited ${t.code}`);
      return t;
    };
    expectCode(await verso(), 'verso check');
    expectCode(await peer(), 'i18n-check');
    const subject: Timed[] = [];
    const cold: Timed[] = [];
    const floor: Timed[] = [];
    const baseline: Timed[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which side goes first, so neither always meets a warmer cache.
      if (i % 2 === 0) {
        subject.push(expectCode(await verso(), 'verso check'));
        baseline.push(expectCode(await peer(), 'i18n-check'));
        cold.push(expectCode(await versoCold(), 'verso check (no cache)'));
        floor.push(expectCode(await versoFloor(), 'verso check (QA off)'));
      } else {
        floor.push(expectCode(await versoFloor(), 'verso check (QA off)'));
        cold.push(expectCode(await versoCold(), 'verso check (no cache)'));
        baseline.push(expectCode(await peer(), 'i18n-check'));
        subject.push(expectCode(await verso(), 'verso check'));
      }
      ctx.log(`check: run ${i + 1}/${runs}: verso ${subject.at(-1)!.ms.toFixed(0)} ms, no cache ${cold.at(-1)!.ms.toFixed(0)} ms, QA off ${floor.at(-1)!.ms.toFixed(0)} ms, i18n-check ${baseline.at(-1)!.ms.toFixed(0)} ms`);
    }
    const segStates = project.segments * project.targetLangs.length;
    const row: Omit<BenchRow, 'benchmark' | 'ratio'> = {
      case: `${articles} articles × 25 segments × ${project.targetLangs.length} languages`,
      subject: 'verso check --format json (status, staleness, locale consistency, all QA; QA cache warm)',
      subjectMs: median(subject.map((t) => t.ms)),
      baseline: 'i18n-check -l locales -s fr -f i18next',
      baselineMs: median(baseline.map((t) => t.ms)),
      runs,
      note: `CPU median verso ${median(subject.map((t) => t.cpuMs)).toFixed(0)} ms, i18n-check ${median(baseline.map((t) => t.cpuMs)).toFixed(0)} ms; ${segStates} segment-states, ${project.files} files`,
    };
    const coldRow: Omit<BenchRow, 'benchmark' | 'ratio'> = {
      ...row,
      subject: 'the same on a fresh clone (no .verso/cache: every QA check runs)',
      subjectMs: median(cold.map((t) => t.ms)),
      note: `CPU median verso ${median(cold.map((t) => t.cpuMs)).toFixed(0)} ms, i18n-check ${median(baseline.map((t) => t.cpuMs)).toFixed(0)} ms`,
    };
    const floorRow: Omit<BenchRow, 'benchmark' | 'ratio'> = {
      ...row,
      subject: 'floor: the same fresh clone with every QA check off (reading, status, staleness, locale consistency, report)',
      subjectMs: median(floor.map((t) => t.ms)),
      note: `CPU median verso ${median(floor.map((t) => t.cpuMs)).toFixed(0)} ms; what any QA speed-up leaves`,
    };
    return [row, coldRow, floorRow];
  },
};
