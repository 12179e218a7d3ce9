import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReviewState, SegmentState } from '../../../src/core/model.js';
import { mergeLocaleStrings } from '../../../src/core/merge/locale-merge.js';
import { mergeReviewState } from '../../../src/core/merge/state-merge.js';
import { mergeKeyOrder, mergeSetList } from '../../../src/core/merge/three-way.js';
import { addCandidate, approveSegment, emptySegmentState, setDraft } from '../../../src/core/catalog/state-ops.js';

const AT = '2026-11-27T10:00:00.000Z';
const seg = (key: string, hash = `h-${key}`) => ({ key, kind: 'paragraph' as const, text: `source ${key}`, hash, line: 1 });

function state(segments: Record<string, SegmentState>): ReviewState {
  return { article: 'a1', lang: 'en', segments };
}
const approved = (key: string, text: string, by = 'ana', at = AT) => approveSegment(emptySegmentState(), seg(key), { by, at }, text);
const drafted = (s: SegmentState, key: string, text: string, by = 'ana', at = AT) => setDraft(s, seg(key), text, { by, at });
const machine = (key: string, text: string) =>
  addCandidate(emptySegmentState(), { origin: 'machine', by: 'deepl', text, sourceHash: `h-${key}`, at: AT });
/** What the store writes into the target locale file: approved strings. */
const localeOf = (s: ReviewState) => Object.fromEntries(Object.entries(s.segments).flatMap(([k, v]) => (v.approved ? [[k, v.approved.text]] : [])));

describe('locale file merge', () => {
  it('takes each side’s change to different keys and keeps document order', () => {
    const base = { p1: 'One', p3: 'Three' };
    const ours = { p1: 'One', p2: 'Two', p3: 'Three' };
    const theirs = { p1: 'One!', p3: 'Three', p4: 'Four' };
    const r = mergeLocaleStrings(base, ours, theirs);
    expect(r.conflicts).toEqual([]);
    expect(Object.entries(r.strings)).toEqual([['p1', 'One!'], ['p2', 'Two'], ['p3', 'Three'], ['p4', 'Four']]);
  });

  it('keeps the base value when both sides changed a key differently, and reports it', () => {
    const r = mergeLocaleStrings({ p1: 'Base' }, { p1: 'Ours', p2: 'New' }, { p1: 'Theirs', p2: 'Other' });
    expect(r.strings).toEqual({ p1: 'Base' });
    expect(r.conflicts).toEqual([
      { key: 'p1', base: 'Base', ours: 'Ours', theirs: 'Theirs' },
      { key: 'p2', base: null, ours: 'New', theirs: 'Other' },
    ]);
  });

  it('applies a deletion made on one side', () => {
    expect(mergeLocaleStrings({ p1: 'a', p2: 'b' }, { p1: 'a' }, { p1: 'a', p2: 'b' }).strings).toEqual({ p1: 'a' });
  });
});

describe('review state merge', () => {
  it('merges approvals of different segments without conflict', () => {
    const base = state({ p1: machine('p1', 'mt1'), p2: machine('p2', 'mt2') });
    const ours = state({ ...base.segments, p1: approveSegment(base.segments.p1!, seg('p1'), { by: 'ana', at: AT }, 'One') });
    const theirs = state({ ...base.segments, p2: approveSegment(base.segments.p2!, seg('p2'), { by: 'minh', at: AT }, 'Two') });
    const r = mergeReviewState(base, ours, theirs, { at: AT });
    expect(r.conflicts).toEqual([]);
    expect(r.state.segments.p1!.status).toBe('approved');
    expect(r.state.segments.p2!.approved?.text).toBe('Two');
    expect(r.state.segments.p2!.approved?.by).toBe('minh');
  });

  it('turns different approvals of one segment into a visible conflict that needs review', () => {
    const base = state({ p1: machine('p1', 'mt') });
    const ours = state({ p1: approveSegment(base.segments.p1!, seg('p1'), { by: 'ana', at: AT }, 'Ours') });
    const theirs = state({ p1: approveSegment(base.segments.p1!, seg('p1'), { by: 'minh', at: '2026-11-27T11:00:00.000Z' }, 'Theirs') });
    const r = mergeReviewState(base, ours, theirs, { at: '2026-11-27T12:00:00.000Z' });
    const s = r.state.segments.p1!;
    expect(r.conflicts).toEqual([{ key: 'p1', ours: 'Ours', theirs: 'Theirs', approved: null }]);
    expect(s.status).toBe('draft');
    expect(s.approved).toBeNull(); // the base had no approval: nothing goes into the locale file
    expect(s.draft).toMatchObject({ text: 'Ours', by: 'ana', sourceHash: 'h-p1' });
    expect(s.candidates.filter((c) => c.origin === 'human').map((c) => [c.text, c.by, c.note])).toEqual([
      ['Ours', 'ana', 'merge conflict: ours'],
      ['Theirs', 'minh', 'merge conflict: theirs'],
    ]);
    expect(s.candidates.filter((c) => c.origin === 'machine')).toHaveLength(1);
    expect(s.history.at(-1)).toMatchObject({ action: 'merge-conflict', text: 'ours: «Ours» | theirs: «Theirs»' });
  });

  it('keeps the base approval in a conflict and offers the other text as the draft', () => {
    const base = state({ p1: approved('p1', 'Base') });
    const ours = state({ p1: approveSegment(base.segments.p1!, seg('p1'), { by: 'ana', at: AT }, 'Ours') });
    const theirs = state({ p1: drafted(base.segments.p1!, 'p1', 'Theirs draft', 'minh') });
    const r = mergeReviewState(base, ours, theirs, { at: AT });
    // Only ours changed the approval: it wins in the state and in the locale file alike.
    expect(r.state.segments.p1!.approved?.text).toBe('Ours');
    expect(r.state.segments.p1!.draft?.text).toBe('Theirs draft');
    expect(r.state.segments.p1!.status).toBe('draft');
    expect(r.conflicts.map((c) => c.key)).toEqual(['p1']);
  });

  it('does not call it a conflict when both sides approved the same text', () => {
    const base = state({});
    const ours = state({ p1: approved('p1', 'Same', 'ana', AT) });
    const theirs = state({ p1: approved('p1', 'Same', 'minh', '2026-11-27T11:00:00.000Z') });
    const r = mergeReviewState(base, ours, theirs, { at: AT });
    expect(r.conflicts).toEqual([]);
    expect(r.state.segments.p1!.status).toBe('approved');
    expect(r.state.segments.p1!.history).toHaveLength(2);
  });

  it('a machine candidate on one side does not fight a draft on the other', () => {
    const base = state({ p1: emptySegmentState() });
    const ours = state({ p1: machine('p1', 'mt') });
    const theirs = state({ p1: drafted(emptySegmentState(), 'p1', 'Human') });
    const r = mergeReviewState(base, ours, theirs, { at: AT });
    expect(r.conflicts).toEqual([]);
    expect(r.state.segments.p1).toMatchObject({ status: 'draft', draft: { text: 'Human' } });
    expect(r.state.segments.p1!.candidates.map((c) => c.text)).toEqual(['mt']);
  });

  it('keeps a segment one side deleted and the other changed', () => {
    const base = state({ p1: machine('p1', 'mt') });
    const r = mergeReviewState(base, state({}), state({ p1: approved('p1', 'Kept') }), { at: AT });
    expect(r.state.segments.p1!.approved?.text).toBe('Kept');
    expect(r.keptDeleted).toEqual(['p1']);
  });
});

// ------------------------------------------------------------------------------------------------
// The pair stays consistent: merging the locale files gives exactly the approved strings of the
// merged state, whatever the two branches did. (Git merges the two files separately.)
// ------------------------------------------------------------------------------------------------
type Op = { key: string; kind: 'approve' | 'draft' | 'machine' | 'nothing'; text: string; by: string };
const opArb: fc.Arbitrary<Op> = fc.record({
  key: fc.constantFrom('p1', 'p2', 'p3'),
  kind: fc.constantFrom('approve', 'draft', 'machine', 'nothing'),
  text: fc.constantFrom('A', 'B', 'C'),
  by: fc.constantFrom('ana', 'minh'),
});
function apply(s: ReviewState, ops: Op[], at: string): ReviewState {
  const segments = { ...s.segments };
  for (const op of ops) {
    const cur = segments[op.key] ?? emptySegmentState();
    const actor = { by: op.by, at };
    if (op.kind === 'approve') segments[op.key] = approveSegment(cur, seg(op.key), actor, op.text);
    else if (op.kind === 'draft') segments[op.key] = setDraft(cur, seg(op.key), op.text, actor);
    else if (op.kind === 'machine') segments[op.key] = addCandidate(cur, { origin: 'machine', by: 'deepl', text: op.text, sourceHash: `h-${op.key}`, at });
  }
  return { ...s, segments };
}

describe('merge properties', () => {
  it('merged locale = locale of merged state; no segment is lost; symmetric conflicts', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 4 }), fc.array(opArb, { maxLength: 4 }), fc.array(opArb, { maxLength: 4 }), (b, o, t) => {
        const base = apply(state({}), b, '2026-01-01T00:00:00.000Z');
        const ours = apply(base, o, '2026-01-02T00:00:00.000Z');
        const theirs = apply(base, t, '2026-01-03T00:00:00.000Z');
        const merged = mergeReviewState(base, ours, theirs, { at: AT });
        const viaLocale = mergeLocaleStrings(localeOf(base), localeOf(ours), localeOf(theirs));
        expect(localeOf(merged.state)).toEqual(viaLocale.strings);
        for (const k of new Set([...Object.keys(ours.segments), ...Object.keys(theirs.segments)])) expect(merged.state.segments[k]).toBeDefined();
        const swapped = mergeReviewState(base, theirs, ours, { at: AT });
        expect(swapped.conflicts.map((c) => c.key).sort()).toEqual(merged.conflicts.map((c) => c.key).sort());
        expect(localeOf(swapped.state)).toEqual(localeOf(merged.state));
        // Every locale-file conflict is visible in the state as a segment needing review.
        for (const c of viaLocale.conflicts) expect(merged.state.segments[c.key]!.status).toBe('draft');
      }),
      { numRuns: 500 },
    );
  });
});

describe('helpers', () => {
  it('orders keys only theirs has after their predecessor', () => {
    expect(mergeKeyOrder(['p1', 'p3'], ['p0', 'p1', 'p2', 'p3'])).toEqual(['p0', 'p1', 'p2', 'p3']);
  });
  it('merges lists as sets: additions from both, removals from either', () => {
    expect(mergeSetList(['a', 'b'], ['a', 'b', 'c'], ['b', 'd'], (x) => x)).toEqual(['b', 'c', 'd']);
  });
});
