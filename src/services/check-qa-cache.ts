/**
 * A cache of QA results under `.verso/cache/qa/`, so `verso check` re-runs the QA checks only on
 * the articles whose approved translations changed since the last check.
 *
 * The unit is one article in one target language, because two checks (name and translation
 * consistency) look at all of an article's segments at once. An entry is keyed by a hash of
 *  - the QA code itself (every file of `core/qa`, as loaded: a new verso version, or any change to
 *    a check, invalidates everything) and the Node version (its Unicode tables),
 *  - the QA options of the language (severity overrides, glossary, do-not-translate list),
 *  - every checked segment's key, source text, published translation and machine candidate
 *    (the second opinion), in document order.
 * So any change that could change a finding changes the key, and the checks run again. What the
 * report adds around QA findings (file, line, `verso qa ignore` decisions) is never cached.
 *
 * The cache is disposable: a missing, damaged or foreign file is ignored (the checks simply run),
 * deleting `.verso/cache/` is always safe, and a cache that cannot be written (read-only checkout)
 * does not fail the check. `.verso/cache/.gitignore` keeps it out of commits.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticlePair } from '../core/qa/run.js';
import { isCheckId, type QaFinding, type QaOptions } from '../core/qa/types.js';
import { writeFileAtomic } from '../storage/atomic.js';
import type { Project } from '../storage/project.js';
import { ensureCacheDir } from '../storage/cache-dir.js';

/** The findings of one article in one language, by segment key (segments without findings left out). */
export interface QaCacheEntry {
  key: string;
  findings: Record<string, QaFinding[]>;
}

/** What the check of one article-language needs: the version of the QA code and the entries read. */
export interface QaCacheView {
  version: string;
  /** By `lang/articleId`. */
  entries: Map<string, QaCacheEntry>;
}

const FILE_FORMAT = 1;

export function cacheDir(project: Project): string {
  return join(project.paths.data, 'cache', 'qa');
}

function cacheFile(project: Project, lang: string): string {
  if (!LANG_CODE.test(lang)) throw new Error(`invalid language code "${lang}"`);
  return join(cacheDir(project), `${lang}.json`);
}

const LANG_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;
const ARTICLE_ID = /^[a-z0-9][a-z0-9_-]*$/;

export function entryId(lang: string, articleId: string): string {
  return `${lang}/${articleId}`;
}

let codeVersion: Promise<string> | undefined;

/** A hash of every file of the QA code as installed (compiled JavaScript, or TypeScript in tests). */
export function qaCodeVersion(): Promise<string> {
  codeVersion ??= (async () => {
    const root = fileURLToPath(new URL('../core/qa/', import.meta.url));
    const hash = createHash('sha256');
    // The checks' regexes read Unicode properties, whose tables come with the Node version.
    hash.update(`node ${process.versions.node} unicode ${process.versions.unicode ?? ''}\0`);
    const walk = async (dir: string): Promise<void> => {
      const names = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const d of names) {
        const path = join(dir, d.name);
        if (d.isDirectory()) await walk(path);
        else if (/\.(js|ts|json)$/.test(d.name) && !d.name.endsWith('.map')) hash.update(`${path.slice(root.length)}\0`).update(await fs.readFile(path)).update('\0');
      }
    };
    await walk(root);
    return hash.digest('hex').slice(0, 32);
  })();
  return codeVersion;
}

/** The key of one article-language's QA run: changes whenever anything QA reads changes. */
export function entryKey(version: string, qa: QaOptions, pairs: readonly ArticlePair[]): string {
  // One string, one update; every text is preceded by its length, so texts cannot run into
  // each other (cheaper than escaping them).
  let text = `${version}\n${JSON.stringify(qa)}\n`;
  for (const p of pairs) {
    const machine = p.machine === undefined ? '-' : `${p.machine.length}:${p.machine}`;
    text += `${p.key.length}:${p.key}${p.source.length}:${p.source}${p.target.length}:${p.target}${machine}\n`;
  }
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** A cached finding is trusted only if it has the shape the checks produce (the file may be damaged). */
function isFinding(f: unknown): f is QaFinding {
  if (typeof f !== 'object' || f === null) return false;
  const o = f as Record<string, unknown>;
  if (typeof o['check'] !== 'string' || !isCheckId(o['check']) || !SEVERITIES.has(o['severity'] as string) || typeof o['message'] !== 'string') return false;
  const span = o['span'];
  if (span === null) return true;
  if (typeof span !== 'object' || span === undefined) return false;
  const s = span as Record<string, unknown>;
  return (s['side'] === 'source' || s['side'] === 'target') && Number.isInteger(s['start']) && Number.isInteger(s['end']);
}

function isEntry(e: unknown): e is QaCacheEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  if (typeof o['key'] !== 'string' || typeof o['findings'] !== 'object' || o['findings'] === null || Array.isArray(o['findings'])) return false;
  return Object.values(o['findings']).every((list) => Array.isArray(list) && list.every(isFinding));
}

/** Entries of one language's cache file; empty when the file is missing, damaged or of another QA version. */
async function readLanguage(project: Project, lang: string, version: string): Promise<Map<string, QaCacheEntry>> {
  const out = new Map<string, QaCacheEntry>();
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(cacheFile(project, lang), 'utf8'));
  } catch {
    return out;
  }
  if (typeof data !== 'object' || data === null) return out;
  const d = data as Record<string, unknown>;
  if (d['format'] !== FILE_FORMAT || d['version'] !== version || typeof d['entries'] !== 'object' || d['entries'] === null) return out;
  for (const [id, entry] of Object.entries(d['entries'] as Record<string, unknown>)) {
    if (ARTICLE_ID.test(id) && isEntry(entry)) out.set(entryId(lang, id), entry);
  }
  return out;
}

export async function readQaCache(project: Project, langs: readonly string[]): Promise<QaCacheView> {
  const version = await qaCodeVersion();
  const entries = new Map<string, QaCacheEntry>();
  for (const lang of langs) for (const [k, v] of await readLanguage(project, lang, version)) entries.set(k, v);
  return { version, entries };
}

/**
 * Writes the entries of this run. Per language, entries of articles not checked this time are
 * kept when the run was scoped to some articles, dropped otherwise (the article is gone).
 * Nothing is written when nothing changed.
 */
export async function writeQaCache(
  project: Project,
  before: QaCacheView,
  checked: ReadonlyMap<string, ReadonlyMap<string, QaCacheEntry>>,
  allArticles: boolean,
): Promise<void> {
  try {
    for (const [lang, byArticle] of checked) {
      const entries: Record<string, QaCacheEntry> = Object.create(null) as Record<string, QaCacheEntry>;
      let changed = false;
      if (!allArticles) {
        for (const [k, v] of before.entries) if (k.startsWith(`${lang}/`) && !byArticle.has(k.slice(lang.length + 1))) entries[k.slice(lang.length + 1)] = v;
      }
      for (const [id, entry] of byArticle) {
        entries[id] = entry;
        if (before.entries.get(entryId(lang, id))?.key !== entry.key) changed = true;
      }
      if (allArticles) {
        const had = [...before.entries.keys()].filter((k) => k.startsWith(`${lang}/`)).length;
        if (had !== byArticle.size) changed = true;
      }
      if (!changed) continue;
      const dir = cacheDir(project);
      await ensureCacheDir(project, dir);
      await writeFileAtomic(cacheFile(project, lang), `${JSON.stringify({ format: FILE_FORMAT, version: before.version, entries })}\n`);
    }
  } catch {
    // A cache that cannot be written only makes the next check slower.
  }
}
