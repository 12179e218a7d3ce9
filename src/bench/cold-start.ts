/**
 * Cold start: how long a user waits for `verso --help` and for `verso status` on the bundled
 * article, each against `node -e 0` (the cost of starting Node at all, which verso cannot go
 * below). Every run is a fresh process, as in a shell or a CI step.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './types.js';
import { expectExit, sideBySide } from './measure.js';

export const SEED_ARTICLE = '000_8c1828b71475e020.txt';

/** The bundled article: `shared/` sits beside the checkout (in CI too). */
export function seedArticlePath(repoRoot: string): string | null {
  const path = join(repoRoot, '..', 'shared', 'seed', SEED_ARTICLE);
  return existsSync(path) ? path : null;
}

export const coldStart: Benchmark = {
  id: 'cold-start',
  title: 'Cold start (fresh process each run)',
  async run(ctx) {
    const node = process.execPath;
    const env = { ...process.env, NO_COLOR: '1', DEEPL_AUTH_KEY: '' };
    const bare = () => expectExit([0], node, ['-e', '0']);
    const rows = [];

    const help = await sideBySide(ctx.runs, () => expectExit([0], node, [ctx.cli, '--help'], { env }), bare);
    rows.push({ case: 'verso --help', subject: 'verso --help', subjectMs: help.subjectMs, baseline: 'node -e 0', baselineMs: help.baselineMs, runs: ctx.runs });

    const project = await ctx.tempDir('cold-start');
    await expectExit([0], node, [ctx.cli, 'init', '--to', 'en,vi'], { cwd: project, env });
    const seed = seedArticlePath(ctx.repoRoot);
    let note = 'bundled article (9 segments, en + vi)';
    if (seed) {
      await expectExit([0], node, [ctx.cli, 'import', seed], { cwd: project, env });
    } else {
      // A fresh clone without shared/ beside it: one generated article of the same size.
      const gen = await ctx.generateProject({ articles: 1, segmentsPerArticle: 9, targetLangs: ['en', 'vi'] });
      await expectExit([0], node, [ctx.cli, 'status'], { cwd: gen.root, env });
      note = 'generated 9-segment article (shared/seed not found beside the checkout)';
      const status = await sideBySide(ctx.runs, () => expectExit([0], node, [ctx.cli, 'status'], { cwd: gen.root, env }), bare);
      rows.push({ case: 'verso status, 1 article', subject: 'verso status', subjectMs: status.subjectMs, baseline: 'node -e 0', baselineMs: status.baselineMs, runs: ctx.runs, note });
      return rows;
    }
    const status = await sideBySide(ctx.runs, () => expectExit([0], node, [ctx.cli, 'status'], { cwd: project, env }), bare);
    rows.push({ case: 'verso status, 1 article', subject: 'verso status', subjectMs: status.subjectMs, baseline: 'node -e 0', baselineMs: status.baselineMs, runs: ctx.runs, note });
    return rows;
  },
};
