import { separateReplacements, type DiffSpan } from '../../core/diff/wordDiff.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { articleDiff, type ArticleDiff, type SegmentDiff } from '../../services/diff.js';
import { boolOpt, stringOpt, writeJson, type CommandContext, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { UsageError } from '../errors.js';

/** Colour on a terminal unless NO_COLOR; never when piped, unless FORCE_COLOR asks for it. */
export function wantsColour(ctx: Pick<CommandContext, 'env' | 'stdout'>): boolean {
  const env = ctx.env;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return ctx.stdout.isTTY === true;
}

const SGR = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  removed: ['\u001b[31;9m', '\u001b[29;39m'],
  added: ['\u001b[32;4m', '\u001b[24;39m'],
} as const;

export interface DiffFormat {
  colour: boolean;
}

function paint(text: string, style: keyof typeof SGR, { colour }: DiffFormat): string {
  return colour && text !== '' ? `${SGR[style][0]}${text}${SGR[style][1]}` : text;
}

/** A diff on one line: colours on a terminal, `[-removed-]{+added+}` otherwise (wdiff's notation). */
export function formatSpans(spans: readonly DiffSpan[], format: DiffFormat): string {
  return (format.colour ? separateReplacements(spans) : spans)
    .map((span) => {
      if (span.kind === 'same') return span.text;
      // Surrounding spaces stay outside the colour or the marks: `{+word+} `, not `{+word +}`.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text)!;
      if (m[2] === '') return span.text;
      if (format.colour) return `${m[1]}${paint(m[2]!, span.kind, format)}${m[3]}`;
      return span.kind === 'added' ? `${m[1]}{+${m[2]}+}${m[3]}` : `${m[1]}[-${m[2]}-]${m[3]}`;
    })
    .join('');
}

const INDENT = '    ';
const field = (name: string, value: string, format: DiffFormat) =>
  `  ${paint(name.padEnd(9), 'dim', format)}${value.replace(/\n/g, `\n${INDENT}      `)}\n`;

function formatSegment(d: SegmentDiff, format: DiffFormat): string {
  const v = d.view;
  const title = [v.key, v.kind, v.status, ...(d.postEdit !== null ? [`post-edit ${d.postEdit} %`] : [])].join(' · ');
  let out = `${paint(title, 'bold', format)}\n`;
  if (v.origin !== null) out += field('origin', v.origin, format);
  out += field('source', v.source, format);
  if (d.sourceDiff) out += field('changed', formatSpans(d.sourceDiff, format), format);
  if (v.machine) out += field('machine', `${paint(`${v.machine.by} ${v.machine.at.slice(0, 16).replace('T', ' ')}`, 'dim', format)}  ${v.machine.text}`, format);
  if (v.human) {
    const label = v.human.approved ? 'approved' : 'draft';
    out += field(label, `${paint(`${v.human.by} ${v.human.at.slice(0, 16).replace('T', ' ')}`, 'dim', format)}  ${v.human.text}`, format);
  }
  if (d.machineDiff) out += field('diff', formatSpans(d.machineDiff, format), format);
  return out;
}

export function formatArticleDiff(diff: ArticleDiff, format: DiffFormat): string {
  const head = `${diff.article} → ${diff.lang}${diff.originUrl ? ` · origin ${sanitizeLine(diff.originUrl)}` : ''}`;
  return [`${paint(head, 'bold', format)}\n`, ...diff.segments.map((s) => formatSegment(s, format))].join('\n');
}

export const diffCommand: CommandSpec = {
  name: 'diff',
  usage: 'verso diff <article> [--to <lng>] [--json]',
  description: [
    'For each segment: source, machine translation, human draft or approval, their word diff and the',
    'post-edit distance (how much of the machine output the human changed, in %). Stale segments also',
    'show how their source changed. Coloured on a terminal; plain with [-removed-] {+added+} marks when',
    'piped or when NO_COLOR is set.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<lng>', description: 'target language (default: the only configured one)' },
    json: { type: 'boolean', description: 'print the segments and diff spans as JSON' },
  },
  positionals: { min: 1, max: 1, names: '<article>' },
  async run(ctx) {
    const project = await loadProject(ctx);
    const targets = project.config.targetLangs;
    const lang = stringOpt(ctx, 'to') ?? (targets.length === 1 ? targets[0] : undefined);
    if (!lang) throw new UsageError(`--to <lng> is required (configured: ${targets.join(', ') || 'none'})`, 'diff');
    const diff = await articleDiff(project, ctx.args[0]!, lang);
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, diff);
      return 0;
    }
    ctx.stdout.write(formatArticleDiff(diff, { colour: wantsColour(ctx) }));
    return 0;
  },
};
