import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeLocale, validateLocaleObject, targetLocaleEntries } from '../../../src/core/catalog/locale-file.js';
import { addCandidate, approveSegment, emptySegmentState, emptyReviewState, revertDraft, setDraft, acceptMachine } from '../../../src/core/catalog/state-ops.js';
import { segmentStatus } from '../../../src/core/status/status.js';
import { buildArticle } from '../../../src/core/segment/build-article.js';
import { parseStateRecord, serializeRecord, parseArticleRecord } from '../../../src/storage/records.js';
import { parseJsonText } from '../../../src/storage/json.js';
import { hashText } from '../../../src/core/hash.js';
import { capHistory, HISTORY_LIMIT, NOTE_ACTION, type Segment } from '../../../src/core/model.js';

const actor = { by: 'ana', at: '2026-01-01T00:00:00.000Z' };
const seg = (text: string, key = 'p1'): Segment => ({ key, kind: 'paragraph', text, hash: hashText(text), line: 1 });

describe('locale files', () => {
  it('are i18next JSON with 2-space indent, document order and a trailing newline', () => {
    expect(serializeLocale([['p2', 'b'], ['p1', 'a']])).toBe('{\n  "p2": "b",\n  "p1": "a"\n}\n');
  });

  it('round-trip any strings (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string({ minLength: 1 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), fc.string({ unit: 'grapheme' })), { selector: (e) => e[0] }), (entries) => {
        const text = serializeLocale(entries);
        const back = validateLocaleObject(parseJsonText(text, 'x.json'));
        expect('resource' in back && Object.entries(back.resource)).toEqual(expect.arrayContaining(entries));
        expect(text.endsWith('\n')).toBe(true);
      }),
    );
  });

  it('refuse non-string values and prototype keys', () => {
    expect(validateLocaleObject({ p1: 3 })).toHaveProperty('problems');
    expect(() => parseJsonText('{"__proto__": {"x": 1}}', 'fr.json')).toThrow(/__proto__/);
    expect(() => parseJsonText('{\n  "a": 1,\n}', 'fr.json')).toThrow(/invalid JSON/);
    try {
      parseJsonText('{\n  "a": 1,\n}', 'fr.json');
    } catch (e) {
      expect((e as { position: { line: number } }).position.line).toBe(3);
    }
  });
});

describe('review actions', () => {
  const s = seg('Bonjour.');

  it('go untranslated → machine → draft → approved, recording history', () => {
    let st = addCandidate(emptySegmentState(), { origin: 'machine', by: 'deepl', text: 'Hello.', sourceHash: s.hash, at: actor.at });
    expect(segmentStatus(s, st)).toBe('machine');
    st = acceptMachine(st, s, actor);
    expect(segmentStatus(s, st)).toBe('draft');
    st = approveSegment(st, s, actor);
    expect(segmentStatus(s, st)).toBe('approved');
    expect(st.approved).toMatchObject({ text: 'Hello.', sourceText: 'Bonjour.', sourceHash: s.hash });
    expect(st.history.map((h) => h.action)).toEqual(['candidate:machine', 'edit', 'approve']);
  });

  it('become stale when the source changes after approval', () => {
    const st = approveSegment(setDraft(emptySegmentState(), s, 'Hello.', actor), s, actor);
    expect(segmentStatus(seg('Bonsoir.'), st)).toBe('stale');
  });

  it('refuse to approve nothing or an empty text; revert restores the previous status', () => {
    expect(() => approveSegment(emptySegmentState(), s, actor)).toThrow(/no draft/);
    expect(() => setDraft(emptySegmentState(), s, '  ', actor)).toThrow(/empty/);
    const approved = approveSegment(setDraft(emptySegmentState(), s, 'Hello.', actor), s, actor);
    const drafted = setDraft(approved, s, 'Hi.', actor);
    expect(drafted.approved?.text).toBe('Hello.');
    expect(revertDraft(drafted, actor).status).toBe('approved');
  });

  it('keep history bounded', () => {
    let st = emptySegmentState();
    for (let i = 0; i < 50; i++) st = setDraft(st, s, `v${i}`, actor);
    expect(st.history.length).toBe(20);
    expect(st.history.at(-1)!.text).toBe('v49');
  });

  it('target locale files hold approved strings only, in document order', () => {
    const article = buildArticle('a', 'fr', null, ['Un.', 'Deux.', 'Trois.'].map((text, i) => ({ text, kind: 'paragraph' as const, line: i + 1 })));
    const state = emptyReviewState('a', 'en');
    state.segments['p3'] = approveSegment(setDraft(emptySegmentState(), article.segments['p3']!, 'Three.', actor), article.segments['p3']!, actor);
    state.segments['p1'] = setDraft(emptySegmentState(), article.segments['p1']!, 'One.', actor);
    expect(targetLocaleEntries(article, state)).toEqual([['p3', 'Three.']]);
  });
});

describe('state and article records', () => {
  it('round-trip (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1 }).filter((t) => t.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.option(text, { nil: undefined })), { minLength: 1, maxLength: 6 }), (items) => {
        const article = buildArticle('a', 'fr', 'https://x.vn/1', items.map(([t], i) => ({ text: t, kind: 'paragraph' as const, line: i + 1 })));
        expect(parseArticleRecord(serializeRecord(article), 'a.json')).toEqual(article);
        const state = emptyReviewState('a', 'en');
        items.forEach(([, tr], i) => {
          const sg = article.segments[`p${i + 1}`]!;
          if (tr !== undefined) state.segments[sg.key] = approveSegment(setDraft(emptySegmentState(), sg, tr, actor), sg, actor);
        });
        expect(parseStateRecord(serializeRecord(state), 's.json')).toEqual(state);
      }),
    );
  });

  it('report damage with the file and line', () => {
    expect(() => parseStateRecord('{"segments": {"p1": {"status": "done", "candidates": []}}}', '.verso/state/en/a.json')).toThrow(/unknown status/);
  });
});

describe('capHistory', () => {
  const entry = (i: number, action = 'edit') => ({ at: `2026-11-27T10:${String(i).padStart(2, '0')}:00.000Z`, by: 'ana', action, text: `t${i}` });

  it('keeps a history within the limit as it is', () => {
    const h = Array.from({ length: HISTORY_LIMIT }, (_, i) => entry(i));
    expect(capHistory(h)).toBe(h);
  });

  it('drops the oldest log entries first and keeps notes, in time order', () => {
    const h = [entry(0, NOTE_ACTION), ...Array.from({ length: HISTORY_LIMIT + 3 }, (_, i) => entry(i + 1)), entry(40, NOTE_ACTION)];
    const kept = capHistory(h);
    expect(kept.length).toBe(HISTORY_LIMIT);
    expect(kept[0]).toEqual(entry(0, NOTE_ACTION));
    expect(kept.at(-1)).toEqual(entry(40, NOTE_ACTION));
    expect(kept.slice(1, -1).map((e) => e.text)).toEqual(Array.from({ length: HISTORY_LIMIT - 2 }, (_, i) => `t${i + 6}`));
  });

  it('drops the oldest notes once nothing else is left to drop', () => {
    const h = Array.from({ length: HISTORY_LIMIT + 2 }, (_, i) => entry(i, NOTE_ACTION));
    expect(capHistory(h).map((e) => e.text)).toEqual(h.slice(2).map((e) => e.text));
  });
});
