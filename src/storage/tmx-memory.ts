/**
 * Translation-memory pairs imported from TMX files, kept per language pair in
 * `.verso/tm/<source>-<target>.json` (committed with the project, like the review state).
 *
 * The memory engine (`engines/memory.ts`) takes a `load(sourceLang, targetLang)` callback; the
 * code that builds it should return the project's approved translations followed by
 * `readImportedMemory(project, sourceLang, targetLang)`, so imported pairs are matched too.
 */
import { join } from 'node:path';
import type { Lang } from '../core/model.js';
import { fileExists, readTextFile, writeFileAtomic } from './atomic.js';
import { FileProblemError } from './errors.js';
import { parseJsonText } from './json.js';
import { withLock } from './lock.js';
import { displayPath, type Project } from './project.js';

export interface ImportedPair {
  source: string;
  target: string;
  /** Origin URL (TMX `x-verso-origin` property), when the memory carried one. */
  origin?: string;
  /** Who last changed the target and when (TMX `changeid`/`changedate`). */
  by?: string;
  at?: string;
}

export interface ImportedMemoryFile {
  sourceLang: Lang;
  targetLang: Lang;
  entries: ImportedPair[];
}

const LANG = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

export function importedMemoryPath(project: Project, sourceLang: Lang, targetLang: Lang): string {
  if (!LANG.test(sourceLang) || !LANG.test(targetLang)) throw new FileProblemError(`invalid language pair ${sourceLang}-${targetLang}`, `${sourceLang}-${targetLang}`);
  return join(project.paths.data, 'tm', `${sourceLang}-${targetLang}.json`);
}

function parseMemoryFile(text: string, file: string, sourceLang: Lang, targetLang: Lang): ImportedMemoryFile {
  const value = parseJsonText(text, file) as Partial<ImportedMemoryFile> | null;
  const entries = value && Array.isArray(value.entries) ? value.entries : null;
  if (!entries || entries.some((e) => typeof e?.source !== 'string' || typeof e?.target !== 'string')) {
    throw new FileProblemError('not a verso translation-memory file (expected "entries": [{ "source", "target" }])', file, null, 'restore it from git, or delete it and import the TMX again');
  }
  return { sourceLang, targetLang, entries };
}

/** The imported pairs for a language pair; empty when nothing was imported. */
export async function readImportedMemory(project: Project, sourceLang: Lang, targetLang: Lang): Promise<ImportedPair[]> {
  const path = importedMemoryPath(project, sourceLang, targetLang);
  if (!(await fileExists(path))) return [];
  return parseMemoryFile(await readTextFile(path, displayPath(project, path), 256 * 1024 * 1024), displayPath(project, path), sourceLang, targetLang).entries;
}

const pairId = (p: ImportedPair) => `${p.source}\u0000${p.target}`;

/**
 * Adds pairs to a language pair's memory under the project lock, skipping pairs already present
 * (same source and target). Returns how many were new. Writes atomically; writes nothing when
 * nothing is new.
 */
export async function addImportedPairs(project: Project, sourceLang: Lang, targetLang: Lang, pairs: readonly ImportedPair[]): Promise<number> {
  const path = importedMemoryPath(project, sourceLang, targetLang);
  return withLock(project.paths.lock, async () => {
    const existing = await readImportedMemory(project, sourceLang, targetLang);
    const seen = new Set(existing.map(pairId));
    const added: ImportedPair[] = [];
    for (const p of pairs) {
      if (seen.has(pairId(p))) continue;
      seen.add(pairId(p));
      added.push(p);
    }
    if (added.length > 0) {
      const file: ImportedMemoryFile = { sourceLang, targetLang, entries: [...existing, ...added] };
      await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
    }
    return added.length;
  });
}
