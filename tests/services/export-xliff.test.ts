/**
 * XLIFF through the services on a real project: export validates against the official schema,
 * export → import changes nothing, an agency's edits come back as reported changes, a changed
 * source never overwrites current work, and a bad file changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject, type Project } from '../../src/storage/project.js';
import { loadArticle, loadState } from '../../src/storage/store.js';
import { segmentStatus } from '../../src/core/status/status.js';
import { addCandidates, approve, edit } from '../../src/services/review.js';
import { exportUnit, exportXliff } from '../../src/services/export-xliff.js';
import { applyUnit, importXliff, type XliffChange } from '../../src/services/import-xliff.js';
import fc from 'fast-check';
import { addCandidate, approveSegment, emptySegmentState, revertDraft, setDraft, unapprove } from '../../src/core/catalog/state-ops.js';
import { HISTORY_LIMIT, type Article, type Segment, type SegmentState } from '../../src/core/model.js';
import { hashText } from '../../src/core/hash.js';
import { parseXliff, serializeXliff, type XliffVersion } from '../../src/storage/xliff.js';
import { UserError } from '../../src/services/errors.js';
import { SEED, SEED_ID, runCli, snapshotTree } from '../support/cli.js';
import { seededProject, readLocale } from '../support/project.js';
import { validateXml } from '../storage/xliff-validate.js';

const ana = { by: 'ana', at: '2026-11-27T09:00:00.000Z' };
const agency = { by: 'agency-import', at: '2026-11-28T09:00:00.000Z' };
const ref = { article: SEED_ID, lang: 'en' };

/** A project with every status: p1 approved, p3 draft, p4 machine, p5 stale (approved, then the source changed). */
async function projectWithEveryStatus(): Promise<{ dir: string; project: Project }> {
  const dir = await seededProject();
  let project = await openProject(dir);
  await approve(project, ref, ['p1'], ana, 'Pentagon spokesman Patrick Ryder said Secretary Austin had initiated the call.');
  await approve(project, ref, ['p5'], ana, 'Flashpoint: Ukraine changes generals again');
  await edit(project, ref, 'p3', 'According to Reuters, the two sides discussed many subjects.', ana);
  const p4 = (await loadArticle(project, SEED_ID)).segments.p4!;
  await addCandidates(project, ref, [{ key: 'p4', candidate: { origin: 'machine', by: 'deepl', text: 'The Russian Ministry of Defence said…', sourceHash: p4.hash, at: ana.at } }]);
  // The publisher edits the heading: p5's approval is now stale.
  const changed = readFileSync(SEED, 'utf8').replace('Point de conflit :', 'Point chaud :');
  writeFileSync(join(dir, 'changed.txt'), changed);
  const r = await runCli(['import', 'changed.txt', '--id', SEED_ID], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  project = await openProject(dir);
  return { dir, project };
}

describe.each<XliffVersion>(['1.2', '2.1'])('XLIFF %s export and import', (version) => {
  let dir: string;
  let project: Project;
  beforeAll(async () => {
    ({ dir, project } = await projectWithEveryStatus());
  });

  it('exports every status, the origin and the article id, schema-valid', async () => {
    const result = await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version });
    expect(validateXml(result.text, version === '1.2' ? 'xliff-1.2' : 'xliff-2.1').output).toBe('');
    expect(result.counts).toEqual({ approved: 1, draft: 1, machine: 1, stale: 1, untranslated: 5 });
    const doc = parseXliff(result.text);
    expect(doc.files[0]!.articleId).toBe(SEED_ID);
    expect(doc.files[0]!.originUrl).toMatch(/^https:\/\/thanhnien\.vn\//);
    expect(result.text).toContain('Previous source: Point de conflit :');
  });

  it('export → import changes nothing at all', async () => {
    const { text } = await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version });
    const before = snapshotTree(dir);
    const report = await importXliff(project, { text, file: 'round.xlf', actor: agency });
    expect(report.changes).toEqual([]);
    expect(report.unchanged).toBe(9);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('an agency returns the file', () => {
  it('records approvals, drafts, machine text and notes, reports them, and exports the notes again', async () => {
    const { dir, project } = await projectWithEveryStatus();
    const exported = parseXliff((await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '1.2' })).text);
    const units = exported.files[0]!.units;
    const unit = (key: string) => units.find((u) => u.key === key)!;
    Object.assign(unit('p2'), { status: 'approved', target: 'US Secretary of Defense Lloyd Austin' });
    Object.assign(unit('p3'), { status: 'draft', target: 'According to Reuters, both sides discussed many topics.' });
    Object.assign(unit('p4'), { status: 'machine', target: 'Another engine’s output' });
    unit('p7').notes.push({ text: 'Caption: check the spelling Belousov/Beloussov', from: 'reviewer' });
    const returned = serializeXliff(exported, { version: '1.2' });

    const report = await importXliff(project, { text: returned, file: 'back.xlf', actor: agency });
    expect(report.changes.map((c) => [c.key, c.kind])).toEqual([
      ['p2', 'approved'],
      ['p3', 'draft'],
      ['p4', 'machine'],
      ['p7', 'note'],
    ]);
    const state = await loadState(project, SEED_ID, 'en');
    expect(state.segments.p2!.approved).toMatchObject({ text: 'US Secretary of Defense Lloyd Austin', by: 'agency-import' });
    expect(state.segments.p3!.draft?.text).toBe('According to Reuters, both sides discussed many topics.');
    expect(state.segments.p4!.candidates.map((c) => c.by)).toEqual(['deepl', 'xliff']);
    expect(readLocale(dir, 'en', SEED_ID).p2).toBe('US Secretary of Defense Lloyd Austin');

    // The note survives into the next export, and importing the same file again changes nothing.
    const again = await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '2.1' });
    expect(parseXliff(again.text).files[0]!.units.find((u) => u.key === 'p7')!.notes).toEqual([
      { text: 'Caption: check the spelling Belousov/Beloussov', from: 'reviewer' },
    ]);
    const before = snapshotTree(dir);
    expect((await importXliff(project, { text: returned, file: 'back.xlf', actor: agency })).changes).toEqual([]);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps a note exchanged through XLIFF however busy the segment gets afterwards', async () => {
    const { project } = await projectWithEveryStatus();
    const exported = parseXliff((await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '1.2' })).text);
    exported.files[0]!.units.find((u) => u.key === 'p7')!.notes.push({ text: 'Keep the caption short.', from: 'reviewer' });
    await importXliff(project, { text: serializeXliff(exported, { version: '1.2' }), file: 'back.xlf', actor: agency });
    // More edits than the history keeps entries: the oldest log entries go, the note stays.
    for (let i = 0; i < 30; i++) await edit(project, ref, 'p7', `Caption, take ${i}.`, { by: 'ana', at: `2026-11-29T09:${String(i).padStart(2, '0')}:00.000Z` });
    const state = await loadState(project, SEED_ID, 'en');
    expect(state.segments.p7!.history.length).toBe(HISTORY_LIMIT);
    expect(state.segments.p7!.history.at(-1)!.text).toBe('Caption, take 29.');
    const again = await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '2.1' });
    expect(parseXliff(again.text).files[0]!.units.find((u) => u.key === 'p7')!.notes).toEqual([{ text: 'Keep the caption short.', from: 'reviewer' }]);
  });

  it('never overwrites when the source changed since the export: the work comes back stale', async () => {
    const { dir, project } = await projectWithEveryStatus();
    const exported = parseXliff((await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '2.1' })).text);
    // Meanwhile the publisher rewrites p6 and p8, and a translator approves p8's new text in verso.
    const text = readFileSync(join(dir, 'changed.txt'), 'utf8').replace('Au cours du week-end', 'Ce week-end').replace('Le président russe Vladimir Poutine', 'Vladimir Poutine');
    writeFileSync(join(dir, 'changed2.txt'), text);
    expect((await runCli(['import', 'changed2.txt', '--id', SEED_ID], { cwd: dir })).code).toBe(0);
    const fresh = await openProject(dir);
    await approve(fresh, ref, ['p8'], ana, 'Vladimir Putin had said earlier…');

    const units = exported.files[0]!.units;
    Object.assign(units.find((u) => u.key === 'p6')!, { status: 'approved', target: 'Over the weekend, Moscow accused…' });
    Object.assign(units.find((u) => u.key === 'p8')!, { status: 'approved', target: 'Russian President Vladimir Putin had said…' });
    const report = await importXliff(fresh, { text: serializeXliff(exported, { version: '2.1' }), file: 'late.xlf', actor: agency });
    expect(report.changes.map((c) => [c.key, c.kind])).toEqual([
      ['p6', 'stale'],
      ['p8', 'stale-candidate'],
    ]);
    const article = await loadArticle(fresh, SEED_ID);
    const state = await loadState(fresh, SEED_ID, 'en');
    expect(segmentStatus(article.segments.p6!, state.segments.p6)).toBe('stale');
    expect(state.segments.p6!.approved).toBeNull();
    expect(segmentStatus(article.segments.p8!, state.segments.p8)).toBe('approved');
    expect(state.segments.p8!.approved?.text).toBe('Vladimir Putin had said earlier…');
    expect(state.segments.p8!.candidates.some((c) => c.text === 'Russian President Vladimir Putin had said…')).toBe(true);
    const locale = readLocale(dir, 'en', SEED_ID);
    expect(locale.p6).toBeUndefined();
    expect(locale.p8).toBe('Vladimir Putin had said earlier…');
  });

  it('a broken or foreign file is refused with its position, and nothing is written', async () => {
    const { dir, project } = await projectWithEveryStatus();
    const { text } = await exportXliff(project, { articles: [SEED_ID], targetLang: 'en', version: '2.1' });
    const before = snapshotTree(dir);
    const truncated = text.slice(0, text.indexOf('</unit>') + 7) + '\n<unit id="p2">';
    await expect(importXliff(project, { text: truncated, file: 't.xlf', actor: agency })).rejects.toThrow(UserError);
    try {
      await importXliff(project, { text: truncated, file: 't.xlf', actor: agency });
    } catch (e) {
      expect((e as UserError).details).toMatchObject({ file: 't.xlf' });
      expect((e as UserError).details.line).toBe(truncated.split("\n").length);
      expect((e as UserError).message).toMatch(/ends before these elements are closed: <xliff>, <file>, <unit>/);
    }
    const foreign = text.replace(`original="${SEED_ID}"`, 'original="no_such_article"');
    await expect(importXliff(project, { text: foreign, file: 'f.xlf', actor: agency })).rejects.toThrow(/no_such_article/);
    // Language codes compare without case (CAT tools write en-GB, pt-BR…).
    expect((await importXliff(project, { text: text.replace('trgLang="en"', 'trgLang="EN"'), file: 'u.xlf', actor: agency })).targetLang).toBe('en');
    const wrongLang = text.replace('trgLang="en"', 'trgLang="de"');
    await expect(importXliff(project, { text: wrongLang, file: 'd.xlf', actor: agency })).rejects.toThrow(/"de" is not a target language/);
    // A unit key that is not a segment aborts the whole import, even after valid units.
    const badKey = text.replace('<unit id="p9" name="p9"', '<unit id="p99" name="p99"').replace('<segment state="initial">\n        <source>Le secrétaire', '<segment state="final">\n        <source>Le secrétaire');
    await expect(importXliff(project, { text: badKey, file: 'k.xlf', actor: agency })).rejects.toThrow(/p99/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

// ------------------------------------------------------------------------------------------------
// Property: for any review history of a segment (approvals, drafts, machine output, reverts,
// and a source change afterwards), the unit verso exports, written as XLIFF 1.2 or 2.1 and read
// back, changes nothing when imported.
// ------------------------------------------------------------------------------------------------

describe('export → import is a no-op for any segment history (property)', () => {
  const textArb = fc.constantFrom('One.', 'Two « deux ».', 'Ba\u00a0: ba', 'x < y & z');
  const opArb = fc.oneof(
    fc.record({ op: fc.constant('approve' as const), text: textArb }),
    fc.record({ op: fc.constant('draft' as const), text: textArb }),
    fc.record({ op: fc.constant('machine' as const), text: textArb }),
    fc.record({ op: fc.constant('note' as const), text: textArb }),
    fc.constant({ op: 'revert' as const }),
    fc.constant({ op: 'unapprove' as const }),
  );
  it('holds for both versions', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 6 }), fc.boolean(), fc.constantFrom('1.2', '2.1' as const), (ops, sourceChanged, version) => {
        const original: Segment = { key: 'p1', kind: 'paragraph', text: 'Texte source.', hash: hashText('Texte source.'), line: 1 };
        let state: SegmentState = emptySegmentState();
        const actor = { by: 'ana', at: '2026-01-01T00:00:00.000Z' };
        for (const o of ops) {
          if (o.op === 'approve') state = approveSegment(state, original, actor, o.text);
          else if (o.op === 'draft') state = setDraft(state, original, o.text, actor);
          else if (o.op === 'machine') state = addCandidate(state, { origin: 'machine', by: 'deepl', text: o.text, sourceHash: original.hash, at: actor.at });
          else if (o.op === 'note') state = { ...state, history: [...state.history, { at: actor.at, by: 'qa', action: 'note', text: o.text }] };
          else if (o.op === 'revert') state = revertDraft(state, actor);
          else state = unapprove(state, original, actor);
        }
        const segment: Segment = sourceChanged
          ? { ...original, text: 'Texte source modifié.', hash: hashText('Texte source modifié.'), previousText: original.text }
          : original;
        const article: Article = { id: 'a1', sourceLang: 'fr', originUrl: null, originalPath: 'originals/a1.txt', order: ['p1'], segments: { p1: segment }, nextKeyNumber: 2 };
        const text = serializeXliff({ sourceLang: 'fr', targetLang: 'en', files: [{ articleId: 'a1', originUrl: null, units: [exportUnit(segment, state)] }] }, { version });
        const unit = parseXliff(text).files[0]!.units[0]!;
        const result = applyUnit(article, segment, state, unit, { by: 'agency', at: '2026-02-01T00:00:00.000Z' }, 'f.xlf');
        expect(result.changes).toEqual([] as XliffChange[]);
        expect(result.state).toEqual(state);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a file shaped like other CAT tools’ output', () => {
  it('reads groups, <mrk> segmentation, signed-off, leveraged-tm and tool notes; en-GB goes to en', async () => {
    const dir = await seededProject();
    const project = await openProject(dir);
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'interchange', 'seed-returned.en.xlf');
    const report = await importXliff(project, { text: readFileSync(file, 'utf8'), file: 'seed-returned.en.xlf', actor: agency });
    expect(report.targetLang).toBe('en');
    expect(report.changes.map((c) => [c.key, c.kind, c.text])).toEqual([
      ['p2', 'approved', 'US Defence Secretary Lloyd Austin'],
      ['p7', 'draft', 'Russian Defence Minister Andrei Belousov'],
      ['p7', 'note', 'Spelling: Belousov in English, Beloussov in French.'],
      ['p5', 'approved', 'Flashpoint: Ukraine changes generals again; Russia loses its “eye in the sky” to the Patriot'],
    ]);
    // p3 came back as an untranslated copy of the source: nothing recorded.
    expect((await loadState(project, SEED_ID, 'en')).segments.p3).toBeUndefined();
  });
});
