/**
 * The UI's own words, through i18next: English, French or Vietnamese, chosen from the project
 * config (`uiLanguage`) or the environment's locale (LC_ALL, LC_MESSAGES, LANG).
 */
import i18next from 'i18next';
import { en, type UiResources } from './en.js';
import { fr } from './fr.js';
import { vi } from './vi.js';

export const UI_LANGUAGES = ['en', 'fr', 'vi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const uiResources: Record<UiLanguage, UiResources> = { en, fr, vi };

/** A translate function: `t('message.approved', { key: 'p3' })`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

function asUiLanguage(value: string | undefined): UiLanguage | undefined {
  if (!value) return undefined;
  // `fr_FR.UTF-8`, `vi-VN`, `fr` → the language part.
  const lang = value.toLowerCase().split(/[_.@-]/)[0];
  return UI_LANGUAGES.find((candidate) => candidate === lang);
}

/**
 * The configured language wins; then the first locale variable that is set (POSIX order:
 * LC_ALL overrides LC_MESSAGES overrides LANG); English when none names a language we speak.
 */
export function resolveUiLanguage(configured: string | undefined, env: Readonly<Record<string, string | undefined>>): UiLanguage {
  const fromConfig = asUiLanguage(configured);
  if (fromConfig) return fromConfig;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return asUiLanguage(value) ?? 'en';
  }
  return 'en';
}

/** A translate function for one language, English as the fallback for any missing string. */
export function createTranslator(language: UiLanguage): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    resources: Object.fromEntries(UI_LANGUAGES.map((lng) => [lng, { translation: uiResources[lng] }])),
    // Values are sanitised display text already; HTML escaping would show `&amp;` in a terminal.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = instance.getFixedT(language);
  // The screen asks for the same few strings on every frame; i18next's lookup and interpolation
  // are not free, so results are kept (a bounded set: keys × the values a session shows).
  const cache = new Map<string, string>();
  return (key, values) => {
    const id = values ? `${key}\u0000${JSON.stringify(values)}` : key;
    let text = cache.get(id);
    if (text === undefined) {
      text = String(t(key, values ?? {}));
      if (cache.size > 5000) cache.clear();
      cache.set(id, text);
    }
    return text;
  };
}
