/**
 * verso.config.json: the file as written (`RawConfig`, every field optional) and the normalised
 * config every other layer uses (`VersoConfig`, defaults filled in). Validation reports every
 * problem at once, each with the JSON path it concerns, so a user fixes the file in one go.
 */
import { isKnownLanguage } from './languages.js';

export const CONFIG_FILE = 'verso.config.json';

export type FailOn = 'untranslated' | 'unapproved' | 'stale' | 'qa-error' | 'qa-warning';
export const FAIL_ON_VALUES: readonly FailOn[] = ['untranslated', 'unapproved', 'stale', 'qa-error', 'qa-warning'];

export interface DeepLOptions {
  serverUrl: string | null;
  /** Which English DeepL produces for `en`. */
  englishVariant: 'EN-GB' | 'EN-US';
  /** Which Portuguese DeepL produces for `pt`. */
  portugueseVariant: 'PT-PT' | 'PT-BR';
  formality: 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
  modelType: 'latency_optimized' | 'quality_optimized' | 'prefer_quality_optimized' | null;
  /** Per language pair `fr-en` → path of a TSV glossary (source<TAB>target), relative to the project. */
  glossaries: Record<string, string>;
  context: 'article' | 'neighbours';
}

export interface QaOptions {
  /** Check ids switched off for the whole project. */
  disabled: string[];
  /** Per language pair `fr-en` → TSV of required terms (source<TAB>target). */
  glossaries: Record<string, string>;
  /** Terms that must appear unchanged in every translation (brand names, acronyms). */
  doNotTranslate: string[];
}

export interface VersoConfig {
  sourceLang: string;
  targetLangs: string[];
  /** Regular expressions (whole-line) for site boilerplate dropped on import. */
  boilerplate: string[];
  engine: 'auto' | 'deepl' | 'memory';
  deepl: DeepLOptions;
  memory: { threshold: number };
  qa: QaOptions;
  check: { failOn: FailOn[] };
  /** Language of verso's own interface (`en`, `fr`, `vi`); null: from the environment. */
  uiLanguage: string | null;
}

export const DEFAULT_BOILERPLATE = [
  '^(Comment|Comments|Commentaire|Commentaires|Bình luận)\\s*\\(\\d+\\)$',
  '^(Partager|Share|Chia sẻ)$',
];

export function defaultConfig(): VersoConfig {
  return {
    sourceLang: 'fr',
    targetLangs: [],
    boilerplate: [...DEFAULT_BOILERPLATE],
    engine: 'auto',
    deepl: {
      serverUrl: null,
      englishVariant: 'EN-GB',
      portugueseVariant: 'PT-PT',
      formality: 'default',
      modelType: null,
      glossaries: {},
      context: 'article',
    },
    memory: { threshold: 75 },
    qa: { disabled: [], glossaries: {}, doNotTranslate: [] },
    check: { failOn: ['untranslated', 'unapproved', 'stale', 'qa-error'] },
    uiLanguage: null,
  };
}

export interface ConfigProblem {
  /** JSON path, e.g. `deepl.formality` or `targetLangs[1]`. */
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates and normalises a parsed config file. */
export function validateConfig(raw: unknown): { config: VersoConfig; problems: [] } | { config: null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config = defaultConfig();
  if (!isObj(raw)) return { config: null, problems: [{ path: '', message: 'the config must be a JSON object' }] };

  const known = <T extends Obj>(obj: T, path: string, fields: readonly string[]) => {
    for (const k of Object.keys(obj)) {
      if (!fields.includes(k)) problems.push({ path: join(path, k), message: `unknown field "${k}" (known: ${fields.join(', ')})` });
    }
  };
  const lang = (v: unknown, path: string): string | undefined => {
    if (typeof v !== 'string' || !isKnownLanguage(v)) {
      problems.push({ path, message: `unknown language code ${JSON.stringify(v)} (use ISO 639-1 in lower case, e.g. "fr", "en", "vi", "pt-br")` });
      return undefined;
    }
    return v;
  };
  const oneOf = <T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined => {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    problems.push({ path, message: `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}` });
    return undefined;
  };
  const stringArray = (v: unknown, path: string): string[] | undefined => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push({ path, message: 'must be an array of strings' });
      return undefined;
    }
    return v as string[];
  };
  const pathMap = (v: unknown, path: string): Record<string, string> | undefined => {
    if (!isObj(v)) {
      problems.push({ path, message: 'must be an object of "src-tgt" → file path' });
      return undefined;
    }
    const out: Record<string, string> = {};
    for (const [pair, file] of Object.entries(v)) {
      const [s, t, extra] = pair.split('-');
      if (extra !== undefined || !s || !t || !isKnownLanguage(s) || !isKnownLanguage(t)) problems.push({ path: join(path, pair), message: `"${pair}" is not a language pair like "fr-en"` });
      else if (typeof file !== 'string' || file === '') problems.push({ path: join(path, pair), message: 'must be a file path' });
      else out[pair] = file;
    }
    return out;
  };

  known(raw, '', ['$schema', 'sourceLang', 'targetLangs', 'boilerplate', 'engine', 'deepl', 'memory', 'qa', 'check', 'uiLanguage']);
  if (raw['sourceLang'] !== undefined) config.sourceLang = lang(raw['sourceLang'], 'sourceLang') ?? config.sourceLang;
  if (raw['targetLangs'] !== undefined) {
    const arr = stringArray(raw['targetLangs'], 'targetLangs');
    if (arr) {
      config.targetLangs = [];
      arr.forEach((v, i) => {
        const l = lang(v, `targetLangs[${i}]`);
        if (l && l === config.sourceLang) problems.push({ path: `targetLangs[${i}]`, message: `"${l}" is the source language` });
        else if (l && config.targetLangs.includes(l)) problems.push({ path: `targetLangs[${i}]`, message: `"${l}" is listed twice` });
        else if (l) config.targetLangs.push(l);
      });
    }
  }
  if (raw['boilerplate'] !== undefined) {
    const arr = stringArray(raw['boilerplate'], 'boilerplate');
    if (arr) {
      arr.forEach((p, i) => {
        try {
          new RegExp(p, 'u');
        } catch (e) {
          problems.push({ path: `boilerplate[${i}]`, message: `not a valid regular expression: ${(e as Error).message}` });
          return;
        }
        if (hasNestedQuantifier(p)) {
          problems.push({ path: `boilerplate[${i}]`, message: 'a repeated group that itself repeats (like "(a+)+") can take minutes on one line of an article; write it without the nested repetition' });
        }
      });
      config.boilerplate = arr;
    }
  }
  if (raw['engine'] !== undefined) config.engine = oneOf(raw['engine'], 'engine', ['auto', 'deepl', 'memory'] as const) ?? config.engine;
  if (raw['uiLanguage'] !== undefined && raw['uiLanguage'] !== null) {
    config.uiLanguage = oneOf(raw['uiLanguage'], 'uiLanguage', ['en', 'fr', 'vi'] as const) ?? null;
  }

  const deepl = raw['deepl'];
  if (deepl !== undefined) {
    if (!isObj(deepl)) problems.push({ path: 'deepl', message: 'must be an object' });
    else {
      known(deepl, 'deepl', ['serverUrl', 'englishVariant', 'portugueseVariant', 'formality', 'modelType', 'glossaries', 'context']);
      const d = config.deepl;
      if (deepl['serverUrl'] !== undefined && deepl['serverUrl'] !== null) {
        if (typeof deepl['serverUrl'] !== 'string' || !/^https?:\/\/[^\s/]+/.test(deepl['serverUrl'])) problems.push({ path: 'deepl.serverUrl', message: 'must be an http(s) URL' });
        else d.serverUrl = deepl['serverUrl'];
      }
      if (deepl['englishVariant'] !== undefined) d.englishVariant = oneOf(deepl['englishVariant'], 'deepl.englishVariant', ['EN-GB', 'EN-US'] as const) ?? d.englishVariant;
      if (deepl['portugueseVariant'] !== undefined) d.portugueseVariant = oneOf(deepl['portugueseVariant'], 'deepl.portugueseVariant', ['PT-PT', 'PT-BR'] as const) ?? d.portugueseVariant;
      if (deepl['formality'] !== undefined) d.formality = oneOf(deepl['formality'], 'deepl.formality', ['default', 'more', 'less', 'prefer_more', 'prefer_less'] as const) ?? d.formality;
      if (deepl['modelType'] !== undefined && deepl['modelType'] !== null) d.modelType = oneOf(deepl['modelType'], 'deepl.modelType', ['latency_optimized', 'quality_optimized', 'prefer_quality_optimized'] as const) ?? null;
      if (deepl['glossaries'] !== undefined) d.glossaries = pathMap(deepl['glossaries'], 'deepl.glossaries') ?? {};
      if (deepl['context'] !== undefined) d.context = oneOf(deepl['context'], 'deepl.context', ['article', 'neighbours'] as const) ?? d.context;
    }
  }

  const memory = raw['memory'];
  if (memory !== undefined) {
    if (!isObj(memory)) problems.push({ path: 'memory', message: 'must be an object' });
    else {
      known(memory, 'memory', ['threshold']);
      const t = memory['threshold'];
      if (t !== undefined) {
        if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > 100) problems.push({ path: 'memory.threshold', message: 'must be a number from 0 to 100' });
        else config.memory.threshold = t;
      }
    }
  }

  const qa = raw['qa'];
  if (qa !== undefined) {
    if (!isObj(qa)) problems.push({ path: 'qa', message: 'must be an object' });
    else {
      known(qa, 'qa', ['disabled', 'glossaries', 'doNotTranslate']);
      if (qa['disabled'] !== undefined) config.qa.disabled = stringArray(qa['disabled'], 'qa.disabled') ?? [];
      if (qa['glossaries'] !== undefined) config.qa.glossaries = pathMap(qa['glossaries'], 'qa.glossaries') ?? {};
      if (qa['doNotTranslate'] !== undefined) config.qa.doNotTranslate = stringArray(qa['doNotTranslate'], 'qa.doNotTranslate') ?? [];
    }
  }

  const check = raw['check'];
  if (check !== undefined) {
    if (!isObj(check)) problems.push({ path: 'check', message: 'must be an object' });
    else {
      known(check, 'check', ['failOn']);
      if (check['failOn'] !== undefined) {
        const arr = stringArray(check['failOn'], 'check.failOn');
        if (arr) {
          const bad = arr.filter((x) => !(FAIL_ON_VALUES as readonly string[]).includes(x));
          if (bad.length) problems.push({ path: 'check.failOn', message: `unknown value(s) ${bad.join(', ')} (known: ${FAIL_ON_VALUES.join(', ')})` });
          else config.check.failOn = arr as FailOn[];
        }
      }
    }
  }

  return problems.length ? { config: null, problems } : { config, problems: [] };
}

/**
 * A group containing a quantifier that is itself quantified, such as `(a+)+`, `(\\w*)*` or
 * `(x|y+){2,}`: the shape behind catastrophic backtracking, where one line of text makes the
 * JavaScript regex engine run for minutes (and a running regex cannot be interrupted).
 * A heuristic on the pattern text: it errs towards refusing, and the message says how to fix it.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: { quantified: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class: quantifier characters inside it are literals.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') stack.push({ quantified: false });
    else if (c === ')') {
      const group = stack.pop();
      const next = pattern[i + 1];
      const repeated = next === '+' || next === '*' || next === '{';
      if (group?.quantified && repeated) return true;
      if (stack.length && (group?.quantified || repeated)) stack[stack.length - 1]!.quantified = true;
    } else if ((c === '+' || c === '*' || c === '{') && stack.length) stack[stack.length - 1]!.quantified = true;
  }
  return false;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The config file verso init writes: only what differs from the defaults, plus the languages. */
export function initialRawConfig(sourceLang: string, targetLangs: string[]): Record<string, unknown> {
  return { sourceLang, targetLangs, boilerplate: [...DEFAULT_BOILERPLATE] };
}
