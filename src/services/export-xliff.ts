/**
 * `verso export xliff`: the chosen articles' segments in one target language, as an XLIFF file an
 * agency's CAT tool can open. Each unit carries the segment's current source, the translation the
 * review state holds for it and its status (see `storage/xliff.ts` for the state mapping), plus
 * notes that were exchanged before. Obsolete segments are left out.
 */
import { NOTE_ACTION, type Article, type Segment, type SegmentState } from '../core/model.js';
import { currentCandidates, segmentStatus } from '../core/status/status.js';
import type { Project } from '../storage/project.js';
import { loadArticle, loadState } from '../storage/store.js';
import { serializeXliff, type XliffDocument, type XliffFile, type XliffNote, type XliffUnit, type XliffVersion } from '../storage/xliff.js';
import { UserError } from './errors.js';
import { resolveArticles, resolveTargetLangs } from './scope.js';

export { NOTE_ACTION };

/** The notes of a segment to pass on: those exchanged earlier through XLIFF, oldest first, once each. */
export function segmentNotes(state: SegmentState | undefined): XliffNote[] {
  const seen = new Set<string>();
  const notes: XliffNote[] = [];
  for (const h of state?.history ?? []) {
    if (h.action !== NOTE_ACTION || h.text === undefined || seen.has(h.text)) continue;
    seen.add(h.text);
    notes.push({ text: h.text, from: h.by });
  }
  return notes;
}

/** The text a unit offers as its target, for a given derived status. */
function targetText(segment: Segment, state: SegmentState | undefined): string | null {
  if (!state) return null;
  switch (state.status) {
    case 'approved':
      return state.approved?.text ?? null;
    case 'draft':
      return state.draft?.text ?? state.approved?.text ?? null;
    case 'machine': {
      const current = currentCandidates(segment, state).find((c) => c.origin === 'machine');
      const latest = [...state.candidates].filter((c) => c.origin === 'machine').sort((a, b) => b.at.localeCompare(a.at))[0];
      return (current ?? latest)?.text ?? null;
    }
    case 'untranslated':
      return null;
  }
}

/** The unit verso writes for a segment: also what an unchanged unit must look like on import. */
export function exportUnit(segment: Segment, state: SegmentState | undefined): XliffUnit {
  const status = segmentStatus(segment, state);
  const target = status === 'untranslated' ? null : targetText(segment, state);
  const unit: XliffUnit = { key: segment.key, source: segment.text, target, status: target === null ? 'untranslated' : status, kind: segment.kind, notes: segmentNotes(state) };
  if (unit.status === 'stale') {
    const previous = state?.status === 'approved' ? state.approved?.sourceText : segment.previousText;
    if (previous !== undefined) unit.previousSource = previous;
  }
  return unit;
}

export function articleToXliffFile(article: Article, state: { segments: Record<string, SegmentState> }): XliffFile {
  const units = article.order
    .map((key) => article.segments[key])
    .filter((s): s is Segment => s !== undefined && !s.obsolete)
    .map((segment) => exportUnit(segment, state.segments[segment.key]));
  return { articleId: article.id, originUrl: article.originUrl, units };
}

export interface ExportXliffOptions {
  /** Article ids; all articles when empty. */
  articles: readonly string[];
  targetLang: string;
  version: XliffVersion;
  toolVersion?: string;
}

export interface ExportXliffResult {
  text: string;
  articles: number;
  units: number;
  /** Units per status, for the summary line. */
  counts: Record<string, number>;
}

export async function exportXliff(project: Project, options: ExportXliffOptions): Promise<ExportXliffResult> {
  const [targetLang] = resolveTargetLangs(project, [options.targetLang]);
  const ids = await resolveArticles(project, options.articles);
  if (ids.length === 0) throw new UserError('no articles to export', { hint: 'import one first: verso import <file>' });
  const files: XliffFile[] = [];
  let sourceLang: string | undefined;
  for (const id of ids) {
    const article = await loadArticle(project, id);
    if (sourceLang !== undefined && article.sourceLang !== sourceLang) {
      throw new UserError(`article "${id}" has source language ${article.sourceLang}, the others ${sourceLang}`, {
        hint: 'export articles of one source language per file',
      });
    }
    sourceLang = article.sourceLang;
    files.push(articleToXliffFile(article, await loadState(project, id, targetLang!)));
  }
  const doc: XliffDocument = { sourceLang: sourceLang!, targetLang: targetLang!, files };
  const counts: Record<string, number> = {};
  for (const unit of files.flatMap((f) => f.units)) counts[unit.status] = (counts[unit.status] ?? 0) + 1;
  const options2 = options.toolVersion === undefined ? { version: options.version } : { version: options.version, toolVersion: options.toolVersion };
  return {
    text: serializeXliff(doc, options2),
    articles: files.length,
    units: files.reduce((n, f) => n + f.units.length, 0),
    counts,
  };
}
