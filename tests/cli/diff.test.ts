import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/cli.js';
import { ok, seededProject, SEED_ID } from '../support/project.js';
import { SEED } from '../support/cli.js';
import { openProject } from '../../src/storage/project.js';
import { loadArticle } from '../../src/storage/store.js';
import { addCandidates } from '../../src/services/review.js';

let dir: string;

beforeAll(async () => {
  dir = await seededProject(['en', 'vi']);
  const project = await openProject(dir);
  const article = await loadArticle(project, SEED_ID);
  const candidate = (key: string, text: string) => ({
    key,
    candidate: { origin: 'machine' as const, by: 'deepl', text, sourceHash: article.segments[key]!.hash, at: '2026-11-27T08:15:00.000Z' },
  });
  await addCandidates(project, { article: SEED_ID, lang: 'en' }, [
    candidate('p2', 'US Secretary of Defense Lloyd Austin'),
    candidate('p7', 'Russian Defense Minister Andrei Belousov'),
  ]);
  await ok(['edit', SEED_ID, 'p2', '--to', 'en', '--text', 'US Defense Secretary Lloyd Austin'], { cwd: dir });
  await ok(['approve', SEED_ID, 'p7', '--to', 'en', '--text', 'Russian Defence Minister Andrei Belousov'], { cwd: dir });
  // The French caption p7 changes after approval: the segment becomes stale.
  const original = join(tempDir(), `${SEED_ID}.txt`);
  writeFileSync(original, readFileSync(SEED, 'utf8').replace('Le ministre russe de la Défense Andrei Beloussov', 'Le nouveau ministre russe de la Défense, Andreï Belooussov'));
  await ok(['import', original], { cwd: dir });
}, 60_000);

describe('verso diff', () => {
  it('prints machine → human word diffs plainly when piped, with the post-edit distance', async () => {
    const r = await ok(['diff', SEED_ID, '--to', 'en'], { cwd: dir });
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain(`${SEED_ID} → en · origin https://thanhnien.vn/`);
    // "US Secretary of Defense" → "US Defense Secretary": 3 word edits over 6 words.
    expect(r.stdout).toContain('p2 · caption · draft · post-edit 50 %');
    expect(r.stdout).toContain('diff     US [-Secretary of-] Defense {+Secretary+} Lloyd Austin');
  });

  it('shows a stale segment with the change of its French source', async () => {
    const r = await ok(['diff', SEED_ID, '--to', 'en'], { cwd: dir });
    const p7 = r.stdout.slice(r.stdout.indexOf('p7 ·'));
    expect(p7).toMatch(/^p7 · caption · stale/);
    expect(p7).toContain('changed  Le {+nouveau+} ministre russe de la Défense');
    expect(p7).toContain('approved tester');
    expect(p7).toContain('diff     Russian [-Defense-]{+Defence+} Minister Andrei Belousov');
  });

  it('colours the diff on request (FORCE_COLOR) and never when NO_COLOR is set', async () => {
    const coloured = await ok(['diff', SEED_ID, '--to', 'en'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('US \u001b[31;9mSecretary of\u001b[29;39m Defense');
    expect(coloured.stdout).toContain('\u001b[32;4mSecretary\u001b[24;39m');
    expect(coloured.stdout).not.toContain('{+');
    const plain = await ok(['diff', SEED_ID, '--to', 'en'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b/);
  });

  it('prints the same data as JSON', async () => {
    const r = await ok(['diff', SEED_ID, '--to', 'en', '--json'], { cwd: dir });
    const data = JSON.parse(r.stdout) as { segments: { view: { key: string; status: string }; machineDiff: unknown[] | null; postEdit: number | null }[] };
    const p2 = data.segments.find((s) => s.view.key === 'p2')!;
    expect(p2.view.status).toBe('draft');
    expect(p2.machineDiff!.map((s) => s as { kind: string; text: string }).filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()]))
      .toEqual([['removed', 'Secretary of'], ['added', 'Secretary']]);
    expect(data.segments.find((s) => s.view.key === 'p1')!.postEdit).toBeNull();
  });

  it('says what is wrong with an unknown article or language, exit 2', async () => {
    const unknown = await runCli(['diff', 'nope', '--to', 'en'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no article "nope"');
    const lang = await runCli(['diff', SEED_ID, '--to', 'de'], { cwd: dir });
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('"de" is not a target language');
    const missing = await runCli(['diff', SEED_ID], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--to <lng> is required');
  });
});

describe('verso review without a terminal', () => {
  it('exits 2 and points to verso diff and verso status', async () => {
    const r = await runCli(['review', SEED_ID, '--to', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('verso diff');
    expect(r.stderr).toContain('verso status');
    expect(r.stdout).toBe('');
  });

  it('says it in the UI language from the environment', async () => {
    const r = await runCli(['review'], { cwd: dir, env: { LANG: 'fr_FR.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a besoin d’un terminal interactif');
  });
});

