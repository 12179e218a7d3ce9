/** `whitespace-start`, `whitespace-end`, `whitespace-double`, `newline`, `blank`. */
import { flagsAt, SPACE } from '../chars.js';
import type { SegmentPair } from '../types.js';
import type { Draft } from './registry.js';


export function checkBlank(pair: SegmentPair): Draft[] {
  return pair.target.trim() === '' ? [{ check: 'blank', message: 'the translation is empty', span: null }] : [];
}

export function checkWhitespace(pair: SegmentPair): Draft[] {
  const { source, target } = pair;
  if (target.trim() === '') return [];
  const out: Draft[] = [];
  // Leading and trailing white space (`\s`, which includes the no-break and thin spaces), by hand:
  // an end-anchored expression is tried at every position of the text.
  const tl = leadingSpace(target);
  const tt = trailingSpace(target);
  const sameLead = sameEdge(target, 0, tl, source, 0, leadingSpace(source));
  const st = trailingSpace(source);
  const sameTrail = sameEdge(target, target.length - tt, tt, source, source.length - st, st);
  if (!sameLead && tl !== 0) out.push({ check: 'whitespace-start', message: 'the translation starts with whitespace', span: { side: 'target', start: 0, end: tl } });
  else if (!sameLead) out.push({ check: 'whitespace-start', message: 'the source starts with whitespace, the translation does not', span: null });
  if (!sameTrail && tt !== 0) out.push({ check: 'whitespace-end', message: 'the translation ends with whitespace', span: { side: 'target', start: target.length - tt, end: target.length } });
  else if (!sameTrail) out.push({ check: 'whitespace-end', message: 'the source ends with whitespace, the translation does not', span: null });
  // Between the two: runs of two or more of space, no-break spaces, thin space and tab. The
  // characters at both ends of that middle part are not white space, so no run crosses them.
  const innerEnd = target.length - tt;
  DOUBLE_SPACE.lastIndex = tl;
  for (let m = DOUBLE_SPACE.exec(target); m !== null && m.index < innerEnd; m = DOUBLE_SPACE.exec(target)) {
    out.push({ check: 'whitespace-double', message: `${m[0].length} spaces in a row`, span: { side: 'target', start: m.index, end: m.index + m[0].length } });
  }
  const newline = firstLineBreak(target, tl, innerEnd);
  if (newline >= 0 && firstLineBreak(source, 0, source.length) < 0) {
    out.push({ check: 'newline', message: 'a line break inside the translation of a one-line segment', span: { side: 'target', start: newline, end: newline + 1 } });
  }
  return out;
}

/** Length of the white space a text starts with. */
function leadingSpace(text: string): number {
  let i = 0;
  while (i < text.length && (flagsAt(text, i) & SPACE) !== 0) i++;
  return i;
}

/** Length of the white space a text ends with. */
function trailingSpace(text: string): number {
  let i = text.length;
  while (i > 0 && (flagsAt(text, i - 1) & SPACE) !== 0) i--;
  return text.length - i;
}

/** Whether two runs of white space are the same characters. */
function sameEdge(a: string, aStart: number, aLength: number, b: string, bStart: number, bLength: number): boolean {
  if (aLength !== bLength) return false;
  for (let k = 0; k < aLength; k++) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

const DOUBLE_SPACE = /[ \u00A0\u202F\u2009\t]{2,}/g;

/** Index of the first `\r` or `\n` in `text[start, end)`, or -1. */
function firstLineBreak(text: string, start: number, end: number): number {
  // Line breaks are rare: look for them with the engine's scan, then check where they are.
  LINE_BREAK.lastIndex = start;
  const m = LINE_BREAK.exec(text);
  return m !== null && m.index < end ? m.index : -1;
}

const LINE_BREAK = /[\r\n]/g;
