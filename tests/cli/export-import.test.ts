/**
 * The interchange commands as a user runs them (built CLI, real project): output streams, files,
 * exit codes and messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_ID, runCli, snapshotTree } from '../support/cli.js';
import { ok, seededProject } from '../support/project.js';

describe('verso export / import-xliff / import-tmx', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await seededProject(['en', 'vi']);
    await ok(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'US Secretary of Defense Lloyd Austin'], { cwd: dir });
  });

  it('writes XLIFF to stdout (the summary to stderr), or to -o', async () => {
    const piped = await ok(['export', 'xliff', SEED_ID, '--to', 'en'], { cwd: dir });
    expect(piped.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"')).toBe(true);
    expect(piped.stderr).toBe(`exported 9 units of 1 article (en, XLIFF 2.1: 8 untranslated, 1 approved) to stdout\n`);
    const toFile = await ok(['export', 'xliff', '--to', 'en', '--version', '1.2', '-o', 'out.xlf'], { cwd: dir });
    expect(toFile.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.xlf'), 'utf8')).toContain('<xliff version="1.2"');
  });

  it('imports an edited file, printing each change, then finds nothing to change', async () => {
    const text = readFileSync(join(dir, 'out.xlf'), 'utf8').replace(
      /(<trans-unit id="p7"[^>]*>\s*<source>[^<]*<\/source>\s*)<target state="needs-translation"><\/target>/,
      '$1<target state="final">Russian Defence Minister Andrei Belousov</target>',
    );
    writeFileSync(join(dir, 'back.xlf'), text);
    const dry = await ok(['import-xliff', 'back.xlf', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toContain(`${SEED_ID} p7: approved: Russian Defence Minister Andrei Belousov`);
    expect(dry.stdout).toContain('1 change (dry run, nothing written)');
    const first = await ok(['import-xliff', 'back.xlf'], { cwd: dir });
    expect(first.stdout).toBe(
      `${SEED_ID} p7: approved: Russian Defence Minister Andrei Belousov\nback.xlf (XLIFF 1.2, en): 9 units, 1 change, 8 unchanged\n`,
    );
    const again = await ok(['import-xliff', 'back.xlf'], { cwd: dir });
    expect(again.stdout).toBe('back.xlf (XLIFF 1.2, en): 9 units, 0 changes, 9 unchanged\n');
  });

  it('reports a broken file as file:line:column with exit 2 and changes nothing', async () => {
    writeFileSync(join(dir, 'broken.xlf'), '<?xml version="1.0"?>\n<xliff version="2.1" srcLang="fr" trgLang="en">\n  <file id="f1" original="x">\n  </unit>\n</xliff>\n');
    const before = snapshotTree(dir);
    const r = await runCli(['import-xliff', 'broken.xlf'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^verso: broken\.xlf:4:\d+: not well-formed XML: /);
    expect(r.stderr).toContain('next: ');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('rejects wrong usage with exit 2', async () => {
    expect((await runCli(['export', 'po', SEED_ID, '--to', 'en'], { cwd: dir })).stderr).toMatch(/unknown export format "po"/);
    expect((await runCli(['export', 'xliff', SEED_ID], { cwd: dir })).code).toBe(2);
    expect((await runCli(['export', 'xliff', SEED_ID, '--to', 'en', '--version', '2.0'], { cwd: dir })).stderr).toMatch(/--version must be 1\.2 or 2\.1/);
    expect((await runCli(['export', 'xliff', 'nope', '--to', 'en'], { cwd: dir })).stderr).toMatch(/no article "nope"/);
  });

  it('exports TMX and imports it into the translation memory', async () => {
    await ok(['export', 'tmx', '-o', 'all.tmx'], { cwd: dir });
    const r = await ok(['import-tmx', 'all.tmx', '--to', 'en'], { cwd: dir });
    expect(r.stdout).toBe('en: 2 pairs, 2 new → .verso/tm/fr-en.json\nall.tmx: 2 translation units read\n');
    const memory = JSON.parse(readFileSync(join(dir, '.verso', 'tm', 'fr-en.json'), 'utf8')) as { entries: { target: string }[] };
    expect(memory.entries.map((e) => e.target).sort()).toEqual(['Russian Defence Minister Andrei Belousov', 'US Secretary of Defense Lloyd Austin']);
  });
});

describe('verso render', () => {
  it('prints the article, notes fallbacks on stderr, and refuses an incomplete one with exit 1', async () => {
    const dir = await seededProject(['en']);
    await ok(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'US Secretary of Defense Lloyd Austin'], { cwd: dir });
    const r = await ok(['render', SEED_ID, '--to', 'en'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('US Secretary of Defense Lloyd Austin');
    expect(lines[0]!.startsWith('[fr] Le porte-parole du Pentagone')).toBe(true);
    expect(lines.at(-1)).toBe('Source: https://thanhnien.vn/bo-truong-quoc-phong-nga-canh-bao-my-ve-nguy-co-leo-thang-tai-ukraine-185240626070252909.htm');
    expect(r.stderr).toMatch(/^note: 8 of 9 segments are not approved in en and are shown in fr/);
    const refused = await runCli(['render', SEED_ID, '--to', 'en', '--require-complete'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/not complete in en: 8 segments not approved \(p1, p3/);
    const bad = await runCli(['render', SEED_ID, '--to', 'en', '--format', 'pdf'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});
