import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/storage/json.js';
import { FileProblemError } from '../../src/storage/errors.js';

describe('parseJsonText', () => {
  it('parses ordinary files, including non-ASCII text', () => {
    expect(parseJsonText('{"p1": "Xuất khẩu tăng 3,5%", "n": [1, true, null]}\n', 'a.json')).toEqual({ p1: 'Xuất khẩu tăng 3,5%', n: [1, true, null] });
  });

  // The forbidden names are refused however the key is spelled (the fast path without a reviver
  // must not let an escaped spelling through).
  it.each([
    ['{"a": {"__proto__": {"x": 1}}}', '__proto__'],
    ['{"constructor": 1}', 'constructor'],
    ['{"a": [{"prototype": 2}]}', 'prototype'],
    ['{"\\u005f_proto__": {"x": 1}}', '__proto__'],
    ['{"pro\\u0074otype": 1}', 'prototype'],
  ])('refuses %s', (text, name) => {
    let error: unknown;
    try {
      parseJsonText(text, 'a.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileProblemError);
    expect((error as Error).message).toContain(`"${name}"`);
  });

  it('accepts the forbidden words inside string values', () => {
    expect(parseJsonText('{"p1": "the constructor of the prototype"}', 'a.json')).toEqual({ p1: 'the constructor of the prototype' });
  });
});
