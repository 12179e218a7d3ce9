/**
 * Large projects are checked in worker threads: the report must be byte-for-byte the one a
 * single-threaded run gives, and a damaged file found by a worker must still be an input error
 * (exit 2) with its file and position.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../src/bench/generate.js';
import { runCli, tempDir } from '../support/cli.js';

describe('verso check on a project large enough for worker threads', () => {
  let root: string;
  beforeAll(async () => {
    const project = await generateProject({ dir: join(tempDir(), 'p'), articles: 240, segmentsPerArticle: 5, targetLangs: ['en', 'vi'], seed: 3 });
    root = project.root;
  });

  it('gives the same report with threads as in one thread', async () => {
    const single = await runCli(['check', '--format', 'json'], { cwd: root, env: { VERSO_CHECK_THREADS: '1', VERSO_QA_CACHE: 'off' } });
    const threaded = await runCli(['check', '--format', 'json'], { cwd: root, env: { VERSO_CHECK_THREADS: '2', VERSO_QA_CACHE: 'off' } });
    expect(single.code).toBe(1);
    expect(threaded.code).toBe(1);
    expect(threaded.stderr).toBe('');
    expect(JSON.parse(threaded.stdout)).toEqual(JSON.parse(single.stdout));
    expect((JSON.parse(single.stdout) as { summary: { articles: number } }).summary.articles).toBe(240);
  });

  it('reports a damaged state file found by a worker as an input error with its position', async () => {
    const ids = (JSON.parse((await runCli(['status', '--json', '--to', 'en'], { cwd: root })).stdout) as { rows: Array<{ article: string }> }).rows.map((r) => r.article);
    const last = ids.at(-1)!;
    const file = join(root, '.verso', 'state', 'vi', `${last}.json`);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('{', '{ oops'));
    try {
      const r = await runCli(['check'], { cwd: root, env: { VERSO_CHECK_THREADS: '2', VERSO_QA_CACHE: 'off' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^verso: \\.verso/state/vi/${last}\\.json:1:3: invalid JSON`));
      expect(r.stdout).toBe('');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('with damaged files in two slices, reports the first in article order (the slice of the main thread)', async () => {
    const ids = (JSON.parse((await runCli(['status', '--json', '--to', 'en'], { cwd: root })).stdout) as { rows: Array<{ article: string }> }).rows.map((r) => r.article);
    const files = [ids[0]!, ids.at(-1)!].map((id) => join(root, '.verso', 'state', 'en', `${id}.json`));
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    files.forEach((f, i) => writeFileSync(f, originals[i]!.replace('{', '{ oops')));
    try {
      const r = await runCli(['check', '--to', 'en'], { cwd: root, env: { VERSO_CHECK_THREADS: '2', VERSO_QA_CACHE: 'off' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^verso: \\.verso/state/en/${ids[0]}\\.json:1:3: invalid JSON`));
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });
});
