/**
 * `verso check` and `verso qa ignore` through the built CLI, in real temporary projects:
 * every exit code, every format (JSON against its schema, GitHub annotation syntax and lines,
 * JUnit XML against the Ant schema), the gates and their scope, and the consistency of locale
 * files with the review state.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, snapshotTree, tempProject } from '../support/cli.js';
import { validate } from './check-schema-validator.js';
import { BUDGET_EN, BUDGET_ORIGINAL } from '../support/budget-article.js';

const ORIGINAL = BUDGET_ORIGINAL;
const GOOD_EN = BUDGET_EN;

async function cli(dir: string, ...args: string[]) {
  return runCli(args, { cwd: dir });
}

/** A project with the `budget` article, every segment approved in `en` and nothing in `vi`. */
async function budgetProject(en: Record<string, string> = GOOD_EN): Promise<string> {
  const dir = await tempProject(['en', 'vi']);
  writeFileSync(join(dir, 'budget.txt'), ORIGINAL);
  expect((await cli(dir, 'import', 'budget.txt')).code).toBe(0);
  for (const [key, text] of Object.entries(en)) expect((await cli(dir, 'approve', 'budget', key, '--to', 'en', '--text', text)).code).toBe(0);
  return dir;
}

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'src', 'core', 'report', 'check-report.schema.json'), 'utf8')) as Record<string, unknown>;

describe('verso check exit codes and scope', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await budgetProject();
  });

  it('exits 0 when the languages checked are clean, whatever other languages hold', async () => {
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.stdout).toContain('check passed');
    expect(r.code).toBe(0);
  });

  it('exits 1 when a language checked has findings in the gates', async () => {
    const r = await cli(dir, 'check');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/originals\/budget\.txt:1: error: vi budget\/p1 untranslated: not translated yet/);
    expect(r.stdout).toContain('check failed: 3 finding(s)');
  });

  it('only fails on the gates asked for', async () => {
    expect((await cli(dir, 'check', '--to', 'vi', '--fail-on', 'stale,qa-error')).code).toBe(0);
    expect((await cli(dir, 'check', '--to', 'vi', '--fail-on', 'untranslated')).code).toBe(1);
    expect((await cli(dir, 'check', '--fail-on', 'none')).code).toBe(0);
  });

  it('exits 2 on usage errors, without a report', async () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'typos'], ['--to', 'de'], ['--article', 'nope'], ['extra']]) {
      const r = await cli(dir, 'check', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^verso: /);
    }
  });
});

describe('verso check findings', () => {
  it('finds the decimal-comma error and points at the key in the locale file', async () => {
    const dir = await budgetProject({ ...GOOD_EN, p1: 'The minister announced a 75% increase in the budget in 2024.' });
    const r = await cli(dir, 'check', '--to', 'en', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
    const f = report.findings.find((x) => x['check'] === 'numbers')!;
    expect(f).toMatchObject({ kind: 'qa', severity: 'error', failing: true, key: 'p1', lang: 'en', file: 'locales/en/budget.json', excerpt: '75', gate: 'qa-error' });
    const localeLines = readFileSync(join(dir, 'locales', 'en', 'budget.json'), 'utf8').split('\n');
    expect(localeLines[(f['line'] as number) - 1]).toContain('"p1":');
  });

  it('reports stale segments after the original changed', async () => {
    const dir = await budgetProject();
    writeFileSync(join(dir, 'budget.txt'), ORIGINAL.replace('355,5', '356,1'));
    expect((await cli(dir, 'import', 'budget.txt')).code).toBe(0);
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:4: error: en budget\/p3 stale/);
  });

  it('detects strings edited by hand and keys the source lacks, with their lines', async () => {
    const dir = await budgetProject();
    const file = join(dir, 'locales', 'en', 'budget.json');
    const edited = { ...GOOD_EN, p2: '“We are ready,” said the spokesman.', p9: 'A paragraph that does not exist.' };
    writeFileSync(file, `${JSON.stringify(edited, null, 2)}\n`);
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:3: error: en budget\/p2 hand-edited: the locale file differs from the approved translation/);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:5: error: en budget\/p9 orphan-key: the source has no such key/);
  });

  it('reports a key written twice in a locale file, and points at the one that is published', async () => {
    const dir = await budgetProject();
    const file = join(dir, 'locales', 'en', 'budget.json');
    // A hand merge left p2 twice: JSON.parse (and i18next) keep the second, unapproved string.
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(3, 0, '  "p2": "Exports fell.",');
    writeFileSync(file, lines.join('\n'));
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:4: error: en budget\/p2 hand-edited: the locale file has this key more than once \(earlier on line 3\); only this last one is published/);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:4: error: en budget\/p2 hand-edited: the locale file differs from the approved translation/);
  });

  it('finds the lines of keys in a locale file formatted by hand', async () => {
    const dir = await budgetProject();
    const file = join(dir, 'locales', 'en', 'budget.json');
    // Everything on one line except p3, whose value sits on the line after its key.
    const { p3, ...rest } = GOOD_EN;
    writeFileSync(file, `${JSON.stringify({ ...rest, p2: 'Edited.' }).slice(0, -1)},\n"p3":\n  ${JSON.stringify(`${p3!} Edited.`)}}\n`);
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:1: error: en budget\/p2 hand-edited/);
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:2: error: en budget\/p3 hand-edited/);
  });

  it('checks the source locale file too: hand edits, a key the article lacks, a deleted file', async () => {
    const dir = await budgetProject();
    const file = join(dir, 'locales', 'fr', 'budget.json');
    const original = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    // Someone fixes the French in the fallback file instead of the original.
    writeFileSync(file, `${JSON.stringify({ ...original, p2: `${original.p2!} (corrigé)`, p9: 'Ajout.' }, null, 2)}\n`);
    const r = await cli(dir, 'check', '--to', 'en', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>> };
    expect(validate(schema, report)).toEqual([]);
    expect(report.findings.filter((f) => f['lang'] === 'fr').map((f) => [f['kind'], f['key'], f['file'], f['line'], f['failing']])).toEqual([
      ['hand-edited', 'p2', 'locales/fr/budget.json', 3, true],
      ['orphan-key', 'p9', 'locales/fr/budget.json', 5, true],
    ]);
    const junit = await cli(dir, 'check', '--to', 'en', '--format', 'junit');
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toMatch(/<testsuite name="budget \(fr\)"[^>]* tests="2" failures="2"/);
    const text = await cli(dir, 'check', '--to', 'en');
    expect(text.stdout).toContain('locales/fr/budget.json:3: error: fr budget/p2 hand-edited: the source locale file differs from the article\'s text (edited by hand?); make the change in originals/budget.txt and run verso import on it, or restore the file from git');
    rmSync(file);
    const gone = await cli(dir, 'check', '--to', 'en');
    expect(gone.code).toBe(1);
    expect(gone.stdout).toContain('locales/fr/budget.json: error: fr budget/ hand-edited: the source locale file is missing (deleted by hand?); restore it from git (git checkout -- locales/fr/budget.json)');
  });

  it('treats a damaged review state as an input error naming file, line and column', async () => {
    const dir = await budgetProject();
    const state = join(dir, '.verso', 'state', 'en', 'budget.json');
    writeFileSync(state, readFileSync(state, 'utf8').replace('"segments": {', '"segments": {,'));
    const before = snapshotTree(dir);
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^verso: \.verso\/state\/en\/budget\.json:\d+:\d+: invalid JSON/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('treats a missing review state behind a non-empty locale file as an input error', async () => {
    const dir = await budgetProject();
    rmSync(join(dir, '.verso', 'state', 'en', 'budget.json'));
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.verso/state/en/budget.json: review state is missing');
    expect(r.stderr).toContain('next: restore it from git');
  });

  it('never prints control sequences that came from article text', async () => {
    const dir = await budgetProject();
    // A hand edit puts terminal control sequences into the published string: the finding quotes it.
    const file = join(dir, 'locales', 'en', 'budget.json');
    writeFileSync(file, `${JSON.stringify({ ...GOOD_EN, p3: 'Exports \u001b]0;pwned\u0007reached \u001b[31m$355.5 \u009b2Jbillion.' }, null, 2)}\n`);
    for (const format of ['text', 'github', 'json', 'junit']) {
      const r = await cli(dir, 'check', '--to', 'en', '--format', format);
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('hand-edited');
      expect(r.stdout, format).not.toMatch(/[\u001b\u0007\u009b]/);
    }
  });
});

describe('GitHub job summary', () => {
  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY with --format github, and only then', async () => {
    const dir = await budgetProject();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = await runCli(['check', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('earlier step\n### verso check failed')).toBe(true);
    expect(md).toContain('| vi | 3 | 0 (0 %) | 0 | 0 | 3 | 0 | 3 |');
    expect(md).toContain('| originals/budget.txt:1 | vi | budget/p1 | untranslated | not translated yet |');
    // Other formats leave it alone.
    expect((await runCli(['check', '--format', 'json'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } })).code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(md);
  });

  it('warns, and keeps the exit code, when the summary cannot be written', async () => {
    const dir = await budgetProject();
    const r = await runCli(['check', '--format', 'github', '--to', 'en'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'no', 'such', 'dir', 'summary.md') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('verso check passed');
    expect(r.stderr).toMatch(/^verso: warning: could not write the job summary to .*summary\.md: ENOENT/);
  });
});

describe('terminology and configuration', () => {
  const setConfig = (dir: string, patch: Record<string, unknown>) => {
    const file = join(dir, 'verso.config.json');
    writeFileSync(file, `${JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), ...patch }, null, 2)}\n`);
  };

  it('applies the glossary of the language pair and the do-not-translate list', async () => {
    const dir = await budgetProject({ ...GOOD_EN, p3: 'Shipments reached $355.5 billion.' });
    writeFileSync(join(dir, 'gloss.tsv'), '# terms\nexportations\tExports|export sales\n');
    setConfig(dir, { qa: { glossaries: { 'fr-en': 'gloss.tsv' }, doNotTranslate: ['porte-parole'] } });
    const r = await cli(dir, 'check', '--to', 'en', '--format', 'json');
    const checks = (JSON.parse(r.stdout) as { findings: Array<{ check: string; key: string; file: string; line: number }> }).findings.map((f) => `${f.key} ${f.check} ${f.file}:${f.line}`);
    expect(checks).toEqual(['p2 do-not-translate originals/budget.txt:2', 'p3 glossary originals/budget.txt:3']);
    expect(r.code).toBe(1);
  });

  it('rejects a broken glossary line and an unknown disabled check with exit 2', async () => {
    const dir = await budgetProject();
    writeFileSync(join(dir, 'gloss.tsv'), 'exportations\tExports\nbudget without a tab\n');
    setConfig(dir, { qa: { glossaries: { 'fr-en': 'gloss.tsv' } } });
    const r = await cli(dir, 'check', '--to', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^verso: gloss\.tsv:2:\d+: glossary: expected "source<TAB>target"/);
    setConfig(dir, { qa: { disabled: ['spelling'] } });
    const r2 = await cli(dir, 'check', '--to', 'en');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('unknown QA check "spelling" in qa.disabled');
  });

  it('does not run a check switched off in qa.disabled', async () => {
    const dir = await budgetProject({ ...GOOD_EN, p1: 'The minister announced a 75% increase in the budget in 2024.' });
    expect((await cli(dir, 'check', '--to', 'en')).code).toBe(1);
    setConfig(dir, { qa: { disabled: ['numbers'] } });
    expect((await cli(dir, 'check', '--to', 'en')).code).toBe(0);
  });
});

describe('verso qa ignore', () => {
  it('records the acceptance in the review state and shows the finding as ignored, no longer failing', async () => {
    const dir = await budgetProject({ ...GOOD_EN, p2: '“We are ready”, the spokesman said' });
    expect((await cli(dir, 'check', '--to', 'en', '--fail-on', 'qa-warning')).code).toBe(1);
    const ign = await cli(dir, 'qa', 'ignore', 'budget', 'p2', 'end-punctuation', '--to', 'en', '--reason', 'house style for captions');
    expect(ign.code).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, '.verso', 'state', 'en', 'budget.json'), 'utf8')) as { segments: Record<string, { qaIgnored?: Array<{ check: string; reason: string; by: string }> }> };
    expect(state.segments['p2']!.qaIgnored).toEqual([expect.objectContaining({ check: 'end-punctuation', reason: 'house style for captions', by: 'tester' })]);
    const r = await cli(dir, 'check', '--to', 'en', '--fail-on', 'qa-warning');
    expect(r.stdout).toMatch(/locales\/en\/budget\.json:3: ignored: en budget\/p2 qa\/end-punctuation: .*\(ignored by tester: house style for captions\)/);
    expect(r.code).toBe(0);
    // A new approval of the segment brings the check back.
    await cli(dir, 'approve', 'budget', 'p2', '--to', 'en', '--text', '“We are ready”, the spokesman told us');
    expect((await cli(dir, 'check', '--to', 'en', '--fail-on', 'qa-warning')).code).toBe(1);
  });

  it('refuses an unknown check, a missing reason and an unapproved segment with exit 2', async () => {
    const dir = await budgetProject();
    expect((await cli(dir, 'qa', 'ignore', 'budget', 'p2', 'spelling', '--to', 'en', '--reason', 'x')).code).toBe(2);
    expect((await cli(dir, 'qa', 'ignore', 'budget', 'p2', 'quotes', '--to', 'en')).code).toBe(2);
    const r = await cli(dir, 'qa', 'ignore', 'budget', 'p2', 'quotes', '--to', 'vi', '--reason', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no approved vi translation');
  });
});

describe('verso check formats', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await budgetProject({ ...GOOD_EN, p1: 'The minister announced a 75% increase in the budget in 2024.', p2: '“We are ready,” the  spokesman said.' });
  });

  it('json: parses and validates against the documented schema', async () => {
    const r = await cli(dir, 'check', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: unknown[]; summary: { languages: Array<{ lang: string; segments: number }> } };
    expect(validate(schema, report)).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(3);
    expect(report.summary.languages.map((l) => [l.lang, l.segments])).toEqual([['en', 3], ['vi', 3]]);
    // The validator is not vacuous: a wrong field fails it.
    expect(validate(schema, { ...report, exitCode: 3 })).not.toEqual([]);
  });

  it('github: every line is a well-formed workflow command pointing at a real line', async () => {
    const r = await cli(dir, 'check', '--format', 'github');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const annotations = lines.slice(0, -1);
    expect(annotations.length).toBeGreaterThanOrEqual(5);
    for (const line of annotations) {
      const m = /^::(error|warning|notice) file=([^,:]+),line=(\d+),title=([^,:]*)::(.+)$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, , file, lineNo] = m!;
      const fileLines = readFileSync(join(dir, file!), 'utf8').split('\n');
      expect(Number(lineNo)).toBeLessThanOrEqual(fileLines.length);
    }
    expect(r.stdout).toContain('::error file=locales/en/budget.json,line=2,title=verso qa/numbers (en p1)::');
    expect(r.stdout).toContain('::error file=originals/budget.txt,line=1,title=verso untranslated (vi p1)::');
    expect(lines.at(-1)).toMatch(/^verso check failed: \d+ failing finding/);
  });

  it('junit: well-formed XML, valid against the Ant JUnit schema, one test case per segment and language', async () => {
    const r = await cli(dir, 'check', '--format', 'junit');
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout) as {
      testsuites: { testsuite: Array<{ '@_name': string; '@_failures': string; testcase: Array<{ '@_name': string; failure?: { '@_type': string } }> }> };
    };
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s['@_name'])).toEqual(['budget (en)', 'budget (vi)']);
    // (A clean source locale file adds no suite: only its problems would.)
    expect(suites.map((s) => s.testcase.map((t) => t['@_name']))).toEqual([['p1', 'p2', 'p3'], ['p1', 'p2', 'p3']]);
    expect(suites[0]!.testcase[0]!.failure!['@_type']).toBe('qa/numbers');
    expect(suites[1]!['@_failures']).toBe('3');

    const xmllint = spawnSync('xmllint', ['--version']);
    if (xmllint.error) {
      // CI installs libxml2-utils (.ci/run); without it only the pure-JS checks above run.
      console.warn('xmllint not installed: JUnit schema validation skipped');
      return;
    }
    const file = join(dir, 'report.xml');
    writeFileSync(file, r.stdout);
    const xsd = join(REPO_ROOT, '..', 'shared', 'reference', 'schemas', 'junit', 'JUnit.xsd');
    const out = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    expect(out.stderr).toContain('validates');
    expect(out.status).toBe(0);
  });
});

