import { acceptMachine, edit } from '../../services/review.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { boolOpt, stringOpt, type CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';
import { loadProject } from '../context.js';
import { preview } from '../format.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
}

export const editCommand: CommandSpec = {
  name: 'edit',
  usage: 'verso edit <article> <key> --to <lng> (--text <s> | --stdin | --machine)',
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (required)' },
    text: { type: 'string', value: '<s>', description: 'the draft text' },
    stdin: { type: 'boolean', description: 'read the draft text from standard input' },
    machine: { type: 'boolean', description: "make the best current machine candidate the draft (the review screen's accept)" },
  },
  positionals: { min: 2, max: 2, names: '<article> <key>' },
  async run(ctx) {
    const lang = stringOpt(ctx, 'to');
    if (!lang) throw new UsageError('--to <lng> is required', 'edit');
    let text = stringOpt(ctx, 'text');
    const sources = [text !== undefined, boolOpt(ctx, 'stdin'), boolOpt(ctx, 'machine')].filter(Boolean).length;
    if (sources > 1) throw new UsageError('give one of --text, --stdin or --machine', 'edit');
    if (boolOpt(ctx, 'machine')) {
      const project = await loadProject(ctx);
      const [article, key] = ctx.args as [string, string];
      const state = await acceptMachine(project, { article, lang }, key, actorNow(currentUser(ctx.env)));
      ctx.stdout.write(`machine candidate is now the draft of ${key}: ${preview(state.segments[key]?.draft?.text ?? '')}\n`);
      return 0;
    }
    if (boolOpt(ctx, 'stdin')) {
      if (text !== undefined) throw new UsageError('give either --text or --stdin, not both', 'edit');
      text = await readAll(ctx.stdin);
    }
    if (text === undefined) throw new UsageError('one of --text <s>, --stdin or --machine is required', 'edit');
    const project = await loadProject(ctx);
    const [article, key] = ctx.args as [string, string];
    await edit(project, { article, lang }, key, text.normalize('NFC'), actorNow(currentUser(ctx.env)));
    ctx.stdout.write(`draft saved for ${key} of ${article} (${lang}); approve with: verso approve ${article} ${key} --to ${lang}\n`);
    return 0;
  },
};
