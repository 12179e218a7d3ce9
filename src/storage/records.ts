/**
 * Pure parse/serialise of verso's own records (`.verso/articles/*.json`, `.verso/state/**.json`).
 * Parsing checks the shape, so a hand-damaged file gives a clear error instead of a crash later.
 */
import type { Article, ReviewState, SegmentState } from '../core/model.js';
import { FileProblemError } from './errors.js';
import { lineOfKey, parseJsonText } from './json.js';
import { isValidArticleId } from '../core/segment/article-id.js';

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
  if (typeof v['id'] !== 'string' || !isValidArticleId(v['id'])) fail('missing or invalid "id"', 'id');
  if (typeof v['sourceLang'] !== 'string' || !LANG_CODE.test(v['sourceLang'])) fail('missing or invalid "sourceLang"', 'sourceLang');
  if (v['originUrl'] !== null && typeof v['originUrl'] !== 'string') fail('"originUrl" must be a string or null', 'originUrl');
  if (typeof v['originalPath'] !== 'string') fail('missing "originalPath"', 'originalPath');
  if (!Array.isArray(v['order']) || v['order'].some((k) => typeof k !== 'string')) fail('"order" must be an array of keys', 'order');
  if (new Set(v['order'] as string[]).size !== (v['order'] as string[]).length) fail('"order" lists a key twice', 'order');
  if (!isObj(v['segments'])) fail('"segments" must be an object', 'segments');
  if (typeof v['nextKeyNumber'] !== 'number' || !Number.isInteger(v['nextKeyNumber'])) fail('missing "nextKeyNumber"', 'nextKeyNumber');
  if (v['origin'] !== undefined && (!isObj(v['origin']) || Object.values(v['origin']).some((t) => typeof t !== 'string'))) fail('"origin" must map keys to texts', 'origin');
  const segments = v['segments'] as Record<string, unknown>;
  for (const key of v['order'] as string[]) {
    if (!isObj(segments[key])) fail(`segment "${key}" is missing or damaged`, key);
  }
  // Every field other code relies on, so damage is reported here (with the file) rather than
  // surfacing as a crash in whatever reads the segment later.
  for (const [key, s] of Object.entries(segments)) {
    const problem = !isObj(s)
      ? 'must be an object'
      : s['key'] !== key
        ? `has "key" ${JSON.stringify(s['key'])}`
        : !SEGMENT_KINDS.has(s['kind'] as string)
          ? `has an unknown kind ${JSON.stringify(s['kind'])}`
          : typeof s['text'] !== 'string' || typeof s['hash'] !== 'string'
            ? 'needs "text" and "hash" strings'
            : typeof s['line'] !== 'number' || !Number.isInteger(s['line']) || s['line'] < 1
              ? 'needs a positive "line" number'
              : !optional(s['obsolete'], 'boolean') || !optional(s['previousText'], 'string')
                ? 'has a damaged "obsolete" or "previousText"'
                : null;
    if (problem) fail(`segment "${key}" ${problem}`, key);
  }
  return v as unknown as Article;
}

const STATUSES = new Set(['untranslated', 'machine', 'draft', 'approved']);
/** The language codes verso uses in paths (as `projectPaths` accepts them). */
const LANG_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;
const SEGMENT_KINDS = new Set(['heading', 'paragraph', 'caption', 'related']);

/** True when every named field of `o` is a string. */
function strings(o: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((f) => typeof o[f] === 'string');
}

/** True when `v` is absent or of the given type. */
function optional(v: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return v === undefined || typeof v === type;
}

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
    st['draft'] ??= null;
    st['approved'] ??= null;
    const damaged = (field: string) => fail(`segment "${key}" has a damaged ${field}`, key);
    (st['candidates'] as unknown[]).forEach((c, i) => {
      if (!isObj(c) || (c['origin'] !== 'machine' && c['origin'] !== 'human') || !strings(c, ['by', 'text', 'sourceHash', 'at']) || !optional(c['match'], 'number') || !optional(c['note'], 'string')) {
        damaged(`candidate (#${i + 1})`);
      }
    });
    if (st['draft'] !== null && (!isObj(st['draft']) || !strings(st['draft'], ['text', 'by', 'at', 'sourceHash']))) damaged('"draft" entry');
    if (st['approved'] !== null && (!isObj(st['approved']) || !strings(st['approved'], ['text', 'by', 'at', 'sourceHash', 'sourceText']))) damaged('"approved" entry');
    (st['history'] as unknown[]).forEach((h, i) => {
      if (!isObj(h) || !strings(h, ['at', 'by', 'action']) || !optional(h['text'], 'string')) damaged(`history entry (#${i + 1})`);
    });
    const ignored = st['qaIgnored'];
    if (ignored !== undefined && (!Array.isArray(ignored) || ignored.some((q) => !isObj(q) || !strings(q, ['check', 'reason', 'by', 'at'])))) damaged('"qaIgnored" list');
  }
  return v as unknown as ReviewState;
}
