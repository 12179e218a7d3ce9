/**
 * Article ids, language codes and file names cannot make verso read or write outside the
 * project: not with `..`, absolute paths or odd characters in arguments, not through a journal
 * naming an outside path, and not through symbolic links committed into the project (a cloned
 * repository is untrusted input too).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED, SEED_ID, runCli, snapshotTree, tempDir } from '../support/cli.js';
import { runInProcess } from './inproc.js';
import { startDeepLServer, TEST_AUTH_KEY } from '../support/deepl-server.js';

let template: string;

beforeAll(async () => {
  template = join(tempDir('verso-escape-template-'), 'project');
  mkdirSync(template, { recursive: true });
  for (const argv of [['init', '--to', 'en,vi'], ['import', SEED], ['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'Draft.']]) {
    const r = await runInProcess(argv, template);
    if (r.code !== 0) throw new Error(r.stderr);
  }
});

/** A sandbox holding a copy of the project and, beside it, an `outside` directory with a file. */
function sandbox(): { root: string; project: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'verso-sandbox-'));
  const project = join(root, 'project');
  cpSync(template, project, { recursive: true });
  const outside = join(root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'precious.json'), '{"keep": "me"}\n');
  return { root, project, outside };
}

const TRICKY = ['..', '../outside/x', '../../x', '/tmp/x', 'a/../../outside/b', '..\\outside\\x', '%2e%2e%2foutside', 'x/', '.', '', ' ', 'CON', 'a\u0000b', '000_8c1828b71475e020/../../outside/precious', '~/x', 'A', 'é'];
const hostileName = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 20 }), fc.array(fc.constantFrom('..', 'outside', 'x', '', '.', SEED_ID), { minLength: 1, maxLength: 4 }).map((p) => p.join('/')));

describe('ids, languages and names from arguments stay inside the project', () => {
  it('never writes outside, never crashes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, fc.constantFrom('en', '../x', 'en/../../outside', hostileName as unknown as string), async (id, lang) => {
        const { root, project, outside } = sandbox();
        const outsideBefore = snapshotTree(outside);
        const inbox = join(root, 'inbox.txt');
        writeFileSync(inbox, 'Un paragraphe.\n');
        const commands = [
          ['approve', id, 'p1', '--to', lang, '--text', 'X'],
          ['edit', id, 'p2', '--to', lang, '--text', 'Y'],
          ['revert', id, 'p1', '--to', lang],
          ['status', '--article', id, '--to', lang],
          ['diff', id, '--to', lang],
          ['import', inbox, '--id', id],
          ['export', 'xliff', id, '--to', lang],
          ['qa', 'ignore', id, 'p1', '--to', lang, '--check', 'numbers', '--reason', 'r'],
        ];
        for (const argv of commands) {
          const r = await runInProcess(argv, project);
          expect(r.code, `verso ${JSON.stringify(argv)} → ${r.stderr}`).not.toBe(70);
        }
        expect(snapshotTree(outside)).toEqual(outsideBefore);
        // Nothing new beside the project either.
        expect(Object.keys(snapshotTree(root)).filter((f) => !f.startsWith('project/') && !f.startsWith('outside/') && f !== 'inbox.txt')).toEqual([]);
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('derives a safe id from any file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('/') && !s.includes('\u0000') && s !== '.' && s !== '..'), async (name) => {
        const { root, project, outside } = sandbox();
        const dir = join(root, 'in');
        mkdirSync(dir);
        const file = join(dir, name);
        writeFileSync(file, 'Un paragraphe.\n');
        const before = snapshotTree(outside);
        const r = await runInProcess(['import', file, '--json'], project);
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 0) expect((JSON.parse(r.stdout) as { id: string }[])[0]!.id).toMatch(/^[a-z0-9][a-z0-9_-]{0,79}$/);
        expect(snapshotTree(outside)).toEqual(before);
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('files inside the project cannot redirect verso outside it', () => {
  it('a journal naming paths outside the project is not applied outside', async () => {
    const { project, outside } = sandbox();
    writeFileSync(join(project, '.verso', 'journal.json'), JSON.stringify({ files: [{ path: '../outside/precious.json', text: 'pwned' }, { path: '/tmp/verso-pwned-by-journal', text: 'pwned' }] }));
    const r = await runCli(['status'], { cwd: project });
    expect(r.code).not.toBe(70);
    expect(readFileSync(join(outside, 'precious.json'), 'utf8')).toBe('{"keep": "me"}\n');
    expect(existsSync('/tmp/verso-pwned-by-journal')).toBe(false);
  });

  // A repository can commit symbolic links. Writing through one would let a cloned project
  // overwrite files anywhere the user can write.
  it.each([
    { name: 'locales/en is a link to a directory outside', link: 'locales/en' },
    { name: '.verso/state/en is a link to a directory outside', link: '.verso/state/en' },
    { name: '.verso/state is a link to a directory outside', link: '.verso/state' },
  ])('$name: approving does not write outside', async ({ link }) => {
    const { project, outside } = sandbox();
    rmSync(join(project, link), { recursive: true, force: true });
    mkdirSync(join(project, link, '..'), { recursive: true });
    symlinkSync(outside, join(project, link));
    const before = snapshotTree(outside);
    const r = await runCli(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'Approved.'], { cwd: project });
    expect(r.code, r.stderr).not.toBe(70);
    expect(snapshotTree(outside), `verso ${r.code === 0 ? 'succeeded and' : 'failed but'} wrote outside the project`).toEqual(before);
    if (r.code === 2) expect(r.stderr).toContain(link);
  });

  it('a glossary that is a link to a file outside is not read', async () => {
    const { project, outside } = sandbox();
    writeFileSync(join(outside, 'secret.tsv'), 'secret\tSECRET-VALUE-123\n');
    mkdirSync(join(project, 'glossaries'));
    symlinkSync(join(outside, 'secret.tsv'), join(project, 'glossaries', 'fr-en.tsv'));
    const config = JSON.parse(readFileSync(join(project, 'verso.config.json'), 'utf8')) as Record<string, unknown>;
    config['deepl'] = { glossaries: { 'fr-en': 'glossaries/fr-en.tsv' } };
    config['qa'] = { glossaries: { 'fr-en': 'glossaries/fr-en.tsv' } };
    writeFileSync(join(project, 'verso.config.json'), JSON.stringify(config, null, 2));
    const server = await startDeepLServer();
    try {
      const env = { DEEPL_AUTH_KEY: TEST_AUTH_KEY, DEEPL_SERVER_URL: server.url };
      for (const argv of [['check', '--format', 'json'], ['translate', '--to', 'en']]) {
        const r = await runCli(argv, { cwd: project, env });
        expect(r.code, r.stderr).not.toBe(70);
        expect(r.stdout + r.stderr, `verso ${argv.join(' ')} showed the linked file`).not.toContain('SECRET-VALUE-123');
      }
      // Nothing of it was sent to the translation server either (as a glossary or as text).
      const sent = JSON.stringify({ requests: server.requests, glossaries: [...server.glossaries.values()].map((g) => [...g.entries]) });
      expect(sent).not.toContain('SECRET-VALUE-123');
    } finally {
      await server.close();
    }
  });
});
