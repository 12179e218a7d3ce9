import { approve } from '../../services/review.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { boolOpt, stringOpt, writeJson, type CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';
import { loadProject } from '../context.js';

export const approveCommand: CommandSpec = {
  name: 'approve',
  usage: 'verso approve <article> <key…> --to <lng> [--text <s>]',
  description: 'Approves the current draft of each key (or the given --text, for one key). Writes the review state and the target locale file together.',
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (required)' },
    text: { type: 'string', value: '<s>', description: 'approve this text instead of the draft (one key only)' },
    json: { type: 'boolean', description: 'print the approved entries as JSON' },
  },
  positionals: { min: 2, max: Infinity, names: '<article> <key…>' },
  async run(ctx) {
    const lang = stringOpt(ctx, 'to');
    if (!lang) throw new UsageError('--to <lng> is required', 'approve');
    const project = await loadProject(ctx);
    const [article, ...keys] = ctx.args as [string, ...string[]];
    const state = await approve(project, { article, lang }, keys, actorNow(currentUser(ctx.env)), stringOpt(ctx, 'text'));
    if (boolOpt(ctx, 'json')) writeJson(ctx, Object.fromEntries(keys.map((k) => [k, state.segments[k]?.approved])));
    else ctx.stdout.write(`approved ${keys.join(', ')} of ${article} (${lang})\n`);
    return 0;
  },
};
