/**
 * Arguments are input too: any mix of command names, known and unknown options, and odd values
 * gives exit 0, 1 or 2 — never an internal error (exit 70) — and a failed command changes no
 * file. Property-based, in-process, against a small project with some work in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, SEED_ID, snapshotTree, tempDir } from '../support/cli.js';
import { commandNames, copyProject, runInProcess } from './inproc.js';

let template: string;

beforeAll(async () => {
  template = join(tempDir('verso-args-template-'), 'p');
  mkdirSync(template, { recursive: true });
  for (const argv of [['init', '--to', 'en,vi'], ['import', SEED], ['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'Draft.'], ['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'Approved.']]) {
    const r = await runInProcess(argv, template);
    if (r.code !== 0) throw new Error(r.stderr);
  }
});

const FLAGS = ['--to', '--json', '--text', '--article', '--format', '--fail-on', '--only', '--engine', '--shard', '--concurrency', '--context', '--dry-run', '--id', '--version', '-o', '--approval', '--reason', '--lines', '--origin', '--mt', '--min-approved', '--qa', '--sentences', '--lang', '--require-complete', '--stdin', '-h', '--', '-x', '--to='];
const VALUES = [SEED_ID, 'p1', 'p2', 'p999', 'en', 'vi', 'fr', 'xx', 'en,vi', ',', '', ' ', '0', '-1', '1/0', '3/2', '0/0', '1e309', 'NaN', '100', 'json', 'junit', 'github', 'none', 'all', 'memory', 'deepl', '../x', '/dev/null', '\u0000', '\u001b[2J', 'é', 'true'];

describe('hostile command lines', () => {
  it('never end in an internal error, and a failure changes nothing', async () => {
    const argv = fc.tuple(fc.constantFrom(...commandNames(), 'help', 'nope'), fc.array(fc.oneof(fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES)), { maxLength: 7 })).map(([c, rest]) => [c, ...rest]);
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // Commands that would wait on a terminal or on the network are covered elsewhere.
        if (args[0] === 'review' || (args[0] === 'align' && args.includes('--origin')) || (args[0] === 'translate' && !args.includes('memory'))) return;
        if (args.includes('--stdin')) return;
        const dir = copyProject(template);
        const before = snapshotTree(dir);
        const r = await runInProcess(args, dir, { DEEPL_AUTH_KEY: '' });
        const context = `verso ${JSON.stringify(args)} → ${r.code}\n${r.stderr}`;
        expect([0, 1, 2], context).toContain(r.code);
        if (r.code === 2) expect(snapshotTree(dir), `${context}\n(a file changed although the command failed)`).toEqual(before);
      }),
      { numRuns: 150 * Number(process.env['VERSO_FUZZ_SCALE'] ?? 1) },
    );
  }, 120_000);
});
