/**
 * The machine-translation cache: what an engine returned for a given cache key (engine, model,
 * languages, glossary, source text, context), so a second run pays for nothing.
 *
 * Layout: `.verso/cache/mt/<lang>/<article>.jsonl`, one JSON object a line, appended as results
 * arrive. One file per article and language keeps CI shards (which split by article) from
 * writing the same file. A cache is allowed to lose its last entries, so it is an append-only
 * log rather than a journaled record: a process killed mid-append leaves at most one torn last
 * line, which the reader skips and the next append starts after. Deleting the directory is
 * always safe; it only costs characters on the next run.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Project } from './project.js';
import { ensureCacheDir } from './cache-dir.js';

export interface MtCacheEntry {
  /** `cacheKey(…)` of the request. */
  key: string;
  /** The translation. */
  text: string;
  /** Characters billed when it was made. */
  billed: number;
  engine: string;
  at: string;
}

export function mtCacheDir(project: Project, lang: string): string {
  return join(project.paths.data, 'cache', 'mt', lang);
}

function isEntry(v: unknown): v is MtCacheEntry {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['key'] === 'string' && typeof o['text'] === 'string' && typeof o['billed'] === 'number' && typeof o['engine'] === 'string';
}

/** Parses a cache log, skipping lines that are not complete entries (a torn last line). */
export function parseCacheLog(text: string): MtCacheEntry[] {
  const out: MtCacheEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isEntry(v)) out.push(v);
    } catch {
      /* torn or foreign line: a cache may lose entries */
    }
  }
  return out;
}

export class MtCache {
  private readonly entries = new Map<string, MtCacheEntry>();
  /** Files whose end we have checked (a torn last line needs a newline before the next append). */
  private readonly checked = new Set<string>();

  private constructor(
    private readonly project: Project,
    private readonly lang: string,
  ) {}

  /** Loads every cache file of a target language. */
  static async open(project: Project, lang: string): Promise<MtCache> {
    const cache = new MtCache(project, lang);
    const dir = mtCacheDir(project, lang);
    let names: string[] = [];
    try {
      names = await fs.readdir(dir);
    } catch {
      return cache;
    }
    for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
      const text = await fs.readFile(join(dir, name), 'utf8').catch(() => '');
      for (const entry of parseCacheLog(text)) cache.entries.set(entry.key, entry);
    }
    return cache;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): MtCacheEntry | undefined {
    return this.entries.get(key);
  }

  /** Appends entries to the article's log (and remembers them). */
  async append(article: string, entries: readonly MtCacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    this.project.paths.state(this.lang, article); // validates the id and language like every record path
    const path = join(mtCacheDir(this.project, this.lang), `${article}.jsonl`);
    let prefix = '';
    if (!this.checked.has(path)) {
      await ensureCacheDir(this.project, mtCacheDir(this.project, this.lang));
      const handle = await fs.open(path, 'a+');
      try {
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
      } finally {
        await handle.close();
      }
      this.checked.add(path);
    }
    await fs.appendFile(path, prefix + entries.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
    for (const e of entries) this.entries.set(e.key, e);
  }
}
