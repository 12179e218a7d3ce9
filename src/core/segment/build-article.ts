/**
 * Turning a parsed original into an Article, and updating an existing Article from a changed
 * original without losing work: unchanged paragraphs keep their keys (and so their
 * translations), changed ones keep their key and remember the previous text (stale), new ones
 * get fresh keys, removed ones are marked obsolete rather than deleted.
 */
import type { Article, Lang, Segment } from '../model.js';
import { hashText } from '../hash.js';
import { keyForNumber } from './keys.js';
import type { ParsedParagraph } from './parse-original.js';
import { matchParagraphs, type ParagraphMatch } from './match-paragraphs.js';

export function buildArticle(
  id: string,
  sourceLang: Lang,
  originUrl: string | null,
  paragraphs: readonly ParsedParagraph[],
): Article {
  const segments: Record<string, Segment> = {};
  const order: string[] = [];
  paragraphs.forEach((p, i) => {
    const key = keyForNumber(i + 1);
    order.push(key);
    segments[key] = { key, kind: p.kind, text: p.text, hash: hashText(p.text), line: p.line };
  });
  return {
    id,
    sourceLang,
    originUrl,
    originalPath: `originals/${id}.txt`,
    order,
    segments,
    nextKeyNumber: paragraphs.length + 1,
  };
}

export interface ReimportReport {
  unchanged: string[];
  changed: string[];
  added: string[];
  removed: string[];
  /** Keys whose paragraph had been removed earlier and came back unchanged. */
  revived: string[];
  originChanged: boolean;
}

export function reimportArticle(
  previous: Article,
  originUrl: string | null,
  paragraphs: readonly ParsedParagraph[],
): { article: Article; report: ReimportReport } {
  const report: ReimportReport = { unchanged: [], changed: [], added: [], removed: [], revived: [], originChanged: false };
  const activeKeys = previous.order.filter((k) => !previous.segments[k]?.obsolete);
  const obsoleteKeys = previous.order.filter((k) => previous.segments[k]?.obsolete);
  const oldTexts = activeKeys.map((k) => (previous.segments[k] as Segment).text);
  const newTexts = paragraphs.map((p) => p.text);

  const matches: ParagraphMatch[] = matchParagraphs(oldTexts, newTexts);
  const keyOfNew = new Map<number, string>();
  const matchedOld = new Set<number>();
  for (const m of matches) {
    keyOfNew.set(m.newIndex, activeKeys[m.oldIndex] as string);
    matchedOld.add(m.oldIndex);
  }
  // A paragraph removed by an earlier import that reappears word for word gets its key back.
  const obsoleteByText = new Map<string, string>();
  for (const k of obsoleteKeys) {
    const text = (previous.segments[k] as Segment).text;
    if (!obsoleteByText.has(text)) obsoleteByText.set(text, k);
  }

  const segments: Record<string, Segment> = {};
  const order: string[] = [];
  let nextKeyNumber = previous.nextKeyNumber;
  paragraphs.forEach((p, i) => {
    let key = keyOfNew.get(i);
    const old = key ? previous.segments[key] : undefined;
    const base = { kind: p.kind, text: p.text, hash: hashText(p.text), line: p.line };
    if (key && old) {
      if (old.text === p.text) {
        report.unchanged.push(key);
        segments[key] = { key, ...base, ...(old.previousText !== undefined ? { previousText: old.previousText } : {}) };
      } else {
        report.changed.push(key);
        segments[key] = { key, ...base, previousText: old.text };
      }
    } else if ((key = obsoleteByText.get(p.text)) !== undefined) {
      obsoleteByText.delete(p.text);
      report.revived.push(key);
      segments[key] = { key, ...base };
    } else {
      key = keyForNumber(nextKeyNumber++);
      report.added.push(key);
      segments[key] = { key, ...base };
    }
    order.push(key);
  });

  // Removed paragraphs stay in the record, marked obsolete, next to where they stood.
  const stillObsolete = new Set(obsoleteKeys.filter((k) => !report.revived.includes(k)));
  activeKeys.forEach((k, i) => {
    if (!matchedOld.has(i)) {
      report.removed.push(k);
      stillObsolete.add(k);
    }
  });
  for (const k of previous.order) {
    if (!stillObsolete.has(k)) continue;
    const seg = previous.segments[k] as Segment;
    segments[k] = { ...seg, obsolete: true };
    const prevIndex = previous.order.indexOf(k);
    const anchor = previous.order.slice(0, prevIndex).reverse().find((a) => order.includes(a));
    order.splice(anchor === undefined ? 0 : order.indexOf(anchor) + 1, 0, k);
  }

  report.originChanged = previous.originUrl !== originUrl;
  const article: Article = {
    ...previous,
    originUrl,
    order,
    segments,
    nextKeyNumber,
  };
  return { article, report };
}
