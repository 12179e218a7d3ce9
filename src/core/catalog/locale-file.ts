/**
 * i18next JSON (v4) resource files, as verso writes them: a flat object of key → string, keys in
 * document order, 2-space indent, trailing newline, so that one changed string is one changed
 * line in git. Pure serialise and validate; reading bytes from disk is storage's job.
 */
import type { Article, ReviewState } from '../model.js';

export type LocaleResource = Record<string, string>;

export function serializeLocale(entries: Iterable<readonly [string, string]>): string {
  const obj: LocaleResource = {};
  for (const [k, v] of entries) obj[k] = v;
  return `${JSON.stringify(obj, null, 2)}\n`;
}

/** The source-language file: every active segment, in document order. */
export function sourceLocaleEntries(article: Article): [string, string][] {
  return article.order
    .map((k) => article.segments[k])
    .filter((s) => s !== undefined && !s.obsolete)
    .map((s) => [s!.key, s!.text]);
}

/**
 * A target-language file: approved strings only, in document order. This is derived from the
 * review state, never edited separately, which is what keeps the two in agreement.
 */
export function targetLocaleEntries(article: Article, state: ReviewState): [string, string][] {
  const out: [string, string][] = [];
  for (const k of article.order) {
    const seg = article.segments[k];
    const approved = state.segments[k]?.approved;
    if (seg && !seg.obsolete && approved) out.push([k, approved.text]);
  }
  return out;
}

export interface LocaleProblem {
  key: string;
  message: string;
}

/** Checks a parsed JSON value is a flat string map; returns it or the problems found. */
export function validateLocaleObject(value: unknown): { resource: LocaleResource } | { problems: LocaleProblem[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [{ key: '', message: 'expected a JSON object of key → string' }] };
  }
  const problems: LocaleProblem[] = [];
  const resource: LocaleResource = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') problems.push({ key: k, message: `value of "${k}" must be a string, found ${v === null ? 'null' : typeof v}` });
    else resource[k] = v;
  }
  return problems.length ? { problems } : { resource };
}
