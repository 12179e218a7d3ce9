/**
 * The translate service on real temporary projects, with the real deepl-node client against the
 * DeepL-compatible server: what gets sent, what gets saved, and what survives each failure.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { translateProject, type TranslateOptions } from '../../src/services/translate.js';
import { selectEngine } from '../../src/services/translate-engine.js';
import { DeepLEngine } from '../../src/engines/deepl.js';
import { loadArticle, loadState, listArticles } from '../../src/storage/store.js';
import { approve } from '../../src/services/review.js';
import { openProject, type Project } from '../../src/storage/project.js';
import { UserError } from '../../src/services/errors.js';
import { startDeepLServer, fakeTranslate, TEST_AUTH_KEY, type DeepLTestServer } from '../support/deepl-server.js';
import { snapshotTree } from '../support/cli.js';
import { articleText, makeProject } from './translate-fixtures.js';

let server: DeepLTestServer;
beforeEach(async () => {
  server = await startDeepLServer();
});
afterEach(async () => {
  await server.close();
});

const deeplEngine = (extra: Partial<ConstructorParameters<typeof DeepLEngine>[0]> = {}) =>
  new DeepLEngine({ authKey: TEST_AUTH_KEY, serverUrl: server.url, maxAttempts: 2, requestTimeoutMs: 2000, ...extra });

function run(project: Project, options: Partial<TranslateOptions> = {}) {
  return translateProject(project, { engine: deeplEngine(), langs: ['en'], concurrency: 1, ...options });
}

/** Every machine candidate of a language, as `article/key → text`. */
async function candidates(project: Project, lang = 'en'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of await listArticles(project)) {
    const state = await loadState(project, id, lang);
    for (const [key, s] of Object.entries(state.segments)) {
      for (const c of s.candidates) if (c.origin === 'machine') out.set(`${id}/${key}`, c.text);
    }
  }
  return out;
}

async function activeTexts(project: Project): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of await listArticles(project)) {
    const a = await loadArticle(project, id);
    for (const key of a.order) if (!a.segments[key]!.obsolete) out.set(`${id}/${key}`, a.segments[key]!.text);
  }
  return out;
}

const codePointSum = (texts: Iterable<string>) => [...texts].reduce((n, t) => n + [...t].length, 0);

describe('translate service', () => {
  it('sends an article in requests of at most 50 texts with its headline and lead as context, and stores machine candidates', async () => {
    const project = await makeProject({ big: articleText('big', 119), small: articleText('small', 3) });
    const report = await run(project);
    const calls = server.translateCalls();
    expect(calls.map((c) => c.texts.length)).toEqual([50, 50, 20, 4]);
    expect(calls[0]!.params.context).toEqual([`Titre de l'article big\nParagraphe 1 de l'article big, avec une phrase complète.`]);
    expect(calls[3]!.params.context?.[0]).toMatch(/^Titre de l'article small\n/);
    const texts = await activeTexts(project);
    const got = await candidates(project);
    expect(got.size).toBe(texts.size);
    for (const [id, text] of texts) expect(got.get(id)).toBe(fakeTranslate(text, 'EN-GB'));
    expect(report.totals).toMatchObject({ selected: 124, translated: 124, billedCharacters: codePointSum(texts.values()), remaining: 0 });
    expect(report.stopped).toBeNull();
    // Machine candidates only: nothing approved, and the target locale (approved strings only) stays empty.
    const state = await loadState(project, 'big', 'en');
    expect(Object.values(state.segments).every((s) => s.status === 'machine' && s.approved === null)).toBe(true);
    expect(JSON.parse(readFileSync(join(project.root, 'locales', 'en', 'big.json'), 'utf8'))).toEqual({});
  });

  it('neighbours mode sends each paragraph with the paragraphs around it', async () => {
    const project = await makeProject({ a: articleText('a', 3) });
    await run(project, { context: 'neighbours' });
    const calls = server.translateCalls();
    expect(calls).toHaveLength(4);
    expect(calls[2]).toMatchObject({
      texts: [`Paragraphe 2 de l'article a, avec une phrase complète.`],
      params: expect.objectContaining({ context: [`Paragraphe 1 de l'article a, avec une phrase complète.\nParagraphe 3 de l'article a, avec une phrase complète.`] }),
    });
  });

  it('a second run bills nothing: default selection skips done segments, --only all is answered from the cache', async () => {
    const project = await makeProject({ a: articleText('a', 60) });
    const first = await run(project);
    expect(first.totals.billedCharacters).toBeGreaterThan(0);
    server.reset();
    const second = await run(project);
    expect(second.totals).toMatchObject({ selected: 0, billedCharacters: 0 });
    const third = await run(project, { only: 'all' });
    expect(third.totals).toMatchObject({ selected: 61, fromCache: 61, translated: 0, billedCharacters: 0 });
    expect(server.requests.filter((r) => r.path === '/v2/translate')).toHaveLength(0);
    // A different model is a different translation: not answered from the cache.
    const other = await run(project, { only: 'all', engine: deeplEngine({ modelType: 'quality_optimized' }) });
    expect(other.totals.fromCache).toBe(0);
    expect(other.totals.billedCharacters).toBe(first.totals.billedCharacters);
  });

  it('an interrupted run keeps what was saved and the same command continues without paying twice', async () => {
    const project = await makeProject({ a: articleText('a', 40), b: articleText('b', 40), c: articleText('c', 40) });
    const controller = new AbortController();
    let calls = 0;
    const first = await run(project, {
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 2) controller.abort(); // after the first response
      },
    });
    expect(first.stopped?.kind).toBe('cancelled');
    const saved = await candidates(project);
    expect(saved.size).toBe(first.totals.translated);
    expect(saved.size).toBeGreaterThan(0);
    expect(first.totals.remaining).toBe(123 - saved.size);

    const second = await run(project);
    expect(second.stopped).toBeNull();
    expect(second.totals.selected).toBe(123 - saved.size);
    const texts = await activeTexts(project);
    expect((await candidates(project)).size).toBe(texts.size);
    // Every character billed exactly once over the two runs.
    expect(server.characterCount).toBe(codePointSum(texts.values()));
  });

  it('a result saved to the cache but not to the review state (killed in between) is not paid for again', async () => {
    const project = await makeProject({ a: articleText('a', 5) });
    await run(project);
    // Simulate the kill: the review state is lost, the cache survived.
    writeFileSync(join(project.root, '.verso', 'state', 'en', 'a.json'), JSON.stringify({ article: 'a', lang: 'en', segments: {} }));
    const billedBefore = server.characterCount;
    const again = await run(project);
    expect(again.totals).toMatchObject({ selected: 6, fromCache: 6, billedCharacters: 0 });
    expect(server.characterCount).toBe(billedBefore);
    expect((await candidates(project)).size).toBe(6);
  });

  it('a torn last cache line (killed mid-append) is skipped and the cache keeps working', async () => {
    const project = await makeProject({ a: articleText('a', 3) });
    await run(project);
    const dir = join(project.root, '.verso', 'cache', 'mt', 'en');
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8') + '{"key":"torn","te');
    const again = await run(project, { only: 'all' });
    expect(again.totals.fromCache).toBe(4);
  });

  it('dry run counts segments and characters, shows the quota, and changes nothing', async () => {
    const project = await makeProject({ a: articleText('a', 10) });
    const before = snapshotTree(project.root);
    const report = await run(project, { dryRun: true, langs: ['en', 'vi'] });
    const texts = await activeTexts(project);
    expect(report.langs.map((l) => l.wouldSend)).toEqual([
      { segments: 11, characters: codePointSum(texts.values()) },
      { segments: 11, characters: codePointSum(texts.values()) },
    ]);
    expect(report.usage).toEqual({ characterCount: 0, characterLimit: 500_000 });
    expect(server.translateCalls()).toHaveLength(0);
    expect(snapshotTree(project.root)).toEqual(before);
  });
});

describe('translate service: failures keep what is done', () => {
  it('a bad key stops at once, saying so without the key, and writes nothing', async () => {
    const project = await makeProject({ a: articleText('a', 5) });
    const before = snapshotTree(project.root);
    const report = await run(project, { engine: deeplEngine({ authKey: 'not-the-key-123' }) });
    expect(report.stopped).toMatchObject({ kind: 'auth' });
    expect(JSON.stringify(report)).not.toContain('not-the-key-123');
    expect(report.totals.remaining).toBe(6);
    expect(snapshotTree(project.root)).toEqual(before);
  });

  it('quota exceeded (456) stops cleanly, keeps the finished requests and reports what remains', async () => {
    const project = await makeProject({ a: articleText('a', 120) });
    const texts = [...(await activeTexts(project)).values()];
    server.characterLimit = codePointSum(texts.slice(0, 50)) + 5; // one request's worth
    const report = await run(project);
    expect(report.stopped).toMatchObject({ kind: 'quota' });
    expect(report.totals).toMatchObject({ translated: 50, remaining: 71 });
    expect((await candidates(project)).size).toBe(50);
  });

  it('rate limits are retried, then stop cleanly keeping earlier results', async () => {
    const project = await makeProject({ a: articleText('a', 60) });
    // First request succeeds; the second meets more 429s than the 2 attempts allow.
    server.inject({ kind: 'slow', delayMs: 0, times: 1 }).inject({ kind: 'status', status: 429, times: 2 });
    const report = await run(project);
    expect(report.stopped).toMatchObject({ kind: 'rate-limit' });
    expect(report.totals).toMatchObject({ translated: 50, remaining: 11 });
    expect(server.requests.map((r) => r.outcome)).toEqual([200, 429, 429]);
    expect((await candidates(project)).size).toBe(50);
    // And a retry within the attempts simply succeeds.
    server.inject({ kind: 'status', status: 429, times: 1 });
    expect((await run(project)).stopped).toBeNull();
    expect((await candidates(project)).size).toBe(61);
  });

  it('server errors are retried, then stop cleanly', async () => {
    const project = await makeProject({ a: articleText('a', 60) });
    server.inject({ kind: 'slow', delayMs: 0, times: 1 }).inject({ kind: 'status', status: 502, times: 2 });
    const report = await run(project);
    expect(report.stopped).toMatchObject({ kind: 'server' });
    expect((await candidates(project)).size).toBe(50);
  });

  it('a network failure stops cleanly', async () => {
    const project = await makeProject({ a: articleText('a', 3) });
    const engine = new DeepLEngine({ authKey: TEST_AUTH_KEY, serverUrl: 'http://127.0.0.1:1', maxAttempts: 1 });
    const report = await run(project, { engine });
    expect(report.stopped).toMatchObject({ kind: 'network' });
    expect(report.stopped!.hint).toMatch(/again/);
  });

  it("a 400 shows DeepL's message", async () => {
    const project = await makeProject({ a: articleText('a', 3) });
    server.inject({ kind: 'status', status: 400, times: 1, message: "Value for 'formality' not supported for this target." });
    const report = await run(project);
    expect(report.stopped).toMatchObject({ kind: 'bad-request' });
    expect(report.stopped!.message).toContain("Value for 'formality' not supported for this target.");
  });
});

describe('translate service: memory engine and engine choice', () => {
  it('offers approved translations from other articles as fuzzy matches, free of charge', async () => {
    const project = await makeProject({
      one: 'Le ministre a visité Hanoï hier avec sa délégation.\nSource : https://example.vn/1.htm\n',
      two: 'Le ministre a visité Huế hier avec sa délégation.\nUne phrase qui ne ressemble à rien de connu.\nSource : https://example.vn/2.htm\n',
    });
    const first = (await loadArticle(project, 'one')).order[0]!;
    await approve(project, { article: 'one', lang: 'en' }, [first], { by: 'tester', at: '2026-01-01T00:00:00Z' }, 'The minister visited Hanoi yesterday with his delegation.');
    const { engine, reason } = await selectEngine(project, 'auto', {});
    expect(engine.id).toBe('memory');
    expect(reason).toMatch(/no DEEPL_AUTH_KEY/);
    const report = await translateProject(project, { engine, langs: ['en'], articles: ['two'] });
    expect(report.totals).toMatchObject({ selected: 2, translated: 1, notTranslated: 1, billedCharacters: 0 });
    const state = await loadState(project, 'two', 'en');
    const [p1, p2] = (await loadArticle(project, 'two')).order;
    const candidate = state.segments[p1!]!.candidates[0]!;
    expect(candidate).toMatchObject({ origin: 'machine', by: 'memory', text: 'The minister visited Hanoi yesterday with his delegation.' });
    expect(candidate.match).toBeGreaterThanOrEqual(75);
    expect(candidate.match).toBeLessThan(100);
    expect(state.segments[p2!]).toBeUndefined();
  });

  it('picks deepl when a key is set, refuses --engine deepl without one, and reads glossaries with file:line errors', async () => {
    const project = await makeProject({ a: articleText('a', 1) });
    expect((await selectEngine(project, 'auto', { DEEPL_AUTH_KEY: TEST_AUTH_KEY, DEEPL_SERVER_URL: server.url })).engine.id).toBe('deepl');
    await expect(selectEngine(project, 'deepl', {})).rejects.toThrow(/DEEPL_AUTH_KEY is not set/);

    const config = JSON.parse(readFileSync(join(project.root, 'verso.config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(project.root, 'verso.config.json'), JSON.stringify({ ...config, deepl: { glossaries: { 'fr-en': 'glossaries/fr-en.tsv' } } }));
    mkdirSync(join(project.root, 'glossaries'));
    writeFileSync(join(project.root, 'glossaries', 'fr-en.tsv'), "article\tstory\nligne sans tabulation\n");
    const withGlossary = await openProject(project.root);
    const error = await selectEngine(withGlossary, 'deepl', { DEEPL_AUTH_KEY: TEST_AUTH_KEY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).details).toMatchObject({ file: 'glossaries/fr-en.tsv', line: 2 });

    writeFileSync(join(project.root, 'glossaries', 'fr-en.tsv'), "article\tstory\n");
    const { engine } = await selectEngine(withGlossary, 'deepl', { DEEPL_AUTH_KEY: TEST_AUTH_KEY, DEEPL_SERVER_URL: server.url });
    await translateProject(withGlossary, { engine, langs: ['en'] });
    const got = await candidates(withGlossary);
    expect([...got.values()].some((t) => t.includes("l'story a"))).toBe(true);
  });
});
