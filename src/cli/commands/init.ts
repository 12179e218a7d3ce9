import { relative } from 'node:path';
import { initProject } from '../../services/init.js';
import { listOpt, stringOpt, type CommandSpec } from '../command.js';

export const initCommand: CommandSpec = {
  name: 'init',
  usage: 'verso init [--source <lng>] [--to <lng,…>]',
  description: 'Writes verso.config.json and creates originals/, locales/ and .verso/ (review state).',
  options: {
    source: { type: 'string', value: '<lng>', description: 'source language (default: fr)' },
    to: { type: 'string', multiple: true, value: '<lng,…>', description: 'target languages, e.g. en,vi' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const result = await initProject({ dir: ctx.cwd, sourceLang: stringOpt(ctx, 'source') ?? 'fr', targetLangs: listOpt(ctx, 'to') });
    for (const p of result.created) ctx.stdout.write(`created ${relative(ctx.cwd, p) || '.'}\n`);
    ctx.stdout.write('next: verso import <article.txt>\n');
    return 0;
  },
};
