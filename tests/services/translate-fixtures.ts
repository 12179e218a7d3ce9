/**
 * Builders for translate tests: a real project in a temporary directory, with articles made of
 * numbered paragraphs, imported through verso's own import service.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initProject } from '../../src/services/init.js';
import { importArticles } from '../../src/services/import.js';
import { openProject, type Project } from '../../src/storage/project.js';

/** An article as received: a headline, paragraphs ending like sentences, a source line. */
export function articleText(id: string, paragraphs: number, make = (i: number) => `Paragraphe ${i} de l'article ${id}, avec une phrase complète.`): string {
  const lines = [`Titre de l'article ${id}`];
  for (let i = 1; i <= paragraphs; i++) lines.push(make(i));
  lines.push(`Source : https://example.vn/${id}.htm`);
  return `${lines.join('\n')}\n`;
}

export async function makeProject(articles: Record<string, string>, targets = ['en', 'vi']): Promise<Project> {
  const dir = mkdtempSync(join(tmpdir(), 'verso-translate-'));
  await initProject({ dir, sourceLang: 'fr', targetLangs: targets });
  const files: string[] = [];
  for (const [id, text] of Object.entries(articles)) {
    const file = join(dir, `${id}.txt`);
    writeFileSync(file, text);
    files.push(file);
  }
  const project = await openProject(dir);
  if (files.length) await importArticles(project, { files });
  return openProject(dir);
}
