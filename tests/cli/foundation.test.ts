/**
 * The foundation's acceptance: the built CLI in temporary directories, as a user runs it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { runCli, tempProject, tempDir, SEED, SEED_ID, snapshotTree, readJson } from '../support/cli.js';

const seedText = readFileSync(SEED, 'utf8');

describe('verso import, status, edit, approve', () => {
  it('imports the seed and reports status per language', async () => {
    const dir = await tempProject();
    const imp = await runCli(['import', SEED], { cwd: dir });
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain(`created ${SEED_ID} (9 segments)`);
    expect(imp.stdout).toContain('origin: https://thanhnien.vn/');
    expect(readFileSync(join(dir, 'originals', `${SEED_ID}.txt`), 'utf8')).toBe(seedText);
    const fr = readJson(join(dir, 'locales', 'fr', `${SEED_ID}.json`)) as Record<string, string>;
    expect(Object.keys(fr)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);

    const st = await runCli(['status', '--json'], { cwd: dir });
    expect(st.code).toBe(0);
    const rows = (JSON.parse(st.stdout) as { rows: { lang: string; counts: { total: number; untranslated: number } }[] }).rows;
    expect(rows.map((r) => [r.lang, r.counts.total, r.counts.untranslated])).toEqual([['en', 9, 9], ['vi', 9, 9]]);
  });

  it('edit then approve writes the locale file; status and i18next see it with fallback to French', async () => {
    const dir = await tempProject();
    await runCli(['import', SEED], { cwd: dir });
    expect((await runCli(['edit', SEED_ID, 'p2', '--to', 'en', '--text', 'US Defense Secretary Lloyd Austin'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['approve', SEED_ID, 'p2', '--to', 'en'], { cwd: dir })).code).toBe(0);
    const en = readFileSync(join(dir, 'locales', 'en', `${SEED_ID}.json`), 'utf8');
    expect(en).toBe('{\n  "p2": "US Defense Secretary Lloyd Austin"\n}\n');
    const state = readJson(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`)) as { segments: Record<string, { status: string; approved: { text: string; by: string } }> };
    expect(state.segments['p2']).toMatchObject({ status: 'approved', approved: { text: 'US Defense Secretary Lloyd Austin', by: 'tester' } });

    const st = JSON.parse((await runCli(['status', '--json', '--to', 'en'], { cwd: dir })).stdout) as { rows: { counts: { approved: number } }[] };
    expect(st.rows[0]!.counts.approved).toBe(1);

    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      fallbackLng: 'fr',
      ns: [SEED_ID],
      defaultNS: SEED_ID,
      resources: {
        fr: { [SEED_ID]: readJson(join(dir, 'locales', 'fr', `${SEED_ID}.json`)) as Record<string, string> },
        en: { [SEED_ID]: JSON.parse(en) as Record<string, string> },
      },
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('p2')).toBe('US Defense Secretary Lloyd Austin');
    expect(i18n.t('p7')).toBe('Le ministre russe de la Défense Andrei Beloussov');
  });

  it('approve without a draft explains what to do, exit 2', async () => {
    const dir = await tempProject();
    await runCli(['import', SEED], { cwd: dir });
    const r = await runCli(['approve', SEED_ID, 'p3', '--to', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no draft to approve/);
    expect(r.stderr).toMatch(/next:/);
  });

  it('re-importing an edited copy keeps work, marks the changed paragraph stale and says what changed', async () => {
    const dir = await tempProject(['en']);
    await runCli(['import', SEED], { cwd: dir });
    for (const key of ['p1', 'p3']) {
      await runCli(['approve', SEED_ID, key, '--to', 'en', '--text', `Approved ${key}.`], { cwd: dir });
    }
    const lines = seedText.split('\n');
    lines[2] = lines[2]!.replace('25 juin', '26 juin'); // p3 edited
    lines.splice(5, 1); // p6 removed
    lines.splice(1, 0, 'Un nouveau paragraphe ajouté par la rédaction.'); // new paragraph
    const edited = join(tempDir(), `${SEED_ID}.txt`);
    writeFileSync(edited, lines.join('\n'));
    const r = await runCli(['import', edited], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('updated');
    expect(r.stdout).toMatch(/1 changed \(p3/);
    expect(r.stdout).toMatch(/1 new \(p10\)/);
    expect(r.stdout).toMatch(/1 removed \(p6/);

    const st = JSON.parse((await runCli(['status', '--json'], { cwd: dir })).stdout) as { rows: { counts: Record<string, number> }[] };
    expect(st.rows[0]!.counts).toMatchObject({ total: 9, approved: 1, stale: 1, untranslated: 7 });
    const article = readJson(join(dir, '.verso', 'articles', `${SEED_ID}.json`)) as { segments: Record<string, { previousText?: string; obsolete?: boolean }> };
    expect(article.segments['p3']!.previousText).toContain('25 juin');
    expect(article.segments['p6']!.obsolete).toBe(true);
    const en = readJson(join(dir, 'locales', 'en', `${SEED_ID}.json`)) as Record<string, string>;
    expect(en).toEqual({ p1: 'Approved p1.', p3: 'Approved p3.' });
  });

  it('segment previews without importing', async () => {
    const dir = tempDir();
    const r = await runCli(['segment', SEED, '--sentences', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const preview = JSON.parse(r.stdout) as { segments: { sentences: string[] }[] };
    expect(preview.segments).toHaveLength(9);
    expect(preview.segments[0]!.sentences).toHaveLength(2);
    expect(snapshotTree(dir)).toEqual({});
  });

  it('--help is there for every command and --version prints the version', async () => {
    const dir = tempDir();
    const help = await runCli(['--help'], { cwd: dir });
    const names = [...help.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['init', 'import', 'segment', 'status', 'edit', 'approve']));
    for (const name of names) {
      const r = await runCli([name, '--help'], { cwd: dir });
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/^Usage: verso /);
    }
    expect((await runCli(['--version'], { cwd: dir })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli(['frobnicate'], { cwd: dir })).code).toBe(2);
  });
});

describe('bad input: clear message, exit 2, every file unchanged', () => {
  async function expectRejected(dir: string, args: string[], pattern: RegExp) {
    const before = snapshotTree(dir);
    const r = await runCli(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshotTree(dir)).toEqual(before);
  }

  it('rejects empty, binary, invalid UTF-8 and huge files', async () => {
    const dir = await tempProject();
    await runCli(['import', SEED], { cwd: dir });
    const junk = tempDir();
    writeFileSync(join(junk, 'empty.txt'), '   \n');
    writeFileSync(join(junk, 'bin.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(join(junk, 'latin1.txt'), Buffer.from('Ligne un.\nD\xe9fense.\n', 'latin1'));
    const utf16 = 'Le ministre a démissionné.\nSource : https://vnexpress.net/a\n';
    writeFileSync(join(junk, 'notepad.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));
    writeFileSync(join(junk, 'nobom.txt'), Buffer.from(utf16, 'utf16le'));
    writeFileSync(join(junk, 'huge.txt'), 'Un paragraphe assez long pour remplir le fichier.\n'.repeat(400_000));
    await expectRejected(dir, ['import', join(junk, 'empty.txt')], /empty/);
    await expectRejected(dir, ['import', join(junk, 'bin.txt')], /binary/);
    await expectRejected(dir, ['import', join(junk, 'latin1.txt')], /latin1\.txt:2:2: invalid UTF-8/);
    // What Windows editors save as "Unicode" gets told apart from binary, with how to fix it.
    await expectRejected(dir, ['import', join(junk, 'notepad.txt')], /notepad\.txt: UTF-16 text \(little-endian, with a byte order mark\), not UTF-8\n {2}next: save the file as UTF-8/);
    await expectRejected(dir, ['import', join(junk, 'nobom.txt')], /nobom\.txt: UTF-16 text \(little-endian\), not UTF-8/);
    await expectRejected(dir, ['import', join(junk, 'huge.txt')], /too large/);
    // One bad file among good ones: nothing at all is imported.
    await expectRejected(dir, ['import', SEED, join(junk, 'bin.txt')], /binary/);
  });

  it('rejects ids that try to leave the project', async () => {
    const dir = await tempProject();
    await expectRejected(dir, ['import', SEED, '--id', '../evil'], /invalid --id/);
    await expectRejected(dir, ['import', SEED, '--id', 'a/b'], /invalid --id/);
    await expectRejected(dir, ['approve', '../../x', 'p1', '--to', 'en', '--text', 'x'], /no article/);
  });

  it('reports a locale or state file with a JSON syntax error by file, line and column, and does not overwrite it', async () => {
    const dir = await tempProject();
    await runCli(['import', SEED], { cwd: dir });
    mkdirSync(join(dir, '.verso', 'state', 'en'), { recursive: true });
    writeFileSync(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`), '{\n  "segments": {\n    "p1": }\n}\n');
    await expectRejected(dir, ['approve', SEED_ID, 'p1', '--to', 'en', '--text', 'Hi.'], new RegExp(`\\.verso/state/en/${SEED_ID}\\.json:3:11: invalid JSON`));
    await expectRejected(dir, ['status'], /invalid JSON/);
    writeFileSync(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`), '{"segments": {}, "__proto__": {"polluted": true}}');
    await expectRejected(dir, ['status'], /"__proto__" is not allowed/);
  });

  it('reports every config problem at once: unknown fields and language codes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'verso.config.json'), JSON.stringify({ sourceLang: 'fr', targetLangs: ['en', 'vn'], colour: 'red' }, null, 2));
    await expectRejected(dir, ['status'], /2 problems/);
    const r = await runCli(['status'], { cwd: dir });
    expect(r.stderr).toMatch(/verso\.config\.json:\d+: targetLangs\[1\]: unknown language code "vn"/);
    expect(r.stderr).toMatch(/colour: unknown field "colour"/);
    await expectRejected(dir, ['init', '--to', 'xx'], /already exists/);
    const fresh = tempDir();
    await expectRejected(fresh, ['init', '--to', 'xx'], /unknown language code/);
  });

  it('normalises CRLF, BOM and decomposed Vietnamese instead of rejecting them', async () => {
    const dir = await tempProject();
    const file = join(tempDir(), 'bai-viet.txt');
    writeFileSync(file, `\ufeff${'Bộ trưởng Quốc phòng Nga cảnh báo Mỹ.'.normalize('NFD')}\r\nNguồn: https://thanhnien.vn/x.htm\r\n`);
    const r = await runCli(['import', file], { cwd: dir });
    expect(r.code).toBe(0);
    const fr = readJson(join(dir, 'locales', 'fr', 'bai-viet.json')) as Record<string, string>;
    expect(fr['p1']).toBe('Bộ trưởng Quốc phòng Nga cảnh báo Mỹ.'.normalize('NFC'));
    expect(readFileSync(join(dir, 'originals', 'bai-viet.txt'), 'utf8')).not.toMatch(/\r|\ufeff/);
  });

  it('says so when run outside a project', async () => {
    const r = await runCli(['status'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no verso\.config\.json[\s\S]*verso init/);
  });
});

describe('verso revert and edit --machine', () => {
  it('revert drops a draft; revert --approval withdraws an approval from the locale file', async () => {
    const dir = await tempProject(['en']);
    await runCli(['import', SEED], { cwd: dir });
    await runCli(['approve', SEED_ID, 'p1', '--to', 'en', '--text', 'Approved.'], { cwd: dir });
    await runCli(['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'Reworded.'], { cwd: dir });
    const r1 = await runCli(['revert', SEED_ID, 'p1', '--to', 'en'], { cwd: dir });
    expect(r1.stdout).toMatch(/now approved/);
    const r2 = await runCli(['revert', SEED_ID, 'p1', '--to', 'en', '--approval'], { cwd: dir });
    expect(r2.stdout).toMatch(/now draft/);
    expect(readJson(join(dir, 'locales', 'en', `${SEED_ID}.json`))).toEqual({});
  });

  it('edit --machine without a machine candidate says to translate first', async () => {
    const dir = await tempProject(['en']);
    await runCli(['import', SEED], { cwd: dir });
    const r = await runCli(['edit', SEED_ID, 'p1', '--to', 'en', '--machine'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no machine candidate[\s\S]*verso translate/);
  });
});
