import { resolve } from 'node:path';
import { exportTmx } from '../../services/export-tmx.js';
import { exportXliff } from '../../services/export-xliff.js';
import { sanitizeForTerminal, sanitizeLine } from '../../core/text/sanitize.js';
import { writeFileAtomic } from '../../storage/atomic.js';
import { boolOpt, listOpt, stringOpt, writeJson, type CommandContext, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';
import { versionString } from '../run.js';

/** Writes the document to `-o <file>` (atomically), or to stdout — sanitised only when that is a terminal. */
async function deliver(ctx: CommandContext, text: string): Promise<string> {
  const out = stringOpt(ctx, 'output');
  if (out !== undefined) {
    await writeFileAtomic(resolve(ctx.cwd, out), text);
    return out;
  }
  ctx.stdout.write(ctx.stdout.isTTY ? sanitizeForTerminal(text) : text);
  return 'stdout';
}

export const exportCommand: CommandSpec = {
  name: 'export',
  usage: 'verso export xliff <article…> --to <lng> [--version 1.2|2.1] [-o file]\n       verso export tmx [--to <lng>] [-o file]',
  description: [
    'xliff: one <file> per article (original = article id, origin URL as a note), one unit per',
    '  segment with its current translation and status (untranslated, machine, draft, approved,',
    '  stale). The agency returns it with `verso import-xliff`. Default version 2.1.',
    'tmx: every approved pair of every article (one target language with --to, else all), with',
    '  the origin URL, article id and segment key as properties.',
    'The document goes to stdout unless -o is given; the summary goes to stderr.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (xliff: required; tmx: default all)' },
    version: { type: 'string', value: '<1.2|2.1>', description: 'XLIFF version (default 2.1)' },
    output: { type: 'string', short: 'o', value: '<file>', description: 'write to this file instead of stdout' },
    json: { type: 'boolean', description: 'print the summary as JSON (on stderr)' },
  },
  positionals: { min: 1, max: Infinity, names: '<xliff|tmx> [article…]' },
  async run(ctx) {
    const [format, ...articles] = ctx.args as [string, ...string[]];
    if (format !== 'xliff' && format !== 'tmx') throw new UsageError(`unknown export format "${format}" (xliff or tmx)`, 'export');
    const project = await loadProject(ctx);
    if (format === 'xliff') {
      const lang = stringOpt(ctx, 'to');
      if (!lang) throw new UsageError('--to <lng> is required for xliff', 'export');
      const version = stringOpt(ctx, 'version') ?? '2.1';
      if (version !== '1.2' && version !== '2.1') throw new UsageError(`--version must be 1.2 or 2.1, not "${version}"`, 'export');
      const result = await exportXliff(project, { articles, targetLang: lang, version, toolVersion: versionString() });
      const where = await deliver(ctx, result.text);
      if (boolOpt(ctx, 'json')) ctx.stderr.write(`${JSON.stringify({ articles: result.articles, units: result.units, counts: result.counts, output: where })}\n`);
      else {
        const counts = Object.entries(result.counts).map(([s, n]) => `${n} ${s}`).join(', ');
        ctx.stderr.write(`exported ${result.units} units of ${result.articles} article${result.articles === 1 ? '' : 's'} (${lang}, XLIFF ${version}: ${counts}) to ${sanitizeLine(where)}\n`);
      }
      return 0;
    }
    if (articles.length > 0) throw new UsageError('export tmx takes no article: it exports every approved pair', 'export');
    if (stringOpt(ctx, 'version') !== undefined) throw new UsageError('--version is for xliff', 'export');
    const result = await exportTmx(project, { targetLangs: listOpt(ctx, 'to'), toolVersion: versionString() });
    const where = await deliver(ctx, result.text);
    if (boolOpt(ctx, 'json')) ctx.stderr.write(`${JSON.stringify({ units: result.units, pairs: result.pairs, output: where })}\n`);
    else {
      const pairs = Object.entries(result.pairs).map(([l, n]) => `${n} ${l}`).join(', ');
      ctx.stderr.write(`exported ${result.units} translation units (approved pairs: ${pairs}) to ${sanitizeLine(where)}\n`);
    }
    return 0;
  },
};
