/**
 * The domain model: what an article, a segment and a segment's review state are.
 * Pure types only. Everything verso reads and writes is one of these, so other layers
 * (storage formats, services, UI) agree on one vocabulary.
 */

/** BCP-47-ish language code as used in file paths and config: `fr`, `en`, `vi`, `de`, `pt-br`. */
export type Lang = string;

/** What kind of unit a segment is. Title-like lines are kept apart from running paragraphs. */
export type SegmentKind = 'heading' | 'paragraph' | 'caption' | 'related';

/** A sentence inside a segment, as half-open UTF-16 offsets into the segment text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** One paragraph-sized unit of an article's source text. */
export interface Segment {
  /** Assigned once when first imported, never renumbered (`p1`, `p2`, …). */
  key: string;
  kind: SegmentKind;
  /** NFC text, no line breaks. */
  text: string;
  /** `sha256(text)` truncated: identifies the source version a translation was made from. */
  hash: string;
  /** 1-based line in `originals/<id>.txt` where this segment stands (for file:line reports). */
  line: number;
  /** Set when a re-import removed the paragraph: kept for the record, no longer translated. */
  obsolete?: boolean;
  /** Source text before the last re-import changed it (what `msgmerge --previous` keeps). */
  previousText?: string;
}

/** An article: where it came from and its segments in document order. */
export interface Article {
  id: string;
  sourceLang: Lang;
  /** The Vietnamese (or other) original this text was translated from: the `Source :` URL. */
  originUrl: string | null;
  /** Path of the stored original, relative to the project root (`originals/<id>.txt`). */
  originalPath: string;
  /**
   * Document order, explicitly: active and obsolete keys alike. Object key order is never
   * relied on for meaning.
   */
  order: string[];
  segments: Record<string, Segment>;
  /** The next number to use for a new key: keys are never reused. */
  nextKeyNumber: number;
  /**
   * Per-segment reference text of the origin (e.g. the Vietnamese paragraph aligned to it),
   * filled by `verso align --origin`.
   */
  origin?: Record<string, string>;
}

/** Workflow status stored per segment and target language. `stale` is derived, never stored. */
export type StoredStatus = 'untranslated' | 'machine' | 'draft' | 'approved';
/** What a user sees: stored status, or `stale` when the source changed since the work was done. */
export type SegmentStatus = StoredStatus | 'stale';

/** A proposed translation: from an engine (machine) or from a person or import (human). */
export interface Candidate {
  origin: 'machine' | 'human';
  /** Engine id (`deepl`, `memory`) for machine candidates; author or tool for human ones. */
  by: string;
  text: string;
  /** Hash of the source text the candidate translates. */
  sourceHash: string;
  /** ISO timestamp. */
  at: string;
  /** Translation-memory match percentage, when the engine reports one. */
  match?: number;
  /** Free-form note (e.g. the DeepL model type, or the XLIFF note). */
  note?: string;
}

/** A human's working text for a segment. */
export interface Draft {
  text: string;
  by: string;
  at: string;
  sourceHash: string;
}

/** The approved translation: exactly what the target locale file holds for the key. */
export interface Approval {
  text: string;
  by: string;
  at: string;
  /** Hash of the source when approved; a different current hash makes the segment stale. */
  sourceHash: string;
  /** The source text when approved: the "previous source" a stale segment is diffed against. */
  sourceText: string;
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  text?: string;
}

export interface QaIgnore {
  check: string;
  reason: string;
  by: string;
  at: string;
}

export interface SegmentState {
  status: StoredStatus;
  candidates: Candidate[];
  draft: Draft | null;
  approved: Approval | null;
  qaIgnored?: QaIgnore[];
  history: HistoryEntry[];
}

/** Review state of one article in one target language. */
export interface ReviewState {
  article: string;
  lang: Lang;
  segments: Record<string, SegmentState>;
}

/** At most this many history entries per segment are kept (see `capHistory`). */
export const HISTORY_LIMIT = 20;

/** History action under which notes exchanged through XLIFF (with an agency's CAT tool) are kept. */
export const NOTE_ACTION = 'note';

/**
 * The history kept of a segment: at most {@link HISTORY_LIMIT} entries, the oldest dropped first.
 * Notes are content (the agency's questions, the translator's remarks) that verso exports again,
 * not a log: they go only once every other entry has, so a busy segment does not lose them.
 */
export function capHistory(history: HistoryEntry[]): HistoryEntry[] {
  const excess = history.length - HISTORY_LIMIT;
  if (excess <= 0) return history;
  const logEntries = history.filter((h) => h.action !== NOTE_ACTION).length;
  let dropLog = Math.min(excess, logEntries);
  let dropNotes = excess - dropLog;
  // Oldest first within each kind: the entries are in time order.
  return history.filter((h) => (h.action === NOTE_ACTION ? dropNotes-- <= 0 : dropLog-- <= 0));
}
