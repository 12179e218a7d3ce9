/**
 * The machine-translation engine interface. Small on purpose: an engine translates a batch of
 * texts from one language into another and says what it billed. Batching limits, retries and
 * caching belong to the engine implementation or to the translate service, not to callers.
 */
import type { Lang } from '../core/model.js';

export interface TranslationRequest {
  /** Caller's id for the text (e.g. `article/key`), echoed back in the result. */
  id: string;
  /** Source text; may be empty (an engine must not send empty texts to a remote service). */
  text: string;
  /** Text that steers the translation (headline, neighbouring paragraphs); never translated. */
  context?: string;
}

export interface TranslationResult {
  id: string;
  text: string;
  /** Characters the engine billed for this text (0 for free engines). */
  billedCharacters: number;
  /** Translation-memory match percentage, for engines that match rather than translate. */
  match?: number;
  /** For the reviewer, e.g. the source text a fuzzy match was made from. */
  note?: string;
}

export interface TranslateBatchOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /** Aborts outstanding work; results already delivered stay valid. */
  signal?: AbortSignal;
  /** Called as results arrive, so a caller can persist them before the batch ends. */
  onResults?: (results: TranslationResult[]) => void | Promise<void>;
  /** Requests an engine may have in flight at once (remote engines); default is the engine's own. */
  concurrency?: number;
}

export interface Usage {
  characterCount: number;
  characterLimit: number | null;
}

export interface TranslationEngine {
  /** `deepl`, `memory`, … */
  readonly id: string;
  /** Everything besides the text that changes the output (model, formality, glossary id…): part of the cache key. */
  readonly fingerprint: string;
  /**
   * The fingerprint for one language pair, when settings differ per pair (e.g. a glossary for
   * fr→en only): a cache keyed by it is not invalidated by another pair's changes.
   */
  fingerprintFor?(sourceLang: Lang, targetLang: Lang): string;
  /**
   * Translates every request; results come back with the same ids. Texts the engine cannot
   * translate (e.g. no memory match) are omitted from the result.
   */
  translate(requests: TranslationRequest[], options: TranslateBatchOptions): Promise<TranslationResult[]>;
  /** Account usage, when the engine can tell. */
  usage?(): Promise<Usage | null>;
}
