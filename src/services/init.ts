/** `verso init`: a new project in a directory. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE, initialRawConfig, validateConfig } from '../core/config/config.js';
import { fileExists, writeFileAtomic } from '../storage/atomic.js';
import { projectPaths } from '../storage/project.js';
import { UserError } from './errors.js';

export interface InitOptions {
  dir: string;
  sourceLang: string;
  targetLangs: string[];
}

export async function initProject(options: InitOptions): Promise<{ configPath: string; created: string[] }> {
  const paths = projectPaths(options.dir);
  if (await fileExists(paths.config)) {
    throw new UserError(`${CONFIG_FILE} already exists here`, { file: CONFIG_FILE, hint: 'edit it instead, or run verso init in another directory' });
  }
  const raw = initialRawConfig(options.sourceLang, options.targetLangs);
  const result = validateConfig(raw);
  if (!result.config) throw new UserError(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'), { hint: 'check --source and --to' });
  const created: string[] = [];
  for (const dir of [paths.originals, paths.locales, join(paths.data, 'articles'), join(paths.data, 'state')]) {
    if (!(await fileExists(dir))) {
      await fs.mkdir(dir, { recursive: true });
      created.push(dir);
    }
  }
  await writeFileAtomic(paths.config, `${JSON.stringify(raw, null, 2)}\n`);
  created.push(paths.config);
  return { configPath: paths.config, created };
}
