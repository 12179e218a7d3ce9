/**
 * An in-memory ReviewSession for component tests: the same pure review operations the services
 * use (core/catalog/state-ops), applied to records held in memory, with a log of what was done.
 */
import type { Article, ReviewState, Segment, SegmentState } from '../../../src/core/model.js';
import { hashText } from '../../../src/core/hash.js';
import {
  acceptMachine, addCandidate, approveSegment, emptySegmentState, revertDraft, setDraft, unapprove,
} from '../../../src/core/catalog/state-ops.js';
import type { ReviewData, ReviewSession } from '../../../src/ui/session.js';
import type { QaOptions } from '../../../src/core/qa/types.js';

export interface SegmentSpec {
  text: string;
  machine?: string;
  draft?: string;
  approved?: string;
  origin?: string;
  kind?: Segment['kind'];
  /** Approved against this older source text (so the segment is stale). */
  previousSource?: string;
}

export function buildArticle(id: string, specs: SegmentSpec[], originUrl: string | null = 'https://thanhnien.vn/bai-viet-185240626070252909.htm'): Article {
  const segments: Record<string, Segment> = {};
  const order: string[] = [];
  const origin: Record<string, string> = {};
  specs.forEach((spec, i) => {
    const key = `p${i + 1}`;
    order.push(key);
    segments[key] = { key, kind: spec.kind ?? 'paragraph', text: spec.text, hash: hashText(spec.text), line: i + 1, ...(spec.previousSource ? { previousText: spec.previousSource } : {}) };
    if (spec.origin) origin[key] = spec.origin;
  });
  return { id, sourceLang: 'fr', originUrl, originalPath: `originals/${id}.txt`, order, segments, nextKeyNumber: specs.length + 1, ...(Object.keys(origin).length ? { origin } : {}) };
}

const actor = { by: 'tester', at: '2026-11-27T09:00:00.000Z' };

export function buildState(article: Article, specs: SegmentSpec[], lang: string): ReviewState {
  const segments: Record<string, SegmentState> = {};
  specs.forEach((spec, i) => {
    const key = `p${i + 1}`;
    const segment = article.segments[key]!;
    const asOf = spec.previousSource ? { ...segment, text: spec.previousSource, hash: hashText(spec.previousSource) } : segment;
    let s = emptySegmentState();
    if (spec.machine) s = addCandidate(s, { origin: 'machine', by: 'deepl', text: spec.machine, sourceHash: asOf.hash, at: '2026-11-26T08:30:00.000Z' });
    if (spec.approved) s = approveSegment(s, asOf, actor, spec.approved);
    if (spec.draft) s = setDraft(s, asOf, spec.draft, actor);
    if (s.candidates.length || s.draft || s.approved) segments[key] = s;
  });
  return { article: article.id, lang, segments };
}

export class MemorySession implements ReviewSession {
  readonly log: string[] = [];
  readonly states = new Map<string, ReviewState>();
  /** When set, the next action fails with this message (as a disk error would). */
  failNext: string | null = null;
  qaOptions?(lang: string): Promise<QaOptions>;

  constructor(readonly article: Article, states: Record<string, ReviewState>, readonly languages: readonly string[] = Object.keys(states), qa?: QaOptions) {
    for (const [lang, state] of Object.entries(states)) this.states.set(lang, state);
    if (qa) this.qaOptions = (lang: string) => Promise.resolve({ ...qa, targetLang: lang });
  }

  get articleId() {
    return this.article.id;
  }

  async load(lang: string): Promise<ReviewData> {
    return { article: this.article, state: this.states.get(lang) ?? { article: this.article.id, lang, segments: {} } };
  }

  private apply(lang: string, key: string, what: string, op: (s: SegmentState, seg: Segment) => SegmentState) {
    if (this.failNext) {
      const message = this.failNext;
      this.failNext = null;
      return Promise.reject(new Error(message));
    }
    const state = this.states.get(lang) ?? { article: this.article.id, lang, segments: {} };
    const next = op(state.segments[key] ?? emptySegmentState(), this.article.segments[key]!);
    this.states.set(lang, { ...state, segments: { ...state.segments, [key]: next } });
    this.log.push(`${what} ${lang} ${key}`);
    return Promise.resolve(next);
  }

  segment(lang: string, key: string) {
    return this.states.get(lang)?.segments[key];
  }

  approve(lang: string, key: string, text?: string) {
    return this.apply(lang, key, 'approve', (s, seg) => approveSegment(s, seg, actor, text));
  }
  edit(lang: string, key: string, text: string) {
    return this.apply(lang, key, 'edit', (s, seg) => setDraft(s, seg, text, actor));
  }
  acceptMachine(lang: string, key: string) {
    return this.apply(lang, key, 'accept', (s, seg) => acceptMachine(s, seg, actor));
  }
  revertDraft(lang: string, key: string) {
    return this.apply(lang, key, 'revert', (s) => revertDraft(s, actor));
  }
  async restore(lang: string, key: string, before: SegmentState | undefined) {
    this.log.push(`restore ${lang} ${key}`);
    const state = this.states.get(lang)!;
    const segments = { ...state.segments };
    if (before) segments[key] = before;
    else delete segments[key];
    this.states.set(lang, { ...state, segments });
    return before;
  }
}

export { unapprove };
