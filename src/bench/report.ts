/** The results: one table for people (stdout) and one JSON file for tools and later comparison. */
import { availableParallelism, cpus, platform, release, totalmem, freemem } from 'node:os';
import type { BenchRow } from './types.js';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

export interface BenchFailure {
  benchmark: string;
  error: string;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  runs: number;
  machine: MachineInfo;
  rows: BenchRow[];
  failures: BenchFailure[];
  /** Benchmark modules found in tests/bench and what was loaded from each. */
  modules: { file: string; loaded: string[]; problem?: string }[];
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function formatTable(report: BenchReport): string {
  const header = ['benchmark', 'case', 'verso', 'ms', 'vs', 'ms', 'ratio', 'runs', 'note'];
  const rows = report.rows.map((r) => [
    r.benchmark,
    r.case,
    r.subject,
    ms(r.subjectMs),
    r.baseline ?? '',
    ms(r.baselineMs),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    String(r.runs),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const numeric = new Set([3, 5, 6, 7]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const m = report.machine;
  const out = [
    `verso benchmarks${report.quick ? ' (quick)' : ''} — ${report.date}`,
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}`,
    'times are medians in ms over the runs shown; ratio = verso ÷ the other side, measured alternately in the same run',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  for (const f of report.failures) out.push('', `FAILED ${f.benchmark}: ${f.error}`);
  for (const mod of report.modules.filter((x) => x.problem)) out.push(`skipped ${mod.file}: ${mod.problem}`);
  return `${out.join('\n')}\n`;
}
