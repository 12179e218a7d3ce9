import { describe, expect, it } from 'vitest';
import { highlightMatches, type Line } from '../../../src/ui/view/lines.js';

describe('search matches in the details', () => {
  it('marks every occurrence in running text, whatever its case, and keeps the rest of the line', () => {
    const line: Line = [{ text: 'Selon Reuters, Genève et genève', style: 'text' }, { text: ' · Genève', style: 'label' }];
    expect(highlightMatches(line, 'genève')).toEqual([
      { text: 'Selon Reuters, ', style: 'text' },
      { text: 'Genève', style: 'match' },
      { text: ' et ', style: 'text' },
      { text: 'genève', style: 'match' },
      // Labels are the screen's words, not the segment's: never marked.
      { text: ' · Genève', style: 'label' },
    ]);
  });

  it('marks Vietnamese text, leaves a line without a match as it was', () => {
    const line: Line = [{ text: 'Bộ trưởng Quốc phòng', style: 'origin' }];
    expect(highlightMatches(line, 'quốc')).toEqual([
      { text: 'Bộ trưởng ', style: 'origin' },
      { text: 'Quốc', style: 'match' },
      { text: ' phòng', style: 'origin' },
    ]);
    expect(highlightMatches(line, 'kremlin')).toEqual(line);
  });
});
