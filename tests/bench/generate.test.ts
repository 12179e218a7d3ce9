/**
 * The seeded project generator: deterministic, and what it writes is what verso itself would
 * write (so benchmarks and fault tests measure real projects, not look-alikes).
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateProject } from '../../src/bench/generate.js';
import { generateOriginal } from '../../src/bench/text.js';
import { seededRandom } from '../../src/bench/random.js';
import { runCli, snapshotTree, tempDir } from '../support/cli.js';

describe('generateProject', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await generateProject({ dir: join(tempDir(), 'p'), articles: 3, segmentsPerArticle: 10, seed: 42 });
    const b = await generateProject({ dir: join(tempDir(), 'p'), articles: 3, segmentsPerArticle: 10, seed: 42 });
    const c = await generateProject({ dir: join(tempDir(), 'p'), articles: 3, segmentsPerArticle: 10, seed: 43 });
    expect(snapshotTree(a.root)).toEqual(snapshotTree(b.root));
    expect(snapshotTree(a.root)).not.toEqual(snapshotTree(c.root));
  });

  it('writes the same article record and source locale file as `verso import` of its original', async () => {
    const gen = await generateProject({ dir: join(tempDir(), 'p'), articles: 4, segmentsPerArticle: 25, targetLangs: ['en', 'vi'], seed: 7, mix: { approved: 0.5, stale: 0, draft: 0.2, machine: 0.2 } });
    const project = tempDir();
    expect((await runCli(['init', '--to', 'en,vi'], { cwd: project })).code).toBe(0);
    const inbox = tempDir();
    const files = gen.articleIds.map((id) => {
      const file = join(inbox, `${id}.txt`);
      copyFileSync(join(gen.root, 'originals', `${id}.txt`), file);
      return file;
    });
    const r = await runCli(['import', ...files], { cwd: project });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const id of gen.articleIds) {
      for (const rel of [`.verso/articles/${id}.json`, `locales/fr/${id}.json`, `originals/${id}.txt`]) {
        expect(readFileSync(join(project, rel), 'utf8'), rel).toBe(readFileSync(join(gen.root, rel), 'utf8'));
      }
    }
  });

  it('gives articles of the requested size whose status verso reports as generated', async () => {
    const gen = await generateProject({ dir: join(tempDir(), 'p'), articles: 5, segmentsPerArticle: 25, seed: 3 });
    expect(gen.segments).toBe(125);
    expect(readdirSync(join(gen.root, '.verso', 'articles'))).toHaveLength(5);
    const r = await runCli(['status', '--json'], { cwd: gen.root });
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { lang: string; counts: Record<string, number> }[] }).rows;
    for (const lang of ['en', 'vi', 'de']) {
      const sum = (k: string) => rows.filter((x) => x.lang === lang).reduce((n, x) => n + (x.counts[k] ?? 0), 0);
      expect(sum('total')).toBe(125);
      for (const k of ['approved', 'stale', 'draft', 'machine', 'untranslated'] as const) expect(sum(k), `${lang} ${k}`).toBe(gen.expected[lang]![k]);
    }
    // Every status occurs, so benchmarks exercise every path.
    for (const k of ['approved', 'stale', 'draft', 'machine', 'untranslated'] as const) expect(gen.expected['en']![k]).toBeGreaterThan(0);
  });

  it('models the bundled article: French typography, captions, origin line, Vietnamese diacritics', async () => {
    const rng = seededRandom(11);
    const texts = Array.from({ length: 20 }, () => generateOriginal(rng, 25).text).join('\n');
    expect(texts).toMatch(/«[ \u00a0\u202f]/);
    expect(texts).toMatch(/[\u00a0\u202f][;:!?]/);
    expect(texts).toMatch(/\d,\d\u00a0%/);
    expect(texts).toMatch(/^Source : https:\/\/thanhnien\.vn\/\S+\.htm$/m);
    expect(texts).toMatch(/^Comment \(\d+\)$/m);
    const gen = await generateProject({ dir: join(tempDir(), 'p'), articles: 2, segmentsPerArticle: 25, seed: 5 });
    const vi = readFileSync(join(gen.root, 'locales', 'vi', `${gen.articleIds[0]}.json`), 'utf8');
    expect(vi).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]/);
    const article = JSON.parse(readFileSync(join(gen.root, '.verso', 'articles', `${gen.articleIds[0]}.json`), 'utf8')) as { segments: Record<string, { kind: string; text: string }> };
    const kinds = new Set(Object.values(article.segments).map((s) => s.kind));
    expect(kinds.has('paragraph')).toBe(true);
    const lengths = Object.values(article.segments).filter((s) => s.kind === 'paragraph').map((s) => s.text.length);
    expect(Math.min(...lengths)).toBeGreaterThan(40);
    expect(Math.max(...lengths)).toBeLessThan(1000);
  });
});
