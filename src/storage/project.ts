/**
 * A verso project on disk: the directory holding `verso.config.json`, found from the current
 * directory upwards (like git finds `.git`), with its validated config and the paths of
 * everything verso stores.
 */
import { join, dirname, resolve, relative, isAbsolute, sep } from 'node:path';
import { realpath } from 'node:fs/promises';
import { CONFIG_FILE, validateConfig, type VersoConfig } from '../core/config/config.js';
import { isValidArticleId } from '../core/segment/article-id.js';
import { fileExists, readTextFile } from './atomic.js';
import { FileProblemError } from './errors.js';
import { parseJsonText, positionAt } from './json.js';

export interface ProjectPaths {
  config: string;
  originals: string;
  locales: string;
  /** verso's own records: articles, review state, lock, journal. Committed to git. */
  data: string;
  original(id: string): string;
  locale(lang: string, id: string): string;
  article(id: string): string;
  state(lang: string, id: string): string;
  lock: string;
  journal: string;
}

export interface Project {
  root: string;
  config: VersoConfig;
  paths: ProjectPaths;
}

export function projectPaths(root: string): ProjectPaths {
  const data = join(root, '.verso');
  const safe = (id: string) => {
    if (!isValidArticleId(id)) throw new FileProblemError(`invalid article id "${id}"`, id, null, 'ids are lower-case letters, digits, "_" and "-"');
    return id;
  };
  const safeLang = (lang: string) => {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(lang)) throw new FileProblemError(`invalid language code "${lang}"`, lang);
    return lang;
  };
  return {
    config: join(root, CONFIG_FILE),
    originals: join(root, 'originals'),
    locales: join(root, 'locales'),
    data,
    original: (id) => join(root, 'originals', `${safe(id)}.txt`),
    locale: (lang, id) => join(root, 'locales', safeLang(lang), `${safe(id)}.json`),
    article: (id) => join(data, 'articles', `${safe(id)}.json`),
    state: (lang, id) => join(data, 'state', safeLang(lang), `${safe(id)}.json`),
    lock: join(data, 'lock'),
    journal: join(data, 'journal.json'),
  };
}

/** Finds the project containing `cwd`, or returns null. */
export async function findProjectRoot(cwd: string): Promise<string | null> {
  let dir = resolve(cwd);
  for (;;) {
    if (await fileExists(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export class NoProjectError extends Error {
  constructor(readonly cwd: string) {
    super(`no ${CONFIG_FILE} here or in any parent directory`);
    this.name = 'NoProjectError';
  }
}

export async function openProject(cwd: string): Promise<Project> {
  const root = await findProjectRoot(cwd);
  if (!root) throw new NoProjectError(cwd);
  const paths = projectPaths(root);
  const text = await readTextFile(paths.config, CONFIG_FILE, 1024 * 1024);
  const raw = parseJsonText(text, CONFIG_FILE);
  const result = validateConfig(raw);
  if (!result.config) {
    const lines = result.problems.map((p) => {
      const key = p.path.split(/[.[\]]/).filter((part) => part && !/^\d+$/.test(part)).pop();
      const at = key ? text.indexOf(`"${key}"`) : -1;
      const where = at >= 0 ? `:${positionAt(text, at).line}` : '';
      return `${CONFIG_FILE}${where}: ${p.path || '(root)'}: ${p.message}`;
    });
    throw new FileProblemError(`invalid config (${result.problems.length} problem${result.problems.length > 1 ? 's' : ''}):\n  ${lines.join('\n  ')}`, CONFIG_FILE, null, `fix ${CONFIG_FILE}; the fields are described in the README`);
  }
  return { root, config: result.config, paths };
}

/** A path inside the project, shown relative to its root (for messages and reports). */
export function displayPath(project: Project, path: string): string {
  const rel = relative(project.root, path);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

/**
 * Resolves a file the config names (a glossary, say) relative to the project and checks that it
 * is inside it, also after following symbolic links: a cloned repository could otherwise point
 * `glossaries/fr-en.tsv` at any file of the user's and have verso read it (and send it to DeepL).
 * Returns the absolute path; a missing file is left for the caller to report.
 */
export async function resolveProjectFile(project: Project, file: string, configField: string): Promise<string> {
  const path = resolve(project.root, file);
  const outside = () =>
    new FileProblemError(`${configField}: "${file}" is outside the project`, CONFIG_FILE, null, 'keep such files inside the project (e.g. glossaries/fr-en.tsv), as real files rather than links');
  if (!isInside(project.root, path)) throw outside();
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return path;
  }
  if (!isInside(await realpath(project.root), real)) throw outside();
  return path;
}

/** True when `path` lies inside `root` (no `..` escape, no other drive). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
