/**
 * Hostile project files, property-based: whatever a state file, article record, config or
 * locale file contains (arbitrary JSON, a valid file with any field replaced or removed, or
 * garbage), verso never crashes (exit 70), always answers with a clear error that names the
 * file (exit 2) or a correct result, and never changes a file when it fails.
 *
 * Each case copies a small template project (the bundled article with some review work in it),
 * damages one file and runs the commands that read it, in-process for speed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED, SEED_ID, snapshotTree, tempDir } from '../support/cli.js';
import { commandNames, copyProject, runInProcess } from './inproc.js';
import { checkProjectTree } from './tree.js';

let template: string;

beforeAll(async () => {
  template = join(tempDir('verso-hostile-template-'), 'p');
  const steps = [
    ['init', '--to', 'en,vi'],
    ['import', SEED],
    ['edit', SEED_ID, 'p1', '--to', 'en', '--text', 'A draft for the first paragraph.'],
    ['approve', SEED_ID, 'p2', '--to', 'en', '--text', 'The US Secretary of Defense, Lloyd Austin'],
    ['edit', SEED_ID, 'p3', '--to', 'vi', '--text', 'Theo Reuters, hai bên đã thảo luận nhiều chủ đề.'],
  ];
  const { mkdirSync } = await import('node:fs');
  mkdirSync(template, { recursive: true });
  for (const argv of steps) {
    const r = await runInProcess(argv, template);
    if (r.code !== 0) throw new Error(`template: verso ${argv.join(' ')}: ${r.stderr}`);
  }
});

/** Commands that read project files, each of which succeeds on the undamaged template. */
interface CommandCase {
  argv: string[];
  /** May exit 1 (findings). */
  findings?: boolean;
  /** Writes project files when it succeeds. */
  writes?: boolean;
}

function readingCommands(): CommandCase[] {
  const have = new Set(commandNames());
  const list: CommandCase[] = [
    { argv: ['status'] },
    { argv: ['status', '--json'] },
    { argv: ['approve', SEED_ID, 'p4', '--to', 'en', '--text', 'Approved under test.'], writes: true },
    { argv: ['edit', SEED_ID, 'p5', '--to', 'en', '--text', 'Drafted under test.'], writes: true },
  ];
  // Commands other parts of verso add; each is run when this build has it.
  if (have.has('check')) list.push({ argv: ['check'], findings: true }, { argv: ['check', '--format', 'json'], findings: true });
  if (have.has('diff')) list.push({ argv: ['diff', SEED_ID, '--to', 'en'] });
  if (have.has('render')) list.push({ argv: ['render', SEED_ID, '--to', 'en'] });
  if (have.has('export')) list.push({ argv: ['export', 'xliff', SEED_ID, '--to', 'en'] });
  if (have.has('translate')) list.push({ argv: ['translate', '--engine', 'memory', '--to', 'en', '--dry-run'] }, { argv: ['translate', '--engine', 'memory', '--to', 'en'], writes: true });
  return list;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON value (object keys and array indexes). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** Arbitrary replacements for a file whose valid content is `validText`. */
function hostileContent(validText: string): fc.Arbitrary<string> {
  const valid = JSON.parse(validText) as Json;
  const paths = pathsOf(valid);
  const mutation = fc.record({ path: fc.constantFrom(...paths), value: fc.option(fc.jsonValue() as fc.Arbitrary<Json>, { nil: undefined }) });
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    let v = valid;
    for (const m of ms) {
      try {
        v = setAt(v, m.path, m.value);
      } catch {
        /* the path vanished with an earlier mutation */
      }
    }
    return JSON.stringify(v, null, 2);
  });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.nat({ max: validText.length }).map((n) => validText.slice(0, n)) },
  );
}

async function checkDamagedFile(relPath: string, content: string): Promise<void> {
  for (const { argv, findings, writes } of readingCommands()) {
    const dir = copyProject(template);
    writeFileSync(join(dir, relPath), content);
    const before = snapshotTree(dir);
    const r = await runInProcess(argv, dir);
    const context = `verso ${argv.join(' ')} with ${relPath} =\n${content.slice(0, 400)}\n→ exit ${r.code}\n${r.stderr}`;
    expect(r.code, context).not.toBe(70);
    expect(findings ? [0, 1, 2] : [0, 2], context).toContain(r.code);
    if (r.code === 2) {
      expect(r.stderr, context).toMatch(/^verso: /);
      expect(r.stderr, context).toContain(relPath);
      expect(snapshotTree(dir), `${context}\n(a file changed although the command failed)`).toEqual(before);
    } else if (writes) {
      // It accepted the file: what it wrote must be whole and agree with itself. (A run that
      // found nothing to change writes nothing, and the damage stays for `verso check` to report.)
      if (argv.includes('--text')) expect(readFileSync(join(dir, '.verso', 'state', 'en', `${SEED_ID}.json`), 'utf8'), context).toContain(argv[argv.indexOf('--text') + 1]!);
      if (JSON.stringify(snapshotTree(dir)) !== JSON.stringify(before)) expect(checkProjectTree(dir).filter((p) => !p.startsWith(relPath)), context).toEqual([]);
    } else {
      // A command that only reads leaves the project as it was, damaged file included (it may
      // fill a cache under .verso/cache: derived data, safe to delete).
      expect(withoutCaches(snapshotTree(dir)), context).toEqual(withoutCaches(before));
    }
  }
}

/** More cases when hunting bugs locally: VERSO_FUZZ_SCALE=10 npx vitest run tests/faults */
function withoutCaches(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([f]) => !f.startsWith('.verso/cache/')));
}

const RUNS = 40 * Number(process.env['VERSO_FUZZ_SCALE'] ?? 1);

describe('hostile project files never crash verso and never half-apply', () => {
  it('review state files', async () => {
    const rel = `.verso/state/en/${SEED_ID}.json`;
    await fc.assert(fc.asyncProperty(hostileContent(readFileSync(join(template, rel), 'utf8')), (c) => checkDamagedFile(rel, c)), { numRuns: RUNS });
  }, 120_000);

  it('article records', async () => {
    const rel = `.verso/articles/${SEED_ID}.json`;
    await fc.assert(fc.asyncProperty(hostileContent(readFileSync(join(template, rel), 'utf8')), (c) => checkDamagedFile(rel, c)), { numRuns: RUNS });
  }, 120_000);

  it('the config file', async () => {
    const rel = 'verso.config.json';
    await fc.assert(fc.asyncProperty(hostileContent(readFileSync(join(template, rel), 'utf8')), (c) => checkDamagedFile(rel, c)), { numRuns: RUNS });
  }, 120_000);

  it('locale files', async () => {
    for (const rel of [`locales/en/${SEED_ID}.json`, `locales/fr/${SEED_ID}.json`]) {
      await fc.assert(fc.asyncProperty(hostileContent(readFileSync(join(template, rel), 'utf8')), (c) => checkDamagedFile(rel, c)), { numRuns: RUNS / 2 });
    }
  }, 120_000);
});
