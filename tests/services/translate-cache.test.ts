import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MtCache, parseCacheLog, mtCacheDir } from '../../src/storage/mt-cache.js';
import { makeProject } from './translate-fixtures.js';

const entry = (key: string, text = `t-${key}`) => ({ key, text, billed: 3, engine: 'deepl', at: '2026-01-01T00:00:00Z' });

describe('MT cache log', () => {
  it('skips torn and foreign lines', () => {
    const text = `${JSON.stringify(entry('a'))}\n{"key":"b","text":"x"}\nnot json\n${JSON.stringify(entry('c'))}\n{"key":"d","te`;
    expect(parseCacheLog(text).map((e) => e.key)).toEqual(['a', 'c']);
  });

  it('persists appended entries per article, and an append after a torn line starts on a new line', async () => {
    const project = await makeProject({});
    const cache = await MtCache.open(project, 'en');
    await cache.append('one', [entry('a'), entry('b')]);
    await cache.append('two', [entry('c')]);
    expect(cache.get('a')?.text).toBe('t-a');

    const file = join(mtCacheDir(project, 'en'), 'one.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8') + '{"key":"torn');
    const reopened = await MtCache.open(project, 'en');
    expect([reopened.get('a'), reopened.get('b'), reopened.get('c')].map((e) => e?.key)).toEqual(['a', 'b', 'c']);
    await reopened.append('one', [entry('d')]);
    const again = await MtCache.open(project, 'en');
    expect(again.get('d')?.text).toBe('t-d');
    expect(again.size).toBe(4);
  });

  it('refuses an article id that could leave the cache directory', async () => {
    const project = await makeProject({});
    mkdirSync(mtCacheDir(project, 'en'), { recursive: true });
    const cache = await MtCache.open(project, 'en');
    await expect(cache.append('../../escape', [entry('x')])).rejects.toThrow(/invalid article id/);
  });
});
