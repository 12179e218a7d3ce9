/**
 * A DeepL-compatible HTTP server for tests, benchmarks and offline demos.
 *
 * The real API cannot be reached from development or CI machines, so verso's tests run the real
 * `deepl-node` client against this server on 127.0.0.1. It speaks the part of DeepL's v2 API that
 * verso relies on and enforces the limits that verso's client code must respect:
 *   - `POST /v2/translate` (form or JSON body): at most 50 texts, 128 KiB per request, no empty
 *     text (stricter than DeepL on purpose: verso must never send one), a known target language,
 *     `more`/`less` formality only where the target supports it, glossary pair checks;
 *   - `GET /v2/usage`, `GET /v2/languages`, `GET /v2/glossary-language-pairs`;
 *   - `/v2/glossaries` (create, list, get, entries, delete), one language pair per glossary;
 *   - `GET /__verso/stats` (not DeepL's): request and character counters, for a benchmark that
 *     runs this server in its own process.
 *
 * The "translation" is a deterministic transformation, so a test can tell which input produced
 * which output: see `fakeTranslate`. Every request is recorded (`requests`), and faults can be
 * queued (`inject`): N × 429, N × 5xx, slow responses, no response at all, dropped connections,
 * and quota exhaustion (456) once `characterLimit` is reached. A latency can be added to every
 * request (benchmarks).
 *
 * It lives under `src/dev/` rather than `tests/support/` so that it is compiled with the CLI and a
 * user can start it by hand (`node dist/dev/deepl-server-cli.js`); tests import it through
 * `tests/support/deepl-server.ts`. Nothing in the product imports it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';

/** Counters for a client in another process (not part of DeepL's API; no key needed). */
export const STATS_PATH = '/__verso/stats';

/** DeepL's documented request limits. */
export const MAX_TEXTS_PER_REQUEST = 50;
export const MAX_REQUEST_BYTES = 128 * 1024;

/** Target languages that accept `formality=more|less` (DeepL's `supports_formality`). */
const FORMALITY_TARGETS = new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'PT-BR', 'PT-PT', 'JA', 'RU']);
const SOURCE_LANGS: Record<string, string> = {
  AR: 'Arabic', BG: 'Bulgarian', CS: 'Czech', DA: 'Danish', DE: 'German', EL: 'Greek', EN: 'English',
  ES: 'Spanish', ET: 'Estonian', FI: 'Finnish', FR: 'French', HU: 'Hungarian', ID: 'Indonesian',
  IT: 'Italian', JA: 'Japanese', KO: 'Korean', LT: 'Lithuanian', LV: 'Latvian', NB: 'Norwegian',
  NL: 'Dutch', PL: 'Polish', PT: 'Portuguese', RO: 'Romanian', RU: 'Russian', SK: 'Slovak',
  SL: 'Slovenian', SV: 'Swedish', TR: 'Turkish', UK: 'Ukrainian', VI: 'Vietnamese', ZH: 'Chinese',
};
const TARGET_LANGS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(SOURCE_LANGS).filter(([code]) => code !== 'EN' && code !== 'PT' && code !== 'ZH')),
  'EN-GB': 'English (British)', 'EN-US': 'English (American)', 'PT-BR': 'Portuguese (Brazilian)',
  'PT-PT': 'Portuguese (European)', 'ZH-HANS': 'Chinese (simplified)', 'ZH-HANT': 'Chinese (traditional)',
};
/** Plain `EN`/`PT`/`ZH` are deprecated as targets but still accepted by DeepL. */
const DEPRECATED_TARGETS = new Set(['EN', 'PT', 'ZH']);

/** A fault applied to the next `times` matching requests, in the order they were queued. */
export type Fault =
  /** Answer with this status and a DeepL-style JSON message (429, 500, 503, 529, 403…). */
  | { kind: 'status'; status: number; times: number; path?: string; message?: string }
  /** Wait this long before handling the request normally. */
  | { kind: 'slow'; delayMs: number; times: number; path?: string }
  /** Read the request and never answer (the client must time out). */
  | { kind: 'silent'; times: number; path?: string }
  /** Destroy the connection without an answer (the client sees a reset). */
  | { kind: 'drop'; times: number; path?: string };

export interface RecordedRequest {
  method: string;
  path: string;
  /** `form`, `json` or `none`. */
  bodyType: 'form' | 'json' | 'none';
  bodyBytes: number;
  authKey: string | null;
  userAgent: string | null;
  /** Every parameter as a list of strings (form fields and JSON values alike). */
  params: Record<string, string[]>;
  /** For /v2/translate: the texts, in order. */
  texts: string[];
  /** What the server answered (or `silent`/`drop`). */
  outcome: number | 'silent' | 'drop';
  at: number;
}

export interface DeepLServerOptions {
  /** Keys the server accepts; anything else is 403. Default `['verso-test-key', 'verso-test-key:fx']`. */
  authKeys?: string[];
  /** Characters (code points) that may be billed before 456. Default 500,000 (the free plan). */
  characterLimit?: number;
  /** Characters already used this period. */
  characterCount?: number;
  /** Delay added to every request, in ms (benchmarks). Default 0. */
  latencyMs?: number;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

export interface GlossaryRecord {
  glossary_id: string;
  name: string;
  ready: boolean;
  source_lang: string;
  target_lang: string;
  creation_time: string;
  entry_count: number;
  entries: Map<string, string>;
}

export interface DeepLTestServer {
  /** `http://127.0.0.1:<port>`: pass as deepl-node's `serverUrl` or `DEEPL_SERVER_URL`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  readonly glossaries: Map<string, GlossaryRecord>;
  /** Characters billed so far (code points of translated texts). */
  readonly characterCount: number;
  characterLimit: number;
  latencyMs: number;
  /** Queues a fault; returns the server for chaining. */
  inject(fault: Fault): DeepLTestServer;
  /** Recorded /v2/translate requests that were answered 200. */
  translateCalls(): RecordedRequest[];
  /** Forgets recorded requests and queued faults (usage and glossaries stay). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * The server's deterministic "translation": `⟦TARGET⟧ text` with glossary terms replaced and
 * a formality marker when one was requested. Keeping the source visible lets a test see which
 * input produced which output; the prefix shows the target the client asked for.
 */
export function fakeTranslate(
  text: string,
  targetLang: string,
  options: { formality?: string; glossary?: Map<string, string> } = {},
): string {
  let out = text;
  if (options.glossary) {
    for (const [source, target] of options.glossary) {
      if (source.length > 0) out = out.split(source).join(target);
    }
  }
  const formality = options.formality && options.formality !== 'default' ? `/${options.formality}` : '';
  return `⟦${targetLang.toUpperCase()}${formality}⟧ ${out}`;
}

/** Counts Unicode code points, which is what DeepL bills. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function guessLanguage(text: string): string {
  if (/[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text)) return 'VI';
  if (/[àâçéèêëîïôûùüÿœ«»]/i.test(text)) return 'FR';
  if (/[äöüß]/i.test(text)) return 'DE';
  return 'EN';
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? 'too-large' : Buffer.concat(chunks);
}

function parseParams(body: Buffer, contentType: string, query: URLSearchParams): { type: RecordedRequest['bodyType']; params: Record<string, string[]> } {
  const params: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const add = (key: string, value: string) => (params[key] ??= []).push(value);
  for (const [k, v] of query) add(k, v);
  if (body.length === 0) return { type: 'none', params };
  if (contentType.includes('application/json')) {
    let obj: unknown;
    try {
      obj = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Invalid JSON body');
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new HttpError(400, 'JSON body must be an object');
    for (const [k, v] of Object.entries(obj)) {
      for (const item of Array.isArray(v) ? v : [v]) add(k, typeof item === 'string' ? item : JSON.stringify(item));
    }
    return { type: 'json', params };
  }
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) add(k, v);
  return { type: 'form', params };
}

function one(params: Record<string, string[]>, name: string): string | undefined {
  return params[name]?.[0];
}

function parseGlossaryEntries(text: string, format: string): Map<string, string> {
  const entries = new Map<string, string>();
  const separator = format === 'csv' ? ',' : '\t';
  for (const [i, line] of text.split(/\r\n|\n|\r/).entries()) {
    if (line.trim() === '') continue;
    const cells = line.split(separator);
    if (cells.length !== 2 || !cells[0] || !cells[1]) {
      throw new HttpError(400, `Invalid glossary entry on line ${i + 1}`);
    }
    if (entries.has(cells[0])) throw new HttpError(400, `Duplicate source term on line ${i + 1}`);
    entries.set(cells[0], cells[1]);
  }
  if (entries.size === 0) throw new HttpError(400, 'Glossary has no entries');
  return entries;
}

function glossaryInfo(g: GlossaryRecord): Omit<GlossaryRecord, 'entries'> {
  const { entries: _entries, ...info } = g;
  return info;
}

export async function startDeepLServer(options: DeepLServerOptions = {}): Promise<DeepLTestServer> {
  const authKeys = new Set(options.authKeys ?? ['verso-test-key', 'verso-test-key:fx']);
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const glossaries = new Map<string, GlossaryRecord>();
  const sockets = new Set<Socket>();
  let characterCount = options.characterCount ?? 0;

  const takeFault = (path: string): Fault | undefined => {
    const index = faults.findIndex((f) => (f.path ?? '/v2/translate') === path);
    if (index < 0) return undefined;
    const fault = faults[index]!;
    fault.times--;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  const translate = (params: Record<string, string[]>): unknown => {
    const texts = params.text ?? [];
    if (texts.length === 0) throw new HttpError(400, "Parameter 'text' not specified.");
    if (texts.length > MAX_TEXTS_PER_REQUEST) throw new HttpError(400, `Too many texts: at most ${MAX_TEXTS_PER_REQUEST} per request.`);
    if (texts.some((t) => t.length === 0)) throw new HttpError(400, "Parameter 'text' contains an empty text.");
    const target = one(params, 'target_lang')?.toUpperCase();
    if (!target) throw new HttpError(400, "Parameter 'target_lang' not specified.");
    if (!(target in TARGET_LANGS) && !DEPRECATED_TARGETS.has(target)) throw new HttpError(400, `Value for 'target_lang' not supported: ${target}.`);
    const sourceParam = one(params, 'source_lang')?.toUpperCase();
    if (sourceParam !== undefined && !(sourceParam in SOURCE_LANGS)) throw new HttpError(400, `Value for 'source_lang' not supported: ${sourceParam}.`);
    const formality = one(params, 'formality')?.toLowerCase();
    if (formality !== undefined) {
      if (!['default', 'more', 'less', 'prefer_more', 'prefer_less'].includes(formality)) throw new HttpError(400, `Value for 'formality' not supported: ${formality}.`);
      if ((formality === 'more' || formality === 'less') && !FORMALITY_TARGETS.has(target)) {
        throw new HttpError(400, "'formality' is not supported for given 'target_lang'.");
      }
    }
    const modelType = one(params, 'model_type');
    if (modelType !== undefined && !['latency_optimized', 'quality_optimized', 'prefer_quality_optimized'].includes(modelType)) {
      throw new HttpError(400, `Value for 'model_type' not supported: ${modelType}.`);
    }
    let glossary: GlossaryRecord | undefined;
    const glossaryId = one(params, 'glossary_id');
    if (glossaryId !== undefined) {
      if (sourceParam === undefined) throw new HttpError(400, "Use of a glossary requires the 'source_lang' parameter to be specified.");
      glossary = glossaries.get(glossaryId);
      if (!glossary) throw new HttpError(400, `Glossary not found: ${glossaryId}.`);
      if (glossary.source_lang.toUpperCase() !== sourceParam || glossary.target_lang.toUpperCase() !== target.split('-')[0]) {
        throw new HttpError(400, "Language pair of the glossary doesn't match the request.");
      }
    }
    const billed = texts.map(codePoints);
    const total = billed.reduce((a, b) => a + b, 0);
    if (characterCount + total > server.characterLimit) throw new HttpError(456, 'Quota exceeded. The character limit has been reached.');
    characterCount += total;
    const shownFormality = formality === 'more' || formality === 'less' || FORMALITY_TARGETS.has(target) ? formality : undefined;
    return {
      translations: texts.map((text, i) => ({
        detected_source_language: sourceParam ?? guessLanguage(text),
        text: fakeTranslate(text, target, { formality: shownFormality, glossary: glossary?.entries }),
        billed_characters: billed[i],
        model_type_used: modelType === 'quality_optimized' ? 'quality_optimized' : 'latency_optimized',
      })),
    };
  };

  const route = (method: string, path: string, params: Record<string, string[]>, res: ServerResponse): number => {
    if (method === 'POST' && path === '/v2/translate') {
      sendJson(res, 200, translate(params));
      return 200;
    }
    if (method === 'GET' && path === '/v2/usage') {
      sendJson(res, 200, { character_count: characterCount, character_limit: server.characterLimit });
      return 200;
    }
    if (method === 'GET' && path === '/v2/languages') {
      const type = one(params, 'type') ?? 'source';
      if (type !== 'source' && type !== 'target') throw new HttpError(400, "Value for 'type' not supported.");
      const table = type === 'source' ? SOURCE_LANGS : TARGET_LANGS;
      sendJson(res, 200, Object.entries(table).map(([language, name]) =>
        type === 'target' ? { language, name, supports_formality: FORMALITY_TARGETS.has(language) } : { language, name }));
      return 200;
    }
    if (method === 'GET' && path === '/v2/glossary-language-pairs') {
      const langs = Object.keys(SOURCE_LANGS).map((l) => l.toLowerCase());
      sendJson(res, 200, { supported_languages: langs.flatMap((s) => langs.filter((t) => t !== s).map((t) => ({ source_lang: s, target_lang: t }))) });
      return 200;
    }
    if (path === '/v2/glossaries' && method === 'POST') {
      const name = one(params, 'name');
      const source = one(params, 'source_lang')?.toLowerCase();
      const target = one(params, 'target_lang')?.toLowerCase();
      const entriesText = one(params, 'entries');
      if (!name || !source || !target || entriesText === undefined) throw new HttpError(400, 'Missing name, source_lang, target_lang or entries.');
      if (!(source.toUpperCase() in SOURCE_LANGS) || !(target.toUpperCase() in SOURCE_LANGS)) throw new HttpError(400, 'Unsupported glossary language pair.');
      const entries = parseGlossaryEntries(entriesText, one(params, 'entries_format') ?? 'tsv');
      const record: GlossaryRecord = {
        glossary_id: randomUUID(), name, ready: true, source_lang: source, target_lang: target,
        creation_time: new Date().toISOString(), entry_count: entries.size, entries,
      };
      glossaries.set(record.glossary_id, record);
      sendJson(res, 201, glossaryInfo(record));
      return 201;
    }
    if (path === '/v2/glossaries' && method === 'GET') {
      sendJson(res, 200, { glossaries: [...glossaries.values()].map(glossaryInfo) });
      return 200;
    }
    const match = /^\/v2\/glossaries\/([^/]+)(\/entries)?$/.exec(path);
    if (match) {
      const glossary = glossaries.get(decodeURIComponent(match[1]!));
      if (!glossary) throw new HttpError(404, 'Glossary not found.');
      if (match[2] && method === 'GET') {
        const tsv = [...glossary.entries].map(([s, t]) => `${s}\t${t}`).join('\n');
        res.writeHead(200, { 'Content-Type': 'text/tab-separated-values; charset=utf-8' });
        res.end(tsv);
        return 200;
      }
      if (!match[2] && method === 'GET') {
        sendJson(res, 200, glossaryInfo(glossary));
        return 200;
      }
      if (!match[2] && method === 'DELETE') {
        glossaries.delete(glossary.glossary_id);
        res.writeHead(204).end();
        return 204;
      }
    }
    throw new HttpError(404, `No such endpoint: ${method} ${path}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers.authorization ?? null;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      bodyType: 'none',
      bodyBytes: 0,
      authKey: auth?.startsWith('DeepL-Auth-Key ') ? auth.slice('DeepL-Auth-Key '.length) : null,
      userAgent: req.headers['user-agent'] ?? null,
      params: {},
      texts: [],
      outcome: 0,
      at: Date.now(),
    };
    requests.push(record);
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (server.latencyMs > 0) await sleep(server.latencyMs);
    const fault = takeFault(record.path);
    if (record.path === STATS_PATH) {
      // Not DeepL's: lets a process that started this server by hand (a benchmark) read what it saw.
      record.outcome = 200;
      sendJson(res, 200, { requests: requests.length, translateRequests: server.translateCalls().length, characterCount });
      return;
    }
    try {
      if (body === 'too-large') {
        record.bodyBytes = Number(req.headers['content-length'] ?? MAX_REQUEST_BYTES + 1);
        throw new HttpError(413, `Request body too large: the limit is ${MAX_REQUEST_BYTES} bytes.`);
      }
      record.bodyBytes = body.length;
      const parsed = parseParams(body, String(req.headers['content-type'] ?? ''), url.searchParams);
      record.bodyType = parsed.type;
      record.params = parsed.params;
      record.texts = parsed.params.text ?? [];
      if (fault?.kind === 'silent') {
        record.outcome = 'silent';
        return; // never answer; the socket is destroyed on close()
      }
      if (fault?.kind === 'drop') {
        record.outcome = 'drop';
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'slow') await sleep(fault.delayMs);
      if (record.authKey === null || !authKeys.has(record.authKey)) throw new HttpError(403, 'Authorization failed: invalid authentication key.');
      if (fault?.kind === 'status') throw new HttpError(fault.status, fault.message ?? `Injected failure ${fault.status}.`);
      record.outcome = route(record.method, record.path, record.params, res);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      record.outcome = status;
      if (!res.headersSent && !res.destroyed) sendJson(res, status, { message });
    }
  };

  const http: Server = createServer((req, res) => {
    void handle(req, res);
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  const server: DeepLTestServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    glossaries,
    get characterCount() {
      return characterCount;
    },
    characterLimit: options.characterLimit ?? 500_000,
    latencyMs: options.latencyMs ?? 0,
    inject(fault) {
      faults.push({ ...fault });
      return server;
    },
    translateCalls() {
      return requests.filter((r) => r.path === '/v2/translate' && r.outcome === 200);
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
