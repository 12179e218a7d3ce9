import { previewSegments } from '../../services/segment.js';
import { defaultConfig } from '../../core/config/config.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { findProjectRoot, openProject } from '../../storage/project.js';
import { boolOpt, stringOpt, writeJson, type CommandSpec } from '../command.js';

export const segmentCommand: CommandSpec = {
  name: 'segment',
  usage: 'verso segment <file> [--sentences] [--lang <lng>] [--json]',
  description: 'Uses the project config (boilerplate patterns, source language) when run inside a project, defaults otherwise.',
  options: {
    sentences: { type: 'boolean', description: 'also show the sentences of each segment' },
    lang: { type: 'string', value: '<lng>', description: 'language for sentence rules (default: the source language)' },
    json: { type: 'boolean', description: 'print the segmentation as JSON' },
  },
  positionals: { min: 1, max: 1, names: '<file>' },
  async run(ctx) {
    const config = (await findProjectRoot(ctx.cwd)) ? (await openProject(ctx.cwd)).config : defaultConfig();
    const preview = await previewSegments(ctx.args[0]!, config, stringOpt(ctx, 'lang') ?? config.sourceLang);
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, preview);
      return 0;
    }
    const out: string[] = [];
    out.push(`origin: ${preview.originUrl ? sanitizeLine(preview.originUrl) : '(none)'}`);
    for (const s of preview.segments) {
      out.push(`${String(s.index).padStart(3)}  line ${s.line}  ${s.kind}`);
      if (boolOpt(ctx, 'sentences')) s.sentences.forEach((t, i) => out.push(`       ${i + 1}. ${sanitizeLine(t)}`));
      else out.push(`     ${sanitizeLine(s.text)}`);
    }
    for (const d of preview.dropped) out.push(`dropped line ${d.line} (${d.reason}): ${sanitizeLine(d.text)}`);
    out.push(`${preview.segments.length} segments, ${preview.segments.reduce((n, s) => n + s.sentences.length, 0)} sentences`);
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
