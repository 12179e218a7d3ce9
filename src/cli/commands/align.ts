import { formatLadder } from '../../core/align/index.js';
import { alignLineFiles } from '../../services/align-lines.js';
import { boolOpt, stringOpt, type CommandContext, type CommandSpec } from '../command.js';
import { UsageError } from '../errors.js';

export const alignCommand: CommandSpec = {
  name: 'align',
  summary: 'line up a human translation (or the Vietnamese original) with the source segments',
  usage: [
    'verso align --lines <source-file> <target-file> [--mt <file>]',
    'verso align <article> <translation-file> --to <lng> [--dry-run]',
    'verso align <article> [<original-file>] --origin [--dry-run]',
  ].join('\n       '),
  description: [
    '--lines aligns two pre-segmented files (one unit per line) and prints one bead per line,',
    'SRC:TGT with 0-based indices, either side possibly empty: `0:0,1`, `3:`, `:4`.',
    'With --mt, a machine translation of the source (one line per source line) helps the alignment.',
  ].join('\n'),
  options: {
    lines: { type: 'boolean', description: 'align two files with one unit per line and print the beads' },
    mt: { type: 'string', value: '<file>', description: 'with --lines: machine translation of the source, line by line' },
    to: { type: 'string', value: '<lng>', description: 'target language of the translation file' },
    origin: { type: 'boolean', description: "align the article's original (Vietnamese) text as its origin reference" },
    'dry-run': { type: 'boolean', description: 'print the ladder with the first words of each side; change nothing' },
  },
  positionals: { min: 1, max: 2, names: '<article|source-file> [<file>]' },
  async run(ctx) {
    if (boolOpt(ctx, 'lines')) return runLines(ctx);
    throw new UsageError('give --lines, --to <lng> or --origin', 'align');
  },
};

async function runLines(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 2) throw new UsageError('--lines needs <source-file> <target-file>', 'align');
  const mtFile = stringOpt(ctx, 'mt');
  const result = await alignLineFiles({ sourceFile: ctx.args[0]!, targetFile: ctx.args[1]!, ...(mtFile ? { mtFile } : {}) });
  // Only digits, commas and colons: nothing from the files reaches the terminal.
  ctx.stdout.write(formatLadder(result.beads));
  return 0;
}
