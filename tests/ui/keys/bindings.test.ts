import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS, BINDINGS, commandFor, keyLabel, matchesKey, type KeySpec } from '../../../src/ui/keys/bindings.js';
import { uiResources, UI_LANGUAGES, createTranslator } from '../../../src/ui/i18n/index.js';
import { helpLines } from '../../../src/ui/view/help.js';
import { key } from '../support/builders.js';

/** The (input, key) Ink would report for a spec's chord. */
function pressOf(spec: KeySpec) {
  const flags = spec.name
    ? { upArrow: spec.name === 'up', downArrow: spec.name === 'down', leftArrow: spec.name === 'left', rightArrow: spec.name === 'right',
        pageUp: spec.name === 'pageUp', pageDown: spec.name === 'pageDown', home: spec.name === 'home', end: spec.name === 'end',
        return: spec.name === 'return', escape: spec.name === 'escape', tab: spec.name === 'tab', backspace: spec.name === 'backspace', delete: spec.name === 'delete' }
    : {};
  return { input: spec.input ?? '', key: key({ ...flags, ctrl: spec.ctrl ?? false, meta: spec.meta ?? spec.name === 'escape' }) };
}

describe('key bindings', () => {
  it('binds every command to at least one key, in exactly one table entry', () => {
    for (const command of ALL_COMMANDS) {
      const entries = BINDINGS.filter((b) => b.command === command);
      expect(entries, command).toHaveLength(1);
      expect(entries[0]!.keys.length, command).toBeGreaterThan(0);
    }
    expect(BINDINGS.map((b) => b.command).sort()).toEqual([...ALL_COMMANDS].sort());
  });

  it('describes every command in English, French and Vietnamese', () => {
    for (const lng of UI_LANGUAGES) {
      const t = createTranslator(lng);
      for (const binding of BINDINGS) {
        const text = t(binding.description);
        expect(text, `${lng} ${binding.command}`).not.toBe(binding.description);
        expect(text.trim().length, `${lng} ${binding.command}`).toBeGreaterThan(2);
      }
    }
  });

  it('resolves each key to its own command: no chord is bound twice in one context', () => {
    for (const binding of BINDINGS) {
      for (const spec of binding.keys) {
        const { input, key: k } = pressOf(spec);
        expect(commandFor(binding.context, input, k), `${binding.command} ${keyLabel(spec)}`).toBe(binding.command);
      }
    }
  });

  it('keeps the issue’s keys: arrows, j/k, PgUp/PgDn, g/G, ?, q', () => {
    expect(commandFor('list', 'j', key())).toBe('moveDown');
    expect(commandFor('list', '', key({ downArrow: true }))).toBe('moveDown');
    expect(commandFor('list', 'k', key())).toBe('moveUp');
    expect(commandFor('list', '', key({ pageDown: true }))).toBe('pageDown');
    expect(commandFor('list', '', key({ pageUp: true }))).toBe('pageUp');
    expect(commandFor('list', 'g', key())).toBe('first');
    expect(commandFor('list', 'G', key({ shift: true }))).toBe('last');
    expect(commandFor('list', '?', key())).toBe('help');
    expect(commandFor('list', 'q', key())).toBe('quit');
    // Ctrl+S is not the letter s.
    expect(matchesKey({ input: 's', ctrl: true }, 's', key())).toBe(false);
  });

  it('treats the DEL byte terminals send for Backspace as backspace', () => {
    expect(commandFor('editor', '', key({ delete: true }))).toBe('editorBackspace');
    expect(commandFor('search', '', key({ backspace: true }))).toBe('searchBackspace');
  });

  it('lists every command with its keys in the help overlay', () => {
    const t = createTranslator('fr');
    const text = helpLines(t, 120).map((line) => line.map((s) => s.text).join('')).join('\n');
    for (const binding of BINDINGS.filter((b) => b.context !== 'picker')) {
      expect(text).toContain(t(binding.description));
      expect(text).toContain(binding.keys.map(keyLabel).join(', '));
    }
  });
});

describe('UI strings', () => {
  const keysOf = (obj: object, prefix = ''): string[] =>
    Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`)));

  it('has the same keys and the same placeholders in every language', () => {
    const english = keysOf(uiResources.en).sort();
    for (const lng of UI_LANGUAGES) {
      expect(keysOf(uiResources[lng]).sort(), lng).toEqual(english);
      const t = createTranslator(lng);
      const tEn = createTranslator('en');
      for (const k of english) {
        const raw = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        const get = (lang: typeof lng, path: string) => path.split('.').reduce<any>((o, p) => o[p], uiResources[lang]) as string;
        expect(raw(get(lng, k)), `${lng} ${k}`).toEqual(raw(get('en', k)));
      }
      expect(t('message.approved', { key: 'p3' })).toContain('p3');
      expect(tEn('status.stale')).toBe('stale');
    }
  });
});
