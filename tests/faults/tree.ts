/**
 * Checks over a whole project tree after a fault: every JSON file verso owns parses, the target
 * locale files say exactly what the review state says, and nothing half-done is left behind.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article, ReviewState } from '../../src/core/model.js';

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

export interface TreeProblems {
  problems: string[];
}

/**
 * Returns every problem found (empty when the project is consistent): unparsable JSON, target
 * locale files that differ from the approved strings in the state, a locale file for an
 * approved segment missing, leftover temporary files. A journal is allowed (the next verso
 * command replays it) only when `allowJournal` is set; temporary files only with
 * `allowTempFiles` (a process killed between writing one and renaming it leaves it behind).
 */
export function checkProjectTree(root: string, options: { allowJournal?: boolean; allowTempFiles?: boolean } = {}): string[] {
  const problems: string[] = [];
  const files = listFiles(root);
  const parsed = new Map<string, unknown>();
  for (const f of files) {
    if (!f.endsWith('.json')) continue;
    try {
      parsed.set(f, JSON.parse(readFileSync(join(root, f), 'utf8')));
    } catch (e) {
      problems.push(`${f}: does not parse: ${(e as Error).message}`);
    }
  }
  if (!options.allowJournal && files.includes(join('.verso', 'journal.json'))) problems.push('.verso/journal.json left behind');
  if (!options.allowTempFiles) for (const f of files) if (f.endsWith('.tmp')) problems.push(`${f}: temporary file left behind`);
  const articlesDir = join(root, '.verso', 'articles');
  if (!existsSync(articlesDir)) return problems;
  for (const f of files.filter((x) => x.startsWith(join('.verso', 'state') + '/') && x.endsWith('.json'))) {
    const state = parsed.get(f) as ReviewState | undefined;
    if (!isObject(state) || !isObject(state.segments)) {
      problems.push(`${f}: not a review-state object`);
      continue;
    }
    const [, , lang, name] = f.split('/');
    const id = name!.replace(/\.json$/, '');
    const article = parsed.get(join('.verso', 'articles', `${id}.json`)) as Article | undefined;
    if (!isObject(article) || !Array.isArray(article.order) || !isObject(article.segments)) {
      problems.push(`${f}: no article record for it`);
      continue;
    }
    const expected: Record<string, string> = {};
    for (const k of article.order) {
      const a = (state.segments[k] as Partial<ReviewState['segments'][string]> | undefined)?.approved;
      if (a && !article.segments[k]?.obsolete) expected[k] = a.text;
    }
    const localeFile = join('locales', lang!, `${id}.json`);
    const locale = parsed.get(localeFile);
    if (locale === undefined && Object.keys(expected).length) problems.push(`${localeFile}: missing while ${f} has approvals`);
    else if (locale !== undefined && JSON.stringify(locale) !== JSON.stringify(expected)) problems.push(`${localeFile}: differs from the approved strings in ${f}`);
  }
  return problems;
}

function isObject(v: unknown): v is Record<string, unknown> & object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
