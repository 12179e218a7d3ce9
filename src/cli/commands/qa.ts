import { CHECKS } from '../../core/qa/checks/registry.js';
import { CHECK_IDS } from '../../core/qa/types.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { ignoreQaFinding } from '../../services/check-ignore.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { stringOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';

export const qaCommand: CommandSpec = {
  name: 'qa',
  usage: 'verso qa checks | verso qa ignore <article> <key> <check> --reason <text> [--to <lng>]',
  description: [
    'verso qa checks                  lists every check with its id and default severity.',
    'verso qa ignore <article> <key> <check> --reason "…"',
    '                                 accepts that check\'s finding on that segment: recorded in the',
    '                                 review state, shown as ignored by verso check, no longer failing.',
    '                                 It lapses when the segment is approved again.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (default: the only configured one)' },
    reason: { type: 'string', value: '<text>', description: 'why the finding is acceptable (required for ignore)' },
  },
  positionals: { min: 1, max: 4, names: 'checks | ignore <article> <key> <check>' },
  async run(ctx) {
    const [sub, ...rest] = ctx.args;
    if (sub === 'checks') {
      if (rest.length > 0) throw new UsageError('qa checks takes no arguments', 'qa');
      const width = Math.max(...CHECK_IDS.map((c) => c.length));
      for (const id of CHECK_IDS) ctx.stdout.write(`${id.padEnd(width)}  ${CHECKS[id].severity.padEnd(7)}  ${CHECKS[id].description}\n`);
      return 0;
    }
    if (sub !== 'ignore') throw new UsageError(`unknown qa subcommand "${sanitizeLine(sub ?? '')}" (use: checks, ignore)`, 'qa');
    if (rest.length !== 3) throw new UsageError('qa ignore takes <article> <key> <check>', 'qa');
    const reason = stringOpt(ctx, 'reason');
    if (reason === undefined) throw new UsageError('--reason <text> is required', 'qa');
    const project = await loadProject(ctx);
    const langs = project.config.targetLangs;
    const lang = stringOpt(ctx, 'to') ?? (langs.length === 1 ? langs[0] : undefined);
    if (!lang) throw new UsageError(`--to <lng> is required (configured: ${langs.join(', ') || 'none'})`, 'qa');
    const [article, key, check] = rest as [string, string, string];
    await ignoreQaFinding(project, { article, key, check, reason, lang, ...actorNow(currentUser(ctx.env)) });
    ctx.stdout.write(sanitizeLine(`ignored ${check} on ${article}/${key} (${lang}): ${reason}`) + '\n');
    return 0;
  },
};
