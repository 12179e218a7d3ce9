import { projectStatus } from '../../services/status.js';
import { listOpt, writeJson, boolOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { table } from '../format.js';

export const statusCommand: CommandSpec = {
  name: 'status',
  summary: 'completeness per article and language: approved / draft / machine / untranslated / stale',
  usage: 'verso status [--to <lng,…>] [--article <id,…>] [--json]',
  options: {
    to: { type: 'string', multiple: true, value: '<lng,…>', description: 'target languages (default: all configured)' },
    article: { type: 'string', multiple: true, value: '<id,…>', description: 'articles (default: all)' },
    json: { type: 'boolean', description: 'print rows as JSON' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const project = await loadProject(ctx);
    const rows = await projectStatus(project, { articles: listOpt(ctx, 'article'), langs: listOpt(ctx, 'to') });
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, { rows });
      return 0;
    }
    if (rows.length === 0) {
      ctx.stdout.write('no articles yet: verso import <file>\n');
      return 0;
    }
    ctx.stdout.write(
      table(
        ['article', 'lang', 'total', 'approved', 'draft', 'machine', 'untranslated', 'stale', 'done'],
        rows.map((r) => [r.article, r.lang, String(r.counts.total), String(r.counts.approved), String(r.counts.draft), String(r.counts.machine), String(r.counts.untranslated), String(r.counts.stale), `${Math.floor(r.approvedPct)}%`]),
      ),
    );
    return 0;
  },
};
