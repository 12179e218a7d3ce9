/**
 * Hostile originals: whatever text (or bytes) `verso import` and `verso segment` are given, they
 * never crash, give either a clear error naming the file (exit 2, nothing changed) or a correct
 * import, and a re-import of a changed original never loses an approved translation.
 * Property-based (fast-check, in-process) plus a small corpus run through the real binary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, snapshotTree, tempDir } from '../support/cli.js';
import { copyProject, describeUnsafe, runInProcess } from './inproc.js';
import { checkProjectTree } from './tree.js';
import type { Article, ReviewState } from '../../src/core/model.js';

/** More cases when hunting bugs locally: VERSO_FUZZ_SCALE=10 npx vitest run tests/faults */
const SCALE = Number(process.env['VERSO_FUZZ_SCALE'] ?? 1);

let empty: string;

beforeAll(async () => {
  empty = join(tempDir('verso-originals-template-'), 'p');
  mkdirSync(empty, { recursive: true });
  const r = await runInProcess(['init', '--to', 'en'], empty);
  if (r.code !== 0) throw new Error(r.stderr);
});

/** Characters real and hostile originals contain: text, French and Vietnamese typography, line breaks of every kind, controls. */
const PIECES = [
  'Le ministre', ' a déclaré', ' que ', 'M. Ryder', '.', '!', ' ?', '\u00a0:', '\u202f;', '« ', ' »', '3,5\u00a0%', '150\u202f000',
  'Bộ trưởng Quốc phòng', 'Nguyễn', 'e\u0301', 'Đà Nẵng', '😀', '👩‍👩‍👧',
  '\n', '\n', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\t', ' ', '  ', '\u00a0', '\ufeff',
  'Source : https://thanhnien.vn/a-1.htm', 'Nguồn: http://x.vn/b', 'Source : javascript:alert(1)', 'Comment (0)', 'Partager',
  '\u001b[31m', '\u001b]0;pwned\u0007', '\u009b2J', '\u009d8;;http://evil\u009c', '\u0008', '\u007f', '\u202e', '\u2066', '\u0000',
];
const originalText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

function writeOriginal(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function importCase(content: string | Uint8Array): Promise<{ dir: string; file: string; code: number; stderr: string }> {
  const dir = copyProject(empty);
  const inbox = tempDir('verso-inbox-');
  const file = writeOriginal(inbox, 'article-1.txt', content);
  const before = snapshotTree(dir);
  const r = await runInProcess(['import', file], dir);
  const context = `import of ${JSON.stringify(typeof content === 'string' ? content : Buffer.from(content).toString('hex')).slice(0, 500)}\n→ exit ${r.code}\n${r.stderr}`;
  expect([0, 2], context).toContain(r.code);
  expect(describeUnsafe(r.stdout + r.stderr), context).toBeNull();
  if (r.code === 2) {
    expect(r.stderr, context).toMatch(/^verso: /);
    expect(r.stderr, context).toContain(file);
    expect(snapshotTree(dir), context).toEqual(before);
  } else {
    expect(checkProjectTree(dir), context).toEqual([]);
  }
  return { dir, file, code: r.code, stderr: r.stderr };
}

describe('hostile originals (property-based)', () => {
  it('import: a clear error naming the file, or segments that are exactly the non-empty lines', async () => {
    await fc.assert(
      fc.asyncProperty(originalText, async (text) => {
        const { dir, code } = await importCase(text);
        if (code !== 0) return;
        const locale = JSON.parse(readFileSync(join(dir, 'locales', 'fr', 'article-1.json'), 'utf8')) as Record<string, string>;
        const stored = readFileSync(join(dir, 'originals', 'article-1.txt'), 'utf8');
        const lines = stored.split('\n').map((l) => l.replace(/[ \t\f\v]+/g, ' ').trim());
        for (const [key, value] of Object.entries(locale)) {
          expect(value, key).not.toBe('');
          expect(value, key).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(lines, `${key} is not a line of the original`).toContain(value);
        }
      }),
      { numRuns: 150 * SCALE },
    );
  }, 120_000);

  it('import of arbitrary bytes never crashes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => void (await importCase(bytes))), { numRuns: 100 * SCALE });
  }, 120_000);

  it('segment: never crashes, output stays printable', async () => {
    await fc.assert(
      fc.asyncProperty(originalText, fc.boolean(), async (text, sentences) => {
        const file = writeOriginal(tempDir('verso-seg-'), 'a.txt', text);
        const r = await runInProcess(['segment', file, ...(sentences ? ['--sentences'] : [])], empty);
        expect([0, 2], r.stderr).toContain(r.code);
        expect(describeUnsafe(r.stdout + r.stderr)).toBeNull();
        if (r.code === 2) expect(r.stderr).toContain(file);
      }),
      { numRuns: 150 * SCALE },
    );
  }, 120_000);

  it('re-importing a changed original never loses an approved translation', async () => {
    // v1: distinct sentences; v2: v1 with lines removed, inserted, edited and reordered.
    const line = fc.tuple(fc.constantFrom('Le ministre', 'La présidente', 'Bộ trưởng', 'M. Ryder'), fc.nat({ max: 40 }), fc.constantFrom('.', ' !', '\u00a0?', ' »', '')).map(([a, n, end]) => `${a} a parlé ${n} fois${end}`);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: line }),
      fc.record({ kind: fc.constant('change' as const), at: fc.nat(), text: fc.constantFrom(' (mis à jour)', 'x', '') }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(line, { minLength: 1, maxLength: 8 }), fc.array(edit, { maxLength: 6 }), async (v1, edits) => {
        const { dir, file, code } = await importCase(v1.join('\n'));
        if (code !== 0) return;
        const article = JSON.parse(readFileSync(join(dir, '.verso', 'articles', 'article-1.json'), 'utf8')) as Article;
        for (const key of article.order) {
          const r = await runInProcess(['approve', 'article-1', key, '--to', 'en', '--text', `EN ${article.segments[key]!.text}`], dir);
          expect(r.code, r.stderr).toBe(0);
        }
        const approvedBefore = (JSON.parse(readFileSync(join(dir, '.verso', 'state', 'en', 'article-1.json'), 'utf8')) as ReviewState).segments;
        const v2 = [...v1];
        for (const e of edits) {
          const at = v2.length ? e.at % v2.length : 0;
          if (e.kind === 'drop' && v2.length > 1) v2.splice(at, 1);
          if (e.kind === 'insert') v2.splice(at, 0, e.text);
          if (e.kind === 'change' && v2.length) v2[at] = `${v2[at]}${e.text}`;
          if (e.kind === 'swap' && v2.length > 1) [v2[at], v2[(at + 1) % v2.length]] = [v2[(at + 1) % v2.length]!, v2[at]!];
        }
        writeFileSync(file, v2.join('\n'));
        const r = await runInProcess(['import', file], dir);
        expect([0, 2], r.stderr).toContain(r.code);
        expect(checkProjectTree(dir)).toEqual([]);
        const after = JSON.parse(readFileSync(join(dir, '.verso', 'articles', 'article-1.json'), 'utf8')) as Article;
        const state = (JSON.parse(readFileSync(join(dir, '.verso', 'state', 'en', 'article-1.json'), 'utf8')) as ReviewState).segments;
        // Every approval is still recorded, under the same key.
        for (const [key, s] of Object.entries(approvedBefore)) expect(state[key]?.approved?.text, key).toBe(s.approved!.text);
        // A paragraph that survived unchanged keeps its key, so its approval still applies.
        const locale = JSON.parse(readFileSync(join(dir, 'locales', 'en', 'article-1.json'), 'utf8')) as Record<string, string>;
        for (const text of v2) {
          if (v2.filter((t) => t === text).length !== 1 || !v1.includes(text)) continue;
          const key = after.order.find((k) => after.segments[k]!.text === text && !after.segments[k]!.obsolete);
          expect(key, `"${text}" lost its segment`).toBeDefined();
          expect(locale[key!], `"${text}" lost its approved translation`).toBe(`EN ${text}`);
        }
      }),
      { numRuns: 40 * SCALE },
    );
  }, 180_000);
});

/** A corpus of files that have broken real tools, run through the built binary. */
describe('hostile originals (corpus, real binary)', () => {
  const big = 'Le ministre a déclaré que la situation restait tendue. '.repeat(100_000);
  const corpus: { name: string; content: string | Buffer }[] = [
    { name: 'empty.txt', content: '' },
    { name: 'blank.txt', content: ' \n\t\n\u00a0\n' },
    { name: 'bom-only.txt', content: '\ufeff' },
    { name: 'only-boilerplate.txt', content: 'Source : https://thanhnien.vn/x-1.htm\nComment (0)\n' },
    { name: 'utf16.txt', content: Buffer.from('\ufeffLe ministre a parlé.\n', 'utf16le') },
    { name: 'latin1.txt', content: Buffer.from('Le ministre a d\xe9clar\xe9.\n', 'latin1') },
    { name: 'surrogate.txt', content: Buffer.from([0x4c, 0x65, 0x20, 0xed, 0xa0, 0x80, 0x0a]) },
    { name: 'nul.txt', content: 'Le ministre\u0000 a parlé.\n' },
    { name: 'too-large.txt', content: big },
    { name: 'one-huge-line.txt', content: 'Mot '.repeat(200_000) + '.' },
    { name: 'many-lines.txt', content: Array.from({ length: 20_000 }, (_, i) => `Paragraphe numéro ${i}.`).join('\n') },
    { name: 'cr-only.txt', content: 'Un.\rDeux.\rTrois.\r' },
    { name: 'separators.txt', content: 'Un.\u2028Deux.\u2029Trois.\u0085Quatre.' },
    { name: 'escapes.txt', content: '\u001b[2J\u001b]0;owned\u0007Titre\u009b31m rouge\u009d52;c;ZXZpbA==\u009c fin.\nLigne\rréécrite\b\b par-dessus.\n\u202eenilno\u202c.\n' },
    { name: 'odd-source.txt', content: 'Texte.\nSource : javascript:alert(1)\nSource : file:///etc/passwd\nSource :\n' },
    { name: 'boilerplate-near-miss.txt', content: `Comment (${'9'.repeat(50_000)}\n` + 'Comment ('.repeat(10_000) },
    { name: 'decomposed-vi.txt', content: 'Bo\u0302\u0323 tru\u031bo\u031b\u0309ng no\u0301i.\n' },
    { name: 'json-lookalike.txt', content: '{"__proto__": {"polluted": true}}\n' },
  ];

  it.each(corpus)('$name', async ({ name, content }) => {
    const dir = copyProject(empty);
    const inbox = tempDir('verso-corpus-');
    const file = writeOriginal(inbox, name, content);
    const before = snapshotTree(dir);
    for (const args of [['import', file], ['segment', '--sentences', file]]) {
      const r = await runCli(args, { cwd: dir });
      const context = `verso ${args[0]} ${name} → ${r.code}\n${r.stderr}`;
      expect([0, 2], context).toContain(r.code);
      expect(describeUnsafe(r.stdout + r.stderr), context).toBeNull();
      if (r.code === 2) {
        expect(r.stderr, context).toMatch(/^verso: /);
        expect(r.stderr, context).toContain(name);
      }
      if (args[0] === 'import' && r.code !== 0) expect(snapshotTree(dir)).toEqual(before);
    }
    expect(checkProjectTree(dir)).toEqual([]);
  }, 60_000);

  it('refuses what is not a regular file (directory, FIFO) without blocking', async () => {
    const dir = copyProject(empty);
    const inbox = tempDir('verso-corpus-');
    mkdirSync(join(inbox, 'folder.txt'));
    execFileSync('mkfifo', [join(inbox, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(inbox, 'zero.txt'));
    const before = snapshotTree(dir);
    for (const name of ['folder.txt', 'pipe.txt', 'zero.txt', 'missing.txt']) {
      const r = await runCli(['import', join(inbox, name)], { cwd: dir });
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(name);
    }
    expect(snapshotTree(dir)).toEqual(before);
  });
});
