import type { Key } from 'ink';
import type { SegmentRow } from '../../../src/ui/state/reviewReducer.js';
import type { SegmentStatus } from '../../../src/core/model.js';

export function row(key: string, status: SegmentStatus, text = `text of ${key}`, qaIssues = 0): SegmentRow {
  return { key, status, qaIssues, haystack: `${key}\n${text}`.toLowerCase() };
}

export function key(flags: Partial<Key> = {}): Key {
  return {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
    home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
    backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
    ...flags,
  };
}
