/** `numbers` and `dates`: every number, date and time of the source, as a value, in the target. */
import { compareTokens, extractNumericTokens, type NumericToken } from '../numbers.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function describe(t: NumericToken): string {
  if (t.kind === 'month') return `month ${MONTH_NAMES[t.value - 1] ?? t.value} (“${t.text}”)`;
  if (t.kind === 'time') return `time “${t.text}”`;
  return `“${t.text}”`;
}

export function checkNumbers(pair: SegmentPair, opts: QaOptions): Draft[] {
  // Digits alone first: when they agree (the usual case) spelled-out numbers cannot change that.
  const digitsOnly = compareTokens(extractNumericTokens(pair.source, opts.sourceLang, { words: false }), extractNumericTokens(pair.target, opts.targetLang, { words: false }));
  if (digitsOnly.missing.length === 0 && digitsOnly.extra.length === 0) return [];
  const src = extractNumericTokens(pair.source, opts.sourceLang);
  const tgt = extractNumericTokens(pair.target, opts.targetLang);
  const { missing, extra } = compareTokens(src, tgt);
  const out: Draft[] = [];
  const unpairedExtra = [...extra];
  for (const m of missing) {
    // Pair a missing value with a target value of the same kind: that is the likely mistranslation.
    const i = unpairedExtra.findIndex((e) => e.kind === m.kind);
    const wrong = i >= 0 ? unpairedExtra.splice(i, 1)[0] : undefined;
    const check = m.kind === 'month' ? 'dates' : 'numbers';
    out.push(
      wrong
        ? { check, message: `source ${describe(m)} became ${describe(wrong)} in the translation`, span: { side: 'target', start: wrong.start, end: wrong.end } }
        : { check, message: `source ${describe(m)} is missing from the translation`, span: { side: 'source', start: m.start, end: m.end } },
    );
  }
  for (const e of unpairedExtra) {
    out.push({ check: e.kind === 'month' ? 'dates' : 'numbers', message: `translation has ${describe(e)}, which the source does not have`, span: { side: 'target', start: e.start, end: e.end } });
  }
  return out;
}

