import { formatLadder, type LadderSummary } from '../../core/align/index.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { alignOrigin, alignTranslation, type LadderRow } from '../../services/align.js';
import { alignLineFiles } from '../../services/align-lines.js';
import { boolOpt, stringOpt, writeJson, type CommandContext, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';
import { preview } from '../format.js';

export const alignCommand: CommandSpec = {
  name: 'align',
  usage: [
    'verso align --lines <source-file> <target-file> [--mt <file>]',
    'verso align <article> <translation-file> --to <lng> [--dry-run]',
    'verso align <article> [<original-file>] --origin [--dry-run]',
  ].join('\n       '),
  description: [
    '--lines aligns two pre-segmented files (one unit per line) and prints one bead per line,',
    'SRC:TGT with 0-based indices, either side possibly empty: `0:0,1`, `3:`, `:4`.',
    'With --mt, a machine translation of the source (one line per source line) helps the alignment.',
    '--to stores the translation, paragraph by paragraph, as human drafts of the segments.',
    "--origin stores the original as each segment's origin reference; without a file, the",
    "article's origin URL is fetched and its body extracted. Changed origin text is reported.",
  ].join('\n'),
  options: {
    lines: { type: 'boolean', description: 'align two files with one unit per line and print the beads' },
    mt: { type: 'string', value: '<file>', description: 'with --lines: machine translation of the source, line by line' },
    to: { type: 'string', value: '<lng>', description: 'target language of the translation file' },
    origin: { type: 'boolean', description: "align the article's original (Vietnamese) text as its origin reference" },
    'dry-run': { type: 'boolean', description: 'print the ladder with the first words of each side; change nothing' },
    json: { type: 'boolean', description: 'with --to or --origin: print the result (summary, ladder, keys) as JSON' },
  },
  positionals: { min: 1, max: 2, names: '<article|source-file> [<file>]' },
  async run(ctx) {
    const modes = [boolOpt(ctx, 'lines'), stringOpt(ctx, 'to') !== undefined, boolOpt(ctx, 'origin')].filter(Boolean).length;
    if (modes !== 1) throw new UsageError('give exactly one of --lines, --to <lng> or --origin', 'align');
    if (boolOpt(ctx, 'lines')) return runLines(ctx);
    if (boolOpt(ctx, 'origin')) return runOrigin(ctx);
    return runTranslation(ctx);
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

async function runTranslation(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 2) throw new UsageError('--to needs <article> <translation-file>', 'align');
  const lang = stringOpt(ctx, 'to')!;
  const dryRun = boolOpt(ctx, 'dry-run');
  const project = await loadProject(ctx);
  const [article, file] = ctx.args as [string, string];
  const r = await alignTranslation(project, { article, file, lang, dryRun, actor: actorNow(currentUser(ctx.env)) });
  if (boolOpt(ctx, 'json')) {
    writeJson(ctx, { article, lang, dryRun, ...r });
    return 0;
  }
  const out: string[] = [];
  if (dryRun) out.push(...ladderLines(r.rows));
  out.push(summaryLine(r.summary));
  if (!dryRun) {
    out.push(`${r.drafted.length} draft(s) saved for ${sanitizeLine(article)} (${sanitizeLine(lang)})`);
    if (r.covered.length) out.push(`covered by a merged paragraph (no draft of their own): ${r.covered.join(', ')}`);
    if (r.keptApproved.length) out.push(`approved, kept (aligned text added as a candidate): ${r.keptApproved.join(', ')}`);
  } else out.push('dry run: nothing written');
  ctx.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

async function runOrigin(ctx: CommandContext): Promise<number> {
  const [article, file] = ctx.args as [string, string | undefined];
  const dryRun = boolOpt(ctx, 'dry-run');
  const project = await loadProject(ctx);
  const r = await alignOrigin(project, { article, ...(file ? { file } : {}), dryRun, actor: actorNow(currentUser(ctx.env)), fetch: { signal: ctx.signal } });
  if (boolOpt(ctx, 'json')) {
    writeJson(ctx, { article, dryRun, ...r });
    return 0;
  }
  const out: string[] = [];
  out.push(`origin from ${preview(r.from, 100)}`);
  if (dryRun) out.push(...ladderLines(r.rows));
  out.push(summaryLine(r.summary));
  if (r.changed.length) {
    out.push(`${r.changed.length} segment(s) whose origin text changed since the last alignment:`);
    for (const c of r.changed) out.push(`  ${c.key}: ${preview(c.previous, 40)}  →  ${preview(c.current, 40)}`);
    if (r.flaggedLangs.length) out.push(`flagged for review in: ${r.flaggedLangs.join(', ')} (history entry "origin-changed")`);
  }
  out.push(dryRun ? 'dry run: nothing written' : `origin stored for ${sanitizeLine(article)}`);
  ctx.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function summaryLine(s: LadderSummary): string {
  return `${s.oneToOne} one-to-one, ${s.merges} merge(s), ${s.splits} split(s), ${s.regrouped} regrouped, unmatched: ${s.unmatchedSource} source, ${s.unmatchedTarget} translation`;
}

/** The ladder, one bead per line: segment keys and paragraph numbers, with the first words of each side. */
function ladderLines(rows: LadderRow[]): string[] {
  return rows.map((r) => {
    const keys = r.keys.length ? r.keys.join(',') : '—';
    const paras = r.paragraphs.length ? r.paragraphs.map((p) => `¶${p + 1}`).join(',') : '—';
    return `${keys.padEnd(10)} ${paras.padEnd(8)} ${preview(r.sourceText, 34).padEnd(34)} │ ${preview(r.targetText, 34)}`;
  });
}
