/**
 * Runs the QA checks: all segment checks on one pair, or segment and article checks on every
 * translated segment of an article in one target language. Pure: text and options in, findings out.
 */
import { checkNameConsistency, checkTranslationConsistency, type KeyedPair } from './checks/consistency.js';
import { checkEmails, checkPlaceholders, checkUrls } from './checks/links.js';
import { checkNumbers } from './checks/numbers.js';
import { checkBrackets, checkEndPunctuation, checkPunctuationSpacing, checkQuotes } from './checks/punctuation.js';
import { CHECKS, type Draft } from './checks/registry.js';
import { checkSecondOpinion } from './checks/second-opinion.js';
import { checkDoNotTranslate, checkGlossary } from './checks/terminology.js';
import { checkBlank, checkWhitespace } from './checks/whitespace.js';
import { checkDoubleWords, checkLengthRatio, checkUntranslated } from './checks/words.js';
import type { CheckId, QaFinding, QaOptions, SegmentPair, Severity } from './types.js';

type SegmentCheck = (pair: SegmentPair, opts: QaOptions) => Draft[];

/** Each check function with the ids it can report, in report order: the most consequential first. */
const SEGMENT_CHECKS: Array<{ ids: CheckId[]; run: SegmentCheck }> = [
  { ids: ['untranslated'], run: checkUntranslated },
  { ids: ['numbers', 'dates'], run: checkNumbers },
  { ids: ['urls'], run: checkUrls },
  { ids: ['emails'], run: checkEmails },
  { ids: ['placeholders'], run: checkPlaceholders },
  { ids: ['glossary'], run: checkGlossary },
  { ids: ['do-not-translate'], run: checkDoNotTranslate },
  { ids: ['quotes'], run: checkQuotes },
  { ids: ['punctuation-spacing'], run: checkPunctuationSpacing },
  { ids: ['end-punctuation'], run: checkEndPunctuation },
  { ids: ['brackets'], run: checkBrackets },
  { ids: ['whitespace-start', 'whitespace-end', 'whitespace-double', 'newline'], run: checkWhitespace },
  { ids: ['double-word'], run: checkDoubleWords },
  { ids: ['length-ratio'], run: checkLengthRatio },
  { ids: ['mt-disagrees'], run: checkSecondOpinion },
];

export function severityOf(check: CheckId, opts: Pick<QaOptions, 'severity'>): Severity | 'off' {
  return opts.severity?.[check] ?? CHECKS[check].severity;
}

function finish(drafts: Draft[], opts: QaOptions): QaFinding[] {
  const out: QaFinding[] = [];
  addFindings(out, drafts, opts);
  return out;
}

/**
 * Each draft with its severity, into `out`; drafts of checks switched off are dropped. A weak
 * draft is `info` even where the project raised the check's severity: raising it says how much a
 * real finding matters, not that a likely deliberate rewording should fail the build.
 */
function addFindings(out: QaFinding[], drafts: Draft[], opts: QaOptions): void {
  for (const d of drafts) {
    const severity = severityOf(d.check, opts);
    if (severity === 'off') continue;
    out.push(d.weak ? { check: d.check, message: d.message, span: d.span, severity: 'info' } : { ...d, severity });
  }
}

/** Whether any of the ids a check can report is on. */
function anyOn(ids: CheckId[], opts: QaOptions): boolean {
  for (const id of ids) if (severityOf(id, opts) !== 'off') return true;
  return false;
}

export function runSegmentQa(pair: SegmentPair, opts: QaOptions): QaFinding[] {
  // An empty translation gets one finding (`blank`), not one per missing number and quote.
  if (pair.target.trim() === '') return finish(checkBlank(pair), opts);
  const out: QaFinding[] = [];
  for (const { ids, run } of SEGMENT_CHECKS) {
    if (!anyOn(ids, opts)) continue;
    const found = run(pair, opts);
    if (found.length === 0) continue;
    // A copy of the source is one problem, not also a missing Vietnamese month and so on.
    if (ids[0] === 'untranslated') return finish(found, opts);
    addFindings(out, found, opts);
  }
  return out;
}

export interface ArticlePair extends KeyedPair {
  machine?: string;
}

/** Findings per segment key, for the segments given (translated ones; order = document order). */
export function runArticleQa(pairs: ArticlePair[], opts: QaOptions): Map<string, QaFinding[]> {
  const result = new Map<string, QaFinding[]>();
  for (const p of pairs) {
    const pair: SegmentPair = p.machine === undefined ? { source: p.source, target: p.target } : { source: p.source, target: p.target, machine: p.machine };
    result.set(p.key, runSegmentQa(pair, opts));
  }
  const articleLevel = [
    severityOf('inconsistent-name', opts) === 'off' ? null : checkNameConsistency(pairs),
    severityOf('inconsistent-translation', opts) === 'off' ? null : checkTranslationConsistency(pairs),
  ];
  for (const byKey of articleLevel) {
    if (!byKey) continue;
    for (const [key, drafts] of byKey) {
      const findings = result.get(key);
      if (findings === undefined) result.set(key, finish(drafts, opts));
      else addFindings(findings, drafts, opts);
    }
  }
  return result;
}
