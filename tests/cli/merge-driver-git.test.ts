/**
 * The merge driver in a real git repository: two translators approve different segments of the
 * same article on their own branches and git merges them cleanly; two who approve the same
 * segment differently get a valid JSON file and a conflict recorded in the review state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, SEED_ID, runCli, tempDir } from '../support/cli.js';
import { readLocale, readState, seededProject } from '../support/project.js';
import { parseStateRecord } from '../../src/storage/records.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** `git merge` keeping its exit status and output (the driver's stderr shows up there). */
const merge = (cwd: string, branch: string) =>
  spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'merge', '--no-edit', '--no-ff', branch], { cwd, encoding: 'utf8' });

async function approveAs(dir: string, who: string, key: string, text: string) {
  const r = await runCli(['approve', SEED_ID, key, '--to', 'en', '--text', text], { cwd: dir, env: { VERSO_USER: who } });
  expect(r.code, r.stderr).toBe(0);
}

const statePath = `.verso/state/en/${SEED_ID}.json`;
const localePath = `locales/en/${SEED_ID}.json`;

describe('verso merge-driver in git', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await seededProject(['en']);
    git(repo, 'init', '-q', '-b', 'main');
    // The two lines the README gives, plus the driver command pointing at this build.
    writeFileSync(join(repo, '.gitattributes'), 'locales/**/*.json merge=verso\n.verso/state/**/*.json merge=verso\n');
    git(repo, 'config', 'merge.verso.name', 'verso key-by-key merge');
    git(repo, 'config', 'merge.verso.driver', `"${process.execPath}" "${CLI}" merge-driver %O %A %B %P`);
    await approveAs(repo, 'lead', 'p1', 'Pentagon spokesman Patrick Ryder said Secretary Austin had initiated the call.');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base: p1 approved');
  });

  it('merges approvals of different segments made on two branches, without conflict', async () => {
    git(repo, 'checkout', '-q', '-b', 'ana');
    await approveAs(repo, 'ana', 'p2', 'US Secretary of Defense Lloyd Austin');
    git(repo, 'commit', '-q', '-am', 'ana: p2');
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'checkout', '-q', '-b', 'minh');
    await approveAs(repo, 'minh', 'p7', 'Russian Defence Minister Andrei Belousov');
    git(repo, 'commit', '-q', '-am', 'minh: p7');
    git(repo, 'checkout', '-q', 'main');

    // Control: without the driver, git's line merge of the same two branches conflicts.
    const control = tempDir('verso-git-control-');
    git(control, 'clone', '-q', repo, 'c');
    const clone = join(control, 'c');
    git(clone, 'checkout', '-q', 'main');
    git(clone, 'merge', '-q', '--no-edit', 'origin/ana');
    expect(merge(clone, 'origin/minh').status).not.toBe(0);
    expect(readFileSync(join(clone, statePath), 'utf8')).toContain('<<<<<<<');

    expect(merge(repo, 'ana').status).toBe(0);
    const r = merge(repo, 'minh');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const state = readState(repo, 'en', SEED_ID);
    expect(Object.fromEntries(Object.entries(state.segments).map(([k, s]) => [k, [s.status, s.approved?.by]]))).toEqual({
      p1: ['approved', 'lead'],
      p2: ['approved', 'ana'],
      p7: ['approved', 'minh'],
    });
    expect(Object.keys(readLocale(repo, 'en', SEED_ID))).toEqual(['p1', 'p2', 'p7']);
    // verso reads the merged files as its own and finds nothing inconsistent.
    const status = await runCli(['status', '--json'], { cwd: repo });
    expect(status.code, status.stderr).toBe(0);
  });

  it('records the same segment approved differently as a conflict in the state; the JSON stays valid', async () => {
    git(repo, 'checkout', '-q', '-b', 'x');
    await approveAs(repo, 'ana', 'p3', 'According to Reuters, the two sides discussed many subjects.');
    git(repo, 'commit', '-q', '-am', 'x: p3');
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'checkout', '-q', '-b', 'y');
    await approveAs(repo, 'minh', 'p3', 'Reuters reports that both sides covered many topics.');
    await approveAs(repo, 'minh', 'p4', 'The Russian Defence Ministry said…');
    git(repo, 'commit', '-q', '-am', 'y: p3, p4');
    git(repo, 'checkout', '-q', 'main');
    expect(merge(repo, 'x').status).toBe(0);

    const r = merge(repo, 'y');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/segment p3 was changed on both branches/);
    expect(git(repo, 'status', '--porcelain')).toBe('');

    const stateText = readFileSync(join(repo, statePath), 'utf8');
    expect(stateText).not.toContain('<<<<<<<');
    const p3 = parseStateRecord(stateText, statePath).segments.p3!;
    expect(p3.status).toBe('draft');
    expect(p3.candidates.filter((c) => c.origin === 'human').map((c) => [c.by, c.text])).toEqual([
      ['ana', 'According to Reuters, the two sides discussed many subjects.'],
      ['minh', 'Reuters reports that both sides covered many topics.'],
    ]);
    expect(p3.history.at(-1)?.action).toBe('merge-conflict');
    // Both branches changed p3's approval from the base (none): the base value stays, in the
    // locale file and the state alike, and the current branch's text waits as the draft.
    const locale = JSON.parse(readFileSync(join(repo, localePath), 'utf8')) as Record<string, string>;
    expect(p3.approved).toBeNull();
    expect(locale.p3).toBeUndefined();
    expect(p3.draft).toMatchObject({ text: 'According to Reuters, the two sides discussed many subjects.', by: 'ana' });
    expect(locale.p4).toBe('The Russian Defence Ministry said…');

    // The CI gate sees the segment as needing review.
    const status = await runCli(['status', '--json'], { cwd: repo });
    expect(status.stdout).toMatch(/draft/);
  });
});
