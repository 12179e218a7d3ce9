/**
 * The QA cache of `verso check` (`.verso/cache/qa/`): a run that reuses cached results gives the
 * same report as a run without the cache, and anything QA depends on (an approved string, the
 * machine candidate, the QA settings) makes the article be checked again. A damaged or deleted
 * cache only costs time.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../src/bench/generate.js';
import { runCli, tempDir, tempProject } from '../support/cli.js';

const NNBSP = '\u202f';
const ORIGINAL = [
  `Le ministre a annoncé une hausse de 7,5${NNBSP}% du budget en 2024.`,
  `«${NNBSP}Nous sommes prêts${NNBSP}», a déclaré le porte-parole.`,
  'Les exportations ont atteint 355,5 milliards de dollars.',
  '',
].join('\n');

async function cli(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = await runCli(args, { cwd: dir, env });
  expect(r.stderr).toBe('');
  return r;
}

/** The JSON report, with and without the cache; both must agree, and the cached run is returned. */
async function bothReports(dir: string): Promise<{ cached: string; fresh: string }> {
  const fresh = (await cli(dir, ['check', '--format', 'json'], { VERSO_QA_CACHE: 'off' })).stdout;
  const cached = (await cli(dir, ['check', '--format', 'json'])).stdout;
  return { cached, fresh };
}

const qaMessages = (report: string) =>
  (JSON.parse(report) as { findings: Array<{ kind: string; key: string; check: string | null; lang: string }> }).findings
    .filter((f) => f.kind === 'qa')
    .map((f) => `${f.lang} ${f.key} ${f.check}`);

describe('verso check with its QA cache', () => {
  let dir: string;
  const cacheFile = () => join(dir, '.verso', 'cache', 'qa', 'en.json');
  beforeAll(async () => {
    dir = await tempProject(['en', 'vi']);
    writeFileSync(join(dir, 'budget.txt'), ORIGINAL);
    expect((await runCli(['import', 'budget.txt'], { cwd: dir })).code).toBe(0);
    // p1 has a wrong number (75 for 7,5): a QA error the cache must keep reporting.
    const en = { p1: 'The minister announced a 75% increase in the budget in 2024.', p2: '“We are ready,” the spokesman said.', p3: 'Exports reached $355.5 billion.' };
    for (const [key, text] of Object.entries(en)) expect((await runCli(['approve', 'budget', key, '--to', 'en', '--text', text], { cwd: dir })).code).toBe(0);
  });

  it('writes the cache on the first run and gives the same report from it on the next, in every format', async () => {
    rmSync(join(dir, '.verso', 'cache'), { recursive: true, force: true });
    const first = await bothReports(dir);
    expect(existsSync(cacheFile())).toBe(true);
    expect(readFileSync(join(dir, '.verso', 'cache', '.gitignore'), 'utf8')).toContain('*');
    const second = await bothReports(dir);
    expect(second.cached).toBe(first.fresh);
    expect(first.cached).toBe(first.fresh);
    expect(qaMessages(second.cached)).toEqual(['en p1 numbers']);
    for (const format of ['text', 'github']) {
      const fresh = await cli(dir, ['check', '--format', format], { VERSO_QA_CACHE: 'off' });
      const cached = await cli(dir, ['check', '--format', format]);
      expect(cached.stdout).toBe(fresh.stdout);
      expect(cached.code).toBe(fresh.code);
    }
  });

  it('checks an article again when an approved string changed', async () => {
    await bothReports(dir);
    expect((await runCli(['approve', 'budget', 'p1', '--to', 'en', '--text', 'The minister announced a 7.5% increase in the budget in 2024.'], { cwd: dir })).code).toBe(0);
    const fixed = await bothReports(dir);
    expect(qaMessages(fixed.cached)).toEqual([]);
    expect(fixed.cached).toBe(fixed.fresh);
    // And back: the error is found again, not remembered as clean.
    expect((await runCli(['approve', 'budget', 'p1', '--to', 'en', '--text', 'The minister announced a 75% increase in the budget in 2024.'], { cwd: dir })).code).toBe(0);
    expect(qaMessages((await bothReports(dir)).cached)).toEqual(['en p1 numbers']);
  });

  it('checks again when the QA settings changed (a check switched off, then on)', async () => {
    await bothReports(dir);
    const configPath = join(dir, 'verso.config.json');
    const config = readFileSync(configPath, 'utf8');
    const parsed = JSON.parse(config) as { qa?: { disabled?: string[] } };
    writeFileSync(configPath, JSON.stringify({ ...parsed, qa: { ...parsed.qa, disabled: ['numbers'] } }, null, 2));
    try {
      const off = await bothReports(dir);
      expect(qaMessages(off.cached)).toEqual([]);
      expect(off.cached).toBe(off.fresh);
    } finally {
      writeFileSync(configPath, config);
    }
    expect(qaMessages((await bothReports(dir)).cached)).toEqual(['en p1 numbers']);
  });

  it('ignores a damaged or forged cache file and a deleted cache', async () => {
    const expected = (await bothReports(dir)).fresh;
    writeFileSync(cacheFile(), '{ not json');
    expect((await cli(dir, ['check', '--format', 'json'])).stdout).toBe(expected);
    // A forged entry with the right shape but another key is not used; one with a bad shape is dropped.
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, { key: string; findings: unknown }> };
    for (const entry of Object.values(cache.entries)) {
      entry.key = 'forged';
      entry.findings = {};
    }
    writeFileSync(cacheFile(), JSON.stringify(cache));
    expect((await cli(dir, ['check', '--format', 'json'])).stdout).toBe(expected);
    const again = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { entries: Record<string, { key: string; findings: Record<string, unknown> }> };
    for (const entry of Object.values(again.entries)) entry.findings = { p1: [{ check: 'no-such-check', severity: 'error', message: 'x', span: null }] };
    writeFileSync(cacheFile(), JSON.stringify(again));
    expect((await cli(dir, ['check', '--format', 'json'])).stdout).toBe(expected);
    rmSync(join(dir, '.verso', 'cache'), { recursive: true, force: true });
    expect((await cli(dir, ['check', '--format', 'json'])).stdout).toBe(expected);
  });

  it('does not fail the check when the cache cannot be written', async () => {
    const expected = (await bothReports(dir)).fresh;
    rmSync(join(dir, '.verso', 'cache'), { recursive: true, force: true });
    // A file where the cache directory would go: writing fails, the check does not.
    writeFileSync(join(dir, '.verso', 'cache'), 'in the way');
    try {
      const r = await cli(dir, ['check', '--format', 'json']);
      expect(r.stdout).toBe(expected);
      expect(r.code).toBe(1);
    } finally {
      rmSync(join(dir, '.verso', 'cache'), { force: true });
    }
  });
});

describe('verso check with its QA cache on a project checked in worker threads', () => {
  it('gives the same report cold (workers), warm (cache) and without the cache, and re-checks a changed article', async () => {
    const project = await generateProject({ dir: join(tempDir(), 'p'), articles: 220, segmentsPerArticle: 4, targetLangs: ['en', 'de'], seed: 11 });
    const root = project.root;
    const env = { VERSO_CHECK_THREADS: '2' };
    const fresh = (await cli(root, ['check', '--format', 'json'], { ...env, VERSO_QA_CACHE: 'off' })).stdout;
    const cold = (await cli(root, ['check', '--format', 'json'], env)).stdout;
    const warm = (await cli(root, ['check', '--format', 'json'], env)).stdout;
    expect(cold).toBe(fresh);
    expect(warm).toBe(fresh);

    // A check scoped to one (changed) article updates its entry and keeps the other articles'.
    const entries = () => (JSON.parse(readFileSync(join(root, '.verso', 'cache', 'qa', 'de.json'), 'utf8')) as { entries: Record<string, { key: string }> }).entries;
    const before = entries();
    expect(Object.keys(before).length).toBeGreaterThan(200);
    const scoped = project.articleIds.find((id) => before[id] !== undefined && id !== project.articleIds[0])!;
    const scopedState = JSON.parse(readFileSync(join(root, '.verso', 'state', 'de', `${scoped}.json`), 'utf8')) as { segments: Record<string, { status: string }> };
    const scopedKey = Object.keys(scopedState.segments).find((k) => scopedState.segments[k]!.status === 'approved')!;
    expect((await runCli(['approve', scoped, scopedKey, '--to', 'de', '--text', 'Ein ganz anderer Satz.'], { cwd: root })).code).toBe(0);
    await cli(root, ['check', '--article', scoped, '--format', 'json'], env);
    const updated = entries();
    expect(Object.keys(updated).sort()).toEqual(Object.keys(before).sort());
    expect(updated[scoped]!.key).not.toBe(before[scoped]!.key);
    expect(Object.keys(updated).filter((id) => id !== scoped && updated[id]!.key !== before[id]!.key)).toEqual([]);

    // Edit one published German string by hand and approve it through verso: only that article changes.
    const id = project.articleIds[0]!;
    const state = JSON.parse(readFileSync(join(root, '.verso', 'state', 'de', `${id}.json`), 'utf8')) as { segments: Record<string, { status: string }> };
    const key = Object.keys(state.segments).find((k) => state.segments[k]!.status === 'approved');
    expect(key).toBeDefined();
    expect((await runCli(['approve', id, key!, '--to', 'de', '--text', 'Ein Satz mit 12345 neuen Zahlen und „Anführungszeichen.'], { cwd: root })).code).toBe(0);
    const after = await bothReports(root);
    expect(after.cached).toBe(after.fresh);
    expect(after.cached).not.toBe(warm);
  }, 60_000);
});
