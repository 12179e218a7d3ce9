/**
 * `verso align` through the built CLI, in real temporary projects: the seed article against an
 * English translation written by hand (tests/fixtures/align/seed-en.txt) in which the translator
 * merged paragraphs 3 and 4 and split paragraph 8 in two.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, readJson, runCli, snapshotTree, tempDir } from '../support/cli.js';
import { seededProject, SEED_ID } from '../support/project.js';
import type { ReviewState } from '../../src/core/model.js';

const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'align', 'seed-en.txt');
const english = readFileSync(FIXTURE, 'utf8').split('\n');

describe('verso align <article> <translation> --to', () => {
  it('stores one draft per segment: the merged paragraph is split back by sentences, the split one joined', async () => {
    const dir = await seededProject(['en', 'vi']);
    const r = await runCli(['align', SEED_ID, FIXTURE, '--to', 'en'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 one-to-one, 1 merge(s), 1 split(s), 0 regrouped, unmatched: 0 source, 0 translation');
    expect(r.stdout).toContain('9 draft(s) saved');

    const state = readJson(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`)) as ReviewState;
    const draft = (key: string) => state.segments[key]?.draft?.text;
    // 1–1 paragraphs come over unchanged.
    expect(draft('p1')).toBe(english[0]);
    expect(draft('p2')).toBe(english[1]);
    expect(draft('p9')).toBe(english[8]);
    // English paragraph 3 translates French p3 (one sentence) and p4 (two sentences).
    const merged = english[2]!;
    const firstSentenceEnd = merged.indexOf('Ukraine.') + 'Ukraine.'.length;
    expect(draft('p3')).toBe(merged.slice(0, firstSentenceEnd));
    expect(draft('p4')).toBe(merged.slice(firstSentenceEnd + 1));
    // French p8 was split into English paragraphs 7 and 8.
    expect(draft('p8')).toBe(`${english[6]} ${english[7]}`);
    // Every draft is also kept as a human candidate naming the file it came from.
    expect(state.segments['p4']?.candidates.some((c) => c.origin === 'human' && c.note?.includes('seed-en.txt'))).toBe(true);
    expect(state.segments['p4']?.status).toBe('draft');
  });

  it('leaves captions the translator skipped without a draft, instead of gluing them to a neighbour', async () => {
    const dir = await seededProject(['en']);
    const file = join(tempDir(), 'no-captions.txt');
    // English paragraphs 2 and 6 translate the photo captions p2 and p7.
    writeFileSync(file, english.filter((_, k) => k !== 1 && k !== 5).join('\n'));
    const r = await runCli(['align', SEED_ID, file, '--to', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('unmatched: 2 source, 0 translation');
    const state = readJson(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`)) as ReviewState;
    expect(state.segments['p2']?.draft ?? null).toBeNull();
    expect(state.segments['p7']?.draft ?? null).toBeNull();
    expect(state.segments['p1']?.draft?.text).toBe(english[0]);
    expect(state.segments['p6']?.draft?.text).toBe(english[4]);
    expect(state.segments['p8']?.draft?.text).toBe(`${english[6]} ${english[7]}`);
  });

  it('--dry-run prints the ladder with the first words of each side and writes nothing', async () => {
    const dir = await seededProject(['en']);
    const before = snapshotTree(dir);
    const r = await runCli(['align', SEED_ID, FIXTURE, '--to', 'en', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('p3,p4 '))).toMatch(/¶3 +Selon Reuters.*│ According to Reuters/);
    expect(lines.find((l) => l.startsWith('p8 '))).toMatch(/¶7,¶8 +Le président russe.*│ Russian President/);
    expect(r.stdout).toContain('dry run: nothing written');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--json gives the summary and the ladder to scripts', async () => {
    const dir = await seededProject(['en']);
    const r = await runCli(['align', SEED_ID, FIXTURE, '--to', 'en', '--dry-run', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: Record<string, number>; rows: Array<{ keys: string[]; paragraphs: number[] }> };
    expect(out.summary).toMatchObject({ oneToOne: 6, merges: 1, splits: 1, unmatchedSource: 0, unmatchedTarget: 0 });
    expect(out.rows.map((row) => `${row.keys.join(',')}:${row.paragraphs.join(',')}`)).toEqual(['p1:0', 'p2:1', 'p3,p4:2', 'p5:3', 'p6:4', 'p7:5', 'p8:6,7', 'p9:8']);
  });

  it('never prints control sequences from the translation file', async () => {
    const dir = await seededProject(['en']);
    const file = join(tempDir(), 'hostile.txt');
    writeFileSync(file, english.map((p, k) => (k === 0 ? `\u001b]0;pwned\u0007\u001b[2J${p}\u202e` : p)).join('\n'));
    const r = await runCli(['align', SEED_ID, file, '--to', 'en', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pentagon spokesman');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it('keeps an approval, adding the aligned text as a candidate only', async () => {
    const dir = await seededProject(['en']);
    expect((await runCli(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'The US defence secretary, Lloyd Austin'], { cwd: dir })).code).toBe(0);
    const r = await runCli(['align', SEED_ID, FIXTURE, '--to', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('approved, kept (aligned text added as a candidate): p2');
    const state = readJson(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`)) as ReviewState;
    expect(state.segments['p2']?.approved?.text).toBe('The US defence secretary, Lloyd Austin');
    expect(state.segments['p2']?.candidates.map((c) => c.text)).toContain(english[1]);
  });

  it('refuses bad input with exit 2, a message naming the file, and no change', async () => {
    const dir = await seededProject(['en']);
    const before = snapshotTree(dir);
    const missing = await runCli(['align', SEED_ID, 'nope.txt', '--to', 'en'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    const empty = join(tempDir(), 'empty.txt');
    writeFileSync(empty, '\n\n');
    const r = await runCli(['align', SEED_ID, empty, '--to', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/empty\.txt.*no paragraphs/);
    const noMode = await runCli(['align', SEED_ID, FIXTURE], { cwd: dir });
    expect(noMode.code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('verso align --lines', () => {
  it('prints one SRC:TGT bead per line, 0-based, either side possibly empty', async () => {
    const dir = tempDir();
    const fr = ['Il y avait 12 personnes dans la salle.', 'Le train est parti à 8 heures.', 'Il y avait 47 personnes dans la cour.', 'Le bateau est arrivé à 11 heures.', 'Il y avait 95 personnes dans la rue.', 'La réunion a duré 3 heures.'];
    const en = ['There were 12 people in the hall.', "The train left at 8 o'clock.", "The boat arrived at 11 o'clock.", 'There were 95 people in the street.', 'The meeting lasted 3 hours.'];
    writeFileSync(join(dir, 'a.txt'), fr.join('\n') + '\n');
    writeFileSync(join(dir, 'b.txt'), en.join('\r\n')); // CRLF and no final newline: still five units
    const r = await runCli(['align', '--lines', 'a.txt', 'b.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0:0\n1:1\n2:\n3:2\n4:3\n5:4\n');
  });

  it('rejects a machine translation whose line count differs from the source', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'one\ntwo\n');
    writeFileSync(join(dir, 'b.txt'), 'un\ndeux\n');
    writeFileSync(join(dir, 'mt.txt'), 'un\n');
    const r = await runCli(['align', '--lines', 'a.txt', 'b.txt', '--mt', 'mt.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mt.txt:2');
    expect(r.stdout).toBe('');
  });
});
