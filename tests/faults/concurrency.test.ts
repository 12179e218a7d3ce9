/**
 * Two people (or a person and a batch job) working on the same article at once: every approval
 * made must be on disk afterwards, and when both approve the same segment, one of them wins,
 * the history says which, and the files stay whole.
 *
 * To make the processes really overlap (rather than hoping two process start-ups line up), the
 * test holds the project lock itself, starts the commands, checks they are all still waiting,
 * then releases the lock so they race for it.
 */
import { describe, expect, it } from 'vitest';
import { holdProjectLock, ok, readLocale, readState, seededProject, SEED_ID, sleep, startCli, type RunningCli } from '../support/project.js';
import { checkProjectTree } from './tree.js';

async function raceAfterLock(root: string, commands: string[][]): Promise<{ code: number; stdout: string; stderr: string }[]> {
  const release = holdProjectLock(root);
  let running: RunningCli[] = [];
  try {
    running = commands.map((args) => startCli(args, { cwd: root }));
    // Long enough for every process to start and reach the lock on a slow CI machine.
    await sleep(2500);
    expect(running.map((r) => r.exited()), 'a command finished while the project was locked').toEqual(commands.map(() => false));
  } finally {
    release();
  }
  return Promise.all(running.map((r) => r.done));
}

describe('concurrent approvals', () => {
  it('two processes approving different segments of one article at the same moment both land on disk', async () => {
    const root = await seededProject(['en']);
    const results = await raceAfterLock(root, [
      ['approve', SEED_ID, 'p1', '--to', 'en', '--text', 'First paragraph, approved by A.'],
      ['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'Second paragraph, approved by B.'],
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const state = readState(root, 'en', SEED_ID);
    expect(state.segments['p1']?.approved?.text).toBe('First paragraph, approved by A.');
    expect(state.segments['p2']?.approved?.text).toBe('Second paragraph, approved by B.');
    expect(readLocale(root, 'en', SEED_ID)).toEqual({ p1: 'First paragraph, approved by A.', p2: 'Second paragraph, approved by B.' });
    expect(checkProjectTree(root)).toEqual([]);
  });

  it('every segment of an article approved by its own process at once: none is lost', async () => {
    const root = await seededProject(['en', 'vi']);
    const keys = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'];
    // Drafts first, then approvals of the drafts in both languages, all started together.
    for (const k of keys) await ok(['edit', SEED_ID, k, '--to', 'vi', '--text', `Bản nháp ${k} — tiếng Việt`], { cwd: root });
    const commands = keys.flatMap((k) => [
      ['approve', SEED_ID, k, '--to', 'en', '--text', `English ${k}`],
      ['approve', SEED_ID, k, '--to', 'vi'],
    ]);
    const results = await Promise.all(commands.map((args) => startCli(args, { cwd: root }).done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(readLocale(root, 'en', SEED_ID)).toEqual(Object.fromEntries(keys.map((k) => [k, `English ${k}`])));
    expect(readLocale(root, 'vi', SEED_ID)).toEqual(Object.fromEntries(keys.map((k) => [k, `Bản nháp ${k} — tiếng Việt`])));
    expect(checkProjectTree(root)).toEqual([]);
  }, 60_000);

  it('the same segment approved from both ends: one winner, recorded as the last approval in the history', async () => {
    const root = await seededProject(['en']);
    const texts = ['Version from reviewer A.', 'Version from reviewer B.'];
    const results = await raceAfterLock(root, texts.map((t) => ['approve', SEED_ID, 'p3', '--to', 'en', '--text', t]));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const seg = readState(root, 'en', SEED_ID).segments['p3']!;
    const winner = seg.approved!.text;
    expect(texts).toContain(winner);
    const approvals = seg.history.filter((h) => h.action === 'approve').map((h) => h.text);
    // Both approvals happened, one after the other (never merged or interleaved); the last is the winner.
    expect([...approvals].sort()).toEqual([...texts].sort());
    expect(approvals.at(-1)).toBe(winner);
    expect(readLocale(root, 'en', SEED_ID)).toEqual({ p3: winner });
    expect(checkProjectTree(root)).toEqual([]);
  });
});
