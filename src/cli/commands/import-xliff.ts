import { resolve } from 'node:path';
import { importXliff, type XliffChange } from '../../services/import-xliff.js';
import { actorNow, currentUser } from '../../services/actor.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { readTextFile } from '../../storage/atomic.js';
import { boolOpt, writeJson, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';
import { preview } from '../format.js';

const WHAT: Record<XliffChange['kind'], string> = {
  approved: 'approved',
  draft: 'draft set',
  machine: 'machine candidate added',
  note: 'note added',
  stale: 'STALE — translated from an older source; kept as a draft to review',
  'stale-candidate': 'STALE — translated from an older source; added as a candidate only (nothing overwritten)',
  'skipped-obsolete': 'skipped — the segment was removed from the article',
};

export const importXliffCommand: CommandSpec = {
  name: 'import-xliff',
  usage: 'verso import-xliff <file> [--dry-run] [--json]',
  description: [
    'Matches units to segments by article id and key. A unit whose source no longer matches the',
    'article never overwrites anything: it is recorded against the old source (stale). final/',
    'signed-off approves, translated/reviewed sets the draft, machine adds a candidate; notes are',
    'kept. An unchanged export changes nothing. Prints every change.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'report what would change, write nothing' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  positionals: { min: 1, max: 1, names: '<file>' },
  async run(ctx) {
    const project = await loadProject(ctx);
    const file = ctx.args[0]!;
    const text = await readTextFile(resolve(ctx.cwd, file), file, 256 * 1024 * 1024);
    const dryRun = boolOpt(ctx, 'dry-run');
    const result = await importXliff(project, { text, file, actor: actorNow(currentUser(ctx.env)), dryRun });
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, result);
      return 0;
    }
    for (const c of result.changes) {
      ctx.stdout.write(`${sanitizeLine(c.article)} ${sanitizeLine(c.key)}: ${WHAT[c.kind]}${c.text !== undefined ? `: ${preview(c.text)}` : ''}\n`);
    }
    const verb = dryRun ? 'would change' : 'changed';
    ctx.stdout.write(
      `${sanitizeLine(file)} (XLIFF ${sanitizeLine(result.version)}, ${result.targetLang}): ${result.units} units, ${result.changes.length} change${result.changes.length === 1 ? "" : "s"}${dryRun ? " (dry run, nothing written)" : ""}, ${result.unchanged} unchanged\n`,
    );
    return 0;
  },
};
