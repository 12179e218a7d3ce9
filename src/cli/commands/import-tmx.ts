import { resolve } from 'node:path';
import { importTmx } from '../../services/import-tmx.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { readTextFile } from '../../storage/atomic.js';
import { boolOpt, listOpt, writeJson, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';

export const importTmxCommand: CommandSpec = {
  name: 'import-tmx',
  usage: 'verso import-tmx <file> [--to <lng,…>] [--json]',
  description: [
    'Reads the source→target pairs of a TMX 1.4 file for the configured target languages (or',
    'those given with --to) and adds the new ones to .verso/tm/<source>-<target>.json.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng,…>', multiple: true, description: 'target languages to take (default: all configured)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  positionals: { min: 1, max: 1, names: '<file>' },
  async run(ctx) {
    const project = await loadProject(ctx);
    const file = ctx.args[0]!;
    const text = await readTextFile(resolve(ctx.cwd, file), file, 512 * 1024 * 1024);
    const result = await importTmx(project, { text, file, targetLangs: listOpt(ctx, 'to') });
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, result);
      return 0;
    }
    for (const l of result.languages) {
      ctx.stdout.write(`${l.lang}: ${l.pairs} pairs, ${l.added} new → ${l.memoryFile}\n`);
    }
    ctx.stdout.write(`${sanitizeLine(file)}: ${result.units} translation units read\n`);
    return 0;
  },
};
