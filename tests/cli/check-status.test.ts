/** `verso status --min-approved` (a gate for partial translations) and `--qa` counts, via the built CLI. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';

const ORIGINAL = [
  'Hausse de 7,5\u202f% en 2023.',
  '«\u202fNous sommes prêts\u202f», a déclaré le ministre.',
  'Les exportations ont atteint 355,5 milliards de dollars.',
  'Le ministre a démissionné hier soir.',
  'Source : https://example.vn/a.htm',
  '',
].join('\n');

describe('verso status gates and QA counts', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempProject(['en', 'vi']);
    writeFileSync(join(dir, 'a.txt'), ORIGINAL);
    expect((await runCli(['import', 'a.txt'], { cwd: dir })).code).toBe(0);
    // en: 3 of 4 approved, one with a ×10 number error and one missing its end punctuation.
    for (const [key, text] of [['p1', 'Up 75% in 2023.'], ['p2', '“We are ready,” the minister said'], ['p3', 'Exports reached $355.5 billion.']]) {
      expect((await runCli(['approve', 'a', key!, '--to', 'en', '--text', text!], { cwd: dir })).code).toBe(0);
    }
  });

  it('exits 1 when an article × language is below --min-approved, 0 when all reach it', async () => {
    const below = await runCli(['status', '--min-approved', '50'], { cwd: dir });
    expect(below.code).toBe(1);
    expect(below.stdout).toContain('1 article × language pair(s) below 50% approved: a (vi) 0%');
    const scoped = await runCli(['status', '--to', 'en', '--min-approved', '75%'], { cwd: dir });
    expect(scoped.stdout).toContain('every article is at least 75% approved');
    expect(scoped.code).toBe(0);
    expect((await runCli(['status', '--to', 'en', '--min-approved', '76'], { cwd: dir })).code).toBe(1);
  });

  it('rejects a percentage that is not one with exit 2', async () => {
    for (const bad of ['abc', '101', '-1', '']) {
      const r = await runCli(['status', '--min-approved', bad], { cwd: dir });
      expect(r.code, bad).toBe(2);
    }
  });

  it('lists the rows below the gate in JSON', async () => {
    const r = await runCli(['status', '--json', '--min-approved', '50'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { minApproved: number; belowMinApproved: Array<{ article: string; lang: string }> };
    expect(out.minApproved).toBe(50);
    expect(out.belowMinApproved.map((b) => `${b.article}/${b.lang}`)).toEqual(['a/vi']);
  });

  it('counts QA findings of approved strings with --qa, and ignored ones apart', async () => {
    const before = JSON.parse((await runCli(['status', '--json', '--qa', '--to', 'en'], { cwd: dir })).stdout) as { rows: Array<{ qa: Record<string, number> }> };
    expect(before.rows[0]!.qa).toEqual({ error: 1, warning: 1, info: 0, ignored: 0 });
    expect((await runCli(['qa', 'ignore', 'a', 'p2', 'end-punctuation', '--to', 'en', '--reason', 'headline style'], { cwd: dir })).code).toBe(0);
    const after = await runCli(['status', '--qa', '--to', 'en'], { cwd: dir });
    expect(after.stdout).toMatch(/a\s+en\s+4\s+3\s+0\s+0\s+1\s+0\s+75%\s+1\s+0\s+1/);
  });
});
