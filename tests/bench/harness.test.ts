/**
 * Runs `npm run bench -- --quick` once, through the built harness, so it cannot rot: every
 * benchmark must run without failing and report sane (finite, positive) medians. No timing
 * threshold is asserted — figures are for the benchmark table, not for pass/fail.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, tempDir } from '../support/cli.js';
import type { BenchReport } from '../../src/bench/report.js';

describe('npm run bench -- --quick', () => {
  it('runs every benchmark and writes the table and the JSON results', () => {
    const out = join(tempDir('verso-bench-test-'), 'results.json');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bench', 'main.js'), '--quick', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 });
    expect(r.stderr).not.toMatch(/FAILED|Error:/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    expect(report.quick).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.modules.filter((m) => m.problem)).toEqual([]);
    expect(report.machine.cpus).toBeGreaterThan(0);
    const ids = new Set(report.rows.map((row) => row.benchmark));
    expect(ids.has('cold-start')).toBe(true);
    expect(ids.has('status-scale')).toBe(true);
    for (const row of report.rows) {
      expect(Number.isFinite(row.subjectMs) && row.subjectMs > 0, `${row.benchmark} ${row.case}`).toBe(true);
      if (row.baseline !== undefined) {
        expect(Number.isFinite(row.baselineMs) && row.baselineMs! > 0).toBe(true);
        expect(row.ratio).toBeCloseTo(row.subjectMs / row.baselineMs!, 6);
      }
      expect(row.runs).toBeGreaterThanOrEqual(1);
      // The table shows every row.
      expect(r.stdout).toContain(row.case);
    }
    expect(r.stdout).toMatch(/machine: \d+ CPUs/);
  }, 180_000);
});
