/**
 * The `deepl` engine: DeepL through the official `deepl-node` client (`DeepLClient`).
 *
 * What deepl-node does not do, this engine does:
 *   - chunking: at most 50 texts and a form-encoded body well under 128 KiB per request, only
 *     texts that share a context together (DeepL's `context` applies to a whole request), and
 *     never an empty text (deepl-node throws on one; blank texts are answered locally);
 *   - language codes: `en` → `EN-GB`/`EN-US`, `pt` → `PT-PT`/`PT-BR` per config, sources reduced
 *     to their base code, `source_lang` always sent (glossaries need it, and guessing is wasted
 *     effort for a known source);
 *   - formality only where the target supports it (`more`/`less` on VI or EN is a 400);
 *   - glossaries: one DeepL glossary per language pair and content hash, found by name and reused
 *     on every later run, created only when missing;
 *   - concurrency: a small pool of requests in flight; results are handed to `onResults` as each
 *     request completes, so the caller can save them before the batch ends;
 *   - errors: mapped to `EngineError` kinds with messages that never contain the key; a 413
 *     (request too large, which our size budget should prevent) splits the request in two.
 *
 * Retries: deepl-node retries 429, 5xx, timeouts and resets itself, waiting about 1 s and then
 * ×1.6 per attempt. Its `maxRetries` option counts *attempts* (1 means "no retry"), so verso's
 * setting is called `maxAttempts` and passed through unchanged. A refused connection is not
 * retried by deepl-node.
 */
import * as deepl from 'deepl-node';
import type { Lang } from '../core/model.js';
import type { TranslateBatchOptions, TranslationEngine, TranslationRequest, TranslationResult, Usage } from './types.js';
import { EngineError, redact } from './errors.js';
import { chunkTexts, encodedParamBytes, fitContext, DEFAULT_REQUEST_BUDGET_BYTES, DEEPL_MAX_TEXTS, type Chunk } from './deepl-chunks.js';
import type { Glossary } from './glossary.js';

export type DeepLFormality = 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
export type DeepLModelType = 'latency_optimized' | 'quality_optimized' | 'prefer_quality_optimized';

export interface DeepLEngineOptions {
  /** From `DEEPL_AUTH_KEY` only; never logged or stored. */
  authKey: string;
  /** `DEEPL_SERVER_URL` or the config; default: deepl-node's choice from the key (Free or Pro). */
  serverUrl?: string;
  englishVariant?: 'en-GB' | 'en-US';
  portugueseVariant?: 'pt-PT' | 'pt-BR';
  formality?: DeepLFormality;
  modelType?: DeepLModelType;
  /** One glossary per language pair at most. */
  glossaries?: Glossary[];
  /** Total attempts per request, first one included (deepl-node's `maxRetries`). Default 5. */
  maxAttempts?: number;
  /** Minimum per-attempt timeout in ms (deepl-node's `minTimeout`). Default 10,000. */
  requestTimeoutMs?: number;
  /** Requests in flight at once when the caller does not say. Default 4. */
  concurrency?: number;
  /** Texts per request, at most 50. */
  maxTextsPerRequest?: number;
  /** Encoded body budget per request. Default 64 KiB, half of DeepL's 128 KiB. */
  maxRequestBytes?: number;
  appVersion?: string;
}

/** DeepL's target code for a verso language code. */
export function deeplTargetCode(lang: Lang, options: Pick<DeepLEngineOptions, 'englishVariant' | 'portugueseVariant'> = {}): string {
  const [base = '', region] = lang.toLowerCase().split(/[-_]/, 2);
  if (base === 'en') return region === 'us' ? 'en-US' : region === 'gb' ? 'en-GB' : (options.englishVariant ?? 'en-GB');
  if (base === 'pt') return region === 'br' ? 'pt-BR' : region === 'pt' ? 'pt-PT' : (options.portugueseVariant ?? 'pt-PT');
  if (base === 'zh') return region === 'hant' || region === 'tw' || region === 'hk' ? 'zh-HANT' : 'zh-HANS';
  return base;
}

/** DeepL's source code for a verso language code: the base language only. */
export function deeplSourceCode(lang: Lang): string {
  return lang.toLowerCase().split(/[-_]/, 1)[0] ?? lang;
}

/** deepl-node reports 413 as a plain DeepLError with the status in its message. */
function isTooLarge(error: unknown): boolean {
  return error instanceof deepl.DeepLError && /Unexpected status code: 413\b/.test(error.message);
}

function pairKey(source: string, target: string): string {
  return `${deeplSourceCode(source)}>${deeplSourceCode(target)}`;
}

export class DeepLEngine implements TranslationEngine {
  readonly id = 'deepl';
  readonly fingerprint: string;
  private readonly client: deepl.DeepLClient;
  private readonly glossaries = new Map<string, Glossary>();
  private readonly glossaryIds = new Map<string, Promise<string>>();
  private formalityTargets: Promise<Set<string>> | null = null;

  constructor(private readonly options: DeepLEngineOptions) {
    if (!options.authKey) throw new EngineError('auth', 'No DeepL key: set DEEPL_AUTH_KEY.');
    for (const g of options.glossaries ?? []) this.glossaries.set(pairKey(g.sourceLang, g.targetLang), g);
    this.fingerprint = [
      'deepl',
      `model=${options.modelType ?? 'default'}`,
      `formality=${options.formality ?? 'default'}`,
      `en=${options.englishVariant ?? 'en-GB'}`,
      `pt=${options.portugueseVariant ?? 'pt-PT'}`,
    ].join(';');
    this.client = new deepl.DeepLClient(options.authKey, {
      serverUrl: options.serverUrl,
      maxRetries: Math.max(1, options.maxAttempts ?? 5),
      minTimeout: options.requestTimeoutMs ?? 10_000,
      appInfo: { appName: 'verso', appVersion: options.appVersion ?? '0' },
    });
  }

  fingerprintFor(sourceLang: Lang, targetLang: Lang): string {
    const glossary = this.glossaries.get(pairKey(sourceLang, targetLang));
    return `${this.fingerprint};target=${deeplTargetCode(targetLang, this.options)}${glossary ? `;glossary=${glossary.hash}` : ''}`;
  }

  async usage(): Promise<Usage | null> {
    try {
      const usage = await this.client.getUsage();
      if (!usage.character) return null;
      return { characterCount: usage.character.count, characterLimit: usage.character.limit };
    } catch (error) {
      throw this.mapError(error);
    }
  }

  async translate(requests: TranslationRequest[], options: TranslateBatchOptions): Promise<TranslationResult[]> {
    const results: TranslationResult[] = [];
    const deliver = async (batch: TranslationResult[]) => {
      results.push(...batch);
      await options.onResults?.(batch);
    };

    // Blank texts are never sent: their translation is themselves, for free.
    const blank = requests.filter((r) => r.text.trim() === '');
    if (blank.length > 0) await deliver(blank.map((r) => ({ id: r.id, text: r.text, billedCharacters: 0 })));
    const toSend = requests.filter((r) => r.text.trim() !== '');
    if (toSend.length === 0) return results;

    const target = deeplTargetCode(options.targetLang, this.options);
    const source = deeplSourceCode(options.sourceLang);
    const formality = await this.formalityFor(target);
    const glossaryId = await this.glossaryIdFor(options.sourceLang, options.targetLang);
    const modelType = this.options.modelType;

    // Parameters other than texts and context, as deepl-node will encode them.
    const baseBytes =
      encodedParamBytes('target_lang', target) +
      encodedParamBytes('source_lang', source) +
      encodedParamBytes('show_billed_characters', '1') +
      (formality ? encodedParamBytes('formality', formality) : 0) +
      (glossaryId ? encodedParamBytes('glossary_id', glossaryId) : 0) +
      (modelType ? encodedParamBytes('model_type', modelType) : 0);
    const limits = {
      maxTexts: Math.min(this.options.maxTextsPerRequest ?? DEEPL_MAX_TEXTS, DEEPL_MAX_TEXTS),
      maxBytes: this.options.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET_BYTES,
    };

    // Group by context, keeping first-seen order so an article's segments go out together.
    const groups = new Map<string, { context: string | undefined; items: { index: number; text: string }[] }>();
    toSend.forEach((r, index) => {
      const key = r.context === undefined ? '\u0000none' : r.context;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { context: r.context, items: [] }));
      group.items.push({ index, text: r.text });
    });
    const chunks: Chunk[] = [];
    for (const group of groups.values()) {
      // A context may take at most a quarter of the budget: it steers, the texts are the work.
      const context = group.context === undefined ? undefined : fitContext(group.context, Math.floor(limits.maxBytes / 4));
      chunks.push(...chunkTexts(group.items, context, baseBytes, limits).chunks);
      // Texts too large for a request even alone are left out (reported as not translated).
    }

    const concurrency = Math.max(1, options.concurrency ?? this.options.concurrency ?? 4);
    let next = 0;
    let failure: unknown = null;
    const worker = async () => {
      while (failure === null && !options.signal?.aborted && next < chunks.length) {
        const chunk = chunks[next++]!;
        const texts = chunk.indices.map((i) => toSend[i]!.text);
        let translated: deepl.TextResult[];
        try {
          translated = await this.client.translateText(texts, source as deepl.SourceLanguageCode, target as deepl.TargetLanguageCode, {
            context: chunk.context,
            formality,
            glossary: glossaryId,
            modelType,
          });
        } catch (error) {
          if (isTooLarge(error)) {
            // DeepL measured the request differently than we did: split it and try the halves
            // next; a single text that is still too large is left out (not translated).
            if (chunk.indices.length > 1) {
              const half = Math.ceil(chunk.indices.length / 2);
              chunks.splice(next, 0, { ...chunk, indices: chunk.indices.slice(0, half) }, { ...chunk, indices: chunk.indices.slice(half) });
            }
            continue;
          }
          failure ??= error;
          return;
        }
        await deliver(
          translated.map((t, k) => {
            const request = toSend[chunk.indices[k]!]!;
            const note = modelType && t.modelTypeUsed ? { note: `DeepL ${t.modelTypeUsed}` } : {};
            return { id: request.id, text: t.text, billedCharacters: t.billedCharacters ?? [...request.text].length, ...note };
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
    if (failure !== null) throw this.mapError(failure);
    if (options.signal?.aborted && next < chunks.length) throw new EngineError('cancelled', 'Translation was interrupted.');
    return results;
  }

  /** `more`/`less` only where DeepL lists the target as supporting formality; `prefer_*` always (it degrades quietly). */
  private async formalityFor(target: string): Promise<deepl.Formality | undefined> {
    const formality = this.options.formality;
    if (formality === undefined || formality === 'default') return undefined;
    if (formality === 'prefer_more' || formality === 'prefer_less') return formality;
    this.formalityTargets ??= this.client.getTargetLanguages().then(
      (langs) => new Set(langs.filter((l) => l.supportsFormality).map((l) => l.code.toLowerCase())),
    );
    try {
      return (await this.formalityTargets).has(target.toLowerCase()) ? formality : undefined;
    } catch (error) {
      this.formalityTargets = null;
      throw this.mapError(error);
    }
  }

  /** The DeepL glossary for this pair: looked up by name (which carries the content hash), created once. */
  private async glossaryIdFor(sourceLang: Lang, targetLang: Lang): Promise<string | undefined> {
    const key = pairKey(sourceLang, targetLang);
    const glossary = this.glossaries.get(key);
    if (!glossary || glossary.entries.length === 0) return undefined;
    let id = this.glossaryIds.get(key);
    if (!id) {
      const source = deeplSourceCode(glossary.sourceLang);
      const target = deeplSourceCode(glossary.targetLang);
      const name = `verso ${source}-${target} ${glossary.hash}`;
      id = (async () => {
        const existing = (await this.client.listGlossaries()).find(
          (g) => g.name === name && g.ready && g.sourceLang === source && g.targetLang === target,
        );
        if (existing) return existing.glossaryId;
        const entries = new deepl.GlossaryEntries({ entries: Object.fromEntries(glossary.entries) });
        const created = await this.client.createGlossary(name, source as deepl.SourceGlossaryLanguageCode, target as deepl.TargetGlossaryLanguageCode, entries);
        return created.glossaryId;
      })();
      this.glossaryIds.set(key, id);
    }
    try {
      return await id;
    } catch (error) {
      this.glossaryIds.delete(key);
      throw this.mapError(error);
    }
  }

  /** deepl-node's errors → `EngineError`, without the library error (its config holds the key). */
  private mapError(error: unknown): EngineError {
    if (error instanceof EngineError) return error;
    const raw = error instanceof Error ? error.message : String(error);
    const message = redact(raw, [this.options.authKey]);
    // deepl-node prefixes DeepL's own message with ", message: "; keep only DeepL's words where we can.
    const detail = /message: ([^]*)$/.exec(message)?.[1]?.trim() ?? message;
    if (error instanceof deepl.AuthorizationError) {
      return new EngineError('auth', 'DeepL refused the authentication key (403).', 'Check DEEPL_AUTH_KEY (Free keys end in ":fx") and, if set, DEEPL_SERVER_URL.');
    }
    if (error instanceof deepl.QuotaExceededError) {
      return new EngineError('quota', 'The DeepL character quota for this billing period is used up (456).', 'Wait for the next billing period or raise the limit in your DeepL account.');
    }
    if (error instanceof deepl.TooManyRequestsError) {
      return new EngineError('rate-limit', 'DeepL is still rate-limiting requests (429) after the retries.', 'Run the same command again later, or with a lower --concurrency.');
    }
    if (error instanceof deepl.ConnectionError) {
      return new EngineError('network', `Could not reach DeepL: ${message.replace(/^Connection failure: /, '')}.`, 'Check the network (and DEEPL_SERVER_URL if set), then run the same command again.');
    }
    if (error instanceof deepl.GlossaryNotFoundError) {
      return new EngineError('not-found', `DeepL glossary not found: ${detail}`, 'Run the command again: verso creates the glossary when it is missing.');
    }
    if (error instanceof deepl.DeepLError) {
      if (message.startsWith('Bad request')) return new EngineError('bad-request', `DeepL refused the request (400): ${detail}`);
      const status = /Unexpected status code: (\d{3})/.exec(message)?.[1];
      if (status === '413') return new EngineError('too-large', 'DeepL refused a request as too large (413).', 'This is a bug in verso\'s request chunking: please report it.');
      if (message.startsWith('Service unavailable') || (status !== undefined && status.startsWith('5'))) {
        return new EngineError('server', `DeepL kept failing with a server error${status ? ` (${status})` : ' (503)'} after the retries.`, 'Run the same command again later.');
      }
      if (message.startsWith('Not found')) return new EngineError('not-found', `DeepL: ${detail}`);
      return new EngineError('internal', `DeepL: ${message}`);
    }
    return new EngineError('internal', `Unexpected error from DeepL client: ${message}`);
  }
}
