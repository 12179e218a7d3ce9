/**
 * The deepl engine with the real deepl-node client against the DeepL-compatible server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { DeepLEngine, deeplTargetCode, type DeepLEngineOptions } from '../../src/engines/deepl.js';
import { EngineError } from '../../src/engines/errors.js';
import { makeGlossary } from '../../src/engines/glossary.js';
import type { TranslationRequest, TranslationResult } from '../../src/engines/types.js';
import { startDeepLServer, fakeTranslate, MAX_REQUEST_BYTES, TEST_AUTH_KEY, type DeepLTestServer } from '../support/deepl-server.js';

let server: DeepLTestServer;
beforeEach(async () => {
  server = await startDeepLServer();
});
afterEach(async () => {
  await server.close();
});

const engine = (options: Partial<DeepLEngineOptions> = {}) =>
  new DeepLEngine({ authKey: TEST_AUTH_KEY, serverUrl: server.url, maxAttempts: 2, requestTimeoutMs: 2000, ...options });

const segments = (n: number, context?: string, make = (i: number) => `Paragraphe numéro ${i}.`): TranslationRequest[] =>
  Array.from({ length: n }, (_, i) => ({ id: `a/p${i}`, text: make(i), ...(context === undefined ? {} : { context }) }));

async function expectEngineError(promise: Promise<unknown>, kind: EngineError['kind']): Promise<EngineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).kind).toBe(kind);
  return error as EngineError;
}

describe('deepl engine: requests', () => {
  it('chunks at 50 texts per request and maps every result back to its id', async () => {
    const requests = segments(120, 'Titre. Chapeau.');
    const results = await engine().translate(requests, { sourceLang: 'fr', targetLang: 'de' });
    expect(server.translateCalls().map((c) => c.texts.length)).toEqual([50, 50, 20]);
    const byId = new Map(results.map((r) => [r.id, r.text]));
    for (const r of requests) expect(byId.get(r.id)).toBe(fakeTranslate(r.text, 'DE'));
    for (const call of server.translateCalls()) {
      expect(call.params.source_lang).toEqual(['fr']);
      expect(call.params.context).toEqual(['Titre. Chapeau.']);
    }
  });

  it('keeps each request body under the size budget, counting percent-encoded Vietnamese', async () => {
    // ~2,000 characters of Vietnamese: about 4.5 KB once form-encoded (every non-ASCII byte is %XX).
    const long = (i: number) => `${i} ` + 'Thành phố Hồ Chí Minh đang phát triển mạnh mẽ. '.repeat(42);
    const requests = segments(30, 'Tiêu đề', long);
    const results = await engine().translate(requests, { sourceLang: 'vi', targetLang: 'fr' });
    const calls = server.translateCalls();
    expect(results).toHaveLength(30);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call.bodyBytes).toBeLessThanOrEqual(64 * 1024);
    expect(calls.flatMap((c) => c.texts)).toEqual(requests.map((r) => r.text));

    server.reset();
    await engine({ maxRequestBytes: 20 * 1024 }).translate(requests, { sourceLang: 'vi', targetLang: 'fr' });
    for (const call of server.translateCalls()) expect(call.bodyBytes).toBeLessThanOrEqual(20 * 1024);
    expect(Math.max(...server.requests.map((r) => r.bodyBytes))).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it('never sends an empty or blank text, and answers it locally for free', async () => {
    const requests = [{ id: 'x/1', text: '' }, { id: 'x/2', text: 'Bonjour' }, { id: 'x/3', text: '   ' }];
    const results = await engine().translate(requests, { sourceLang: 'fr', targetLang: 'de' });
    expect(server.translateCalls().flatMap((c) => c.texts)).toEqual(['Bonjour']);
    expect(results.find((r) => r.id === 'x/1')).toMatchObject({ text: '', billedCharacters: 0 });
    expect(results.find((r) => r.id === 'x/2')).toMatchObject({ text: fakeTranslate('Bonjour', 'DE'), billedCharacters: 7 });
    await engine().translate([{ id: 'y', text: '' }], { sourceLang: 'fr', targetLang: 'de' });
    expect(server.translateCalls()).toHaveLength(1);
  });

  it('sends segments with different contexts in different requests', async () => {
    const requests = [
      { id: 'a/1', text: 'Un', context: 'Article A' },
      { id: 'b/1', text: 'Deux', context: 'Article B' },
      { id: 'a/2', text: 'Trois', context: 'Article A' },
    ];
    await engine().translate(requests, { sourceLang: 'fr', targetLang: 'de' });
    const calls = server.translateCalls().map((c) => ({ context: c.params.context?.[0], texts: c.texts }));
    expect(calls).toEqual([
      { context: 'Article A', texts: ['Un', 'Trois'] },
      { context: 'Article B', texts: ['Deux'] },
    ]);
  });

  it('maps target codes: en per config, vi, pt; reduces regional source codes', async () => {
    expect(deeplTargetCode('en')).toBe('en-GB');
    expect(deeplTargetCode('en', { englishVariant: 'en-US' })).toBe('en-US');
    expect(deeplTargetCode('en-us')).toBe('en-US');
    expect(deeplTargetCode('vi')).toBe('vi');
    expect(deeplTargetCode('pt-br')).toBe('pt-BR');
    await engine({ englishVariant: 'en-US' }).translate(segments(1), { sourceLang: 'fr', targetLang: 'en' });
    await engine().translate(segments(1), { sourceLang: 'fr', targetLang: 'en' });
    await engine().translate(segments(1), { sourceLang: 'fr', targetLang: 'vi' });
    await engine().translate(segments(1), { sourceLang: 'pt-br', targetLang: 'fr' });
    expect(server.translateCalls().map((c) => [c.params.source_lang?.[0], c.params.target_lang?.[0]])).toEqual([
      ['fr', 'en-US'],
      ['fr', 'en-GB'],
      ['fr', 'vi'],
      ['pt', 'fr'],
    ]);
  });

  it('sends formality only where the target supports it, and the configured model type', async () => {
    const e = engine({ formality: 'more', modelType: 'quality_optimized' });
    const vi = await e.translate(segments(1), { sourceLang: 'fr', targetLang: 'vi' });
    const de = await e.translate(segments(1), { sourceLang: 'fr', targetLang: 'de' });
    const [viCall, deCall] = server.translateCalls();
    expect(viCall!.params.formality).toBeUndefined();
    expect(deCall!.params.formality).toEqual(['more']);
    expect(viCall!.params.model_type).toEqual(['quality_optimized']);
    expect(vi[0]!.text).toBe(fakeTranslate('Paragraphe numéro 0.', 'VI'));
    expect(de[0]!.text).toBe(fakeTranslate('Paragraphe numéro 0.', 'DE', { formality: 'more' }));
    // The model DeepL used is noted on the candidate for the reviewer.
    expect(de[0]!.note).toBe('DeepL quality_optimized');
    // The language list was asked for once, not per batch.
    await e.translate(segments(1), { sourceLang: 'fr', targetLang: 'de' });
    expect(server.requests.filter((r) => r.path === '/v2/languages')).toHaveLength(1);
  });

  it('creates a glossary once per content hash, reuses it across runs, and replaces it when the file changes', async () => {
    const glossary = makeGlossary('fr', 'en', [['numéro', 'number']]);
    const first = await engine({ glossaries: [glossary] }).translate(segments(2), { sourceLang: 'fr', targetLang: 'en' });
    expect(first[0]!.text).toBe('⟦EN-GB⟧ Paragraphe number 0.');
    await engine({ glossaries: [glossary] }).translate(segments(2), { sourceLang: 'fr', targetLang: 'en' });
    const creates = () => server.requests.filter((r) => r.path === '/v2/glossaries' && r.method === 'POST');
    expect(creates()).toHaveLength(1);
    expect(new Set(server.translateCalls().map((c) => c.params.glossary_id?.[0])).size).toBe(1);
    // Other pairs carry no glossary.
    await engine({ glossaries: [glossary] }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' });
    expect(server.translateCalls().at(-1)!.params.glossary_id).toBeUndefined();

    const changed = makeGlossary('fr', 'en', [['numéro', 'no.']]);
    const e = engine({ glossaries: [changed] });
    expect(e.fingerprintFor('fr', 'en')).not.toBe(engine({ glossaries: [glossary] }).fingerprintFor('fr', 'en'));
    const again = await e.translate(segments(1), { sourceLang: 'fr', targetLang: 'en' });
    expect(again[0]!.text).toBe('⟦EN-GB⟧ Paragraphe no. 0.');
    expect(creates()).toHaveLength(2);
  });

  it('delivers results per request through onResults as they arrive', async () => {
    const batches: TranslationResult[][] = [];
    await engine().translate(segments(75), {
      sourceLang: 'fr',
      targetLang: 'de',
      concurrency: 1,
      onResults: (r) => {
        batches.push(r);
      },
    });
    expect(batches.map((b) => b.length)).toEqual([50, 25]);
  });

  it('reports usage', async () => {
    await engine().translate(segments(1), { sourceLang: 'fr', targetLang: 'de' });
    expect(await engine().usage()).toEqual({ characterCount: [...'Paragraphe numéro 0.'].length, characterLimit: 500_000 });
  });
});

describe('deepl engine: errors', () => {
  it('a bad key says so and never shows the key, not even in the inspected error', async () => {
    const key = 'sEcReT-kEy-1234:fx';
    const error = await expectEngineError(engine({ authKey: key }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' }), 'auth');
    expect(error.message).toMatch(/403/);
    expect(error.hint).toMatch(/DEEPL_AUTH_KEY/);
    expect(inspect(error, { depth: 10 })).not.toContain(key);
    expect(JSON.stringify(error)).not.toContain(key);
  });

  it('quota exceeded stops, after delivering what was translated before it', async () => {
    const requests = segments(150);
    const perRequest = requests.slice(0, 50).reduce((n, r) => n + [...r.text].length, 0);
    server.characterLimit = perRequest + 10; // room for the first request only
    const delivered: TranslationResult[] = [];
    await expectEngineError(
      engine().translate(requests, { sourceLang: 'fr', targetLang: 'de', concurrency: 1, onResults: (r) => void delivered.push(...r) }),
      'quota',
    );
    expect(delivered.map((r) => r.id)).toEqual(requests.slice(0, 50).map((r) => r.id));
    // It stopped: no request after the 456.
    expect(server.requests.filter((r) => r.path === '/v2/translate').map((r) => r.outcome)).toEqual([200, 456]);
  });

  it('rate limits are retried by deepl-node (maxAttempts counts attempts), then stop as rate-limit', async () => {
    server.inject({ kind: 'status', status: 429, times: 1 });
    const ok = await engine({ maxAttempts: 2 }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' });
    expect(ok).toHaveLength(1);
    expect(server.requests.map((r) => r.outcome)).toEqual([429, 200]);

    server.reset();
    server.inject({ kind: 'status', status: 429, times: 2 });
    const error = await expectEngineError(engine({ maxAttempts: 2 }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' }), 'rate-limit');
    expect(error.hint).toMatch(/again/);
    expect(server.requests).toHaveLength(2);
  });

  it('server errors are retried, then stop as server errors', async () => {
    server.inject({ kind: 'status', status: 500, times: 2 });
    await expectEngineError(engine({ maxAttempts: 2 }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' }), 'server');
    expect(server.requests.map((r) => r.outcome)).toEqual([500, 500]);
  });

  it('a network failure stops as network', async () => {
    const url = server.url;
    await server.close();
    const error = await expectEngineError(
      new DeepLEngine({ authKey: TEST_AUTH_KEY, serverUrl: url, maxAttempts: 1 }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' }),
      'network',
    );
    expect(error.message).toMatch(/ECONNREFUSED|reach/);
    server = await startDeepLServer(); // for afterEach
  });

  it('a timeout after the retries stops as network', async () => {
    server.inject({ kind: 'silent', times: 1 });
    await expectEngineError(engine({ maxAttempts: 1, requestTimeoutMs: 300 }).translate(segments(1), { sourceLang: 'fr', targetLang: 'de' }), 'network');
  });

  it("a 400 shows DeepL's message", async () => {
    const error = await expectEngineError(engine().translate(segments(1), { sourceLang: 'fr', targetLang: 'xx' }), 'bad-request');
    expect(error.message).toContain("Value for 'target_lang' not supported: XX.");
  });

  it('an aborted batch stops issuing requests and says it was cancelled', async () => {
    const controller = new AbortController();
    const delivered: TranslationResult[] = [];
    await expectEngineError(
      engine().translate(segments(200), {
        sourceLang: 'fr',
        targetLang: 'de',
        concurrency: 1,
        signal: controller.signal,
        onResults: (r) => {
          delivered.push(...r);
          controller.abort();
        },
      }),
      'cancelled',
    );
    expect(delivered).toHaveLength(50);
    expect(server.translateCalls()).toHaveLength(1);
  });
});

describe('deepl engine: a request DeepL finds too large', () => {
  it('is split in halves and retried (413), never failing the batch', async () => {
    // A budget above DeepL's limit, so requests reach the server too large.
    const long = (i: number) => `${i} ` + 'Thành phố Hồ Chí Minh đang phát triển mạnh mẽ. '.repeat(42);
    const requests = segments(40, undefined, long); // ≈ 180 KB in one request
    const results = await engine({ maxRequestBytes: 1024 * 1024 }).translate(requests, { sourceLang: 'vi', targetLang: 'fr' });
    expect(server.requests.some((r) => r.outcome === 413)).toBe(true);
    expect(results.map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    for (const r of results) expect(r.text).toBe(fakeTranslate(requests.find((q) => q.id === r.id)!.text, 'FR'));
  });
});
