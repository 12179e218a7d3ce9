/**
 * How verso packs texts into DeepL requests. deepl-node sends whatever array it is given as one
 * request, so the caller has to respect DeepL's limits: at most 50 texts and 128 KiB per request
 * (the context counts), never an empty text. `context` applies to every text of a request, so
 * only texts that share a context can travel together.
 *
 * Sizes are measured the way deepl-node sends them: a form-encoded (`URLSearchParams`) body, in
 * which every non-ASCII byte of UTF-8 becomes `%XX` — Vietnamese text can triple in size.
 */
export const DEEPL_MAX_TEXTS = 50;
export const DEEPL_MAX_REQUEST_BYTES = 128 * 1024;
/** Verso's default budget per request: half of DeepL's limit leaves room for headers and parameters we do not count exactly. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 64 * 1024;

export interface ChunkLimits {
  maxTexts: number;
  maxBytes: number;
}

export interface ChunkInput {
  /** Position in the caller's list. */
  index: number;
  text: string;
}

export interface Chunk {
  context: string | undefined;
  indices: number[];
  /** Estimated encoded body size. */
  bytes: number;
}

/** Bytes a `name=value` pair takes in a form-encoded body, including its `&` separator. */
export function encodedParamBytes(name: string, value: string): number {
  return new URLSearchParams([[name, value]]).toString().length + 1;
}

/**
 * Splits texts that share one context into requests within the limits. `baseBytes` is the size
 * of the other parameters (target_lang, source_lang, glossary_id…). A text too large to fit even
 * alone is returned in `oversized` instead of being sent.
 */
export function chunkTexts(
  items: readonly ChunkInput[],
  context: string | undefined,
  baseBytes: number,
  limits: ChunkLimits,
): { chunks: Chunk[]; oversized: number[] } {
  const maxTexts = Math.max(1, Math.min(limits.maxTexts, DEEPL_MAX_TEXTS));
  const fixed = baseBytes + (context === undefined ? 0 : encodedParamBytes('context', context));
  const chunks: Chunk[] = [];
  const oversized: number[] = [];
  let current: Chunk | null = null;
  for (const item of items) {
    const size = encodedParamBytes('text', item.text);
    if (fixed + size > limits.maxBytes) {
      oversized.push(item.index);
      continue;
    }
    if (current === null || current.indices.length >= maxTexts || current.bytes + size > limits.maxBytes) {
      current = { context, indices: [], bytes: fixed };
      chunks.push(current);
    }
    current.indices.push(item.index);
    current.bytes += size;
  }
  return { chunks, oversized };
}

/**
 * Shortens a context so that it takes at most `maxBytes` once encoded, cutting at a word
 * boundary when there is one. Context only steers the translation, so a shorter one is still
 * correct, just less informed.
 */
export function fitContext(context: string, maxBytes: number): string | undefined {
  if (encodedParamBytes('context', context) <= maxBytes) return context;
  let low = 0;
  let high = context.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encodedParamBytes('context', context.slice(0, mid)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  let cut = context.slice(0, low);
  // Never leave half a surrogate pair at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > cut.length / 2) cut = cut.slice(0, space);
  return cut.trim() === '' ? undefined : cut;
}
