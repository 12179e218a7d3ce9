import { projectStatus } from '../../services/status.js';
import { listOpt, writeJson, boolOpt, stringOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';
import { table } from '../format.js';

export const statusCommand: CommandSpec = {
  name: 'status',
  usage: 'verso status [--to <lng,…>] [--article <id,…>] [--qa] [--min-approved <pct>] [--json]',
  description: 'With --min-approved, exits 1 when an article is less approved than that in a language (a gate for teams that publish partial translations). --qa adds the QA findings of the approved strings (slower: it runs every check).',
  options: {
    to: { type: 'string', multiple: true, value: '<lng,…>', description: 'target languages (default: all configured)' },
    article: { type: 'string', multiple: true, value: '<id,…>', description: 'articles (default: all)' },
    json: { type: 'boolean', description: 'print rows as JSON' },
    qa: { type: 'boolean', description: 'also count QA findings (errors, warnings, ignored) of approved strings' },
    'min-approved': { type: 'string', value: '<pct>', description: 'exit 1 when an article × language is below this % approved' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const minText = stringOpt(ctx, 'min-approved');
    const minApproved = minText === undefined ? null : Number(minText.replace(/%$/, ''));
    if (minApproved !== null && (minText!.trim() === '' || !Number.isFinite(minApproved) || minApproved < 0 || minApproved > 100)) {
      throw new UsageError(`--min-approved takes a percentage from 0 to 100, not "${minText}"`, 'status');
    }
    const withQa = boolOpt(ctx, 'qa');
    const project = await loadProject(ctx);
    const rows = await projectStatus(project, { articles: listOpt(ctx, 'article'), langs: listOpt(ctx, 'to'), qa: withQa });
    const below = minApproved === null ? [] : rows.filter((r) => r.approvedPct < minApproved);
    const exitCode = below.length > 0 ? 1 : 0;
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, minApproved === null ? { rows } : { rows, minApproved, belowMinApproved: below.map((r) => ({ article: r.article, lang: r.lang, approvedPct: r.approvedPct })) });
      return exitCode;
    }
    if (rows.length === 0) {
      ctx.stdout.write('no articles yet: verso import <file>\n');
      return 0;
    }
    const qaHeader = withQa ? ['qa err', 'qa warn', 'ignored'] : [];
    const qaCells = (r: (typeof rows)[number]) => (r.qa ? [String(r.qa.error), String(r.qa.warning), String(r.qa.ignored)] : []);
    ctx.stdout.write(
      table(
        ['article', 'lang', 'total', 'approved', 'draft', 'machine', 'untranslated', 'stale', 'done', ...qaHeader],
        rows.map((r) => [r.article, r.lang, String(r.counts.total), String(r.counts.approved), String(r.counts.draft), String(r.counts.machine), String(r.counts.untranslated), String(r.counts.stale), `${Math.floor(r.approvedPct)}%`, ...qaCells(r)]),
      ),
    );
    if (minApproved !== null) {
      ctx.stdout.write(
        below.length === 0
          ? `every article is at least ${minApproved}% approved\n`
          : `${below.length} article × language pair(s) below ${minApproved}% approved: ${below.map((r) => `${r.article} (${r.lang}) ${Math.floor(r.approvedPct)}%`).join(', ')}\n`,
      );
    }
    return exitCode;
  },
};
