/**
 * The vocabulary of translation QA: what a check is called, how serious its findings are,
 * and where in the text a finding points.
 */
import type { Lang } from '../model.js';

export type Severity = 'error' | 'warning' | 'info';

/** Every check verso knows. Ids are stable: they appear in reports, config and `verso qa ignore`. */
export const CHECK_IDS = [
  'blank',
  'untranslated',
  'numbers',
  'dates',
  'urls',
  'emails',
  'placeholders',
  'quotes',
  'punctuation-spacing',
  'end-punctuation',
  'brackets',
  'whitespace-start',
  'whitespace-end',
  'whitespace-double',
  'newline',
  'double-word',
  'length-ratio',
  'glossary',
  'do-not-translate',
  'inconsistent-name',
  'inconsistent-translation',
  'mt-disagrees',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/** Half-open UTF-16 offsets into either the source or the target text of the segment. */
export interface Span {
  side: 'source' | 'target';
  start: number;
  end: number;
}

export interface QaFinding {
  check: CheckId;
  severity: Severity;
  /** One sentence a translator can act on. Contains excerpts of article text: sanitise before printing. */
  message: string;
  /** The offending text; `null` when the finding concerns the segment as a whole. */
  span: Span | null;
}

/** One glossary entry: a source term and the target term each language must use for it. */
export interface GlossaryEntry {
  source: string;
  /** Accepted renderings per target language; the first is the preferred one. */
  targets: Record<Lang, string[]>;
}

export interface Terminology {
  glossary: GlossaryEntry[];
  /** Names and terms that must appear verbatim in every translation (brands, titles of publications). */
  doNotTranslate: string[];
}

export interface QaOptions {
  sourceLang: Lang;
  targetLang: Lang;
  terminology?: Terminology;
  /** Per-check severity overrides; `off` disables a check. */
  severity?: Partial<Record<CheckId, Severity | 'off'>>;
  /**
   * Length ratio bounds, relative to the expected target/source length ratio of the language pair.
   * Defaults: below 0.5 or above 2 times the expected ratio is an outlier.
   */
  lengthRatio?: { min: number; max: number; minSourceLength: number };
}

/** What one segment-level check sees. */
export interface SegmentPair {
  source: string;
  target: string;
  /** The current machine candidate for the same source, when there is one (the second opinion). */
  machine?: string;
}
