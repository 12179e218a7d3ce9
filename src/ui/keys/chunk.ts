/**
 * Several keys can arrive in one chunk of input (`jjj` from key repeat, `j` then Enter typed
 * fast). Ink reports such a chunk as one string; the review screen takes it apart so each key
 * is one command, as if it had arrived alone.
 */
import type { Key } from 'ink';

export const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** One character of a multi-key chunk as Ink would have reported it alone. */
export function keyOfChar(ch: string): [string, Key] {
  if (ch === '\r') return ['', { ...NO_KEY, return: true }];
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\u007f' || ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  if (ch === '\u001b') return ['', { ...NO_KEY, escape: true, meta: true }];
  const code = ch.charCodeAt(0);
  if (ch !== '\n' && code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return [ch, NO_KEY];
}
