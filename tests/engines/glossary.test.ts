import { describe, expect, it } from 'vitest';
import { glossaryHash, parseGlossaryTsv } from '../../src/engines/glossary.js';

describe('glossary TSV', () => {
  it('reads source<TAB>target lines, skipping blanks and # comments, NFC-normalised', () => {
    const { entries, problems } = parseGlossaryTsv('\uFEFF# fr → vi\nThủ tướng\tThủ tướng\n\nministre\tbộ trưởng\r\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      ['Thủ tướng'.normalize('NFC'), 'Thủ tướng'.normalize('NFC')],
      ['ministre', 'bộ trưởng'],
    ]);
  });

  it('reports every bad line with line and column', () => {
    const { entries, problems } = parseGlossaryTsv('a\tb\nno tab here\nx\ty\tz\n\tempty\na\tc\nbad\u0007\tterm\n');
    expect(entries).toEqual([['a', 'b']]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[2, 12], [3, 4], [4, 1], [5, 1], [6, 4]]);
    expect(problems[3]!.message).toMatch(/duplicate.*line 1/);
  });

  it('hashes the content: same entries, same hash; any change, another hash', () => {
    expect(glossaryHash([['a', 'b']])).toBe(glossaryHash([['a', 'b']]));
    expect(glossaryHash([['a', 'b']])).not.toBe(glossaryHash([['a', 'c']]));
  });
});
