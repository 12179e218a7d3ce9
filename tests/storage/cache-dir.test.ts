import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openProject } from '../../src/storage/project.js';
import { MtCache } from '../../src/storage/mt-cache.js';
import { initProject } from '../../src/services/init.js';
import { importArticles } from '../../src/services/import.js';
import { SEED, SEED_ID, tempDir } from '../support/cli.js';

describe('.verso/cache', () => {
  it('is kept out of git as soon as the first machine translation is cached', async () => {
    const dir = tempDir();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    await initProject({ dir, sourceLang: 'fr', targetLangs: ['en'] });
    const project = await openProject(dir);
    await importArticles(project, { files: [SEED] });
    const cache = await MtCache.open(project, 'en');
    await cache.append(SEED_ID, [{ key: 'k1', text: 'Hello.', billed: 7, engine: 'deepl', at: '2026-01-01T00:00:00Z' }]);
    const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(status).toContain('.verso/articles/');
    expect(status).not.toContain('.verso/cache');
  });
});
