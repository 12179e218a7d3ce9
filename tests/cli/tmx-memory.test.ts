/**
 * A translation memory travels as TMX: pairs approved in one project, exported, and imported
 * into another are offered by the memory engine there.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { runCli, tempProject, tempDir, SEED, SEED_ID, readJson } from '../support/cli.js';

describe('verso import-tmx feeds the memory engine', () => {
  it('offers an imported pair as a machine candidate with its match', async () => {
    const a = await tempProject(['en']);
    await runCli(['import', SEED], { cwd: a });
    await runCli(['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'US Defense Secretary Lloyd Austin'], { cwd: a });
    const tmx = join(tempDir(), 'memory.tmx');
    expect((await runCli(['export', 'tmx', '--to', 'en', '-o', tmx], { cwd: a })).code).toBe(0);

    const b = await tempProject(['en']);
    await runCli(['import', SEED, '--id', 'other-article'], { cwd: b });
    const before = await runCli(['translate', '--to', 'en', '--engine', 'memory', '--json'], { cwd: b });
    expect(before.code).toBe(0);
    const stateFile = join(b, '.verso', 'state', 'en', 'other-article.json');
    const p2Candidates = () => (existsSync(stateFile) ? ((readJson(stateFile) as { segments: Record<string, { candidates: unknown[] }> }).segments['p2']?.candidates ?? []) : []);
    expect(p2Candidates()).toEqual([]);

    const imp = await runCli(['import-tmx', tmx], { cwd: b });
    expect(imp.code, imp.stderr).toBe(0);
    const after = await runCli(['translate', '--to', 'en', '--engine', 'memory', '--only', 'all'], { cwd: b });
    expect(after.code, after.stderr).toBe(0);
    const state = readJson(stateFile) as { segments: Record<string, { status: string; candidates: { by: string; text: string; match?: number }[] }> };
    expect(state.segments['p2']!.status).toBe('machine');
    expect(state.segments['p2']!.candidates[0]).toMatchObject({ by: 'memory', text: 'US Defense Secretary Lloyd Austin', match: 100 });
  });
});
