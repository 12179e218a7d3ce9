/**
 * Reading an article as received: one paragraph a line, a `Source : <url>` line naming the
 * origin, and site boilerplate (`Comment (0)`) to drop. Pure: text in, parsed article out.
 */
import type { SegmentKind } from '../model.js';
import { normalizeReceivedText, tidyLine } from '../text/normalize.js';

export interface ParsedParagraph {
  text: string;
  kind: SegmentKind;
  /** 1-based line of the (normalised) original. */
  line: number;
}

export interface DroppedLine {
  line: number;
  text: string;
  reason: 'boilerplate' | 'origin';
}

export interface ParsedOriginal {
  /** The normalised full text: what is stored under `originals/`. */
  normalizedText: string;
  originUrl: string | null;
  paragraphs: ParsedParagraph[];
  dropped: DroppedLine[];
}

/** `Source : URL`, `Source: URL`, `Nguồn: URL` (any case, any space before the colon, NBSP too). */
const ORIGIN_LINE = /^(?:source|sources|nguồn)[\s\u00a0\u202f]*:[\s\u00a0\u202f]*(\S+)$/iu;
/** A line "ends like a sentence": final punctuation, possibly followed by closing quotes. */
const SENTENCE_END = /[.!?…:;][\s\u00a0\u202f]*[»”"’')\]]*$|[»”"]$/u;
/** Title-like lines longer than this are treated as paragraphs even without final punctuation. */
const TITLE_MAX_CHARS = 220;
/** Title-like lines with at most this many words are captions (photo credits, names). */
const CAPTION_MAX_WORDS = 12;

export function parseOriginal(raw: string, boilerplate: readonly RegExp[]): ParsedOriginal {
  const normalizedText = normalizeReceivedText(raw);
  const lines = normalizedText.split('\n');
  const paragraphs: ParsedParagraph[] = [];
  const dropped: DroppedLine[] = [];
  let originUrl: string | null = null;

  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const text = tidyLine(rawLine);
    if (text === '') return;
    const origin = ORIGIN_LINE.exec(text);
    if (origin && isHttpUrl(origin[1] as string)) {
      originUrl ??= origin[1] as string;
      dropped.push({ line, text, reason: 'origin' });
      return;
    }
    if (boilerplate.some((re) => re.test(text))) {
      dropped.push({ line, text, reason: 'boilerplate' });
      return;
    }
    paragraphs.push({ text, line, kind: classify(text, paragraphs.length === 0) });
  });
  return { normalizedText, originUrl, paragraphs, dropped };
}

/**
 * Kinds of unit: running paragraphs end like sentences; short lines without final punctuation
 * are titles (the first line: the headline), captions (a few words, typically a name and
 * role under a photo) or related-article lines (longer teasers, often `Topic : headline`).
 */
export function classify(text: string, isFirst: boolean): SegmentKind {
  if (SENTENCE_END.test(text) || text.length > TITLE_MAX_CHARS) return 'paragraph';
  if (isFirst) return 'heading';
  const words = text.split(/\s+/u).length;
  return words <= CAPTION_MAX_WORDS && !/[:|]/u.test(text) ? 'caption' : 'related';
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
