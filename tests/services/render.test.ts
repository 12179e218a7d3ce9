/**
 * `verso render` through the service: i18next assembles the article from the locale files,
 * unapproved segments fall back to the source and are marked (or refused), text is never
 * treated as a template or as markup, and the origin is credited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProject, type Project } from '../../src/storage/project.js';
import { approve } from '../../src/services/review.js';
import { assembleSegments, creditLabel, IncompleteRenderError, renderArticle } from '../../src/services/render.js';
import { runCli, tempProject } from '../support/cli.js';

const ana = { by: 'ana', at: '2026-11-27T09:00:00.000Z' };
const ORIGIN = 'https://example.vn/article-1.htm?a=1&b=2';
const EN_P2 = 'The first paragraph holds {{name}} and $t(p1), uninterpolated.';

describe('verso render', () => {
  let project: Project;
  beforeAll(async () => {
    const dir = await tempProject(['en', 'vi']);
    writeFileSync(
      join(dir, 'essai.txt'),
      ['Titre : un essai de rendu', 'Le premier paragraphe contient {{name}} et $t(p1), sans interpolation.', '# pas un titre, <b>gras</b> & *étoiles*', `Source : ${ORIGIN}`, ''].join('\n'),
    );
    const r = await runCli(['import', 'essai.txt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    project = await openProject(dir);
    await approve(project, { article: 'essai', lang: 'en' }, ['p1'], ana, 'Title: a rendering test');
    await approve(project, { article: 'essai', lang: 'en' }, ['p2'], ana, EN_P2);
  });

  it('takes approved segments from the target file and marks the ones i18next took from the source', async () => {
    const result = await renderArticle(project, { article: 'essai', targetLang: 'en', format: 'txt' });
    expect(result.text).toBe(
      ['Title: a rendering test', EN_P2, '[fr] # pas un titre, <b>gras</b> & *étoiles*', `Source: ${ORIGIN}`, ''].join('\n'),
    );
    expect(result.fallbackKeys).toEqual(['p3']);
    expect(result.segments.map((s) => s.lang)).toEqual(['en', 'en', 'fr']);
  });

  it('credits the origin in the target language’s form (French keeps the seed’s « Source : »)', async () => {
    expect(creditLabel('fr')).toBe('Source :');
    expect(creditLabel('pt-br')).toBe('Fonte:');
    const vi = await renderArticle(project, { article: 'essai', targetLang: 'vi', format: 'txt' });
    expect(vi.text.trimEnd().split('\n').at(-1)).toBe(`Nguồn: ${ORIGIN}`);
    expect(vi.fallbackKeys).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses with --require-complete, naming the segments', async () => {
    await expect(renderArticle(project, { article: 'essai', targetLang: 'en', format: 'txt', requireComplete: true })).rejects.toThrow(IncompleteRenderError);
    await expect(renderArticle(project, { article: 'essai', targetLang: 'en', format: 'txt', requireComplete: true })).rejects.toThrow(/1 segment not approved \(p3\)/);
  });

  it('names a stale segment (approved before its source changed), and --require-complete refuses it', async () => {
    const dir = await tempProject(['en']);
    writeFileSync(join(dir, 'maj.txt'), ['Le taux a atteint 7,5 % le 25 juin.', 'Un second paragraphe.', `Source : ${ORIGIN}`, ''].join('\n'));
    expect((await runCli(['import', 'maj.txt'], { cwd: dir })).code).toBe(0);
    const p = await openProject(dir);
    await approve(p, { article: 'maj', lang: 'en' }, ['p1'], ana, 'The rate reached 7.5% on June 25.');
    await approve(p, { article: 'maj', lang: 'en' }, ['p2'], ana, 'A second paragraph.');
    expect((await renderArticle(p, { article: 'maj', targetLang: 'en', format: 'txt', requireComplete: true })).staleKeys).toEqual([]);
    // The newsroom corrects the date: the approved translation still says June 25.
    writeFileSync(join(dir, 'maj.txt'), ['Le taux a atteint 7,5 % le 26 juin.', 'Un second paragraphe.', `Source : ${ORIGIN}`, ''].join('\n'));
    expect((await runCli(['import', 'maj.txt', '--id', 'maj'], { cwd: dir })).code).toBe(0);
    const result = await renderArticle(p, { article: 'maj', targetLang: 'en', format: 'txt' });
    expect(result.text.split('\n')[0]).toBe('The rate reached 7.5% on June 25.');
    expect(result.fallbackKeys).toEqual([]);
    expect(result.staleKeys).toEqual(['p1']);
    await expect(renderArticle(p, { article: 'maj', targetLang: 'en', format: 'txt', requireComplete: true })).rejects.toThrow(/not complete in en: 1 segment stale, approved before the source changed \(p1\)/);
    const cli = await runCli(['render', 'maj', '--to', 'en'], { cwd: dir });
    expect(cli.code).toBe(0);
    expect(cli.stderr).toContain('note: 1 of 2 segments were approved before their source changed and may be out of date (p1); verso diff maj --to en shows the changes');
    const refused = await runCli(['render', 'maj', '--to', 'en', '--require-complete'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('next: review and approve them again (verso review maj --to en)');
  });

  it('writes Markdown with headings and captions, escaping what Markdown would read as markup', async () => {
    const { text } = await renderArticle(project, { article: 'essai', targetLang: 'en', format: 'md' });
    expect(text).toBe(
      [
        '## Title: a rendering test',
        '',
        'The first paragraph holds {{name}} and $t(p1), uninterpolated.',
        '',
        '*[fr]* *\\# pas un titre, \\<b\\>gras\\</b\\> & \\*étoiles\\**',
        '',
        `Source: <${ORIGIN}>`,
        '',
      ].join('\n'),
    );
  });

  it('writes HTML with every text escaped and fallbacks marked with their language', async () => {
    const { text } = await renderArticle(project, { article: 'essai', targetLang: 'en', format: 'html' });
    expect(text).toContain('<h2 data-key="p1">Title: a rendering test</h2>');
    expect(text).toContain('<p data-key="p3" lang="fr" class="caption verso-fallback"><em># pas un titre, &lt;b&gt;gras&lt;/b&gt; &amp; *étoiles*</em></p>');
    expect(text).toContain(`<p class="source">Source: <a href="https://example.vn/article-1.htm?a=1&amp;b=2">https://example.vn/article-1.htm?a=1&amp;b=2</a></p>`);
    expect(text.startsWith('<article lang="en">')).toBe(true);
  });

  it('finds regional target languages as verso writes them (pt-br, zh-hant)', async () => {
    const article = {
      id: 'a', sourceLang: 'fr', originUrl: null, originalPath: 'originals/a.txt', order: ['p1', 'p2'], nextKeyNumber: 3,
      segments: {
        p1: { key: 'p1', kind: 'paragraph' as const, text: 'Un.', hash: 'h1', line: 1 },
        p2: { key: 'p2', kind: 'paragraph' as const, text: 'Deux.', hash: 'h2', line: 2 },
      },
    };
    for (const lang of ['pt-br', 'zh-hant']) {
      const segments = await assembleSegments(article, lang, { p1: 'Un.', p2: 'Deux.' }, { p1: 'T1' });
      expect(segments.map((s) => [s.text, s.lang, s.fallback])).toEqual([['T1', lang, false], ['Deux.', 'fr', true]]);
    }
  });
});
