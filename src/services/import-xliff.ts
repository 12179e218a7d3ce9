/**
 * `verso import-xliff <file>`: takes back an XLIFF file (1.2 or 2.x) returned by an agency or
 * another CAT tool, and records what changed in the review state, in one transaction.
 *
 * Rules, per unit:
 * - A unit that looks exactly like what `verso export xliff` would write now changes nothing
 *   (so export → import is a no-op).
 * - Its source must still be the segment's text. If the article changed since the export, the
 *   translation was made for an older source: it never overwrites current work. It becomes a
 *   draft recorded against the OLD source (so the segment shows as stale, with the source change
 *   to review) when the segment had no current draft or approval, or else an extra human
 *   candidate. Either way the report says so.
 * - Otherwise the file's status says what to record: `approved` approves the text, `draft` sets
 *   the draft, `machine` adds a machine candidate, `untranslated` records nothing. Texts already
 *   present are not recorded twice. An import never withdraws an approval.
 * - Notes the file adds are kept with the segment (history entries `note`) and exported again.
 * Everything is validated before anything is written: a bad file changes nothing.
 */
import type { Article, ReviewState, Segment, SegmentState } from '../core/model.js';
import { addCandidate, approveSegment, emptySegmentState, setDraft, type Actor } from '../core/catalog/state-ops.js';
import { hashText } from '../core/hash.js';
import { capHistory } from '../core/model.js';
import type { Project } from '../storage/project.js';
import { transaction } from '../storage/store.js';
import { parseXliff, XliffFormatError, type ParsedXliff, type XliffUnit } from '../storage/xliff.js';
import { UserError } from './errors.js';
import { NOTE_ACTION, exportUnit, segmentNotes } from './export-xliff.js';
import { resolveTargetLangs } from './scope.js';

export type XliffChangeKind =
  | 'approved'
  | 'draft'
  | 'machine'
  | 'note'
  /** The file's source differs from the article's: recorded against the old source. */
  | 'stale'
  /** As `stale`, but only added as a candidate: machine text, or the segment had current work. */
  | 'stale-candidate'
  /** Not applied: the segment was removed from the article since the export. */
  | 'skipped-obsolete';

export interface XliffChange {
  article: string;
  key: string;
  kind: XliffChangeKind;
  text?: string;
}

export interface ImportXliffResult {
  version: string;
  targetLang: string;
  units: number;
  unchanged: number;
  changes: XliffChange[];
}

export interface ImportXliffOptions {
  /** The file's text and the name to use in messages. */
  text: string;
  file: string;
  actor: Actor;
  /** Compute the report without writing anything. */
  dryRun?: boolean;
}

/**
 * A format error (XLIFF or TMX) as the user sees it: the file, the line and column when the parser
 * knows them, and what to check.
 */
export function formatProblem(error: { message: string; line?: number | undefined; column?: number | undefined }, file: string, hint: string): UserError {
  const details: { file: string; line?: number; column?: number; hint: string } = { file, hint };
  if (error.line !== undefined) details.line = error.line;
  if (error.column !== undefined) details.column = error.column;
  return new UserError(error.message, details);
}

function parseOrExplain(text: string, file: string): ParsedXliff {
  try {
    return parseXliff(text);
  } catch (error) {
    if (error instanceof XliffFormatError) {
      throw formatProblem(error, file, 'check the file is the XLIFF exported by verso (or returned by the agency) and that it is complete');
    }
    throw error;
  }
}

/** What reading a unit back gives for the unit verso would export now. */
function asReadBack(unit: XliffUnit): { status: string; target: string | null } {
  return { status: unit.status === 'stale' ? 'draft' : unit.status, target: unit.target };
}

function withNote(state: SegmentState, note: { text: string; from?: string }, actor: Actor): SegmentState {
  const entry = { at: actor.at, by: note.from ?? actor.by, action: NOTE_ACTION, text: note.text };
  return { ...state, history: capHistory([...state.history, entry]) };
}

/** Applies one unit to a segment's state (pure); returns the new state and what changed. */
export function applyUnit(article: Article, segment: Segment, current: SegmentState | undefined, unit: XliffUnit, actor: Actor, file: string): { state: SegmentState; changes: XliffChange[] } {
  const base = current ?? emptySegmentState();
  const changes: XliffChange[] = [];
  const change = (kind: XliffChangeKind, text?: string) => changes.push({ article: article.id, key: segment.key, kind, ...(text !== undefined ? { text } : {}) });
  let state = base;

  const source = unit.source.normalize('NFC');
  const target = unit.target?.normalize('NFC') ?? null;
  const exported = asReadBack(exportUnit(segment, current));
  const sameAsExport = exported.status === unit.status && exported.target === target && source === segment.text;

  if (!sameAsExport && target !== null && target.trim() !== '' && unit.status !== 'untranslated') {
    const known = (hash: string) =>
      state.candidates.some((c) => c.text === target && c.sourceHash === hash) ||
      (state.draft?.text === target && state.draft.sourceHash === hash) ||
      (state.approved?.text === target && state.approved.sourceHash === hash);

    if (source !== segment.text) {
      // Translated from a source that has changed since: keep it, but as stale work.
      const oldHash = hashText(source);
      if (!known(oldHash)) {
        // Machine output, or work on a segment someone has since translated for the new source,
        // only joins the candidates; otherwise it becomes the (stale) draft to review.
        if (unit.status === 'machine' || hasCurrentWork(segment, state)) {
          const origin = unit.status === 'machine' ? 'machine' : 'human';
          state = addCandidate(state, { origin, by: origin === 'machine' ? 'xliff' : actor.by, text: target, sourceHash: oldHash, at: actor.at, note: `from ${file}, translated from an older source: ${source}` });
          change('stale-candidate', target);
        } else {
          state = { ...state, status: 'draft', draft: { text: target, by: actor.by, at: actor.at, sourceHash: oldHash } };
          state = { ...state, history: capHistory([...state.history, { at: actor.at, by: actor.by, action: 'import-stale', text: target }]) };
          change('stale', target);
        }
      }
    } else if (unit.status === 'approved') {
      if (!(state.approved?.text === target && state.approved.sourceHash === segment.hash)) {
        state = approveSegment(state, segment, actor, target);
        change('approved', target);
      }
    } else if (unit.status === 'draft') {
      if (!(state.draft?.text === target && state.draft.sourceHash === segment.hash) && state.approved?.text !== target) {
        state = setDraft(state, segment, target, actor);
        change('draft', target);
      }
    } else if (unit.status === 'machine') {
      if (!known(segment.hash)) {
        state = addCandidate(state, { origin: 'machine', by: 'xliff', text: target, sourceHash: segment.hash, at: actor.at, note: `from ${file}` });
        change('machine', target);
      }
    }
  }

  const knownNotes = new Set(segmentNotes(state).map((n) => n.text));
  for (const note of unit.notes) {
    if (note.text.trim() === '' || knownNotes.has(note.text)) continue;
    knownNotes.add(note.text);
    state = withNote(state, note, actor);
    change('note', note.text);
  }
  return { state, changes };
}

/** True when the segment has a draft or approval made for its current source. */
function hasCurrentWork(segment: Segment, state: SegmentState): boolean {
  return (state.draft?.sourceHash === segment.hash) || (state.approved?.sourceHash === segment.hash);
}

export async function importXliff(project: Project, options: ImportXliffOptions): Promise<ImportXliffResult> {
  const doc = parseOrExplain(options.text, options.file);
  // CAT tools often write region codes in upper case (`pt-BR`), or a regional variant of a
  // language the project has only as a whole (`en-GB` for `en`).
  const wanted = doc.targetLang.toLowerCase();
  const targets = project.config.targetLangs;
  const configured = targets.find((l) => l.toLowerCase() === wanted) ?? targets.find((l) => l.toLowerCase() === wanted.split('-')[0]);
  const [targetLang] = resolveTargetLangs(project, [configured ?? doc.targetLang]);
  const lang = targetLang!;

  return transaction(project, async (tx) => {
    const changes: XliffChange[] = [];
    let units = 0;
    let unchanged = 0;
    const next: ReviewState[] = [];
    for (const file of doc.files) {
      if (!(await tx.hasArticle(file.articleId))) {
        throw new UserError(`the file is for article "${file.articleId}", which this project does not have`, {
          file: options.file,
          hint: `known articles: ${(await tx.listArticles()).slice(0, 10).join(', ') || '(none)'}`,
        });
      }
      const article = await tx.getArticle(file.articleId);
      if (article.sourceLang.toLowerCase() !== doc.sourceLang.toLowerCase()) {
        throw new UserError(`the file's source language is ${doc.sourceLang}, article "${article.id}" is in ${article.sourceLang}`, { file: options.file });
      }
      const state = await tx.getState(article.id, lang);
      const segments = { ...state.segments };
      for (const unit of file.units) {
        units += 1;
        const segment = article.segments[unit.key];
        if (!segment) {
          throw new UserError(`unit "${unit.key}" of article "${article.id}" is not a segment of that article`, {
            file: options.file,
            hint: 'units are matched by segment key (p1, p2…); was the file made for another project?',
          });
        }
        if (segment.obsolete) {
          if (unit.target !== null) changes.push({ article: article.id, key: unit.key, kind: 'skipped-obsolete' });
          else unchanged += 1;
          continue;
        }
        const result = applyUnit(article, segment, segments[unit.key], unit, options.actor, options.file);
        if (result.changes.length === 0) {
          unchanged += 1;
          continue;
        }
        segments[unit.key] = result.state;
        changes.push(...result.changes);
      }
      if (changes.some((c) => c.article === article.id && c.kind !== 'skipped-obsolete')) next.push({ ...state, segments });
    }
    if (!options.dryRun) for (const s of next) tx.putState(s);
    return { version: doc.version, targetLang: lang, units, unchanged, changes };
  });
}
