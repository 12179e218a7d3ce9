import { describe, expect, it } from 'vitest';
import { promises as fs, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { openProject } from '../../src/storage/project.js';
import { transaction, loadState, recoverIfNeeded, loadLocale } from '../../src/storage/store.js';
import { initProject } from '../../src/services/init.js';
import { importArticles } from '../../src/services/import.js';
import { approve, edit } from '../../src/services/review.js';
import { SEED, SEED_ID, tempDir, runCli } from '../support/cli.js';

const actor = { by: 'tester', at: '2026-01-01T00:00:00.000Z' };

async function seededProject() {
  const dir = tempDir();
  await initProject({ dir, sourceLang: 'fr', targetLangs: ['en'] });
  const project = await openProject(dir);
  await importArticles(project, { files: [SEED] });
  return project;
}

describe('store', () => {
  it('approving writes the state and the locale file, and they agree', async () => {
    const project = await seededProject();
    await edit(project, { article: SEED_ID, lang: 'en' }, 'p2', 'US Defense Secretary Lloyd Austin', actor);
    await approve(project, { article: SEED_ID, lang: 'en' }, ['p2'], actor);
    const state = await loadState(project, SEED_ID, 'en');
    const locale = await loadLocale(project, 'en', SEED_ID);
    expect(locale!.resource).toEqual({ p2: 'US Defense Secretary Lloyd Austin' });
    expect(state.segments['p2']!.approved!.text).toBe(locale!.resource['p2']);
  });

  it('writes nothing when the transaction throws', async () => {
    const project = await seededProject();
    const before = readFileSync(project.paths.locale('fr', SEED_ID), 'utf8');
    await expect(
      transaction(project, async (tx) => {
        const a = await tx.getArticle(SEED_ID);
        tx.putArticle({ ...a, order: [] });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(project.paths.locale('fr', SEED_ID), 'utf8')).toBe(before);
    expect(existsSync(project.paths.lock)).toBe(false);
  });

  it('replays a journal left by a killed process, so state and locale files end up together', async () => {
    const project = await seededProject();
    // Simulate a crash after the journal was written and only the state file was replaced.
    const statePath = project.paths.state('en', SEED_ID);
    const localePath = project.paths.locale('en', SEED_ID);
    const state = { article: SEED_ID, lang: 'en', segments: { p1: { status: 'approved', candidates: [], draft: null, history: [], approved: { text: 'Hello.', by: 'x', at: actor.at, sourceHash: 'h', sourceText: 's' } } } };
    const stateText = `${JSON.stringify(state, null, 2)}\n`;
    const localeText = '{\n  "p1": "Hello."\n}\n';
    await fs.mkdir(join(project.root, '.verso', 'state', 'en'), { recursive: true });
    writeFileSync(project.paths.journal, JSON.stringify({ files: [{ path: '.verso/state/en/000_8c1828b71475e020.json', text: stateText }, { path: 'locales/en/000_8c1828b71475e020.json', text: localeText }] }));
    writeFileSync(statePath, stateText);
    expect(existsSync(localePath)).toBe(false);
    await recoverIfNeeded(project);
    expect(readFileSync(localePath, 'utf8')).toBe(localeText);
    expect(existsSync(project.paths.journal)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const project = await seededProject();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(project.paths.lock, JSON.stringify({ pid: Number(dead), host: (await import('node:os')).hostname(), at: actor.at }));
    await edit(project, { article: SEED_ID, lang: 'en' }, 'p1', 'Draft.', actor);
    expect((await loadState(project, SEED_ID, 'en')).segments['p1']!.draft!.text).toBe('Draft.');
  });

  it('takes over an empty lock left by a process killed between creating and filling it, once it is old', async () => {
    const project = await seededProject();
    writeFileSync(project.paths.lock, '');
    const old = new Date(Date.now() - 10_000);
    await fs.utimes(project.paths.lock, old, old);
    await edit(project, { article: SEED_ID, lang: 'en' }, 'p1', 'Draft.', actor);
    expect((await loadState(project, SEED_ID, 'en')).segments['p1']!.draft!.text).toBe('Draft.');
    expect(existsSync(project.paths.lock)).toBe(false);
  });
});

describe('temporary files of killed writers', () => {
  it('are swept at the next transaction; a live writer’s are left alone', async () => {
    const project = await seededProject();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    const deadTmp = join(project.root, '.verso', `.journal.json.${dead}.0a1b2c3d.tmp`);
    const liveTmp = join(project.root, 'locales', 'fr', `.x.json.${process.ppid}.0a1b2c3d.tmp`);
    writeFileSync(deadTmp, '{');
    writeFileSync(liveTmp, '{');
    // The next verso command (a new process) sweeps them.
    const r = await runCli(['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'Draft.'], { cwd: project.root });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(deadTmp)).toBe(false);
    expect(existsSync(liveTmp)).toBe(true);
  });
});
