import { revertDraft, unapprove } from '../../services/review.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { boolOpt, stringOpt, type CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';
import { loadProject } from '../context.js';

export const revertCommand: CommandSpec = {
  name: 'revert',
  usage: 'verso revert <article> <key> --to <lng> [--approval]',
  description: 'Without --approval: the draft is dropped and the segment goes back to its approved text, its machine candidate, or untranslated. With --approval: the approved text leaves the locale file and becomes the draft again.',
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (required)' },
    approval: { type: 'boolean', description: 'withdraw the approval instead of dropping the draft' },
  },
  positionals: { min: 2, max: 2, names: '<article> <key>' },
  async run(ctx) {
    const lang = stringOpt(ctx, 'to');
    if (!lang) throw new UsageError('--to <lng> is required', 'revert');
    const project = await loadProject(ctx);
    const [article, key] = ctx.args as [string, string];
    const actor = actorNow(currentUser(ctx.env));
    const state = boolOpt(ctx, 'approval') ? await unapprove(project, { article, lang }, key, actor) : await revertDraft(project, { article, lang }, key, actor);
    ctx.stdout.write(`${key} of ${article} (${lang}) is now ${state.segments[key]?.status ?? 'untranslated'}\n`);
    return 0;
  },
};
