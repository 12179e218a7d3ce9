/**
 * TMX through the services: every approved pair goes out with its origin, the file is valid
 * against the TMX 1.4 DTD, and importing it into another project feeds the memory engine.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProject } from '../../src/storage/project.js';
import { approve } from '../../src/services/review.js';
import { exportTmx } from '../../src/services/export-tmx.js';
import { importTmx } from '../../src/services/import-tmx.js';
import { readImportedMemory } from '../../src/storage/tmx-memory.js';
import { MemoryEngine } from '../../src/engines/memory.js';
import { parseTmx, TMX_PROP_ORIGIN } from '../../src/storage/tmx.js';
import { UserError } from '../../src/services/errors.js';
import { SEED, SEED_ID, runCli, snapshotTree, tempProject } from '../support/cli.js';
import { seededProject } from '../support/project.js';
import { validateXml } from '../storage/xliff-validate.js';

const ana = { by: 'ana', at: '2026-11-27T09:00:00.000Z' };
const P2_EN = 'US Secretary of Defense Lloyd Austin';

async function projectWithApprovals() {
  const dir = await seededProject();
  const project = await openProject(dir);
  await approve(project, { article: SEED_ID, lang: 'en' }, ['p2'], ana, P2_EN);
  await approve(project, { article: SEED_ID, lang: 'vi' }, ['p2'], ana, 'Bộ trưởng Quốc phòng Mỹ Lloyd Austin');
  await approve(project, { article: SEED_ID, lang: 'en' }, ['p7'], ana, 'Russian Defence Minister Andrei Belousov');
  return { dir, project };
}

describe('verso export tmx / import-tmx', () => {
  it('exports every approved pair with the origin, DTD-valid; one language on request', async () => {
    const { project } = await projectWithApprovals();
    const all = await exportTmx(project, { targetLangs: [], toolVersion: '0.1.0' });
    expect(validateXml(all.text, 'tmx').output).toBe('');
    expect(all.pairs).toEqual({ en: 2, vi: 1 });
    const doc = parseTmx(all.text);
    expect(doc.units).toHaveLength(2);
    const p2 = doc.units.find((u) => u.tuid === `${SEED_ID}/p2`)!;
    expect(p2.variants.map((v) => v.lang)).toEqual(['fr', 'en', 'vi']);
    expect(p2.props.find((p) => p.type === TMX_PROP_ORIGIN)?.value).toMatch(/^https:\/\/thanhnien\.vn\//);
    expect(p2.variants[1]).toMatchObject({ text: P2_EN, changedBy: 'ana', changedAt: ana.at });

    const vi = await exportTmx(project, { targetLangs: ['vi'], toolVersion: '0.1.0' });
    expect(parseTmx(vi.text).units.map((u) => u.variants.map((v) => v.lang))).toEqual([['fr', 'vi']]);
  });

  it('keeps a stale approval as a pair of the source it was made for', async () => {
    const { dir, project } = await projectWithApprovals();
    writeFileSync(join(dir, 'changed.txt'), readFileSync(SEED, 'utf8').replace('Lloyd Austin', 'Lloyd J. Austin'));
    expect((await runCli(['import', 'changed.txt', '--id', SEED_ID], { cwd: dir })).code).toBe(0);
    const doc = parseTmx((await exportTmx(project, { targetLangs: ['en'], toolVersion: '1' })).text);
    const p2 = doc.units.find((u) => u.tuid === `${SEED_ID}/p2`)!;
    expect(p2.variants[0]!.text).toBe('Le secrétaire américain à la Défense, Lloyd Austin');
  });

  it('imports pairs into the memory the memory engine reads, once', async () => {
    const { project } = await projectWithApprovals();
    const { text } = await exportTmx(project, { targetLangs: [], toolVersion: '1' });
    const other = await openProject(await tempProject(['en', 'vi']));
    const first = await importTmx(other, { text, file: 'memory.tmx', targetLangs: [] });
    expect(first.languages).toEqual([
      { lang: 'en', pairs: 2, added: 2, memoryFile: '.verso/tm/fr-en.json' },
      { lang: 'vi', pairs: 1, added: 1, memoryFile: '.verso/tm/fr-vi.json' },
    ]);
    const second = await importTmx(other, { text, file: 'memory.tmx', targetLangs: ['en'] });
    expect(second.languages).toEqual([{ lang: 'en', pairs: 2, added: 0, memoryFile: '.verso/tm/fr-en.json' }]);

    const entries = await readImportedMemory(other, 'fr', 'en');
    expect(entries.find((e) => e.target === P2_EN)).toMatchObject({ source: 'Le secrétaire américain à la Défense, Lloyd Austin', by: 'ana' });
    const engine = new MemoryEngine({ load: (s, t) => readImportedMemory(other, s, t) });
    const results = await engine.translate([{ id: 'x', text: 'Le secrétaire américain à la Défense, Lloyd Austin' }], { sourceLang: 'fr', targetLang: 'en' });
    expect(results).toMatchObject([{ id: 'x', text: P2_EN, match: 100 }]);
  });

  it('refuses a file with nothing for this project, and a broken one, without writing', async () => {
    const dir = await tempProject(['en']);
    const project = await openProject(dir);
    const before = snapshotTree(dir);
    const deOnly = `<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr" datatype="plaintext"/><body>
      <tu><tuv xml:lang="fr"><seg>Bonjour</seg></tuv><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu></body></tmx>`;
    await expect(importTmx(project, { text: deOnly, file: 'de.tmx', targetLangs: [] })).rejects.toThrow(/no fr→en pairs in this memory \(languages found: fr, de\)/);
    await expect(importTmx(project, { text: '<tmx version="1.4">\n<header', file: 'b.tmx', targetLangs: [] })).rejects.toThrow(UserError);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
