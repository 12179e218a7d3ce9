import { describe, expect, it } from 'vitest';
import { flagsAt, isWordCharAt, LETTER, LOWER, MARK, NUMBER, SPACE, UPPER } from '../../../src/core/qa/chars.js';

describe('character classes for hand-written scanners', () => {
  it('agree with the \\p{…} classes of a u-flag regex on every BMP character', () => {
    const classes: Array<[number, RegExp]> = [[LETTER, /\p{L}/u], [NUMBER, /\p{N}/u], [UPPER, /\p{Lu}/u], [LOWER, /\p{Ll}/u], [MARK, /\p{M}/u], [SPACE, /\s/u]];
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      const flags = flagsAt(ch, 0);
      for (const [flag, re] of classes) if (((flags & flag) !== 0) !== re.test(ch)) wrong.push(`U+${cp.toString(16)} ${re.source}`);
    }
    expect(wrong).toEqual([]);
  });

  it('give both halves of a surrogate pair the class of the whole character, and none to a lone half', () => {
    const text = 'a\u{1D400}b\uD800c'; // MATHEMATICAL BOLD CAPITAL A is an upper-case letter
    expect(flagsAt(text, 1) & (LETTER | UPPER)).toBe(LETTER | UPPER);
    expect(flagsAt(text, 2) & (LETTER | UPPER)).toBe(LETTER | UPPER);
    expect(flagsAt(text, 4) & LETTER).toBe(0);
    expect([...'x1 é-'].map((_, i) => isWordCharAt('x1 é-', i))).toEqual([true, true, false, true, false]);
    expect(isWordCharAt('x', -1)).toBe(false);
    expect(isWordCharAt('x', 1)).toBe(false);
  });
});
