/**
 * The align service in-process, on a project in a real temporary directory: machine candidates
 * already in the review state serve as the machine translation of the source (the Bleualign idea),
 * which finds a merge and a split that lengths alone get wrong.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { openProject } from '../../src/storage/project.js';
import { addCandidates } from '../../src/services/review.js';
import { alignTranslation } from '../../src/services/align.js';
import { loadArticle } from '../../src/storage/store.js';
import { human, machine, vi } from '../fixtures/align/vi-mt-human.js';


async function viProject(): Promise<{ dir: string; id: string; translation: string }> {
  const dir = tempDir();
  expect((await runCli(['init', '--source', 'vi', '--to', 'fr'], { cwd: dir })).code).toBe(0);
  const original = join(tempDir(), 'chuyen-tham.txt');
  writeFileSync(original, vi.join('\n') + '\n');
  expect((await runCli(['import', original], { cwd: dir })).code).toBe(0);
  const translation = join(tempDir(), 'fr.txt');
  writeFileSync(translation, human.join('\n') + '\n');
  return { dir, id: 'chuyen-tham', translation };
}

const actor = { by: 'tester', at: '2026-01-01T00:00:00.000Z' };

describe('alignTranslation', () => {
  it('without machine candidates, relies on lengths (and here gets the groups wrong)', async () => {
    const { dir, id, translation } = await viProject();
    const project = await openProject(dir);
    const r = await alignTranslation(project, { article: id, file: translation, lang: 'fr', actor, dryRun: true });
    expect(r.rows.map((row) => row.keys.join(','))).not.toEqual(['p1,p2', 'p3,p4', 'p5', 'p6']);
  });

  it('with machine candidates in the state, finds the merge (p1+p2) and the regrouping (p3+p4 → two paragraphs)', async () => {
    const { dir, id, translation } = await viProject();
    const project = await openProject(dir);
    const article = await loadArticle(project, id);
    await addCandidates(
      project,
      { article: id, lang: 'fr' },
      article.order.map((key, k) => ({ key, candidate: { origin: 'machine' as const, by: 'deepl', text: machine[k]!, sourceHash: article.segments[key]!.hash, at: actor.at } })),
    );
    const r = await alignTranslation(project, { article: id, file: translation, lang: 'fr', actor });
    expect(r.rows.map((row) => [row.keys.join(','), row.paragraphs.join(',')])).toEqual([
      ['p1,p2', '0'],
      ['p3,p4', '1,2'],
      ['p5', '3'],
      ['p6', '4'],
    ]);
    expect(r.summary).toMatchObject({ oneToOne: 2, merges: 1, regrouped: 1 });
  });
});
