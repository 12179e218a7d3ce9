/** Resolving which articles and languages a command applies to, with helpful errors. */
import type { Project } from '../storage/project.js';
import { listArticles } from '../storage/store.js';
import { UserError } from './errors.js';

export async function resolveArticles(project: Project, requested?: readonly string[]): Promise<string[]> {
  const known = await listArticles(project);
  if (!requested || requested.length === 0) return known;
  for (const id of requested) {
    if (!known.includes(id)) {
      throw new UserError(`no article "${id}" in this project`, {
        hint: known.length ? `known articles: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}` : 'import one with verso import <file>',
      });
    }
  }
  return [...new Set(requested)];
}

export function resolveTargetLangs(project: Project, requested?: readonly string[]): string[] {
  const configured = project.config.targetLangs;
  if (!requested || requested.length === 0) {
    if (configured.length === 0) throw new UserError('no target language configured', { file: 'verso.config.json', hint: 'add "targetLangs": ["en"] to the config, or pass --to en' });
    return [...configured];
  }
  for (const lang of requested) {
    if (!configured.includes(lang)) {
      throw new UserError(`"${lang}" is not a target language of this project`, {
        file: 'verso.config.json',
        hint: configured.length ? `configured: ${configured.join(', ')}; add it to "targetLangs" first` : 'add it to "targetLangs" in the config',
      });
    }
  }
  return [...new Set(requested)];
}

/** Splits `--to en,vi` (and repeated `--to`) into a list. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  const arr = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  return arr.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
