/**
 * The result of `verso check`, as data. Every output format (text, JSON, GitHub annotations,
 * JUnit XML) is a pure function of this one structure, so they cannot disagree. The JSON format
 * is this structure minus the per-segment list; `check-report.schema.json` documents it.
 */
import type { FailOn } from '../config/config.js';
import type { Lang, SegmentStatus } from '../model.js';
import type { Severity, Span } from '../qa/types.js';

export const REPORT_SCHEMA_VERSION = 1;

/**
 * What a finding is about:
 * - `untranslated`, `unapproved`, `stale`: the segment's review status in that language;
 * - `qa`: a QA check on the approved translation (`check` says which);
 * - `orphan-key`: a locale file has a key the article does not (removed or invented);
 * - `hand-edited`: a target locale file's string differs from the approved one in the review
 *   state (edited or deleted by hand, not through verso), a locale file has a key twice, or the
 *   source-language locale file no longer holds the article's text (its findings have the
 *   source language as `lang`; a missing file is one finding with the key "").
 */
export type FindingKind = 'untranslated' | 'unapproved' | 'stale' | 'qa' | 'orphan-key' | 'hand-edited';

export interface IgnoredBy {
  reason: string;
  by: string;
  at: string;
}

export interface ReportFinding {
  kind: FindingKind;
  /** The `--fail-on` category this finding belongs to (null: informational, never fails). */
  gate: FailOn | null;
  /** Counts towards the exit code: its gate is in `--fail-on` and it is not ignored. */
  failing: boolean;
  article: string;
  lang: Lang;
  key: string;
  /** Project-relative file the finding points into (the locale file or the original), `/`-separated. */
  file: string;
  /** 1-based line in `file`, when known. */
  line: number | null;
  status: SegmentStatus | null;
  /** QA check id, for `kind: 'qa'`. */
  check: string | null;
  severity: Severity;
  message: string;
  /** The offending text, when the finding has a span. */
  excerpt: string | null;
  span: Span | null;
  /** Set when a person accepted this finding with `verso qa ignore`. */
  ignored: IgnoredBy | null;
}

/** One segment in one language: the unit of the JUnit report. */
export interface SegmentOutcome {
  article: string;
  lang: Lang;
  key: string;
  /** `orphan`: a key of a target locale file the source lacks; `source`: a key of the source locale file. */
  status: SegmentStatus | 'orphan' | 'source';
  file: string;
  line: number | null;
  /** Indices into `CheckReport.findings`. */
  findings: number[];
}

export interface LanguageSummary {
  lang: Lang;
  segments: number;
  byStatus: Record<SegmentStatus, number>;
  approvedPct: number;
  failing: number;
}

export interface CheckSummary {
  articles: number;
  segments: number;
  findings: number;
  failing: number;
  ignored: number;
  byKind: Partial<Record<FindingKind, number>>;
  byCheck: Record<string, number>;
  languages: LanguageSummary[];
}

export interface CheckReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  sourceLang: Lang;
  langs: Lang[];
  failOn: FailOn[];
  /** 0 when nothing failing was found, 1 otherwise (usage and input errors never get a report). */
  exitCode: 0 | 1;
  summary: CheckSummary;
  findings: ReportFinding[];
  segments: SegmentOutcome[];
}

/** Which `--fail-on` category a finding belongs to. */
export function gateOf(kind: FindingKind, severity: Severity): FailOn | null {
  switch (kind) {
    case 'untranslated':
      return 'untranslated';
    case 'unapproved':
    case 'hand-edited':
      // A string changed by hand is published text nobody approved.
      return 'unapproved';
    case 'stale':
    case 'orphan-key':
      // A key the source no longer has is published text for a paragraph that is gone.
      return 'stale';
    case 'qa':
      return severity === 'error' ? 'qa-error' : severity === 'warning' ? 'qa-warning' : null;
  }
}

/** Fills in `failing`, the summary and the exit code from the findings and the gates asked for. */
export function finishReport(input: {
  sourceLang: Lang;
  langs: Lang[];
  failOn: FailOn[];
  articles: number;
  findings: Omit<ReportFinding, 'gate' | 'failing'>[];
  segments: SegmentOutcome[];
  languages: Omit<LanguageSummary, 'failing'>[];
}): CheckReport {
  const gates = new Set(input.failOn);
  const findings: ReportFinding[] = input.findings.map((f) => {
    const gate = gateOf(f.kind, f.severity);
    // Every finding is built with the same fields in the same order (the order of the
    // interface, which the JSON report follows): a large check has tens of thousands of them,
    // and objects of one shape are far cheaper to build than spread copies.
    return {
      kind: f.kind,
      gate,
      failing: gate !== null && gates.has(gate) && f.ignored === null,
      article: f.article,
      lang: f.lang,
      key: f.key,
      file: f.file,
      line: f.line,
      status: f.status,
      check: f.check,
      severity: f.severity,
      message: f.message,
      excerpt: f.excerpt,
      span: f.span,
      ignored: f.ignored,
    };
  });
  const byKind: Partial<Record<FindingKind, number>> = {};
  const byCheck: Record<string, number> = {};
  const failingByLang = new Map<string, number>();
  let failing = 0;
  let ignored = 0;
  for (const f of findings) {
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    if (f.check) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
    if (f.failing) {
      failing++;
      failingByLang.set(f.lang, (failingByLang.get(f.lang) ?? 0) + 1);
    }
    if (f.ignored) ignored++;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    sourceLang: input.sourceLang,
    langs: input.langs,
    failOn: input.failOn,
    exitCode: failing > 0 ? 1 : 0,
    summary: {
      articles: input.articles,
      // Counted from the languages' totals: the per-segment list may have been left out.
      segments: input.languages.reduce((n, l) => n + l.segments, 0),
      findings: findings.length,
      failing,
      ignored,
      byKind,
      byCheck,
      languages: input.languages.map((l) => ({ ...l, failing: failingByLang.get(l.lang) ?? 0 })),
    },
    findings,
    segments: input.segments,
  };
}
