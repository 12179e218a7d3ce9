/**
 * `verso status` on generated projects of growing size, up to the largest the issue names
 * (2,000 articles × 25 segments × 3 target languages): the command a user runs most, reading
 * every article and state file. Compared with `node -e 0` so the figure travels between machines.
 */
import type { Benchmark } from './types.js';
import { expectExit, sideBySide } from './measure.js';

export const statusScale: Benchmark = {
  id: 'status-scale',
  title: 'verso status on generated projects',
  async run(ctx) {
    const sizes = ctx.quick ? [{ articles: 20, segments: 25 }] : [{ articles: 100, segments: 25 }, { articles: 2000, segments: 25 }];
    const env = { ...process.env, NO_COLOR: '1', DEEPL_AUTH_KEY: '' };
    const node = process.execPath;
    const rows = [];
    for (const size of sizes) {
      ctx.log(`generating ${size.articles} articles × ${size.segments} segments × 3 languages`);
      const project = await ctx.generateProject({ articles: size.articles, segmentsPerArticle: size.segments, seed: 8 });
      const runs = size.articles >= 1000 ? Math.min(ctx.runs, 5) : ctx.runs;
      const r = await sideBySide(
        runs,
        () => expectExit([0], node, [ctx.cli, 'status', '--json'], { cwd: project.root, env }),
        () => expectExit([0], node, ['-e', '0']),
      );
      const segStates = project.segments * project.targetLangs.length;
      rows.push({
        case: `verso status, ${size.articles} articles`,
        subject: 'verso status --json',
        subjectMs: r.subjectMs,
        baseline: 'node -e 0',
        baselineMs: r.baselineMs,
        runs,
        note: `${project.segments} segments × ${project.targetLangs.length} langs; ${project.files} files, ${(project.bytes / 1048576).toFixed(1)} MiB; ${Math.round(segStates / (r.subjectMs / 1000))} segment-states/s`,
      });
    }
    return rows;
  },
};
