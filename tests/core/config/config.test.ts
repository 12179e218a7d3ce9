import { describe, expect, it } from 'vitest';
import { validateConfig, defaultConfig } from '../../../src/core/config/config.js';

describe('config validation', () => {
  it('fills defaults', () => {
    const r = validateConfig({ targetLangs: ['en', 'vi'] });
    expect(r.config).toEqual({ ...defaultConfig(), targetLangs: ['en', 'vi'] });
  });

  it('reports every problem at once, with paths', () => {
    const r = validateConfig({ sourceLang: 'french', targetLangs: ['en', 'vn', 'en'], colour: true, deepl: { formality: 'posh', extra: 1 }, memory: { threshold: 120 }, boilerplate: ['('] });
    expect(r.config).toBeNull();
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['colour', 'sourceLang', 'targetLangs[1]', 'targetLangs[2]', 'deepl.formality', 'deepl.extra', 'memory.threshold', 'boilerplate[0]']));
  });

  it('rejects a target equal to the source and non-objects', () => {
    expect(validateConfig({ targetLangs: ['fr'] }).problems[0]!.message).toMatch(/source language/);
    expect(validateConfig([]).problems[0]!.message).toMatch(/object/);
  });
});

describe('boilerplate patterns', () => {
  it('refuses nested repetition (catastrophic backtracking) and accepts ordinary patterns', async () => {
    const { hasNestedQuantifier } = await import('../../../src/core/config/config.js');
    for (const bad of ['^(a+)+$', '^(\\w*)*!', '(x|y+){2,}', '((ab)+)+', '^(Comment\\s+)+$']) expect(hasNestedQuantifier(bad), bad).toBe(true);
    for (const good of [...defaultConfig().boilerplate, '^Lire aussi$', '^[(+*)]+$', '^(Partager|Share)+$', '\\(\\d+\\)+', '^(ab)+c+$']) {
      expect(hasNestedQuantifier(good), good).toBe(false);
    }
    const r = validateConfig({ boilerplate: ['^(a+)+$'] });
    expect(r.problems[0]).toMatchObject({ path: 'boilerplate[0]' });
    expect(r.problems[0]!.message).toMatch(/nested repetition/);
  });
});
