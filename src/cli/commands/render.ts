import { resolve } from 'node:path';
import { IncompleteRenderError, renderArticle, type RenderFormat } from '../../services/render.js';
import { sanitizeForTerminal, sanitizeLine } from '../../core/text/sanitize.js';
import { writeFileAtomic } from '../../storage/atomic.js';
import { boolOpt, EXIT, stringOpt, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';

const FORMATS: readonly RenderFormat[] = ['txt', 'md', 'html'];

export const renderCommand: CommandSpec = {
  name: 'render',
  usage: 'verso render <article> --to <lng> [--format txt|md|html] [--require-complete] [-o file]',
  description: [
    'Looks every segment up in the target locale file through i18next, falling back to the source',
    'language for segments not approved yet; those are marked [<source lng>] (html: class',
    '"verso-fallback"), or the render is refused (exit 1) with --require-complete. A stale segment',
    '(approved before its source changed) is shown as approved, as an application would, and named',
    'on stderr; --require-complete refuses it too. The last line credits the origin, as the',
    'original article does ("Source : <url>").',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (required)' },
    format: { type: 'string', value: '<txt|md|html>', description: 'output format (default txt)' },
    'require-complete': { type: 'boolean', description: 'refuse (exit 1) when a segment is not approved, or is stale' },
    output: { type: 'string', short: 'o', value: '<file>', description: 'write to this file instead of stdout' },
  },
  positionals: { min: 1, max: 1, names: '<article>' },
  async run(ctx) {
    const lang = stringOpt(ctx, 'to');
    if (!lang) throw new UsageError('--to <lng> is required', 'render');
    const format = (stringOpt(ctx, 'format') ?? 'txt') as RenderFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`, 'render');
    const project = await loadProject(ctx);
    let result;
    try {
      result = await renderArticle(project, { article: ctx.args[0]!, targetLang: lang, format, requireComplete: boolOpt(ctx, 'require-complete') });
    } catch (e) {
      if (e instanceof IncompleteRenderError) {
        const what = e.keys.length ? 'approve them' : 'review and approve them again';
        ctx.stderr.write(`verso: ${sanitizeLine(e.message)}\n  next: ${what} (verso review ${sanitizeLine(e.article)} --to ${e.lang}), or render without --require-complete\n`);
        return EXIT.findings;
      }
      throw e;
    }
    const out = stringOpt(ctx, 'output');
    if (out !== undefined) await writeFileAtomic(resolve(ctx.cwd, out), result.text);
    else ctx.stdout.write(ctx.stdout.isTTY ? sanitizeForTerminal(result.text) : result.text);
    if (result.fallbackKeys.length > 0) {
      const n = result.fallbackKeys.length;
      const from = result.segments.find((s) => s.fallback)?.lang ?? '';
      ctx.stderr.write(`note: ${n} of ${result.segments.length} segments are not approved in ${lang} and are shown in ${from} (${result.fallbackKeys.join(', ')})\n`);
    }
    if (result.staleKeys.length > 0) {
      const n = result.staleKeys.length;
      ctx.stderr.write(`note: ${n} of ${result.segments.length} segments were approved before their source changed and may be out of date (${result.staleKeys.join(', ')}); verso diff ${sanitizeLine(ctx.args[0]!)} --to ${lang} shows the changes\n`);
    }
    return 0;
  },
};
