import { resolve } from 'node:path';
import { runMergeDriver } from '../../services/merge-driver.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import type { CommandSpec } from '../command.js';

export const mergeDriverCommand: CommandSpec = {
  name: 'merge-driver',
  usage: 'verso merge-driver %O %A %B %P',
  description: [
    'Called by git, not by hand. Install it in a repository with:',
    '  git config merge.verso.name "verso key-by-key merge"',
    '  git config merge.verso.driver "verso merge-driver %O %A %B %P"',
    'and in .gitattributes:',
    '  locales/**/*.json merge=verso',
    '  .verso/state/**/*.json merge=verso',
    '  .verso/tm/*.json merge=verso',
    'Segments changed on one branch merge cleanly. A segment changed differently on both becomes',
    'a conflict recorded in the review state (both texts kept, the segment needs review; exit 0,',
    'a message on stderr). Exit 1 only when a file cannot be merged (invalid JSON, or a conflict',
    'in a locale file that has no review state, such as the source-language file).',
  ].join('\n'),
  options: {},
  positionals: { min: 3, max: 4, names: '%O %A %B [%P]' },
  async run(ctx) {
    const [base, ours, theirs, pathName] = ctx.args as [string, string, string, string | undefined];
    const result = await runMergeDriver({
      basePath: resolve(ctx.cwd, base),
      oursPath: resolve(ctx.cwd, ours),
      theirsPath: resolve(ctx.cwd, theirs),
      pathName: pathName ?? ours,
      at: new Date().toISOString(),
      cwd: ctx.cwd,
    });
    for (const line of result.messages) ctx.stderr.write(`${sanitizeLine(line)}\n`);
    return result.exitCode;
  },
};
