import { appendFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FAIL_ON_VALUES, type FailOn } from '../../core/config/config.js';
import { formatGithub } from '../../core/report/github.js';
import { formatJson } from '../../core/report/json.js';
import { formatJunit } from '../../core/report/junit.js';
import { formatStepSummary } from '../../core/report/step-summary.js';
import { formatText } from '../../core/report/text.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { runCheck } from '../../services/check.js';
import { listOpt, stringOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';

const FORMATS = ['text', 'json', 'github', 'junit'] as const;

export const checkCommand: CommandSpec = {
  name: 'check',
  usage: 'verso check [--to <lng,…>] [--article <id,…>] [--fail-on <gate,…>] [--format text|json|github|junit]',
  description: [
    'Checks every article (or --article) in every target language (or --to): review status,',
    'QA checks on approved translations, and that locale files say what the review state approved',
    "(and that the source-language file, i18next's fallback, still holds the article's text).",
    '',
    `Gates (--fail-on, default check.failOn in verso.config.json): ${FAIL_ON_VALUES.join(', ')}, or none.`,
    'Only the languages and articles checked can fail the check.',
    '',
    'Exit codes: 0 nothing failing, 1 failing findings, 2 usage or input error (damaged file, unknown option).',
    '',
    'Large projects are checked on every core (this thread and a worker thread per other core);',
    'VERSO_CHECK_THREADS=<n> sets how many threads, 1 keeps everything in one.',
    'QA results of unchanged articles are reused from .verso/cache/qa/ (safe to delete);',
    'VERSO_QA_CACHE=off runs every check afresh and leaves the cache alone.',
    'The JSON report is described by src/core/report/check-report.schema.json.',
    'With --format github inside GitHub Actions, a Markdown summary (per-language progress, counts,',
    'the first failing findings) is also appended to the job summary ($GITHUB_STEP_SUMMARY).',
  ].join('\n'),
  options: {
    to: { type: 'string', multiple: true, value: '<lng,…>', description: 'target languages (default: all configured)' },
    article: { type: 'string', multiple: true, value: '<id,…>', description: 'articles (default: all)' },
    'fail-on': { type: 'string', multiple: true, value: '<gate,…>', description: `what fails the check: ${FAIL_ON_VALUES.join(', ')}, none` },
    format: { type: 'string', value: '<fmt>', description: 'text (default), json, github (workflow annotations), junit (XML)' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const format = stringOpt(ctx, 'format') ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" (use ${FORMATS.join(', ')})`, 'check');
    let failOn: FailOn[] | undefined;
    if (ctx.values['fail-on'] !== undefined) {
      const asked = listOpt(ctx, 'fail-on');
      const bad = asked.filter((g) => g !== 'none' && !(FAIL_ON_VALUES as readonly string[]).includes(g));
      if (bad.length) throw new UsageError(`unknown --fail-on value(s) ${bad.join(', ')} (use ${FAIL_ON_VALUES.join(', ')}, or none)`, 'check');
      failOn = [...new Set(asked.filter((g): g is FailOn => g !== 'none'))];
    }
    // VERSO_CHECK_THREADS=1 keeps the check in one thread (large projects use every core).
    const threadsEnv = ctx.env['VERSO_CHECK_THREADS'];
    const threads = threadsEnv && /^\d+$/.test(threadsEnv) && Number(threadsEnv) > 0 ? Number(threadsEnv) : undefined;
    const qaCache = ctx.env['VERSO_QA_CACHE'] !== 'off';
    const project = await loadProject(ctx);
    const report = await runCheck(project, { articles: listOpt(ctx, 'article'), langs: listOpt(ctx, 'to'), ...(failOn ? { failOn } : {}), ...(threads ? { threads } : {}), qaCache, perSegment: format === 'junit' });
    const out =
      format === 'json' ? formatJson(report)
      : format === 'github' ? formatGithub(report)
      : format === 'junit' ? formatJunit(report, { timestamp: new Date().toISOString(), hostname: hostname() || 'localhost' })
      : formatText(report);
    ctx.stdout.write(out);
    const summaryFile = ctx.env['GITHUB_STEP_SUMMARY'];
    if (format === 'github' && summaryFile) {
      try {
        await appendFile(summaryFile, formatStepSummary(report));
      } catch (e) {
        // The annotations and the exit code are the check; a summary that cannot be written is not a reason to fail it.
        ctx.stderr.write(`verso: warning: could not write the job summary to ${sanitizeLine(summaryFile)}: ${sanitizeLine((e as Error).message)}\n`);
      }
    }
    return report.exitCode;
  },
};
