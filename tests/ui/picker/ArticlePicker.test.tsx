import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { ArticlePicker } from '../../../src/ui/picker/ArticlePicker.js';
import { createTranslator } from '../../../src/ui/i18n/index.js';

afterEach(() => cleanup());

const entries = [
  { id: '000_8c1828b71475e020', originUrl: 'https://thanhnien.vn/a.htm', approved: 3, total: 9 },
  { id: '001_second', originUrl: null, approved: 4, total: 4 },
];

describe('the article picker', () => {
  it('lists each article with its progress and opens the chosen one with Enter', async () => {
    const chosen = vi.fn();
    const app = render(<ArticlePicker entries={entries} lang="en" t={createTranslator('en')} onChoose={chosen} />);
    expect(app.lastFrame()).toContain('000_8c1828b71475e020');
    expect(app.lastFrame()).toContain('3/9 approved');
    expect(app.lastFrame()).toContain('4/4 approved');
    app.stdin.write('j');
    await vi.waitFor(() => expect(app.lastFrame()).toMatch(/▸ 001_second/));
    app.stdin.write('\r');
    await vi.waitFor(() => expect(chosen).toHaveBeenCalledWith('001_second'));
  });

  it('q leaves without choosing; an empty project says how to add an article', async () => {
    const chosen = vi.fn();
    const app = render(<ArticlePicker entries={[]} lang="vi" t={createTranslator('fr')} onChoose={chosen} />);
    expect(app.lastFrame()).toContain('verso import');
    app.stdin.write('q');
    await vi.waitFor(() => expect(chosen).toHaveBeenCalledWith(null));
  });
});
