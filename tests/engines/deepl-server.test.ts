/**
 * The DeepL-compatible test server, exercised with the real deepl-node client: if these hold,
 * the engine tests that run against it are testing verso against DeepL's documented behaviour.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as deepl from 'deepl-node';
import { startDeepLServer, fakeTranslate, TEST_AUTH_KEY, type DeepLTestServer } from '../support/deepl-server.js';

let server: DeepLTestServer;
beforeEach(async () => {
  server = await startDeepLServer();
});
afterEach(async () => {
  await server.close();
});

const client = (options: deepl.DeepLClientOptions = {}, key = TEST_AUTH_KEY) =>
  new deepl.DeepLClient(key, { serverUrl: server.url, maxRetries: 1, minTimeout: 2000, ...options });

describe('DeepL-compatible server', () => {
  it('translates a form-encoded batch deterministically, in order, with detected language and billed code points', async () => {
    const texts = ['Bonjour « le monde »', 'Đà Nẵng, thành phố', '😀 émoji'];
    const results = await client().translateText(texts, 'fr', 'en-GB', { context: 'Le titre' });
    expect(results.map((r) => r.text)).toEqual(texts.map((t) => fakeTranslate(t, 'EN-GB')));
    expect(results.every((r) => r.detectedSourceLang === 'fr')).toBe(true);
    // Code points, not UTF-16 units: the emoji (two UTF-16 units) counts once.
    expect(texts[2]!.length).toBe(8);
    expect(results[2]!.billedCharacters).toBe(7);
    expect(results[1]!.billedCharacters).toBe([...texts[1]!].length);
    const [call] = server.translateCalls();
    expect(call!.bodyType).toBe('form');
    expect(call!.params.context).toEqual(['Le titre']);
    expect(call!.params.source_lang).toEqual(['fr']);
    expect(call!.texts).toEqual(texts);
    expect(server.characterCount).toBe(texts.reduce((n, t) => n + [...t].length, 0));
  });

  it('accepts a JSON body and detects the source language when none is given', async () => {
    const response = await fetch(`${server.url}/v2/translate`, {
      method: 'POST',
      headers: { Authorization: `DeepL-Auth-Key ${TEST_AUTH_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: ['Xin chào các bạn, hẹn gặp lại'], target_lang: 'FR' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { translations: { detected_source_language: string; text: string }[] };
    expect(body.translations[0]!.detected_source_language).toBe('VI');
    expect(body.translations[0]!.text).toBe(fakeTranslate('Xin chào các bạn, hẹn gặp lại', 'FR'));
    expect(server.requests[0]!.bodyType).toBe('json');
  });

  it('rejects a bad key with 403 (AuthorizationError)', async () => {
    await expect(client({}, 'wrong-key').translateText('Bonjour', 'fr', 'de')).rejects.toBeInstanceOf(deepl.AuthorizationError);
  });

  it('rejects an unsupported target, formality on VI, more than 50 texts and empty texts with 400', async () => {
    await expect(client().translateText('Bonjour', 'fr', 'xx' as deepl.TargetLanguageCode)).rejects.toThrow(/target_lang/);
    await expect(client().translateText('Bonjour', 'fr', 'vi', { formality: 'more' })).rejects.toThrow(/formality/);
    // prefer_* degrades quietly, as on DeepL.
    await expect(client().translateText('Bonjour', 'fr', 'vi', { formality: 'prefer_more' })).resolves.toBeTruthy();
    const many = Array.from({ length: 51 }, (_, i) => `texte ${i}`);
    await expect(client().translateText(many, 'fr', 'de')).rejects.toThrow(/Too many texts/);
    const empty = await fetch(`${server.url}/v2/translate`, {
      method: 'POST',
      headers: { Authorization: `DeepL-Auth-Key ${TEST_AUTH_KEY}` },
      body: new URLSearchParams([['text', ''], ['target_lang', 'DE']]),
    });
    expect(empty.status).toBe(400);
  });

  it('rejects a request over 128 KiB with 413, counting the context', async () => {
    const context = 'x'.repeat(128 * 1024);
    await expect(client().translateText('Bonjour', 'fr', 'de', { context })).rejects.toThrow(/413|too large/i);
    expect(server.requests[0]!.outcome).toBe(413);
  });

  it('reports usage and languages with formality support', async () => {
    await client().translateText('Bonjour', 'fr', 'de');
    const usage = await client().getUsage();
    expect(usage.character?.count).toBe(7);
    expect(usage.character?.limit).toBe(500_000);
    const targets = await client().getTargetLanguages();
    expect(targets.find((l) => l.code === 'vi')?.supportsFormality).toBe(false);
    expect(targets.find((l) => l.code === 'de')?.supportsFormality).toBe(true);
    expect(targets.some((l) => l.code === 'en-GB')).toBe(true);
    const sources = await client().getSourceLanguages();
    expect(sources.some((l) => l.code === 'fr')).toBe(true);
  });

  it('creates, lists, reads, applies and deletes a v2 glossary', async () => {
    const c = client();
    const info = await c.createGlossary('verso test', 'fr', 'en', new deepl.GlossaryEntries({ entries: { chat: 'cat' } }));
    expect(info.entryCount).toBe(1);
    expect((await c.listGlossaries()).map((g) => g.glossaryId)).toEqual([info.glossaryId]);
    expect((await c.getGlossaryEntries(info)).entries()).toEqual({ chat: 'cat' });
    const result = await c.translateText('Le chat dort', 'fr', 'en-US', { glossary: info });
    expect(result.text).toBe('⟦EN-US⟧ Le cat dort');
    await expect(c.translateText('Le chat', 'fr', 'de', { glossary: info })).rejects.toThrow(/Language pair/);
    await c.deleteGlossary(info);
    await expect(c.getGlossary(info.glossaryId)).rejects.toBeInstanceOf(deepl.GlossaryNotFoundError);
  });

  it('stops billing with 456 once the character budget is spent', async () => {
    server.characterLimit = 10;
    await client().translateText('Bonjour', 'fr', 'de'); // 7
    await expect(client().translateText('Bonsoir', 'fr', 'de')).rejects.toBeInstanceOf(deepl.QuotaExceededError);
    expect(server.characterCount).toBe(7);
  });

  it('injects N × 429: deepl-node retries, and maxRetries counts attempts', async () => {
    server.inject({ kind: 'status', status: 429, times: 2 });
    const ok = await client({ maxRetries: 3 }).translateText('Bonjour', 'fr', 'de');
    expect(ok.text).toBe(fakeTranslate('Bonjour', 'DE'));
    expect(server.requests.map((r) => r.outcome)).toEqual([429, 429, 200]);

    server.reset();
    server.inject({ kind: 'status', status: 429, times: 5 });
    await expect(client({ maxRetries: 2 }).translateText('Bonjour', 'fr', 'de')).rejects.toBeInstanceOf(deepl.TooManyRequestsError);
    expect(server.requests.length).toBe(2);
  });

  it('injects 5xx, dropped connections, slow and silent responses', async () => {
    server.inject({ kind: 'status', status: 503, times: 1 });
    await expect(client({ maxRetries: 1 }).translateText('Bonjour', 'fr', 'de')).rejects.toThrow(/Service unavailable/);

    server.reset();
    server.inject({ kind: 'drop', times: 1 });
    await expect(client({ maxRetries: 1 }).translateText('Bonjour', 'fr', 'de')).rejects.toBeInstanceOf(deepl.ConnectionError);

    server.reset();
    // deepl-node's per-attempt timeout is max(minTimeout, time left to its first backoff
    // deadline ≈ 1 s), so "slow" has to mean slower than a second here.
    server.inject({ kind: 'slow', delayMs: 1500, times: 1 });
    await expect(client({ minTimeout: 100, maxRetries: 1 }).translateText('Bonjour', 'fr', 'de')).rejects.toBeInstanceOf(deepl.ConnectionError);

    server.reset();
    server.inject({ kind: 'silent', times: 1 });
    await expect(client({ minTimeout: 200, maxRetries: 1 }).translateText('Bonjour', 'fr', 'de')).rejects.toThrow(/timeout/i);
    expect(server.requests[0]!.outcome).toBe('silent');
  });

  it('applies the configured latency to every request', async () => {
    server.latencyMs = 150;
    const started = performance.now();
    await client().translateText('Bonjour', 'fr', 'de');
    // A lower bound only: the server waited at least the latency before answering.
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});
