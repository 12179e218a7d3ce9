/**
 * `.verso/cache/`: what verso can always rebuild (machine-translation responses, QA results).
 * It is never committed: the first cache written there also writes a `.gitignore` for it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Project } from './project.js';

export function cacheRoot(project: Project): string {
  return join(project.paths.data, 'cache');
}

/** Creates `dir` (inside the cache root) and the cache's `.gitignore` if missing. */
export async function ensureCacheDir(project: Project, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs
    .writeFile(join(cacheRoot(project), '.gitignore'), '# verso caches: safe to delete, never committed\n*\n', { flag: 'wx' })
    .catch(() => undefined);
}
