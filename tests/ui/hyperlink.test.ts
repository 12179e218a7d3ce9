import { describe, expect, it } from 'vitest';
import { hyperlink, safeHttpUrl } from '../../src/ui/hyperlink.js';

describe('terminal hyperlinks', () => {
  it('accepts plain http(s) URLs, in canonical form', () => {
    expect(safeHttpUrl('https://thanhnien.vn/bo-truong-quoc-phong-nga-185240626070252909.htm')).toBe('https://thanhnien.vn/bo-truong-quoc-phong-nga-185240626070252909.htm');
    // Non-ASCII is percent-encoded, never passed raw into the escape sequence.
    expect(safeHttpUrl('https://vi.wikipedia.org/wiki/Bộ_Quốc_phòng')).toBe('https://vi.wikipedia.org/wiki/B%E1%BB%99_Qu%E1%BB%91c_ph%C3%B2ng');
  });

  it('refuses other schemes, credentials, and anything that could end the sequence early', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('file:///etc/passwd')).toBeNull();
    expect(safeHttpUrl('https://user:secret@example.com/')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    const hostile = safeHttpUrl('https://example.com/\u001b]52;c;ZXZpbA==\u0007');
    expect(hostile === null || !/[\u0000-\u001f\u007f]/.test(hostile)).toBe(true);
  });

  it('wraps a label in OSC 8 with the URL', () => {
    expect(hyperlink('https://a.example/', 'a')).toBe('\u001b]8;;https://a.example/\u001b\\a\u001b]8;;\u001b\\');
  });
});
