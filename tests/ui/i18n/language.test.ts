import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../src/core/qa/types.js';
import { createTranslator, resolveUiLanguage, UI_LANGUAGES, uiResources } from '../../../src/ui/i18n/index.js';

describe('UI language', () => {
  it('takes the configured language first', () => {
    expect(resolveUiLanguage('vi', { LANG: 'fr_FR.UTF-8' })).toBe('vi');
  });

  it('then LC_ALL, LC_MESSAGES and LANG, in that order', () => {
    expect(resolveUiLanguage(undefined, { LC_ALL: 'vi_VN.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('vi');
    expect(resolveUiLanguage(null as unknown as undefined, { LC_MESSAGES: 'fr_CA', LANG: 'en_US' })).toBe('fr');
    expect(resolveUiLanguage(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('fr');
  });

  it('falls back to English for C, POSIX and languages it does not speak', () => {
    expect(resolveUiLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveUiLanguage('de', { LANG: 'de_DE' })).toBe('en');
    expect(resolveUiLanguage(undefined, {})).toBe('en');
  });

  it('translates with typographic French and Vietnamese diacritics intact', () => {
    expect(createTranslator('fr')('header.search', { query: 'Défense' })).toBe('recherche : « Défense »');
    expect(createTranslator('vi')('status.untranslated')).toBe('chưa dịch');
  });

  it('names every QA check and severity in every UI language', () => {
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(uiResources[lang].qaCheck).sort()).toEqual([...CHECK_IDS].sort());
      expect(Object.keys(uiResources[lang].qaSeverity).sort()).toEqual(['error', 'info', 'warning']);
    }
    expect(createTranslator('vi')('qaCheck.numbers')).toBe('số liệu');
    expect(createTranslator('fr')('qaSeverity.warning')).toBe('Alerte QA');
  });
});
