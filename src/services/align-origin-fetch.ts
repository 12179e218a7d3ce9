/**
 * Fetching an article's origin page and extracting its body as paragraphs, for
 * `verso align <article> --origin` without a file.
 *
 * The page is parsed with linkedom (a small DOM without a browser) and the article body is found
 * by Mozilla's Readability, the library behind Firefox's reader view: it drops navigation,
 * related-article boxes, comments and ads. The body's block elements (paragraphs, headings,
 * list items, quotes, captions) become the paragraphs, in document order.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from './errors.js';

export interface FetchOriginOptions {
  signal?: AbortSignal;
  /** Give up after this long (default 20 s). */
  timeoutMs?: number;
  /** Refuse pages larger than this (default 8 MiB). */
  maxBytes?: number;
}

export interface OriginPage {
  url: string;
  title: string | null;
  paragraphs: string[];
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre';

export async function fetchOriginPage(url: string, options: FetchOriginOptions = {}): Promise<OriginPage> {
  const hint = 'check the URL and your connection, or give the original as a file: verso align <article> <file> --origin';
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml' } });
  } catch (e) {
    throw new UserError(`could not fetch ${url}: ${(e as Error).message}`, { hint });
  }
  if (!response.ok) throw new UserError(`could not fetch ${url}: HTTP ${response.status}`, { hint });
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html/i.test(type)) throw new UserError(`${url} is not an HTML page (${type})`, { hint });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > (options.maxBytes ?? 8 * 1024 * 1024)) throw new UserError(`${url} is too large to be an article page`, { hint });
  const html = new TextDecoder(charsetOf(type)).decode(bytes);
  const page = extractArticle(html);
  if (page.paragraphs.length === 0) throw new UserError(`found no article text in ${url}`, { hint });
  return { url, ...page };
}

/** The article body of an HTML page, as paragraphs (pure: no network). */
export function extractArticle(html: string): { title: string | null; paragraphs: string[] } {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return { title: null, paragraphs: [] };
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  // Only what is used of each element: linkedom's own types, without the DOM library.
  const blocks = [...body.querySelectorAll(BLOCKS)] as unknown as Array<{ querySelector(s: string): unknown; textContent: string | null }>;
  const paragraphs: string[] = [];
  for (const el of blocks) {
    // A list item holding a paragraph would give the text twice: keep the innermost block.
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
    if (text) paragraphs.push(text);
  }
  return { title: article.title ? article.title.replace(/\s+/g, ' ').trim() : null, paragraphs };
}

function charsetOf(contentType: string): string {
  const m = /charset=["']?([\w-]+)/i.exec(contentType);
  const label = m?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}
