import { describe, expect, it } from 'vitest';
import { indexLocaleKeys } from '../../../src/core/catalog/locale-keys.js';
import { serializeLocale } from '../../../src/core/catalog/locale-file.js';

describe('indexLocaleKeys', () => {
  it('gives the line of every key of a file as verso writes it', () => {
    const text = serializeLocale([['p1', 'Un.'], ['p2', 'Il a dit « oui » : "bien".'], ['p10', 'Trois.']]);
    const { lines, duplicates } = indexLocaleKeys(text);
    expect([...lines]).toEqual([['p1', 2], ['p2', 3], ['p10', 4]]);
    expect(duplicates).toEqual([]);
  });

  it('reports a key written twice, with the last occurrence as the published one', () => {
    const text = '{\n  "p1": "a",\n  "p2": "b",\n  "p1": "c",\n  "p1": "d"\n}\n';
    expect(JSON.parse(text)).toEqual({ p1: 'd', p2: 'b' });
    const { lines, duplicates } = indexLocaleKeys(text);
    expect(lines.get('p1')).toBe(5);
    expect(duplicates).toEqual([{ key: 'p1', line: 5, shadowed: [2, 4] }]);
  });

  it('reads any layout: one line, two keys on a line, a value on the next line, escapes', () => {
    const text = '{"a": "x: y", "b\\u0031": "z",\n"c"\n  :\n "\\"d\\": e", "a": "again"}';
    const { lines, duplicates } = indexLocaleKeys(text);
    expect([...lines]).toEqual([['a', 4], ['b1', 1], ['c', 2]]);
    expect(duplicates).toEqual([{ key: 'a', line: 4, shadowed: [1] }]);
  });

  it('does not take a value that contains `":` for a key', () => {
    const text = '{\n  "p1": "il a dit \\"oui\\": bien",\n  "p2": "b"\n}\n';
    const { lines, duplicates } = indexLocaleKeys(text);
    expect([...lines]).toEqual([['p1', 2], ['p2', 3]]);
    expect(duplicates).toEqual([]);
  });

  it('handles an empty object and CRLF line ends', () => {
    expect(indexLocaleKeys('{}\n').lines.size).toBe(0);
    expect([...indexLocaleKeys('{\r\n  "p1": "a",\r\n  "p2": "b"\r\n}\r\n').lines]).toEqual([['p1', 2], ['p2', 3]]);
  });
});
