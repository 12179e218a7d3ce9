/**
 * `verso import <file…>`: adds or updates originals. Every file is read, checked and parsed
 * before anything is written; then all of them are committed in one transaction, so bad input
 * leaves the project exactly as it was.
 */
import { basename } from 'node:path';
import type { Article } from '../core/model.js';
import { parseOriginal } from '../core/segment/parse-original.js';
import { articleIdFromFileName, isValidArticleId } from '../core/segment/article-id.js';
import { buildArticle, reimportArticle, type ReimportReport } from '../core/segment/build-article.js';
import { readTextFile } from '../storage/atomic.js';
import type { Project } from '../storage/project.js';
import { transaction } from '../storage/store.js';
import { UserError } from './errors.js';

/** Originals are news articles: anything larger is a mistake (a wrong file, a dump). */
export const MAX_ORIGINAL_BYTES = 4 * 1024 * 1024;

export interface ImportOptions {
  files: string[];
  /** Explicit id; only with a single file. */
  id?: string;
}

export interface ImportedArticle {
  file: string;
  id: string;
  originUrl: string | null;
  outcome: 'created' | 'updated' | 'unchanged';
  segments: number;
  dropped: number;
  changes: ReimportReport | null;
}

export function compileBoilerplate(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => new RegExp(p, 'u'));
}

export async function importArticles(project: Project, options: ImportOptions): Promise<ImportedArticle[]> {
  if (options.files.length === 0) throw new UserError('no file to import', { hint: 'verso import <file…>' });
  if (options.id !== undefined && options.files.length > 1) throw new UserError('--id names one article: give a single file with it');
  if (options.id !== undefined && !isValidArticleId(options.id)) {
    throw new UserError(`invalid --id "${options.id}"`, { hint: 'use lower-case letters, digits, "_" and "-" (at most 80), starting with a letter or digit' });
  }
  const boilerplate = compileBoilerplate(project.config.boilerplate);

  const parsed: { file: string; id: string; original: ReturnType<typeof parseOriginal> }[] = [];
  const seen = new Map<string, string>();
  for (const file of options.files) {
    const raw = await readTextFile(file, file, MAX_ORIGINAL_BYTES);
    if (raw.trim() === '') throw new UserError('the file is empty', { file, hint: 'give an article: one paragraph a line' });
    const original = parseOriginal(raw, boilerplate);
    if (original.paragraphs.length === 0) throw new UserError('no paragraph left after removing boilerplate and the source line', { file });
    const id = options.id ?? articleIdFromFileName(basename(file));
    if (!id) throw new UserError(`cannot derive an article id from the file name "${basename(file)}"`, { file, hint: 'pass --id <id>' });
    const other = seen.get(id);
    if (other) throw new UserError(`"${file}" and "${other}" would both become article "${id}"`, { hint: 'import them separately with --id' });
    seen.set(id, file);
    parsed.push({ file, id, original });
  }

  return transaction(project, async (tx) => {
    const results: ImportedArticle[] = [];
    for (const { file, id, original } of parsed) {
      let article: Article;
      let outcome: ImportedArticle['outcome'];
      let changes: ReimportReport | null = null;
      if (await tx.hasArticle(id)) {
        const previous = await tx.getArticle(id);
        if (previous.sourceLang !== project.config.sourceLang) {
          throw new UserError(`article "${id}" was imported with source language "${previous.sourceLang}", the config now says "${project.config.sourceLang}"`, { file });
        }
        const r = reimportArticle(previous, original.originUrl, original.paragraphs);
        article = r.article;
        changes = r.report;
        const nothing = !r.report.changed.length && !r.report.added.length && !r.report.removed.length && !r.report.revived.length && !r.report.originChanged;
        const sameLines = nothing && r.article.order.every((k) => r.article.segments[k]?.line === previous.segments[k]?.line);
        outcome = sameLines ? 'unchanged' : 'updated';
      } else {
        article = buildArticle(id, project.config.sourceLang, original.originUrl, original.paragraphs);
        outcome = 'created';
      }
      if (outcome !== 'unchanged') {
        tx.putOriginal(id, original.normalizedText);
        tx.putArticle(article);
      }
      results.push({
        file,
        id,
        originUrl: article.originUrl,
        outcome,
        segments: article.order.filter((k) => !article.segments[k]?.obsolete).length,
        dropped: original.dropped.length,
        changes,
      });
    }
    return results;
  });
}
