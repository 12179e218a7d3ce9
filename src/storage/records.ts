/**
 * Pure parse/serialise of verso's own records (`.verso/articles/*.json`, `.verso/state/**.json`).
 * Parsing checks the shape, so a hand-damaged file gives a clear error instead of a crash later.
 */
import type { Article, ReviewState, SegmentState } from '../core/model.js';
import { FileProblemError } from './errors.js';
import { lineOfKey, parseJsonText } from './json.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function serializeRecord(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function parseArticleRecord(text: string, file: string): Article {
  const v = parseJsonText(text, file);
  const fail = (message: string, key?: string): never => {
    const line = key ? lineOfKey(text, key) : null;
    throw new FileProblemError(`not a verso article record: ${message}`, file, line ? { line, column: 1 } : null, 'restore it from git (git checkout -- <file>) or re-import the original');
  };
  if (!isObj(v)) return fail('expected an object');
  if (typeof v['id'] !== 'string') fail('missing "id"', 'id');
  if (!Array.isArray(v['order']) || v['order'].some((k) => typeof k !== 'string')) fail('"order" must be an array of keys', 'order');
  if (!isObj(v['segments'])) fail('"segments" must be an object', 'segments');
  if (typeof v['nextKeyNumber'] !== 'number') fail('missing "nextKeyNumber"', 'nextKeyNumber');
  const segments = v['segments'] as Record<string, unknown>;
  for (const key of v['order'] as string[]) {
    const s = segments[key];
    if (!isObj(s) || typeof s['text'] !== 'string' || typeof s['hash'] !== 'string') fail(`segment "${key}" is missing or damaged`, key);
  }
  return v as unknown as Article;
}

const STATUSES = new Set(['untranslated', 'machine', 'draft', 'approved']);

export function parseStateRecord(text: string, file: string): ReviewState {
  const v = parseJsonText(text, file);
  const fail = (message: string, key?: string): never => {
    const line = key ? lineOfKey(text, key) : null;
    throw new FileProblemError(`not a verso review-state file: ${message}`, file, line ? { line, column: 1 } : null, 'restore it from git (git checkout -- <file>)');
  };
  if (!isObj(v)) return fail('expected an object');
  if (!isObj(v['segments'])) fail('"segments" must be an object', 'segments');
  for (const [key, s] of Object.entries(v['segments'] as Record<string, unknown>)) {
    if (!isObj(s)) fail(`segment "${key}" must be an object`, key);
    const st = s as Record<string, unknown>;
    if (!STATUSES.has(st['status'] as string)) fail(`segment "${key}" has an unknown status ${JSON.stringify(st['status'])}`, key);
    if (!Array.isArray(st['candidates'])) fail(`segment "${key}" has no "candidates" array`, key);
    if (!Array.isArray(st['history'])) (st as Partial<SegmentState>).history = [];
    if (st['approved'] !== null && st['approved'] !== undefined && (!isObj(st['approved']) || typeof (st['approved'] as Record<string, unknown>)['text'] !== 'string')) {
      fail(`segment "${key}" has a damaged "approved" entry`, key);
    }
    st['draft'] ??= null;
    st['approved'] ??= null;
  }
  return v as unknown as ReviewState;
}
