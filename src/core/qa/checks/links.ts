/** `urls`, `emails`, `placeholders`: things a translation must carry over character for character. */
import { findEmails, findUrls, quote, type Found } from '../text.js';
import type { CheckId, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

function compareVerbatim(check: CheckId, noun: string, source: Found[], target: Found[]): Draft[] {
  if (source.length === 0 && target.length === 0) return [];
  const out: Draft[] = [];
  const remaining = [...target];
  const missing: Found[] = [];
  for (const s of source) {
    const i = remaining.findIndex((t) => t.text === s.text);
    if (i >= 0) remaining.splice(i, 1);
    else missing.push(s);
  }
  for (const s of missing) {
    // A target item in the same position that differs is the altered copy: point at it.
    const altered = remaining.shift();
    out.push(
      altered
        ? { check, message: `${noun} ${quote(s.text, 80)} was altered to ${quote(altered.text, 80)}`, span: { side: 'target', start: altered.start, end: altered.end } }
        : { check, message: `${noun} ${quote(s.text, 80)} is missing from the translation`, span: { side: 'source', start: s.start, end: s.end } },
    );
  }
  for (const t of remaining) {
    out.push({ check, message: `the translation adds ${noun} ${quote(t.text, 80)} that the source does not have`, span: { side: 'target', start: t.start, end: t.end } });
  }
  return out;
}

export function checkUrls(pair: SegmentPair): Draft[] {
  return compareVerbatim('urls', 'URL', findUrls(pair.source), findUrls(pair.target));
}

export function checkEmails(pair: SegmentPair): Draft[] {
  return compareVerbatim('emails', 'e-mail address', findEmails(pair.source), findEmails(pair.target));
}

const PLACEHOLDER = /\{\{[^{}]+\}\}|\$t\([^()]*\)/g;

function findPlaceholders(text: string): Found[] {
  // Cheap test first: almost no paragraph of an article has a placeholder.
  if (!text.includes('{{') && !text.includes('$t(')) return [];
  const out: Found[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m !== null; m = PLACEHOLDER.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function checkPlaceholders(pair: SegmentPair): Draft[] {
  return compareVerbatim('placeholders', 'placeholder', findPlaceholders(pair.source), findPlaceholders(pair.target));
}
