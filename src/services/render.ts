/**
 * `verso render <article> --to <lng>`: the translated article, assembled through i18next from
 * the locale files — exactly what an application using those files would show. Each segment is
 * looked up in the target language with the source language as i18next's `fallbackLng`; a
 * segment i18next had to take from the fallback (not approved yet) is marked, or the whole render
 * is refused with `requireComplete`. A stale segment (approved before its source changed) is
 * still published as approved, as an application would show it, but it is named, and
 * `requireComplete` refuses it too: its translation may say what the source no longer does.
 * The article ends with its origin credit, like the seed's last line (`Source : URL`).
 *
 * Article text is content, not a template: interpolation and nesting are skipped, so `{{x}}` or
 * `$t(p1)` in a paragraph are printed as written.
 */
import i18next from 'i18next';
import type { Article, SegmentKind } from '../core/model.js';
import type { Project } from '../storage/project.js';
import { segmentStatus } from '../core/status/status.js';
import { loadArticle, loadLocale, loadState } from '../storage/store.js';
import { UserError } from './errors.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

export type RenderFormat = 'txt' | 'md' | 'html';

export interface RenderOptions {
  article: string;
  targetLang: string;
  format: RenderFormat;
  /** Refuse (IncompleteRenderError) when any segment would fall back to the source. */
  requireComplete?: boolean;
}

export interface RenderedSegment {
  key: string;
  kind: SegmentKind;
  text: string;
  /** The language i18next took the text from. */
  lang: string;
  fallback: boolean;
}

export interface RenderResult {
  text: string;
  segments: RenderedSegment[];
  fallbackKeys: string[];
  /** Segments shown in the target language whose source changed after their approval. */
  staleKeys: string[];
}

const segmentsWord = (n: number) => `${n} segment${n === 1 ? '' : 's'}`;

/** Thrown with `requireComplete` when segments are not approved, or are stale, in the target language. */
export class IncompleteRenderError extends Error {
  constructor(readonly article: string, readonly lang: string, readonly keys: string[], readonly staleKeys: string[] = []) {
    const parts = [
      ...(keys.length ? [`${segmentsWord(keys.length)} not approved (${keys.join(', ')})`] : []),
      ...(staleKeys.length ? [`${segmentsWord(staleKeys.length)} stale, approved before the source changed (${staleKeys.join(', ')})`] : []),
    ];
    super(`${article} is not complete in ${lang}: ${parts.join('; ')}`);
    this.name = 'IncompleteRenderError';
  }
}

/** How the origin is credited, per target language; the French form is the seed's own. */
const CREDIT_LABEL: Record<string, string> = { fr: 'Source :', en: 'Source:', vi: 'Nguồn:', de: 'Quelle:', es: 'Fuente:', it: 'Fonte:', pt: 'Fonte:' };

export function creditLabel(lang: string): string {
  return CREDIT_LABEL[lang] ?? CREDIT_LABEL[lang.split('-')[0]!] ?? 'Source:';
}

/** Looks every active segment up through one i18next instance; pure apart from i18next itself. */
export async function assembleSegments(article: Article, targetLang: string, source: Record<string, string>, target: Record<string, string>): Promise<RenderedSegment[]> {
  const ns = 'article';
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: targetLang,
    fallbackLng: article.sourceLang,
    supportedLngs: false,
    // verso writes regional codes in lower case (`pt-br`); without this i18next looks for `pt-BR`.
    lowerCaseLng: true,
    resources: { [article.sourceLang]: { [ns]: source }, [targetLang]: { [ns]: target } },
    ns: [ns],
    defaultNS: ns,
    // Keys are plain ids (`p1`); text may contain dots and colons.
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
  });
  const out: RenderedSegment[] = [];
  for (const key of article.order) {
    const segment = article.segments[key];
    if (!segment || segment.obsolete) continue;
    const details = i18n.t(key, { returnDetails: true, skipInterpolation: true });
    const found = details.usedKey === key && typeof details.res === 'string' && details.usedLng !== undefined && details.res !== key;
    // A key in neither file (source locale not written yet) falls back to the article's text.
    const text = found ? (details.res as string) : segment.text;
    const lang = found ? details.usedLng : article.sourceLang;
    out.push({ key, kind: segment.kind, text, lang, fallback: lang !== targetLang });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

function fallbackMark(s: RenderedSegment): string {
  return s.fallback ? `[${s.lang}] ` : '';
}

function renderTxt(segments: RenderedSegment[], credit: string | null): string {
  const lines = segments.map((s) => `${fallbackMark(s)}${s.text}`);
  if (credit) lines.push(credit);
  return `${lines.join('\n')}\n`;
}

/** Escapes what Markdown would otherwise read as markup at the start of a line or inline. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/, '$1\\$2');
}

function renderMd(segments: RenderedSegment[], credit: { label: string; url: string } | null): string {
  const blocks = segments.map((s) => {
    const text = escapeMarkdown(s.text);
    const mark = s.fallback ? `*[${s.lang}]* ` : '';
    switch (s.kind) {
      case 'heading':
        return `## ${mark}${text}`;
      case 'caption':
        return `${mark}*${text}*`;
      case 'related':
        return `- ${mark}${text}`;
      default:
        return `${mark}${text}`;
    }
  });
  if (credit) blocks.push(`${escapeMarkdown(credit.label)} <${credit.url.replace(/>/g, '%3E')}>`);
  return `${blocks.join('\n\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function renderHtml(segments: RenderedSegment[], targetLang: string, credit: { label: string; url: string } | null): string {
  const attrs = (s: RenderedSegment, cls?: string) => {
    const classes = [cls, s.fallback ? 'verso-fallback' : undefined].filter(Boolean).join(' ');
    return ` data-key="${escapeHtml(s.key)}"${s.fallback ? ` lang="${escapeHtml(s.lang)}"` : ''}${classes ? ` class="${classes}"` : ''}`;
  };
  const body = segments.map((s) => {
    const text = escapeHtml(s.text);
    switch (s.kind) {
      case 'heading':
        return `  <h2${attrs(s)}>${text}</h2>`;
      case 'caption':
        return `  <p${attrs(s, 'caption')}><em>${text}</em></p>`;
      case 'related':
        return `  <p${attrs(s, 'related')}>${text}</p>`;
      default:
        return `  <p${attrs(s)}>${text}</p>`;
    }
  });
  if (credit) {
    // Only web addresses become links; anything else is shown as text.
    const link = /^https?:\/\//i.test(credit.url) ? `<a href="${escapeHtml(credit.url)}">${escapeHtml(credit.url)}</a>` : escapeHtml(credit.url);
    body.push(`  <p class="source">${escapeHtml(credit.label)} ${link}</p>`);
  }
  return `<article lang="${escapeHtml(targetLang)}">\n${body.join('\n')}\n</article>\n`;
}

export function formatRendered(segments: RenderedSegment[], format: RenderFormat, targetLang: string, originUrl: string | null): string {
  const credit = originUrl ? { label: creditLabel(targetLang), url: originUrl } : null;
  switch (format) {
    case 'txt':
      return renderTxt(segments, credit ? `${credit.label} ${credit.url}` : null);
    case 'md':
      return renderMd(segments, credit);
    case 'html':
      return renderHtml(segments, targetLang, credit);
  }
}

export async function renderArticle(project: Project, options: RenderOptions): Promise<RenderResult> {
  const [id] = await resolveArticles(project, [options.article]);
  const [targetLang] = resolveTargetLangs(project, [options.targetLang]);
  const article = await loadArticle(project, id!);
  const source = (await loadLocale(project, article.sourceLang, article.id))?.resource ?? {};
  const target = (await loadLocale(project, targetLang!, article.id))?.resource ?? {};
  const segments = await assembleSegments(article, targetLang!, source, target);
  const fallbackKeys = segments.filter((s) => s.fallback).map((s) => s.key);
  const state = await loadState(project, article.id, targetLang!);
  const staleKeys = segments.filter((s) => !s.fallback && segmentStatus(article.segments[s.key]!, state.segments[s.key]) === 'stale').map((s) => s.key);
  if (options.requireComplete && (fallbackKeys.length > 0 || staleKeys.length > 0)) throw new IncompleteRenderError(article.id, targetLang!, fallbackKeys, staleKeys);
  if (segments.length === 0) throw new UserError(`article "${article.id}" has no segments to render`);
  return { text: formatRendered(segments, options.format, targetLang!, article.originUrl), segments, fallbackKeys, staleKeys };
}
