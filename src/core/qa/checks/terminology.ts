/** `glossary` and `do-not-translate`: the project's terminology, from its glossary file. */
import { escapeRegExp, quote } from '../text.js';
import type { QaOptions, SegmentPair } from '../types.js';
import type { Draft } from './registry.js';

/**
 * A term as a regular expression: whole words only, either apostrophe, and an optional plural
 * ending (`ministère` matches `ministères`, `ministry` matches `ministries` via the alternatives).
 */
function termPattern(term: string, flags: string): RegExp {
  const body = escapeRegExp(term.trim()).replace(/['’]/g, "['’]").replace(/\s+/g, '[\\s\\u00A0\\u202F]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|x)?(?![\\p{L}\\p{N}])`, flags);
}

export function checkGlossary(pair: SegmentPair, opts: QaOptions): Draft[] {
  const out: Draft[] = [];
  for (const entry of opts.terminology?.glossary ?? []) {
    const wanted = entry.targets[opts.targetLang] ?? entry.targets[opts.targetLang.split('-')[0] ?? ''];
    if (!wanted || wanted.length === 0) continue;
    const hit = termPattern(entry.source, 'iu').exec(pair.source);
    if (!hit) continue;
    if (wanted.some((w) => termPattern(w, 'iu').test(pair.target))) continue;
    out.push({
      check: 'glossary',
      message: `glossary: “${quote(hit[0])}” must be translated as “${wanted.join('” or “')}”`,
      span: { side: 'source', start: hit.index, end: hit.index + hit[0].length },
    });
  }
  return out;
}

export function checkDoNotTranslate(pair: SegmentPair, opts: QaOptions): Draft[] {
  const out: Draft[] = [];
  for (const term of opts.terminology?.doNotTranslate ?? []) {
    const body = escapeRegExp(term.trim()).replace(/['’]/g, "['’]");
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
    const hit = re.exec(pair.source);
    if (!hit || re.test(pair.target)) continue;
    out.push({
      check: 'do-not-translate',
      message: `“${quote(term)}” must stay as it is in the translation`,
      span: { side: 'source', start: hit.index, end: hit.index + hit[0].length },
    });
  }
  return out;
}
