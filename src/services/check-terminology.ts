/**
 * The project's terminology for QA: the glossary TSV of each language pair (`qa.glossaries` in
 * verso.config.json, `source<TAB>target` per line) and the do-not-translate list. A broken
 * glossary is an input error with file:line:column, never a silently empty glossary.
 */
import type { Terminology } from '../core/qa/types.js';
import { parseGlossaryTsv } from '../engines/glossary.js';
import { fileExists, readTextFile } from '../storage/atomic.js';
import { resolveProjectFile, type Project } from '../storage/project.js';
import { UserError } from './errors.js';

export async function loadTerminology(project: Project, targetLang: string): Promise<Terminology> {
  const pair = `${project.config.sourceLang}-${targetLang}`;
  const file = project.config.qa.glossaries[pair];
  const terminology: Terminology = { glossary: [], doNotTranslate: [...project.config.qa.doNotTranslate] };
  if (!file) return terminology;
  const path = await resolveProjectFile(project, file, `qa.glossaries["${pair}"]`);
  if (!(await fileExists(path))) {
    throw new UserError(`the ${pair} glossary file does not exist`, { file, hint: `create it (source<TAB>target per line) or remove qa.glossaries["${pair}"] from verso.config.json` });
  }
  const { entries, problems } = parseGlossaryTsv(await readTextFile(path, file));
  const first = problems[0];
  if (first) {
    throw new UserError(`glossary: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''}`, { file, line: first.line, column: first.column, hint: 'fix the line (one "source<TAB>target" per line); nothing was checked' });
  }
  for (const [source, target] of entries) terminology.glossary.push({ source, targets: { [targetLang]: target.split('|').map((t) => t.trim()).filter(Boolean) } });
  return terminology;
}
