/**
 * Reading and writing a project's records. Every write goes through `transaction`, which:
 *  1. takes the project lock (so concurrent verso processes take turns);
 *  2. finishes any journal a killed process left behind;
 *  3. lets the caller read fresh copies and put new ones;
 *  4. derives the locale files from what was put (a target locale file is *computed* from the
 *     review state, so the two cannot say different things);
 *  5. writes the whole set to a journal file atomically, then each file atomically, then
 *     removes the journal.
 * A crash at any point leaves either the old set (no journal yet) or a journal that the next
 * verso command replays: the files of one transaction are never seen half-applied for longer
 * than that.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Article, ReviewState } from '../core/model.js';
import { emptyReviewState } from '../core/catalog/state-ops.js';
import { serializeLocale, sourceLocaleEntries, targetLocaleEntries, validateLocaleObject, type LocaleResource } from '../core/catalog/locale-file.js';
import { isValidArticleId } from '../core/segment/article-id.js';
import { fileExists, readTextFile, readTextFileIfExists, sweepStaleTempFiles, writeFileAtomic } from './atomic.js';
import { FileProblemError } from './errors.js';
import { parseJsonText, lineOfKey } from './json.js';
import { withLock } from './lock.js';
import { displayPath, isInside, type Project } from './project.js';
import { parseArticleRecord, parseStateRecord, serializeRecord } from './records.js';

interface Journal {
  files: { path: string; text: string }[];
}

/** Ids of every imported article, sorted. */
export async function listArticles(project: Project): Promise<string[]> {
  const dir = join(project.paths.data, 'articles');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .filter(isValidArticleId)
    .sort();
}

export class UnknownArticleError extends Error {
  constructor(readonly id: string, readonly known: string[]) {
    super(`no article "${id}" in this project`);
    this.name = 'UnknownArticleError';
  }
}

export async function loadArticle(project: Project, id: string): Promise<Article> {
  if (!isValidArticleId(id)) throw new UnknownArticleError(id, await listArticles(project));
  const path = project.paths.article(id);
  if (!(await fileExists(path))) throw new UnknownArticleError(id, await listArticles(project));
  const article = parseArticleRecord(await readTextFile(path, displayPath(project, path), 256 * 1024 * 1024), displayPath(project, path));
  // Writes go to the paths of `article.id`: a record naming another article must not redirect them.
  if (article.id !== id) throw new FileProblemError(`the record says it is article "${article.id}"`, displayPath(project, path), null, 'restore it from git (git checkout -- <file>)');
  return article;
}

/** The review state of an article in a language; an empty one when none was saved yet. */
export async function loadState(project: Project, id: string, lang: string): Promise<ReviewState> {
  const path = project.paths.state(lang, id);
  const text = await readTextFileIfExists(path, displayPath(project, path), 256 * 1024 * 1024);
  if (text === null) return emptyReviewState(id, lang);
  return { ...parseStateRecord(text, displayPath(project, path)), article: id, lang };
}

/** A locale file as it is on disk (null when absent), with its text for line lookups. */
export async function loadLocale(project: Project, lang: string, id: string): Promise<{ resource: LocaleResource; text: string; file: string } | null> {
  const path = project.paths.locale(lang, id);
  const file = displayPath(project, path);
  const text = await readTextFileIfExists(path, file, 256 * 1024 * 1024);
  if (text === null) return null;
  const result = validateLocaleObject(parseJsonText(text, file));
  if ('problems' in result) {
    const p = result.problems[0]!;
    const line = p.key ? lineOfKey(text, p.key) : null;
    throw new FileProblemError(`not an i18next resource file: ${p.message}`, file, line ? { line, column: 1 } : null);
  }
  return { resource: result.resource, text, file };
}

/** Languages that have review state for an article. */
export async function stateLanguages(project: Project, id: string): Promise<string[]> {
  const dir = join(project.paths.data, 'state');
  let langs: string[];
  try {
    langs = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const lang of langs.sort()) {
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(lang) && (await fileExists(project.paths.state(lang, id)))) out.push(lang);
  }
  return out;
}

export interface Transaction {
  readonly project: Project;
  listArticles(): Promise<string[]>;
  getArticle(id: string): Promise<Article>;
  hasArticle(id: string): Promise<boolean>;
  getState(id: string, lang: string): Promise<ReviewState>;
  putArticle(article: Article): void;
  putState(state: ReviewState): void;
  /** Writes an original's text (`originals/<id>.txt`). */
  putOriginal(id: string, text: string): void;
}

/**
 * Runs `fn` under the project lock and commits everything it put, atomically as a set.
 * Nothing is written if `fn` throws.
 */
export async function transaction<T>(project: Project, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return withLock(project.paths.lock, async () => {
    await replayJournal(project);
    await sweepOncePerProcess(project);
    const articles = new Map<string, Article>();
    const states = new Map<string, ReviewState>();
    const putArticles = new Set<string>();
    const putStates = new Set<string>();
    const originals = new Map<string, string>();
    const stateKey = (id: string, lang: string) => `${lang}\u0000${id}`;

    const tx: Transaction = {
      project,
      listArticles: async () => [...new Set([...(await listArticles(project)), ...putArticles])].sort(),
      async getArticle(id) {
        const cached = articles.get(id);
        if (cached) return cached;
        const a = await loadArticle(project, id);
        articles.set(id, a);
        return a;
      },
      async hasArticle(id) {
        return articles.has(id) || (isValidArticleId(id) && (await fileExists(project.paths.article(id))));
      },
      async getState(id, lang) {
        const k = stateKey(id, lang);
        const cached = states.get(k);
        if (cached) return cached;
        const s = await loadState(project, id, lang);
        states.set(k, s);
        return s;
      },
      putArticle(article) {
        articles.set(article.id, article);
        putArticles.add(article.id);
      },
      putState(state) {
        const k = stateKey(state.article, state.lang);
        states.set(k, state);
        putStates.add(k);
      },
      putOriginal(id, text) {
        originals.set(id, text);
      },
    };

    const result = await fn(tx);

    const files: Journal['files'] = [];
    for (const [id, text] of originals) files.push({ path: project.paths.original(id), text });
    for (const id of putArticles) {
      const article = articles.get(id)!;
      files.push({ path: project.paths.article(id), text: serializeRecord(article) });
      files.push({ path: project.paths.locale(article.sourceLang, id), text: serializeLocale(sourceLocaleEntries(article)) });
      // The article's order or obsolete set may have changed: re-derive every target file.
      for (const lang of await stateLanguages(project, id)) {
        if (!putStates.has(stateKey(id, lang))) await tx.getState(id, lang).then((s) => putStates.add(stateKey(s.article, s.lang)));
      }
    }
    for (const k of putStates) {
      const state = states.get(k)!;
      const article = await tx.getArticle(state.article);
      files.push({ path: project.paths.state(state.lang, state.article), text: serializeRecord(state) });
      files.push({ path: project.paths.locale(state.lang, state.article), text: serializeLocale(targetLocaleEntries(article, state)) });
    }
    await commitFiles(project, files);
    return result;
  });
}

async function commitFiles(project: Project, files: Journal['files']): Promise<void> {
  const changed: Journal['files'] = [];
  for (const f of files) {
    // Synchronous, like the store's other reads of small project files (see storage/atomic.ts):
    // a re-import of 2,000 unchanged articles compares 6,000 files.
    let current: string | null;
    try {
      current = readFileSync(f.path, 'utf8');
    } catch {
      current = null;
    }
    if (current !== f.text) changed.push(f);
  }
  if (changed.length === 0) return;
  // Checked for every file before anything is written, so a refusal leaves the project as it was.
  const realRoot = await fs.realpath(project.root);
  for (const f of changed) await assertRealPathInside(project, realRoot, f.path);
  if (changed.length === 1) {
    await writeFileAtomic(changed[0]!.path, changed[0]!.text);
    return;
  }
  // Paths are kept relative so a journal still applies if the checkout was moved after a crash.
  const journal: Journal = { files: changed.map((f) => ({ path: relative(project.root, f.path), text: f.text })) };
  await writeFileAtomic(project.paths.journal, JSON.stringify(journal));
  await writeAllAtomic(changed);
  await fs.rm(project.paths.journal, { force: true });
}

/** Files written at once: enough for the file system to merge their flushes to disk. */
const PARALLEL_WRITES = 16;

/**
 * Writes files (each atomically) several at a time. Safe in any order: the journal, already on
 * disk, holds every file, so a crash part-way is completed from it. Each write waits for its own
 * flush to disk, and those waits overlap, which takes an import of 2,000 articles from one flush
 * after another to a fraction of the time.
 */
async function writeAllAtomic(files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++]!;
      await writeFileAtomic(f.path, f.text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, worker));
}

const swept = new Set<string>();

/** Temp files of killed writers are swept at the first transaction of each process. */
async function sweepOncePerProcess(project: Project): Promise<void> {
  if (swept.has(project.root)) return;
  swept.add(project.root);
  await sweepStaleTempFiles([project.paths.data, project.paths.locales, project.paths.originals]);
}

/** Completes the writes of a transaction interrupted by a crash. Call with the lock held. */
async function replayJournal(project: Project): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(project.paths.journal, 'utf8');
  } catch {
    return;
  }
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
    if (!Array.isArray(journal.files) || journal.files.some((f) => typeof f?.path !== 'string' || typeof f.text !== 'string')) throw new Error('not a journal');
  } catch {
    // A journal is written atomically, so a damaged one was never completed: nothing was
    // applied from it yet, and dropping it leaves the previous consistent set.
    await fs.rm(project.paths.journal, { force: true });
    return;
  }
  const realRoot = await fs.realpath(project.root);
  const targets: Array<{ path: string; text: string }> = [];
  for (const f of journal.files) {
    const target = resolve(project.root, f.path);
    if (!isInside(project.root, target)) continue;
    await assertRealPathInside(project, realRoot, target);
    targets.push({ path: target, text: f.text });
  }
  await writeAllAtomic(targets);
  await fs.rm(project.paths.journal, { force: true });
}

/**
 * Refuses to write `path` when it, or the directory it would go in, is reached through a
 * symbolic link leading outside the project: a cloned repository can commit links, and a write
 * through `locales/en -> ~/.ssh` must not happen. Checks the nearest part of the path that
 * exists (the rest is created inside it).
 */
async function assertRealPathInside(project: Project, realRoot: string, path: string): Promise<void> {
  for (let probe = path; ; ) {
    let real: string;
    try {
      real = await fs.realpath(probe);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const parent = dirname(probe);
      if (parent === probe) return;
      probe = parent;
      continue;
    }
    if (!isInside(realRoot, real)) {
      throw new FileProblemError('is a symbolic link leading outside the project; verso does not write through it', displayPath(project, probe), null, 'replace the link with a real file or directory');
    }
    return;
  }
}

/**
 * For read-only commands: if a killed process left a journal, finish it first (briefly taking
 * the lock), so what they report is a consistent set.
 */
export async function recoverIfNeeded(project: Project): Promise<void> {
  if (await fileExists(project.paths.journal)) await withLock(project.paths.lock, () => replayJournal(project));
}
