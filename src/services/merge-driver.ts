/**
 * `verso merge-driver %O %A %B %P`: git's custom merge driver for verso's JSON files.
 *
 * Git calls it once per file that changed on both branches, outside any verso lock or journal,
 * with three temporary files (base, ours, theirs) and the path in the repository. It must be a
 * pure function of the three texts whose result is written, atomically, over %A:
 * - `.verso/state/<lng>/<article>.json` (review state): merged segment by segment
 *   (`core/merge/state-merge.ts`); a segment both branches changed differently becomes a
 *   conflict recorded IN the state (both texts kept, the segment back to draft).
 * - `locales/<lng>/<article>.json` (i18next file): merged key by key (`core/merge/locale-merge.ts`);
 *   a key both branches changed differently keeps its base value — the same rule the state merge
 *   applies to approvals, so the separately merged pair still agrees.
 * - `.verso/tm/<src>-<tgt>.json` (pairs imported from TMX): a set; what either branch imported is kept.
 *
 * Exit status (what git reads): 0 when the result is final. A review conflict in a state file is
 * recorded in the file itself, where `verso status`, `verso check` (not approved → fails) and the
 * review screen show it, so it still exits 0 with a message on stderr: marking the file
 * "conflicted" would only make git ask for a text-editor resolution of a file that has none to
 * make. The same holds for a target locale file whose state file exists (its conflicts are the
 * state's). Non-zero (1) only when the driver truly cannot merge: a side that is not valid JSON
 * or not a verso file (then %A is left as it was and git reports the conflict as usual), or a
 * conflicting key in a locale file that has no review state to record it (the source-language
 * file: two branches re-imported different versions of the article) — there the result keeps the
 * base text and git is told, so a person re-imports the original.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { serializeLocale, validateLocaleObject } from '../core/catalog/locale-file.js';
import { inDocumentOrder, mergeLocaleStrings, type LocaleStrings } from '../core/merge/locale-merge.js';
import { mergeReviewState } from '../core/merge/state-merge.js';
import { mergeSetList } from '../core/merge/three-way.js';
import type { ReviewState } from '../core/model.js';
import { fileExists, readTextFile, writeFileAtomic } from '../storage/atomic.js';
import { FileProblemError } from '../storage/errors.js';
import { parseJsonText } from '../storage/json.js';
import { parseStateRecord, serializeRecord } from '../storage/records.js';

export interface MergeDriverOptions {
  basePath: string;
  oursPath: string;
  theirsPath: string;
  /** The file's path in the repository (%P), used to tell state from locale files and in messages. */
  pathName: string;
  /** Time of the merge, recorded with conflicts. */
  at: string;
  /** Working directory (git runs drivers from the top of the work tree). */
  cwd: string;
}

export interface MergeDriverResult {
  exitCode: 0 | 1;
  /** Lines for stderr. */
  messages: string[];
  kind: FileKind | 'unknown';
  conflicts: number;
}

type FileKind = 'state' | 'locale' | 'memory';

/** Which kind of verso file a path is; null when it is neither. */
export function fileKindOf(pathName: string): FileKind | null {
  const p = pathName.split('\\').join('/');
  if (/(^|\/)\.verso\/state\/[^/]+\/[^/]+\.json$/.test(p)) return 'state';
  if (/(^|\/)locales\/[^/]+\/[^/]+\.json$/.test(p)) return 'locale';
  if (/(^|\/)\.verso\/tm\/[^/]+\.json$/.test(p)) return 'memory';
  return null;
}

/** The state file that goes with a target locale file (`locales/en/a.json` → `.verso/state/en/a.json`). */
export function pairedStatePath(localePath: string): string {
  const p = localePath.split('\\').join('/');
  const m = /^(.*\/)?locales\/([^/]+)\/([^/]+\.json)$/.exec(p);
  return m ? `${m[1] ?? ''}.verso/state/${m[2]}/${m[3]}` : '';
}

class CannotMerge extends Error {}

function parseLocaleSide(text: string, label: string): LocaleStrings {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = parseJsonText(text, label);
  } catch (e) {
    throw new CannotMerge(describe(e, label));
  }
  const result = validateLocaleObject(value);
  if ('problems' in result) throw new CannotMerge(`${label}: not an i18next resource file: ${result.problems[0]!.message}`);
  return result.resource;
}

interface MemorySide {
  entries: { source: string; target: string }[];
}

function parseMemorySide(text: string, label: string): MemorySide | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = parseJsonText(text, label);
  } catch (e) {
    throw new CannotMerge(describe(e, label));
  }
  const entries = (value as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries) || entries.some((e) => typeof (e as { source?: unknown })?.source !== 'string' || typeof (e as { target?: unknown })?.target !== 'string')) {
    throw new CannotMerge(`${label}: not a verso translation-memory file`);
  }
  return value as MemorySide;
}

function parseStateSide(text: string, label: string): ReviewState | null {
  if (text.trim() === '') return null;
  try {
    return parseStateRecord(text, label);
  } catch (e) {
    throw new CannotMerge(describe(e, label));
  }
}

function describe(e: unknown, label: string): string {
  if (e instanceof FileProblemError) return `${label}${e.position ? `:${e.position.line}:${e.position.column}` : ''}: ${e.message}`;
  return `${label}: ${(e as Error).message}`;
}

const quote = (t: string | null) => (t === null ? '(none)' : JSON.stringify(t.length > 60 ? `${t.slice(0, 57)}…` : t));

export async function runMergeDriver(options: MergeDriverOptions): Promise<MergeDriverResult> {
  // A missing or unreadable side is an input error naming the file (exit 2), not a crash.
  const [baseText, oursText, theirsText] = await Promise.all([options.basePath, options.oursPath, options.theirsPath].map((p) => readTextFile(p, p, 256 * 1024 * 1024)));
  const path = options.pathName;
  const kind = fileKindOf(path) ?? guessKind(oursText!, theirsText!);
  const refuse = (message: string): MergeDriverResult => ({
    exitCode: 1,
    kind: kind ?? 'unknown',
    conflicts: 0,
    messages: [`verso merge-driver: cannot merge ${path}: ${message}`, '  the file was left as on the current branch; resolve it by hand (then `verso check`)'],
  });
  if (kind === null) return refuse('not a verso locale or review-state file');

  try {
    if (kind === 'state') {
      const base = parseStateSide(baseText!, `${path} (base)`);
      const ours = parseStateSide(oursText!, `${path} (ours)`);
      const theirs = parseStateSide(theirsText!, `${path} (theirs)`);
      if (!ours || !theirs) throw new CannotMerge('one side is empty');
      if (ours.article !== theirs.article || ours.lang !== theirs.lang) throw new CannotMerge(`the two sides are for different articles or languages`);
      const result = mergeReviewState(base, ours, theirs, { at: options.at });
      await writeFileAtomic(options.oursPath, serializeRecord(result.state));
      const messages = result.conflicts.map(
        (c) => `verso merge-driver: ${path}: segment ${c.key} was changed on both branches (ours ${quote(c.ours)}, theirs ${quote(c.theirs)}): both kept, the segment needs review — verso review ${ours.article} --to ${ours.lang}`,
      );
      for (const key of result.keptDeleted) messages.push(`verso merge-driver: ${path}: segment ${key} was removed on one branch and changed on the other: the changed state was kept`);
      return { exitCode: 0, kind, conflicts: result.conflicts.length, messages };
    }

    if (kind === 'memory') {
      // Imported translation memories (`.verso/tm/*.json`): pairs are a set; both branches' imports are kept.
      const base = parseMemorySide(baseText!, `${path} (base)`);
      const ours = parseMemorySide(oursText!, `${path} (ours)`);
      const theirs = parseMemorySide(theirsText!, `${path} (theirs)`);
      const entries = mergeSetList(base?.entries ?? [], ours?.entries ?? [], theirs?.entries ?? [], (e) => `${e.source}\u0000${e.target}`);
      const merged = { ...(ours ?? theirs ?? {}), entries };
      await writeFileAtomic(options.oursPath, `${JSON.stringify(merged, null, 2)}\n`);
      return { exitCode: 0, kind, conflicts: 0, messages: [] };
    }

    const base = parseLocaleSide(baseText!, `${path} (base)`);
    const ours = parseLocaleSide(oursText!, `${path} (ours)`);
    const theirs = parseLocaleSide(theirsText!, `${path} (theirs)`);
    const result = mergeLocaleStrings(base, ours, theirs);
    const order = await articleOrder(options.cwd, path);
    const strings = order ? inDocumentOrder(result.strings, order) : result.strings;
    await writeFileAtomic(options.oursPath, serializeLocale(Object.entries(strings)));
    if (result.conflicts.length === 0) return { exitCode: 0, kind, conflicts: 0, messages: [] };
    const statePath = pairedStatePath(path);
    const recorded = statePath !== '' && (await fileExists(join(options.cwd, statePath)));
    const messages = result.conflicts.map(
      (c) => `verso merge-driver: ${path}: key ${c.key} was changed on both branches (ours ${quote(c.ours)}, theirs ${quote(c.theirs)}): kept ${quote(c.base)}`,
    );
    if (recorded) {
      messages.push(`  the conflict is recorded in ${statePath}`);
      return { exitCode: 0, kind, conflicts: result.conflicts.length, messages };
    }
    messages.push(`  no review state records this file (${dirname(path)} is a source-language or hand-kept locale): resolve it, e.g. by re-importing the original`);
    return { exitCode: 1, kind, conflicts: result.conflicts.length, messages };
  } catch (e) {
    if (e instanceof CannotMerge) return refuse(e.message);
    throw e;
  }
}

/** The article record that goes with a locale file (`locales/en/a.json` → `.verso/articles/a.json`). */
export function articleRecordPath(localePath: string): string {
  const m = /^(.*\/)?locales\/[^/]+\/([^/]+\.json)$/.exec(localePath.split('\\').join('/'));
  return m ? `${m[1] ?? ''}.verso/articles/${m[2]}` : '';
}

/**
 * The article's document order, read from the work tree (the current branch's record), so the
 * merged locale file is written in the order verso itself writes it. Only a nicety: without a
 * readable record the merged order is kept.
 */
async function articleOrder(cwd: string, localePath: string): Promise<string[] | null> {
  const rel = articleRecordPath(localePath);
  if (rel === '') return null;
  try {
    const value = JSON.parse(await fs.readFile(join(cwd, rel), 'utf8')) as { order?: unknown };
    return Array.isArray(value.order) && value.order.every((k) => typeof k === 'string') ? (value.order as string[]) : null;
  } catch {
    return null;
  }
}

/** For paths outside the usual layout: a review-state file has a `segments` object. */
function guessKind(ours: string, theirs: string): FileKind | null {
  for (const text of [ours, theirs]) {
    try {
      const v = JSON.parse(text) as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        return 'segments' in v && typeof (v as { segments: unknown }).segments === 'object' ? 'state' : 'locale';
      }
    } catch {
      /* try the other side */
    }
  }
  return null;
}
