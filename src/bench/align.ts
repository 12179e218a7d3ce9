/**
 * Aligner speed: runs the aligner's own benchmark script (`tests/bench/align-bench.mjs`, which
 * aligns a synthetic parallel text of N × N units with the built aligner and prints medians) and
 * reports its figures. There is no peer tool to run side by side here, so the row carries the
 * issue's goal (≤ 2 s and ≤ 500 MB for 10,000 × 10,000 units) in its note instead of a ratio.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './types.js';
import { expectExit } from './measure.js';

export const alignSpeed: Benchmark = {
  id: 'align',
  title: 'Aligner speed (tests/bench/align-bench.mjs)',
  async run(ctx) {
    const script = join(ctx.repoRoot, 'tests', 'bench', 'align-bench.mjs');
    if (!existsSync(script)) throw new Error('tests/bench/align-bench.mjs is missing');
    const units = ctx.quick ? 2000 : 10_000;
    const runs = ctx.quick ? 3 : Math.max(3, Math.min(ctx.runs, 5));
    const r = await expectExit([0], process.execPath, ['--expose-gc', script, String(units), String(runs)], { cwd: ctx.repoRoot });
    const figure = (label: RegExp) => {
      const m = label.exec(r.stdout);
      if (!m) throw new Error(`align-bench.mjs printed no ${label.source}:\n${r.stdout}`);
      return Number(m[1]);
    };
    const wall = figure(/wall time\s+median (\d+(?:\.\d+)?) ms/);
    const cpu = figure(/CPU time\s+median (\d+(?:\.\d+)?) ms/);
    const rss = figure(/peak RSS\s+(\d+(?:\.\d+)?) MB/);
    const beads = /→ (\d+) beads/.exec(r.stdout)?.[1] ?? '?';
    return [
      {
        case: `align ${units.toLocaleString('en')} × ${units.toLocaleString('en')} units`,
        subject: 'alignUnits (built aligner)',
        subjectMs: wall,
        runs,
        note: `CPU ${cpu} ms, peak RSS ${rss} MB, ${beads} beads; goal for 10,000 × 10,000: ≤ 2000 ms, ≤ 500 MB`,
      },
    ];
  },
};
