/** `whitespace-start`, `whitespace-end`, `whitespace-double`, `newline`, `blank`. */
import type { SegmentPair } from '../types.js';
import type { Draft } from './registry.js';


export function checkBlank(pair: SegmentPair): Draft[] {
  return pair.target.trim() === '' ? [{ check: 'blank', message: 'the translation is empty', span: null }] : [];
}

export function checkWhitespace(pair: SegmentPair): Draft[] {
  const { source, target } = pair;
  if (target.trim() === '') return [];
  const out: Draft[] = [];
  const lead = (t: string) => /^[\s\u00A0\u202F\u2009]*/u.exec(t)![0];
  // From the end by hand: an end-anchored regex is tried at every position of the text.
  const trail = (t: string) => {
    let i = t.length;
    while (i > 0 && /[\s\u00A0\u202F\u2009]/u.test(t[i - 1]!)) i--;
    return t.slice(i);
  };
  const tl = lead(target);
  const tt = trail(target);
  if (tl !== lead(source) && tl !== '') out.push({ check: 'whitespace-start', message: 'the translation starts with whitespace', span: { side: 'target', start: 0, end: tl.length } });
  else if (tl !== lead(source)) out.push({ check: 'whitespace-start', message: 'the source starts with whitespace, the translation does not', span: null });
  if (tt !== trail(source) && tt !== '') out.push({ check: 'whitespace-end', message: 'the translation ends with whitespace', span: { side: 'target', start: target.length - tt.length, end: target.length } });
  else if (tt !== trail(source)) out.push({ check: 'whitespace-end', message: 'the source ends with whitespace, the translation does not', span: null });
  const inner = target.slice(tl.length, target.length - tt.length);
  for (const m of inner.matchAll(/[ \u00A0\u202F\u2009\t]{2,}/gu)) {
    const start = tl.length + m.index;
    out.push({ check: 'whitespace-double', message: `${m[0].length} spaces in a row`, span: { side: 'target', start, end: start + m[0].length } });
  }
  if (/[\r\n]/.test(inner) && !/[\r\n]/.test(source)) {
    const i = tl.length + inner.search(/[\r\n]/);
    out.push({ check: 'newline', message: 'a line break inside the translation of a one-line segment', span: { side: 'target', start: i, end: i + 1 } });
  }
  return out;
}
