/**
 * The merge driver as git calls it (three files and a path), without git: what it writes over
 * %A and when it exits non-zero.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMergeDriver, fileKindOf, pairedStatePath, articleRecordPath } from '../../src/services/merge-driver.js';
import { tempDir } from '../support/cli.js';

function files(dir: string, base: unknown, ours: unknown, theirs: unknown) {
  const text = (v: unknown) => (typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);
  writeFileSync(join(dir, 'O'), text(base));
  writeFileSync(join(dir, 'A'), text(ours));
  writeFileSync(join(dir, 'B'), text(theirs));
  return { basePath: join(dir, 'O'), oursPath: join(dir, 'A'), theirsPath: join(dir, 'B'), at: '2026-11-27T12:00:00.000Z', cwd: dir };
}

describe('merge driver files', () => {
  it('knows verso files by path', () => {
    expect(fileKindOf('.verso/state/en/a1.json')).toBe('state');
    expect(fileKindOf('sub/project/locales/vi/a1.json')).toBe('locale');
    expect(fileKindOf('package.json')).toBeNull();
    expect(pairedStatePath('sub/locales/en/a1.json')).toBe('sub/.verso/state/en/a1.json');
    expect(articleRecordPath('locales/en/a1.json')).toBe('.verso/articles/a1.json');
  });

  it('leaves %A untouched and exits 1 when a side is not valid JSON', async () => {
    const dir = tempDir();
    const opts = files(dir, { p1: 'a' }, { p1: 'b' }, '{ "p1": "c", <<<<<<< HEAD\n');
    const before = readFileSync(opts.oursPath, 'utf8');
    const result = await runMergeDriver({ ...opts, pathName: 'locales/en/a1.json' });
    expect(result.exitCode).toBe(1);
    expect(result.messages.join('\n')).toMatch(/locales\/en\/a1\.json \(theirs\):1:\d+: invalid JSON/);
    expect(readFileSync(opts.oursPath, 'utf8')).toBe(before);
  });

  it('a conflict in the source-language file (no review state to record it) exits 1 with valid JSON kept at base', async () => {
    const dir = tempDir();
    const opts = files(dir, { p1: 'Base', p2: 'Deux' }, { p1: 'Ours', p2: 'Deux' }, { p1: 'Theirs', p2: 'Deux', p3: 'Trois' });
    const result = await runMergeDriver({ ...opts, pathName: 'locales/fr/a1.json' });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(readFileSync(opts.oursPath, 'utf8'))).toEqual({ p1: 'Base', p2: 'Deux', p3: 'Trois' });
    expect(result.messages[0]).toMatch(/key p1 was changed on both branches \(ours "Ours", theirs "Theirs"\): kept "Base"/);
  });

  it('a conflict in a target file whose review state exists exits 0; keys follow the article order', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.verso', 'state', 'en'), { recursive: true });
    mkdirSync(join(dir, '.verso', 'articles'), { recursive: true });
    writeFileSync(join(dir, '.verso', 'state', 'en', 'a1.json'), '{}');
    writeFileSync(join(dir, '.verso', 'articles', 'a1.json'), JSON.stringify({ order: ['p1', 'p2', 'p3', 'p4'] }));
    const opts = files(dir, { p1: 'Base' }, { p1: 'Ours', p3: 'Three' }, { p1: 'Theirs', p2: 'Two', p4: 'Four' });
    const result = await runMergeDriver({ ...opts, pathName: 'locales/en/a1.json' });
    expect(result.exitCode).toBe(0);
    expect(result.conflicts).toBe(1);
    expect(readFileSync(opts.oursPath, 'utf8')).toBe('{\n  "p1": "Base",\n  "p2": "Two",\n  "p3": "Three",\n  "p4": "Four"\n}\n');
  });

  it('treats an empty base (both branches added the file) as empty', async () => {
    const dir = tempDir();
    const state = (segments: Record<string, unknown>) => ({ article: 'a1', lang: 'en', segments });
    const seg = (text: string) => ({ status: 'draft', candidates: [], draft: { text, by: 'x', at: 't', sourceHash: 'h' }, approved: null, history: [] });
    const opts = files(dir, '', state({ p1: seg('one') }), state({ p2: seg('two') }));
    const result = await runMergeDriver({ ...opts, pathName: '.verso/state/en/a1.json' });
    expect(result.exitCode).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(opts.oursPath, 'utf8')) as { segments: object }).segments).sort()).toEqual(['p1', 'p2']);
  });
});

describe('merge driver: imported translation memory', () => {
  it('keeps the pairs both branches imported', async () => {
    const dir = tempDir();
    const mem = (pairs: [string, string][]) => ({ sourceLang: 'fr', targetLang: 'en', entries: pairs.map(([source, target]) => ({ source, target })) });
    const opts = files(dir, mem([['a', 'A']]), mem([['a', 'A'], ['b', 'B']]), mem([['a', 'A'], ['c', 'C']]));
    const result = await runMergeDriver({ ...opts, pathName: '.verso/tm/fr-en.json' });
    expect(result.exitCode).toBe(0);
    expect((JSON.parse(readFileSync(opts.oursPath, 'utf8')) as { entries: { source: string }[] }).entries.map((e) => e.source)).toEqual(['a', 'b', 'c']);
  });
});
