import { importArticles } from '../../services/import.js';
import { sanitizeLine } from '../../core/text/sanitize.js';
import { boolOpt, stringOpt, writeJson, type CommandSpec } from '../command.js';
import { loadProject } from '../context.js';

export const importCommand: CommandSpec = {
  name: 'import',
  usage: 'verso import <file…> [--id <id>] [--json]',
  description: [
    'Reads each article (one paragraph a line, a "Source : <url>" line for the origin), drops',
    'boilerplate, segments it and writes originals/<id>.txt, the source locale file and the',
    'article record. Importing a changed version keeps keys and translations of unchanged',
    'paragraphs, marks changed ones stale, gives new ones new keys and marks removed ones',
    'obsolete. All files are checked before anything is written.',
  ].join('\n'),
  options: {
    id: { type: 'string', value: '<id>', description: 'article id (default: derived from the file name); one file only' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  positionals: { min: 1, max: Infinity, names: '<file…>' },
  async run(ctx) {
    const project = await loadProject(ctx);
    const id = stringOpt(ctx, 'id');
    const results = await importArticles(project, { files: ctx.args, ...(id !== undefined ? { id } : {}) });
    if (boolOpt(ctx, 'json')) {
      writeJson(ctx, results);
      return 0;
    }
    for (const r of results) {
      const file = sanitizeLine(r.file);
      ctx.stdout.write(`${r.outcome} ${r.id} (${r.segments} segments) from ${file}\n`);
      if (r.originUrl) ctx.stdout.write(`  origin: ${sanitizeLine(r.originUrl)}\n`);
      else if (r.outcome === 'created') ctx.stdout.write('  origin: none found (no "Source : <url>" line)\n');
      const c = r.changes;
      if (c && r.outcome === 'updated') {
        const parts = [
          `${c.unchanged.length} unchanged`,
          `${c.changed.length} changed${c.changed.length ? ` (${c.changed.join(', ')}: now stale where translated)` : ''}`,
          `${c.added.length} new${c.added.length ? ` (${c.added.join(', ')})` : ''}`,
          `${c.removed.length} removed${c.removed.length ? ` (${c.removed.join(', ')}: kept as obsolete)` : ''}`,
        ];
        if (c.revived.length) parts.push(`${c.revived.length} restored (${c.revived.join(', ')})`);
        ctx.stdout.write(`  ${parts.join(', ')}\n`);
        if (c.originChanged) ctx.stdout.write('  the origin URL changed\n');
      }
    }
    return 0;
  },
};
